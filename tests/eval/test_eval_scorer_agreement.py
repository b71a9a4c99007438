"""Our TempEval-3 scorer gives the numbers of the reference scorer (te3score.py) on TBAQ.

te3score.py (../shared/tools) is a validated re-implementation of the official toolkit; it is
imported here only, never by the package.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from chronology.eval.scoring import Metrics, TimexCounts
from chronology.eval.tempeval import evaluate
from chronology.eval.timeml import read_timeml
from chronology.eval.tokens import token_spans, token_strings
from tests.conftest import SHARED, require_tbaq
from tests.eval.eval_fakes import gold_mentions, perturbed

TOOLS = SHARED / "tools"


@pytest.fixture(scope="module")
def te3score():
    if not (TOOLS / "te3score.py").is_file():
        pytest.skip(f"reference scorer te3score.py not found in {TOOLS}")
    sys.path.insert(0, str(TOOLS))
    try:
        import te3score
    finally:
        sys.path.remove(str(TOOLS))
    return te3score


@pytest.fixture(scope="module")
def tbaq_docs():
    root = require_tbaq()
    return {read_timeml(p).text: read_timeml(p) for p in sorted(root.rglob("*.tml"))}


def _reference_total(te3score, gold_root: Path, out_root: Path):
    """te3score's micro counts and metrics for our TimeML under out_root, document by document."""
    total = te3score.Counts()
    for gold_path in sorted(gold_root.rglob("*.tml")):
        rel = gold_path.relative_to(gold_root)
        gold = te3score.read_tml(str(gold_path))
        system = te3score.read_tml(str(out_root / rel))
        assert system.text == gold.text, rel
        counts, _pairs = te3score.score_doc(gold, system)
        total.add(counts)
    return total, te3score.metrics(total)


def _assert_same(ours: TimexCounts, metrics: Metrics, ref_counts, ref_metrics) -> None:
    assert ours.model_dump() == {
        "gold": ref_counts.gold, "system": ref_counts.system,
        "strict_p": ref_counts.strict_p, "strict_r": ref_counts.strict_r,
        "relaxed_p": ref_counts.relaxed_p, "relaxed_r": ref_counts.relaxed_r,
        "type_ok": ref_counts.type_ok, "value_ok": ref_counts.value_ok,
    }
    for ours_name, (group, key) in {
        "strict_p": ("strict", "P"), "strict_r": ("strict", "R"), "strict_f1": ("strict", "F1"),
        "relaxed_p": ("relaxed", "P"), "relaxed_r": ("relaxed", "R"), "relaxed_f1": ("relaxed", "F1"),
        "value_f1": ("value", "F1"), "value_accuracy": ("value", "accuracy"),
        "type_f1": ("type", "F1"), "type_accuracy": ("type", "accuracy"),
    }.items():
        assert getattr(metrics, ours_name) == ref_metrics[group][key], ours_name


def test_tokens_match_the_reference_tokeniser(te3score, tbaq_docs):
    for text in tbaq_docs:
        assert token_strings(text) == te3score.tokenize_raw(text)
        assert token_spans(text) == te3score.tokenize(text)


@pytest.mark.parametrize(
    "text",
    [
        'He said "no." Then (ok). AT&T; it\'s, don\'t I\'m U.S. mid-1990s a|b 1,000 x,y end.Next ?!? ... Mr.. Jan.)',
        "a\n<b c\td>\nnot ÿ here\n",
        "'s",
        '").',
    ],
)
def test_tokens_match_on_odd_text(te3score, text):
    assert token_strings(text) == te3score.tokenize_raw(text)
    assert token_spans(text) == te3score.tokenize(text)


@pytest.mark.parametrize("seed", [None, 1, 2, 3])
def test_scores_match_the_reference_on_tbaq(te3score, tbaq_docs, tmp_path, seed):
    """Gold as system (seed None), then perturbed gold: same counts and the same floats."""
    root = require_tbaq()

    def tagger(text, published=None):
        mentions = gold_mentions(tbaq_docs[text])
        return mentions if seed is None else perturbed(mentions, text, seed * 7919 + len(text))

    report = evaluate(root, out_dir=tmp_path, tagger=tagger)
    ref_counts, ref_metrics = _reference_total(te3score, root, tmp_path)
    _assert_same(report.total, report.metrics, ref_counts, ref_metrics)
    if seed is None:
        assert report.metrics.relaxed_f1 == report.metrics.value_f1 == 1.0
        assert not report.errors
    else:
        assert report.metrics.strict_f1 < report.metrics.relaxed_f1 < 1.0
        kinds = {e.kind for e in report.errors}
        assert {"missed", "spurious", "value", "extent"} <= kinds
    # te3score's own command-level run over our --out folders reads the same files the same way.
    for sub in sorted(p.name for p in root.iterdir() if p.is_dir()):
        result = te3score.run(str(root / sub), str(tmp_path / sub), out=io.StringIO())
        ours = sum((f.counts for f in report.files if f.file.startswith(sub + "/")), TimexCounts())
        assert result["counts"] == {
            "gold": ours.gold, "system": ours.system, "matched_relaxed": ours.relaxed_r,
            "matched_strict": ours.strict_r, "type_correct": ours.type_ok, "value_correct": ours.value_ok,
        }


@pytest.mark.slow
def test_real_tagger_scores_match_the_reference(te3score, tmp_path):
    """With chronology's own tagger, if it exists yet: the --out files score the same in te3score."""
    root = require_tbaq()
    try:
        from chronology.temporal import tag  # noqa: F401
    except ImportError:
        pytest.skip("chronology.temporal.tag does not exist yet")
    report = evaluate(root, out_dir=tmp_path)
    ref_counts, ref_metrics = _reference_total(te3score, root, tmp_path)
    _assert_same(report.total, report.metrics, ref_counts, ref_metrics)
