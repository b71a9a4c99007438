"""Paths to Documents: expanding inputs, reading files, finding manifests; the I/O edge of ingest.

`iter_inputs` checks every path first (a missing path or a folder without readable files raises
`InputError` before anything is read), then reads input by input, in the order given, folders
recursively sorted by relative path, yielding Documents and a `Warning_` for anything it cannot
use. Standard input (`-`) is read as text, its format told by its content.

Nothing is skipped without a warning: unsupported types, FIFOs, sockets, devices, broken links,
link loops, links to folders (not followed, so a walk cannot loop), unreadable files and
folders, and single-document files over `MAX_DOCUMENT_BYTES` (refused by size before they are
read). Files are opened non-blocking and checked on the open descriptor, so a FIFO never hangs.

Manifests: a file's metadata row is looked up in `manifest.csv` of its own folder, then of each
parent folder up to the folder given on the command line; for each column the nearest manifest
with a value for it wins.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO

from chronology.errors import InputError
from chronology.ingest.assemble import assemble
from chronology.ingest.decode import Unreadable, decode, normalise_newlines
from chronology.ingest.formats import (
    HTML_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    SUFFIXES,
    FormatError,
    Parsed,
    read_html,
    read_json,
    read_jsonl,
    read_text,
    sniff,
)
from chronology.ingest.manifest import (
    MANIFEST_NAME,
    Manifest,
    Row,
    normalise_key,
    parse_manifest,
)
from chronology.model import Document, Warning_

STDIN_NAME = "<stdin>"
LOOKED_FOR = ".txt .md .html .json .jsonl"
GLOB_CHARS = set("*?[")
# Columns of a manifest row that can apply to every record of a .json/.jsonl file.
RECORD_COLUMNS = ("source", "language", "genre")


@dataclass(frozen=True)
class Entry:
    """One input file (or standard input) to read."""

    shown: str  # the path as the user gave it, or joined onto the folder they gave
    path: Path | None  # None for standard input
    root: Path | None = None  # the folder given, for manifests in between
    supported: bool = True
    problem: str | None = None  # why it cannot be read, when that is known from the folder walk


def iter_inputs(
    paths: list[str | Path],
    *,
    published: dt.date | None = None,
    stdin: TextIO | None = None,
    genre: str | None = None,
) -> Iterator[Document | Warning_]:
    """Documents from `paths` (files, folders, globs, `-` for stdin) and warnings, in input order.

    `published` dates the one document when a single document is given; with more it is
    ignored with a warning. `genre` ("news" or "narrative") is how documents that do not say
    (in front matter, a record field or the manifest) have their dates read. Raises InputError
    for a missing path or an empty folder.
    """
    entries = expand(paths)
    return _generate(entries, published, stdin, genre)


def expand(paths: list[str | Path]) -> list[Entry]:
    entries: list[Entry] = []
    for given in paths:
        text = str(given)
        if text == "-":
            entries.append(Entry(STDIN_NAME, None))
            continue
        path = Path(text)
        if path.is_dir():
            entries.extend(_walk(text, path))
        elif os.path.lexists(path):
            # A file, or a FIFO, device, socket or broken link given by name: `_read` says which.
            entries.append(Entry(text, path))
        elif GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            files = [m for m in matches if not Path(m).is_dir() and Path(m).name != MANIFEST_NAME]
            if not files:
                raise InputError(f"{text}: no files match")
            entries.extend(Entry(m, Path(m)) for m in files)
        else:
            raise InputError(f"{text}: no such file or directory")
    return entries


def _walk(shown: str, root: Path) -> list[Entry]:
    found: list[tuple[PurePosixPath, str | None]] = []
    _scan(root, PurePosixPath(), found)
    found.sort(key=lambda item: item[0].parts)
    entries = [
        Entry(str(PurePosixPath(shown) / rel), root / rel, root, rel.suffix.lower() in SUFFIXES, problem)
        for rel, problem in found
    ]
    if not any(e.supported for e in entries):
        raise InputError(f"no documents found under {shown.rstrip('/')}/ (looked for {LOOKED_FOR})")
    return entries


def _scan(folder: Path, rel: PurePosixPath, found: list[tuple[PurePosixPath, str | None]]) -> None:
    """Every entry below `folder` with the reason it cannot be read (None for a regular file).

    Links to folders are not followed, so a link loop cannot make the walk endless; links to
    files are read like files. Nothing is skipped without a reason: a FIFO, socket, device,
    broken link or unreadable folder is listed with the reason, for a warning.
    """
    try:
        children = list(os.scandir(folder))
    except OSError as exc:
        found.append((rel, f"folder cannot be read ({exc.strerror or exc})"))
        return
    for child in children:
        # Hidden files and folders (.git, .DS_Store) are not inputs anyone meant to give.
        if child.name.startswith(".") or child.name == MANIFEST_NAME:
            continue
        child_rel = rel / child.name
        if child.is_dir(follow_symlinks=False):
            _scan(Path(child.path), child_rel, found)
        elif child.is_symlink() and _is_dir_link(child.path):
            found.append((child_rel, "a link to a folder; not followed (links to folders could loop)"))
        else:
            found.append((child_rel, None))


def _is_dir_link(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


# What is at a path that is not a regular file, by its mode.
SPECIAL_FILES: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def _refuse_special(mode: int) -> None:
    if not stat.S_ISREG(mode):
        what = next((name for test, name in SPECIAL_FILES if test(mode)), "not a regular file")
        raise Unreadable(f"{what}, not a regular file; not read")


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file; Unreadable for anything else, without ever blocking.

    The file is opened non-blocking and checked on the open descriptor: opening a FIFO for
    reading would otherwise wait for a writer forever, and checking the path first and then
    opening it would race with whatever replaces it in between.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable("a symbolic link loop") from None
        if exc.errno == errno.ENOENT and os.path.islink(path):
            raise Unreadable(f"a broken symbolic link (to {os.readlink(path)})") from None
        _refuse_special(os.stat(path).st_mode)  # a socket cannot be opened at all (ENXIO)
        raise
    with os.fdopen(fd, "rb") as fh:
        _refuse_special(os.fstat(fd).st_mode)
        size = os.fstat(fd).st_size
        if size > MAX_DOCUMENT_BYTES and path.suffix.lower() not in (".json", ".jsonl"):
            raise Unreadable(
                f"{size / 1e6:.1f} MB is over the {MAX_DOCUMENT_BYTES / 1e6:.0f} MB limit for one document; "
                "not read (a whole corpus in one file? give it as .jsonl, one record per line)"
            )
        return fh.read()


def _generate(entries: list[Entry], published: dt.date | None, stdin: TextIO | None,
              genre: str | None = None) -> Iterator[Document | Warning_]:
    manifests = _Manifests()
    user = published
    first_read: tuple[Parsed, str | None, str | None] | Warning_ | None = None
    if published is not None:
        usable = [e for e in entries if e.supported]
        if len(usable) == 1 and len(entries) == 1:
            # Read the one file now to know whether it holds one document or many records.
            first_read = _read(entries[0], stdin)
            if not isinstance(first_read, Warning_) and len(first_read[0].raws) != 1:
                user = None
                yield _published_ignored(published, f"{entries[0].shown} holds {len(first_read[0].raws)} records")
        else:
            user = None
            yield _published_ignored(published, f"{len(entries)} inputs were given")

    for position, entry in enumerate(entries):
        if not entry.supported:
            suffix = entry.path.suffix or "no extension" if entry.path else ""
            yield _skipped(entry.shown, entry.problem or f"not a supported file type ({suffix}; reads {LOOKED_FOR})")
            continue
        if entry.problem is not None:
            yield _skipped(entry.shown, entry.problem)
            continue
        yield from manifests.warnings_for(entry)
        outcome = first_read if position == 0 and first_read is not None else _read(entry, stdin)
        if isinstance(outcome, Warning_):
            yield outcome
            continue
        parsed, encoding, note = outcome
        if note:
            yield Warning_(kind="encoding", path=entry.shown, message=f"{entry.shown}: {note}")
        for problem in parsed.problems:
            yield Warning_(kind=problem.kind, path=entry.shown, line=problem.line, message=f"{entry.shown}: {problem.reason}")
        rows = manifests.rows_for(entry)
        records = len(parsed.raws) > 1 or any(r.kind == "record" for r in parsed.raws)
        if records:
            rows = [Row(r.manifest, r.line, {c: v for c, v in r.values.items() if c in RECORD_COLUMNS}) for r in rows]
        if records and not parsed.raws:
            yield _skipped(entry.shown, "no usable records")
        file_name = entry.path.name if entry.path is not None else None
        for raw in parsed.raws:
            try:
                document, warnings = assemble(raw, encoding=encoding, rows=rows, user=user, file_name=file_name, genre=genre)
            except Exception as exc:  # noqa: BLE001 (as in _read: one document, not the build)
                yield Warning_(kind="skipped", path=entry.shown, line=raw.line, message=f"{raw.name}: {_unexpected(exc)}")
                continue
            yield document
            yield from warnings


def _read(entry: Entry, stdin: TextIO | None) -> tuple[Parsed, str | None, str | None] | Warning_:
    """Read and parse one input; a Warning_ (kind skipped) when it cannot be used at all."""
    try:
        if entry.path is None:
            stream = stdin if stdin is not None else sys.stdin
            text = normalise_newlines(stream.read()).removeprefix("\ufeff")
            encoding = getattr(stream, "encoding", None)
            if not text.strip():
                return _skipped(entry.shown, "empty input")
            kind, note = sniff(text), None
        else:
            decoded = decode(read_regular_file(entry.path))
            text, encoding, note = decoded.text, decoded.encoding, decoded.note
            kind = _kind(entry.path, text)
        return _parse(entry.shown, text, kind), encoding, note
    except Unreadable as exc:
        return _skipped(entry.shown, str(exc))
    except FormatError as exc:
        return _skipped(entry.shown, str(exc))
    except OSError as exc:
        return _skipped(entry.shown, exc.strerror or str(exc))
    except Exception as exc:  # noqa: BLE001
        # A reader (ours, PyYAML, trafilatura) failing on one strange file must not stop a build
        # of thousands: the file is reported like any other unreadable one, and the build goes on.
        return _skipped(entry.shown, _unexpected(exc))


def _unexpected(exc: Exception) -> str:
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"could not be read ({type(exc).__name__}{': ' + first if first else ''}; a bug: please report it)"


def _kind(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in (".json", ".jsonl"):
        return suffix[1:]
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix == ".txt":
        return "text"
    return sniff(text)  # a file given by name with another extension: go by its content


def _parse(shown: str, text: str, kind: str) -> Parsed:
    if kind == "html":
        return read_html(shown, text)
    if kind == "json":
        return read_json(shown, text)
    if kind == "jsonl":
        return read_jsonl(shown, text)
    return read_text(shown, text, markdown=kind == "markdown")


def _skipped(shown: str, reason: str) -> Warning_:
    return Warning_(kind="skipped", path=shown, message=f"{shown}: {reason}")


def _published_ignored(published: dt.date, why: str) -> Warning_:
    return Warning_(
        kind="published-ignored",
        message=f"--published {published.isoformat()} ignored: it dates a single document, and {why}",
    )


class _Manifests:
    """Manifests loaded once per folder; their problems reported once, before their files."""

    def __init__(self) -> None:
        self.loaded: dict[Path, Manifest | None] = {}
        self.reported: set[Path] = set()

    def _folders(self, entry: Entry) -> list[tuple[Path, str, str]]:
        """(folder, its shown path, the entry's key in it), nearest first."""
        if entry.path is None:
            return []
        folders = []
        folder, key = entry.path.parent, entry.path.name
        shown_folder = str(PurePosixPath(entry.shown).parent)
        while True:
            folders.append((folder, shown_folder, key))
            if entry.root is None or folder == entry.root or folder.parent == folder:
                return folders
            key = f"{folder.name}/{key}"
            folder, shown_folder = folder.parent, str(PurePosixPath(shown_folder).parent)

    def _load(self, folder: Path, shown_folder: str) -> Manifest | None:
        if folder not in self.loaded:
            path = folder / MANIFEST_NAME
            manifest = None
            if path.is_file():
                shown = str(PurePosixPath(shown_folder) / MANIFEST_NAME) if shown_folder != "." else MANIFEST_NAME
                try:
                    manifest = parse_manifest(shown, decode(path.read_bytes()).text)
                except (Unreadable, OSError) as exc:
                    manifest = Manifest(shown, problems=[(None, f"cannot be read ({exc}); ignored")])
                for key, row in manifest.rows.items():
                    if not (folder / key).is_file():
                        manifest.problems.append((row.line, f"lists {key}, which is not in {shown_folder}/"))
            self.loaded[folder] = manifest
        return self.loaded[folder]

    def warnings_for(self, entry: Entry) -> Iterator[Warning_]:
        for folder, shown_folder, _ in self._folders(entry):
            manifest = self._load(folder, shown_folder)
            if manifest is None or folder in self.reported:
                continue
            self.reported.add(folder)
            for line, reason in sorted(manifest.problems, key=lambda p: p[0] or 0):
                where = f"{manifest.path} line {line}" if line else manifest.path
                yield Warning_(kind="manifest", path=manifest.path, line=line, message=f"{where}: {reason}")

    def rows_for(self, entry: Entry) -> list[Row]:
        """The rows listing `entry`, nearest manifest first (a nearer cell wins over a farther)."""
        rows = []
        for folder, shown_folder, key in self._folders(entry):
            manifest = self._load(folder, shown_folder)
            if manifest is not None and normalise_key(key) in manifest.rows:
                rows.append(manifest.rows[normalise_key(key)])
        return rows
