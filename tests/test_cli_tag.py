"""`chronology tag`: one text, or JSON lines, with offsets into the text exactly as given."""

import json

from typer.testing import CliRunner

from chronology.cli import app

runner = CliRunner()
TEXT = "Shoesmith was removed in December and the report came out yesterday.\n"


def test_tag_json_offsets_index_the_text_as_given():
    result = runner.invoke(app, ["tag", "-", "--published", "2009-03-06", "--format", "json"], input=TEXT)
    assert result.exit_code == 0, result.output
    timexes = json.loads(result.stdout)["timexes"]
    assert {t["text"]: t["value"] for t in timexes} == {"December": "2008-12", "yesterday": "2009-03-05"}
    for t in timexes:
        assert TEXT[t["start"]:t["end"]] == t["text"]


def test_tag_text_shows_the_explanation():
    result = runner.invoke(app, ["tag", "-", "--published", "2009-03-06"], input=TEXT)
    assert result.exit_code == 0
    assert "2008-12" in result.stdout and "2009-03-06" in result.stdout


def test_tag_jsonl_reads_records_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "It happened yesterday.", "published": "2009-03-06"}),
        "{not json",
        json.dumps({"id": "b", "text": "Nothing here."}),
        json.dumps({"id": "c", "body": "wrong field"}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["tag", "--jsonl", str(path)])
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["timexes"][0]["value"] == "2009-03-05"
    assert out[1]["timexes"] == []
    assert f"{path}:2: skipped" in result.stderr
    assert f"{path}:4: skipped (no 'text' field)" in result.stderr


def test_tag_timeml_output_is_xml():
    import xml.etree.ElementTree as ET

    result = runner.invoke(app, ["tag", "-", "--published", "2009-03-06", "--format", "timeml"], input=TEXT)
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout)
    assert root.find(".//TEXT") is not None


def test_tag_without_anchor_leaves_deictic_unanchored():
    result = runner.invoke(app, ["tag", "-", "--format", "json"], input="He left yesterday.")
    timexes = json.loads(result.stdout)["timexes"]
    assert timexes and timexes[0]["anchored"] is False and "X" in timexes[0]["value"]


def test_missing_file_is_one_line_error():
    result = runner.invoke(app, ["tag", "nope.txt", "--published", "2009-03-06"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: nope.txt: no such file"
