"""Durations and sets in words, for explanations: a table, and never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology.temporal.spoken import duration_words, set_words


@pytest.mark.parametrize("value, words", [
    ("P8M", "8 months"), ("P1Y", "1 year"), ("PT5H30M", "5 hours 30 minutes"), ("P2DT3H", "2 days 3 hours"),
    ("PXY", "years (how many unsaid)"), ("P1E", "1 decade"), ("P3C", "3 centuries"), ("P1.5Y", "1.5 years"),
    ("P2WE", "2 weekends"), ("P1Q", "1 quarter"),
    ("2009-03", "2009-03"), ("P", "P"), ("PZZ", "PZZ"), ("P3Y!", "P3Y!"),
])
def test_duration_words(value, words):
    assert duration_words(value) == words


@pytest.mark.parametrize("value, freq, quant, words", [
    ("P1D", None, "EVERY", "every day"), ("P1W", "2X", None, "twice a week"), ("P1Y", "1X", None, "once a year"),
    ("P2Y", None, "EVERY", "every 2 years"), ("P1M", "3X", None, "3 times a month"),
    ("XXXX-WXX-1", None, "EVERY", "every XXXX-WXX-1"),
])
def test_set_words(value, freq, quant, words):
    assert set_words(value, freq, quant) == words


@given(st.text(max_size=30), st.one_of(st.none(), st.text(max_size=4)))
def test_total_on_any_string(value, freq):
    assert isinstance(duration_words(value), str)
    assert isinstance(set_words(value, freq), str)
