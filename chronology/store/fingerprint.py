"""The fingerprint of a whole corpus, taken from the bytes on disk without parsing anything.

A build is a pure function of its input files, the manifests that describe them, the options
that change what is made (`--published`, `--title`) and the pipeline version. When all of those
hash the same as last time, the stored chronology is the answer and nothing needs re-reading,
re-analysing or re-merging: this is what makes a warm re-run of an unchanged corpus cheap.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import os
import stat
from pathlib import Path

# The same conventions as chronology.ingest (not imported from there: see corpus_fingerprint).
MANIFEST_NAME = "manifest.csv"
GLOB_CHARS = set("*?[")

# Files are hashed in blocks of this size so a large archive is never held whole in memory.
_BLOCK = 1 << 20


def corpus_fingerprint(
    paths: list[str],
    *,
    pipeline_version: str,
    published: dt.date | None = None,
    title: str = "",
) -> str | None:
    """A hex digest of everything a build of `paths` reads, or None when the input cannot be
    fingerprinted: standard input (it can be read only once) or a path that does not exist (the
    build then reports it as usual).

    Every non-hidden file under a folder is hashed, readable document or not, manifest or not: a
    superset of what the ingest stage reads, so any change it could see changes the digest. The
    walk is deliberately independent of `chronology.ingest`, so a warm run imports none of it.
    """
    digest = hashlib.sha256()
    for part in (pipeline_version, published.isoformat() if published else "", title, *paths):
        _add(digest, part.encode("utf-8"))
    for given in paths:
        if given == "-":
            return None
        path = Path(given)
        if path.is_dir():
            files = _walk(path)
        elif path.is_file():
            files = [path, path.parent / MANIFEST_NAME]
        elif GLOB_CHARS & set(given):
            matches = [Path(m) for m in sorted(glob.glob(given, recursive=True))]
            files = [m for m in matches if m.is_file()] + sorted({m.parent / MANIFEST_NAME for m in matches})
        else:
            return None
        for file in files:
            _add(digest, str(file).encode("utf-8"))
            _add_file(digest, file)
    return digest.hexdigest()


def _walk(root: Path) -> list[Path]:
    """Every file below `root` outside hidden folders, in a stable order."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, f) for f in sorted(files) if not f.startswith("."))
    return found


def _add(digest, data: bytes) -> None:
    # Length-prefixed, so ("ab", "c") and ("a", "bc") cannot hash alike.
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)


def _add_file(digest, path: Path) -> None:
    if not path.exists():  # a manifest that is not there (its absence is part of the state)
        digest.update(b"absent")
        return
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO, socket or device is never opened (a FIFO would block the build); the build
            # skips it with a warning, and its kind is part of the state.
            _add(digest, f"special: {stat.S_IFMT(info.st_mode)}".encode())
            return
        digest.update(info.st_size.to_bytes(8, "little"))
        with path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                digest.update(block)
    except OSError as exc:
        # An unreadable file is skipped with a warning by the build; its error is part of the state.
        _add(digest, f"unreadable: {exc.strerror or exc}".encode())
