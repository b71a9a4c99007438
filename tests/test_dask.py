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
    from dask.distributed import LocalCluster

    src = tmp_path / "corpus"
    shutil.copytree(SEEDS / "babyp", src)
    local = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "local"), "--format", "json", "--workers", "2"])
    assert local.exit_code == 0, local.output
    # A cluster of worker processes reached over TCP, as a user's own cluster would be.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = runner.invoke(
            app,
            ["build", str(src), "--out", str(tmp_path / "dask"), "--format", "json",
             "--engine", "dask", "--scheduler", cluster.scheduler_address],
        )
        # The documents were analysed as tasks on the cluster, not in this process.
        ran = cluster.scheduler.task_prefixes.get("apply_chunk")
        assert ran is not None and ran.all_durations.get("compute", 0) > 0
    assert result.exit_code == 0, result.output
    assert "(11 analysed" in result.output
    assert (tmp_path / "dask" / "timeline.json").read_bytes() == (tmp_path / "local" / "timeline.json").read_bytes()


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
