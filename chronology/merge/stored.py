"""The merge of a whole corpus run over the store, so its mentions are never all in memory.

The event mentions are read from the store once, in id order, into the compact `Tellings`
(a few integers per mention); the grouping runs on that; then the groups are built into
TimelineEvents a batch at a time, reading just their mentions back by rowid, and written to the
store's timeline, which SQLite sorts on disk. The result is what `merge_events` gives for the
same mentions: the same events in the same order, the same warnings.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from chronology.merge.cluster import ClusterStats
from chronology.merge.groups import Tellings, cluster_tellings
from chronology.merge.timeline import build_event, conflict_warning, sort_key
from chronology.model import DocumentInfo, Interval, Warning_
from chronology.store import Store

# Mentions read back from the store per query while events are built: enough to keep the
# queries few, few enough that a batch's mention objects are a small part of memory.
BATCH_MENTIONS = 500


@dataclass
class StoredMerge:
    """What the merge left in the store's timeline, summed up for the chronology's frame."""

    events: int
    warnings: list[Warning_]
    date_range: Interval | None
    # The first event's date and the last's as they are written ("2000", "23 October 2009"):
    # the range at its true precision, not 2000-01-01.
    date_range_display: str | None = None


def merge_stored(
    store: Store, documents: Mapping[str, DocumentInfo | dt.date | None], stats: ClusterStats | None = None
) -> StoredMerge:
    """Merge every event mention in `store` into its timeline (replacing the one there).

    `documents` maps each document id to its info or just its publication date (see
    `timeline.build_event`)."""
    tellings = Tellings()
    rowids = array("q")
    for rowid, mention in store.event_mentions_by_id():
        tellings.add(mention)
        rowids.append(rowid)
    summary = {"events": 0, "first": None, "last": None, "first_shown": None, "last_shown": None}

    def rows() -> Iterator[tuple[str, tuple, str, str | None]]:
        for event in _events(store, tellings, rowids, documents, stats):
            summary["events"] += 1
            date = event.date
            if date.start and date.end:
                if summary["first"] is None or date.start < summary["first"]:
                    summary["first"], summary["first_shown"] = date.start, date.display or date.start.isoformat()
                if summary["last"] is None or date.end > summary["last"]:
                    summary["last"], summary["last_shown"] = date.end, date.display or date.end.isoformat()
            warning = conflict_warning(event).model_dump_json() if event.conflicts else None
            yield event.id, sort_key(event), event.model_dump_json(), warning

    warnings = [Warning_.model_validate_json(w) for w in store.save_timeline_sorted(rows())]
    first, last = summary["first"], summary["last"]
    shown = None
    if first is not None:
        a, b = summary["first_shown"], summary["last_shown"]
        shown = a if a == b else f"{a} – {b}"
    return StoredMerge(summary["events"], warnings, Interval(start=first, end=last) if first else None, shown)


def _events(store: Store, tellings: Tellings, rowids: array, documents, stats) -> Iterator:
    """The TimelineEvent of each group, a batch of groups at a time."""
    batch: list[list[int]] = []
    size = 0

    def flush() -> Iterator:
        mentions = store.event_mentions_at([rowids[i] for group in batch for i in group])
        for group in batch:
            yield build_event([mentions[rowids[i]] for i in group], documents)

    for group in cluster_tellings(tellings, stats):
        batch.append(group)
        size += len(group)
        if size >= BATCH_MENTIONS:
            yield from flush()
            batch, size = [], 0
    yield from flush()
