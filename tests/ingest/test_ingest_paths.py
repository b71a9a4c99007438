"""Paths, folders, manifests, errors and the --published override."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from chronology.errors import InputError
from chronology.ingest import iter_inputs
from chronology.model import PublishedFrom
from tests.ingest.ingest_helpers import INGEST_DATA as DATA
from tests.ingest.ingest_helpers import ingest, one

FOLDER = DATA / "folder"


def test_missing_path_raises_before_anything_is_read(tmp_path):
    with pytest.raises(InputError) as err:
        iter_inputs([str(DATA / "text"), str(tmp_path / "nope.txt")])
    assert str(err.value) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_folder_without_readable_files(tmp_path, monkeypatch):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes" / ".hidden.txt").write_text("hidden")
    monkeypatch.chdir(tmp_path)
    for given in ("notes", "notes/"):
        with pytest.raises(InputError) as err:
            iter_inputs([given])
        assert str(err.value) == "no documents found under notes/ (looked for .txt .md .html .json .jsonl)"


def test_glob_pattern(monkeypatch):
    monkeypatch.chdir(DATA)
    docs, _ = ingest("text/*.txt")
    assert [d.path for d in docs][:2] == ["text/2009-03-05-file-name-date.txt", "text/by-name.txt"]
    with pytest.raises(InputError, match=r"^text/\*\.docx: no files match$"):
        iter_inputs(["text/*.docx"])


def test_folder_with_manifests_in_order(monkeypatch):
    monkeypatch.chdir(DATA)
    docs, warnings = ingest("folder/")
    assert [d.path for d in docs] == ["folder/feed.jsonl#1", "folder/speech.txt", "folder/sub/report.md"]
    feed, speech, report = docs
    # A manifest row for a record file gives only source and language.
    assert (feed.title, feed.source, feed.published) == ("One feed item", "Feed Publisher", dt.date(2009, 2, 2))
    assert speech.published == dt.date(2009, 3, 6) and speech.published_from is PublishedFrom.MANIFEST
    assert speech.published_evidence == "folder/manifest.csv line 2: published=2009-03-06"
    assert (speech.title, speech.source, speech.language) == (
        "Balls tells managers to return to the frontline", "The Guardian", "en")
    # The nearer manifest (sub/) dates it; the farther one still gives the source it lacks.
    assert report.published == dt.date(2009, 3, 11)
    assert report.published_evidence == "folder/sub/manifest.csv line 2: published=2009-03-11"
    assert report.source == "Local Government Chronicle"
    assert report.title == "Councils told to act on inspection findings"
    assert [(w.kind, w.message) for w in warnings] == [
        ("manifest", "folder/manifest.csv line 4: lists missing.txt, which is not in folder/"),
        ("skipped", "folder/notes.csv: not a supported file type (.csv; reads .txt .md .html .json .jsonl)"),
        ("date-conflict", "folder/sub/report.md: published 2009-03-11 from manifest, but front-matter says 2009-03-10 (front matter published: 2009-03-10)"),
    ]


def test_manifest_applies_to_a_file_given_alone(monkeypatch):
    monkeypatch.chdir(DATA)
    doc, warnings = one("folder/speech.txt")
    assert doc.published_from is PublishedFrom.MANIFEST and doc.path == "folder/speech.txt"
    assert [w.kind for w in warnings] == ["manifest"]  # its manifest lists a missing file


def test_manifest_with_a_bad_date_falls_through_with_a_warning(tmp_path):
    (tmp_path / "manifest.csv").write_text("file,date,title\nnote.txt,2009-13-01,A title\n")
    (tmp_path / "note.txt").write_text("Body only.\n")
    doc, warnings = one(tmp_path / "note.txt")
    assert doc.title == "A title" and doc.published is None
    assert [w.kind for w in warnings] == ["bad-date", "undated"]
    assert "manifest.csv line 2: published '2009-13-01' ignored" in warnings[0].message


def test_published_option_overrides_everything_for_a_single_document(seeds_dir):
    doc, warnings = one(seeds_dir / "001_3557cd25638f113c.txt", published=dt.date(2009, 10, 22))
    assert doc.published == dt.date(2009, 10, 22) and doc.published_from is PublishedFrom.USER
    assert doc.published_evidence == "--published 2009-10-22"
    assert doc.published_span is None  # the byline names another day
    assert warnings == []


def test_published_option_also_dates_stdin():
    doc, _ = one("-", published=dt.date(2009, 3, 6), stdin=io.StringIO("Text said today.\n"))
    assert doc.published == dt.date(2009, 3, 6) and doc.published_from is PublishedFrom.USER


def test_published_option_is_ignored_with_several_documents(seeds_dir):
    docs, warnings = ingest(seeds_dir / "babyp", published=dt.date(2009, 1, 1))
    assert all(d.published_from is not PublishedFrom.USER for d in docs)
    assert warnings[0].kind == "published-ignored"
    assert warnings[0].message == "--published 2009-01-01 ignored: it dates a single document, and 11 inputs were given"


def test_published_option_is_ignored_for_a_file_of_many_records():
    docs, warnings = ingest(DATA / "records" / "newsapi.json", published=dt.date(2001, 1, 1))
    assert docs[0].published_from is PublishedFrom.USER  # one record: it applies
    docs, warnings = ingest(DATA / "records" / "list.json", published=dt.date(2001, 1, 1))
    assert all(d.published != dt.date(2001, 1, 1) for d in docs)
    assert warnings[0].message.endswith("list.json holds 3 records")


def test_inputs_come_out_in_the_order_given(seeds_dir):
    docs, _ = ingest(seeds_dir / "001_3557cd25638f113c.txt", seeds_dir / "000_653b9ce953ff35b3.txt")
    assert [d.path[-8:] for d in docs] == ["113c.txt", "35b3.txt"]
