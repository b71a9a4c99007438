"""Scoring against tests/data/gold.json over seeds/babyp, with gold-as-system and perturbed output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronology.eval.gold import evaluate_gold, read_article
from chronology.model import TimeMention

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = ROOT / "tests" / "data" / "gold.json"
BABYP = ROOT / "seeds" / "babyp"


def _gold_tagger(drop_every: int = 0):
    """Returns the gold entries of whichever article it is given (found by its body)."""
    entries = json.loads(GOLD.read_text(encoding="utf-8"))
    bodies = {read_article(BABYP / e["file"])[0]: e["file"] for e in entries}

    def tagger(text, published=None):
        name = bodies[text]
        out = []
        for i, e in enumerate(x for x in entries if x["file"] == name):
            pos = -1
            for _ in range(e["occurrence"]):
                pos = text.find(e["text"], pos + 1)
            value = e["value"] + ("?" if drop_every and i % drop_every == 1 else "")
            if drop_every and i % drop_every == 0:
                continue
            out.append(TimeMention(start=pos, end=pos + len(e["text"]), text=e["text"], type=e["type"], value=value))
        return out

    return tagger


def test_read_article_front_matter():
    body, published = read_article(BABYP / "01-verdicts.md")
    assert str(published) == "2008-11-12" and body.startswith("Two men were convicted")
    body, published = read_article(BABYP / "11-undated-task-force.md")
    assert published is None and body.startswith("Social work leaders today")


def test_gold_as_system_is_perfect():
    report = evaluate_gold(GOLD, BABYP, tagger=_gold_tagger())
    assert report.gold == report.system == report.correct == 83
    assert report.accuracy == report.precision == 1.0 and not report.errors


def test_perturbed_output_lists_misses_and_wrong_values():
    report = evaluate_gold(GOLD, BABYP, tagger=_gold_tagger(drop_every=4))
    kinds = [e.kind for e in report.errors]
    assert kinds.count("missed") == report.gold - report.extent_ok > 0
    assert kinds.count("value") == report.extent_ok - report.correct > 0
    assert report.accuracy == pytest.approx(report.correct / 83)
