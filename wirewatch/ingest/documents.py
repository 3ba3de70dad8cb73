"""Whole-document formats: a plain text file or an HTML page is one article.

HTML goes through trafilatura, which keeps the article body and drops navigation,
sidebars and footers. Its date search is kept to the page's metadata
(``extensive_search`` off): guessing a date from any number in the body text would
put wrong dates in the store, and a missing date is honest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from wirewatch.errors import EmptyInputError, InputError
from wirewatch.ingest.article import Notice, article_with, noted
from wirewatch.model import Article


def from_text(text: str, origin: str, meta: Mapping[str, str]) -> Iterator[Article | InputError]:
    """One article from plain text; its title is unknown unless ``meta`` gives one."""
    try:
        yield article_with(text, meta, origin=origin)
    except InputError as error:
        yield error


def from_html(html: str, origin: str,
              meta: Mapping[str, str]) -> Iterator[Article | InputError | Notice]:
    """One article from the main text of an HTML page; ``meta`` overrides the page's metadata,
    and a page date that cannot be read is left empty with a Notice."""
    def build(warn: Callable[[str], None]) -> Article:
        text, found = extract_html(html, origin)
        return article_with(text, {**found, **meta}, origin=origin, warn=warn)

    return noted(build)


def extract_html(html: str, origin: str) -> tuple[str, dict[str, str]]:
    """The main text of a page and the metadata found in it (title, url, published, publisher).

    Raises:
        EmptyInputError: the page has no main text.
    """
    # Imported here: trafilatura takes a tenth of a second to import, which callers
    # that never see HTML (make_article from the API, the JSON filter) should not pay.
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False,
        date_extraction_params=_date_params(),
    )
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise EmptyInputError(f"{origin} has no article text", "no main text was found in the page",
                              "Check that it is an article page and not an index or a login page")
    found = {"title": document.title, "url": document.url, "published": document.date,
             "publisher": document.sitename}
    return document.text or "", {key: value for key, value in found.items() if value}


def _date_params() -> dict[str, Any]:
    """htmldate settings: metadata only, no dates later than today."""
    return {"extensive_search": False, "original_date": True,
            "max_date": date.today().isoformat()}
