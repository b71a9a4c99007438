"""The build: documents in, a Chronology out, every per-document stage cached in the store.

    paths ─ingest─▶ Document ─analyse (tag + events, per document, in parallel)─▶ store
                                                                    │
                              Chronology ◀─merge (whole corpus)──────┘

`analyse` is pure and picklable, so it runs the same in this process, a process pool or a Dask
worker. Only documents that are new or changed since the last build are analysed again.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chronology import __version__
from chronology.model import (
    Chronology,
    Counts,
    Document,
    Interval,
    TimeMention,
    Warning_,
)
from chronology.store import CachedDocument, Store, content_hash

_PACKAGE_DIR = Path(__file__).resolve().parent


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

    mentions = tag(doc.text, published=doc.published)
    mark_creation_time(mentions, doc.published_span)
    events = extract_events(doc, mentions)
    return CachedDocument(doc.info(), mentions, events, doc.text)


@dataclass
class BuildReport:
    """What a build did: the chronology plus the bookkeeping the CLI prints."""

    chronology: Chronology
    analysed: int = 0
    reused: int = 0
    skipped: list[Warning_] = field(default_factory=list)


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

    Documents stream through in batches: only a batch's texts are in memory at once; what is
    kept for the merge is each document's info and event mentions.
    """
    from chronology.engine import LocalEngine
    from chronology.merge import merge_events

    engine = engine or LocalEngine(workers=1)
    warnings: list[Warning_] = []
    report = BuildReport(chronology=Chronology(title=title))
    # Results are kept by input position so that a warm build (cache hits absorbed at once) and a
    # cold one (results arriving per batch) assemble the same chronology in the same order.
    results: dict[int, CachedDocument] = {}
    doc_warnings: dict[int, Warning_] = {}
    unanchored_total = 0

    def absorb(position: int, result: CachedDocument) -> None:
        nonlocal unanchored_total
        results[position] = CachedDocument(result.info, [], result.events)
        result.info.mentions = len(result.mentions)
        loose = [m for m in result.mentions if _is_unanchored(m)]
        if loose:
            doc_warnings[position] = _unanchored_warning(result.info, loose)
            unanchored_total += len(loose)
        if on_progress:
            on_progress(1)

    seen: set[str] = set()
    # (position, digest) of each document sent for analysis, in the order results come back.
    sent: deque[tuple[int, str]] = deque()

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
            cached = None if rebuild else store.lookup(item.id, digest)
            if cached is not None:
                report.reused += 1
                absorb(position, cached)
                continue
            sent.append((position, digest))
            yield item

    # The engine pulls documents as it has room for them; results are written in batches of
    # `batch` documents, one transaction each.
    unsaved: list[tuple[str, CachedDocument]] = []
    for result in engine.map(analyse, to_analyse()):
        position, digest = sent.popleft()
        unsaved.append((digest, result))
        if len(unsaved) >= batch:
            store.save_many(unsaved)
            unsaved.clear()
        report.analysed += 1
        absorb(position, result)
    store.save_many(unsaved)
    store.forget_except(seen)

    ordered = [results[p] for p in sorted(results)]
    infos = [r.info for r in ordered]
    all_events = [e for r in ordered for e in r.events]
    mentions_total = sum(i.mentions for i in infos)
    warnings.extend(doc_warnings[p] for p in sorted(doc_warnings))

    documents = {info.id: info for info in infos}
    events, merge_warnings = merge_events(all_events, documents)
    warnings.extend(merge_warnings)
    store.save_timeline((e.id, e.model_dump_json()) for e in events)

    dated = [e.date for e in events if e.date.start and e.date.end]
    report.chronology = Chronology(
        generator=f"chronology {__version__}",
        title=title,
        documents=infos,
        events=events,
        warnings=warnings,
        counts=Counts(
            documents=len(infos),
            skipped=len(report.skipped),
            mentions=mentions_total,
            events=len(events),
            undated_documents=sum(1 for i in infos if i.published is None),
            unanchored_mentions=unanchored_total,
        ),
        date_range=Interval(start=min(d.start for d in dated), end=max(d.end for d in dated))
        if dated
        else None,
    )
    return report
