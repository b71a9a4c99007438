"""The merge over the store and the lazy pair ranking give what the plain algorithm gives.

`reference_groups` below is the grouping as first written: every candidate mention pair scored,
kept in one list, sorted by (score, ids) and joined best first. The compact grouping
(`merge.groups`) ranks the same pairs lazily, per class of alike tellings; these tests hold the
two to the same groups, and the store's merge to the same events as `merge_events`.
"""

from __future__ import annotations

import datetime as dt
import random

from chronology.merge import ClusterStats, merge_events
from chronology.merge.cluster import (
    MERGE_SCORE,
    MUTUAL_SCORE,
    NEAR_MISS_SCORE,
    _different_acts,
    _may_join,
    profile,
    shared_act_pairs,
    similarity,
    word_weights,
)
from chronology.merge.dates import finest_mention, gap_days, mention_span
from chronology.merge.groups import cluster
from chronology.merge.stored import merge_stored
from chronology.model import DocumentInfo, EventMention
from chronology.store import CachedDocument, Store
from tests.merge.test_merge import DOCS, mention


def reference_groups(mentions: list[EventMention]) -> list[list[int]]:
    """Every pair scored and sorted in one list; unions best first (the algorithm's definition)."""
    profiles = [profile(m) for m in mentions]
    weights = word_weights(profiles)
    pairs = list(shared_act_pairs(profiles))
    # Mentions alike in every scored feature pair with each other too (shared_act_pairs skips
    # pairs inside one class only through the class representatives, so add them here).
    keyed: dict[tuple, list[int]] = {}
    for i, p in enumerate(profiles):
        keyed.setdefault((p.words, p.event_words, p.acts, p.actors, p.span), []).append(i)
    seen = set(pairs)
    for group in keyed.values():
        p = profiles[group[0]]
        if p.span is None or not p.words or not p.event_words:
            continue
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                if (group[x], group[y]) not in seen:
                    pairs.append((group[x], group[y]))
    scored, weak, best = [], [], {}
    for i, j in pairs:
        score = similarity(profiles[i], profiles[j], weights)
        if score <= 0:
            continue
        for a, b in ((i, j), (j, i)):
            key = (a, profiles[b].document)
            best[key] = max(best.get(key, 0.0), score)
        if gap_days(profiles[i].span, profiles[j].span) > 0:
            if score >= NEAR_MISS_SCORE:
                scored.append((-score, i, j))
        elif score >= MERGE_SCORE and not _different_acts(profiles[i], profiles[j]) or score >= NEAR_MISS_SCORE:
            scored.append((-score, i, j))
        elif score >= MUTUAL_SCORE and profiles[i].document != profiles[j].document \
                and profiles[i].acts & profiles[j].acts:
            weak.append((score, i, j))
    for score, i, j in weak:
        if score >= best[(i, profiles[j].document)] and score >= best[(j, profiles[i].document)]:
            scored.append((-score, i, j))
    scored.sort()
    parent = list(range(len(mentions)))
    members = {i: [i] for i in parent}

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    def span(root):
        best_mention = finest_mention([mentions[k] for k in members[root]])
        return mention_span(best_mention) if best_mention else None

    for neg, i, j in scored:
        ri, rj = sorted((find(i), find(j)))
        if ri == rj:
            continue
        docs_i = {mentions[k].document for k in members[ri]}
        docs_j = {mentions[k].document for k in members[rj]}
        if _may_join(-neg, span(ri), span(rj), docs_i, docs_j):
            parent[rj] = ri
            members[ri] += members.pop(rj)
    return [sorted(m) for _, m in sorted(members.items())]


def _pool(seed: int, copies: int) -> list[EventMention]:
    """Random tellings of a few acts on nearby days, each told again by `copies` papers."""
    rng = random.Random(seed)
    verbs = ["sacked", "dismissed", "appointed", "arrested", "charged", "resigned", "published", "removed"]
    names = ["Shoesmith", "Balls", "Laming", "Haringey council", "Ofsted"]
    base = dt.date(2008, 11, 1)
    pool = []
    for k in range(60):
        day = base + dt.timedelta(days=rng.randrange(40))
        kind = rng.random()
        value = day.isoformat() if kind < 0.6 else (f"{day.year}-{day.month:02d}" if kind < 0.85 else
                                                     f"{day.year}-W{day.isocalendar()[1]:02d}")
        who = rng.choice(names)
        title = f"{who} {rng.choice(verbs)}" + (" by the council" if rng.random() < 0.3 else "")
        doc = rng.choice(list(DOCS))
        for c in range(copies):
            pool.append(mention(f"{doc}{c}" if c else doc, value, title, [who], at=k * 10 + c))
    return sorted({m.id: m for m in pool}.values(), key=lambda m: m.id)


def test_lazy_ranking_gives_the_groups_of_sorting_every_pair():
    for seed in range(6):
        for copies in (1, 3):
            mentions = _pool(seed, copies)
            assert cluster(mentions) == reference_groups(mentions), (seed, copies)


def test_copies_are_ranked_without_storing_every_pair_yet_counted():
    mentions = _pool(1, 4)
    stats = ClusterStats()
    groups = cluster(mentions, stats)
    assert stats.scored_pairs > len(mentions)  # four copies of each telling: many pairs ranked
    assert sum(len(g) for g in groups) == len(mentions)


def _store_of(mentions: list[EventMention], docs: dict[str, DocumentInfo]) -> Store:
    store = Store(":memory:", "v1")
    by_doc: dict[str, list[EventMention]] = {}
    for m in mentions:
        by_doc.setdefault(m.document, []).append(m)
    store.save_many([(f"h{d}", CachedDocument(docs.get(d) or DocumentInfo(id=d), [], ms)) for d, ms in by_doc.items()])
    return store


def test_merge_over_the_store_gives_the_events_and_warnings_of_merge_events():
    for seed, copies in ((2, 1), (3, 3)):
        mentions = _pool(seed, copies)
        docs = {d: DocumentInfo(id=d, published=dt.date(2009, 1, 1 + i)) for i, d in
                enumerate(sorted({m.document for m in mentions}))}
        expected, warnings = merge_events(list(reversed(mentions)), docs)
        with _store_of(mentions, docs) as store:
            merged = merge_stored(store, docs)
            got = list(store.timeline_json())
        assert got == [e.model_dump_json() for e in expected]
        assert merged.warnings == warnings and merged.events == len(expected)
        dated = [e.date for e in expected if e.date.start and e.date.end]
        assert (merged.date_range.start, merged.date_range.end) == (min(d.start for d in dated), max(d.end for d in dated))


def test_merge_over_an_empty_store_is_an_empty_timeline():
    with Store(":memory:", "v1") as store:
        merged = merge_stored(store, {})
        assert (merged.events, merged.warnings, merged.date_range) == (0, [], None)
        assert list(store.timeline_json()) == []
