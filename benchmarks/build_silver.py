"""End-to-end `chronology build` on the 2,452 TE3-Silver documents: cold, warm, and scaled.

The Silver TimeML files are converted to plain-text documents with their creation dates
(front matter) in a temporary folder (the research data is never copied into the project).
Each build runs as a separate `chronology build` process; its resident memory, with its worker
processes', is sampled every 50 ms (psutil) for the peak. Not a test: it prints figures and how to reproduce them.

    python benchmarks/build_silver.py [--workers 2] [--scales 1 2 4 8] [--format json] [--repeat 1] [--silver DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The research data lives beside the project (../shared), or where CHRONOLOGY_SHARED says.
SHARED = Path(os.environ.get("CHRONOLOGY_SHARED", HERE.parent.parent / "shared"))
DEFAULT_SILVER = SHARED / "data" / "tempeval3" / "silver"


def convert(silver: Path, dest: Path, copies: int) -> int:
    """Write each Silver document `copies` times as .md with its DCT, ids changed per copy."""
    sys.path.insert(0, str(silver.parent.parent.parent / "tools"))
    from te3text import tml_text  # the reference reader of TimeML TEXT and DCT

    # "._NAME" files are macOS resource forks that came with the archive, not documents.
    files = sorted(p for p in silver.rglob("*.tml") if not p.name.startswith("._"))
    n = 0
    for path in files:
        doc = tml_text(str(path))
        for copy in range(copies):
            # A document's id is hashed from its file name and text: each copy gets its own name,
            # or the build would read the copies as one document given several times.
            name = f"{path.stem}.md" if copy == 0 else f"{path.stem}-copy{copy}.md"
            out = dest / f"copy{copy}" / name
            out.parent.mkdir(parents=True, exist_ok=True)
            head = f"---\ntitle: {path.stem} (copy {copy})\npublished: {doc['dct'][:10]}\n---\n" if doc["dct"] else ""
            out.write_text(head + doc["text"], encoding="utf-8")
            n += 1
    return n


def run_build(corpus: Path, out: Path, workers: int, extra: list[str]) -> tuple[float, float, str]:
    """Seconds, peak resident memory (MB, the build process and its workers together) and the
    build's summary line ("Read N document(s) (A analysed, U unchanged) ...")."""
    import psutil

    cmd = [sys.executable, "-m", "chronology", "build", str(corpus), "--out", str(out),
           "--workers", str(workers), *extra]
    log = out.parent / f"{out.name}.log"
    start = time.perf_counter()
    # The build's warnings (thousands for Silver) go to a log, shown if the build fails.
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        parent = psutil.Process(proc.pid)
        peak = 0
        while proc.poll() is None:
            try:
                tree = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)
    seconds = time.perf_counter() - start
    log_text = log.read_text(errors="replace")
    if proc.returncode != 0:
        tail = log_text.splitlines()[-20:]
        sys.exit("\n".join(tail) + f"\nbenchmark: {' '.join(cmd)} exited {proc.returncode}")
    log.unlink()
    summary = next((line for line in log_text.splitlines() if line.startswith("Read ")), "")
    return seconds, peak / 2**20, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--silver", type=Path, default=DEFAULT_SILVER)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--format", nargs="+", default=["json"], help="export formats, the same at every scale")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each build; the medians are reported")
    args = parser.parse_args()
    if not args.silver.is_dir():
        sys.exit(f"benchmark: TE3-Silver not found at {args.silver}")
    fmt = [arg for f in args.format for arg in ("--format", f)]

    rows = []
    with tempfile.TemporaryDirectory(prefix="chronology-bench-") as tmp:
        tmp = Path(tmp)
        for scale in args.scales:
            corpus = tmp / f"x{scale}"
            n = convert(args.silver, corpus, scale)
            chars = sum(p.stat().st_size for p in corpus.rglob("*.md"))
            out = tmp / f"out{scale}"
            colds, warms, peaks, loads = [], [], [], []
            for _ in range(args.repeat):
                shutil.rmtree(out, ignore_errors=True)
                loads.append(os.getloadavg()[0])
                cold, rss, said = run_build(corpus, out, args.workers, fmt)
                # Every copy must have been analysed as its own document, and nothing the second time.
                if f"({n} analysed, 0 unchanged)" not in said:
                    sys.exit(f"benchmark: expected {n} documents analysed, the build said: {said}")
                warm, _, said = run_build(corpus, out, args.workers, fmt)
                if f"(0 analysed, {n} unchanged)" not in said:
                    sys.exit(f"benchmark: expected {n} documents unchanged, the build said: {said}")
                colds.append(cold)
                warms.append(warm)
                peaks.append(rss)
            cold, warm, rss = statistics.median(colds), statistics.median(warms), statistics.median(peaks)
            rows.append((scale, n, chars, cold, warm, rss))
            print(f"x{scale}: {n} docs, {chars / 1e6:.1f} MB, cold {cold:.1f} s {_runs(colds)}, warm {warm:.2f} s "
                  f"{_runs(warms)}, peak RSS {rss:.0f} MB {_runs(peaks)}, load average before each run "
                  f"{' '.join(f'{x:.1f}' for x in loads)}", flush=True)
            shutil.rmtree(corpus)
            shutil.rmtree(out)

    base = rows[0]
    print()
    print("| scale | documents | MB of text | cold build (s) | warm re-run (s) | cold/warm | time vs 1x | peak RSS (MB) | RSS vs 1x |")
    print("|---|---|---|---|---|---|---|---|---|")
    for scale, n, chars, cold, warm, rss in rows:
        print(f"| {scale}x | {n} | {chars / 1e6:.1f} | {cold:.1f} | {warm:.2f} | {cold / warm:.0f}x | {cold / base[3]:.2f} | {rss:.0f} | {rss / base[5]:.2f} |")
    print()
    print(f"workers={args.workers}, cpus={os.cpu_count()}, formats={' '.join(args.format)}, medians of {args.repeat} run(s), "
          f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"reproduce: CHRONOLOGY_SHARED=../shared python benchmarks/build_silver.py --workers {args.workers} "
          f"--scales {' '.join(map(str, args.scales))} --format {' '.join(args.format)} --repeat {args.repeat}")


def _runs(values: list[float]) -> str:
    return "(" + ", ".join(f"{v:.1f}" for v in values) + ")" if len(values) > 1 else ""


if __name__ == "__main__":
    main()
