"""Inference in the build: undated documents get a window from their text and the corpus, are
read against it, say so in every output, and never override a date from another source."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import textwrap

import pytest

from chronology.build import run_build
from chronology.export import CSV_COLUMNS, to_csv
from chronology.infer import DatedIndex
from chronology.merge.cluster import profile
from chronology.model import Chronology, PublishedFrom
from chronology.render.payload import build_payload
from tests.conftest import SEEDS

SEED_000 = "000_653b9ce953ff35b3.txt"
UNDATED_11 = "11-undated-task-force.md"
D = dt.date


def _build(paths, out, **kw):
    lines: list[str] = []
    report = run_build([str(p) for p in paths], out, formats=["json", "csv"], workers=1, echo=lines.append, **kw)
    return report, lines


def _doc(chron: Chronology, name: str):
    return next(d for d in chron.documents if d.path.endswith(name))


def _mentions(chron: Chronology, doc_id: str):
    return [m for e in chron.events for m in e.mentions if m.document == doc_id]


def _write(folder, name, body, **front):
    head = "".join(f"{k}: {v}\n" for k, v in front.items())
    (folder / name).write_text(f"---\n{head}---\n" + textwrap.dedent(body).strip() + "\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Seed 000 without its manifest entry, with the development corpus."""
    src = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEEDS / SEED_000, src / SEED_000)
    for path in (SEEDS / "babyp").glob("*.md"):
        shutil.copy(path, src / path.name)
    out = tmp_path_factory.mktemp("out")
    report, lines = _build([src], out)
    return src, out, report, lines


def test_seed_000_built_with_the_corpus_gets_an_inferred_window_of_days(corpus):
    _, _, report, _ = corpus
    doc = _doc(report.chronology, SEED_000)
    window = doc.published_window
    assert doc.published_from == PublishedFrom.INFERRED
    assert window.earliest <= D(2009, 3, 6) <= window.latest
    assert (window.latest - window.earliest).days + 1 <= 7
    assert window.earliest <= doc.published <= window.latest
    audit = _doc(report.chronology, "06-audit-commission.md")
    assert audit.id in window.sources
    assert any("'yesterday'" in line and audit.id in line for line in window.evidence)


def test_relative_expressions_of_an_inferred_document_are_read_against_it_and_marked(corpus):
    _, _, report, _ = corpus
    chron = report.chronology
    doc = _doc(chron, SEED_000)
    by_text = {m.expression.text: m for m in _mentions(chron, doc.id)}
    yesterday = by_text["yesterday"]
    assert yesterday.date.value == "2009-03-05"
    assert yesterday.expression.anchor.kind == "publication" and yesterday.expression.anchor.inferred
    assert "is inferred" in yesterday.expression.explanation
    assert by_text["last month"].date.value == "2009-02"
    # A date written in full rests on no anchor and is not marked.
    assert not by_text["2005"].expression.anchor.inferred


def test_the_page_and_the_csv_mark_inferred_readings(corpus):
    _, out, report, _ = corpus
    chron = report.chronology
    doc = _doc(chron, SEED_000)
    payload = build_payload(chron)
    page_doc = next(d for d in payload["documents"] if d["id"] == doc.id)
    assert page_doc["from"] == "inferred" and page_doc["window"] == doc.published_window.earliest.isoformat()
    whys = [m["why"] for e in payload["events"] for m in e["mentions"]
            if payload["documents"][m["doc"]]["id"] == doc.id and m["expr"] == "yesterday"]
    assert whys and all("inferred" in w for w in whys)
    rows = [dict(zip(CSV_COLUMNS, r)) for r in list(csv.reader(io.StringIO((out / "timeline.csv").read_text())))[1:]]
    mine = [r for r in rows if r["document_title"] == doc.title]
    assert {r["expression"]: r["anchor"] for r in mine}["yesterday"] == "inferred"
    assert {r["anchor"] for r in rows if r["document_title"] != doc.title and r["expression"] == "yesterday"} == {"publication"}


def test_timeline_json_carries_the_window(corpus):
    _, out, _report, _ = corpus
    chron = Chronology.model_validate_json((out / "timeline.json").read_text())
    doc = _doc(chron, SEED_000)
    assert doc.published_from == PublishedFrom.INFERRED and doc.published_window is not None
    assert chron.counts.inferred_documents == sum(
        1 for d in chron.documents if d.published_from == PublishedFrom.INFERRED)


def test_build_summary_prints_each_inference(corpus):
    _, _, report, lines = corpus
    doc = _doc(report.chronology, SEED_000)
    w = doc.published_window
    expected = (f"  inferred {doc.published} for {doc.path}: window {w.earliest}..{w.latest}, "
                f"{len(w.evidence)} piece(s) of evidence")
    assert any(line.startswith(expected) for line in lines), lines
    assert any(warning.kind == "inferred-date" and warning.path == doc.path for warning in report.chronology.warnings)


def test_undated_task_force_article_is_never_given_a_wrong_window(corpus):
    _, _, report, _ = corpus
    doc = _doc(report.chronology, UNDATED_11)
    window = doc.published_window
    assert window is None or window.earliest <= D(2009, 12, 2) <= (window.latest or D.max)
    # Its one match (Laming's report, "published in March", found in two documents) has no
    # second witness among its other expressions: reported, not used.
    aside = [w for w in report.chronology.warnings if w.kind == "inference-uncorroborated" and w.path == doc.path]
    assert len(aside) == 1 and "'March' (Lord Laming" in aside[0].message


@pytest.mark.xfail(strict=True, reason=(
    "no dated document in the development corpus dates at day or week precision an event the "
    "task-force article dates relatively; its one match (Laming's report, 'in March': March 2009 "
    "to February 2010) has no second witness and is set aside, so the article stays undated. "
    "A week would need outside knowledge."))
def test_undated_task_force_article_window_is_at_most_a_week(corpus):
    _, _, report, _ = corpus
    window = _doc(report.chronology, UNDATED_11).published_window
    assert window.latest is not None and (window.latest - window.earliest).days + 1 <= 7


def test_the_task_force_article_stays_undated(corpus):
    _, _, report, _ = corpus
    chron = report.chronology
    doc = _doc(chron, UNDATED_11)
    assert doc.published is None and doc.published_from is None
    assert all(not m.expression.anchor.inferred and m.expression.anchor.kind != "publication"
               for m in _mentions(chron, doc.id))


def test_seed_000_alone_is_never_given_a_wrong_window(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(SEEDS / SEED_000, tmp_path / "in" / SEED_000)
    report, _ = _build([tmp_path / "in"], tmp_path / "out")
    doc = _doc(report.chronology, SEED_000)
    window = doc.published_window
    if window is not None:
        assert window.earliest <= D(2009, 3, 6) and (window.latest is None or D(2009, 3, 6) <= window.latest)
    if doc.published is None:
        # Undated: its relative expressions are left unanchored, never read against the clock.
        assert all(m.expression.anchor.kind != "publication" for m in _mentions(report.chronology, doc.id))
        assert report.chronology.counts.unanchored_mentions >= 3
    else:
        assert D(2009, 3, 1) <= window.earliest and window.latest <= D(2009, 3, 31)


def test_inference_from_the_text_alone(tmp_path):
    _write(tmp_path, "undated.md", """
        The Audit Commission published its report on libraries on 5 March 2009, finding that most branches were failing.
        Friends of Haringey Libraries protested outside the town hall on 6 March 2009.

        The Audit Commission report published yesterday on libraries was the harshest in a decade.
        Friends of Haringey Libraries protested outside the town hall today.
    """, title="Libraries", source="Test Gazette")
    report, _ = _build([tmp_path / "undated.md"], tmp_path / "out")
    doc = report.chronology.documents[0]
    assert doc.published == D(2009, 3, 6) and doc.published_from == PublishedFrom.INFERRED
    assert doc.published_window.sources == []
    assert any("elsewhere in the text" in e for e in doc.published_window.evidence)
    yesterday = [m for m in _mentions(report.chronology, doc.id) if m.expression.text == "yesterday"]
    assert yesterday and yesterday[0].date.value == "2009-03-05" and yesterday[0].expression.anchor.inferred


def _dated(folder, name, body, published):
    _write(folder, name, body, title=name, source=name, published=published)


BRIDGE = ("Kent County Council closed the Medway bridge yesterday after Arup engineers found cracks. "
          "Arup engineers inspected the Medway bridge on Saturday.")


def test_inference_from_other_documents_and_its_conflicts(tmp_path):
    _write(tmp_path, "undated.md", BRIDGE, title="Bridge")
    _dated(tmp_path, "closed.md", "Kent County Council closed the Medway bridge on 4 January 2010 after Arup "
           "engineers found cracks.", "2010-01-20")
    _dated(tmp_path, "inspected.md", "Arup engineers inspected the Medway bridge on 2 January 2010.", "2010-01-20")
    report, lines = _build([tmp_path], tmp_path / "out")
    doc = _doc(report.chronology, "undated.md")
    window = doc.published_window
    assert doc.published == D(2010, 1, 5) and (window.earliest, window.latest) == (D(2010, 1, 5), D(2010, 1, 5))
    assert len(window.sources) == 2 and not window.conflicts
    assert any(line.startswith(f"  inferred 2010-01-05 for {doc.path}: window 2010-01-05..2010-01-05, "
                               "2 piece(s) of evidence") for line in lines)

    # Two more sources put the same closure and inspection five months later: the disagreement
    # is reported and the window covers both, too wide now to date the document by.
    _dated(tmp_path, "closed-later.md", "Kent County Council closed the Medway bridge on 9 June 2010 after Arup "
           "engineers found cracks.", "2010-06-20")
    _dated(tmp_path, "inspected-later.md", "Arup engineers inspected the Medway bridge on 5 June 2010.", "2010-06-20")
    report, lines = _build([tmp_path], tmp_path / "out")
    doc = _doc(report.chronology, "undated.md")
    window = doc.published_window
    assert window.earliest <= D(2010, 1, 5) and D(2010, 6, 10) <= window.latest
    assert window.conflicts and doc.published is None and window.confidence < 0.5
    conflicts = [w for w in report.chronology.warnings if w.kind == "inference-conflict"]
    assert len(conflicts) == 1 and "2010-01-04" in conflicts[0].message and "2010-06-09" in conflicts[0].message
    assert any(line.startswith(f"  no date inferred for {doc.path}: the evidence allows "
                               f"{window.earliest}..{window.latest}") for line in lines)


def test_a_document_with_no_evidence_stays_undated(tmp_path):
    _write(tmp_path, "plain.md", "Officials said yesterday that the plan would go ahead next month.", title="Plan")
    report, lines = _build([tmp_path / "plain.md"], tmp_path / "out")
    chron = report.chronology
    doc = chron.documents[0]
    assert doc.published is None and doc.published_window is None and doc.published_from is None
    assert chron.counts.undated_documents == 1 and chron.counts.unanchored_mentions == 2
    assert report.inferred == [] and not any(line.startswith("  inferred") for line in lines)
    assert any(w.kind == "unanchored" for w in chron.warnings)


def test_manifest_and_published_option_override_inference(tmp_path):
    src = tmp_path / "seeds"
    src.mkdir()
    for name in (SEED_000, "manifest.csv"):
        shutil.copy(SEEDS / name, src / name)
    for path in (SEEDS / "babyp").glob("*.md"):
        shutil.copy(path, src / path.name)
    report, _ = _build([src], tmp_path / "out")
    doc = _doc(report.chronology, SEED_000)
    assert (doc.published, doc.published_from, doc.published_window) == (D(2009, 3, 6), PublishedFrom.MANIFEST, None)
    assert not any(w.path == doc.path and w.kind == "inferred-date" for w in report.chronology.warnings)

    report, _ = _build([SEEDS / SEED_000], tmp_path / "out2", published=D(2009, 3, 5))
    doc = report.chronology.documents[0]
    assert (doc.published, doc.published_from, doc.published_window) == (D(2009, 3, 5), PublishedFrom.USER, None)


def test_the_cache_never_reuses_an_inference_made_against_another_corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / SEED_000, src / SEED_000)
    for path in (SEEDS / "babyp").glob("0*.md"):
        shutil.copy(path, src / path.name)
    db = tmp_path / "store.db"
    first, _ = _build([src], tmp_path / "out", db=db)
    warm, _ = _build([src], tmp_path / "out", db=db)
    assert warm.analysed == 0 and warm.reanalysed == 0
    assert warm.chronology.model_dump(exclude={"generator"}) == first.chronology.model_dump(exclude={"generator"})

    # The document that pinned the day leaves the corpus: the stored reading is not reused.
    (src / "06-audit-commission.md").unlink()
    changed, _ = _build([src], tmp_path / "out", db=db)
    before, after = _doc(first.chronology, SEED_000), _doc(changed.chronology, SEED_000)
    assert changed.reanalysed == 1
    assert after.published_window != before.published_window

    # Alone, with the same store: nothing of the corpus's inference survives.
    alone, _ = _build([src / SEED_000], tmp_path / "out", db=db)
    doc = alone.chronology.documents[0]
    assert doc.published is None and doc.published_from is None
    assert doc.published_window is None or doc.published_window.sources == []
    assert all(m.expression.anchor.kind != "publication" for m in _mentions(alone.chronology, doc.id))


def test_blocking_compares_a_mention_only_with_those_sharing_a_predicate_word(corpus):
    _, _, report, _ = corpus
    dated = [m for e in report.chronology.events for m in e.mentions
             if next(d for d in report.chronology.documents if d.id == m.document).published_from
             not in (None, PublishedFrom.INFERRED)]
    index = DatedIndex.build(dated)
    probe = profile(dated[0])
    found = index.candidates(probe)
    assert found and len(found) < len(index.mentions)
    assert all(index.profiles[i].event_words & probe.event_words for i in found)
    assert all(not (index.profiles[i].event_words & probe.event_words)
               for i in range(len(index.mentions)) if i not in found)


def test_csv_anchor_column_names_what_each_reading_rests_on(corpus):
    _, _, report, _ = corpus
    rows = list(csv.reader(io.StringIO(to_csv(report.chronology))))
    assert rows[0][-1] == "anchor" and {r[-1] for r in rows[1:]} <= {"publication", "inferred", "mention", "none"}


def test_a_past_tense_telling_was_written_no_earlier_than_its_event(tmp_path):
    _dated(tmp_path, "report.md", "Haringey Council published its annual library report on 12 March 2009.", "2009-06-01")
    _dated(tmp_path, "resigned.md", "Councillor Jane Smith resigned from the Haringey library board on 20 May 2009.",
           "2009-06-01")
    _write(tmp_path, "undated.md", "Haringey Council published its annual library report in March. "
           "Councillor Jane Smith resigned from the Haringey library board last month.", title="Later")
    report, _ = _build([tmp_path], tmp_path / "out")
    window = _doc(report.chronology, "undated.md").published_window
    assert (window.earliest, window.latest) == (D(2009, 6, 1), D(2009, 6, 30))
    # "in March" alone allows any day from 1 March; told in the past tense, the 12th is the first.
    march = [e for e in window.evidence if e.split(": ", 1)[1].startswith("'March'")]
    assert len(march) == 1 and march[0].startswith("2009-03-12..")
