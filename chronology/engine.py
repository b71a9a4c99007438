"""Where the per-document stages run: this process, a local process pool, or a Dask cluster.

Every engine maps the pure `pipeline.analyse` over a stream of documents and yields the results
in input order, so the chronology does not depend on the engine that made it. Documents are
pulled from the input only as results come back (a bounded window of chunks in flight), so
neither all documents nor all results are ever held at once.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from chronology.errors import ChronologyError
from chronology.model import Document

# Below this many documents a process pool costs more to start than it saves.
_POOL_THRESHOLD = 8
# Documents go to a worker this many at a time: one pickling round trip per chunk, not per
# document, yet small enough that the last chunks do not leave a worker idle for long.
CHUNK = 8
# Chunks in flight per worker: enough that a worker never waits for the next one, few enough
# that only WINDOW * CHUNK documents (texts and results) are in memory at once.
WINDOW = 4


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def apply_chunk(fn: Callable, items: list) -> list:
    """What a worker runs: `fn` over one chunk, results in order."""
    return [fn(item) for item in items]


def stream(submit: Callable[[list], Any], result: Callable[[Any], list], items: Iterable, window: int) -> Iterator:
    """Results of the chunks of `items`, in input order, with at most `window` chunks submitted
    and not yet consumed: the input is pulled only as results are taken, so memory stays flat
    however long the input is."""
    source = iter(items)
    pending: deque = deque()

    def top_up() -> None:
        while len(pending) < window:
            chunk = list(islice(source, CHUNK))
            if not chunk:
                return
            pending.append(submit(chunk))

    top_up()
    while pending:
        done = result(pending.popleft())
        top_up()  # before yielding, so workers keep busy while the caller handles `done`
        yield from done


def _exit_with_parent(parent: int) -> None:
    """Pool worker initializer: end this worker when the build that started it is gone.

    A worker blocks reading its task queue, whose pipe it holds open itself, so a build killed
    with SIGKILL would otherwise leave its workers asleep for ever.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class LocalEngine:
    """This machine: inline for small inputs, a process pool (started once, reused) otherwise."""

    name = "local"

    def __init__(self, workers: int | None = None):
        self.workers = workers or default_workers()
        self._pool: ProcessPoolExecutor | None = None
        self.restarts = 0  # pools started again after a worker died

    def map(self, fn: Callable, items: Iterable, on_crash: Callable[[Any], Any] | None = None) -> Iterator:
        """`fn` over `items` (any iterable, consumed lazily), results in input order.

        A worker process that dies (killed for memory, a crash in native code) loses only the item
        it was running: the pool is started again, the chunks in flight are sent again, and the
        chunk it died on is run an item at a time, so that only an item that kills its worker
        twice is given up, as `on_crash(item)` in its place (or a ChronologyError without it).
        """
        source = iter(items)
        if self.workers <= 1:
            return map(fn, source)
        head = list(islice(source, _POOL_THRESHOLD))
        if len(head) < _POOL_THRESHOLD:
            return map(fn, head)
        return self._pooled(fn, chain(head, source), on_crash)

    def _pool_now(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, initializer=_exit_with_parent, initargs=(os.getpid(),)
            )
        return self._pool

    def _restart(self) -> None:
        """Drop a pool a dead worker has broken; the next submit starts a fresh one."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self.restarts += 1

    def _pooled(self, fn: Callable, items: Iterator, on_crash: Callable[[Any], Any] | None) -> Iterator:
        # A handle is [chunk, future, pool generation]. Every future of a pool fails with it,
        # whichever worker died: the chunk it surfaces on is run an item at a time, and a chunk
        # submitted to a pool since dropped is sent again to the fresh one when its turn comes (those
        # few run one after another: a dead worker is rare).
        def submit(chunk: list) -> list:
            return [chunk, self._pool_now().submit(apply_chunk, fn, chunk), self.restarts]

        def result(handle: list) -> list:
            chunk, future, generation = handle
            if generation != self.restarts:
                future = self._pool_now().submit(apply_chunk, fn, chunk)
            try:
                return future.result()
            except BrokenProcessPool:
                self._restart()
                return [self._one(fn, item, on_crash) for item in chunk]

        return stream(submit, result, items, self.workers * WINDOW)

    def _one(self, fn: Callable, item: Any, on_crash: Callable[[Any], Any] | None) -> Any:
        try:
            return self._pool_now().submit(apply_chunk, fn, [item]).result()[0]
        except BrokenProcessPool:
            self._restart()
            if on_crash is None:
                raise ChronologyError("a worker process died while analysing a document (killed for memory?)") from None
            return on_crash(item)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


@dataclass(frozen=True)
class DocumentRef:
    """A document sent to a worker by path: all of it but its text, which the worker reads from
    the file itself, and a hash of that text to check the worker read the same."""

    document: Document  # text emptied
    path: str  # absolute, as the client sees it
    text_hash: str


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_ref(item: Any) -> DocumentRef | None:
    """A reference for a document read from a file the client can see, else None (standard input,
    a record of a .json/.jsonl file, anything that is not a Document): those are shipped."""
    if not isinstance(item, Document) or not item.text or not item.path or not os.path.isfile(item.path):
        return None
    return DocumentRef(item.model_copy(update={"text": ""}), os.path.abspath(item.path), _text_hash(item.text))


def read_on_worker(ref: DocumentRef) -> Document | None:
    """The document `ref` names, its text read from the file here; None when this machine cannot
    read the path or reads another text there (the file changed, or another file has its name)."""
    from chronology.ingest import iter_inputs

    try:
        found = [d for d in iter_inputs([ref.path]) if isinstance(d, Document)]
    except (ChronologyError, OSError):
        return None
    if len(found) != 1 or _text_hash(found[0].text) != ref.text_hash:
        return None
    return ref.document.model_copy(update={"text": found[0].text})


def apply_refs(fn: Callable, items: list) -> list:
    """What a worker runs for a chunk sent by path: each document read here, then `fn`; None for
    one it could not read. A result's copy of the text (the `text` of the pipeline's
    CachedDocument) is dropped: the client, which read the file, puts it back."""
    out = []
    for item in items:
        doc = read_on_worker(item) if isinstance(item, DocumentRef) else item
        if doc is None:
            out.append(None)
            continue
        result = fn(doc)
        if isinstance(item, DocumentRef) and getattr(result, "text", None) == doc.text:
            result.text = ""
        out.append(result)
    return out


class DaskEngine:
    """A dask.distributed cluster: the one at `scheduler`, or a LocalCluster started here.

    Documents read from files go to the workers by path (`DocumentRef`): a worker reads the file
    itself where the input paths are shared (the same absolute path on every machine), so no text
    crosses the network either way. A document a worker cannot read there is shipped with its
    text instead; once a whole chunk has had to be shipped, the rest of the build ships every
    document (the paths are evidently not shared). `ship=True` ships from the start.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None, *, ship: bool = False):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ChronologyError(
                "--engine dask needs the dask extra: pip install 'chronology[dask]'"
            ) from None
        self._cluster = None
        self.ship = ship
        self.read_by_workers = 0  # documents the workers read from their paths
        self.shipped = 0  # documents sent with their text
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

    def map(self, fn: Callable, items: Iterable, on_crash: Callable[[Any], Any] | None = None) -> Iterator:
        """`fn` over `items` as tasks on the cluster, chunk by chunk, results in input order.

        Dask runs a task again when its worker dies; a chunk it gives up on (KilledWorker) is run
        an item at a time, and only an item that is given up on alone is lost, as `on_crash(item)`
        in its place (or a ChronologyError without it)."""
        from distributed import KilledWorker

        client = self.client
        workers = max(1, sum(client.nthreads().values()))

        def one(item):
            try:
                return client.submit(apply_chunk, fn, [item], pure=False).result()[0]
            except KilledWorker:
                if on_crash is None:
                    raise ChronologyError("Dask workers kept dying while analysing a document (killed for memory?)") from None
                return on_crash(item)

        def submit(chunk: list):
            refs = None if self.ship else [document_ref(item) for item in chunk]
            if refs is None or not any(refs):
                self.shipped += len(chunk)
                return client.submit(apply_chunk, fn, chunk, pure=False), chunk, None
            sent = [ref or item for ref, item in zip(refs, chunk)]
            return client.submit(apply_refs, fn, sent, pure=False), chunk, refs

        def result(handle) -> list:
            future, chunk, refs = handle
            try:
                out = future.result()
            except KilledWorker:
                self.shipped += len(chunk)
                return [one(item) for item in chunk]
            if refs is None:
                return out
            by_path = [k for k, ref in enumerate(refs) if ref is not None]
            missed = [k for k in by_path if out[k] is None]
            if missed:
                if len(missed) == len(by_path):
                    self.ship = True
                shipped = client.submit(apply_chunk, fn, [chunk[k] for k in missed], pure=False).result()
                for k, r in zip(missed, shipped):
                    out[k] = r
            read = [k for k in by_path if k not in missed]
            for k in read:
                if getattr(out[k], "text", None) == "":
                    out[k].text = chunk[k].text
            self.read_by_workers += len(read)
            self.shipped += len(chunk) - len(read)
            return out

        return stream(submit, result, items, workers * WINDOW)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str = "local", *, workers: int | None = None, scheduler: str | None = None,
                ship_documents: bool = False):
    if name == "local":
        if scheduler:
            raise ChronologyError("--scheduler needs --engine dask")
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(scheduler, workers, ship=ship_documents)
    raise ChronologyError(f"unknown engine {name!r} (choose local or dask)")
