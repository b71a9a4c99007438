"""From groups of event mentions to the chronology's TimelineEvents, sorted, with warnings.

Each group becomes one event: dated by the finest date its mentions agree on, titled by its most
informative mention, its actors and sources gathered in reading order, its disagreeing dates
listed as conflicts and reported as one warning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping

from chronology.merge.cluster import ClusterStats
from chronology.merge.dates import conflicts, group_date, mention_span, width
from chronology.merge.groups import cluster
from chronology.merge.words import normal_words
from chronology.model import DocumentInfo, EventMention, TimelineEvent, Warning_

# A title longer than this reads as a sentence, not a headline; it loses the tie-break.
TITLE_WORDS = 12


def event_id(mentions: list[EventMention]) -> str:
    """A stable id from the member mention ids, whatever order they came in."""
    digest = hashlib.sha1("\n".join(sorted(m.id for m in mentions)).encode()).hexdigest()
    return f"ev-{digest[:12]}"


def _reading_order(documents: Mapping[str, DocumentInfo | dt.date | None]):
    """Mentions in the order a reader meets them: by publication date, document, position.

    `documents` maps a document id to its info, or just to its publication date (all the order
    needs, and a fraction of the memory for a large corpus)."""

    def key(m: EventMention) -> tuple:
        info = documents.get(m.document)
        published = info.published if isinstance(info, DocumentInfo) else info
        return (published or dt.date.max, m.document, m.sentence_start, m.expression.start, m.id)

    return key


def _title(members: list[EventMention], conflicting: set[str]) -> str:
    """The title of the most informative mention: the finest date, then the title sharing most
    words with the other tellings (the one that says what they all say), then the longest short
    title."""
    agreeing = [m for m in members if m.id not in conflicting] or members
    words = {m.id: set(normal_words(m.title)) for m in members}

    def rank(m: EventMention) -> tuple:
        span = mention_span(m)
        shared = sum(len(words[m.id] & words[o.id]) for o in members if o.id != m.id)
        length = len(m.title.split())
        return (width(span) if span else 1 << 30, -shared, length > TITLE_WORDS, -length, m.title, m.id)

    return min(agreeing, key=rank).title


def _actors(members: list[EventMention]) -> list[str]:
    """Every actor once, in order of appearance; a name inside a longer one already seen is dropped."""
    out: list[str] = []
    for name in (a for m in members for a in m.actors):
        words = name.lower().split()
        if any(_within(words, seen.lower().split()) for seen in out):
            continue
        # A fuller form of a name already listed ("Shoesmith" then "Sharon Shoesmith") takes its place.
        replaced = [i for i, seen in enumerate(out) if _within(seen.lower().split(), words)]
        if replaced:
            out[replaced[0]] = name
            out = [a for i, a in enumerate(out) if i not in replaced[1:]]
        else:
            out.append(name)
    return out


def _within(short: list[str], long: list[str]) -> bool:
    """Whether `short` is a run of consecutive words of `long`."""
    n = len(short)
    return any(long[i: i + n] == short for i in range(len(long) - n + 1))


def build_event(members: list[EventMention], documents: Mapping[str, DocumentInfo | dt.date | None]) -> TimelineEvent:
    members = sorted(members, key=_reading_order(documents))
    date, _ = group_date(members)
    found = conflicts(members, date)
    sources = list(dict.fromkeys(m.document for m in members))
    return TimelineEvent(
        id=event_id(members),
        title=_title(members, {c.mention for c in found}),
        date=date,
        actors=_actors(members),
        sources=sources,
        mentions=members,
        conflicts=found,
    )


def conflict_warning(event: TimelineEvent) -> Warning_:
    by_id = {m.id: m for m in event.mentions}
    told = "; ".join(
        f"{by_id[c.mention].date.display or c.value} in {by_id[c.mention].document}" for c in event.conflicts
    )
    return Warning_(
        kind="conflict",
        message=f'"{event.title}": dated {event.date.display or event.date.value}, but {told}',
    )


def sort_key(event: TimelineEvent) -> tuple:
    """Dated events by start, vague ones last; then title and id so ties are stable."""
    if event.date.start is None:
        return (1, dt.date.max, event.title, event.id)
    return (0, event.date.start, event.title, event.id)


def merge_events(
    events: list[EventMention],
    documents: dict[str, DocumentInfo],
    stats: ClusterStats | None = None,
) -> tuple[list[TimelineEvent], list[Warning_]]:
    """The corpus's event mentions as one list of TimelineEvents, and a warning per conflict.

    Deterministic: the same mentions in any order give the same events, ids and order.
    """
    # A canonical order first, so input order changes nothing downstream.
    mentions = sorted({m.id: m for m in events}.values(), key=lambda m: m.id)
    groups = cluster(mentions, stats)
    timeline = sorted((build_event([mentions[i] for i in g], documents) for g in groups), key=sort_key)
    warnings = [conflict_warning(e) for e in timeline if e.conflicts]
    return timeline, warnings
