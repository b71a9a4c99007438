"""The tagger on the fourth held-out set (tests/data/heldout4): news it was never tuned on.

The set is scored, never tuned on (tests/data/heldout4/README.md). These tests check that the
gold is well formed and that every file is read and scored. There is no regression floor yet:
the lead scores the set once, blind, on the session's final tagger, and a floor may follow.
"""

from __future__ import annotations

from pathlib import Path

from chronology.eval.tempeval import evaluate
from chronology.eval.timeml import read_timeml
from tests.conftest import DATA

HELDOUT4 = DATA / "heldout4"
EXPECTED_FILES = 12
EXPECTED_GOLD = 331
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
# Measured once, blind, on 2026-11-23 (tagger of main at bab83ba): value F1 92.54, relaxed F1
# 97.72 (tests/data/heldout4/README.md). The floors are those figures minus 3 points.
MEASURED_VALUE_F1 = 0.9254
MEASURED_RELAXED_F1 = 0.9772
MARGIN = 0.03


def gold_problems(path: Path) -> list[str]:
    """Everything wrong with one gold file, so that a failure lists all of it at once."""
    doc = read_timeml(path)
    problems = [f"{path.name}: reader warning {warning}" for warning in doc.warnings]
    if not doc.dct:
        problems.append(f"{path.name}: no creation time")
    if not doc.timexes:
        problems.append(f"{path.name}: no annotated expression")
    for timex in doc.timexes:
        if timex.type not in TIMEX_TYPES:
            problems.append(f"{path.name}: {timex.text!r} has type {timex.type!r}")
        if not timex.value:
            problems.append(f"{path.name}: {timex.text!r} has no value")
        if doc.text[timex.start:timex.end] != timex.text:
            problems.append(f"{path.name}: offsets of {timex.text!r} do not match the text")
    return problems


def test_heldout4_gold_is_well_formed():
    paths = sorted(HELDOUT4.glob("*.tml"))
    assert len(paths) == EXPECTED_FILES
    assert [problem for path in paths for problem in gold_problems(path)] == []
    assert sum(len(read_timeml(path).timexes) for path in paths) == EXPECTED_GOLD


def test_heldout4_scores_every_file():
    report = evaluate(HELDOUT4)
    assert len(report.files) == EXPECTED_FILES
    assert report.failed == []
    assert report.total.gold == EXPECTED_GOLD


def test_heldout4_value_and_relaxed_f1_floor():
    """Regression floor on the fourth held-out set: value F1 >= 89.54 and relaxed F1 >= 94.72.

    Scored once, blind, as TempEval-3 does and agreeing with te3score.py. Raise the floors when
    the tagger improves for general reasons, never lower them to let a change through; a failure
    is fixed only by a general change that also holds on TBAQ.
    """
    metrics = evaluate(HELDOUT4).metrics
    assert metrics.value_f1 >= MEASURED_VALUE_F1 - MARGIN, f"value F1 {metrics.value_f1:.4f}"
    assert metrics.relaxed_f1 >= MEASURED_RELAXED_F1 - MARGIN, f"relaxed F1 {metrics.relaxed_f1:.4f}"
