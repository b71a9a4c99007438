"""The data the timeline page runs on: a Chronology turned into one compact, JSON-ready dict.

Everything the page's script needs is decided here, in Python, where it can be tested without a
browser: the event order, how each event is drawn (a point, a span, or not at all), why a date is
less certain, the date written at its precision, each source sentence split around its temporal
expression, and which URLs may become links. The page's script only filters and draws.

Strings stay raw here; escaping happens where they meet HTML (`page.safe_json` for the embedded
payload, `textContent` in the page's script).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from chronology.model import (
    Chronology,
    DocumentInfo,
    EventMention,
    Granularity,
    PublishedFrom,
    TimelineEvent,
)
from chronology.timex import display_date, value_interval

# Precisions drawn as a single point; everything coarser is drawn over its whole interval.
POINT_GRANULARITIES = frozenset({Granularity.TIME, Granularity.DAY})

# Why a date is drawn as less certain, in the words the page shows.
MOD_REASONS = {
    "APPROX": "approximate",
    "BEFORE": "an upper bound only",
    "AFTER": "a lower bound only",
    "ON_OR_BEFORE": "an upper bound only",
    "ON_OR_AFTER": "a lower bound only",
    "LESS_THAN": "approximate",
    "MORE_THAN": "approximate",
}

UNKNOWN_SOURCE = "Unknown source"
LINK_SCHEMES = frozenset({"http", "https"})


def safe_link(url: str | None) -> str | None:
    """`url` if it may become a link (http or https with a host), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return url.strip()


def source_name(doc: DocumentInfo | None) -> str:
    """The name a document's lane and filter use: its source, else its title, path or id."""
    if doc is None:
        return UNKNOWN_SOURCE
    return doc.source or doc.title or doc.path or doc.id or UNKNOWN_SOURCE


def split_sentence(mention: EventMention) -> tuple[str, str, str]:
    """The sentence as (before, expression, after), so the page can mark the expression.

    Offsets are tried first (they tell repeated words apart); when they do not line up with the
    text, the expression's first occurrence is used; failing that nothing is marked.
    """
    sentence, expr = mention.sentence, mention.expression
    start = expr.start - mention.sentence_start
    end = expr.end - mention.sentence_start
    if 0 <= start < end <= len(sentence) and sentence[start:end] == expr.text:
        return sentence[:start], sentence[start:end], sentence[end:]
    if expr.text:
        at = sentence.find(expr.text)
        if at >= 0:
            return sentence[:at], expr.text, sentence[at + len(expr.text):]
    return sentence, "", ""


def explain(mention: EventMention) -> str:
    """One line saying how the mention's date was resolved."""
    expr = mention.expression
    if expr.explanation:
        return expr.explanation
    anchor = expr.anchor
    if anchor.kind == "publication":
        return f"'{expr.text}' read against the publication date {anchor.value or '(unknown)'}"
    if anchor.kind == "mention":
        return f"'{expr.text}' read against an earlier date in the text ({anchor.value or 'unknown'})"
    if not expr.anchored:
        return f"'{expr.text}' could not be anchored: no date to read it against"
    return f"'{expr.text}' is a complete date in itself"


def event_interval(event: TimelineEvent) -> tuple[dt.date, dt.date] | None:
    """The first and last day the event's date can mean, if it can be placed on a calendar."""
    date = event.date
    if date.start and date.end:
        return (date.start, date.end) if date.start <= date.end else (date.end, date.start)
    found = value_interval(date.value) if date.value else None
    if found:
        return found[0], found[1]
    if date.start or date.end:
        day = date.start or date.end
        return day, day
    return None


def granularity_of(event: TimelineEvent) -> Granularity | None:
    if event.date.granularity is not None:
        return event.date.granularity
    found = value_interval(event.date.value) if event.date.value else None
    return found[2] if found else None


def uncertainty(event: TimelineEvent, docs: dict[str, DocumentInfo]) -> list[str]:
    """Reasons the event's date is less certain than its precision says (empty when firm)."""
    reasons: list[str] = []
    if granularity_of(event) == Granularity.VAGUE:
        reasons.append("vague")
    mod = event.date.mod
    if mod and mod in MOD_REASONS and MOD_REASONS[mod] not in reasons:
        reasons.append(MOD_REASONS[mod])
    if event.mentions and all(_rests_on_inferred_date(m, docs) for m in event.mentions):
        reasons.append("read against an inferred publication date")
    if event.mentions and all(not m.expression.anchored for m in event.mentions):
        reasons.append("not fully anchored")
    return reasons


def _rests_on_inferred_date(mention: EventMention, docs: dict[str, DocumentInfo]) -> bool:
    doc = docs.get(mention.document)
    return (
        mention.expression.anchor.kind == "publication"
        and doc is not None
        and doc.published_from == PublishedFrom.INFERRED
    )


def _sort_key(event: TimelineEvent) -> tuple:
    interval = event_interval(event)
    if interval is None:
        return (1, dt.date.max, dt.date.max, event.title, event.id)
    return (0, interval[0], interval[1], event.title, event.id)


def _display(event_date: Any) -> str:
    if event_date.display:
        return event_date.display
    return display_date(event_date.value, event_date.granularity, event_date.mod) if event_date.value else ""


def _document(doc: DocumentInfo) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title or doc.path or doc.id,
        "source": source_name(doc),
        "url": safe_link(doc.url),
        "published": doc.published.isoformat() if doc.published else None,
        "from": doc.published_from.value if doc.published_from else None,
        "window": _window(doc),
    }


def _window(doc: DocumentInfo) -> str | None:
    """The inferred window as the page prints it: "2009-03-04 to 2009-03-06", or None."""
    window = doc.published_window
    if window is None:
        return None
    latest = window.latest.isoformat() if window.latest else "an unknown later day"
    return window.earliest.isoformat() if window.latest == window.earliest else f"{window.earliest.isoformat()} to {latest}"


def _mention(mention: EventMention, doc_index: dict[str, int]) -> dict[str, Any]:
    before, hit, after = split_sentence(mention)
    expr = mention.expression
    return {
        "doc": doc_index.get(mention.document, -1),
        "pre": before,
        "hit": hit,
        "post": after,
        "expr": expr.text,
        "value": expr.value,
        "date": _display(mention.date),
        "why": explain(mention),
        "rule": expr.rule,
        "kind": mention.kind,
    }


def _event(
    event: TimelineEvent,
    docs: dict[str, DocumentInfo],
    doc_index: dict[str, int],
    mention_docs: dict[str, str],
) -> dict[str, Any]:
    interval = event_interval(event)
    granularity = granularity_of(event)
    if interval is None:
        shape = "none"
    elif granularity in POINT_GRANULARITIES and interval[0] == interval[1]:
        shape = "point"
    else:
        shape = "span"
    sources: list[str] = []
    for doc_id in event.sources or [m.document for m in event.mentions]:
        name = source_name(docs.get(doc_id))
        if name not in sources:
            sources.append(name)
    conflicts = []
    for conflict in event.conflicts:
        doc = docs.get(mention_docs.get(conflict.mention, ""))
        conflicts.append({
            "source": source_name(doc) if doc else conflict.mention,
            "value": conflict.value,
            "date": display_date(conflict.value) if conflict.value else "",
            "reason": conflict.reason,
        })
    return {
        "id": event.id,
        "title": event.title,
        "date": _display(event.date),
        "value": event.date.value,
        "precision": granularity.value if granularity else "unknown",
        "shape": shape,
        "start": interval[0].isoformat() if interval else None,
        "end": interval[1].isoformat() if interval else None,
        "uncertain": uncertainty(event, docs),
        "actors": list(dict.fromkeys(event.actors)),
        "sources": sources,
        "mentions": [_mention(m, doc_index) for m in event.mentions],
        "conflicts": conflicts,
    }


def _warning(warning: Any) -> dict[str, Any]:
    return {"kind": warning.kind, "message": warning.message, "path": warning.path, "line": warning.line}


def build_payload(chronology: Chronology) -> dict[str, Any]:
    """Everything the page shows, in a fixed order so the same chronology gives the same page."""
    payload = payload_frame(chronology, len(chronology.events), lambda: iter(chronology.events))
    payload["events"] = list(payload_events(chronology, sorted(chronology.events, key=_sort_key)))
    return payload


def payload_frame(chronology: Chronology, event_count: int, events: Callable[[], Iterable[TimelineEvent]]) -> dict[str, Any]:
    """The payload but its events (an empty list in their place). `events()` is read only when
    the chronology has no date range, to find the range the events are drawn over."""
    date_range = chronology.date_range
    date_range_pair = (date_range.start, date_range.end) if date_range else None
    if date_range is None:
        drawn = [i for i in (event_interval(e) for e in events()) if i]
        if drawn:
            date_range_pair = (min(i[0] for i in drawn), max(i[1] for i in drawn))
    counts = chronology.counts
    return {
        "title": chronology.title,
        "generator": chronology.generator,
        "counts": {
            "documents": counts.documents or len(chronology.documents),
            "events": counts.events or event_count,
            "mentions": counts.mentions,
            "skipped": counts.skipped,
            "undated_documents": counts.undated_documents,
            "unanchored_mentions": counts.unanchored_mentions,
        },
        "range": [d.isoformat() for d in date_range_pair] if date_range_pair else None,
        "range_shown": chronology.date_range_display,
        "documents": [_document(doc) for doc in chronology.documents],
        "events": [],
        "warnings": [_warning(w) for w in chronology.warnings],
    }


def payload_events(chronology: Chronology, ordered: Iterable[TimelineEvent], *, own_conflicts: bool = False) -> Iterator[dict[str, Any]]:
    """The page's dict of each event, given in page order (`page_order`).

    A conflict names a mention by id; with `own_conflicts` its document is looked up among the
    event's own mentions (where a build's merge always puts it) instead of the whole chronology's,
    so the events can stream through.
    """
    docs = {doc.id: doc for doc in chronology.documents}
    doc_index = {doc.id: i for i, doc in enumerate(chronology.documents)}
    everyone = {} if own_conflicts else {m.id: m.document for e in chronology.events for m in e.mentions}
    for event in ordered:
        mention_docs = {m.id: m.document for m in event.mentions} if own_conflicts else everyone
        yield _event(event, docs, doc_index, mention_docs)


def page_order(event: TimelineEvent) -> tuple:
    """The order events are listed and drawn in: by interval, vague ones last, then title, id."""
    return _sort_key(event)
