"""Awkward paths: link loops, broken links, unreadable files, FIFOs, sockets, devices, huge
files; and a build writes nothing outside --out."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.ingest.formats import MAX_DOCUMENT_BYTES
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
GOOD = SEEDS / "babyp" / "01-verdicts.md"


def build(*args: str):
    return runner.invoke(app, ["build", *args, "--workers", "1", "--format", "json"])


def warnings_of(out: Path) -> dict[str, str]:
    chron = json.loads((out / "timeline.json").read_text())
    return {w["path"]: w["message"] for w in chron["warnings"] if w["kind"] == "skipped"}


def test_links_fifos_and_sockets_in_a_folder_are_reported_and_never_block(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.md").write_text(GOOD.read_text())
    (src / "sub" / "up").symlink_to("..")  # a loop through a link to a folder
    (src / "self.txt").symlink_to("self.txt")  # a link to itself
    (src / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "alias.md").symlink_to("a.md")  # a link to a file is read like the file
    os.mkfifo(src / "pipe.txt")  # opening it for reading would wait for a writer forever
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(src / "sock.txt"))
        result = build(str(src), "--out", str(tmp_path / "out"))
    finally:
        sock.close()
    assert result.exit_code == 0, result.output
    skipped = warnings_of(tmp_path / "out")
    assert skipped == {
        f"{src}/gone.txt": f"{src}/gone.txt: a broken symbolic link (to {tmp_path / 'nowhere.txt'})",
        f"{src}/pipe.txt": f"{src}/pipe.txt: a named pipe (FIFO), not a regular file; not read",
        f"{src}/self.txt": f"{src}/self.txt: a symbolic link loop",
        f"{src}/sock.txt": f"{src}/sock.txt: a socket, not a regular file; not read",
        f"{src}/sub/up": f"{src}/sub/up: a link to a folder; not followed (links to folders could loop)",
    }
    chron = json.loads((tmp_path / "out" / "timeline.json").read_text())
    assert sorted(d["path"] for d in chron["documents"]) == [f"{src}/a.md", f"{src}/alias.md"]


def test_a_fifo_given_by_name_is_skipped_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    result = build(str(tmp_path / "pipe.md"), str(GOOD), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"warning: {tmp_path}/pipe.md: a named pipe (FIFO), not a regular file; not read" in result.stderr.splitlines()


def test_dev_null_given_directly(tmp_path):
    result = build("/dev/null", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "Error: no document could be read from /dev/null (/dev/null: a character device, not a regular file; not read)"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "a.md").write_text(GOOD.read_text())
    locked = tmp_path / "locked.md"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        result = build(str(tmp_path), "--out", str(tmp_path / "out"))
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 0, result.output
    assert warnings_of(tmp_path / "out") == {str(locked): f"{locked}: Permission denied"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_folder_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "a.md").write_text(GOOD.read_text())
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        result = build(str(tmp_path), "--out", str(tmp_path / "out"))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.exit_code == 0, result.output
    assert warnings_of(tmp_path / "out") == {
        f"{tmp_path}/locked": f"{tmp_path}/locked: folder cannot be read (Permission denied)"
    }


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_nothing_is_written_outside_out(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text(GOOD.read_text())
    (src / "b.txt").write_bytes(b"")
    (src / "manifest.csv").write_text("file,title\na.md,From the manifest\n")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    before_src, before_tmp = _tree(src), set(os.listdir(tmp_path))
    result = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert _tree(src) == before_src
    assert list(cwd.iterdir()) == []
    assert set(os.listdir(tmp_path)) == before_tmp | {"out"}
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"timeline.json", "timeline.html", "chronology.db"}


# --- size -----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc (Linux)")
def test_a_100_mb_text_file_is_skipped_with_its_size_without_reading_it(tmp_path):
    big = tmp_path / "in" / "corpus.txt"
    big.parent.mkdir()
    paragraph = GOOD.read_text().split("---", 2)[2]
    with big.open("w") as fh:
        while fh.tell() < 100_000_000:
            fh.write(paragraph)
    (tmp_path / "in" / "a.md").write_text(GOOD.read_text())
    size = big.stat().st_size
    # A child process, so that its peak memory is its own. VmHWM, not ru_maxrss: Linux carries
    # ru_maxrss over an exec, so a child of a big pytest process would start at pytest's peak.
    code = (
        "import sys\n"
        "from chronology.cli import main\n"
        f"sys.argv = ['chronology', 'build', {str(big.parent)!r}, '--out', {str(tmp_path / 'out')!r}, '-f', 'json', '-j', '1']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "hwm = [ln for ln in open('/proc/self/status') if ln.startswith('VmHWM')][0].split()[1]\n"
        "print('PEAK_KB', hwm, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    limit = MAX_DOCUMENT_BYTES / 1e6
    assert (
        f"warning: {big}: {size / 1e6:.1f} MB is over the {limit:.0f} MB limit for one document; not read "
        "(a whole corpus in one file? give it as .jsonl, one record per line)"
    ) in done.stderr.splitlines()
    peak_mb = int(done.stderr.rsplit("PEAK_KB", 1)[1].split()[0]) / 1024
    print(f"peak RSS of the build: {peak_mb:.0f} MB")
    assert peak_mb < 100, f"peak RSS {peak_mb:.0f} MB: the file was read"  # a loose bound: far under 100 MB


def test_a_jsonl_record_over_the_limit_is_skipped_and_the_others_kept(tmp_path, monkeypatch):
    monkeypatch.setattr("chronology.ingest.formats.MAX_DOCUMENT_BYTES", 1000)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "x " * 600, "date": "2009-03-05"}) + "\n"
        + json.dumps({"text": "The council met yesterday.", "date": "2009-03-05"}) + "\n"
    )
    result = build(str(feed), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"warning: {feed}: line 1: text of 1,200 characters is over the 0 MB limit for one document" in result.stderr
    chron = json.loads((tmp_path / "out" / "timeline.json").read_text())
    assert [d["path"] for d in chron["documents"]] == [f"{feed}#2"]


@pytest.mark.slow
def test_a_single_1_mb_line_is_built(tmp_path):
    # Real sentences with their newlines removed: a page of text saved as one line.
    body = " ".join(" ".join(p.read_text().split("---", 2)[2].split()) for p in sorted((SEEDS / "babyp").glob("*.md")))
    line = (body + " ") * (1_000_000 // len(body) + 1)
    (tmp_path / "line.txt").write_text("Published: 5 March 2009 " + line[:1_000_000])
    result = build(str(tmp_path / "line.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    chron = json.loads((tmp_path / "out" / "timeline.json").read_text())
    assert chron["counts"]["documents"] == 1 and chron["counts"]["mentions"] > 1000
