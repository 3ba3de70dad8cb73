"""PLOVER modes and contexts of an event, read from cue words in ``data/lexicon.toml``.

The manual (../shared/reference/PLOVER_MANUAL.pdf) gives some event types a *mode*, how
the act was done (tables 3.1-3.11), and every event any number of *contexts*, what it is
about (table 2.1). Both are read from cues: a lemma ("sarin") or several consecutive words
("tear gas", "step down") in the ``[modes.TYPE]`` and ``[contexts]`` tables. Where an
event's clause cues several modes, the more telling one wins (``RANKS``: a chlorine bomb
dropped from a jet is an unconventional attack, not an aerial one), then the cue on the
clause's own verb, then the first in the sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from spacy.tokens import Token

from wirewatch.extract.lexicon import Lexicon

PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "CRIME": frozenset(),
    "INVESTIGATE": frozenset(),  # ACCUSE 'investigate' in the manual: the type is the mode
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "DEMAND": frozenset({"assist", "change", "yield", "meet"}),  # REQUEST in the manual
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "DISAPPROVE": frozenset({"disapprove", "allege"}),  # ACCUSE in the manual
    # curfew and martial-law are THREATEN modes of the 2018 manual that the public gold data
    # still uses (as the type names DEMAND, DISAPPROVE, FIGHT are); the current one folds
    # both into restrict
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence",
                           "curfew", "martial-law"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest",
                         "deport", "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy",
                          "primitive", "firearms", "explosives", "suicide-attack", "aerial",
                          "drone", "heavy-weapons", "crowd-control", "unconventional"}),
    # conventional fighting (the 2018 FIGHT) takes the means of ASSAULT, not its acts
    "FIGHT": frozenset({"primitive", "firearms", "explosives", "suicide-attack", "aerial",
                        "drone", "heavy-weapons", "crowd-control", "unconventional"}),
}
"""The manual's modes of each event type (tables 3.1-3.11), by our type names."""

PLOVER_CONTEXTS: frozenset[str] = frozenset({
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security", "gender",
    "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping",
    "health", "asylum", "migration", "disasters", "natural_resource", "environment",
    "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
})
"""The manual's 37 general contexts (table 2.1), spaces written as underscores."""

SHARED_CUES = {"REJECT": "DEMAND", "FIGHT": "ASSAULT"}
"""Types that read another type's cue table (only the modes they have)."""

RANKS: dict[str, tuple[frozenset[str], ...]] = {
    "ASSAULT": (frozenset({"unconventional", "suicide-attack", "crowd-control"}),
                frozenset({"abduct", "torture", "sexual", "targeted"}),
                frozenset({"drone"}), frozenset({"aerial"}),
                frozenset({"heavy-weapons", "explosives", "firearms", "primitive"})),
    "FIGHT": (frozenset({"unconventional", "suicide-attack", "crowd-control"}),
              frozenset({"drone"}), frozenset({"aerial"})),
    "CONSULT": (frozenset({"phone"}), frozenset({"third-party"}), frozenset({"multilateral"})),
    "PROTEST": (frozenset({"hunger"}),
                frozenset({"riot", "vandalize", "obstruct", "boycott", "strike"})),
    "SANCTION": (frozenset({"convict", "expel", "withdraw"}),),
    # the manual: weapons only when no armed personnel are mobilized with them
    "MOBILIZE": (frozenset({"police", "militia", "troops"}),),
}
"""Where several modes are cued, earlier sets beat later ones and unlisted modes come last."""

NARROWER: dict[tuple[str, str], frozenset[str]] = {
    ("COERCE", "restrict"): frozenset({"curfew", "martial-law"}),
    ("MOBILIZE", "troops"): frozenset({"police", "militia"}),
    ("ASSAULT", "firearms"): frozenset({"crowd-control"}),
    ("FIGHT", "firearms"): frozenset({"crowd-control"}),
}
"""Modes a cue may narrow a trigger's own mode to: "imposed a curfew" is COERCE 'curfew'."""

THREAT_BY_TYPE = {"ASSAULT": "violence", "FIGHT": "violence", "MOBILIZE": "violence",
                  "COERCE": "arrest", "SANCTION": "relations", "PROTEST": "restrict",
                  "REJECT": "relations"}
"""What a threat to do an act of this type threatens."""

THREAT_BY_MODE = {("COERCE", "restrict"): "restrict", ("COERCE", "censor"): "restrict",
                  ("COERCE", "withhold"): "restrict", ("COERCE", "curfew"): "curfew",
                  ("COERCE", "martial-law"): "martial-law", ("COERCE", "deport"): "expel",
                  ("SANCTION", "expel"): "expel"}
"""Threatened acts whose mode says more than their type."""

THREAT_OVERRIDES = {"ASSAULT": frozenset({"territory"}), "FIGHT": frozenset({"territory"}),
                    "MOBILIZE": frozenset({"territory"}),
                    "COERCE": frozenset({"territory", "expel"}),
                    "SANCTION": frozenset({"restrict", "expel"})}
"""THREATEN cues that beat the threatened act's type ("threatened to boycott" restricts)."""

CONTENT_TYPES = {"DEMAND", "REJECT", "THREATEN"}
"""Types whose mode is what is demanded, refused or threatened: read their complement too."""

HYPHENS = {"-", "–"}

Phrases = dict[str, list[tuple[tuple[str, ...], str]]]
"""Multi-word cues by their first word: (words, value), longest first."""


class Cue(NamedTuple):
    """One cue found in a clause."""

    start: int
    """Index in the doc of its first word."""
    value: str
    """The mode or context it cues."""
    on_root: bool
    """Whether it is (or contains) the clause's own verb."""


def event_mode(lex: Lexicon, event_type: str, trigger_mode: str | None, trigger_type: str,
               tokens: Iterable[Token], inner_type: str | None = None,
               hosted: bool = False) -> str | None:
    """The PLOVER mode of an event of ``event_type`` whose own clause is ``tokens``.

    Args:
        lex: the lexicon with the ``[modes.*]`` cue tables.
        event_type: the type the event is coded as.
        trigger_mode, trigger_type: the matched trigger entry's mode and type; the entry's
            mode wins when the types agree (a cue may narrow it, see ``NARROWER``).
        tokens: the event's own clause, in any order.
        inner_type: for THREATEN, the type of the threatened act ("threatened to attack":
            ASSAULT), which decides the mode before THREATEN's own cues.
        hosted: whether one side met on the other's ground (CONSULT 'visit' when nothing
            else is cued).

    Returns:
        One of ``PLOVER_MODES[event_type]``, or None when nothing cues one.
    """
    clause = sorted(tokens, key=lambda token: token.i)
    if event_type in CONTENT_TYPES:
        clause = _with_complements(clause)
    if event_type == "THREATEN":
        return _threat_mode(lex, trigger_mode, trigger_type, clause, inner_type)
    mode = _act_mode(lex, event_type, trigger_mode, trigger_type, clause)
    return "visit" if mode is None and event_type == "CONSULT" and hosted else mode


def event_contexts(lex: Lexicon, tokens: Iterable[Token]) -> tuple[str, ...]:
    """Sorted PLOVER contexts cued by lemmas in the sentence ``tokens``.

    Several-word cues ('human rights', 'air force', 'tear gas', 'martial law') win over the
    words inside them: "tear gas" is repression, not the natural resource gas.
    """
    found = find_cues(lex.contexts, sorted(tokens, key=lambda token: token.i))
    return tuple(sorted({cue.value for cue in found}))


def cue_table(lex: Lexicon, event_type: str) -> dict[str, str]:
    """Cue -> mode for ``event_type``: its own table over the one it shares (``SHARED_CUES``)."""
    shared = lex.modes.get(SHARED_CUES.get(event_type, ""), {})
    allowed = PLOVER_MODES.get(event_type, frozenset())
    return {**{cue: mode for cue, mode in shared.items() if mode in allowed},
            **lex.modes.get(event_type, {})}


def find_cues(table: Mapping[str, str], clause: Sequence[Token]) -> list[Cue]:
    """The cues of ``table`` in ``clause`` (sorted tokens), in order, longest at each word.

    A key with spaces is a phrase of consecutive words (hyphens between them skipped);
    each word matches a token's lemma or its lowercase form. A matched phrase uses up its
    words, so "tear gas" is not also "gas".
    """
    if not table or not clause:
        return []
    phrases = _phrases(table)
    inside = {token.i for token in clause}
    roots = {token.i for token in clause if token.head.i == token.i or token.head.i not in inside}
    found: list[Cue] = []
    next_free = -1
    for token in clause:
        if token.i < next_free:
            continue
        forms = _forms(token)
        end, value = _phrase_at(token, forms, phrases, inside)
        if value is None:
            end, value = token.i + 1, next((table[f] for f in forms if f in table), None)
        if value is not None:
            found.append(Cue(token.i, value, any(i in roots for i in range(token.i, end))))
            next_free = end
    return found


def _act_mode(lex: Lexicon, event_type: str, trigger_mode: str | None, trigger_type: str,
              clause: Sequence[Token]) -> str | None:
    found = find_cues(cue_table(lex, event_type), clause)
    if trigger_mode and event_type == trigger_type:
        narrower = NARROWER.get((event_type, trigger_mode), frozenset())
        return next((cue.value for cue in found if cue.value in narrower), trigger_mode)
    return _best(event_type, found)


def _threat_mode(lex: Lexicon, trigger_mode: str | None, trigger_type: str,
                 clause: Sequence[Token], inner_type: str | None) -> str | None:
    """What is threatened: the threatened act's type and mode, else THREATEN's own cues."""
    own = _best("THREATEN", find_cues(cue_table(lex, "THREATEN"), clause))
    if inner_type is None or inner_type == "THREATEN":
        return own
    if own in THREAT_OVERRIDES.get(inner_type, frozenset()):
        return own
    inner_mode = _act_mode(lex, inner_type, trigger_mode, trigger_type, clause)
    return (THREAT_BY_MODE.get((inner_type, inner_mode or "")) or THREAT_BY_TYPE.get(inner_type)
            or own)


def _best(event_type: str, found: list[Cue]) -> str | None:
    """The cue that ranks first: by ``RANKS``, then on the clause's verb, then earliest."""
    tiers = RANKS.get(event_type, ())

    def rank(cue: Cue) -> tuple[int, bool, int]:
        tier = next((n for n, modes in enumerate(tiers) if cue.value in modes), len(tiers))
        return tier, not cue.on_root, cue.start

    return min(found, key=rank).value if found else None


def _with_complements(clause: list[Token]) -> list[Token]:
    """The clause with the clauses it demands, refuses or threatens ("demanded that X resign")."""
    inside = {token.i for token in clause}
    extra = [t for token in clause for child in token.children
             if child.dep_ in {"ccomp", "xcomp"} and child.i not in inside
             for t in child.subtree]
    return sorted({token.i: token for token in [*clause, *extra]}.values(), key=lambda t: t.i)


def _forms(token: Token) -> list[str]:
    """Lemma, lowercase word, and a plain singular of unlemmatised headline words ("PROTESTS")."""
    lemma, lower = token.lemma_.lower(), token.lower_
    forms = [lemma] if lemma == lower else [lemma, lower]
    plural = len(lemma) > 3 and lemma.endswith("s") and not lemma.endswith(("ss", "us", "is"))
    if lemma == lower and plural:
        forms.append(lemma[:-1])
    return forms


def _phrases(table: Mapping[str, str]) -> Phrases:
    """Multi-word cues by their first word, longest first."""
    return _phrase_index(tuple((cue, value) for cue, value in table.items() if " " in cue))


@functools.lru_cache(maxsize=64)
def _phrase_index(pairs: tuple[tuple[str, str], ...]) -> Phrases:
    phrases: Phrases = {}
    for cue, value in pairs:
        words = tuple(cue.replace("'s", " 's").replace("-", " ").split())
        phrases.setdefault(words[0], []).append((words, value))
    for candidates in phrases.values():
        candidates.sort(key=lambda candidate: -len(candidate[0]))
    return phrases


def _phrase_at(token: Token, forms: list[str], phrases: Phrases,
               inside: set[int]) -> tuple[int, str | None]:
    """(end, value) of the longest phrase starting at ``token``, or (0, None)."""
    candidates = sorted((c for form in forms for c in phrases.get(form, ())),
                        key=lambda candidate: -len(candidate[0]))
    doc = token.doc
    for words, value in candidates:
        i = token.i
        for word in words[1:]:
            i += 1
            while i < len(doc) and doc[i].text in HYPHENS:
                i += 1
            if i >= len(doc) or i not in inside or word not in _forms(doc[i]):
                break
        else:
            return i + 1, value
    return 0, None


__all__ = ["PLOVER_CONTEXTS", "PLOVER_MODES", "Cue", "cue_table", "event_contexts",
           "event_mode", "find_cues"]
