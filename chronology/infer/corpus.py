"""Evidence from the rest of the corpus: an undated document's relatively dated events matched
to the same events in dated documents, each match solved for the writing day.

Matching is the merge's own comparison (`chronology.merge.cluster.profile` and `similarity` at
`MERGE_SCORE`), plus one condition the merge leaves to its date blocking: the two tellings share
an actor. The merge only compares tellings whose dates already agree; here there is no date to
go by, and on TE3-Silver the words alone matched reports of different days too often.
Blocking: the merge's similarity is zero unless two tellings share a predicate word, so dated
mentions are indexed by those words once and an undated mention is compared only with the
mentions that share one. The pass costs one index over the dated corpus plus work for the
undated documents alone; dated documents are never compared with each other here.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chronology.infer.window import Evidence, Tagger, solve_anchor
from chronology.merge.cluster import MERGE_SCORE, Profile, profile, similarity
from chronology.merge.dates import LOOSE_MODS, mention_span
from chronology.model import EventMention, Granularity

# A predicate word shared by more dated mentions than this is too common to find the same event
# by ("said", "council"); candidates are looked up by the rarer words of a mention. Similarity
# itself is still computed on all words, so this only bounds the work, never adds a match.
MAX_POSTING = 2000
# Finest first. A match counts only when the dated telling is at least as fine as the relative
# one: "in July" against a bare "2003" would allow a whole year of writing days for every year a
# document names, which is noise, not evidence.
_FINENESS = {g: i for i, g in enumerate([
    Granularity.TIME, Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.SEASON,
    Granularity.QUARTER, Granularity.HALF, Granularity.YEAR,
])}


def _usable(m: EventMention) -> bool:
    """A telling with a calendar date that is neither vague nor a bound."""
    return m.date.granularity in _FINENESS and m.date.mod not in LOOSE_MODS and mention_span(m) is not None


def _as_fine(theirs: EventMention, mine: EventMention) -> bool:
    return _FINENESS[theirs.date.granularity] <= _FINENESS[mine.date.granularity]


@dataclass
class DatedIndex:
    """Dated event mentions by predicate word, with the word weights the merge would use."""

    mentions: list[EventMention]
    profiles: list[Profile]
    postings: dict[str, list[int]]
    document_count: int
    frequency: Counter  # in how many dated mentions each word occurs

    @classmethod
    def build(cls, mentions: Iterable[EventMention]) -> DatedIndex:
        kept, profiles = [], []
        for m in mentions:
            if not _usable(m):
                continue
            kept.append(m)
            profiles.append(profile(m))
        postings: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(profiles):
            for w in p.event_words:
                postings[w].append(i)
        frequency = Counter(w for p in profiles for w in p.words)
        return cls(kept, profiles, dict(postings), len(profiles), frequency)

    def weights(self, extra: Sequence[Profile]) -> _Weights:
        """IDF over the dated mentions plus the undated ones being matched (as the merge computes
        it over everything it merges), looked up per word: the index's counts are made once, not
        once per undated document."""
        return _Weights(self.frequency, Counter(w for p in extra for w in p.words), len(self.profiles) + len(extra))

    def candidates(self, p: Profile) -> list[int]:
        found: set[int] = set()
        for w in p.event_words:
            hits = self.postings.get(w, ())
            if len(hits) <= MAX_POSTING:
                found.update(hits)
        return sorted(found)


@dataclass(frozen=True)
class _Weights:
    """The mapping `similarity` reads weights from (`get` and truth), computed on demand."""

    dated: Counter
    extra: Counter
    n: int

    def get(self, word: str, default: float = 1.0) -> float:
        k = self.dated.get(word, 0) + self.extra.get(word, 0)
        return math.log((self.n + 1) / k) if k else default

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True)
class Match:
    mine: EventMention
    theirs: EventMention
    score: float


def matches(relative: Sequence[EventMention], index: DatedIndex, own: bool = False) -> list[Match]:
    """For each relatively dated mention, the dated mentions the merge would join it with: in
    other documents, or with `own`, in the same document (its fully written dates)."""
    relative = [m for m in relative if _usable(m)]
    mine_profiles = [profile(m) for m in relative]
    weights = index.weights(mine_profiles)
    found: list[Match] = []
    for m, p in zip(relative, mine_profiles):
        for i in index.candidates(p):
            theirs = index.mentions[i]
            if (theirs.document == m.document) != own or theirs.id == m.id or not _as_fine(theirs, m):
                continue
            if not (p.actors & index.profiles[i].actors):
                continue  # with no date to go by, the same event needs the same who as well as what
            score = similarity(p, index.profiles[i], weights)
            if score >= MERGE_SCORE:
                found.append(Match(m, theirs, score))
    return found


def _past(sentence: str, start: int, end: int) -> bool:
    from chronology.temporal.tense import tense_of

    return tense_of(sentence, start, end) == "past"


def corpus_evidence(
    relative: Sequence[EventMention], index: DatedIndex, tag: Tagger, own: bool = False
) -> tuple[list[Evidence], int]:
    """Evidence from matched events, and how many matches could not be solved (the expression
    cannot mean the other date for any writing day: a false match, dropped). With `own`, the
    index holds the document's own fully dated events and the evidence is the text's."""
    evidence: list[Evidence] = []
    unsolved = 0
    seen: set[tuple[str, str]] = set()
    for match in matches(relative, index, own):
        mine, theirs = match.mine, match.theirs
        target = mention_span(theirs)
        key = (mine.id, f"{target[0]}:{target[1]}")
        if key in seen:
            continue  # several dated tellings with the same date say the same thing once
        seen.add(key)
        offset = mine.expression.start - mine.sentence_start
        days = solve_anchor(mine.sentence, offset, target, tag)
        if days is None:
            unsolved += 1
            continue
        if _past(mine.sentence, offset, offset + len(mine.expression.text)):
            # Told in the past tense, it happened before the writing: "published in March" of a
            # report out on 12 March was written on the 12th or later, not on 1 March.
            days = (max(days[0], target[0]), days[1])
            if days[0] > days[1]:
                unsolved += 1
                continue
        where = "elsewhere in the text" if own else f"in {theirs.document}"
        evidence.append(Evidence(
            days[0], days[1],
            f"'{mine.expression.text}' ({mine.title}) is {theirs.date.value} {where}: "
            f"'{theirs.expression.text}' ({theirs.title}), similarity {match.score:.2f}",
            document=None if own else theirs.document,
            expression=f"{mine.expression.start}:{mine.expression.text}",
            score=match.score,
        ))
    return evidence, unsolved
