"""Helpers for the ingest tests (a plain module, imported by name): run iter_inputs, split its output."""

from __future__ import annotations

from pathlib import Path

from chronology.ingest import iter_inputs
from chronology.model import Document, Warning_

INGEST_DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def ingest(*paths, **kwargs) -> tuple[list[Document], list[Warning_]]:
    items = list(iter_inputs([str(p) for p in paths], **kwargs))
    docs = [i for i in items if isinstance(i, Document)]
    warnings = [i for i in items if isinstance(i, Warning_)]
    assert len(docs) + len(warnings) == len(items)
    return docs, warnings


def one(*paths, **kwargs) -> tuple[Document, list[Warning_]]:
    docs, warnings = ingest(*paths, **kwargs)
    assert len(docs) == 1, [d.path for d in docs]
    return docs[0], warnings
