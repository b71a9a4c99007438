"""Date values, URL/file-name dates, byline rules and plausibility, table-driven."""

from __future__ import annotations

import datetime as dt

import pytest

from chronology.ingest.bylines import RULES, match_byline
from chronology.ingest.dates import BadDate, check_date, date_in_path, parse_date_value

D = dt.date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2009-03-06", D(2009, 3, 6)),
        ("2009-03-06T23:30:00-05:00", D(2009, 3, 6)),  # the publisher's own day, not UTC's
        ("2009-03-06T07:15:00Z", D(2009, 3, 6)),
        ("Fri, 06 Mar 2009 12:00:00 GMT", D(2009, 3, 6)),
        ("6 March 2009", D(2009, 3, 6)),
        ("March 6, 2009", D(2009, 3, 6)),
        ("06/03/2009", D(2009, 3, 6)),  # day first
        ("20090306", D(2009, 3, 6)),
        (1236340800, D(2009, 3, 6)),  # epoch seconds
        ("1236340800000", D(2009, 3, 6)),  # epoch milliseconds
        (D(2009, 3, 6), D(2009, 3, 6)),
        (dt.datetime(2009, 3, 6, 12), D(2009, 3, 6)),
    ],
)
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize(
    "value, reason",
    [
        ("2009-02-30", "2009-02-30 is not a calendar date"),
        ("1700-01-01", "year 1700 is outside 1800-2100"),
        ("yesterday", "'yesterday' is not a recognisable full date"),  # never resolved against the clock
        ("March 2009", "'March 2009' is not a recognisable full date"),  # a month is not a day
        ("", "empty value"),
        (True, "True is not a date"),
    ],
)
def test_parse_date_value_rejects(value, reason):
    with pytest.raises(BadDate) as err:
        parse_date_value(value)
    assert str(err.value) == reason


def test_check_date_bounds():
    assert check_date(1800, 1, 1) == D(1800, 1, 1) and check_date(2100, 12, 31) == D(2100, 12, 31)
    for parts in ((1799, 12, 31), (2101, 1, 1), (2009, 2, 29), (2009, 4, 31)):
        with pytest.raises(BadDate):
            check_date(*parts)


@pytest.mark.parametrize(
    "text, date, year",
    [
        ("https://news.example/uk/2009/03/05/balls-speech", D(2009, 3, 5), 2009),
        ("2009-03-05-title.md", D(2009, 3, 5), 2009),
        ("notes/20090305.txt", D(2009, 3, 5), 2009),
        ("https://wire.example/world/2009/story", None, 2009),
        ("000_653b9ce953ff35b3.txt", None, None),  # hex digits are not a date
        ("report-2009-02-30.txt", None, None),  # impossible day: no date
        ("https://x.example/id/12345678", None, None),
    ],
)
def test_date_in_path(text, date, year):
    found = date_in_path(text)
    assert (found.date if found else None, found.year if found else None) == (date, year)


@pytest.mark.parametrize(
    "line, rule, parts, date_text",
    [
        ("October 23, 2009 in Workforce", "date-line", (2009, 10, 23), "October 23, 2009"),
        ("Published: 5 March 2009", "labelled", (2009, 3, 5), "5 March 2009"),
        ("Fri 6 Mar 2009 12.00 GMT", "date-line", (2009, 3, 6), "Fri 6 Mar 2009 12.00 GMT"),
        ("First published on Fri 6 Mar 2009 12.00 GMT", "labelled", (2009, 3, 6), "Fri 6 Mar 2009 12.00 GMT"),
        ("By Jane Smith, 5 March 2009", "by-name", (2009, 3, 5), "5 March 2009"),
        ("Last updated at 10:32 AM on 06th March 2009", "labelled", (2009, 3, 6), "06th March 2009"),
        ("LONDON, March 5 (Reuters) - Britain's minister", "dateline", (None, 3, 5), "March 5"),
        ("  Posted on March 5, 2009 | Politics", "labelled", (2009, 3, 5), "March 5, 2009"),
    ],
)
def test_byline_rules(line, rule, parts, date_text):
    found = match_byline(line, 100, allow_dateline=True)
    assert found is not None and found.rule == rule and found.error is None
    assert (found.year, found.month, found.day) == parts
    assert line[found.start - 100 : found.end - 100] == date_text


@pytest.mark.parametrize(
    "line",
    [
        "5 March 2009 was the day the council met and decided many things of importance.",
        "by the council, 5 March 2009",  # "By" must introduce a name
        "Yesterday, March 5 (x) - the",  # a dateline place is in capitals
        "Ed Balls and Hilton Dawson lock horns at national conference",
        "March 2009",
        "The report, published on 5 March 2009, said councils were struggling.",
    ],
)
def test_not_bylines(line):
    assert match_byline(line, 0, allow_dateline=True) is None


def test_dateline_only_where_allowed():
    assert match_byline("LONDON, March 5 (Reuters) - Text", 0, allow_dateline=False) is None


def test_impossible_byline_date_is_flagged():
    found = match_byline("Published: 30 February 2009", 0, allow_dateline=False)
    assert found.error == "2009-02-30 is not a calendar date"


def test_every_rule_has_examples():
    assert all(rule.examples for rule in RULES)
