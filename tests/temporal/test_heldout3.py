"""The tagger on the third held-out set (tests/data/heldout3): news it was never tuned on.

The set is scored, never tuned on (tests/data/heldout3/README.md). These tests check that the
gold is well formed and that every file is read and scored; the regression floor is added only
after the lead has scored the set once, blind, on the session's final tagger.
"""

from __future__ import annotations

import pytest

from chronology.eval.tempeval import Report, evaluate
from chronology.eval.timeml import read_timeml
from tests.conftest import DATA

HELDOUT3 = DATA / "heldout3"
TYPES = {"DATE", "TIME", "DURATION", "SET"}
FILES = 15
GOLD = 431


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(HELDOUT3)


def test_heldout3_gold_is_well_formed():
    files = sorted(HELDOUT3.glob("*.tml"))
    assert len(files) == FILES
    total = 0
    for path in files:
        doc = read_timeml(path)
        assert doc.dct, f"{path.name}: no creation time"
        assert doc.timexes, f"{path.name}: no annotated expression"
        assert doc.warnings == [], f"{path.name}: {doc.warnings}"
        for timex in doc.timexes:
            assert timex.type in TYPES, f"{path.name}: {timex.text!r} has type {timex.type!r}"
            assert timex.value, f"{path.name}: {timex.text!r} has no value"
            assert doc.text[timex.start:timex.end] == timex.text, f"{path.name}: offsets of {timex.text!r}"
        total += len(doc.timexes)
    assert total == GOLD


def test_heldout3_scores_every_file(report: Report):
    assert len(report.files) == FILES
    assert report.failed == []
    assert report.total.gold == GOLD
