"""End to end: seeds in, timeline.json and the other exports out, through the CLI."""

from __future__ import annotations

import json
import os
import shutil

import jsonschema
import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.model import Chronology
from tests.conftest import SEEDS

runner = CliRunner()

SEED_000 = "000_653b9ce953ff35b3.txt"
SEED_001 = "001_3557cd25638f113c.txt"


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    """The two seed articles and their manifest, built once for this module."""
    src = tmp_path_factory.mktemp("seeds")
    for name in (SEED_000, SEED_001, "manifest.csv"):
        shutil.copy(SEEDS / name, src / name)
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return out, json.loads((out / "timeline.json").read_text()), result


def _events_on(chron, value):
    return [e for e in chron["events"] if e["date"]["value"] == value]


def test_seed_timeline_validates_against_the_schema(seed_build):
    _, chron, _ = seed_build
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.validate(chron, schema)
    assert chron["schema_version"] == "1.0"


def test_seed_publication_dates_and_where_they_came_from(seed_build):
    _, chron, _ = seed_build
    docs = {d["path"].split("/")[-1]: d for d in chron["documents"]}
    assert docs[SEED_000]["published"] == "2009-03-06"
    assert docs[SEED_000]["published_from"] == "manifest"
    assert docs[SEED_001]["published"] == "2009-10-23"
    assert docs[SEED_001]["published_from"] == "byline"


@pytest.mark.parametrize(
    "value, words, sentence_has",
    [
        ("2005", ("reform",), "reforms introduced in 2005"),
        ("2008-12", ("shoesmith", "removed"), "removed from office in December"),
        ("2009-02", ("guardian",), "told the Guardian last month"),
        ("2009-03-05", ("audit commission",), "The Audit Commission revealed yesterday"),
        ("2009-03-06", ("balls",), "Ed Balls said today"),
        ("2009-10-23", ("balls",), "barking up the wrong tree"),
    ],
)
def test_seed_events_have_the_right_date_and_sentence(seed_build, value, words, sentence_has):
    _, chron, _ = seed_build
    candidates = [
        e for e in _events_on(chron, value)
        if any(sentence_has in m["sentence"] for m in e["mentions"])
    ]
    assert candidates, f"no event dated {value} from a sentence with {sentence_has!r}"
    event = candidates[0]
    text = (event["title"] + " " + " ".join(event["actors"])).lower()
    assert all(w in text for w in words), event["title"]
    assert len(event["title"].split()) <= 12


def test_byline_sets_and_furniture_are_not_events(seed_build):
    _, chron, _ = seed_build
    sentences = [m["sentence"] for e in chron["events"] for m in e["mentions"]]
    assert not any("October 23, 2009 in Workforce" in s for s in sentences)
    assert not any("Comments are closed" in s or "Podcast" in s for s in sentences)
    exprs = [m["expression"]["text"] for e in chron["events"] for m in e["mentions"]]
    assert "every day" not in exprs and "80%" not in exprs


def test_all_exports_are_written(seed_build):
    out, _, result = seed_build
    names = {p.name for p in out.iterdir()}
    assert {"timeline.json", "timeline.html", "timelinejs.json", "timeline.csv", "timeml", "chronology.db"} <= names
    assert len(list((out / "timeml").glob("*.tml"))) == 2
    assert "Wrote" in result.output


def test_second_build_reprocesses_nothing_and_is_byte_identical(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SEEDS / "babyp", src)
    out = tmp_path / "out"
    first = runner.invoke(app, ["build", str(src), "--out", str(out), "--workers", "1"])
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".db" and "db-" not in p.name}
    second = runner.invoke(app, ["build", str(src), "--out", str(out), "--workers", "1"])
    assert second.exit_code == 0, second.output
    assert "(0 analysed, 11 unchanged)" in second.output
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".db" and "db-" not in p.name}
    assert before == after
    third = runner.invoke(app, ["build", str(src), "--out", str(out), "--workers", "1", "--rebuild"])
    assert "(11 analysed, 0 unchanged)" in third.output


def test_a_changed_document_is_the_only_one_reanalysed(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SEEDS / "babyp", src)
    out = tmp_path / "out"
    runner.invoke(app, ["build", str(src), "--out", str(out), "--format", "json"])
    page = src / "03-shoesmith-removed.md"
    page.write_text(page.read_text() + "\nThe council apologised on Friday.\n")
    again = runner.invoke(app, ["build", str(src), "--out", str(out), "--format", "json"])
    assert "(1 analysed, 10 unchanged)" in again.output


def test_json_written_by_build_parses_as_the_model(seed_build):
    out, _, _ = seed_build
    Chronology.model_validate_json((out / "timeline.json").read_text())


def test_no_documents_is_one_clear_line_and_exit_1(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.pdfx").write_text("nothing")
    result = runner.invoke(app, ["build", str(tmp_path / "notes"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: no documents found under")
    assert len(result.output.strip().splitlines()) == 1


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["build", "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["build", "a", "b", "--published", "2009-03-06"]).exit_code == 2
    assert runner.invoke(app, ["tag", "-", "--published", "06/03/2009"], input="x").exit_code == 2


@pytest.mark.parametrize("command", ["build", "tag", "schema", "eval"])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command != "eval":
        assert "Example" in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("chronology ")


# --- Scale: the warm path, streaming through the engine, merge blocking (issue 6) ---


def test_unchanged_corpus_is_answered_without_reading_it(tmp_path, monkeypatch):
    """A warm run of an unchanged corpus hashes the files and reuses the stored chronology:
    no document is parsed, and the outputs are the same bytes."""
    import chronology.ingest
    from chronology.build import run_build

    src = tmp_path / "src"
    shutil.copytree(SEEDS / "babyp", src)
    out = tmp_path / "out"
    first = run_build([str(src)], out, formats=["json", "csv"], workers=1)
    first_chronology = first.chronology  # its events are read from the store now, before the warm run
    before = {n: (out / n).read_bytes() for n in ("timeline.json", "timeline.csv")}

    def no_reading(*args, **kwargs):
        raise AssertionError("an unchanged corpus was read again")

    monkeypatch.setattr(chronology.ingest, "iter_inputs", no_reading)
    (out / "timeline.csv").unlink()  # a missing output is written again from the stored chronology
    again = run_build([str(src)], out, formats=["json", "csv"], workers=1)
    assert (again.analysed, again.reused) == (0, 11)
    assert {n: (out / n).read_bytes() for n in ("timeline.json", "timeline.csv")} == before
    assert again.chronology == first_chronology


def test_corpus_fingerprint_changes_with_any_input_byte_manifest_or_option(tmp_path):
    from chronology.pipeline import PIPELINE_VERSION
    from chronology.store.fingerprint import corpus_fingerprint

    src = tmp_path / "src"
    shutil.copytree(SEEDS, src, ignore=shutil.ignore_patterns("babyp"))
    def fp(**kw):
        return corpus_fingerprint([str(src)], pipeline_version=kw.pop("version", PIPELINE_VERSION), **kw)

    base = fp()
    assert fp() == base
    assert fp(title="Other") != base
    assert fp(version="0+other") != base
    manifest = src / "manifest.csv"
    manifest.write_text(manifest.read_text() + "\n")
    assert fp() != base
    touched = fp()
    page = src / SEED_000
    page.write_bytes(page.read_bytes().replace(b"e", b"E", 1))
    assert fp() != touched
    assert corpus_fingerprint(["-"], pipeline_version=PIPELINE_VERSION) is None  # stdin reads once


def _slow_identity(x):
    return x


def test_local_engine_pulls_documents_only_as_results_are_taken():
    """The pool sees a bounded window of chunks: input is consumed lazily, results come in order."""
    from chronology.engine import CHUNK, WINDOW, LocalEngine

    pulled = 0

    def source():
        nonlocal pulled
        for i in range(2000):
            pulled += 1
            yield i

    engine = LocalEngine(workers=2)
    try:
        results = engine.map(_slow_identity, source())
        first = [next(results) for _ in range(3)]
        assert first == [0, 1, 2]
        assert pulled <= (2 * WINDOW + 1) * CHUNK + 8, pulled
        assert first + list(results) == list(range(2000))
    finally:
        engine.close()


def test_merge_scores_only_pairs_that_share_an_act_and_a_date():
    """Blocking by shared act word gives the same pairs that can score above zero as the date
    sweep alone, but far fewer candidates when one period holds many unrelated mentions."""
    import datetime as dt

    from chronology.merge.cluster import (
        Profile,
        candidate_pairs,
        shared_act_pairs,
        similarity,
    )

    day = dt.date(2009, 3, 5)
    acts = ["sack", "appoint", "publish", "resign", "review", "apologis", "suspend", "remove"]
    profiles = []
    for i in range(400):
        span = (day, day) if i % 3 else (dt.date(2009, 1, 1), dt.date(2009, 12, 31))
        act = acts[i % len(acts)]
        words = frozenset({act, f"noun{i % 7}", f"name{i % 11}"})
        profiles.append(Profile(words=words, event_words=frozenset({act}), acts=frozenset({act}),
                                actors=frozenset(), document=f"doc{i}", span=span))
    swept = set(candidate_pairs([p.span for p in profiles]))
    blocked = list(shared_act_pairs(profiles))
    assert len(blocked) == len(set(blocked))
    assert set(blocked) == {(i, j) for i, j in swept if similarity(profiles[i], profiles[j]) > 0}
    assert len(blocked) * 6 < len(swept)


def test_streamed_json_export_is_exactly_the_models_json(seed_build):
    from chronology.export import iter_json

    out, _, _ = seed_build
    text = (out / "timeline.json").read_text(encoding="utf-8")
    chron = Chronology.model_validate_json(text)
    assert chron.events and text == chron.model_dump_json(indent=1) + "\n"
    assert "".join(iter_json(chron)) == text
    empty = chron.model_copy(update={"events": []})
    assert "".join(iter_json(empty)) == empty.model_dump_json(indent=1) + "\n"


def test_syndicated_copies_cost_no_more_comparisons(seed_build):
    """The same mentions told by k papers are compared once per pair of distinct tellings,
    and every copy still joins its event."""
    from chronology.merge import ClusterStats, merge_events
    from chronology.model import DocumentInfo, EventMention

    _, chron, _ = seed_build
    mentions = [EventMention.model_validate(m) for e in chron["events"] for m in e["mentions"]]
    docs = {d["id"]: DocumentInfo.model_validate(d) for d in chron["documents"]}

    def copies(k):
        ms = [m.model_copy(update={"id": f"{m.id}.{c}", "document": f"{m.document}.{c}"}) for c in range(k) for m in mentions]
        ds = {f"{i}.{c}": d.model_copy(update={"id": f"{i}.{c}"}) for c in range(k) for i, d in docs.items()}
        stats = ClusterStats()
        events, _ = merge_events(ms, ds, stats)
        return stats, events

    one, events_one = copies(1)
    four, events_four = copies(4)
    assert four.candidates <= one.candidates + len(mentions)
    assert len(events_four) == len(events_one)
    assert all(len(e.mentions) == 4 * len(o.mentions) for e, o in zip(events_four, events_one))


def _dies_on_13(x):
    if x == 13:
        os._exit(3)  # a worker killed mid-task: no exception, the process is gone
    return x * 2


def test_local_engine_survives_a_worker_that_dies():
    """Only the item that kills its worker twice is lost; every other result comes in order."""
    from chronology.engine import LocalEngine
    from chronology.errors import ChronologyError

    engine = LocalEngine(workers=2)
    try:
        results = list(engine.map(_dies_on_13, range(100), on_crash=lambda x: ("lost", x)))
        assert results == [("lost", 13) if x == 13 else x * 2 for x in range(100)]
        assert engine.restarts >= 2  # at least the chunk's death, then the item's alone
        with pytest.raises(ChronologyError, match="worker process died"):
            list(engine.map(_dies_on_13, range(100)))
    finally:
        engine.close()


def test_pool_workers_end_when_a_build_is_killed(tmp_path):
    """A build killed with SIGKILL (the user's kill -9, the OOM killer) leaves no worker behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    psutil = pytest.importorskip("psutil")
    src = tmp_path / "src"
    src.mkdir()
    page = (SEEDS / "babyp" / "03-shoesmith-removed.md").read_text(encoding="utf-8")
    for i in range(400):  # enough that the pool is still busy when the build is killed
        (src / f"a{i:03}.md").write_text(page.replace("Shoesmith", f"Shoesmith{i}"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SEEDS.parent)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "chronology", "build", str(src), "--out", str(tmp_path / "out"), "--workers", "2", "-q"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(proc.pid)
    workers: list = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = parent.children()
        time.sleep(0.1)
    assert len(workers) == 2, "the build finished or stalled before its pool started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    _, alive = psutil.wait_procs(workers, timeout=30)
    for p in alive:
        p.kill()
    assert not alive, f"{len(alive)} worker(s) outlived the killed build"


def test_a_new_timeline_voids_the_stored_corpus_record():
    from chronology.store import Store

    with Store(":memory:", "v1") as store:
        store.save_corpus("abc", Chronology(title="t").model_dump_json())
        assert store.corpus_summary("abc") is not None
        assert store.corpus_summary("other") is None
        store.save_timeline([])  # what a build of another corpus does before recording its own
        assert store.corpus_summary("abc") is None


def test_a_noun_after_to_before_a_dated_participle_does_not_crash_the_build():
    """'objected to reforms introduced in 2005' (found in TE3-Silver) once raised IndexError,
    which ended a whole build."""
    import datetime as dt

    from chronology.model import Document
    from chronology.pipeline import analyse

    doc = Document(id="x", text="He objected to reforms introduced in 2005.", published=dt.date(2009, 3, 6))
    result = analyse(doc)
    assert [m.value for m in result.mentions] == ["2005"]


def test_a_report_reads_its_own_timeline_or_says_it_was_replaced(tmp_path):
    """A build's report reads its events from the store when asked; if another build has saved
    its timeline there since, it says so rather than hand over the other build's events."""
    from chronology.build import run_build
    from chronology.errors import ChronologyError

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS / "babyp" / "03-shoesmith-removed.md", src)
    out = tmp_path / "out"
    first = run_build([str(src)], out, formats=["json"], workers=1)
    events = json.loads((out / "timeline.json").read_text())["events"]
    assert [e.id for e in first.chronology.events] == [e["id"] for e in events]
    later = run_build([str(src)], out, formats=["json"], workers=1, rebuild=True)
    assert later.chronology.events == first.chronology.events  # read before: kept
    stale = run_build([str(src)], out, formats=["json"], workers=1, rebuild=True)
    run_build([str(src)], out, formats=["json"], workers=1, rebuild=True)
    with pytest.raises(ChronologyError, match="replaced by another build"):
        _ = stale.chronology


def test_date_range_is_shown_at_the_precision_of_its_first_and_last_events(tmp_path):
    """The Baby P corpus runs from Victoria Climbié's death "in 2000" to 23 October 2009: the
    summary line, the JSON and the page say "2000", never 1 January 2000."""
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--format", "json", "--format", "html"])
    assert result.exit_code == 0, result.output
    chron = json.loads((out / "timeline.json").read_text())
    assert (chron["date_range"]["start"], chron["date_range_display"]) == ("2000-01-01", "2000 – 23 October 2009")
    assert "events, 2000 – 23 October 2009." in result.stderr
    assert "2000 – 23 October 2009" in (out / "timeline.html").read_text()
