"""Which event mentions tell the same event, computed over a compact form of the mentions.

`cluster.py` says how two tellings compare (profiles, similarity, blocking); this module runs the
greedy grouping over a whole corpus without holding its mentions. Mentions are added one at a
time, in id order (`Tellings.add`), and kept only as a few integers each: their class (mentions
alike in everything a score depends on: the same sentence syndicated to many papers share one
class and one Profile), their document and their date's mod. Everything the grouping compares is
computed per class, and per mention only where the rule needs a mention (its document).

The ranking is the one a list of every scored mention pair sorted by (score, ids) would give, but
generated lazily: each class pair's member pairs are a few sorted streams merged on a heap, so a
class of k copies costs k heap entries, not k² stored pairs. Mention indices follow id order, so
"by ids" is "by indices". The result is the same groups as scoring and sorting every pair.
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from chronology.merge.cluster import (
    MERGE_SCORE,
    MUTUAL_SCORE,
    NEAR_MISS_SCORE,
    SLACK_DAYS,
    ClusterStats,
    Profile,
    _different_acts,
    _may_join,
    mass,
    profile,
    shared_act_pairs,
    similarity,
)
from chronology.merge.dates import (
    LOOSE_MODS,
    Span,
    contains,
    gap_days,
    mention_span,
    width,
)
from chronology.model import EventMention

# No pair scoring below this is ranked, and none can outbid a weak pair (which scores at least
# MUTUAL_SCORE) in the reciprocal-best-match test.
LOWEST_SCORE = min(MUTUAL_SCORE, MERGE_SCORE, NEAR_MISS_SCORE)


@dataclass
class Tellings:
    """The mentions being merged, compact: a Profile per class, three integers per mention."""

    reps: list[Profile] = field(default_factory=list)  # one per class: what its members share
    members: list[list[int]] = field(default_factory=list)  # mention indices per class, ascending
    class_of: array = field(default_factory=lambda: array("l"))
    doc_of: array = field(default_factory=lambda: array("l"))
    mod_of: array = field(default_factory=lambda: array("l"))
    documents: list[str] = field(default_factory=list)
    mods: list[str | None] = field(default_factory=list)
    frequency: Counter = field(default_factory=Counter)  # in how many mentions each word occurs
    _classes: dict[tuple, int] = field(default_factory=dict)
    _wordings: dict[tuple, Profile] = field(default_factory=dict)
    _document_index: dict[str, int] = field(default_factory=dict)
    _mod_index: dict[str | None, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.class_of)

    def add(self, m: EventMention) -> int:
        """Take the next mention (in id order); returns its index."""
        # The word analysis is done once per distinct wording (copies of one sentence share it).
        key = (m.title, m.clause, tuple(m.actors), m.expression.text)
        base = self._wordings.get(key)
        if base is None:
            base = self._wordings[key] = profile(m)
        span = mention_span(m)
        c = self._classes.setdefault((base.words, base.event_words, base.acts, base.actors, span), len(self.reps))
        if c == len(self.reps):
            self.reps.append(Profile(base.words, base.event_words, base.acts, base.actors, m.document, span))
            self.members.append([])
        i = len(self.class_of)
        self.members[c].append(i)
        self.class_of.append(c)
        self.doc_of.append(_intern(self._document_index, self.documents, m.document))
        self.mod_of.append(_intern(self._mod_index, self.mods, m.date.mod))
        self.frequency.update(base.words)
        return i

    def span(self, i: int) -> Span | None:
        return self.reps[self.class_of[i]].span

    def release(self) -> None:
        """Drop what only scoring needs (word analyses, word counts), keeping the class spans and
        per-mention integers the groups' dates are read from."""
        self._wordings.clear()
        self._classes.clear()
        self.frequency.clear()
        self.reps = [Profile(frozenset(), frozenset(), frozenset(), frozenset(), "", p.span) for p in self.reps]


def _intern(index: dict, values: list, value) -> int:
    found = index.get(value)
    if found is None:
        found = index[value] = len(values)
        values.append(value)
    return found


def cluster_tellings(t: Tellings, stats: ClusterStats | None = None) -> Iterator[list[int]]:
    """Groups of mention indices, each one real-world event, by ascending first index.

    Pairs are joined best first (score, then ids); a union is refused when the two groups' dates
    cannot be one date (`cluster._may_join`).
    """
    stats = stats if stats is not None else ClusterStats()
    n = len(t)
    weights = {w: math.log((n + 1) / k) for w, k in t.frequency.items()}
    reps, members = t.reps, t.members
    masses = [mass(p.words, weights) for p in reps]

    # Class pairs strong enough to matter, and for each class its neighbours with their scores
    # (for the reciprocal-best-match test of weak pairs).
    whole: list[tuple[float, int, int]] = []  # every member pair is ranked
    weak: list[tuple[float, int, int]] = []  # member pairs are judged one by one
    neighbours: dict[int, list[tuple[int, float]]] = {}
    for ci, cj in _class_pairs(reps, members):
        stats.candidates += 1
        score = similarity(reps[ci], reps[cj], weights, (masses[ci], masses[cj]))
        if score < LOWEST_SCORE:
            continue
        neighbours.setdefault(ci, []).append((cj, score))
        if ci != cj:
            neighbours.setdefault(cj, []).append((ci, score))
        a, b = reps[ci], reps[cj]
        if gap_days(a.span, b.span) > 0:
            if score >= NEAR_MISS_SCORE:
                whole.append((score, ci, cj))
        elif score >= MERGE_SCORE and not _different_acts(a, b) or score >= NEAR_MISS_SCORE:
            whole.append((score, ci, cj))
        elif score >= MUTUAL_SCORE and a.acts & b.acts:
            weak.append((score, ci, cj))

    # One heap entry per ranked class pair: its next member pair (lo, hi), the index k of hi
    # among lo's partners, and the entry it comes from. Popping gives the pairs in (score, ids)
    # order. A weak class pair's member pairs are filtered on the way (see _mutual_filter).
    entries = [(ci, cj, None) for _, ci, cj in whole]
    entries += [(ci, cj, _mutual_filter(t, score, ci, cj, neighbours)) for score, ci, cj in weak]
    scores = [score for score, _, _ in whole] + [score for score, _, _ in weak]
    heap: list[tuple] = []
    for e, score in enumerate(scores):
        first = _next_pair(t, entries[e], -1, 0)
        if first is not None:
            heap.append((-score, *first, e))
    heapq.heapify(heap)
    stats.scored_pairs = sum(_pair_count(members, ci, cj) for _, ci, cj in whole)

    groups = _Groups(t)
    while heap:
        neg_score, i, j, k, e = heap[0]
        if entries[e][2] is not None:
            stats.scored_pairs += 1  # a weak pair that passed
        following = _next_pair(t, entries[e], i, k + 1)
        if following is not None:
            heapq.heapreplace(heap, (neg_score, *following, e))
        else:
            heapq.heappop(heap)
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj:
            continue
        if groups.may_join(-neg_score, ri, rj):
            groups.union(ri, rj)
            stats.unions += 1
        else:
            stats.refused += 1
    t.release()  # what was kept for scoring; the groups are all that is needed from here
    for i in range(n):
        if groups.find(i) == i:
            yield sorted(groups.members(i))


def _class_pairs(reps: list[Profile], members: list[list[int]]) -> Iterator[tuple[int, int]]:
    """Class pairs that may share an event: blocked pairs of distinct classes, then each class
    with itself when it has several members."""
    yield from shared_act_pairs(reps)
    for c, group in enumerate(members):
        rep = reps[c]
        if len(group) < 2 or rep.span is None or not rep.words or not rep.event_words:
            continue  # the conditions under which shared_act_pairs pairs two mentions
        yield c, c


def _next_pair(t: Tellings, entry: tuple, lo: int, k: int) -> tuple[int, int, int] | None:
    """The member pair of a class pair after (lo, partners(lo)[k - 1]) in (lo, hi) order, as
    (lo, hi, k) with hi = partners(lo)[k]; `lo=-1, k=0` gives the first pair. `entry` is
    (ci, cj, filter): pairs the filter (if any) refuses are passed over.

    The pairs are those of a member of one class with a member of the other (two members of the
    one class when ci == cj), each written (lower index, higher index). In order, they go by lo
    over the members of both classes ascending, and for each lo by hi over its partners above it:
    the members of the other class (of its own, when ci == cj) above lo.
    """
    ci, cj, accept = entry
    a, b = t.members[ci], t.members[cj]

    def partners(x: int) -> list[int]:
        return b if ci == cj or t.class_of[x] == ci else a

    others = partners(lo) if lo >= 0 else []
    while True:
        while k < len(others):
            if accept is None or accept(lo, others[k]):
                return lo, others[k], k
            k += 1
        # the next member of either class above lo
        after = [m[p] for m in (a, b) if (p := bisect_right(m, lo)) < len(m)]
        if not after:
            return None
        lo = min(after)
        others = partners(lo)
        k = bisect_right(others, lo)


def _pair_count(members: list[list[int]], ci: int, cj: int) -> int:
    k = len(members[ci])
    return k * (k - 1) // 2 if ci == cj else k * len(members[cj])


def _mutual_filter(t: Tellings, score: float, ci: int, cj: int, neighbours) -> Callable[[int, int], bool]:
    """Which member pairs of a weak class pair pass the reciprocal-best-match test: from two
    documents, and each mention's best score with any mention of the other's document is this
    pair's. The test depends on the classes and the documents only, so it is decided here per
    document of each side, and a pair is then two set lookups."""

    def docs(c: int) -> set[int]:
        return {t.doc_of[i] for i in t.members[c]}

    def best_with(c: int, doc: int) -> float:
        return max((s for other, s in neighbours.get(c, ()) if doc in docs(other)), default=0.0)

    # Documents whose members of cj may pair with ci's (ci's best there is this score), and the
    # other way round.
    ok_j = frozenset(d for d in docs(cj) if score >= best_with(ci, d))
    ok_i = ok_j if ci == cj else frozenset(d for d in docs(ci) if score >= best_with(cj, d))
    doc_of, class_of = t.doc_of, t.class_of

    def accept(lo: int, hi: int) -> bool:
        d_lo, d_hi = doc_of[lo], doc_of[hi]
        if d_lo == d_hi:
            return False
        if class_of[lo] == ci:
            return d_lo in ok_i and d_hi in ok_j
        return d_hi in ok_i and d_lo in ok_j

    return accept


class _Groups:
    """Union-find over mention indices; a group's members and date are kept only for groups of
    two or more (a lone mention's are its own), its documents worked out when a rule asks."""

    def __init__(self, t: Tellings) -> None:
        self.t = t
        self.parent = array("l", range(len(t)))
        self._members: dict[int, list[int]] = {}
        self._span: dict[int, Span | None] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def members(self, root: int) -> list[int]:
        return self._members.get(root) or [root]

    def documents(self, root: int) -> set[int]:
        return {self.t.doc_of[i] for i in self.members(root)}

    def span(self, root: int) -> Span | None:
        return self._span[root] if root in self._span else self.t.span(root)

    def may_join(self, score: float, a: int, b: int) -> bool:
        """`cluster._may_join` for two groups, their documents gathered only when it needs them."""
        span_a, span_b = self.span(a), self.span(b)
        if span_a is None or span_b is None:
            return True
        gap = gap_days(span_a, span_b)
        if gap == 0:
            return True
        if gap > SLACK_DAYS or score < NEAR_MISS_SCORE:
            return False
        return _may_join(score, span_a, span_b, self.documents(a), self.documents(b))

    def union(self, a: int, b: int) -> None:
        ra, rb = sorted((a, b))
        self.parent[rb] = ra
        self._members[ra] = self.members(ra) + self.members(rb)
        self._members.pop(rb, None)
        self._span.pop(rb, None)
        # The group's date is recomputed once per union, not once per pair it is tested against.
        self._span[ra] = self._finest_span(self._members[ra])

    def _finest_span(self, indices: list[int]) -> Span | None:
        """`dates.finest_mention`'s choice, over indices (whose order is the mention ids')."""
        t = self.t
        dated = [(i, s) for i in indices if (s := t.span(i)) is not None]
        if not dated:
            return None
        precise = [(i, s) for i, s in dated if t.mods[t.mod_of[i]] not in LOOSE_MODS] or dated

        def rank(item: tuple[int, Span]) -> tuple:
            i, s = item
            return (-sum(1 for _, other in dated if contains(other, s)), width(s), s[0], i)

        return min(precise, key=rank)[1]


def cluster(mentions: list[EventMention], stats: ClusterStats | None = None) -> list[list[int]]:
    """Groups of indices into `mentions` (which must be in id order), each one real-world event."""
    t = Tellings()
    for m in mentions:
        t.add(m)
    return list(cluster_tellings(t, stats))
