"""The tagger never raises, on any string: 10,000 random Unicode strings and 10,000 mutated real
sentences of the Baby P articles (the expressions of tests/data/gold.json in their sentences),
each checked for offsets inside the text, `text[start:end] == mention.text`, ordered mentions,
intervals whose first day is not after their last, and well-formed TIMEX3 values.

Both run in the default `pytest` (and so `make test`); at 10,000 examples each takes some 20 s.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from chronology.temporal import tag
from tests.badinput.timex3_values import timex3_problem
from tests.conftest import DATA, SEEDS

EXAMPLES = 10_000
TYPES = {"DATE", "TIME", "DURATION", "SET"}


def check_mentions(text: str, mentions) -> None:
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text), (m.start, m.end, len(text))
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end, "mentions overlap or are out of order"
        last_end = m.end
        assert m.type in TYPES
        assert timex3_problem(m.value) is None, timex3_problem(m.value)
        if m.interval is not None:
            # Intervals are inclusive (first and last day a value can mean): a day is start == end.
            assert m.interval.start <= m.interval.end, (m.value, m.interval)


# --- the validator itself -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2009", "199", "19", "2009-03", "2009-03-06", "2008-W45", "2009-W11-5", "2009-W11-WE", "1998-SP", "1997-FA",
     "1997-Q3", "1998-H1", "2009-08-10T23:00", "1998-03-04TMO", "2009-03-06T12:00:30", "2009-03-06T12:00Z",
     "XXXX-12", "XXXX-XX-05", "XXXX-WXX-1", "XXXX-WXX-1TEV", "XXXX-SU", "XXXX-Q4", "19XX", "P3Y", "P1DE", "P1CE",
     "P1WE", "P3Q", "PXE", "P1E", "PXC", "P2L", "2009-03-06T24", "PT1.5M", "PXY", "PTXM", "P1Y2M10D", "P1DT12H",
     "PRESENT_REF", "PAST_REF", "FUTURE_REF"],
)  # fmt: skip
def test_validator_accepts_timex3_values(value):
    assert timex3_problem(value) is None


@pytest.mark.parametrize(
    ("value", "why"),
    [("2009-13", "month 13 is outside 1-12"), ("2009-02-32", "day 32 is outside 1-31"), ("2009-W54", "week 54"),
     ("2009-03-06T25:00", "hour 25"), ("2009-03-06T12:61", "minute 61"), ("P", "no TIMEX3 form"),
     ("PT", "no TIMEX3 form"), ("P3", "no TIMEX3 form"), ("2009-3-6", "no TIMEX3 form"), ("2009-Q5", "no TIMEX3 form"),
     ("20090306", "no TIMEX3 form"), ("", "no TIMEX3 form"), ("NOW", "no TIMEX3 form"), ("2009-03-06T", "no TIMEX3 form"),
     ("2009-SP-01", "no TIMEX3 form"), ("12009", "no TIMEX3 form"), ("2009-03T12:00", "no TIMEX3 form")],
)  # fmt: skip
def test_validator_rejects_malformed_values(value, why):
    problem = timex3_problem(value)
    assert problem is not None and why in problem


# --- random Unicode -------------------------------------------------------------------------------

ANCHORS = st.one_of(st.none(), st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31)))


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200), ANCHORS)
def test_never_raises_on_random_unicode(text, anchor):
    check_mentions(text, tag(text, published=anchor))


# --- mutated real sentences -------------------------------------------------------------------------


def _gold_sentences() -> list[str]:
    """Sentences of the Baby P articles that hold at least one gold expression."""
    gold = json.loads((DATA / "gold.json").read_text())
    sentences: set[str] = set()
    for file in {g["file"] for g in gold}:
        body = (SEEDS / "babyp" / file).read_text().split("---", 2)[-1]
        expressions = [g["text"] for g in gold if g["file"] == file]
        for sentence in re.split(r"(?<=[.!?])\s+|\n\n", body):
            if any(e in sentence for e in expressions):
                sentences.add(sentence.strip())
    return sorted(sentences)


SENTENCES = _gold_sentences()
GOLD_TEXTS = sorted({g["text"] for g in json.loads((DATA / "gold.json").read_text())})
# Fragments that sit inside or next to temporal expressions, to splice into sentences.
PIECES = ["", " ", "  ", "\n", "\t", "and", "the", "of", "last", "next", "ago", "early", "late", "mid-", "-", "/",
          ".", ",", "'", "'s", "0", "1", "12", "31", "99", "2009", "10000", "1st", "a.m.", "pm", "BST", "GMT", "\u00a0",
          "\u2013", "\u2019", "\u0301", "\U0001f600", "\ufeff", "Ⅻ", "٣", "December", "Monday", "spring", "Q3"]  # fmt: skip


OPERATIONS = ("delete", "insert", "duplicate", "upper", "lower", "replace", "splice")
ODD_CHARACTERS = "\u00a0\u2013\u2019\u0301\u200b\ufeff\U0001f600\u2028Ⅻ٣é\x00\r"


def mutate(text: str, rng: random.Random) -> str:
    """A real sentence after one to six random edits near its expressions and anywhere else."""
    for _ in range(rng.randint(1, 6)):
        i = rng.randint(0, len(text))
        j = rng.randint(i, min(len(text), i + 25))
        op = rng.choice(OPERATIONS)
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + rng.choice(PIECES) + text[i:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * rng.randint(1, 5) + text[j:]
        elif op == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == "lower":
            text = text[:i] + text[i:j].lower() + text[j:]
        elif op == "replace":
            text = text[:i] + "".join(rng.choice(ODD_CHARACTERS) for _ in range(rng.randint(0, 4))) + text[j:]
        else:
            text = text[:i] + rng.choice(GOLD_TEXTS) + text[j:]
    return text


def test_the_sentences_are_real():
    assert len(SENTENCES) >= 40 and all(len(s) > 20 for s in SENTENCES)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SENTENCES), st.integers(0, 2**32 - 1), ANCHORS)
def test_never_raises_on_mutated_real_sentences(sentence, seed, anchor):
    # The edits come from a seeded generator rather than from hypothesis draws: ten times faster
    # to generate, and a failure still reproduces from (sentence, seed, anchor); note() shows the text.
    text = mutate(sentence, random.Random(seed))
    note(f"mutated text: {text!r}")
    check_mentions(text, tag(text, published=anchor))


def test_mutated_sentences_still_hold_expressions():
    # The property test is only worth something if the tagger finds things in what it is given.
    rng = random.Random(7)
    texts = [mutate(SENTENCES[i % len(SENTENCES)], rng) for i in range(300)]
    tagged = sum(bool(tag(t, published=dt.date(2009, 3, 6))) for t in texts)
    assert tagged >= 200, tagged
