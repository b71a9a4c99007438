"""The SQLite store: migrations, cache hits by content hash and pipeline version, transactions."""

import datetime as dt
import sqlite3

from chronology.model import (
    Document,
    EventDate,
    EventMention,
    Granularity,
    Interval,
    TimeMention,
)
from chronology.store import MIGRATIONS, CachedDocument, Store, content_hash


def _doc(text="Balls spoke yesterday.", **kw):
    return Document(id="d1", path="a.txt", text=text, published=dt.date(2009, 3, 6), **kw)


def _result(doc):
    m = TimeMention(start=12, end=21, text="yesterday", type="DATE", value="2009-03-05",
                    granularity=Granularity.DAY,
                    interval=Interval(start=dt.date(2009, 3, 5), end=dt.date(2009, 3, 5)))
    e = EventMention(id="e1", document=doc.id, sentence=doc.text, sentence_start=0,
                     sentence_end=len(doc.text), title="Balls spoke", expression=m,
                     date=EventDate(value="2009-03-05"))
    return CachedDocument(doc.info(), [m], [e], doc.text)


def test_schema_is_created_by_migration(tmp_path):
    path = tmp_path / "c.db"
    Store(path, "v1").close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "mentions", "event_mentions", "timeline_events"} <= tables


def test_lookup_hits_only_same_hash_and_pipeline_version(tmp_path):
    doc = _doc()
    digest = content_hash(doc)
    with Store(tmp_path / "c.db", "v1") as store:
        assert store.lookup(doc.id, digest) is None
        store.save(digest, _result(doc))
        hit = store.lookup(doc.id, digest)
        assert hit is not None and hit.mentions[0].value == "2009-03-05"
        assert hit.events[0].title == "Balls spoke"
        assert store.lookup(doc.id, content_hash(_doc("Changed text."))) is None
    with Store(tmp_path / "c.db", "v2") as store:
        assert store.lookup(doc.id, digest) is None  # a new pipeline re-analyses


def test_changed_metadata_changes_the_hash():
    assert content_hash(_doc()) != content_hash(_doc(title="A title"))


def test_save_replaces_rows_and_forget_drops_removed_documents(tmp_path):
    doc = _doc()
    with Store(tmp_path / "c.db", "v1") as store:
        store.save("h1", _result(doc))
        store.save("h2", _result(doc))
        assert store.counts()["mentions"] == 1
        assert store.forget_except(set()) == 1
        assert store.counts() == {"documents": 0, "mentions": 0, "event_mentions": 0, "timeline_events": 0}


def test_newer_schema_is_refused_with_a_clear_error(tmp_path):
    import pytest

    from chronology.errors import ChronologyError

    path = tmp_path / "c.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(ChronologyError, match="newer than this chronology"):
        Store(path, "v1")


def test_a_store_of_schema_2_gets_its_event_mention_ids_filled_in(tmp_path):
    """Migration 3 adds the id column the merge reads mentions by, filled from the stored JSON."""
    path = tmp_path / "c.db"
    db = sqlite3.connect(path)
    for statement in "".join(MIGRATIONS[:2]).split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    result = _result(_doc())
    db.execute("INSERT INTO documents VALUES ('d1', 'h', 'v1', ?, '')", (result.info.model_dump_json(),))
    db.execute("INSERT INTO event_mentions VALUES ('d1', 0, ?)", (result.events[0].model_dump_json(),))
    db.commit()
    db.close()
    with Store(path, "v1") as store:
        assert [(m.id, m.title) for _, m in store.event_mentions_by_id()] == [("e1", "Balls spoke")]


def test_event_mentions_come_back_in_id_order_and_by_rowid(tmp_path):
    doc = _doc()
    first = _result(doc)
    second = first.events[0].model_copy(update={"id": "a0"})
    with Store(tmp_path / "c.db", "v1") as store:
        store.save("h", CachedDocument(first.info, first.mentions, [first.events[0], second], doc.text))
        rows = list(store.event_mentions_by_id())
        assert [m.id for _, m in rows] == ["a0", "e1"]
        again = store.event_mentions_at([rowid for rowid, _ in rows])
        assert [again[rowid].id for rowid, _ in rows] == ["a0", "e1"]
        assert [m.id for m in store.event_mentions_of(["d1"])] == ["e1", "a0"]  # reading order


def test_timeline_is_stored_sorted_and_read_back_in_any_order(tmp_path):
    with Store(tmp_path / "c.db", "v1") as store:
        warnings = store.save_timeline_sorted([
            ("b", (0, dt.date(2009, 3, 6), "Later"), '"b"', None),
            ("c", (1, dt.date.max, "Vague"), '"c"', '"w-c"'),
            ("a", (0, dt.date(2008, 12, 1), "Earlier"), '"a"', '"w-a"'),
        ])
        assert list(store.timeline_json()) == ['"a"', '"b"', '"c"']
        assert warnings == ['"w-a"', '"w-c"']
        assert list(store.timeline_json_sorted(lambda data: (-ord(data[1]),))) == ['"c"', '"b"', '"a"']
        assert store.timeline_count() == 3
