"""Writing a Chronology to the formats people and programs read, each file written atomically.

| format      | file                 | for                                                   |
|-------------|----------------------|-------------------------------------------------------|
| json        | timeline.json        | other tools: the `Chronology` model (`chronology schema`) |
| html        | timeline.html        | people: the interactive page                          |
| timelinejs  | timelinejs.json      | Knight Lab TimelineJS3                                |
| csv         | timeline.csv         | spreadsheets: one row per event mention               |
| timeml      | timeml/ID.tml        | temporal-NLP tools and scorers                        |

Every writer takes the chronology's frame (all but its events) and its events from an event
source (`ListEvents` for a Chronology in memory, `StoredEvents` for a build's store) and writes
an event at a time, so a large timeline is never in memory, as objects or as one string.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from chronology.export.events import EventSource, ListEvents, StoredEvents
from chronology.fsutil import write_atomic
from chronology.model import Chronology, DocumentInfo, TimelineEvent, TimeMention

FORMATS = ("json", "html", "timelinejs", "csv", "timeml")

__all__ = [
    "CSV_COLUMNS", "FORMATS", "EventSource", "ListEvents", "StoredEvents", "iter_csv", "iter_json",
    "iter_timelinejs", "to_csv", "to_json", "to_timelinejs", "write_exports",
]


def to_json(chronology: Chronology) -> str:
    return "".join(iter_json(chronology))


# The events list as `model_dump_json(indent=1)` writes it inside the top-level object when empty.
_NO_EVENTS = '\n "events": [],\n'


def iter_json(chronology: Chronology, events: EventSource | None = None) -> Iterator[str]:
    """`chronology.model_dump_json(indent=1)` and a newline, in pieces: an event at a time, so a
    large timeline is never one string in memory (it would be, twice, while being written).
    `events`, when given, replaces the chronology's own (for a frame whose events are stored)."""
    events = events if events is not None else ListEvents(chronology.events)
    frame = chronology.model_copy(update={"events": []}).model_dump_json(indent=1)
    if not events.count:
        yield frame + "\n"
        return
    at = frame.find(_NO_EVENTS)
    if at < 0:  # the model's layout changed: fall back to one string rather than write it wrong
        yield chronology.model_copy(update={"events": list(events)}).model_dump_json(indent=1) + "\n"
        return
    # The frame (every document and warning) is large for a large corpus: it is written in
    # blocks rather than split into copies.
    yield from _blocks(frame, 0, at)
    yield '\n "events": [\n'
    yield from _joined((_nested(event.model_dump_json(indent=1), "  ") for event in events), ",\n")
    yield "\n ],\n"
    yield from _blocks(frame, at + len(_NO_EVENTS), len(frame))
    yield "\n"


def _blocks(text: str, start: int, end: int, size: int = 1 << 20) -> Iterator[str]:
    for at in range(start, end, size):
        yield text[at: min(at + size, end)]


def _nested(text: str, indent: str) -> str:
    """An indented JSON text as it reads nested one level deeper: JSON strings hold no raw
    newline, so re-indenting line starts nests it exactly."""
    return indent + text.replace("\n", "\n" + indent)


def _joined(pieces: Iterable[str], separator: str) -> Iterator[str]:
    """`separator.join(pieces)`, a piece at a time."""
    for i, piece in enumerate(pieces):
        yield (separator + piece) if i else piece


_CLOCK_RE = re.compile(r"T(\d{2}):(\d{2})")


def _tl_date(day, granularity: str | None, end: bool = False, value: str = "") -> dict:
    """A TimelineJS date object no more precise than the event's own date."""
    if granularity in ("year", "decade", "century") and not end:
        return {"year": day.year}
    if granularity in ("month",) and not end:
        return {"year": day.year, "month": day.month}
    date = {"year": day.year, "month": day.month, "day": day.day}
    if granularity == "time" and not end and (clock := _CLOCK_RE.search(value)):
        date.update(hour=int(clock.group(1)), minute=int(clock.group(2)))
    return date


def to_timelinejs(chronology: Chronology) -> dict:
    """The TimelineJS3 JSON: a title slide and one slide per dated event."""
    docs = {d.id: d for d in chronology.documents}
    slides = [_slide(e, docs) for e in chronology.events if _on_axis(e)]
    return _timelinejs_frame(chronology, len(slides)) | {"events": slides}


def iter_timelinejs(chronology: Chronology, events: EventSource | None = None) -> Iterator[str]:
    """`json.dumps(to_timelinejs(...), ensure_ascii=False, indent=1)` and a newline, a slide at a
    time. The title slide counts the slides, so the events are read twice: counted, then written."""
    events = events if events is not None else ListEvents(chronology.events)
    docs = {d.id: d for d in chronology.documents}
    count = sum(1 for e in events if _on_axis(e))
    frame = json.dumps(_timelinejs_frame(chronology, count) | {"events": []}, ensure_ascii=False, indent=1, default=str)
    if not count:
        yield frame + "\n"
        return
    head, _, tail = frame.rpartition('"events": []')
    yield head + '"events": [\n'
    slides = (json.dumps(_slide(e, docs), ensure_ascii=False, indent=1, default=str) for e in events if _on_axis(e))
    yield from _joined((_nested(slide, "  ") for slide in slides), ",\n")
    yield "\n ]" + tail + "\n"


def _on_axis(event: TimelineEvent) -> bool:
    # Vague dates (PAST_REF...) have no place on a TimelineJS axis.
    return event.date.start is not None and event.date.end is not None


def _slide(event: TimelineEvent, docs: dict[str, DocumentInfo]) -> dict:
    from html import escape

    date = event.date
    granularity = date.granularity.value if date.granularity else None
    lines = []
    for m in event.mentions:
        doc = docs.get(m.document)
        source = doc.title or doc.source or doc.path if doc else m.document
        lines.append(f"<p>{escape(m.sentence)} <em>({escape(source or '')})</em></p>")
    slide = {
        "unique_id": event.id,
        "start_date": _tl_date(date.start, granularity, value=date.value),
        "text": {"headline": escape(event.title), "text": "".join(lines)},
        "group": _group(event, docs),
    }
    if date.end != date.start:
        slide["end_date"] = _tl_date(date.end, granularity, end=True)
    if granularity != "day":
        slide["display_date"] = date.display or date.value
    return slide


def _timelinejs_frame(chronology: Chronology, slides: int) -> dict:
    from html import escape

    return {
        "title": {
            "text": {
                "headline": escape(chronology.title),
                "text": f"<p>{slides} events from {len(chronology.documents)} documents</p>",
            }
        },
    }


def _group(event, docs: dict[str, DocumentInfo]) -> str:
    sources = sorted({(docs[s].source or docs[s].title or s) if s in docs else s for s in event.sources})
    return sources[0] if len(sources) == 1 else "Several sources"


CSV_COLUMNS = (
    "event_id", "value", "start", "end", "granularity", "title", "actors",
    "document_title", "source", "published", "expression", "sentence",
    # Last, so readers of the earlier columns by position are unaffected: "inferred" when the
    # mention was read against a publication date that was inferred, not given.
    "anchor",
)


def _anchor_column(m) -> str:
    anchor = m.expression.anchor
    if anchor.kind == "publication":
        return "inferred" if anchor.inferred else "publication"
    return anchor.kind


def to_csv(chronology: Chronology) -> str:
    return "".join(iter_csv(chronology))


def iter_csv(chronology: Chronology, events: EventSource | None = None) -> Iterator[str]:
    """The CSV, one event's rows at a time."""
    events = events if events is not None else ListEvents(chronology.events)
    docs = {d.id: d for d in chronology.documents}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        for m in event.mentions:
            doc = docs.get(m.document)
            writer.writerow([
                event.id, m.date.value, m.date.start or "", m.date.end or "",
                m.date.granularity.value if m.date.granularity else "", event.title,
                "; ".join(event.actors), doc.title if doc else "", doc.source if doc else "",
                doc.published if doc and doc.published else "", m.expression.text, m.sentence,
                _anchor_column(m),
            ])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def write_exports(
    chronology: Chronology,
    out_dir: str | Path,
    formats: Iterable[str] = FORMATS,
    *,
    timeml_documents: Iterable[tuple[DocumentInfo, str, list[TimeMention]]] = (),
    plotlyjs: str = "inline",
    events: EventSource | None = None,
) -> dict[str, Path]:
    """Write each chosen format under `out_dir`; returns format → path written.

    `events`, when given, are the chronology's events (its own `events` are then ignored)."""
    events = events if events is not None else ListEvents(chronology.events)
    out = Path(out_dir)
    formats = list(formats)
    written: dict[str, Path] = {}
    if "json" in formats:
        written["json"] = write_atomic(out / "timeline.json", iter_json(chronology, events))
    if "timelinejs" in formats:
        written["timelinejs"] = write_atomic(out / "timelinejs.json", iter_timelinejs(chronology, events))
    if "csv" in formats:
        written["csv"] = write_atomic(out / "timeline.csv", iter_csv(chronology, events))
    if "timeml" in formats:
        from chronology.eval.timeml import to_timeml

        folder = out / "timeml"
        for info, text, mentions in timeml_documents:
            dct = info.published.isoformat() if info.published else None
            write_atomic(folder / f"{info.id}.tml", to_timeml(text, mentions, dct, info.id))
        written["timeml"] = folder
    if "html" in formats:
        from chronology.render.page import iter_html

        written["html"] = write_atomic(out / "timeline.html", iter_html(chronology, plotlyjs=plotlyjs, events=events))
    return written
