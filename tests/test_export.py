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


# --- the exports of a real build: TimelineJS3 format rules and the TimeML round trip ----------

# TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html) as a JSON Schema: a
# date object needs a year (number or numeric string); month, day, hour... are optional numbers
# in their ranges; a slide needs a start_date and a text or media; the title slide has no date.
_TL_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^-?\d+$"}]},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "second": {"type": "integer", "minimum": 0, "maximum": 59},
        "millisecond": {"type": "integer"},
        "display_date": {"type": "string"},
    },
    "additionalProperties": False,
}
_TL_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "anyOf": [{"required": ["headline"]}, {"required": ["text"]}],
    "additionalProperties": False,
}
TIMELINEJS3_SCHEMA = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "required": ["text"], "not": {"required": ["start_date"]},
                  "properties": {"text": _TL_TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text"],
                "properties": {
                    "start_date": _TL_DATE,
                    "end_date": _TL_DATE,
                    "text": _TL_TEXT,
                    "group": {"type": "string"},
                    "display_date": {"type": "string"},
                    "unique_id": {"type": "string"},
                    "media": {"type": "object"},
                    "background": {"type": "object"},
                    "autolink": {"type": "boolean"},
                },
                "additionalProperties": False,
            },
        },
        "eras": {"type": "array"},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    from typer.testing import CliRunner

    from chronology.cli import app
    from tests.conftest import SEEDS

    out = tmp_path_factory.mktemp("exports")
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "--workers", "1",
                                      "--format", "json", "--format", "timelinejs", "--format", "timeml"])
    assert result.exit_code == 0, result.output
    return out, Chronology.model_validate_json((out / "timeline.json").read_text(encoding="utf-8"))


def _as_date(obj: dict) -> dt.date:
    return dt.date(int(obj["year"]), obj.get("month", 1), obj.get("day", 1))


def test_seeds_timelinejs_follows_the_timelinejs3_format(seeds_build):
    out, chronology = seeds_build
    tl = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    jsonschema.validate(tl, TIMELINEJS3_SCHEMA)
    assert tl["title"]["text"]["headline"]
    by_id = {e.id: e for e in chronology.events}
    assert len(tl["events"]) == sum(1 for e in chronology.events if e.date.start)
    units = set()
    for slide in tl["events"]:
        event = by_id[slide["unique_id"]]
        unit = event.date.granularity.value
        units.add(unit)
        assert _as_date(slide["start_date"]) == event.date.start
        if unit == "day":
            assert "display_date" not in slide and "end_date" not in slide
            continue
        if unit == "time":  # "11pm last night": the clock time is on the axis and in words
            assert {"hour", "minute"} <= set(slide["start_date"]) and slide["display_date"] == event.date.display
            continue
        # A month or a year is shown as written ("December 2008") and spans its whole interval.
        assert slide["display_date"] == event.date.display
        assert _as_date(slide["end_date"]) == event.date.end
        if unit == "month":
            assert set(slide["start_date"]) == {"year", "month"}
            assert (event.date.end + dt.timedelta(days=1)).day == 1
        if unit == "year":
            assert set(slide["start_date"]) == {"year"} and slide["end_date"]["month"] == 12
            assert slide["end_date"]["day"] == 31
    assert {"day", "month", "year"} <= units


def test_seeds_timeml_parses_and_round_trips_through_eval_tempeval(seeds_build):
    """The TimeML files `build` writes are XML, carry the DCT as creation time, and scored as gold
    against the tagger give 100% (the tagger that wrote them tags the same text the same way)."""
    import xml.etree.ElementTree as ET

    from typer.testing import CliRunner

    from chronology.cli import app

    out, chronology = seeds_build
    folder = out / "timeml"
    files = sorted(folder.glob("*.tml"))
    assert {p.stem for p in files} == {d.id for d in chronology.documents}
    published = {d.id: d.published for d in chronology.documents}
    timexes = 0
    for path in files:
        root = ET.parse(path).getroot()
        assert root.tag == "TimeML" and root.find("TEXT") is not None
        dct = root.find("DCT/TIMEX3")
        if published[path.stem]:
            assert dct.get("functionInDocument") == "CREATION_TIME"
            assert dct.get("value") == published[path.stem].isoformat()
        timexes += len(root.findall("TEXT/TIMEX3"))
    assert timexes >= 80

    result = CliRunner().invoke(app, ["eval", "tempeval", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["metrics"]["strict_f1"] == 1.0, report["metrics"]
    assert report["metrics"]["value_f1"] == 1.0 and report["metrics"]["type_f1"] == 1.0
    assert sum(f["counts"]["gold"] for f in report["files"]) == timexes


def test_exports_streamed_from_the_store_are_the_exports_of_the_chronology_in_memory(tmp_path):
    """A build writes every format from its store an event at a time; the same chronology held
    in memory and written the plain way gives the same bytes."""
    from chronology.build import run_build
    from chronology.export import FORMATS
    from tests.conftest import SEEDS

    formats = [f for f in FORMATS if f != "timeml"]
    report = run_build([str(SEEDS)], tmp_path / "built", formats=formats, plotlyjs="cdn", workers=1)
    chronology = report.chronology
    assert chronology.events
    written = write_exports(chronology, tmp_path / "memory", formats, plotlyjs="cdn")
    for fmt, path in written.items():
        assert path.read_bytes() == (tmp_path / "built" / path.name).read_bytes(), fmt


def test_streamed_timelinejs_and_csv_without_events(chron):
    from chronology.export import iter_csv, iter_timelinejs

    empty = chron.model_copy(update={"events": []})
    assert "".join(iter_timelinejs(empty)) == json.dumps(to_timelinejs(empty), ensure_ascii=False, indent=1) + "\n"
    assert "".join(iter_csv(empty)) == ",".join(CSV_COLUMNS) + "\n"
    assert "".join(iter_timelinejs(chron)) == json.dumps(to_timelinejs(chron), ensure_ascii=False, indent=1) + "\n"
