"""A build killed with SIGKILL at random points leaves the previous outputs whole and the store
consistent; the next build completes and gives the same result as an uninterrupted one."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS


def _corpus(root: Path, copies: int) -> Path:
    """The development articles repeated with small changes, so the build takes a few seconds."""
    src = root / "corpus"
    for copy in range(copies):
        for article in sorted((SEEDS / "babyp").glob("*.md")):
            out = src / f"c{copy:03d}" / article.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(article.read_text() + f"\n\nCopy {copy} of this report.\n")
    return src


def _build(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "chronology", "build", str(src), "--out", str(out), "--workers", "2", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.name.startswith("timeline")}


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing(tmp_path):
    src = _corpus(tmp_path, copies=30)
    reference = tmp_path / "reference"
    assert _build(src, reference).wait() == 0
    expected = _outputs(reference)

    out = tmp_path / "out"
    assert _build(src, out).wait() == 0
    previous = _outputs(out)
    rng = random.Random(20091023)
    for attempt in range(4):
        # Change some documents so the next build has real work (and new outputs) to write.
        for article in sorted(src.rglob("*.md"))[attempt::7]:
            article.write_text(article.read_text() + f"\nAmended {attempt}.\n")
        proc = _build(src, out)
        time.sleep(rng.uniform(0.3, 4.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = _outputs(out)
        for name, data in now.items():
            if name.endswith(".json"):
                json.loads(data)  # never half-written
        assert set(now) == set(previous)
        db = sqlite3.connect(out / "chronology.db")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
        assert _build(src, out).wait() == 0
        assert not list(out.rglob(".*.tmp")), "temporary files of the killed build left behind"
        previous = _outputs(out)

    # Finally undo nothing: a clean build of the amended corpus equals the recovered one.
    clean = tmp_path / "clean"
    assert _build(src, clean).wait() == 0
    assert _outputs(clean) == previous
    assert expected.keys() == previous.keys()
