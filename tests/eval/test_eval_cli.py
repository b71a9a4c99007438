"""`chronology eval tempeval` and `chronology eval gold` through typer's CliRunner.

The tagger is replaced by a toy one (tests/eval/eval_fakes.py) so these tests check the
commands, not the grammar.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.eval import tempeval
from tests.eval.eval_fakes import toy_tagger

runner = CliRunner()
DATA = Path(__file__).resolve().parent.parent / "data" / "eval"
CORPUS = DATA / "corpus"


@pytest.fixture(autouse=True)
def _toy_tagger(monkeypatch):
    monkeypatch.setattr(tempeval, "default_tagger", lambda: toy_tagger)


def test_tempeval_prints_the_score_table():
    result = runner.invoke(app, ["eval", "tempeval", str(CORPUS)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2 files" in out
    # gold 8; the toy finds yesterday x2, December, three months, 2004, 1952 (6), all exact.
    # Relaxed P = 6/6, R = 6/8; December gets 2009-12 = gold: value F1 = relaxed F1.
    assert "gold 8  system 6  matched (relaxed) 6  strict 6  value correct 6" in out
    lines = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.split() and line.split()[0].isalpha()}
    assert lines["strict"] == ["100.00", "75.00", "85.71"]
    assert lines["relaxed"] == ["100.00", "75.00", "85.71"]
    assert lines["value"] == ["85.71"]


def test_tempeval_errors_lists_misses_in_context():
    result = runner.invoke(app, ["eval", "tempeval", str(CORPUS), "--errors"])
    assert result.exit_code == 0, result.output
    assert "set: 1 error(s)" in result.stdout and "vague ref: 1 error(s)" in result.stdout
    assert "missed   harbour.tml:" in result.stdout
    assert "[[twice a day]]" in result.stdout and "[[years ago]]" in result.stdout


def test_tempeval_json_and_out(tmp_path):
    out_dir = tmp_path / "ours"
    result = runner.invoke(app, ["eval", "tempeval", str(CORPUS), "--json", "--out", str(out_dir)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"]["gold"] == 8 and data["metrics"]["relaxed_r"] == 0.75
    assert [f["file"] for f in data["files"]] == ["harbour.tml", "wires/orchard.tml"]
    assert "errors" not in data
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.tml"))
    assert written == ["harbour.tml", "wires/orchard.tml"]
    root = ET.parse(out_dir / "wires" / "orchard.tml").getroot()
    assert root.find("DCT/TIMEX3").get("value") == "2010-05-21"
    assert [t.get("value") for t in root.findall("TEXT/TIMEX3")] == ["2010-05-20", "1952"]


def test_tempeval_skips_hidden_files_as_build_does(tmp_path):
    """A corpus copied on a Mac has an AppleDouble "._name.tml" (binary, not TimeML) beside
    every file, and maybe a hidden folder: neither is gold."""
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "._harbour.tml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    (corpus / ".cache").mkdir()
    shutil.copy(CORPUS / "harbour.tml", corpus / ".cache" / "harbour.tml")
    result = runner.invoke(app, ["eval", "tempeval", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    assert [f["file"] for f in json.loads(result.stdout)["files"]] == ["harbour.tml", "wires/orchard.tml"]


def test_tempeval_on_a_missing_folder_fails_with_one_line(tmp_path):
    result = runner.invoke(app, ["eval", "tempeval", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope'}: not a folder"


def test_tempeval_on_a_folder_without_tml(tmp_path):
    result = runner.invoke(app, ["eval", "tempeval", str(tmp_path)])
    assert result.exit_code == 1 and "no .tml files" in result.stderr


def test_gold_command_scores_extent_and_value():
    result = runner.invoke(app, ["eval", "gold", str(DATA / "gold.json"), str(DATA / "articles")])
    assert result.exit_code == 0, result.output
    out = result.stdout
    # quay.md: yesterday ok; December -> 2009-12 (gold 2008-12): wrong value; "2004" second
    # occurrence ok, the first is spurious. undated.md: yesterday -> XXXX-XX-XX ok.
    assert "extent+value accuracy 75.00% (3/4)" in out
    assert "precision 60.00% (3/5)" in out
    assert "value    quay.md:" in out and "ours DATE 2009-12" in out
    assert "spurious quay.md:" in out


def test_gold_command_json():
    result = runner.invoke(app, ["eval", "gold", str(DATA / "gold.json"), str(DATA / "articles"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["totals"]["correct"] == 3 and data["totals"]["gold"] == 4
    assert {f["file"]: f["published"] for f in data["files"]} == {"quay.md": "2009-03-06", "undated.md": None}


def test_gold_command_bad_gold_file(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text('[{"file": "quay.md", "text": "never said", "type": "DATE", "value": "2009"}]', encoding="utf-8")
    result = runner.invoke(app, ["eval", "gold", str(bad), str(DATA / "articles")])
    assert result.exit_code == 1
    assert "'never said' occurrence 1 not in the body" in result.stderr


def test_every_eval_command_has_help():
    for command in ("tempeval", "gold"):
        result = runner.invoke(app, ["eval", command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
