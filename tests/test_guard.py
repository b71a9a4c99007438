"""One document whose analysis raises never stops a build: it becomes a "failed" warning naming
the file and the reason, the other documents are built, and the exit status follows the 0/1/2
rules of `chronology build --help` (--strict makes it 1). The same in every engine: inline, the
process pool (the exception raised in a worker) and a Dask cluster of worker processes.

No real input is known to make a stage raise (each one found was fixed), so a stage is replaced
by one that raises for a chosen document. For the process pool the replacement is made before
the pool forks; for Dask it is installed in each worker with `Client.run`.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from chronology.build import run_build
from chronology.cli import app
from chronology.model import Document, PublishedFrom, Warning_
from chronology.pipeline import analyse_guarded, failure_reason
from tests.conftest import SEEDS

runner = CliRunner()
VICTIM = "04-shoesmith-sacked.md"
DOCUMENTS = len(list((SEEDS / "babyp").iterdir()))


def raise_for(original, when):
    """`original`, except that it raises for the documents `when` picks (with this process's id)."""

    def stage(doc, *args, **kwargs):
        if when(doc):
            raise ValueError(f"test failure in process {os.getpid()}\nsecond line never shown")
        return original(doc, *args, **kwargs)

    return stage


def is_victim(doc) -> bool:
    return (doc.path or "").endswith(VICTIM)


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "corpus"
    shutil.copytree(SEEDS / "babyp", src)
    return src


@pytest.fixture
def events_fail_for_victim(monkeypatch):
    import chronology.events

    monkeypatch.setattr(chronology.events, "extract_events", raise_for(chronology.events.extract_events, is_victim))


def build(src, out, *options):
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--format", "json", *options])
    timeline = out / "timeline.json"
    return result, json.loads(timeline.read_text()) if timeline.exists() else None


def failed_warnings(chron) -> list[dict]:
    return [w for w in chron["warnings"] if w["kind"] == "failed"]


def check_one_failure(result, chron, src, *, in_worker: bool) -> None:
    assert result.exit_code == 0, result.output
    path = f"{src}/{VICTIM}"
    [warning] = failed_warnings(chron)
    assert warning["path"] == path
    assert warning["message"].startswith(f"{path}: analysis failed, document left out: ValueError: test failure in process ")
    assert "second line" not in warning["message"]
    pid = int(warning["message"].split("in process ")[1].split()[0])
    assert (pid != os.getpid()) is in_worker
    assert f"warning: {warning['message']}" in result.stderr
    built = sorted(d["path"].removeprefix(f"{src}/") for d in chron["documents"])
    assert built == sorted(p.name for p in (SEEDS / "babyp").iterdir() if p.name != VICTIM)
    assert chron["counts"]["documents"] == DOCUMENTS - 1 and chron["counts"]["skipped"] == 1
    assert chron["events"] and not any(VICTIM in m["document"] for e in chron["events"] for m in e["mentions"])


# --- the guard itself ---------------------------------------------------------------------------


def test_a_stage_that_raises_gives_a_failed_warning_instead(events_fail_for_victim):
    doc = Document(id="d1", path=f"corpus/{VICTIM}", text="The council met on 3 March 2009.", published=None)
    result = analyse_guarded(doc)
    assert isinstance(result, Warning_)
    assert result.kind == "failed" and result.path == f"corpus/{VICTIM}"
    assert result.message.startswith(f"corpus/{VICTIM}: analysis failed, document left out: ValueError: test failure")
    # The innermost line of chronology's own code the exception came through, for a bug report.
    assert "(at chronology/pipeline.py:" in result.message
    assert "\n" not in result.message


def test_a_document_without_a_path_is_named_by_its_id(monkeypatch):
    import chronology.temporal

    monkeypatch.setattr(chronology.temporal, "tag", raise_for(chronology.temporal.tag, lambda text: True))
    result = analyse_guarded(Document(id="abc123", text="Yesterday."))
    assert isinstance(result, Warning_) and result.path is None
    assert result.message.startswith("abc123: analysis failed, document left out: ValueError: ")


def test_a_good_document_is_analysed_as_usual():
    import datetime as dt

    result = analyse_guarded(Document(id="d", text="The council met yesterday.", published=dt.date(2009, 3, 6)))
    assert not isinstance(result, Warning_)
    assert [m.value for m in result.mentions] == ["2009-03-05"]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (ValueError("one\ntwo"), "ValueError: one"),
        (KeyError("x"), "KeyError: 'x'"),
        (RuntimeError(), "RuntimeError"),
        (RuntimeError("   \n  "), "RuntimeError"),
        (ValueError("y" * 500), "ValueError: " + "y" * 185 + "..."),
    ],
)
def test_failure_reason_is_one_short_line(error, reason):
    assert failure_reason(error) == reason


def test_interrupts_are_not_swallowed(monkeypatch):
    import chronology.temporal

    def interrupted(text, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(chronology.temporal, "tag", interrupted)
    with pytest.raises(KeyboardInterrupt):
        analyse_guarded(Document(id="d", text="Yesterday."))


# --- through the build, in each engine ----------------------------------------------------------


def test_inline_one_failing_document_is_a_warning_and_the_rest_is_built(corpus, tmp_path, events_fail_for_victim):
    result, chron = build(corpus, tmp_path / "out", "--workers", "1")
    check_one_failure(result, chron, corpus, in_worker=False)
    assert f"skipped {corpus}/{VICTIM}: analysis failed" in result.stderr
    assert f"({DOCUMENTS - 1} analysed, 0 unchanged), skipped 1;" in result.stderr


def test_process_pool_a_document_failing_in_a_worker_is_a_warning(corpus, tmp_path, events_fail_for_victim):
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the replaced stage reaches pool workers only when they are forked")
    assert DOCUMENTS >= 8  # the pool is used from 8 documents up (engine._POOL_THRESHOLD)
    result, chron = build(corpus, tmp_path / "out", "--workers", "2")
    check_one_failure(result, chron, corpus, in_worker=True)


@pytest.mark.slow
def test_dask_a_document_failing_on_a_cluster_worker_is_a_warning(corpus, tmp_path):
    distributed = pytest.importorskip("dask.distributed")

    def install_failing_stage():  # runs in each worker process; nested so that it is sent by value
        import os

        import chronology.events

        original = chronology.events.extract_events

        def stage(doc, mentions):
            if (doc.path or "").endswith("04-shoesmith-sacked.md"):
                raise ValueError(f"test failure in process {os.getpid()}\nsecond line never shown")
            return original(doc, mentions)

        chronology.events.extract_events = stage

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        client.run(install_failing_stage)
        result, chron = build(corpus, tmp_path / "out", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    check_one_failure(result, chron, corpus, in_worker=True)


# --- exit status, --strict, warm runs -------------------------------------------------------------


def test_strict_makes_a_failed_document_exit_1_cold_and_warm(corpus, tmp_path, events_fail_for_victim):
    out = tmp_path / "out"
    cold, chron = build(corpus, out, "--workers", "1", "--strict")
    assert cold.exit_code == 1
    assert "Error: 1 input(s) skipped (--strict)" in cold.output
    assert len(failed_warnings(chron)) == 1  # the chronology is still written
    # Unchanged corpus: answered from the store's summary, which kept the warning.
    warm, _ = build(corpus, out, "--workers", "1", "--strict")
    assert warm.exit_code == 1 and "(0 analysed" in warm.stderr
    assert f"warning: {failed_warnings(chron)[0]['message']}" in warm.stderr
    assert build(corpus, out, "--workers", "1")[0].exit_code == 0


def test_a_failed_document_is_not_cached_so_the_next_build_retries_it(corpus, tmp_path, monkeypatch):
    import chronology.events

    good = chronology.events.extract_events
    monkeypatch.setattr(chronology.events, "extract_events", raise_for(good, is_victim))
    out = tmp_path / "out"
    assert len(failed_warnings(build(corpus, out, "--workers", "1")[1])) == 1
    monkeypatch.setattr(chronology.events, "extract_events", good)  # the bug is fixed
    (corpus / "00-new.md").write_text("---\npublished: 2009-03-06\n---\nThe council met yesterday.\n")
    result, chron = build(corpus, out, "--workers", "1")
    assert result.exit_code == 0 and not failed_warnings(chron)
    # Only the failed document and the new one are analysed; the rest come from the store.
    assert "(2 analysed," in result.stderr
    assert any(d["path"].endswith(VICTIM) for d in chron["documents"])


def test_every_document_failing_is_exit_1_naming_the_reason(corpus, tmp_path, monkeypatch):
    import chronology.temporal

    monkeypatch.setattr(chronology.temporal, "tag", raise_for(chronology.temporal.tag, lambda text: True))
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 1
    assert f"Error: no document could be read from {corpus} (" in result.output
    assert "analysis failed, document left out: ValueError: test failure" in result.output


def test_an_undated_document_failing_in_either_pass_is_left_out(corpus, tmp_path, monkeypatch):
    """An undated document is analysed, then analysed again against its inferred date: a failure
    in the second pass (the inference hook) leaves it out as well, and no other document."""
    import chronology.events
    import chronology.infer

    seed = "000_653b9ce953ff35b3.txt"  # undated without its manifest; the corpus dates it
    shutil.copy(SEEDS / seed, corpus / seed)
    monkeypatch.setattr(chronology.infer, "mark_inferred", raise_for(chronology.infer.mark_inferred, lambda text: True))
    report = run_build([str(corpus)], tmp_path / "out", formats=["json"], workers=1)
    chron = report.chronology.model_dump(mode="json")
    assert [w["path"] for w in failed_warnings(chron)] == [f"{corpus}/{seed}"]
    assert chron["counts"]["documents"] == DOCUMENTS and report.reanalysed == 0
    assert not any(d["published_from"] == PublishedFrom.INFERRED.value for d in chron["documents"])
    assert report.inferred == []  # what the build reports inferred is what the chronology holds

    # Failing in the first pass: neither undated document reaches the inference.
    monkeypatch.undo()
    first = raise_for(chronology.events.extract_events, lambda doc: doc.published is None)
    monkeypatch.setattr(chronology.events, "extract_events", first)
    result, chron = build(corpus, tmp_path / "out2", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert sorted(w["path"] for w in failed_warnings(chron)) == [f"{corpus}/{seed}", f"{corpus}/11-undated-task-force.md"]
    assert chron["counts"]["documents"] == DOCUMENTS - 1
    assert not any(d["published_window"] for d in chron["documents"])


def test_the_page_lists_the_failed_document_among_its_warnings(corpus, tmp_path, events_fail_for_victim):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--format", "html", "--workers", "1"])
    assert result.exit_code == 0, result.output
    page = (out / "timeline.html").read_text(encoding="utf-8")
    assert "1 failed document" in page
    assert f"{corpus}/{VICTIM}: analysis failed, document left out: ValueError: test failure" in page


def test_an_earlier_analysis_of_a_failed_document_does_not_reach_the_timeline(tmp_path, monkeypatch):
    """A record keeps its id (from its URL) when its text changes; if the new text's analysis
    fails, the analysis the store kept of the old text must not be merged as if it were current."""
    import chronology.events

    src = tmp_path / "feed.jsonl"
    out = tmp_path / "out"

    def write(victim_text: str) -> None:
        records = [
            {"url": "https://example.org/a", "date": "2009-03-06", "text": "Balls ordered an inspection yesterday."},
            {"url": "https://example.org/b", "date": "2009-03-06", "text": victim_text},
        ]
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    write("Shoesmith was sacked on 8 December by the council.")
    result, chron = build(src, out)
    assert result.exit_code == 0, result.output
    assert any("Shoesmith" in e["title"] for e in chron["events"])

    write("Shoesmith was sacked on 8 December by the council, it emerged.")
    monkeypatch.setattr(chronology.events, "extract_events",
                        raise_for(chronology.events.extract_events, lambda doc: "emerged" in doc.text))
    result, chron = build(src, out)
    assert result.exit_code == 0, result.output
    assert len(failed_warnings(chron)) == 1
    assert not any("Shoesmith" in e["title"] for e in chron["events"]), chron["events"]


def exit_for(original, when, parent):
    """`original`, except that the worker process running it dies on the documents `when` picks
    (a crash in native code, the OOM killer): never in the test's own process."""

    def stage(doc, *args, **kwargs):
        if when(doc) and os.getpid() != parent:
            os._exit(9)
        return original(doc, *args, **kwargs)

    return stage


def test_process_pool_a_document_killing_its_worker_is_a_warning(corpus, tmp_path, monkeypatch):
    """A worker that dies loses only its document: the pool is started again, the chunk run an item
    at a time, and the document that kills its worker a second time is a "failed" warning."""
    import multiprocessing

    import chronology.events

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the replaced stage reaches pool workers only when they are forked")
    monkeypatch.setattr(chronology.events, "extract_events", exit_for(chronology.events.extract_events, is_victim, os.getpid()))
    result, chron = build(corpus, tmp_path / "out", "--workers", "2")
    assert result.exit_code == 0, result.output
    path = f"{corpus}/{VICTIM}"
    [warning] = failed_warnings(chron)
    assert warning["path"] == path
    assert warning["message"] == f"{path}: analysis failed, document left out: the worker process running it died (killed for memory?)"
    built = sorted(d["path"].removeprefix(f"{corpus}/") for d in chron["documents"])
    assert built == sorted(p.name for p in (SEEDS / "babyp").iterdir() if p.name != VICTIM)
    assert chron["events"] and chron["counts"]["skipped"] == 1

