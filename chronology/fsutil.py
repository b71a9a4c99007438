"""Atomic file writing: every output is written to a temporary file beside it, then renamed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: str | bytes | Iterable[str]) -> Path:
    """Write `data` to `path` so that readers see the old file or the new one, never half of one.

    `data` may be an iterable of text pieces, written as they come (a large export need not be
    one string in memory)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pieces = [data] if isinstance(data, (str, bytes)) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def remove_stale_temporaries(folder: str | os.PathLike) -> int:
    """Delete temporary files a killed earlier run of `write_atomic` left in `folder` (and below)."""
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    stale = [p for p in folder.rglob(".*.tmp") if p.is_file()]
    for p in stale:
        p.unlink(missing_ok=True)
    return len(stale)
