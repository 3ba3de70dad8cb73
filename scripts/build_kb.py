"""Build the shipped world knowledge base from the public-domain office-holder files.

    .venv/bin/python scripts/build_kb.py [--from ../shared/kb]

reads ``office-holders-factbook.jsonl`` (CIA World Factbook, US Government, public domain)
and ``office-holders-wikidata.jsonl`` (Wikidata, CC0) from ``../shared/kb/`` and writes
``wirewatch/data/world.json``: the actors that importing both files into the curated
``data/actors.json`` would add or change (``wirewatch kb import``'s own merge, so the shipped
file and an import agree), one actor a line, sorted by id, without the per-role ``source``
text (``docs/kb.md`` names the sources and their snapshots once). Some Factbook editions
give a surname alone ("Blair", "Bayrou"): such a record joins the one person of that
surname and country who started a role on the same day, and a one- or two-letter "name"
(a parsing slip: "By", "Na") or a bare Wikidata id ("Q27146606") is left out. Run it again when the curated file or the
office-holder files change; the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from wirewatch.resolve.kb import ActorKB, KBActor, curated
from wirewatch.resolve.kb_files import merge_file, with_roles
from wirewatch.resolve.names import key

ROOT = Path(__file__).parent.parent
FILES = ("office-holders-factbook.jsonl", "office-holders-wikidata.jsonl")


def build(source: Path) -> list[KBActor]:
    """The actors both files add to, or change in, the curated knowledge base."""
    kb = curated()
    changed: dict[str, KBActor] = {}
    for name in FILES:
        merged = merge_file(source / name, kb)
        changed.update((actor.id, actor) for actor in merged.actors)
        kb = ActorKB([*(a for a in kb.actors.values() if a.id not in changed), *changed.values()])
        print(f"{name}: {len(merged.actors):,} actors added or changed, "
              f"{len(merged.skipped)} rows without a country code left out")
    return sorted(_surnames_joined(kb, changed).values(), key=lambda actor: actor.id)


def _surnames_joined(kb: ActorKB, changed: dict[str, KBActor]) -> dict[str, KBActor]:
    """``changed`` with each surname-only person joined to the full-named one it is."""
    for actor in [a for a in changed.values() if len(a.name.split()) == 1]:
        starts = {role.start for role in actor.roles}
        same = [a for a in kb.actors.values() if a.id != actor.id and a.type == "person"
                and a.country == actor.country and len(a.name.split()) > 1
                and key(a.name).split()[-1] == key(actor.name)
                and starts & {role.start for role in a.roles}]
        if len(same) == 1:
            full = changed.get(same[0].id, same[0])
            changed[full.id] = with_roles(full, [], actor.roles)
        if len(same) == 1 or len(actor.name) <= 2 or re.fullmatch(r"Q\d+", actor.name):
            del changed[actor.id]
    return changed


def write(actors: list[KBActor], path: Path) -> None:
    lines = []
    for actor in actors:
        record = actor.to_json()
        # a post with a nickname in quotes is a parsing slip ('Prime Minister Simon William
        # "Bill" of New Zealand'): the person's other roles stay
        record["roles"] = [role for role in record["roles"] if '"' not in role["post"]]
        if not record["roles"]:
            continue
        for role in record["roles"]:
            role.pop("source", None)
        lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    path.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, default=ROOT.parent / "shared" / "kb")
    args = parser.parse_args()
    missing = [name for name in FILES if not (args.source / name).is_file()]
    if missing:
        sys.exit(f"{args.source} lacks {', '.join(missing)}: give the folder with --from")
    actors = build(args.source)
    out = ROOT / "wirewatch" / "data" / "world.json"
    write(actors, out)
    print(f"wrote {out.relative_to(ROOT)}: {len(actors):,} actors, "
          f"{sum(len(a.roles) for a in actors):,} roles, {out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
