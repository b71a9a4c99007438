"""The TimeML writer: valid XML, the text read back exactly, and a perfect score against itself."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chronology.errors import InputError
from chronology.eval.classes import value_class
from chronology.eval.tempeval import evaluate
from chronology.eval.timeml import parse_timeml, read_timeml, to_timeml
from chronology.model import TimeMention

CORPUS = Path(__file__).resolve().parent.parent / "data" / "eval" / "corpus"
TEXT = 'Fares rose 5% & "fell" <again> yesterday;\r\nby March 2009 they had doubled.\n'


def _m(text: str, phrase: str, typ: str, value: str, **kw) -> TimeMention:
    start = text.index(phrase)
    return TimeMention(start=start, end=start + len(phrase), text=phrase, type=typ, value=value, **kw)


def test_writer_output_is_xml_and_reads_back_the_same_text():
    mentions = [_m(TEXT, "yesterday", "DATE", "2009-03-05"), _m(TEXT, "March 2009", "DATE", "2009-03", mod="START")]
    xml = to_timeml(TEXT, mentions, "2009-03-06", "fares & co")
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "TimeML" and root.findtext("DOCID") == "fares & co"
    dct = root.find("DCT/TIMEX3")
    assert dct.get("functionInDocument") == "CREATION_TIME" and dct.get("value") == "2009-03-06"
    timexes = root.findall("TEXT/TIMEX3")
    assert [(t.text, t.get("value"), t.get("mod")) for t in timexes] == [
        ("yesterday", "2009-03-05", None), ("March 2009", "2009-03", "START")]
    doc = parse_timeml(xml)
    assert doc.text == TEXT and doc.dct == "2009-03-06" and doc.dct_tid == "t0"
    assert [(t.text, t.type, t.value, t.tid) for t in doc.timexes] == [
        ("yesterday", "DATE", "2009-03-05", "t1"), ("March 2009", "DATE", "2009-03", "t2")]


def test_writer_leaves_out_what_timeml_cannot_hold():
    text = "from March 2009 to May"
    mentions = [
        _m(text, "March", "DATE", "2009-03"),  # inside the longer one below: left out
        _m(text, "March 2009", "DATE", "2009-03"),
        TimeMention(start=20, end=40, text="May", type="DATE", value="2009-05"),  # past the end
        TimeMention(start=5, end=5, text="", type="DATE", value="2009"),  # empty
    ]
    doc = parse_timeml(to_timeml(text, mentions, None, "x"))
    assert [t.text for t in doc.timexes] == ["March 2009"] and doc.dct is None


def test_reading_the_fixture():
    doc = read_timeml(CORPUS / "harbour.tml")
    assert doc.dct == "2009-03-06" and doc.text.startswith("\nThe harbour board met yesterday and")
    assert "three months & cost" in doc.text
    assert [t.value for t in doc.timexes] == ["2009-03-05", "2009-12", "P3M", "2004", "P1D"]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)
    assert [e.name for e in doc.tags if e.kind == "open"][:2] == ["EVENT", "TIMEX3"]


def test_a_file_without_text_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><DCT></DCT></TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match="bad.tml: no <TEXT>"):
        read_timeml(bad)


def test_written_timeml_scores_perfectly_against_itself(tmp_path):
    """Write our annotation as TimeML, use it as gold, tag again: every score is 1."""
    texts = {"one": TEXT, "two": "Nothing dated here.\n", "three": "Since 1998, every week on Monday.\n"}
    annotations = {
        "one": [_m(TEXT, "yesterday", "DATE", "2009-03-05"), _m(TEXT, "March 2009", "DATE", "2009-03")],
        "two": [],
        "three": [_m(texts["three"], "1998", "DATE", "1998"), _m(texts["three"], "every week", "SET", "P1W")],
    }
    by_text = {}
    for name, text in texts.items():
        (tmp_path / f"{name}.tml").write_text(to_timeml(text, annotations[name], "2009-03-06", name), encoding="utf-8")
        by_text[parse_timeml(to_timeml(text, [], None, name)).text] = annotations[name]
    report = evaluate(tmp_path, tagger=lambda text, published=None: by_text[text])
    m = report.metrics
    assert (m.strict_f1, m.relaxed_f1, m.value_f1, m.type_f1) == (1.0, 1.0, 1.0, 1.0)
    assert report.total.gold == report.total.system == 4 and not report.errors


@pytest.mark.parametrize(
    "typ, value, text, expected",
    [
        ("DATE", "2009-03-05", "yesterday", "relative day"),
        ("DATE", "2009-03-06", "6 March 2009", "absolute date"),
        ("DATE", "2008-12", "December", "month"),
        ("DATE", "2008", "last year", "year"),
        ("DATE", "2008-W45", "last week", "week"),
        ("DURATION", "P8M", "eight months", "duration"),
        ("SET", "P1W", "twice a week", "set"),
        ("DATE", "PAST_REF", "recently", "vague ref"),
        ("TIME", "2009-03-06TMO", "this morning", "time"),
        ("DATE", "199X", "the 1990s", "decade/century"),
        ("DATE", "2009-SU", "summer", "season/quarter/half"),
    ],
)
def test_value_classes(typ, value, text, expected):
    assert value_class(typ, value, text) == expected
