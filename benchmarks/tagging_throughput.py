"""Tagging throughput: `chronology.tag` against dateparser's `search_dates` on the TBAQ texts.

Both tools get the same texts (the TEXT of each TempEval-3 TBAQ document, read as the TE3 scorer
reads it) and the same anchor (its creation time: `published=` for chronology, RELATIVE_BASE
for dateparser). Each tool runs in a fresh child process of this script, so that its peak
memory (resource.getrusage ru_maxrss) is its own; one warm-up call on a short text is made
before the clock starts, so one-off loading is not counted as tagging. Not a test: it prints
figures, a Markdown table for the README, and the command that reproduces them.

    python benchmarks/tagging_throughput.py [--limit N] [--tbaq DIR]

search_dates is slow (minutes on all 256 documents): --limit N runs on N documents spread over
the corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_TBAQ = HERE.parent.parent / "shared" / "data" / "tempeval3" / "tbaq"
TOOLS = ("chronology", "dateparser")
WARM_UP = "The board met yesterday, three weeks after the report of 6 March 2009."


def load_texts(tbaq: Path, limit: int | None) -> list[tuple[str, dt.date | None]]:
    """(TEXT, DCT date) of each document, or of `limit` documents spread over the sorted list."""
    from chronology.eval.timeml import read_timeml

    paths = sorted(tbaq.rglob("*.tml"))
    if not paths:
        raise SystemExit(f"no .tml files under {tbaq}")
    if limit and limit < len(paths):
        paths = [paths[i * len(paths) // limit] for i in range(limit)]
    texts = []
    for p in paths:
        doc = read_timeml(p)
        try:
            anchor = dt.date.fromisoformat(doc.dct[:10]) if doc.dct else None
        except ValueError:
            anchor = None
        texts.append((doc.text, anchor))
    return texts


def _chronology_tagger():
    import chronology

    def run(text: str, anchor: dt.date | None) -> int:
        return len(chronology.tag(text, published=anchor))

    return run


def _dateparser_tagger():
    from dateparser.search import search_dates

    def run(text: str, anchor: dt.date | None) -> int:
        settings = {"RELATIVE_BASE": dt.datetime.combine(anchor, dt.time())} if anchor else {}
        return len(search_dates(text, languages=["en"], settings=settings) or [])

    return run


def _max_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def measure(tool: str, tbaq: Path, limit: int | None) -> dict:
    """Run one tool over the texts in this process; the figures as a dict."""
    texts = load_texts(tbaq, limit)
    make = {"chronology": _chronology_tagger, "dateparser": _dateparser_tagger}[tool]
    try:
        tagger = make()
        tagger(WARM_UP, dt.date(2009, 3, 10))
    except Exception as err:  # noqa: BLE001 - the tool is missing or broken: say so instead of a figure
        return {"tool": tool, "error": f"{type(err).__name__}: {err}"}
    base = _max_rss_mb()
    found = failures = 0
    start = time.perf_counter()
    for text, anchor in texts:
        try:
            found += tagger(text, anchor)
        except Exception:  # noqa: BLE001 - counted and reported; one bad document should not stop the run
            failures += 1
    seconds = time.perf_counter() - start
    chars = sum(len(t) for t, _ in texts)
    return {
        "tool": tool, "documents": len(texts), "characters": chars, "seconds": seconds,
        "chars_per_second": chars / seconds if seconds else 0.0, "found": found, "failures": failures,
        "rss_before_mb": base, "peak_rss_mb": _max_rss_mb(),
    }


def _in_child(tool: str, tbaq: Path, limit: int | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", tool, "--tbaq", str(tbaq)]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"tool": tool, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def markdown(results: list[dict]) -> str:
    rows = [
        "| tool | documents | characters | seconds | characters/s | expressions found | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if "error" in r:
            rows.append(f"| {r['tool']} | not run: {r['error']} | | | | | |")
            continue
        name = "chronology.tag" if r["tool"] == "chronology" else "dateparser search_dates"
        rows.append(
            f"| {name} | {r['documents']} | {r['characters']:,} | {r['seconds']:.2f} | "
            f"{r['chars_per_second']:,.0f} | {r['found']:,} | {r['peak_rss_mb']:.0f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="run on N documents spread over the corpus")
    ap.add_argument("--tbaq", type=Path, default=DEFAULT_TBAQ, help=f"TBAQ folder (default {DEFAULT_TBAQ})")
    ap.add_argument("--child", choices=TOOLS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.tbaq, args.limit)))
        return
    if not args.tbaq.is_dir():
        raise SystemExit(f"TBAQ not found at {args.tbaq} (give --tbaq DIR)")
    results = [_in_child(tool, args.tbaq, args.limit) for tool in TOOLS]
    ours, theirs = results
    for r in results:
        if "error" in r:
            print(f"{r['tool']}: not measured ({r['error']})")
        else:
            print(
                f"{r['tool']:<10} {r['documents']} documents, {r['characters']:,} characters in {r['seconds']:.2f} s: "
                f"{r['chars_per_second']:,.0f} characters/s; {r['found']} expressions; "
                f"{r['failures']} failures; peak RSS {r['peak_rss_mb']:.0f} MB (after warm-up {r['rss_before_mb']:.0f} MB)"
            )
    if "error" not in ours and "error" not in theirs and theirs["chars_per_second"]:
        print(f"ratio: chronology.tag is {ours['chars_per_second'] / theirs['chars_per_second']:.1f}x "
              "the throughput of search_dates")
    print()
    print(markdown(results))
    print()
    limit = f" --limit {args.limit}" if args.limit else ""
    print(f"Reproduce: python benchmarks/tagging_throughput.py{limit}   "
          f"(Python {platform.python_version()}, {platform.machine()}, one process per tool)")


if __name__ == "__main__":
    main()
