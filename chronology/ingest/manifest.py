"""Folder manifests: `manifest.csv`, metadata for the files of its folder that they lack.

A manifest is a CSV file named `manifest.csv` with a header row. Recognised columns (any order,
any case; others, such as `note`, are ignored):

    file        the file name, relative to the manifest's folder (sub/a.txt for a subfolder)
    published   the publication date (ISO 2009-03-06 preferred; other full dates are parsed);
                `date` is accepted as an alias
    title, source, url, language

An empty cell gives nothing: that file's own metadata, or its byline, is used instead. The
manifest itself is not a document. For a .json/.jsonl file only `source` and `language` apply
(to each record that lacks them): a row cannot date many records at once.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.csv"
COLUMNS = ("file", "published", "title", "source", "url", "language", "genre")
ALIASES = {"date": "published", "filename": "file", "path": "file", "lang": "language"}


@dataclass(frozen=True)
class Row:
    manifest: str  # the manifest's path as shown to the user
    line: int
    values: dict[str, str]  # only the non-empty recognised cells

    def get(self, column: str) -> str | None:
        return self.values.get(column)


@dataclass
class Manifest:
    path: str
    rows: dict[str, Row] = field(default_factory=dict)  # key: file name relative to the folder
    problems: list[tuple[int | None, str]] = field(default_factory=list)


def parse_manifest(shown: str, text: str) -> Manifest:
    """Read a manifest's decoded text; `shown` is its path for messages."""
    manifest = Manifest(shown)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        manifest.problems.append((None, "empty manifest"))
        return manifest
    columns = [ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    if "file" not in columns:
        manifest.problems.append((1, f"no 'file' column (columns: {', '.join(COLUMNS)}); manifest ignored"))
        return manifest
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        cells = {c: v.strip() for c, v in zip(columns, values) if c in COLUMNS and v.strip()}
        name = cells.pop("file", None)
        if not name:
            manifest.problems.append((line, "row without a file name; ignored"))
            continue
        key = normalise_key(name)
        if key in manifest.rows:
            manifest.problems.append((line, f"{name} listed again; the later row wins"))
        manifest.rows[key] = Row(shown, line, cells)
    return manifest


def normalise_key(name: str) -> str:
    return Path(name.strip().replace("\\", "/")).as_posix().removeprefix("./")
