"""Title discrepancies: the text gives a person a post the knowledge base does not have them
holding on the article's date.

"Russian Defense Council Secretary Sergei Shoigu" in an article of October 2024: the knowledge
base has him as Secretary of the Security Council since May 2024, and "defence" is in none of
his posts on that day, so a discrepancy lists both values, the text's with its evidence.

A title is the words before the name in its noun phrase, or an apposition ("Sergei Shoigu,
Russia's defence minister,"). It is compared as a set of content words, after folding spelling
variants ("defense" = "defence", "premier" = "prime minister") and dropping country and date
words and the person's own names: it fits a post when all its words are in the post. Generic
titles ("leader", "Mr", "Democrat challenger") and past ones ("former") are not compared, and
only people the knowledge base has roles for are. An undated article is compared with today's
posts, but a title that fits any post the person ever held is not flagged: the article may be
from then ("President Bush" in an undated 2004 story).

A discrepancy needs the knowledge base to know better, not merely less: the person must hold
a post there on the day, one that says which (the Factbook's bare "Head Of Government of X"
does not), and the knowledge base must cover the post the article names: some post of that
country, held by anyone at any time, has all the title's words, or all but one that is not a
rank with two or more shared ("Defense Council Secretary" against "Secretary of the Security
Council"; neither "Deputy Prime Minister" nor "Sports Minister" is covered by a prime or a
defence minister). A post it has no record of is a gap in the
knowledge base, not a fault in the article.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract.reading import ArticleReading
from wirewatch.model import Discrepancy, Stated
from wirewatch.resolve.kb import KBActor, Role
from wirewatch.resolve.names import fold

GENERIC = frozenset({
    "leader", "official", "mr", "mrs", "ms", "dr", "sir", "madam", "chief", "head", "top",
    "senior", "new", "incoming", "outgoing", "strongman", "dictator", "counterpart", "spokesman",
    "spokeswoman", "politician", "veteran", "longtime", "embattled", "powerful", "hardline",
    "current", "then", "acting", "interim", "his", "her", "their", "its", "country", "nation",
    "challenger", "candidate", "nominee", "rival", "opponent", "incumbent", "newly", "elected",
    "re", "reelected", "democrat", "democratic", "republican", "labour", "tory", "conservative", "liberal",
    "socialist", "communist", "opposition", "party", "ally", "allies",
})
"""Words that say nothing about which post: a title of only these is not compared."""
PAST = frozenset({"former", "ex", "late", "previous", "erstwhile", "then"})
SPELLINGS = {"defense": "defence", "premier": "prime minister", "pm": "prime minister",
             "sec": "secretary", "gen": "general", "secretarygeneral": "secretary general"}
STOP = frozenset({"of", "the", "and", "for", "s", "to", "a", "an", "in", "on"})
UNNAMED_POSTS = ("chief of state", "head of government", "head of state")
RANKS = frozenset({"deputy", "vice", "first", "second", "assistant", "under", "junior", "acting",
                   "associate", "principal", "senior", "state"})
"""Words that make a post another one: a deputy prime minister is no prime minister."""
MAX_TITLE = 8
"""Longer appositions are descriptions, not titles."""


def title_discrepancies(reading: ArticleReading) -> list[Discrepancy]:
    """One discrepancy per person and title that no post held on the article's date fits."""
    day = reading.day
    found: dict[tuple[str, frozenset[str]], Discrepancy] = {}
    for ent in reading.ents:
        if ent.label_ != "PERSON":
            continue
        known = reading.known_person(ent)
        if known is None or not known.roles:
            continue
        for title in _titles(reading, ent):
            words = _title_words(reading, title) - _name_words(known) - GENERIC
            if not words or any(t.lower_ in PAST for t in title):
                continue
            held = [role for role in known.roles if role.held_on(day)]
            if any(words <= _post_words(role.post) for role in held):
                continue
            if not held or any(_unnamed(role) for role in held) \
                    or not _covered(words, reading.r.kb.posts_in(held[0].country)):
                continue  # the knowledge base does not know better
            if day is None and any(words <= _post_words(role.post) for role in known.roles):
                continue  # undated: a post once held may be the article's own time
            slot = (known.id, frozenset(words))
            if slot in found:
                continue  # the first mention is the one quoted
            span = reading.span(title[0].i, title[-1].i + 1)
            found[slot] = Discrepancy(
                "title", known.name, known.id, day,
                (Stated(span.text, "the article", reading.evidence(ent.sent)), *_known(held)),
                _note(known, span.text, words, held, day))
    return list(found.values())


def _titles(reading: ArticleReading, ent: SpacySpan) -> Iterable[list[Token]]:
    start, _ = reading.phrase(ent.root, ent)
    before = [t for t in reading.doc[start:ent.start] if not (t.is_punct or t.lower_ in STOP)]
    if before:
        yield before
    for child in ent.root.children:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and child.i > ent.end:
            tokens = [t for t in child.subtree if t.dep_ not in {"relcl", "acl"} and not t.is_punct]
            if 0 < len(tokens) <= MAX_TITLE and child.ent_type_ != "PERSON":
                yield tokens


def _name_words(known: KBActor) -> set[str]:
    """Words of the person's names: "Susilo Bambang" before "Yudhoyono" is name, not title."""
    return {w for name in (known.name, *known.aliases) for w in fold(name).split()}


def _title_words(reading: ArticleReading, title: list[Token]) -> set[str]:
    """Content words of a title, without the country ("Russian", "Russia's") or a date."""
    words: set[str] = set()
    for token in title:
        if token.ent_type_ in {"GPE", "NORP", "DATE", "TIME"} or reading.r.countries.match(token.text) \
                or token.lower_ in STOP or token.is_punct or token.tag_ == "POS":
            continue
        words |= set(_fold_word(token.lower_).split())
    return words


def _unnamed(role: Role) -> bool:
    """A post that says no more than its rank in the state ("Chief Of State of France")."""
    return fold(role.post).startswith(UNNAMED_POSTS)


def _covered(words: set[str], posts: Iterable[str]) -> bool:
    """Some post has every word of the title, or all but one that is not a rank when two
    or more are shared ("Sports Minister" shares only "minister" with the defence minister's)."""
    for post in posts:
        missing = words - _post_words(post)
        if not missing or (len(missing) == 1 and len(words) - 1 >= 2 and not missing & RANKS):
            return True
    return False


def _post_words(post: str) -> set[str]:
    return {w for word in fold(post).split() for w in _fold_word(word).split()} - STOP


def _fold_word(word: str) -> str:
    plain = fold(word).replace(" ", "")
    return SPELLINGS.get(plain, plain)


def _known(held: list[Role]) -> list[Stated]:
    return [Stated(role.post, f"knowledge base (since {role.start or '?'}"
                              f"{'; ' + role.source if role.source else ''})") for role in held]


def _note(known: KBActor, title: str, words: set[str], held: list[Role], day: str | None) -> str:
    when = f"on {day}" if day else "today"
    past = [r for r in known.roles if r not in held and words <= _post_words(r.post)]
    if past:
        return (f"the article calls {known.name} {title!r}, a post held until "
                f"{past[-1].end or '?'}; {when} the knowledge base has "
                f"{_posts(held)}")
    return (f"the article calls {known.name} {title!r}; {when} the knowledge base has "
            f"{_posts(held)}")


def _posts(held: list[Role]) -> str:
    return "; ".join(role.post for role in held) if held else "no post for them"


__all__ = ["title_discrepancies"]
