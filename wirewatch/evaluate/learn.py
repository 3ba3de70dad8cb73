"""Fitting the learned parts from the public gold data, with cross-validation.

Four models, all logistic regressions (scikit-learn, a dev dependency imported only
here) shipped as plain JSON weights (``extract.learned``):

- ``trigger``: the PLOVER type (or ``NONE``) of a verb the lexicon does not list, from its
  parse (``extract.triggers``). Learned on the fit half of ``plv-train.jsonl`` only: each
  row's verb is the one that governs both its source and its target words; the sentence's
  other verbs with a subject are ``NONE``. Fitted first: the others read its events.
- ``target``: whether an actor of the sentence is the target of an act the rules gave none
  (``extract.targets``). Learned on the same fit half, from the events the rules alone read
  whose doer overlaps a row's source: each other actor is labelled by the row's target.
  Fitted second: the last two read the events it completes.

- ``confidence``: is this event the one the sentence's PLOVER label describes?
  Learned on ``plover-gsr-dev.jsonl``; its probability is the event's ``confidence``.
- ``acled``: the CASE 2021 / ACLED sub-event type of an event, from its sentence's
  words and its PLOVER reading; learned on ``case2021-task2-dev.jsonl``.

Cross-validated scores (each fold's model never saw the records it is scored on)
are the honest estimate of how the shipped weights do on unseen text; scores of
the shipped weights on the dev files themselves are inflated by training.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from wirewatch.clean import Cleaner
from wirewatch.evaluate.articles import overlaps
from wirewatch.evaluate.gold import CASE_FILE, PLOVER_FILE, PLV_FILE, eval_file, records, words_span
from wirewatch.evaluate.scoring import NONE, Report, score_labels
from wirewatch.evaluate.split import half
from wirewatch.extract import acled, confidence, targets, triggers
from wirewatch.extract.extractor import Extractor, article_events
from wirewatch.extract.learned import SoftmaxModel
from wirewatch.extract.lexicon import Lexicon
from wirewatch.ingest import make_article
from wirewatch.model import EventMention
from wirewatch.pipeline import CleanStage, NlpStage, Work
from wirewatch.settings import Settings

FOLDS = 5
MIN_COUNT = 2
"""A feature seen in a single training record teaches nothing general: it is dropped."""
SEED = 13
SHUFFLES = 6
"""How many shufflings of the folds the spread of the cross-validated macro-F1 is taken over:
with 500 records and 30 labels, one shuffling alone swings it by ±0.02."""
C = {"confidence": 1.0, "acled": 1.0, "trigger": 3.0, "target": 0.3}
"""Inverse regularisation strengths, chosen by cross-validation on the dev files."""


@dataclass(frozen=True, slots=True)
class Read:
    """One gold record as the rules read it: its events with both models' features."""

    gold: str
    events: tuple[EventMention, ...]
    confidence: tuple[tuple[str, ...], ...]
    acled: tuple[tuple[str, ...], ...]
    words: list[str]
    """The ACLED classifier's word features over the whole record: what it learns words from
    where the rules found no event (such records are scored NONE, never classified)."""


def read_gold(name: str, label: str, settings: Settings, eval_dir: Path | None = None) -> list[Read]:
    gold = list(records(eval_file(name, eval_dir)))
    articles = (Work(make_article(r["text"], id=r["id"])) for r in gold)
    cleaned = CleanStage(Cleaner.from_settings(settings), settings.languages).run(articles)
    works = NlpStage(settings.model, settings.batch_size).run(cleaned)
    extractor = Extractor.load()
    reads: list[Read] = []
    for record, work in zip(gold, works, strict=True):
        events: list[EventMention] = []
        conf: list[tuple[str, ...]] = []
        cls: list[tuple[str, ...]] = []
        words: list[str] = []
        if work.clean is not None and work.doc is not None:
            readers = extractor.read(work.clean, work.doc)[1]
            for reader, sentence_events in zip(readers, article_events(readers), strict=True):
                words += acled.context_features(reader.sentence, reader.context, reader.lex)
                for unscored in sentence_events:
                    events.append(unscored.event)
                    conf.append(unscored.cues)
                    cls.append(unscored.words)
        reads.append(Read(record[label], tuple(events), tuple(conf), tuple(cls), sorted(set(words))))
    return reads


def fit(rows: Sequence[Sequence[str]], labels: Sequence[str], c: float,
        balanced: bool = False) -> SoftmaxModel:
    counts = Counter(name for row in rows for name in set(row))
    kept = [dict.fromkeys((name for name in row if counts[name] >= MIN_COUNT), 1) for row in rows]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(kept)
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced" if balanced else None).fit(x, list(labels))
    classes = [str(label) for label in model.classes_]
    coef, intercept = model.coef_, model.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: spell out both
        coef, intercept = [-coef[0] / 2, coef[0] / 2], [-intercept[0] / 2, intercept[0] / 2]
    names = vectorizer.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        column = tuple(round(float(row[j]), 3) for row in coef)
        if any(abs(w) >= 1e-2 for w in column):
            weights[str(name)] = column
    return SoftmaxModel(tuple(classes), tuple(round(float(b), 4) for b in intercept), weights)


def plv_sentences(settings: Settings, eval_dir: Path | None = None,
                  which: str = "fit") -> Iterator[tuple[list[dict], Work]]:
    """``which`` half of the PLV rows, by sentence: the rows of each, and its text cleaned
    and parsed (``work.doc`` is None where the cleaner dropped it)."""
    by_text: dict[str, list[dict]] = {}
    for row in records(eval_file(PLV_FILE, eval_dir)):
        if half(row["text"]) == which:
            by_text.setdefault(row["text"], []).append(row)
    articles = (Work(make_article(text, id=f"plv-{n}")) for n, text in enumerate(by_text))
    cleaned = CleanStage(Cleaner.from_settings(settings), settings.languages).run(articles)
    works = NlpStage(settings.model, settings.batch_size).run(cleaned)
    yield from zip(by_text.values(), works, strict=True)


# -- trigger --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Verbs:
    """The verbs of one PLV sentence, each with the model's features and its gold label."""

    features: tuple[tuple[str, ...], ...]
    labels: tuple[str, ...]


def trigger_sentences(settings: Settings, eval_dir: Path | None = None) -> list[Verbs]:
    """The fit half of the PLV rows, by sentence: the verb that governs a row's source and
    target words is labelled with its root, the sentence's other candidate verbs ``NONE``."""
    sentences, lexicon = [], Lexicon.load()
    for rows, work in plv_sentences(settings, eval_dir):
        if work.doc is None:
            continue
        labels: dict[int, str] = {}
        for row in rows:
            verb = _governing_verb(work.doc, row["source"], row["target"])
            if verb is not None:
                labels[verb.i] = row["plover"]
        verbs = [t for t in work.doc if t.i in labels or triggers.candidate(t)]
        sentences.append(Verbs(tuple(tuple(triggers.features(v, lexicon)) for v in verbs),
                               tuple(labels.get(v.i, triggers.NONE) for v in verbs)))
    return sentences


def _governing_verb(doc, source: str, target: str):  # type: ignore[no-untyped-def]
    """The lowest verb over both the source's and the target's words, None when they are
    not in the text or no verb governs both."""
    heads = []
    for words in (source, target):
        start = doc.text.find(words)
        span = doc.char_span(start, start + len(words), alignment_mode="expand") if start >= 0 else None
        if span is None or len(span) == 0:
            return None
        heads.append(span.root)
    over_source = {heads[0].i, *(a.i for a in heads[0].ancestors)}
    for token in (heads[1], *heads[1].ancestors):
        if token.i in over_source:
            return token if token.pos_ in {"VERB", "AUX"} else None
    return None


def trigger_rows(sentences: Sequence[Verbs]) -> tuple[list[Sequence[str]], list[str]]:
    return ([f for s in sentences for f in s.features], [label for s in sentences for label in s.labels])


def cross_validate_trigger(sentences: Sequence[Verbs], c: float = C["trigger"],
                           seed: int = SEED) -> tuple[Report, float]:
    """Cross-validated (by sentence) scores of the verbs' labels, and the share of events
    read at ``THRESHOLD`` or more that have the gold type (the ``NONE`` verbs included)."""
    predicted: dict[tuple[int, int], str] = {}
    for train, test in _folds(len(sentences), seed):
        model = fit(*trigger_rows([sentences[i] for i in train]), c)
        for i in test:
            for k, feats in enumerate(sentences[i].features):
                typed = triggers.classify(feats, model)
                predicted[(i, k)] = typed[0] if typed else triggers.NONE
    gold = {(i, k): label for i, s in enumerate(sentences) for k, label in enumerate(s.labels)}
    keys = sorted(gold)
    read = [k for k in keys if predicted[k] != triggers.NONE]
    precision = sum(predicted[k] == gold[k] for k in read) / len(read) if read else 0.0
    return score_labels([gold[k] for k in keys], [predicted[k] for k in keys]), precision


@dataclass(frozen=True, slots=True)
class TrainedTrigger:
    model: SoftmaxModel
    cv: Report
    """Verb labels (``NONE`` for verbs read as no act), 5-fold cross-validated by sentence."""
    precision: float
    """Cross-validated share of the verbs the model reads as an act that have the gold type."""
    verbs: int
    sentences: int


def train_trigger(settings: Settings, eval_dir: Path | None = None) -> TrainedTrigger:
    sentences = trigger_sentences(settings, eval_dir)
    cv, precision = cross_validate_trigger(sentences)
    return TrainedTrigger(fit(*trigger_rows(sentences), C["trigger"]), cv, precision,
                          sum(len(s.labels) for s in sentences), len(sentences))


# -- target ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Candidates:
    """The other actors of one event's sentence, as the target model reads them, each labelled
    by whether it is the gold target; ``ruled``: the rules gave the event a target."""

    features: tuple[tuple[str, ...], ...]
    labels: tuple[bool, ...]
    ruled: bool
    sentence: int
    """Which PLV sentence the event was read in: folds keep a sentence's events together."""


def target_events(settings: Settings, eval_dir: Path | None = None,
                  which: str = "fit") -> list[Candidates]:
    """Every event the rules read in ``which`` half of the PLV rows whose doer overlaps a row's
    source, with the sentence's other actors labelled by the row's target."""
    extractor, found = Extractor.load(), []
    for sentence, (rows, work) in enumerate(plv_sentences(settings, eval_dir, which)):
        if work.clean is None or work.doc is None:
            continue
        with targets.rules_only():  # the events as the rules alone read them
            reading, readers = extractor.read(work.clean, work.doc)
            read = article_events(readers)
        for reader, events in zip(readers, read, strict=True):
            for event in (unscored.event for unscored in events):
                origin = targets.origin(reader.trigger_tokens(event))
                for row in rows:
                    source, target = words_span(row["text"], row["source"]), words_span(row["text"], row["target"])
                    if not any(overlaps(a, *source) for a in event.source):
                        continue
                    named = targets.candidates(reader.sentence, origin, event, reading.actors, reading.offset)
                    found.append(Candidates(
                        tuple(tuple(targets.features(origin, token, event.event_type, actors[0]))
                              for token, actors in named),
                        tuple(any(overlaps(a, *target) for a in actors) for _, actors in named),
                        bool(event.target), sentence))
    return found


def target_rows(events: Sequence[Candidates]) -> tuple[list[Sequence[str]], list[str]]:
    return ([f for e in events for f in e.features],
            [targets.TARGET if label else "other" for e in events for label in e.labels])


@dataclass(frozen=True, slots=True)
class TrainedTarget:
    model: SoftmaxModel
    untargeted: int
    """Events with a gold doer that the rules gave no target."""
    reachable: int
    """Of those, the events whose gold target is one of the sentence's actors."""
    guessed: int
    right: int
    """Cross-validated: how many of ``untargeted`` the model gave a target, how many rightly."""


def train_target(settings: Settings, eval_dir: Path | None = None) -> TrainedTarget:
    events = target_events(settings, eval_dir)
    untargeted = {i for i, e in enumerate(events) if not e.ruled and e.features}
    guessed = right = 0
    by_sentence: dict[int, list[int]] = {}
    for i, event in enumerate(events):
        by_sentence.setdefault(event.sentence, []).append(i)
    groups = list(by_sentence.values())
    for train, test in _folds(len(groups)):
        model = fit(*target_rows([events[i] for g in train for i in groups[g]]), C["target"])
        for i in (i for g in test for i in groups[g] if i in untargeted):
            scores = [model.probabilities(f)[targets.TARGET] for f in events[i].features]
            k = max(range(len(scores)), key=scores.__getitem__)
            if scores[k] >= targets.THRESHOLD:
                guessed, right = guessed + 1, right + events[i].labels[k]
    return TrainedTarget(fit(*target_rows(events), C["target"]), len(untargeted),
                         sum(any(events[i].labels) for i in untargeted), guessed, right)


# -- confidence -----------------------------------------------------------------------
def confidence_rows(reads: Sequence[Read]) -> tuple[list[Sequence[str]], list[str]]:
    rows: list[Sequence[str]] = []
    labels: list[str] = []
    for read in reads:
        for event, feats in zip(read.events, read.confidence, strict=True):
            rows.append(feats)
            labels.append(confidence.RIGHT if event.event_type == read.gold else "wrong")
    return rows, labels


def best(read: Read, model: SoftmaxModel) -> int | None:
    """Index of the event the model is most confident in (the first on ties)."""
    scores = [confidence.score(feats, model) for feats in read.confidence]
    return max(range(len(scores)), key=scores.__getitem__) if scores else None


def plover_labels(reads: Sequence[Read], model: SoftmaxModel) -> list[str]:
    picks = [best(read, model) for read in reads]
    return [read.events[i].event_type if i is not None else NONE for read, i in zip(reads, picks, strict=True)]


def cross_validate_confidence(reads: Sequence[Read], c: float = C["confidence"],
                              seed: int = SEED) -> Report:
    return _held_out(reads, lambda train: fit(*confidence_rows(train), c), plover_labels, seed)


def calibration(reads: Sequence[Read], c: float = C["confidence"],
                bins: int = 5) -> list[tuple[float, float, float, int]]:
    """Cross-validated reliability: per confidence bin (low, high, share right, events)."""
    pairs: list[tuple[float, bool]] = []
    for train, test in _folds(len(reads)):
        model = fit(*confidence_rows([reads[i] for i in train]), c)
        rows, labels = confidence_rows([reads[i] for i in test])
        pairs += [(confidence.score(row, model), label == confidence.RIGHT)
                  for row, label in zip(rows, labels, strict=True)]
    table = []
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [right for p, right in pairs if low <= p < high or (k == bins - 1 and p == 1.0)]
        if inside:
            table.append((low, high, sum(inside) / len(inside), len(inside)))
    return table


# -- ACLED ----------------------------------------------------------------------------
def acled_rows(reads: Sequence[Read], ranker: SoftmaxModel) -> tuple[list[Sequence[str]], list[str]]:
    rows: list[Sequence[str]] = []
    labels: list[str] = []
    for read in reads:
        i = best(read, ranker)
        rows.append(read.acled[i] if i is not None else read.words)
        labels.append(read.gold)
    return rows, labels


def acled_labels(reads: Sequence[Read], ranker: SoftmaxModel, model: SoftmaxModel) -> list[str]:
    labels = []
    for read in reads:
        i = best(read, ranker)
        labels.append(acled.classify(read.acled[i], read.events[i].event_type, model).code
                      if i is not None else NONE)
    return labels


def cross_validate_acled(reads: Sequence[Read], ranker: SoftmaxModel,
                         c: float = C["acled"], seed: int = SEED) -> Report:
    return _held_out(reads, lambda train: fit(*acled_rows(train, ranker), c, balanced=True),
                     lambda test, model: acled_labels(test, ranker, model), seed)


@dataclass(frozen=True, slots=True)
class Trained:
    """Both models fitted on all the dev data, with their cross-validated scores."""

    confidence: SoftmaxModel
    acled: SoftmaxModel
    confidence_cv: Report
    acled_cv: Report
    calibration: list[tuple[float, float, float, int]]
    shuffled: dict[str, list[float]]
    """Cross-validated macro-F1 of each model ("confidence": PLOVER types, "acled": CASE
    labels) under ``SHUFFLES`` shufflings of the folds: the spread to expect on unseen text."""


def train(settings: Settings, eval_dir: Path | None = None) -> Trained:
    plover = read_gold(PLOVER_FILE, "event_type", settings, eval_dir)
    case = read_gold(CASE_FILE, "label", settings, eval_dir)
    ranker = fit(*confidence_rows(plover), C["confidence"])
    seeds = range(SEED, SEED + SHUFFLES)  # the first is the shuffling the reports show
    plover_cv = [cross_validate_confidence(plover, seed=s) for s in seeds]
    case_cv = [cross_validate_acled(case, ranker, seed=s) for s in seeds]
    return Trained(ranker, fit(*acled_rows(case, ranker), C["acled"], balanced=True),
                   plover_cv[0], case_cv[0], calibration(plover),
                   {"confidence": [r.macro_f1 for r in plover_cv], "acled": [r.macro_f1 for r in case_cv]})


def _held_out(reads: Sequence[Read], fit_fold: Callable[[list[Read]], SoftmaxModel],
              label: Callable[[list[Read], SoftmaxModel], list[str]], seed: int = SEED) -> Report:
    """Scores of labels each given by a model fitted on the other folds."""
    predicted: dict[int, str] = {}
    for train, test in _folds(len(reads), seed):
        model = fit_fold([reads[i] for i in train])
        predicted.update(zip(test, label([reads[i] for i in test], model), strict=True))
    return score_labels([r.gold for r in reads], [predicted[i] for i in range(len(reads))])


def _folds(n: int, seed: int = SEED) -> list[tuple[list[int], list[int]]]:
    """Deterministic folds: record i is held out in fold i mod FOLDS (after a seeded shuffle)."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    folds = []
    for k in range(FOLDS):
        test = order[k::FOLDS]
        held = set(test)
        folds.append(([i for i in order if i not in held], test))
    return folds


__all__ = ["Candidates", "Read", "Trained", "TrainedTarget", "TrainedTrigger", "Verbs", "calibration",
           "cross_validate_acled", "cross_validate_confidence", "cross_validate_trigger", "fit",
           "plv_sentences", "read_gold", "target_events", "target_rows", "train", "train_target", "train_trigger",
           "trigger_rows", "trigger_sentences"]
