"""The fingerprint of a whole corpus, taken from the bytes on disk without parsing anything.

A build is a pure function of its input files, the manifests that describe them, the options
that change what is made (`--published`, `--title`) and the pipeline version. When all of those
hash the same as last time, the stored chronology is the answer and nothing needs re-reading,
re-analysing or re-merging: this is what makes a warm re-run of an unchanged corpus cheap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

# Files are hashed in blocks of this size so a large archive is never held whole in memory.
_BLOCK = 1 << 20


def corpus_fingerprint(
    paths: list[str],
    *,
    pipeline_version: str,
    published: dt.date | None = None,
    title: str = "",
) -> str | None:
    """A hex digest of everything a build reads, or None when the input cannot be fingerprinted
    (standard input, which can be read only once). Raises InputError as `iter_inputs` would."""
    from chronology.ingest.inputs import expand
    from chronology.ingest.manifest import MANIFEST_NAME

    entries = expand(paths)
    if any(e.path is None for e in entries):
        return None
    digest = hashlib.sha256()
    for part in (pipeline_version, published.isoformat() if published else "", title, *paths):
        _add(digest, part.encode("utf-8"))
    manifests: set[Path] = set()
    for entry in entries:
        _add(digest, entry.shown.encode("utf-8"))
        _add_file(digest, entry.path)
        manifests.update(_manifest_folders(entry.path, entry.root))
    for folder in sorted(manifests):
        manifest = folder / MANIFEST_NAME
        if manifest.is_file():
            _add(digest, str(manifest).encode("utf-8"))
            _add_file(digest, manifest)
    return digest.hexdigest()


def _manifest_folders(path: Path, root: Path | None) -> list[Path]:
    """The folders whose manifest.csv can describe `path`: its own, and each parent up to the
    folder given on the command line (the same chain the ingest stage looks up)."""
    folders = [path.parent]
    while root is not None and folders[-1] != root and folders[-1].parent != folders[-1]:
        folders.append(folders[-1].parent)
    return folders


def _add(digest, data: bytes) -> None:
    # Length-prefixed, so ("ab", "c") and ("a", "bc") cannot hash alike.
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)


def _add_file(digest, path: Path) -> None:
    try:
        size = path.stat().st_size
        digest.update(size.to_bytes(8, "little"))
        with path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                digest.update(block)
    except OSError as exc:
        # An unreadable file is skipped with a warning by the build; its error is part of the state.
        _add(digest, f"unreadable: {exc.strerror or exc}".encode("utf-8"))
