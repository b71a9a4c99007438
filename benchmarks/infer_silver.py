"""Publication-date inference on TE3-Silver: how often it is right, never wrong, and what it costs.

Every `--every`-th Silver document is written without its creation date (and under a neutral
file name, so nothing else gives it away); the rest keep theirs. Each document is analysed once
(the build's first pass), then the second pass (chronology.infer) runs for the undated ones
against the dated ones' events. Figures: how many undated documents got a date, a window, a
window containing their true date, a wrong window (one that excludes it), the windows' widths;
and the second pass's cost as ratios against the first pass in the same run. Not a test: it
prints figures and how to reproduce them.

    python benchmarks/infer_silver.py [--limit 800] [--every 20] [--silver DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("CHRONOLOGY_SHARED", HERE.parent.parent / "shared"))
DEFAULT_SILVER = SHARED / "data" / "tempeval3" / "silver"


def write_corpus(silver: Path, dest: Path, limit: int, every: int) -> dict[str, dt.date]:
    """The documents as .md; returns the true date of each one written undated, by file name."""
    sys.path.insert(0, str(silver.parent.parent.parent / "tools"))
    from te3text import tml_text  # the reference reader of TimeML TEXT and DCT

    truth: dict[str, dt.date] = {}
    files = [p for p in sorted(silver.rglob("*.tml")) if not p.name.startswith("._")]  # skip macOS resource forks
    for i, path in enumerate(files[:limit]):
        try:
            doc = tml_text(str(path))
        except UnicodeDecodeError:
            continue  # a few Silver files are not UTF-8; the reference reader refuses them
        if not doc["dct"]:
            continue
        name = f"doc{i:05d}.md"
        if i % every == 0:
            truth[name] = dt.date.fromisoformat(doc["dct"][:10])
            head = f"---\ntitle: document {i}\n---\n"
        else:
            head = f"---\ntitle: document {i}\npublished: {doc['dct'][:10]}\n---\n"
        (dest / name).write_text(head + doc["text"], encoding="utf-8")
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--silver", type=Path, default=DEFAULT_SILVER)
    parser.add_argument("--limit", type=int, default=800, help="documents to read (Silver has 2,452)")
    parser.add_argument("--every", type=int, default=20, help="write every n-th document undated")
    args = parser.parse_args()
    if not args.silver.is_dir():
        sys.exit(f"benchmark: TE3-Silver not found at {args.silver}")

    from chronology.infer import DatedIndex, infer_published, with_inference
    from chronology.ingest import iter_inputs
    from chronology.model import Document
    from chronology.pipeline import analyse

    with tempfile.TemporaryDirectory(prefix="chronology-infer-") as tmp:
        truth = write_corpus(args.silver, Path(tmp), args.limit, args.every)
        docs = [d for d in iter_inputs([tmp]) if isinstance(d, Document)]

    start = time.perf_counter()
    results, failed = [], []
    for d in docs:
        try:
            results.append(analyse(d))
        except IndexError:  # an events-stage bug on a few Silver documents (reported to the lead)
            failed.append(d)
            results.append(None)
    first_pass = time.perf_counter() - start
    kept = [(d, r) for d, r in zip(docs, results) if r is not None]
    docs = [d for d, _ in kept]
    results = [r for _, r in kept]

    start = time.perf_counter()
    index = DatedIndex.build(e for d, r in zip(docs, results) if d.published is not None for e in r.events)
    index_time = time.perf_counter() - start

    undated = [d for d in docs if d.published is None]
    dated_n, window_n, right, wrong, widths, exact, dated_right = 0, 0, 0, 0, [], 0, 0
    start = time.perf_counter()
    inferences = [(d, infer_published(d, index)) for d in undated]
    second_pass = time.perf_counter() - start
    reanalyse_start = time.perf_counter()
    for d, inference in inferences:
        target = with_inference(d, inference)
        if target.published is not None:
            analyse(target)
    reanalyse = time.perf_counter() - reanalyse_start
    for d, inference in inferences:
        true = truth[Path(d.path).name]
        w = inference.window
        if w is None:
            continue
        window_n += 1
        inside = w.earliest <= true and (w.latest is None or true <= w.latest)
        if inside:
            right += 1
        else:
            wrong += 1
            print(f"  wrong: {Path(d.path).name} true {true}, window {w.earliest}..{w.latest}", flush=True)
        if inference.published is not None:
            dated_n += 1
            widths.append((w.latest - w.earliest).days + 1)
            exact += inference.published == true
            dated_right += inside

    per_doc = first_pass / len(docs)
    if failed:
        print(f"left out: {len(failed)} document(s) the first pass fails on: {', '.join(Path(d.path).name for d in failed)}")
    print(f"{len(docs)} documents, {len(undated)} written undated, {len(index.mentions)} dated event mentions indexed")
    print(f"windows: {window_n}/{len(undated)} (containing the true date {right}, wrong {wrong}); "
          f"dated by inference: {dated_n}, of which the window contains the true date {dated_right}, "
          f"the most likely day is the true day {exact}")
    if widths:
        print(f"width of the dated windows (days): median {statistics.median(widths)}, max {max(widths)}")
    print(f"first pass {first_pass:.1f} s ({per_doc * 1000:.1f} ms/document); index {index_time:.2f} s "
          f"= {index_time / first_pass:.3f} of the first pass")
    if undated:
        print(f"second pass {second_pass:.2f} s = {second_pass / len(undated) / per_doc:.2f}x a first-pass "
              f"analysis per undated document; re-analysis against the inferred dates {reanalyse:.2f} s")
    print(f"reproduce: python benchmarks/infer_silver.py --limit {args.limit} --every {args.every}")


if __name__ == "__main__":
    main()
