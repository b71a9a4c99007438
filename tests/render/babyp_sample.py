"""A hand-built Chronology of the Baby P development corpus, for the page's tests.

Built straight from the gold chronology (tests/data/events.json) and the seed articles, not from
the pipeline, so the page is tested on known input: real sentences with their expressions at
their real offsets, day/week/month/year precision, a season, a vague date, an inferred
publication date, a conflict, warnings, and one document whose title, source, URL and sentence
carry injected markup.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from chronology.model import (
    Anchor,
    Chronology,
    Conflict,
    Counts,
    DocumentInfo,
    EventDate,
    EventMention,
    Granularity,
    Interval,
    PublishedFrom,
    TimelineEvent,
    TimeMention,
    Warning_,
)
from chronology.timex import display_date, value_interval

ROOT = Path(__file__).resolve().parents[2]
EVENTS_JSON = ROOT / "tests" / "data" / "events.json"
BABYP = ROOT / "seeds" / "babyp"

# People and bodies the fixture's events name; a word list, only to give events realistic actors.
ACTORS = {
    "Shoesmith": "Sharon Shoesmith",
    "Balls": "Ed Balls",
    "Laming": "Lord Laming",
    "Haringey": "Haringey council",
    "Owen": "Jason Owen",
    "Barker": "Steven Barker",
    "Connelly": "Tracey Connelly",
    "Ofsted": "Ofsted",
    "Audit Commission": "Audit Commission",
    "Task Force": "Social Work Task Force",
}

INJECTED_TITLE = '<script>alert("title")</script>'
INJECTED_SOURCE = '"><img src=x onerror=alert(1)>'
INJECTED_URL = "javascript:alert(document.domain)"
INJECTED_SENTENCE = (
    'The council said last week that "</script><script>alert(2)</script>" '
    "and <img src=x onerror=alert(3)> were only words in a leaked email."
)
INJECTED_EVENT_TITLE = "Leaked email <img src=x onerror=alert(4)> published"
INFERRED_FILE = "11-undated-task-force.md"
INFERRED_DATE = dt.date(2009, 12, 3)


def _front_matter(text: str) -> tuple[dict[str, str], str, int]:
    meta: dict[str, str] = {}
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    if not match:
        return meta, text, 0
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta, text, match.end()


def _documents() -> tuple[list[DocumentInfo], dict[str, str], dict[str, str]]:
    docs, texts, ids = [], {}, {}
    for path in sorted(BABYP.glob("*.md")):
        meta, text, _ = _front_matter(path.read_text(encoding="utf-8"))
        doc_id = "doc-" + path.stem[:2]
        published = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
        inferred = path.name == INFERRED_FILE
        docs.append(
            DocumentInfo(
                id=doc_id,
                title=meta.get("title"),
                path=f"seeds/babyp/{path.name}",
                url=f"https://news.example.org/babyp/{path.stem}" if path.stem[:2] in {"01", "07"} else None,
                source=meta.get("source"),
                published=INFERRED_DATE if inferred else published,
                published_from=PublishedFrom.INFERRED if inferred else PublishedFrom.FRONT_MATTER,
                characters=len(text),
            )
        )
        texts[path.name] = text
        ids[path.name] = doc_id
    return docs, texts, ids


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    s = 0 if left < 0 else left + (2 if text[left] == "." else 1)
    right = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    e = min(right) + 1 if right else len(text)
    return s, e


def _date(value: str) -> EventDate:
    found = value_interval(value)
    if found:
        start, end, granularity = found
        return EventDate(value=value, start=start, end=end, granularity=granularity,
                         display=display_date(value, granularity))
    return EventDate(value=value, granularity=Granularity.VAGUE, display=display_date(value))


def _actors(description: str) -> list[str]:
    return [name for key, name in ACTORS.items() if key in description]


def _mention(event_id: str, n: int, doc: DocumentInfo, text: str, surface: str, occurrence: int,
             value: str, title: str, actors: list[str]) -> EventMention | None:
    at = -1
    for _ in range(occurrence):
        at = text.find(surface, at + 1)
    if at < 0:
        return None
    s, e = _sentence_around(text, at, at + len(surface))
    relative = not re.search(r"\b(19|20)\d\d\b", surface)
    anchor = (
        Anchor(kind="publication", value=doc.published.isoformat() if doc.published else None)
        if relative else Anchor(kind="none")
    )
    date = _date(value)
    if relative:
        why = f"'{surface}' read against the publication date {anchor.value} → {date.display}"
    else:
        why = f"'{surface}' names its own year → {date.display}"
    expr = TimeMention(
        start=at, end=at + len(surface), text=surface, type="DATE", value=value,
        granularity=date.granularity,
        interval=Interval(start=date.start, end=date.end) if date.start and date.end else None,
        anchor=anchor, rule="fixture", explanation=why,
    )
    return EventMention(
        id=f"{event_id}#{n}", document=doc.id, sentence=text[s:e], sentence_start=s, sentence_end=e,
        title=title, actors=actors, expression=expr, date=date,
    )


def _gold_events(docs: list[DocumentInfo], texts: dict[str, str], ids: dict[str, str]) -> list[TimelineEvent]:
    by_id = {d.id: d for d in docs}
    events = []
    for gold in json.loads(EVENTS_JSON.read_text(encoding="utf-8")):
        title = gold["description"]
        actors = _actors(title)
        mentions = []
        for n, m in enumerate(gold["mentions"]):
            doc = by_id[ids[m["file"]]]
            made = _mention(gold["id"], n, doc, texts[m["file"]], m["text"], m["occurrence"],
                            m["value"], title, actors)
            if made:
                mentions.append(made)
        if not mentions:
            continue
        events.append(
            TimelineEvent(
                id=gold["id"], title=title, date=_date(gold["value"]), actors=actors,
                sources=list(dict.fromkeys(m.document for m in mentions)), mentions=mentions,
            )
        )
    return events


def _hand_events(docs: list[DocumentInfo]) -> list[TimelineEvent]:
    """A season, a vague stretch and an injected-markup event the gold file does not have."""
    injected = docs[-1]
    records = []
    spring = EventDate(value="2010-SP", start=dt.date(2010, 3, 1), end=dt.date(2010, 5, 31),
                       granularity=Granularity.SEASON, display="spring 2010")
    vague = EventDate(value="PAST_REF", start=dt.date(2004, 1, 1), end=dt.date(2008, 11, 12),
                      granularity=Granularity.VAGUE, display="in recent years")
    leak = EventDate(value="2009-06-22", start=dt.date(2009, 6, 22), end=dt.date(2009, 6, 22),
                     granularity=Granularity.DAY, display="22 June 2009")
    specs = [
        ("reinspection", "Ofsted to re-inspect Haringey children's services", spring, "doc-08",
         "Inspectors are due to return to Haringey in the spring of next year.", "spring of next year",
         "'spring of next year' read against the publication date 2009-04-30 → spring 2010",
         ["Ofsted", "Haringey council"]),
        ("warnings_ignored", "Warnings about Haringey's child protection went unheeded", vague, "doc-02",
         "In recent years, several staff had raised concerns about caseloads.", "In recent years",
         "'In recent years' is vague: some time before the publication date 2008-11-13",
         ["Haringey council"]),
        ("leak", INJECTED_EVENT_TITLE, leak, injected.id, INJECTED_SENTENCE, "last week",
         "'last week' read against the publication date 2009-06-29 → the week of 22 June 2009",
         ['<b onmouseover="alert(5)">Councillor</b>']),
    ]
    for event_id, title, date, doc_id, sentence, surface, why, actors in specs:
        at = sentence.find(surface)
        expr = TimeMention(
            start=100 + at, end=100 + at + len(surface), text=surface, type="DATE", value=date.value,
            granularity=date.granularity, anchor=Anchor(kind="publication", value=None),
            rule="fixture", explanation=why,
        )
        mention = EventMention(
            id=f"{event_id}#0", document=doc_id, sentence=sentence, sentence_start=100,
            sentence_end=100 + len(sentence), title=title, actors=actors, expression=expr, date=date,
        )
        records.append(TimelineEvent(id=event_id, title=title, date=date, actors=actors,
                                     sources=[doc_id], mentions=[mention]))
    return records


def babyp_chronology() -> Chronology:
    docs, texts, ids = _documents()
    docs.append(
        DocumentInfo(
            id="doc-xss", title=INJECTED_TITLE, path="inbox/leak.html", url=INJECTED_URL,
            source=INJECTED_SOURCE, published=dt.date(2009, 6, 29),
            published_from=PublishedFrom.HTML_META,
        )
    )
    events = _gold_events(docs, texts, ids) + _hand_events(docs)
    cpa = next(e for e in events if e.id == "cpa_final")
    cpa.conflicts.append(Conflict(
        mention=cpa.mentions[0].id, value="2009-03-06",
        reason="one report dates the publication to its own day of printing",
    ))
    cpa.date.mod = None
    warnings = [
        Warning_(kind="undated_document", message="no publication date in the file or manifest; "
                 "inferred 2009-12-03 from the dates in the text", path=f"seeds/babyp/{INFERRED_FILE}"),
        Warning_(kind="unanchored_mention", message="'that summer' has no year to read it against",
                 path="seeds/babyp/05-shoesmith-speaks.md", line=9),
        Warning_(kind="skipped_file", message="not UTF-8 and no encoding could be detected",
                 path="seeds/babyp/notes.bin"),
    ]
    starts = [e.date.start for e in events if e.date.start]
    ends = [e.date.end for e in events if e.date.end]
    return Chronology(
        generator="chronology test fixture",
        title="Baby P: the aftermath, 2008–2010",
        documents=docs,
        events=events,
        warnings=warnings,
        counts=Counts(documents=len(docs), skipped=1, mentions=sum(len(e.mentions) for e in events),
                      events=len(events), undated_documents=1, unanchored_mentions=1),
        date_range=Interval(start=min(starts), end=max(ends)),
    )
