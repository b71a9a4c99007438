"""The SQLite store: every per-document stage's output, keyed by content hash and pipeline version.

One file (``output/chronology.db`` by default). A re-run looks each document up by the hash of
everything that determines its output (text and metadata) and the pipeline version; only new or
changed documents are processed again. The schema is created and upgraded here, by a
``PRAGMA user_version`` migration, never by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Self

from chronology.model import Document, DocumentInfo, EventMention, TimeMention

# Each entry upgrades the schema from version i to i+1; the list only grows.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        info TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE mentions (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
    );
    CREATE TABLE event_mentions (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
    );
    CREATE TABLE timeline_events (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL
    );
    """,
    # The chronology of the last build and the fingerprint of the corpus it was built from, so an
    # unchanged corpus is answered without reading it again (see store/fingerprint.py).
    """
    CREATE TABLE corpus (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fingerprint TEXT NOT NULL,
        summary TEXT NOT NULL,
        outputs TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # The merge reads event mentions in id order straight from the store (chronology.merge.stored),
    # so the id is a column with an index; existing rows are filled from their JSON.
    """
    ALTER TABLE event_mentions ADD COLUMN mention_id TEXT;
    UPDATE event_mentions SET mention_id = json_extract(data, '$.id');
    CREATE INDEX event_mentions_by_id ON event_mentions (mention_id);
    CREATE TABLE timeline_generation (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
    INSERT INTO timeline_generation VALUES (1, 0);
    """,
)


def content_hash(doc: Document) -> str:
    """Hash of everything about a document that determines what the pipeline makes of it."""
    return hashlib.sha256(doc.model_dump_json().encode("utf-8")).hexdigest()


@dataclass
class CachedDocument:
    info: DocumentInfo
    mentions: list[TimeMention]
    events: list[EventMention]
    text: str = ""


# Host parameters per statement: SQLite's historical limit is 999.
_PARAMETERS = 900


def _sql_value(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def _staged(row: tuple[str, tuple, str, str | None]) -> tuple:
    event_id, key, data, warning = row
    return (event_id, *map(_sql_value, key), data, warning)


class Store:
    """A chronology database file. Use as a context manager; writes happen in transactions."""

    def __init__(self, path: str | Path, pipeline_version: str):
        self.path = Path(path)
        self.pipeline_version = pipeline_version
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        current = self.db.execute("PRAGMA user_version").fetchone()[0]
        if current > len(MIGRATIONS):
            from chronology.errors import ChronologyError

            raise ChronologyError(
                f"{self.path}: store schema version {current} is newer than this chronology "
                f"understands ({len(MIGRATIONS)}); use a newer chronology or --rebuild with a new --db"
            )
        for version in range(current, len(MIGRATIONS)):
            with self._transaction():
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {version + 1}")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def lookup(self, doc_id: str, digest: str) -> CachedDocument | None:
        row = self.db.execute(
            "SELECT info FROM documents WHERE id = ? AND content_hash = ? AND pipeline_version = ?",
            (doc_id, digest, self.pipeline_version),
        ).fetchone()
        if row is None:
            return None
        mentions = [
            TimeMention.model_validate_json(r[0])
            for r in self.db.execute(
                "SELECT data FROM mentions WHERE document_id = ? ORDER BY seq", (doc_id,)
            )
        ]
        events = [
            EventMention.model_validate_json(r[0])
            for r in self.db.execute(
                "SELECT data FROM event_mentions WHERE document_id = ? ORDER BY seq", (doc_id,)
            )
        ]
        return CachedDocument(DocumentInfo.model_validate_json(row[0]), mentions, events)

    def save(self, digest: str, result: CachedDocument) -> None:
        """Replace one document's rows in a single transaction."""
        self.save_many([(digest, result)])

    def save_many(self, results: list[tuple[str, CachedDocument]]) -> None:
        """Replace several documents' rows in one transaction: a commit per document would cost
        more than the writing itself on a large corpus."""
        if not results:
            return
        with self._transaction():
            for digest, result in results:
                self._replace(digest, result)

    def _replace(self, digest: str, result: CachedDocument) -> None:
        doc_id = result.info.id
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self.db.execute(
            "INSERT INTO documents (id, content_hash, pipeline_version, info, text)"
            " VALUES (?, ?, ?, ?, ?)",
            (doc_id, digest, self.pipeline_version, result.info.model_dump_json(), result.text),
        )
        self.db.executemany(
            "INSERT INTO mentions (document_id, seq, data) VALUES (?, ?, ?)",
            [(doc_id, i, m.model_dump_json()) for i, m in enumerate(result.mentions)],
        )
        self.db.executemany(
            "INSERT INTO event_mentions (document_id, seq, mention_id, data) VALUES (?, ?, ?, ?)",
            [(doc_id, i, e.id, e.model_dump_json()) for i, e in enumerate(result.events)],
        )

    def iter_documents(self, ids: list[str]):
        """(info, text, mentions) for each id, in the order given: what the TimeML export needs."""
        for doc_id in ids:
            row = self.db.execute("SELECT info, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                continue
            mentions = [
                TimeMention.model_validate_json(r[0])
                for r in self.db.execute(
                    "SELECT data FROM mentions WHERE document_id = ? ORDER BY seq", (doc_id,)
                )
            ]
            yield DocumentInfo.model_validate_json(row[0]), row[1], mentions

    def event_mentions_by_id(self) -> Iterator[tuple[int, EventMention]]:
        """(rowid, mention) of every stored event mention, in id order, each id once."""
        last = None
        for rowid, mention_id, data in self.db.execute(
            "SELECT rowid, mention_id, data FROM event_mentions ORDER BY mention_id, rowid"
        ):
            if mention_id != last:
                last = mention_id
                yield rowid, EventMention.model_validate_json(data)

    def event_mentions_at(self, rowids: list[int]) -> dict[int, EventMention]:
        """The event mentions stored at `rowids` (as `event_mentions_by_id` named them)."""
        out: dict[int, EventMention] = {}
        for start in range(0, len(rowids), _PARAMETERS):
            chunk = rowids[start: start + _PARAMETERS]
            marks = ",".join("?" * len(chunk))
            for rowid, data in self.db.execute(f"SELECT rowid, data FROM event_mentions WHERE rowid IN ({marks})", chunk):
                out[rowid] = EventMention.model_validate_json(data)
        return out

    def event_mentions_of(self, document_ids: Iterable[str]) -> Iterator[EventMention]:
        """The event mentions of these documents, in the order given, each in reading order."""
        for doc_id in document_ids:
            for (data,) in self.db.execute(
                "SELECT data FROM event_mentions WHERE document_id = ? ORDER BY seq", (doc_id,)
            ):
                yield EventMention.model_validate_json(data)

    def save_timeline_sorted(self, rows: Iterable[tuple[str, tuple, str, str | None]]) -> list[str]:
        """Replace the merged timeline with `rows` (id, sort key, event JSON, warning JSON or None)
        stored in sort-key order; returns the warnings in that order.

        The rows are staged in a temporary table and sorted by SQLite (on disk when large), so
        neither the events nor their keys are ever all in memory. Keys are tuples of ints,
        strings and dates (written ISO, which sorts as the dates do); strings compare by code
        point in both Python and SQLite's BINARY collation.
        """
        rows = iter(rows)
        first = next(rows, None)
        width = len(first[1]) if first else 0
        keys = ", ".join(f"k{i}" for i in range(width))
        self.db.execute("DROP TABLE IF EXISTS temp.staged_events")
        self.db.execute(f"CREATE TEMP TABLE staged_events (id TEXT, {keys + ', ' if keys else ''}data TEXT, warning TEXT)")
        marks = ",".join("?" * (width + 3))
        with self._transaction():
            if first is not None:
                self.db.executemany(
                    f"INSERT INTO temp.staged_events VALUES ({marks})",
                    (_staged(row) for row in chain([first], rows)),
                )
        order = (keys + ", " if keys else "") + "id"
        with self._transaction():
            self.db.execute("DELETE FROM corpus")  # see save_timeline
            self.db.execute("DELETE FROM timeline_events")
            self.db.execute("UPDATE timeline_generation SET generation = generation + 1")
            self.db.execute(f"INSERT INTO timeline_events (id, data) SELECT id, data FROM temp.staged_events ORDER BY {order}")
        warnings = [w for (w,) in self.db.execute(
            f"SELECT warning FROM temp.staged_events WHERE warning IS NOT NULL ORDER BY {order}")]
        self.db.execute("DROP TABLE temp.staged_events")
        return warnings

    def timeline_generation(self) -> int:
        """How many timelines have been saved in this store: a build's report reads its events
        back later, and must know they are still the ones it saved."""
        return self.db.execute("SELECT generation FROM timeline_generation").fetchone()[0]

    def timeline_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM timeline_events").fetchone()[0]

    def timeline_json_sorted(self, key: Callable[[str], tuple]) -> Iterator[str]:
        """The merged timeline's events (JSON) in the order of `key(json)`, sorted on disk."""
        rows = ((rowid, key(data)) for rowid, data in self.db.execute("SELECT rowid, data FROM timeline_events"))
        first = next(rows, None)
        if first is None:
            return
        width = len(first[1])
        keys = ", ".join(f"k{i}" for i in range(width))
        sorter = sqlite3.connect("")  # its own temporary database: the timeline is being read meanwhile
        try:
            sorter.execute(f"CREATE TABLE keyed (r INTEGER, {keys})")
            sorter.executemany(
                f"INSERT INTO keyed VALUES ({','.join('?' * (width + 1))})",
                ((r, *map(_sql_value, k)) for r, k in chain([first], rows)),
            )
            for (rowid,) in sorter.execute(f"SELECT r FROM keyed ORDER BY {keys}, r"):
                yield self.db.execute("SELECT data FROM timeline_events WHERE rowid = ?", (rowid,)).fetchone()[0]
        finally:
            sorter.close()

    def save_timeline(self, events_json: Iterable[tuple[str, str]]) -> None:
        """Replace the merged timeline; `events_json` may be a generator, so the whole timeline's
        JSON never needs to be in memory at once."""
        with self._transaction():
            # The corpus record vouches for the timeline it was saved with: a new timeline voids
            # it until its own build records its corpus (a build killed in between must not leave
            # an old fingerprint naming a new timeline).
            self.db.execute("DELETE FROM corpus")
            self.db.execute("DELETE FROM timeline_events")
            self.db.execute("UPDATE timeline_generation SET generation = generation + 1")
            self.db.executemany("INSERT INTO timeline_events (id, data) VALUES (?, ?)", events_json)

    def timeline_json(self) -> Iterator[str]:
        """The merged timeline's events (JSON), in the order they were saved."""
        for (data,) in self.db.execute("SELECT data FROM timeline_events ORDER BY rowid"):
            yield data

    def forget_except(self, keep_ids: set[str]) -> int:
        """Drop documents no longer in the corpus; returns how many went."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM documents")]
        gone = [i for i in ids if i not in keep_ids]
        with self._transaction():
            self.db.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in gone])
        return len(gone)

    def save_corpus(self, fingerprint: str, summary_json: str) -> None:
        """Remember that the stored timeline was built from the corpus with this fingerprint (one
        corpus at a time), with the chronology's other parts (`summary_json`: all but the events)."""
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO corpus (id, fingerprint, summary, outputs) VALUES (1, ?, ?, '{}')",
                (fingerprint, summary_json),
            )

    def corpus_summary(self, fingerprint: str) -> tuple[str, dict] | None:
        """(summary JSON, outputs written) of the stored build of exactly this corpus, else None.

        The pipeline version is part of the fingerprint, so a changed pipeline misses here.
        """
        row = self.db.execute(
            "SELECT summary, outputs FROM corpus WHERE id = 1 AND fingerprint = ?", (fingerprint,)
        ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def save_outputs(self, fingerprint: str, outputs: dict) -> None:
        """Record which files the build of this corpus wrote (format -> path, options, digest)."""
        with self._transaction():
            self.db.execute(
                "UPDATE corpus SET outputs = ? WHERE id = 1 AND fingerprint = ?",
                (json.dumps(outputs, sort_keys=True), fingerprint),
            )

    def counts(self) -> dict[str, int]:
        return {
            table: self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("documents", "mentions", "event_mentions", "timeline_events")
        }

    @contextmanager
    def _transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
