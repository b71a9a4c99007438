"""The project's seed articles: where each publication date comes from."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from chronology.model import PublishedFrom
from tests.ingest.ingest_helpers import ingest, one

BABYP_DATES = {
    "01-verdicts.md": "2008-11-12",
    "02-inspection-ordered.md": "2008-11-13",
    "03-shoesmith-removed.md": "2008-12-02",
    "04-shoesmith-sacked.md": "2008-12-09",
    "05-shoesmith-speaks.md": "2009-02-09",
    "06-audit-commission.md": "2009-03-06",
    "07-laming-report.md": "2009-03-13",
    "08-staff-sacked.md": "2009-04-30",
    "09-sentencing.md": "2009-05-23",
    "10-names-revealed.md": "2009-08-11",
}


def test_seed_000_is_dated_by_the_manifest(seeds_dir):
    doc, warnings = one(seeds_dir / "000_653b9ce953ff35b3.txt")
    assert doc.published == dt.date(2009, 3, 6)
    assert doc.published_from is PublishedFrom.MANIFEST
    assert doc.published_evidence.endswith("manifest.csv line 2: published=2009-03-06")
    assert doc.title == "Social Care Managers Need To Spend Less Time In The Office, Says Balls"
    assert doc.source == "The Guardian"
    assert doc.furniture == [] and doc.published_span is None
    assert doc.text.startswith("Social Care Managers") and doc.characters == len(doc.text)
    assert warnings == []


def test_seed_001_is_dated_by_its_byline_and_its_page_furniture_is_marked(seeds_dir):
    doc, warnings = one(seeds_dir / "001_3557cd25638f113c.txt")
    assert doc.published == dt.date(2009, 10, 23)
    assert doc.published_from is PublishedFrom.BYLINE
    assert doc.published_evidence == "October 23, 2009 in Workforce"
    start, end = doc.published_span
    assert doc.text[start:end] == "October 23, 2009"
    assert doc.title == "Ed Balls and Hilton Dawson lock horns at national conference"
    assert doc.source == "Community Care"  # the manifest row gives the source but no date
    headline = doc.text.index("Ed Balls and Hilton Dawson lock horns")
    covered = sorted(doc.furniture)
    assert covered[0][0] == headline and covered[-1][1] == len(doc.text)
    for (_, a_end), (b_start, _) in itertools.pairwise(covered):
        assert a_end == b_start  # contiguous: nothing between headline and the end is left out
    assert all(not (s <= doc.text.index("said today") < e) for s, e in doc.furniture)
    assert warnings == []


def test_babyp_articles_get_their_front_matter_dates(seeds_dir):
    docs, warnings = ingest(seeds_dir / "babyp")
    by_name = {d.path.rsplit("/", 1)[-1]: d for d in docs}
    assert len(docs) == 11
    for name, date in BABYP_DATES.items():
        assert by_name[name].published.isoformat() == date, name
        assert by_name[name].published_from is PublishedFrom.FRONT_MATTER
        assert by_name[name].title and not by_name[name].text.startswith("---")
    undated = by_name["11-undated-task-force.md"]
    assert undated.published is None and undated.published_from is None
    assert [(w.kind, w.path) for w in warnings] == [("undated", undated.path)]
    assert warnings[0].message.startswith(f"{undated.path}: no publication date")


def test_seed_folder_reads_in_sorted_order_and_skips_the_manifest(seeds_dir):
    docs, warnings = ingest(seeds_dir)
    names = [d.path.split("seeds/", 1)[1] for d in docs]
    assert names[:2] == ["000_653b9ce953ff35b3.txt", "001_3557cd25638f113c.txt"]
    assert names[2:] == sorted(names[2:]) and len(names) == 13
    assert not any("manifest" in n for n in names)
    assert [w.kind for w in warnings] == ["undated"]


@pytest.mark.parametrize("name", ["000_653b9ce953ff35b3.txt", "001_3557cd25638f113c.txt"])
def test_document_ids_are_stable_and_independent_of_how_the_path_is_written(seeds_dir, name, monkeypatch):
    by_folder = {d.path.rsplit("/", 1)[-1]: d.id for d in ingest(seeds_dir)[0]}
    monkeypatch.chdir(seeds_dir)
    direct, _ = one(name)
    assert direct.id == by_folder[name] and len(direct.id) == 12
    assert direct.path == name
