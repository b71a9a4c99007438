"""The Dask engine on a real dask.distributed LocalCluster gives the same chronology as local."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from tests.conftest import SEEDS

distributed = pytest.importorskip("dask.distributed")
runner = CliRunner()


@pytest.mark.slow
def test_dask_cluster_and_local_engine_give_identical_timeline_json(tmp_path):
    """Both ways of getting documents to the workers (read from their shared paths, or shipped
    with their text) give the local engine's timeline.json byte for byte."""
    from dask.distributed import LocalCluster

    src = tmp_path / "corpus"
    shutil.copytree(SEEDS / "babyp", src)
    local = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "local"), "--format", "json", "--workers", "2"])
    assert local.exit_code == 0, local.output
    expected = (tmp_path / "local" / "timeline.json").read_bytes()
    # A cluster of worker processes reached over TCP, as a user's own cluster would be.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        by_path = runner.invoke(
            app,
            ["build", str(src), "--out", str(tmp_path / "paths"), "--format", "json",
             "--engine", "dask", "--scheduler", cluster.scheduler_address],
        )
        # The documents were read and analysed as tasks on the cluster, not in this process.
        ran = cluster.scheduler.task_prefixes.get("apply_refs")
        assert ran is not None and ran.all_durations.get("compute", 0) > 0
        assert cluster.scheduler.task_prefixes.get("apply_chunk") is None  # nothing had to be shipped
        shipped = runner.invoke(
            app,
            ["build", str(src), "--out", str(tmp_path / "shipped"), "--format", "json",
             "--engine", "dask", "--scheduler", cluster.scheduler_address, "--send-text"],
        )
        ran = cluster.scheduler.task_prefixes.get("apply_chunk")
        assert ran is not None and ran.all_durations.get("compute", 0) > 0
    assert by_path.exit_code == 0, by_path.output
    assert "(11 analysed" in by_path.output
    assert "Dask: 11 document(s) read by the workers from their paths, 0 shipped" in by_path.output
    assert (tmp_path / "paths" / "timeline.json").read_bytes() == expected
    assert shipped.exit_code == 0, shipped.output
    assert "Dask: 0 document(s) read by the workers from their paths, 11 shipped" in shipped.output
    assert (tmp_path / "shipped" / "timeline.json").read_bytes() == expected


@pytest.mark.slow
def test_documents_a_worker_cannot_read_from_their_path_are_shipped(tmp_path):
    """A worker that reads another text at a document's path (a changed file, or a machine where
    the path names something else) does not analyse it: the client ships that document, and
    once a whole chunk has missed, ships the rest without trying."""
    from chronology.engine import CHUNK, DaskEngine
    from chronology.ingest import iter_inputs
    from chronology.model import Document
    from chronology.pipeline import analyse

    src = tmp_path / "corpus"
    shutil.copytree(SEEDS / "babyp", src)
    docs = [d for d in iter_inputs([str(src)]) if isinstance(d, Document)]
    changed = {docs[1].path, docs[5].path}
    for path in changed:  # what the workers find at these paths is not what the client read
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("\nA paragraph added after the client read the file.\n")
    expected = [analyse(d) for d in docs]
    engine = DaskEngine(workers=2)
    try:
        got = list(engine.map(analyse, docs))
        assert (engine.read_by_workers, engine.shipped, engine.ship) == (len(docs) - 2, 2, False)
        assert got == expected
        for d in docs[:CHUNK]:
            with open(d.path, "a", encoding="utf-8") as fh:
                fh.write("\nChanged again.\n")
        assert list(engine.map(analyse, docs)) == expected
        assert engine.ship  # the first chunk missed whole: the paths are taken as not shared
        engine.read_by_workers = engine.shipped = 0
        assert list(engine.map(analyse, docs)) == expected
        assert (engine.read_by_workers, engine.shipped) == (0, len(docs))
    finally:
        engine.close()


@pytest.mark.slow
def test_dask_engine_without_a_scheduler_starts_its_own_local_cluster(tmp_path):
    src = tmp_path / "corpus"
    shutil.copytree(SEEDS / "babyp", src)
    local = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "local"), "--format", "json", "--workers", "1"])
    assert local.exit_code == 0, local.output
    result = runner.invoke(
        app, ["build", str(src), "--out", str(tmp_path / "dask"), "--format", "json", "--engine", "dask", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "(11 analysed" in result.output
    assert (tmp_path / "dask" / "timeline.json").read_bytes() == (tmp_path / "local" / "timeline.json").read_bytes()


def test_unreachable_scheduler_is_one_clear_error(tmp_path):
    result = runner.invoke(
        app,
        ["build", str(SEEDS / "babyp"), "--out", str(tmp_path), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.output


def test_scheduler_without_dask_engine_is_an_error(tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS / "babyp"), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1
    assert "Error: --scheduler needs --engine dask" in result.output


def _dies_on_13(x):
    import os

    if x == 13:
        os._exit(3)  # the worker process is gone mid-task (its nanny starts another)
    return x * 2


@pytest.mark.slow
def test_dask_engine_survives_a_worker_that_dies():
    """A task Dask gives up on (KilledWorker) is run an item at a time: only the item that kills
    its worker alone is lost, every other result comes back in order."""
    import dask

    from chronology.engine import DaskEngine

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # give up at the first death
        engine = DaskEngine(workers=2)
        try:
            results = list(engine.map(_dies_on_13, range(40), on_crash=lambda x: ("lost", x)))
        finally:
            engine.close()
    assert results == [("lost", 13) if x == 13 else x * 2 for x in range(40)]

