"""Where the exporters read a chronology's events from: a list in memory, or a build's store.

An event source can be read more than once (the TimelineJS title counts the slides before they
are written) and in another order than the timeline's (the page sorts by interval): a store's
source sorts on disk, so neither way holds every event at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from chronology.model import TimelineEvent
from chronology.store import Store


class EventSource(Protocol):
    count: int

    def __iter__(self) -> Iterator[TimelineEvent]:
        """The events in timeline order."""

    def sorted(self, key: Callable[[TimelineEvent], tuple]) -> Iterator[TimelineEvent]:
        """The events in the order of `key`, whose values must be unique (end them with the id)."""


class ListEvents:
    """A chronology's own events."""

    def __init__(self, events: list[TimelineEvent]):
        self.events = events
        self.count = len(events)

    def __iter__(self) -> Iterator[TimelineEvent]:
        return iter(self.events)

    def sorted(self, key: Callable[[TimelineEvent], tuple]) -> Iterator[TimelineEvent]:
        return iter(sorted(self.events, key=key))


class StoredEvents:
    """The merged timeline of a store, read an event at a time."""

    def __init__(self, store: Store):
        self.store = store
        self.count = store.timeline_count()

    def __iter__(self) -> Iterator[TimelineEvent]:
        return (TimelineEvent.model_validate_json(data) for data in self.store.timeline_json())

    def sorted(self, key: Callable[[TimelineEvent], tuple]) -> Iterator[TimelineEvent]:
        ordered = self.store.timeline_json_sorted(lambda data: key(TimelineEvent.model_validate_json(data)))
        return (TimelineEvent.model_validate_json(data) for data in ordered)
