"""The `build` job end to end: ingest, pipeline, exports and a printed summary.

The CLI calls `run_build`; so can any program. Printing goes through the `echo`/`warn` callables
so that the library never writes to the terminal by itself.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from chronology.errors import InputError
from chronology.export import FORMATS, write_exports
from chronology.fsutil import remove_stale_temporaries
from chronology.engine import make_engine
from chronology.pipeline import PIPELINE_VERSION, BuildReport, build
from chronology.store import Store


def run_build(
    paths: list[str],
    out: Path,
    *,
    formats: list[str] = list(FORMATS),
    published: dt.date | None = None,
    title: str = "Chronology",
    db: Path | None = None,
    rebuild: bool = False,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    plotlyjs: str = "inline",
    echo: Callable[[str], None] = lambda s: None,
    warn: Callable[[str], None] = lambda s: None,
) -> BuildReport:
    from chronology.ingest import iter_inputs

    out = Path(out)
    remove_stale_temporaries(out)
    db = db or out / "chronology.db"
    inputs = iter_inputs(paths, published=published, stdin=sys.stdin)
    runner = make_engine(engine, workers=workers, scheduler=scheduler)
    try:
        with Store(db, PIPELINE_VERSION) as store, _progress(echo) as advance:
            report = build(inputs, store, title=title, rebuild=rebuild, engine=runner, on_progress=advance)
            written = _write(report, paths, out, formats, store, plotlyjs)
    finally:
        runner.close()
    for w in report.chronology.warnings:
        warn(f"warning: {w.message}")
    _summary(report, written, echo)
    return report


def _write(report: BuildReport, paths, out: Path, formats, store: Store, plotlyjs: str) -> dict[str, Path]:
    chronology = report.chronology
    if not chronology.documents:
        reasons = "; ".join(w.message for w in report.skipped[:3])
        raise InputError(f"no document could be read from {' '.join(paths)}" + (f" ({reasons})" if reasons else ""))
    ids = [d.id for d in chronology.documents]
    return write_exports(
        chronology,
        out,
        formats,
        timeml_documents=store.iter_documents(ids) if "timeml" in formats else (),
        plotlyjs=plotlyjs,
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


def _summary(report: BuildReport, written: dict[str, Path], echo) -> None:
    c = report.chronology
    n = c.counts
    echo(
        f"Read {n.documents} document(s) ({report.analysed} analysed, {report.reused} unchanged), "
        f"skipped {n.skipped}; {n.mentions} temporal expressions; {n.events} events"
        + (f" from {c.date_range.start} to {c.date_range.end}" if c.date_range else "")
        + "."
    )
    for w in report.skipped:
        echo(f"  skipped {w.message}")
    for info in report.inferred:
        echo("  " + inference_line(info))
    if n.undated_documents:
        echo(f"  {n.undated_documents} document(s) without a publication date")
    if n.unanchored_mentions:
        echo(f"  {n.unanchored_mentions} expression(s) could not be anchored")
    for fmt, path in written.items():
        echo(f"Wrote {path}" + ("/" if fmt == "timeml" else ""))
