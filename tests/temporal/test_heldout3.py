"""The tagger on the third held-out set (tests/data/heldout3): news it was never tuned on.

The set is scored, never tuned on (tests/data/heldout3/README.md). These tests check that the
gold is well formed and that every file is read and scored; the regression floor is added only
after the lead has scored the set once, blind, on the session's final tagger.
"""

from __future__ import annotations

from pathlib import Path

from chronology.eval.tempeval import evaluate
from chronology.eval.timeml import read_timeml
from tests.conftest import DATA

HELDOUT3 = DATA / "heldout3"
EXPECTED_FILES = 15
EXPECTED_GOLD = 431
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


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


def test_heldout3_gold_is_well_formed():
    paths = sorted(HELDOUT3.glob("*.tml"))
    assert len(paths) == EXPECTED_FILES
    assert [problem for path in paths for problem in gold_problems(path)] == []
    assert sum(len(read_timeml(path).timexes) for path in paths) == EXPECTED_GOLD


def test_heldout3_scores_every_file():
    report = evaluate(HELDOUT3)
    assert len(report.files) == EXPECTED_FILES
    assert report.failed == []
    assert report.total.gold == EXPECTED_GOLD
