"""Which event mentions tell the same event: blocking by date, a similarity score, greedy unions.

Blocking: mentions are swept in order of their interval's start and only those whose intervals
overlap (or nearly touch, see SLACK_DAYS) and whose predicates share an act word become candidate
pairs, so a corpus spread over years never costs all n²/2 comparisons; mentions alike in every
scored feature (syndicated copies) are scored once per class. Each candidate pair is scored by
its shared content words (stemmed, synonyms folded, weighted by rarity in the corpus) with
bonuses for a shared act word and shared actors, and only when the predicates share a word that
is not a name; pairs at or above MERGE_SCORE (or weaker pairs naming one act that are each
other's best match, see MUTUAL_SCORE) are joined best first, and a union is refused when the two
groups' dates cannot be one date. This module holds the rules (profiles, scores, blocking,
which unions are allowed); `groups` runs them over a corpus.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from chronology.merge.dates import Span, gap_days, mention_span
from chronology.merge.words import (
    SYNONYMS,
    act_words,
    actor_words,
    main_act,
    normal_words,
    predicate_words,
)
from chronology.model import EventMention

# A pair is the same event at this score or above (IDF-weighted Dice overlap of content words,
# plus the bonuses below).
MERGE_SCORE = 0.4
# Sharing at least one actor ("Sharon Shoesmith" in both) adds this much.
ACTOR_BONUS = 0.15
# Sharing a word of a synonym group ("sacked" / "dismissed") names the same act: the strongest
# evidence two tellings are one event, so it outranks sharing generic nouns.
ACT_BONUS = 0.15
ACT_WORDS = frozenset(SYNONYMS.values())
# Dates one day apart are compared too, because "yesterday" in an article written late at night
# or a mis-anchored weekday lands a day off; such a pair is joined only when its words agree
# strongly and it comes from two documents, and the disagreement is then reported as a conflict.
SLACK_DAYS = 1
NEAR_MISS_SCORE = 0.7
# Two short tellings of one act share few words ("All three were sentenced at the Old Bailey on
# 22 May" / "given an indefinite prison sentence yesterday"), so a pair below MERGE_SCORE still
# joins when it names the same act on dates that agree, comes from two documents, and each
# mention is the other's best match in the other's document (reciprocal best match: a document
# rarely tells two events with one verb on one date, and when it does the pair is not mutual).
MUTUAL_SCORE = 0.25


@dataclass(frozen=True)
class Profile:
    """What a mention is compared by, computed once."""

    words: frozenset[str]
    event_words: frozenset[str]  # what was done: predicate words that are not part of a name
    acts: frozenset[str]  # the clause's main verb and any act word (synonym group) it holds
    actors: frozenset[str]
    document: str
    span: Span | None


def profile(m: EventMention) -> Profile:
    # The date's own words ("the same day", "in November") say when, not what: two tellings of
    # different acts on "the same day" must not look alike for it.
    when = set(normal_words(m.expression.text))
    words = frozenset(normal_words(m.title) + normal_words(m.clause)) - when
    names = actor_words(m.actors)
    event_words = frozenset(predicate_words(m.title) + predicate_words(m.clause)) - names - when
    act = main_act(m.clause or m.title)
    return Profile(
        words=words,
        event_words=event_words,
        acts=(frozenset({act}) if act and act not in names else frozenset())
        | frozenset(act_words(m.clause or m.title)) - names,
        actors=frozenset(a.lower() for a in m.actors),
        document=m.document,
        span=mention_span(m),
    )


def word_weights(profiles: list[Profile]) -> dict[str, float]:
    """An inverse document frequency per word over the mentions being merged: a word most
    mentions share ("children", "council" in a corpus about a council's children's services)
    says little about which event a mention tells."""
    df = Counter(w for p in profiles for w in p.words)
    n = len(profiles)
    return {w: math.log((n + 1) / k) for w, k in df.items()}


def mass(words: frozenset[str], weights: dict[str, float] | None) -> float:
    """The summed weight of a word set (its size without weights)."""
    # Summed in sorted order: set order varies with the hash seed, float sums with their order.
    return sum(weights.get(w, 1.0) for w in sorted(words)) if weights else float(len(words))


def similarity(
    a: Profile,
    b: Profile,
    weights: dict[str, float] | None = None,
    masses: tuple[float, float] | None = None,
) -> float:
    """How alike two tellings are, 0..1; 0 unless their predicates share a word that is not a name.

    Names alone do not make one event: Shoesmith was sacked, appeared before MPs and sued on
    different days, and two of those may share a date. Nor does a shared subject: "the children's
    secretary commissioned a review" and "the children's secretary accepted them" are two acts.
    `masses`, each side's `mass(words, weights)`, can be given when they were computed once.
    """
    shared_acts = a.event_words & b.event_words
    if not a.words or not b.words or not shared_acts:
        return 0.0
    mass_a, mass_b = masses if masses is not None else (mass(a.words, weights), mass(b.words, weights))
    dice = 2 * mass(a.words & b.words, weights) / (mass_a + mass_b)
    bonus = ACTOR_BONUS if a.actors & b.actors else 0.0
    if a.acts & b.acts:
        bonus += ACT_BONUS
    return round(min(1.0, dice + bonus), 9)


def _different_acts(a: Profile, b: Profile) -> bool:
    """Both tellings name their act and the acts differ ("lost her job" / "removed from her
    job"): then shared nouns are weak evidence, and only a strong match joins them."""
    return bool(a.acts) and bool(b.acts) and not a.acts & b.acts


def candidate_pairs(spans: list[Span | None], slack_days: int = SLACK_DAYS) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) whose spans overlap or lie within `slack_days`, by a sweep over starts.

    Vague mentions (span None) pair with nothing. Cost is O(n log n + pairs emitted).
    """
    order = sorted((s[0], s[1], i) for i, s in enumerate(spans) if s is not None)
    active: list[tuple] = []  # heap of (end, index) of spans that may still meet a later one
    for start, end, i in order:
        while active and (start - active[0][0]).days > slack_days:
            heapq.heappop(active)
        for _, j in sorted(active, key=lambda x: x[1]):
            yield (min(i, j), max(i, j))
        heapq.heappush(active, (end, i))


def shared_act_pairs(profiles: list[Profile], slack_days: int = SLACK_DAYS) -> Iterator[tuple[int, int]]:
    """The pairs `candidate_pairs` would give whose predicates also share an event word.

    `similarity` is 0 for any other pair, so this is the same candidate set minus pairs that could
    never merge: an inverted index from event word to mentions, each word's mentions swept by
    date. A busy period (every mention of one year overlaps every day in it) then costs pairs per
    shared act rather than all pairs in the period. A pair sharing several words is yielded once,
    under the first of them in sorted order.
    """
    by_word: dict[str, list[int]] = {}
    for i, p in enumerate(profiles):
        if p.span is None or not p.words:
            continue
        for w in p.event_words:
            by_word.setdefault(w, []).append(i)
    for word in sorted(by_word):
        members = by_word[word]  # ascending, so local pairs (a < b) map to (i < j)
        if len(members) < 2:
            continue
        for a, b in candidate_pairs([profiles[k].span for k in members], slack_days):
            i, j = members[a], members[b]
            if min(profiles[i].event_words & profiles[j].event_words) == word:
                yield i, j


def _may_join(score: float, span_a: Span | None, span_b: Span | None, docs_a: set[str], docs_b: set[str]) -> bool:
    if span_a is None or span_b is None:
        return True
    gap = gap_days(span_a, span_b)
    if gap == 0:
        return True
    # Two dates that cannot both be right: only a near miss told by different documents.
    return gap <= SLACK_DAYS and score >= NEAR_MISS_SCORE and not (docs_a & docs_b)


@dataclass
class ClusterStats:
    """What the clustering cost, for tests and benchmarks."""

    candidates: int = 0
    scored_pairs: int = 0
    unions: int = 0
    refused: int = 0


