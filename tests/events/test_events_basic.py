"""Events stage: sentences, display dates and event extraction on hand-built mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from chronology.events import extract_events, split_sentences
from chronology.model import Document, Interval, TimeMention
from chronology.timex import display_date


def test_sentences_keep_abbreviations_and_initials():
    text = "Mr. Balls met J. K. Rowling in the U.S. on Jan. 5. The council said no.\nHeadline here"
    got = [s.text for s in split_sentences(text)]
    assert got == ["Mr. Balls met J. K. Rowling in the U.S. on Jan. 5.", "The council said no.", "Headline here"]


# (text, sentences): sentences open with a capital of any script, and initials may be one too.
SENTENCES = [
    ("Le conseil a voté. Élisabeth Müller a été nommée.", ["Le conseil a voté.", "Élisabeth Müller a été nommée."]),
    ("Die Behörde tagte. Ärzte ohne Grenzen kamen. Öffentlich war nichts.",
     ["Die Behörde tagte.", "Ärzte ohne Grenzen kamen.", "Öffentlich war nichts."]),
    ("Совет собрался. Шэрон Шусмит ушла.", ["Совет собрался.", "Шэрон Шусмит ушла."]),
    ("Ο Γιάννης ήρθε. Η Μαρία έφυγε.", ["Ο Γιάννης ήρθε.", "Η Μαρία έφυγε."]),
    # An initial in any script is not a sentence end; a lower-case word after a period is no opener.
    ("The novel by É. Zola came out in 1880. It sold well.", ["The novel by É. Zola came out in 1880.", "It sold well."]),
    ("Dr. Ö. Pamuk spoke. Then he left.", ["Dr. Ö. Pamuk spoke.", "Then he left."]),
    ("She met the protégé. à la carte menus followed.", ["She met the protégé. à la carte menus followed."]),
    # A word ending in an accented letter before the period ends a sentence like any other.
    ("They sat in the café. The council met later.", ["They sat in the café.", "The council met later."]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[t[:24] for t, _ in SENTENCES])
def test_sentences_open_with_a_capital_of_any_script(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(("value", "shown"), [
    ("2009-03-06T09:05", "9:05am, 6 March 2009"),
    ("2009-03-06T14:00", "2pm, 6 March 2009"),
    ("2009-03-06T00:30", "12:30am, 6 March 2009"),
    ("2009-03-06T12:00", "12pm, 6 March 2009"),
    ("2009-03-06TEV", "the evening of 6 March 2009"),
])
def test_display_date_of_a_time(value, shown):
    assert display_date(value) == shown


def test_display_date_at_precision():
    assert display_date("2009-03-06") == "6 March 2009"
    assert display_date("2008-12") == "December 2008"
    assert display_date("2010-SP") == "spring 2010"
    assert display_date("2005") == "2005"
    assert display_date("200") == "the 2000s"
    assert display_date("2009", mod="START") == "early 2009"


def _mention(text: str, phrase: str, value: str, start: dt.date, end: dt.date, **kw) -> TimeMention:
    i = text.index(phrase)
    return TimeMention(start=i, end=i + len(phrase), text=phrase, type=kw.pop("type", "DATE"), value=value,
                       interval=Interval(start=start, end=end), **kw)


def test_relative_clause_title_and_actors():
    text = ("The council's former director of children's services, Sharon Shoesmith, who was personally "
            "removed from office in December by Balls, told the Guardian. Ed Balls said so.")
    doc = Document(id="d1", text=text, published=dt.date(2009, 3, 6))
    m = _mention(text, "December", "2008-12", dt.date(2008, 12, 1), dt.date(2008, 12, 31))
    (ev,) = extract_events(doc, [m])
    assert ev.title == "Shoesmith removed from office by Balls"
    assert ev.date.display == "December 2008"
    assert "Sharon Shoesmith" in ev.actors and "Ed Balls" in ev.actors


def test_sets_durations_and_creation_time_are_not_events():
    text = "Decisions are made every day. He waited 17 months. October 23, 2009 in Workforce"
    doc = Document(id="d2", text=text, published_span=(text.index("October"), len(text) - 13))
    day = dt.date(2009, 10, 23)
    ms = [
        _mention(text, "every day", "P1D", day, day, type="SET"),
        TimeMention(start=text.index("17"), end=text.index("17") + 9, text="17 months", type="DURATION", value="P17M"),
        _mention(text, "October 23, 2009", "2009-10-23", day, day),
    ]
    assert extract_events(doc, ms) == []
