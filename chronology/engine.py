"""Where the per-document stages run: this process, a local process pool, or a Dask cluster.

Every engine maps the pure `pipeline.analyse` over a batch of documents and yields the results
in input order, so the chronology does not depend on the engine that made it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from chronology.errors import ChronologyError

# Below this many documents a process pool costs more to start than it saves.
_POOL_THRESHOLD = 8


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class LocalEngine:
    """This machine: inline for small batches, a process pool (started once, reused) otherwise."""

    name = "local"

    def __init__(self, workers: int | None = None):
        self.workers = workers or default_workers()
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable, items: Sequence) -> Iterator:
        if self.workers <= 1 or len(items) < _POOL_THRESHOLD:
            return map(fn, items)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        chunksize = max(1, min(32, len(items) // (self.workers * 4)))
        return self._pool.map(fn, items, chunksize=chunksize)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class DaskEngine:
    """A dask.distributed cluster: the one at `scheduler`, or a LocalCluster started here.

    Documents are shipped from the client with their text, so workers need no shared paths.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ChronologyError(
                "--engine dask needs the dask extra: pip install 'chronology[dask]'"
            ) from None
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(
                    n_workers=workers or default_workers(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self.client = Client(self._cluster)
        except OSError as err:
            raise ChronologyError(f"cannot reach the Dask scheduler {scheduler}: {err}") from None

    def map(self, fn: Callable, items: Sequence) -> Iterator:
        if not items:
            return iter(())
        futures = self.client.map(fn, list(items), pure=False)
        return iter(self.client.gather(futures))

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str = "local", *, workers: int | None = None, scheduler: str | None = None):
    if name == "local":
        if scheduler:
            raise ChronologyError("--scheduler needs --engine dask")
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(scheduler, workers)
    raise ChronologyError(f"unknown engine {name!r} (choose local or dask)")
