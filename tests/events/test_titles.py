"""Event titles as a person would write them: a table of (sentence, dating phrase, expected title).

Mentions are built by hand (the phrase's position and a value), so these tests pin the title
builder, not the tagger. Every phrase listed for a row is a dating expression of the sentence;
the first is the one whose event is titled, the others must stay out of its title too.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from chronology.events import extract_events
from chronology.model import Document, Interval, TimeMention
from chronology.timex import value_interval

PUBLISHED = dt.date(2009, 3, 6)


def _mention(text: str, phrase: str, value: str) -> TimeMention:
    i = text.index(phrase)
    start, end, unit = value_interval(value)
    return TimeMention(start=i, end=i + len(phrase), text=phrase, type="DATE", value=value,
                       granularity=unit, interval=Interval(start=start, end=end))


def event_for(text: str, dates: list[tuple[str, str]]):
    doc = Document(id="d", text=text, published=PUBLISHED)
    mentions = [_mention(text, phrase, value) for phrase, value in dates]
    events = extract_events(doc, mentions)
    return next(e for e in events if e.expression.text == dates[0][0])


TITLES = [
    # A relative clause dates its antecedent, the noun phrase just before "who".
    (("Lord Laming led the public inquiry into the death of Victoria Climbié, who was killed in 2000, "
     "and his 2003 report reshaped children's services."), [("2000", "2000"), ("2003", "2003")],
     "Climbié killed"),
    ("The two men were convicted over the death of the toddler, who was found dead at home in August 2007.",
     [("August 2007", "2007-08")], "Toddler found dead at home"),
    ("The Environment Agency, which was created in 1996, issued new guidance yesterday.",
     [("1996", "1996"), ("yesterday", "2009-03-05")], "Environment Agency created"),
    ("The Environment Agency, which was created in 1996, issued new guidance yesterday.",
     [("yesterday", "2009-03-05"), ("1996", "1996")], "Environment Agency issued new guidance"),
    (("Laming found support for the framework created after his 2003 report and the legislation that "
     "followed in 2004."), [("2004", "2004"), ("2003", "2003")], "Legislation followed"),
    # A relative clause with its own subject keeps it; without an object, the antecedent is one.
    ("The assessment system, which the commission has run since 2002, will be replaced.",
     [("2002", "2002")], "Commission has run the assessment system"),
    (("He also gave him a life sentence for the rape of a girl, an offence of which a jury convicted "
     "him on 1 May."), [("1 May", "2009-05-01")], "Jury convicted him"),
    # A participle right before the date dates its noun, not the verb of the sentence.
    (("He admitted that local authorities still had much work to do to ensure child protection reforms "
     "introduced in 2005 were being implemented robustly."), [("2005", "2005")],
     "Child protection reforms introduced"),
    # A date between a possessive and a noun dates the thing: "his 2003 report".
    ("Lord Laming led the inquiry, and his 2003 report reshaped children's services.",
     [("2003", "2003")], "Lord Laming's report"),
    # "in 2005, when ...": the when-clause is what the date names.
    ("Services were weaker than in 2005, when departments were reorganised after the death of Victoria Climbié.",
     [("2005", "2005")], "Departments reorganised after the death of Victoria Climbié"),
    # ... but a finite verb with its own subject is the clause's verb.
    ("The couple can be named after a court order protecting their identities expired at 11pm last night.",
     [("11pm last night", "2009-03-05T23:00")], "Court order protecting their identities expired"),
    # Passive: "X removed by Y"; the subject shortened to the name it holds.
    (("The council's former director, Sharon Shoesmith, who was personally removed from office in "
     "December by Balls, told the Guardian."), [("December", "2008-12")],
     "Shoesmith removed from office by Balls"),
    ("The bill was passed by Parliament on 3 March.", [("3 March", "2009-03-03")], "Bill passed by Parliament"),
    # Two acts of one subject joined by "and": each date titles its own act.
    ("Ms Shoesmith was removed on 1 December and dismissed by the council a week later, without compensation.",
     [("a week later", "2008-12-08"), ("1 December", "2008-12-01")], "Shoesmith dismissed by the council"),
    ("Ms Shoesmith was removed on 1 December and dismissed by the council a week later, without compensation.",
     [("1 December", "2008-12-01"), ("a week later", "2008-12-08")], "Shoesmith removed"),
    # A pronoun subject is the person the sentence opened with.
    (("Sharon Shoesmith has accused ministers of a reckless response, in her first public comments since "
     "she lost her job in December."), [("December", "2008-12")], "Shoesmith lost her job"),
    # Phrasal verbs keep their particle; coordinated subjects stay whole.
    ("A permanent director chosen by Mr Balls takes over on 1 January.", [("1 January", "2009-01-01")],
     "Permanent director chosen by Mr Balls takes over"),
    ("The council's leader and its lead member for children stood down the same day.",
     [("the same day", "2008-12-01")], "Council's leader and its lead member for children stood down"),
    # Reporting: the title says who said what, the date words left out.
    ("Child protection managers should spend less time in offices, the children's secretary Ed Balls said today.",
     [("today", "2009-03-06")], "Balls said child protection managers should spend less time in offices"),
    ("Ed Balls responded on Saturday that he had done the right thing.", [("Saturday", "2009-02-07")],
     "Balls responded he had done the right thing"),
    # "It emerged that ...": what emerged is the event, asides left out.
    ("It emerged on Tuesday that Sharon Shoesmith, who was sacked in December, has begun a High Court challenge.",
     [("Tuesday", "2009-03-03"), ("December", "2008-12")], "Shoesmith has begun a High Court challenge"),
    # Between a subject and its verb, appositives and participle phrases are skipped.
    ("The task force, chaired by Moira Gibb, chief executive of Camden council, was set up in December last year.",
     [("December last year", "2008-12")], "Task force set up"),
    ("The children's secretary, Ed Balls, yesterday ordered an urgent inspection of services in Haringey.",
     [("yesterday", "2008-11-11")], "Balls ordered an urgent inspection of services in Haringey"),
    # A possessive name owns the thing that is the subject.
    ("Sharon Shoesmith's High Court challenge over her removal as director, heard in October, awaits judgment.",
     [("October", "2009-10")], "Shoesmith's High Court challenge heard"),
    # A capital that only opens the sentence is no name; a capitalised preposition is no subject.
    ("Social work leaders today gave a guarded welcome to the final report of the Social Work Task Force.",
     [("today", "2009-12-02")], "Social work leaders gave a guarded welcome to the final report"),
    ("Over the past 12 months, the group has heard from frontline staff, employers and academics.",
     [("the past 12 months", "2009")], "Group has heard from frontline staff"),
    # A title starts with the event, not with the preposition of an adverbial.
    ("In an interview published online by a national newspaper on Friday, she said the case had become political.",
     [("Friday", "2009-03-06")], "Interview published online by a national newspaper"),
]


@pytest.mark.parametrize(("sentence", "dates", "expected"), TITLES, ids=[t[2] for t in TITLES])
def test_title(sentence, dates, expected):
    assert event_for(sentence, dates).title == expected


def test_instructions_are_not_reporting_events_but_sayings_are():
    told = event_for("The inspectors have been told to deliver their findings to Mr Balls by 1 December.",
                     [("1 December", "2008-12-01")])
    assert told.kind == "reported" and told.title == "Inspectors told to deliver their findings to Mr Balls"
    said = event_for("Child protection managers need support, Ed Balls said today.", [("today", "2009-03-06")])
    assert said.kind == "reporting" and said.date.value == "2009-03-06"


def test_seed_titles_are_short_and_leave_their_dates_out(tmp_path):
    """Every title the seeds' build writes: at most 12 words, none of its mentions' date words."""
    from typer.testing import CliRunner

    from chronology.cli import app
    from tests.conftest import SEEDS

    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), "--format", "json",
                                      "--workers", "1"])
    assert result.exit_code == 0, result.output
    chronology = json.loads((tmp_path / "timeline.json").read_text())
    assert len(chronology["events"]) >= 30
    for event in chronology["events"]:
        for m in event["mentions"]:
            title = m["title"]
            assert 1 <= len(title.split()) <= 12, title
            expression = m["expression"]["text"]
            if not expression.isdigit():  # "2003 report" may keep a year that names a thing
                assert not re.search(r"\b" + re.escape(expression) + r"\b", title, re.IGNORECASE), (expression, title)
