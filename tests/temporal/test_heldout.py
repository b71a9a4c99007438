"""The tagger on the held-out set (tests/data/heldout): news it was never tuned on.

The set is scored, never tuned on (tests/data/heldout/README.md). These tests check that the
gold is well formed and hold a regression floor; a failure of the floor is fixed only by a
general change that also holds on TBAQ, never by a rule aimed at a sentence of this set.
"""

from __future__ import annotations

import pytest

from chronology.eval.tempeval import Report, evaluate
from chronology.eval.timeml import read_timeml
from tests.conftest import DATA

HELDOUT = DATA / "heldout"
TYPES = {"DATE", "TIME", "DURATION", "SET"}

# Measured on 2026-11-22 (tagger of main at 6167559), after the annotation pass and its one
# correction, and since then as a regression check (91.42 / 99.01 on 2026-11-23, main at f8b5041);
# the floors are the latest figures minus 3 points.
MEASURED_VALUE_F1 = 0.9142
MEASURED_RELAXED_F1 = 0.9901
MARGIN = 0.03


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(HELDOUT)


def test_heldout_gold_is_well_formed():
    files = sorted(HELDOUT.glob("*.tml"))
    assert len(files) == 12
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
    assert total == 305


def test_heldout_scores_every_file(report: Report):
    assert len(report.files) == 12
    assert report.failed == []
    assert report.total.gold == 305


def test_heldout_value_and_relaxed_f1_floor(report: Report):
    """Regression floor on held-out data: value F1 >= 88.42 and relaxed F1 >= 96.01.

    Measured on the 12 held-out articles (305 gold expressions), scored as TempEval-3 does and
    agreeing with te3score.py: blind, value F1 83.72 when the set was made and 85.71 before its
    errors were read; 90.58 (relaxed 98.84) after the general fixes its error report prompted
    (see tests/data/heldout/README.md). The floors are the last figures minus 3 points; raise
    them when the tagger improves for general reasons, never lower them to let a change through.
    """
    metrics = report.metrics
    assert metrics.value_f1 >= MEASURED_VALUE_F1 - MARGIN, f"value F1 {metrics.value_f1:.4f}"
    assert metrics.relaxed_f1 >= MEASURED_RELAXED_F1 - MARGIN, f"relaxed F1 {metrics.relaxed_f1:.4f}"
