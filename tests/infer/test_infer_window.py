"""The pure pieces of inference: solving an expression for its anchor, combining evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from chronology.infer import Evidence, combine, solve_anchor
from chronology.infer.window import (
    CONFIDENCE_CONFLICT,
    CONFIDENCE_OUTVOTED,
    CONFIDENCE_PINNED,
    most_likely_day,
)
from chronology.temporal import tag

D = dt.date


def _tag(text, day):
    return tag(text, published=day)


@pytest.mark.parametrize(
    "sentence, expression, target, expected",
    [
        # "yesterday" = 5 March pins the writing to 6 March.
        ("The Audit Commission revealed yesterday that councils were struggling.", "yesterday",
         (D(2009, 3, 5), D(2009, 3, 5)), (D(2009, 3, 6), D(2009, 3, 6))),
        # "last month" = an interview on 6 February: written some day in March.
        ("Shoesmith told the Guardian last month that the response was reckless.", "last month",
         (D(2009, 2, 6), D(2009, 2, 6)), (D(2009, 3, 1), D(2009, 3, 31))),
        # "today" = 22 May: written that day.
        ("The judge jailed the mother today.", "today",
         (D(2009, 5, 22), D(2009, 5, 22)), (D(2009, 5, 22), D(2009, 5, 22))),
    ],
)
def test_solve_anchor_finds_the_writing_days(sentence, expression, target, expected):
    offset = sentence.index(expression)
    assert solve_anchor(sentence, offset, target, _tag) == expected


def test_solve_anchor_in_the_past_tense_month_gives_the_following_year():
    sentence = "She was removed from office in December by Balls."
    days = solve_anchor(sentence, sentence.index("December"), (D(2008, 12, 1), D(2008, 12, 1)), _tag)
    assert days is not None
    # Whatever the tagger's reading of the current month, the writing falls after the removal
    # began and within the year that followed, and 6 March 2009 is inside.
    assert D(2008, 12, 1) <= days[0] <= D(2009, 1, 1) and D(2009, 11, 30) <= days[1] <= D(2009, 12, 31)
    assert days[0] <= D(2009, 3, 6) <= days[1]


def test_solve_anchor_is_none_when_no_day_gives_the_date():
    # "in July" can never mean March: a false match is dropped, not turned into a window.
    sentence = "It published an interim report in July."
    assert solve_anchor(sentence, sentence.index("July"), (D(2009, 3, 1), D(2009, 3, 31)), _tag) is None


def test_solve_anchor_is_none_for_an_absolute_date():
    sentence = "The report came out on 5 March 2009."
    assert solve_anchor(sentence, sentence.index("5 March"), (D(2009, 3, 5), D(2009, 3, 5)), _tag) is None


def test_combine_intersects_agreeing_evidence():
    inference = combine([
        Evidence(D(2009, 3, 1), D(2009, 3, 31), "last month", document="a"),
        Evidence(D(2009, 3, 6), D(2009, 3, 6), "yesterday", document="b"),
        Evidence(D(2005, 1, 1), None, "2005 in the past tense"),
    ])
    w = inference.window
    assert (w.earliest, w.latest) == (D(2009, 3, 6), D(2009, 3, 6))
    assert inference.published == D(2009, 3, 6)
    assert w.confidence == CONFIDENCE_PINNED and not w.conflicts
    assert w.sources == ["a", "b"] and len(w.evidence) == 3


def test_combine_widens_over_evidence_that_disagrees_and_reports_it():
    inference = combine([
        Evidence(D(2010, 1, 5), D(2010, 1, 5), "yesterday = 4 January", document="early"),
        Evidence(D(2010, 6, 10), D(2010, 6, 10), "yesterday = 9 June", document="late"),
    ])  # (no scores: not event matches, so no witness is needed)
    w = inference.window
    assert (w.earliest, w.latest) == (D(2010, 1, 5), D(2010, 6, 10))
    assert w.confidence == CONFIDENCE_CONFLICT
    assert len(w.conflicts) == 1 and "do not agree" in w.conflicts[0]
    assert "yesterday = 4 January" in w.conflicts[0] and "yesterday = 9 June" in w.conflicts[0]
    # Five months wide: too wide to date the document's relative expressions by.
    assert inference.published is None


def test_combine_reports_an_outvoted_piece_and_keeps_the_majority():
    lone = Evidence(D(2008, 11, 12), D(2008, 11, 12), "a different event with similar words", document="x")
    inference = combine([
        Evidence(D(2009, 3, 6), D(2009, 3, 6), "yesterday", document="a"),
        Evidence(D(2008, 12, 1), D(2009, 11, 30), "in December", document="b"),
        Evidence(D(2005, 1, 1), None, "2005"),
        lone,
    ])
    w = inference.window
    assert (w.earliest, w.latest) == (D(2009, 3, 6), D(2009, 3, 6))
    assert w.confidence == CONFIDENCE_OUTVOTED
    assert w.conflicts == [f"outvoted by 3 agreeing piece(s): {lone.describe()}"]
    assert "x" not in w.sources


def test_combine_with_a_lower_bound_only_dates_nothing():
    inference = combine([Evidence(D(2005, 1, 1), None, "2005 in the past tense")])
    assert inference.window.earliest == D(2005, 1, 1) and inference.window.latest is None
    assert inference.published is None


def test_combine_without_evidence_gives_no_window():
    inference = combine([])
    assert inference.window is None and inference.published is None


def test_most_likely_day_is_the_middle_of_the_best_supported_days():
    evidence = [Evidence(D(2009, 3, 1), D(2009, 3, 31), "a"), Evidence(D(2009, 3, 4), D(2009, 3, 8), "b")]
    assert most_likely_day(evidence, D(2009, 3, 1), D(2009, 3, 31)) == D(2009, 3, 6)
    assert most_likely_day(evidence, D(2009, 3, 1), None) is None


def test_a_lone_weak_match_is_set_aside_not_used():
    lone = Evidence(D(1997, 4, 8), D(1997, 4, 14), "'Tuesday' matched a report of other clashes",
                    document="x", expression="10:Tuesday", score=0.46)
    inference = combine([Evidence(D(1997, 1, 1), None, "1997 in the past tense"), lone])
    assert inference.aside == [lone] and inference.window.uncorroborated == [lone.describe()]
    assert inference.window.latest is None and inference.published is None


def test_matches_of_two_expressions_that_agree_corroborate_each_other():
    yesterday = Evidence(D(2009, 3, 6), D(2009, 3, 6), "yesterday", document="a", expression="1:yesterday", score=0.44)
    december = Evidence(D(2008, 12, 1), D(2009, 11, 30), "December", document="b", expression="2:December", score=0.54)
    other = Evidence(D(2008, 11, 12), D(2008, 11, 12), "today", document="c", expression="3:today", score=0.42)
    inference = combine([yesterday, december, other])
    assert inference.aside == [other] and not inference.conflicts
    assert (inference.window.earliest, inference.window.latest) == (D(2009, 3, 6), D(2009, 3, 6))
    # Two matches of one expression are not two witnesses, nor are two expressions matched in
    # one document (a weekly report of another week matches all of them).
    again = Evidence(D(2009, 3, 6), D(2009, 3, 6), "yesterday", document="d", expression="1:yesterday", score=0.41)
    assert combine([yesterday, again]).window is None
    same_doc = Evidence(D(2009, 3, 1), D(2009, 3, 31), "last month", document="a", expression="4:last month", score=0.9)
    assert combine([yesterday, same_doc]).window is None


def test_even_a_perfect_match_needs_a_witness():
    strong = Evidence(D(2009, 3, 6), D(2009, 3, 6), "yesterday", document="a", expression="1:yesterday", score=1.0)
    assert combine([strong]).window is None and combine([strong]).aside == [strong]
