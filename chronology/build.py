"""The `build` job end to end: ingest, pipeline, exports and a printed summary.

The CLI calls `run_build`; so can any program. Printing goes through the `echo`/`warn` callables
so that the library never writes to the terminal by itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from chronology.engine import make_engine
from chronology.errors import InputError
from chronology.export import FORMATS, StoredEvents, write_exports
from chronology.fsutil import remove_stale_temporaries
from chronology.model import Chronology
from chronology.pipeline import (
    PIPELINE_VERSION,
    SKIPPED_KINDS,
    BuildReport,
    build,
    stored_events,
)
from chronology.store import Store
from chronology.store.fingerprint import corpus_fingerprint


def run_build(
    paths: list[str],
    out: Path,
    *,
    formats: Sequence[str] = FORMATS,
    published: dt.date | None = None,
    title: str = "Chronology",
    db: Path | None = None,
    rebuild: bool = False,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    plotlyjs: str = "inline",
    ship_documents: bool = False,
    narrative: bool = False,
    echo: Callable[[str], None] = lambda s: None,
    warn: Callable[[str], None] = lambda s: None,
) -> BuildReport:
    """Build (or, for an unchanged corpus, recall) the chronology of `paths` and write `formats`.

    The returned report's chronology is complete either way; on a warm run it is read from the
    store only when the caller asks for it (or an output has to be written again).
    """
    out = Path(out)
    formats = list(formats)
    remove_stale_temporaries(out)
    db = db or out / "chronology.db"
    # Taken before anything is read: a corpus whose bytes (and options) hash as last time is
    # answered from the store, with no parsing, analysis, merging or worker start-up.
    # Documents that do not say how their dates are read are read as news, or as narratives.
    genre = "narrative" if narrative else None
    fingerprint = corpus_fingerprint(paths, pipeline_version=PIPELINE_VERSION, published=published,
                                     title=title + (";narrative" if narrative else ""))
    with Store(db, PIPELINE_VERSION) as store:
        stored = None if rebuild or fingerprint is None else store.corpus_summary(fingerprint)
        if stored is not None:
            summary = Chronology.model_validate_json(stored[0])
            report = _stored_report(summary, store)
            recorded = stored[1]
        else:
            from chronology.ingest import (
                iter_inputs,  # not needed (nor imported) on a warm run
            )

            inputs = iter_inputs(paths, published=published, stdin=sys.stdin, genre=genre)
            runner = make_engine(engine, workers=workers, scheduler=scheduler, ship_documents=ship_documents)
            try:
                with _progress(echo) as advance:
                    report = build(inputs, store, title=title, rebuild=rebuild, engine=runner, on_progress=advance)
            finally:
                runner.close()
            if hasattr(runner, "read_by_workers"):
                echo(f"Dask: {runner.read_by_workers} document(s) read by the workers from their paths, "
                     f"{runner.shipped} shipped with their text")
            summary = report.summary
            recorded = {}
            if fingerprint is not None and summary.documents:
                store.save_corpus(fingerprint, summary.model_dump_json())
        if not summary.counts.documents:
            reasons = "; ".join(w.message for w in report.skipped[:3])
            raise InputError(f"no document could be read from {' '.join(paths)}" + (f" ({reasons})" if reasons else ""))
        options = f"title={title};plotlyjs={plotlyjs}"
        current = {f: recorded[f]["path"] for f in formats if _is_current(recorded.get(f), out, f, options)}
        stale = [f for f in formats if f not in current]
        written = dict(current)
        if stale:
            written.update(_write(summary, out, stale, store, plotlyjs))
        if fingerprint is not None and stale:
            outputs = {**recorded, **{f: {"path": str(written[f]), "options": options, "digest": _digest(written[f])} for f in stale}}
            store.save_outputs(fingerprint, outputs)
    for w in summary.warnings:
        warn(f"warning: {w.message}")
    _summary(report, summary, {f: Path(written[f]) for f in formats}, echo)
    return report


def _stored_report(summary: Chronology, store: Store) -> BuildReport:
    """The report of a build whose corpus is unchanged: every document reused, nothing analysed.

    The summary (the chronology but its events) is at hand; the events are read from the store's
    timeline on first access only, since a warm run whose outputs are all current never needs them.
    """
    report = BuildReport(summary, stored_events(store))
    report.reused = summary.counts.documents
    report.skipped = [w for w in summary.warnings if w.kind in SKIPPED_KINDS]
    return report


def _digest(path: Path) -> str:
    """sha256 of a written file, or of a folder's files (names and bytes, in name order)."""
    digest = hashlib.sha256()
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for f in files:
        digest.update(f.relative_to(path).as_posix().encode() if path.is_dir() else b"")
        with f.open("rb") as fh:  # in blocks: an output can be far larger than the memory a build needs
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _is_current(record: dict | None, out: Path, fmt: str, options: str) -> bool:
    """Whether the output a previous build of this same corpus wrote is still there, untouched."""
    if record is None or record.get("options") != options:
        return False
    path = Path(record["path"])
    if path.parent != out:  # the same corpus written to another folder last time
        return False
    return path.exists() and _digest(path) == record.get("digest")


def _write(summary: Chronology, out: Path, formats, store: Store, plotlyjs: str) -> dict[str, Path]:
    """Every output streamed from the store's timeline: the events are never all in memory."""
    ids = [d.id for d in summary.documents]
    return write_exports(
        summary,
        out,
        formats,
        timeml_documents=store.iter_documents(ids) if "timeml" in formats else (),
        plotlyjs=plotlyjs,
        events=StoredEvents(store),
    )


class _progress:
    """A rich progress bar on stderr once a build has many documents; nothing for a handful."""

    THRESHOLD = 20

    def __init__(self, echo):
        self.enabled = echo is not None and sys.stderr.isatty()
        self.count = 0
        self.bar = None

    def __enter__(self):
        def advance(n: int) -> None:
            self.count += n
            if not self.enabled:
                return
            if self.bar is None and self.count >= self.THRESHOLD:
                from rich.progress import Progress

                self.bar = Progress(transient=True)
                self.bar.start()
                self.task = self.bar.add_task("documents", total=None)
            if self.bar is not None:
                self.bar.update(self.task, completed=self.count)

        return advance

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


def inference_line(info) -> str:
    """One summary line per inference: the document, its window, how much evidence."""
    window = info.published_window
    span = f"{window.earliest}..{window.latest or 'open'}"
    pieces = f"{len(window.evidence)} piece(s) of evidence" + (
        f", {len(window.conflicts)} conflict(s)" if window.conflicts else "")
    if info.published is not None:
        return (f"inferred {info.published} for {info.path or info.id}: window {span}, {pieces}, "
                f"confidence {window.confidence}")
    return f"no date inferred for {info.path or info.id}: the evidence allows {span} only, {pieces}"


def _summary(report: BuildReport, c: Chronology, written: dict[str, Path], echo) -> None:
    n = c.counts
    echo(
        f"Read {n.documents} document(s) ({report.analysed} analysed, {report.reused} unchanged), "
        f"skipped {n.skipped}; {n.mentions} temporal expressions; {n.events} events"
        + (f", {c.date_range_display}" if c.date_range_display
           else f" from {c.date_range.start} to {c.date_range.end}" if c.date_range else "")
        + "."
    )
    for w in report.skipped:
        echo(f"  skipped {w.message}")
    for info in c.documents:  # from the chronology itself, so a warm run reports them too
        if info.published_window is not None:
            echo("  " + inference_line(info))
    if n.undated_documents:
        echo(f"  {n.undated_documents} document(s) without a publication date")
    if n.unanchored_mentions:
        echo(f"  {n.unanchored_mentions} expression(s) could not be anchored")
    for fmt, path in written.items():
        echo(f"Wrote {path}" + ("/" if fmt == "timeml" else ""))
