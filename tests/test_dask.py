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
    assert result.exit_code == 0, result.output
    assert "(11 analysed" in result.output
    assert (tmp_path / "dask" / "timeline.json").read_bytes() == (tmp_path / "local" / "timeline.json").read_bytes()


def test_scheduler_without_dask_engine_is_an_error(tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS / "babyp"), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1
    assert "Error: --scheduler needs --engine dask" in result.output
