"""Narratives (tag(narrative=True)): a case chronology's dates follow the story, not the writing."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.temporal import tag

WRITTEN = dt.date(2008, 11, 12)  # a serious case review written long after the events it tells

CASES = [
    # a date without its year: the first one at or after the time the story is at
    ("On 11 December 2006 he was taken to hospital. The case conference on 22 December decided to act.",
     [("11 December 2006", "2006-12-11"), ("22 December", "2006-12-22")]),
    ("Peter was born in March 2006. In December he was seen by a GP. In the spring he moved.",
     [("March 2006", "2006-03"), ("December", "2006-12"), ("the spring", "2007-SP")]),
    ("He was seen on Monday 11 December 2006. On Friday a nurse called.",
     [("Monday 11 December 2006", "2006-12-11"), ("Friday", "2006-12-15")]),
    ("He was seen on 9 January 2007. On the previous Friday his mother had called.",
     [("9 January 2007", "2007-01-09"), ("the previous Friday", "2007-01-05")]),
    # words that point from the writing still count from it
    ("He was seen on 9 January 2007. The review was published yesterday, last month's draft having been withdrawn.",
     [("9 January 2007", "2007-01-09"), ("yesterday", "2008-11-11"), ("last month", "2008-10")]),
    # before the story has a time, the writing is the only anchor
    ("In December the review will be published.", [("December", "2008-12")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_narrative(text, expected):
    assert [(m.text, m.value) for m in tag(text, published=WRITTEN, narrative=True)] == expected


def test_narrative_anchor_is_the_mention_the_story_was_at():
    m = tag("On 11 December 2006 he was taken to hospital. The conference on 22 December acted.",
            published=WRITTEN, narrative=True)[1]
    assert (m.anchor.kind, m.anchor.value, m.anchor.mention) == ("mention", "2006-12-11", 0)
    assert m.explanation == ("'22 December': the story moving forward, at or after the anchor 2006-12-11, "
                             "the time the text last mentioned → 22 December 2006")


def test_news_reading_is_the_default():
    text = "On 11 December 2006 he was taken to hospital. The case conference on 22 December decided to act."
    assert tag(text, published=WRITTEN)[1].value == "2008-12-22"


def test_cli_narrative_flag():
    text = "On 11 December 2006 he was taken to hospital. The case conference on 22 December decided to act."
    result = CliRunner().invoke(app, ["tag", "-", "--published", "2008-11-12", "--narrative", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert "2006-12-22" in result.stdout
