"""The tagger on the held-out sets (tests/data/heldout*): news it was never tuned on.

Each set is scored, never tuned on (its README.md says how it was made and what has been read of
it). These tests check that every set's gold is well formed, that every file is read and scored,
and hold a regression floor per set; a failure of a floor is fixed only by a general change that
also holds on TBAQ, never by a rule aimed at a sentence of a set.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from chronology.eval.tempeval import Report, evaluate
from chronology.eval.timeml import read_timeml
from tests.conftest import DATA

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
# Floors are the latest measured figures minus this (raise them when the tagger improves for general
# reasons, never lower them to let a change through).
MARGIN = 0.03


@dataclass(frozen=True)
class HeldOut:
    folder: str
    files: int
    gold: int
    value_f1: float  # the latest measured figures (see the set's README history)
    relaxed_f1: float


SETS = (
    # Blind 83.72 when made and 85.71 before its errors were read; then a regression check:
    # 91.42 / 99.01 on 2026-11-23 (main at f8b5041); 93.55 / 99.17 a session later (3693d5c);
    # 94.41 / 99.67 two sessions later (da74f56).
    HeldOut("heldout", 12, 305, 0.9441, 0.9967),
    # Blind 92.59 / 97.93 (main at 7d18541) and 92.96 (9795443); 93.72 / 98.79 after general fixes
    # prompted by its error-class counts; 94.58 / 98.92 at the end of that session; 97.11 / 99.28
    # a session later (3693d5c); 97.96 / 99.88 two sessions later (da74f56).
    HeldOut("heldout2", 15, 417, 0.9796, 0.9988),
    # Blind 86.51 / 97.21 (main at b2279bc); no longer blind, 89.04 / 97.67 at the end of that
    # session; 93.02 / 98.37 a session later (3693d5c); 94.35 / 99.19 two sessions later (da74f56).
    HeldOut("heldout3", 15, 431, 0.9435, 0.9919),
    # Blind 92.54 / 97.72 (main at bab83ba), scored with only the figures printed; 93.15 / 97.72 a
    # session later (3693d5c), figures only again; 93.35 / 98.19 at 5ea717b, no longer blind (its
    # figures were weighed in choosing that session's changes; see its README); 93.51 / 98.34 at bc86b36.
    HeldOut("heldout4", 12, 331, 0.9351, 0.9834),
    # Blind 87.69 / 96.33 (main at 3693d5c), scored once with only the figures printed; errors read
    # a session later; 93.03 / 99.04 at 5ea717b; 93.13 / 99.14 at bc86b36.
    HeldOut("heldout5", 15, 467, 0.9313, 0.9914),
    # Blind 84.14 / 95.91 (main at 3693d5c), scored once with only the figures printed; errors read
    # a session later; 93.06 / 99.37 at 5ea717b (its gold leaves "the Spring Festival" untagged).
    HeldOut("heldout6", 14, 395, 0.9306, 0.9937),
    # Blind 87.47 / 95.91 (main at 8f10879), scored once with only the figures printed; 87.72 /
    # 95.91 at 9f13ee4 (figures only); errors read a session later: 93.20 / 96.53 at bc86b36.
    HeldOut("heldout7", 12, 394, 0.9320, 0.9653),
    # Blind 86.92 / 96.26 (main at 349e073), scored once with only the figures printed; 87.15 /
    # 96.26 at da74f56 (figures only); errors read a session later: 89.64 / 97.32 at bc86b36.
    HeldOut("heldout8", 13, 429, 0.8964, 0.9732),
    # Blind 84.79 / 95.73 (main at 0e46498), scored once with only the figures printed; 85.32 /
    # 95.90 at bc86b36, figures only (errors never read, but a grep printed a few of its gold values).
    HeldOut("heldout9", 11, 285, 0.8532, 0.9590),
    # Blind 89.29 / 97.14 (main at bc86b36), scored once with only the figures printed (86.87 /
    # 96.90 with the tagger of the start of that session, 28b8614).
    HeldOut("heldout10", 13, 422, 0.8929, 0.9714),
    # Blind 91.10 / 96.80 (main at bc86b36), scored once with only the figures printed (90.52 /
    # 96.68 with the tagger of the start of that session, 28b8614).
    HeldOut("heldout11", 13, 423, 0.9110, 0.9680),
)
IDS = [s.folder for s in SETS]


@cache
def _report(folder: str) -> Report:
    return evaluate(DATA / folder)


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


@pytest.mark.parametrize("held", SETS, ids=IDS)
def test_heldout_gold_is_well_formed(held: HeldOut):
    paths = sorted((DATA / held.folder).glob("*.tml"))
    assert len(paths) == held.files
    assert [problem for path in paths for problem in gold_problems(path)] == []
    assert sum(len(read_timeml(path).timexes) for path in paths) == held.gold


@pytest.mark.parametrize("held", SETS, ids=IDS)
def test_heldout_scores_every_file(held: HeldOut):
    report = _report(held.folder)
    assert len(report.files) == held.files
    assert report.failed == []
    assert report.total.gold == held.gold


@pytest.mark.parametrize("held", SETS, ids=IDS)
def test_heldout_value_and_relaxed_f1_floor(held: HeldOut):
    """Value and relaxed F1, scored as TempEval-3 does (agreeing with te3score.py), stay within
    MARGIN of the latest measured figures."""
    metrics = _report(held.folder).metrics
    assert metrics.value_f1 >= held.value_f1 - MARGIN, f"{held.folder}: value F1 {metrics.value_f1:.4f}"
    assert metrics.relaxed_f1 >= held.relaxed_f1 - MARGIN, f"{held.folder}: relaxed F1 {metrics.relaxed_f1:.4f}"


def test_every_heldout_folder_is_scored():
    """A set added under tests/data/ is listed here (with its blind figures), never left unscored."""
    assert {p.name for p in DATA.glob("heldout*") if p.is_dir()} == set(IDS)
