"""Messy files through the whole build (`chronology build`): each bad file gives one warning line
naming the file (and line) and the reason, in timeline.json's warnings and on stderr, and every
other document is still built. Exit statuses 0/1/2 and --strict, as `--help` documents them.

The ingest tests (tests/ingest) check each reader on its own; these check what a user sees.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from tests.conftest import SEEDS

runner = CliRunner()

GOOD = SEEDS / "babyp" / "01-verdicts.md"
FRENCH = (
    "Le conseil municipal de Haringey a annoncé hier la démission de sa directrice des services "
    "sociaux. Selon le rapport publié par les inspecteurs, les fonctionnaires n'ont pas su protéger "
    "un enfant de dix-sept mois, malgré plusieurs visites à domicile. La ministre a demandé une "
    "enquête complète sur les pratiques du service et sur les décisions prises depuis deux ans. "
    "Les syndicats ont dénoncé une campagne de presse injuste contre les travailleurs sociaux.\n"
)
GERMAN = (
    "---\ntitle: Bericht\npublished: 2009-03-05\nlanguage: de\n---\n"
    "Der Stadtrat hat am 3. März 2009 entschieden, die Leiterin des Jugendamtes zu entlassen.\n"
)
LATIN1 = "Café society: the council's résumé of its rôle was published on 5 March 2009, a Thursday.\n"
# UTF-8 with one stray Latin-1 byte pasted in (at byte 57): one byte lost, not the document.
DAMAGED = (
    "Café society: the council’s résumé of its rôle was ".encode()
    + b"\xe9"
    + " published on 5 March 2009. Its naïve critics’ rôles, détente, façade.\n".encode()
)
RUSSIAN = (
    "Совет района Харингей вчера объявил об отставке директора службы защиты детей. По данным "
    "инспекторов, социальные работники не смогли защитить ребёнка, несмотря на многочисленные "
    "визиты. Министр потребовал провести полное расследование работы службы за последние два года. "
    "Профсоюзы заявили, что газеты ведут несправедливую кампанию против социальных работников, а "
    "родители других детей района требуют ответов от совета и от полиции.\n"
)


def front(published: str, body: str = "The council met yesterday and the report was published.\n") -> str:
    return f"---\ntitle: A test article\npublished: {published}\n---\n{body}"


# name -> bytes; each is a file a real corpus might hold. None of them may stop the build.
FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "spaces.md": b"  \n\n\t\n",
    "scan.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "scan-named.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "photo-named.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "latin1.txt": LATIN1.encode("cp1252"),
    "russian.txt": RUSSIAN.encode("cp1251"),
    "damaged-utf8.txt": DAMAGED,
    "utf16.txt": codecs.BOM_UTF16_LE + front("2009-03-05").encode("utf-16-le"),
    "crlf.md": front("2009-03-05", "The council met yesterday.\r\nThe report came out on Monday.\r\n").replace("\n", "\r\n").encode(),
    "nav.html": b"<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
    "blank.html": b"<html><head><title>Nothing</title></head><body></body></html>",
    "broken.json": b'[{"title": "One", "text": "Some text."},\n {"title": "Two" "text": "x"}]\n',
    "feed.jsonl": (
        b'{"title": "Good one", "text": "The inquiry opened yesterday.", "date": "2009-03-05"}\n'
        b'{"title": "Cut off", "text": "The inq\n'
        b'{"title": "Good two", "text": "The minister spoke on Monday.", "date": "2009-03-06"}\n'
        b'["not", "an", "object"]\n'
        b'{"title": "No text here", "date": "2009-03-06"}\n'
    ),
    "bad-yaml.md": b"---\ntitle: [unclosed\npublished: 2009-03-05\n---\nThe council met yesterday.\n",
    "not-a-date.md": front("sometime in spring").encode(),
    "impossible.md": front("2009-02-30").encode(),
    "year-0.md": front("0000-01-01").encode(),
    "year-99999.md": front("99999-01-01").encode(),
    "german.md": GERMAN.encode(),
    "french.txt": FRENCH.encode(),
}

# (file, warning kind, line or None, the reason as it must read after "<path>: ")
EXPECTED: list[tuple[str, str, int | None, str]] = [
    ("empty.txt", "skipped", None, "empty file"),
    ("spaces.md", "skipped", None, "empty file"),
    ("scan.pdf", "skipped", None, "not a supported file type (.pdf; reads .txt .md .html .json .jsonl)"),
    ("scan-named.txt", "skipped", None, "binary file (PDF), not text"),
    ("photo.png", "skipped", None, "not a supported file type (.png; reads .txt .md .html .json .jsonl)"),
    ("photo-named.txt", "skipped", None, "binary file (PNG image), not text"),
    ("latin1.txt", "encoding", None, "not UTF-8; read as cp1252 (detected by charset-normalizer)"),
    ("damaged-utf8.txt", "encoding", None, "not valid UTF-8: 1 byte(s) that do not decode (at byte 57) replaced by U+FFFD"),
    ("nav.html", "skipped", None, "no article text found in the HTML (trafilatura)"),
    ("blank.html", "skipped", None, "no article text found in the HTML (trafilatura)"),
    ("broken.json", "skipped", None, "not valid JSON (line 2: Expecting ',' delimiter)"),
    ("feed.jsonl", "skipped", 2, "line 2: not valid JSON (Unterminated string starting at)"),
    ("feed.jsonl", "skipped", 4, "line 4: not a JSON object"),
    ("feed.jsonl", "skipped", 5, "line 5: no text (looked for text, body, content, article ...)"),
    ("bad-yaml.md", "metadata", None, "front matter is not valid YAML (while parsing a flow sequence); ignored"),
    ("not-a-date.md", "bad-date", None, "front matter published 'sometime in spring' ignored: 'sometime in spring' is not a recognisable full date"),
    ("impossible.md", "bad-date", None, "front matter published '2009-02-30' ignored: 2009-02-30 is not a calendar date"),
    ("year-0.md", "bad-date", None, "front matter published '0000-01-01' ignored: year 0 is outside 1800-2100"),
    ("year-99999.md", "bad-date", None, "front matter published '99999-01-01' ignored: year 99999 is outside 1800-2100"),
    ("german.md", "language", None, "language 'de': the temporal tagger reads English; its dates may be missed"),
]  # fmt: skip

# Documents the build must still make, by path (records of a .jsonl are <file>#<line>).
BUILT = [
    "01-verdicts.md", "bad-yaml.md", "crlf.md", "damaged-utf8.txt", "feed.jsonl#1", "feed.jsonl#3", "french.txt", "german.md",
    "impossible.md", "latin1.txt", "not-a-date.md", "russian.txt", "utf16.txt", "year-0.md", "year-99999.md",
]  # fmt: skip


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(GOOD, folder / GOOD.name)
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    return folder


def build(*args: str):
    return runner.invoke(app, ["build", *args, "--workers", "1"])


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """The messy folder built once: (input folder, timeline.json as a dict, stderr lines)."""
    src = write_corpus(tmp_path_factory.mktemp("messy") / "in")
    out = tmp_path_factory.mktemp("out")
    result = build(str(src), "--out", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    return src, json.loads((out / "timeline.json").read_text()), result.stderr.splitlines()


@pytest.mark.parametrize(("name", "kind", "line", "reason"), EXPECTED, ids=[f"{e[0]}:{e[2] or ''}{e[1]}" for e in EXPECTED])
def test_each_bad_file_is_one_warning_in_the_json_and_on_stderr(messy, name, kind, line, reason):
    src, chron, stderr = messy
    path = f"{src}/{name}"
    message = f"{path}: {reason}"
    found = [w for w in chron["warnings"] if w["kind"] == kind and w["message"] == message]
    assert len(found) == 1, [w["message"] for w in chron["warnings"] if name in w["message"]]
    assert found[0]["line"] == line
    assert found[0]["path"] == path
    assert "\n" not in message
    assert f"warning: {message}" in stderr


def test_every_other_document_is_built(messy):
    src, chron, _ = messy
    assert sorted(d["path"].removeprefix(f"{src}/") for d in chron["documents"]) == sorted(BUILT)
    assert chron["counts"]["skipped"] == sum(1 for e in EXPECTED if e[1] == "skipped")


def test_no_file_is_dropped_without_a_word(messy):
    src, chron, _ = messy
    built = {d["path"].split("#")[0] for d in chron["documents"]}
    warned = {w["path"] for w in chron["warnings"] if w["path"]}
    for name in [GOOD.name, *FILES]:
        assert f"{src}/{name}" in built | warned, name


def test_detected_encodings_are_named_and_the_text_is_right(messy):
    src, chron, _ = messy
    docs = {d["path"].removeprefix(f"{src}/"): d for d in chron["documents"]}
    assert docs["latin1.txt"]["encoding"] == "cp1252"
    assert docs["utf16.txt"]["encoding"] == "utf-16" and docs["utf16.txt"]["published"] == "2009-03-05"
    russian = [w["message"] for w in chron["warnings"] if w["path"] == f"{src}/russian.txt" and w["kind"] == "encoding"]
    assert len(russian) == 1 and russian[0].startswith(f"{src}/russian.txt: not UTF-8; read as ")
    assert docs["russian.txt"]["encoding"] in ("cp1251", "windows_1251", "mac_cyrillic", "koi8_r", "iso8859_5")
    # Characters are counted in the decoded text: one per letter, not per byte.
    assert docs["latin1.txt"]["characters"] == len(LATIN1)
    assert docs["russian.txt"]["characters"] == len(RUSSIAN)
    assert docs["damaged-utf8.txt"]["encoding"] == "utf-8"
    assert docs["damaged-utf8.txt"]["characters"] == len(DAMAGED.decode("utf-8", "replace"))


def test_text_in_another_language_without_a_declared_language_is_flagged(messy):
    src, chron, _ = messy
    flagged = [w["message"] for w in chron["warnings"] if w["kind"] == "language"]
    assert any(m.startswith(f"{src}/french.txt: does not look like English (") for m in flagged)
    assert any(m.startswith(f"{src}/russian.txt: does not look like English (") for m in flagged)
    assert not any(GOOD.name in m or "latin1.txt" in m for m in flagged)


def test_crlf_and_utf16_documents_are_dated_and_tagged(messy):
    src, chron, _ = messy
    docs = {d["path"].removeprefix(f"{src}/"): d for d in chron["documents"]}
    assert docs["crlf.md"]["published"] == "2009-03-05" and docs["crlf.md"]["mentions"] == 2
    sentences = [m["sentence"] for e in chron["events"] for m in e["mentions"]]
    assert sentences and not any("\r" in s for s in sentences)


def test_a_front_matter_date_that_yaml_itself_rejects_does_not_stop_the_build(tmp_path):
    # PyYAML builds dates itself and raised a bare ValueError for 2009-02-30: the whole build died.
    (tmp_path / "a.md").write_text(front("2009-02-30"))
    (tmp_path / "b.md").write_text(front("2009-03-05"))
    result = build(str(tmp_path), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 0, result.output
    chron = json.loads((tmp_path / "out" / "timeline.json").read_text())
    assert [d["published"] for d in chron["documents"]] == [None, "2009-03-05"]


def test_a_sentence_that_once_crashed_the_event_stage(tmp_path):
    # events.clauses.reduced_relative indexed an empty noun phrase ("to council visited on Monday").
    (tmp_path / "a.md").write_text(front("2009-03-05", "They went to council visited on Monday.\n"))
    result = build(str(tmp_path), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 0, result.output


# --- exit statuses ------------------------------------------------------------------------------


def test_help_documents_the_exit_statuses_and_strict():
    text = " ".join(runner.invoke(app, ["build", "--help"]).output.split())
    assert "Exit status: 0 when a chronology was built (even if some inputs were skipped" in text
    assert "1 when nothing could be read" in text and "with --strict, when any input was skipped or failed" in text
    assert "2 for usage errors" in text
    assert "--strict" in text and "Exit 1 if any input was skipped" in text


def test_skipped_inputs_exit_0_and_strict_makes_it_1(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(GOOD, src / GOOD.name)
    (src / "empty.txt").write_bytes(b"")
    assert build(str(src), "--out", str(tmp_path / "a"), "-f", "json").exit_code == 0
    strict = build(str(src), "--out", str(tmp_path / "b"), "-f", "json", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[-1] == "Error: 1 input(s) skipped (--strict)"
    assert f"warning: {src}/empty.txt: empty file" in strict.stderr.splitlines()


def test_strict_passes_a_clean_build(tmp_path):
    shutil.copy(GOOD, tmp_path / GOOD.name)
    assert build(str(tmp_path / GOOD.name), "--out", str(tmp_path / "o"), "-f", "json", "--strict").exit_code == 0


def test_nothing_readable_is_exit_1_with_the_reasons_on_one_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "scan.txt").write_bytes(FILES["scan-named.txt"])
    result = build(str(src), "--out", str(tmp_path / "o"))
    assert result.exit_code == 1
    error = [ln for ln in result.stderr.splitlines() if ln.startswith("Error:")]
    assert error == [
        (
            f"Error: no document could be read from {src} ({src}/empty.txt: empty file; "
            f"{src}/scan.txt: binary file (PDF), not text)"
        )
    ]
    assert not (tmp_path / "o" / "timeline.json").exists()


@pytest.mark.parametrize(
    "args",
    [["--format", "pdf"], ["--plotlyjs", "somewhere"], ["--engine", "spark"], ["a.md", "b.md", "--published", "2009-03-06"],
     ["x.md", "--published", "06/03/2009"], ["--no-such-option"]],
)  # fmt: skip
def test_usage_errors_exit_2(tmp_path, args):
    assert build(*args, "--out", str(tmp_path / "o")).exit_code == 2


@pytest.mark.slow
def test_a_document_with_10000_dates(tmp_path):
    # Once quadratic in the event stage (every title rebuilt the document's set of name words).
    first = dt.date(1990, 1, 1)
    days = [first + dt.timedelta(days=i) for i in range(10_000)]
    body = " ".join(f"On {d.day} {d:%B %Y} the committee met again." for d in days)
    (tmp_path / "minutes.md").write_text(front("2020-01-01", body + "\n"))
    result = build(str(tmp_path / "minutes.md"), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 0, result.output
    chron = json.loads((tmp_path / "out" / "timeline.json").read_text())
    assert chron["counts"]["mentions"] == 10_000
    assert {e["date"]["value"] for e in chron["events"]} == {d.isoformat() for d in days}
    assert chron["date_range"] == {"start": "1990-01-01", "end": days[-1].isoformat()}


def test_a_reader_failing_on_one_file_skips_that_file_only(tmp_path, monkeypatch):
    # Stands in for a reader or library bug not found yet (PyYAML's bare ValueError was one).
    from chronology.ingest import inputs

    real = inputs.read_text

    def fragile(name, text, *, markdown):
        if name.endswith("boom.md"):
            raise ValueError("day is out of range for month\nsecond line")
        return real(name, text, markdown=markdown)

    monkeypatch.setattr(inputs, "read_text", fragile)
    (tmp_path / "boom.md").write_text(front("2009-03-05"))
    (tmp_path / "fine.md").write_text(front("2009-03-05"))
    result = build(str(tmp_path), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert (
        f"warning: {tmp_path}/boom.md: could not be read "
        "(ValueError: day is out of range for month; a bug: please report it)"
    ) in result.stderr.splitlines()
    chron = json.loads((tmp_path / "out" / "timeline.json").read_text())
    assert [d["path"] for d in chron["documents"]] == [f"{tmp_path}/fine.md"]
