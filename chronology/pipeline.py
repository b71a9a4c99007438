"""The build: documents in, a Chronology out, every per-document stage cached in the store.

    paths ─ingest─▶ Document ─analyse (tag + events, per document, in parallel)─▶ store
                                                                    │
                      undated documents: infer a date from the rest ┤ (chronology.infer)
                                                                    │
                              Chronology ◀─merge (whole corpus)──────┘

`analyse` is pure and picklable, so it runs the same in this process, a process pool or a Dask
worker. Only documents that are new or changed since the last build are analysed again. The build
maps `analyse_guarded`, which turns an exception raised for one document into a "failed" warning
for that document, wherever it ran, so one bad document never stops a build.

An inferred date depends on the other documents, so it is never taken from the cache on trust:
a document that came in undated is stored under the hash of its undated content, together with
the analysis made against whatever was inferred for it. Every build infers again (only for the
undated documents, against the current corpus); the stored analysis is reused only when the new
inference (date, window, evidence) is the one it was made with, and is redone otherwise.
"""

from __future__ import annotations

import hashlib
import logging
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from chronology import __version__
from chronology.model import (
    Chronology,
    Counts,
    Document,
    DocumentInfo,
    PublishedFrom,
    TimelineEvent,
    TimeMention,
    Warning_,
)
from chronology.store import CachedDocument, Store, content_hash

_PACKAGE_DIR = Path(__file__).resolve().parent
log = logging.getLogger(__name__)


def _source_fingerprint() -> str:
    """A hash of the package's code and grammar, so a changed pipeline invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".json", ".csv", ".txt", ".js", ".css", ".toml"} and path.is_file():
            digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


PIPELINE_VERSION = f"{__version__}+{_source_fingerprint()}"


def mark_creation_time(mentions: list[TimeMention], span: tuple[int, int] | None) -> None:
    """The mention the publication date was read from is the document's creation time."""
    if span is None:
        return
    for m in mentions:
        if m.start < span[1] and span[0] < m.end and m.type in ("DATE", "TIME"):
            m.function = "CREATION_TIME"


def analyse(doc: Document) -> CachedDocument:
    """The per-document stages: temporal tagging, then events. Pure: no I/O, no clock."""
    from chronology.events import extract_events
    from chronology.temporal import tag

    mentions = tag(doc.text, published=doc.published, narrative=doc.genre == "narrative")
    mark_creation_time(mentions, doc.published_span)
    if doc.published_from == PublishedFrom.INFERRED and doc.published_window is not None:
        from chronology.infer import mark_inferred

        mark_inferred(doc.text, mentions, doc.published_window)
    events = extract_events(doc, mentions)
    return CachedDocument(doc.info(), mentions, events, doc.text)


# The kind of warning a document whose analysis raised gets. Not "skipped", which says the input
# could not be read (the user fixes the file): "failed" says chronology itself broke on a readable
# document (a bug to report). Both leave the document out and count as skipped inputs (--strict).
FAILED = "failed"
SKIPPED_KINDS = ("skipped", FAILED)
_REASON_LIMIT = 200


def analyse_guarded(doc: Document) -> CachedDocument | Warning_:
    """`analyse`, or a "failed" warning naming the document and why if any stage raised.

    Run where `analyse` runs (in a pool or Dask worker too): the warning, not the exception,
    travels back, so nothing depends on an exception being picklable or on the engine's error
    handling. KeyboardInterrupt and SystemExit are not caught: they stop the build on purpose.
    """
    try:
        return analyse(doc)
    except Exception as exc:  # any bug in any stage, for this document only
        name = doc.path or doc.id
        # The whole traceback for whoever debugs it with logging on (in this process or a worker's).
        log.debug("analysis of %s failed", name, exc_info=True)
        return Warning_(
            kind=FAILED,
            path=doc.path,
            message=f"{name}: analysis failed, document left out: {failure_reason(exc)}",
        )


def worker_died(doc: Document) -> Warning_:
    """The "failed" warning of a document whose analysis killed the worker process running it,
    twice (the engine runs it again once, alone, before giving it up)."""
    name = doc.path or doc.id
    return Warning_(kind=FAILED, path=doc.path,
                    message=f"{name}: analysis failed, document left out: the worker process running it died (killed for memory?)")


def failure_reason(exc: BaseException) -> str:
    """One line: the exception's type and first message line, and the innermost line of
    chronology's own code it came through (what a bug report needs)."""
    lines = str(exc).strip().splitlines()
    reason = type(exc).__name__ + (f": {lines[0].strip()}" if lines else "")
    if len(reason) > _REASON_LIMIT:
        reason = reason[: _REASON_LIMIT - 3] + "..."
    ours = [
        frame
        for frame in traceback.extract_tb(exc.__traceback__)
        if Path(frame.filename).resolve().is_relative_to(_PACKAGE_DIR)
    ]
    if ours:
        where = Path(ours[-1].filename).resolve().relative_to(_PACKAGE_DIR.parent).as_posix()
        reason += f" (at {where}:{ours[-1].lineno})"
    return reason


class BuildReport:
    """What a build did: the chronology plus the bookkeeping the CLI prints.

    `summary` is the chronology but its events; `chronology` is the whole of it, the events read
    from the store on first access (a large build keeps them there, not in memory).
    """

    def __init__(self, summary: Chronology, events: Callable[[], list[TimelineEvent]] | None = None):
        self.summary = summary
        self._events = events
        self._full: Chronology | None = None if events is not None else summary
        self.analysed = 0
        self.reused = 0
        self.skipped: list[Warning_] = []
        # One per document that came in undated and was given a date or a window by inference.
        self.inferred: list[DocumentInfo] = []
        self.reanalysed = 0  # undated documents analysed again against a newly inferred date

    def set_events(self, events: Callable[[], list[TimelineEvent]]) -> None:
        self._events, self._full = events, None

    @property
    def chronology(self) -> Chronology:
        if self._full is None:
            self._full = self.summary.model_copy(update={"events": self._events()})
        return self._full


def stored_events(store: Store) -> Callable[[], list[TimelineEvent]]:
    """A loader of the timeline now in `store`, read from its file when asked (the store may be
    closed by then); it refuses once another build has saved a timeline there since."""
    path, version, generation = store.path, store.pipeline_version, store.timeline_generation()

    def load() -> list[TimelineEvent]:
        with Store(path, version) as again:
            if again.timeline_generation() != generation:
                from chronology.errors import ChronologyError

                raise ChronologyError(f"{path}: the timeline of this build has since been replaced by another build's")
            return [TimelineEvent.model_validate_json(data) for data in again.timeline_json()]

    return load


def _is_unanchored(m: TimeMention) -> bool:
    return not m.anchored and m.type in ("DATE", "TIME")


def _unanchored_warning(info, loose: list[TimeMention]) -> Warning_:
    """One warning per document listing the expressions that could not be anchored."""
    shown = ", ".join(f"'{m.text}'" for m in loose[:5]) + (" ..." if len(loose) > 5 else "")
    why = "the document has no publication date" if info.published is None else "no anchor in the text"
    return Warning_(
        kind="unanchored",
        path=info.path,
        message=f"{info.path or info.id}: {len(loose)} expression(s) left unanchored ({why}): {shown}",
    )


def _inferred_fields(info: DocumentInfo) -> tuple:
    return info.published, info.published_from, info.published_window


def _infer_undated(undated, infos, store: Store, engine, report: BuildReport, absorb) -> list[Warning_]:
    """The second pass: a date or window for each undated document from its text and the dated
    documents' events (read back from the store); documents whose inference changed are analysed
    again against it."""
    from chronology.infer import DatedIndex, infer_published, with_inference

    index = DatedIndex.build(store.event_mentions_of(doc_id for p, (doc_id, _) in infos.items() if p not in undated))
    warnings: list[Warning_] = []
    redo: list[tuple[int, Document, str]] = []
    before = len(infos)
    for position, (doc, digest) in sorted(undated.items()):
        inference = infer_published(doc, index)
        target = with_inference(doc, inference)
        info = target.info()
        if inference.aside:
            warnings.append(Warning_(
                kind="inference-uncorroborated", path=doc.path,
                message=f"{doc.path or doc.id}: {len(inference.aside)} matched event(s) set aside, no other evidence "
                        "agreeing: " + "; ".join(e.describe() for e in inference.aside),
            ))
        if _inferred_fields(info) != _inferred_fields(DocumentInfo.model_validate_json(infos[position][1])):
            redo.append((position, target, digest))
        if info.published_window is not None:
            report.inferred.append(info)
            warnings.extend(_inference_warnings(info))
    for (position, target, digest), result in zip(redo, engine.map(analyse_guarded, [t for _, t, _ in redo], on_crash=worker_died)):
        if isinstance(result, Warning_):  # left out: its inference is no longer one of the build's
            report.inferred = [i for i in report.inferred if i.id != target.id]
        else:
            store.save(digest, result)
            report.reanalysed += 1
        absorb(position, result, progress=False)
    if len(infos) < before:  # a re-analysis failed: its first analysis must not reach the merge either
        store.forget_except({doc_id for doc_id, _ in infos.values()})
    return warnings


def _inference_warnings(info: DocumentInfo) -> list[Warning_]:
    """Never a silent guess: every inferred date, and every disagreement behind it, is reported."""
    window = info.published_window
    name = info.path or info.id
    latest = window.latest.isoformat() if window.latest else "open"
    if info.published is not None:
        message = (f"{name}: publication date inferred as {info.published} (window {window.earliest}..{latest}, "
                   f"{len(window.evidence)} piece(s) of evidence, confidence {window.confidence})")
    else:
        message = (f"{name}: no publication date inferred; the evidence allows {window.earliest}..{latest} only "
                   f"({len(window.evidence)} piece(s) of evidence); relative dates stay unanchored")
    out = [Warning_(kind="inferred-date", path=info.path, message=message)]
    out.extend(Warning_(kind="inference-conflict", path=info.path, message=f"{name}: {c}") for c in window.conflicts)
    return out


def build(
    inputs: Iterable[Document | Warning_],
    store: Store,
    *,
    title: str = "Chronology",
    rebuild: bool = False,
    engine=None,
    batch: int = 256,
    on_progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Run every stage over `inputs` (from `chronology.ingest.iter_inputs`) and merge.

    Documents stream through in batches: only a batch's texts are in memory at once. Their
    analyses go to the store as they come back, the merge reads them from there and writes the
    timeline back (`merge.stored`); what the build holds is each document's info and counts.
    """
    from chronology.engine import LocalEngine
    from chronology.merge.stored import merge_stored

    engine = engine or LocalEngine(workers=1)
    warnings: list[Warning_] = []
    report = BuildReport(Chronology(title=title))
    # Each document's info is kept by input position, so that a warm build (cache hits absorbed
    # at once) and a cold one (results arriving per batch) list the documents in the same order;
    # its mentions and event mentions go to the store and stay there until the merge reads them.
    # Kept as (id, JSON): a fifth of the memory of the model objects, for a corpus's worth.
    infos: dict[int, tuple[str, str]] = {}
    doc_warnings: dict[int, Warning_] = {}
    unanchored: dict[int, int] = {}
    # Documents that came in without a date (the text is kept: the second pass reads them).
    undated: dict[int, tuple[Document, str]] = {}

    def absorb(position: int, result: CachedDocument | Warning_, progress: bool = True) -> None:
        if isinstance(result, Warning_):  # its analysis failed: the document is left out
            for kept in (infos, unanchored, undated):
                kept.pop(position, None)
            doc_warnings[position] = result
            report.skipped.append(result)
            if on_progress and progress:
                on_progress(1)
            return
        result.info.mentions = len(result.mentions)
        infos[position] = (result.info.id, result.info.model_dump_json())
        loose = [m for m in result.mentions if _is_unanchored(m)]
        unanchored[position] = len(loose)
        doc_warnings.pop(position, None)
        if loose:
            doc_warnings[position] = _unanchored_warning(result.info, loose)
        if on_progress and progress:
            on_progress(1)

    seen: set[str] = set()
    # (position, digest) of each document sent for analysis, in the order results come back.
    sent: deque[tuple[int, str, str]] = deque()
    failed: set[str] = set()  # ids whose analysis raised: nothing of theirs may stay in the store

    def to_analyse() -> Iterator[Document]:
        """The documents that need analysis; warnings and cache hits are absorbed on the way."""
        for position, item in enumerate(inputs):
            if isinstance(item, Warning_):
                warnings.append(item)
                if item.kind == "skipped":
                    report.skipped.append(item)
                continue
            if item.id in seen:
                warnings.append(
                    Warning_(
                        kind="duplicate",
                        path=item.path,
                        message=f"{item.path}: the same document as an earlier input; read once",
                    )
                )
                continue
            seen.add(item.id)
            digest = content_hash(item)
            if item.published is None:
                undated[position] = (item, digest)
            cached = None if rebuild else store.lookup(item.id, digest)
            if cached is not None:
                report.reused += 1
                absorb(position, cached)
                continue
            sent.append((position, digest, item.id))
            yield item

    # The engine pulls documents as it has room for them; results are written in batches of
    # `batch` documents, one transaction each.
    unsaved: list[tuple[str, CachedDocument]] = []
    for result in engine.map(analyse_guarded, to_analyse(), on_crash=worker_died):
        position, digest, doc_id = sent.popleft()
        if isinstance(result, Warning_):  # a failure is not cached: the next build tries again
            failed.add(doc_id)
            absorb(position, result)
            continue
        unsaved.append((digest, result))
        if len(unsaved) >= batch:
            store.save_many(unsaved)
            unsaved.clear()
        report.analysed += 1
        absorb(position, result)
    store.save_many(unsaved)
    # A failed document's analysis from an earlier build (of other content under its id) must not
    # reach the merge, which reads every analysis in the store.
    store.forget_except(seen - failed)
    if undated:
        warnings.extend(_infer_undated(undated, infos, store, engine, report, absorb))

    warnings.extend(doc_warnings[p] for p in sorted(doc_warnings))
    # The merge needs each document's date only (the reading order of an event's mentions).
    published = {}
    for doc_id, data in infos.values():
        published[doc_id] = DocumentInfo.model_validate_json(data).published
    merged = merge_stored(store, published)
    ordered = [DocumentInfo.model_validate_json(infos[p][1]) for p in sorted(infos)]
    infos.clear()
    warnings.extend(merged.warnings)
    report.summary = Chronology(
        generator=f"chronology {__version__}",
        title=title,
        documents=ordered,
        warnings=warnings,
        counts=Counts(
            documents=len(ordered),
            skipped=len(report.skipped),
            mentions=sum(i.mentions for i in ordered),
            events=merged.events,
            undated_documents=sum(1 for i in ordered if i.published is None),
            inferred_documents=sum(1 for i in ordered if i.published_from == PublishedFrom.INFERRED),
            unanchored_mentions=sum(unanchored.values()),
        ),
        date_range=merged.date_range,
        date_range_display=merged.date_range_display,
    )
    if str(store.path) == ":memory:":  # nothing to read the events back from once it is closed
        events = [TimelineEvent.model_validate_json(data) for data in store.timeline_json()]
        report.set_events(lambda: events)
    else:
        report.set_events(stored_events(store))
    return report
