"""Exports: TimelineJS3 format rules, CSV rows, JSON against its schema, atomic writes."""

import csv
import datetime as dt
import io
import json

import jsonschema
import pytest

from chronology.export import CSV_COLUMNS, to_csv, to_json, to_timelinejs, write_exports
from chronology.fsutil import write_atomic
from chronology.model import (
    Chronology,
    DocumentInfo,
    EventDate,
    EventMention,
    Granularity,
    Interval,
    TimelineEvent,
    TimeMention,
)

D = dt.date


def _event(eid, value, start, end, gran, title, display, doc="doc1", sentence="A sentence."):
    m = TimeMention(start=0, end=5, text="expr", type="DATE", value=value, granularity=gran,
                    interval=Interval(start=start, end=end) if start else None)
    date = EventDate(value=value, start=start, end=end, granularity=gran, display=display)
    em = EventMention(id=f"{eid}-m", document=doc, sentence=sentence, sentence_start=0,
                      sentence_end=len(sentence), title=title, expression=m, date=date)
    return TimelineEvent(id=eid, title=title, date=date, sources=[doc], mentions=[em], actors=["Ed Balls"])


@pytest.fixture
def chron():
    return Chronology(
        title="Test <chronology>",
        documents=[DocumentInfo(id="doc1", title="Guardian piece", source="The Guardian",
                                published=D(2009, 3, 6), path="a.txt")],
        events=[
            _event("e1", "2005", D(2005, 1, 1), D(2005, 12, 31), Granularity.YEAR, "Reforms introduced", "2005"),
            _event("e2", "2008-12", D(2008, 12, 1), D(2008, 12, 31), Granularity.MONTH,
                   "Shoesmith removed from office by Balls", "December 2008",
                   sentence='She said "<script>alert(1)</script>".'),
            _event("e3", "2009-03-05", D(2009, 3, 5), D(2009, 3, 5), Granularity.DAY, "Audit Commission report", "5 March 2009"),
            _event("e4", "PAST_REF", None, None, Granularity.VAGUE, "Progress made", "in the past"),
        ],
    )


def test_timelinejs_follows_its_format_rules(chron):
    tl = to_timelinejs(chron)
    assert isinstance(tl["title"]["text"]["headline"], str)
    assert "&lt;chronology&gt;" in tl["title"]["text"]["headline"]
    events = tl["events"]
    assert [e["unique_id"] for e in events] == ["e1", "e2", "e3"]  # the vague one has no axis place
    for e in events:
        assert isinstance(e["start_date"]["year"], int)
        assert set(e["text"]) == {"headline", "text"}
        assert isinstance(e["group"], str)
        for key in ("start_date", "end_date"):
            if key in e:
                assert set(e[key]) <= {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
                assert all(isinstance(v, int) for v in e[key].values())
    year, month, day = events
    assert year["start_date"] == {"year": 2005} and year["end_date"] == {"year": 2005, "month": 12, "day": 31}
    assert month["display_date"] == "December 2008"
    assert month["start_date"] == {"year": 2008, "month": 12}
    assert month["end_date"] == {"year": 2008, "month": 12, "day": 31}
    assert "display_date" not in day and "end_date" not in day
    assert "<script>" not in month["text"]["text"] and "&lt;script&gt;" in month["text"]["text"]


def test_csv_has_one_row_per_event_mention(chron):
    rows = list(csv.reader(io.StringIO(to_csv(chron))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + 4
    by_id = {r[0]: dict(zip(CSV_COLUMNS, r)) for r in rows[1:]}
    assert by_id["e2"]["value"] == "2008-12"
    assert by_id["e2"]["start"] == "2008-12-01" and by_id["e2"]["end"] == "2008-12-31"
    assert by_id["e2"]["source"] == "The Guardian" and by_id["e2"]["published"] == "2009-03-06"


def test_json_validates_against_the_schema(chron):
    jsonschema.validate(json.loads(to_json(chron)), Chronology.model_json_schema())


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "f.json"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["f.json"]


def test_write_exports_writes_the_chosen_formats_only(tmp_path, chron):
    written = write_exports(chron, tmp_path, ["json", "csv", "timelinejs"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.csv", "timeline.json", "timelinejs.json"]
    assert set(written) == {"json", "csv", "timelinejs"}
