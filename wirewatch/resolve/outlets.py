"""The country a news outlet is at home in, from its web address: the country-code domain
(``cbc.ca``, ``bbc.co.uk``) or, for a .com, .org or .net, a small table of known outlets
(``data/outlets.tsv``). The geoparser prefers a place of that country among namesakes, unless
the best-known one is ten times its size: "Hamilton" in a Canadian paper is Hamilton, Ontario,
"London" stays London, England.

Country-code domains sold as generic names (.co, .io, .tv, .me, .fm, .ai, ...) say nothing.
"""

from __future__ import annotations

import functools
from importlib import resources
from urllib.parse import urlsplit

from wirewatch.resolve.countries import CountryIndex

VANITY = frozenset({"co", "io", "tv", "me", "fm", "ai", "ly", "to", "cc", "ws", "la", "am", "gg",
                    "sh", "ac", "im", "is"})
"""Country-code domains mostly used as generic ones."""
_UK = {"uk": "GB"}


def home_country(url: str | None, countries: CountryIndex) -> str | None:
    """ISO3 of the country the outlet at ``url`` is at home in, or None when it cannot be told."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    outlets = _outlets()
    for domain, country in outlets.items():
        if host == domain or host.endswith("." + domain):
            return country
    last = host.rsplit(".", 1)[-1]
    if len(last) != 2 or last in VANITY:
        return None
    iso2 = _UK.get(last, last.upper())
    return next((r.iso3 for r in countries.records() if r.iso2 == iso2), None)


@functools.cache
def _outlets() -> dict[str, str]:
    text = (resources.files("wirewatch") / "data" / "outlets.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {domain: country for domain, country in rows[1:]}


__all__ = ["home_country"]
