"""Accuracy of the tool a Python user reaches for today, scored like chronology on the same texts.

dateparser's `search_dates` finds date strings in a text and turns each into a datetime against
RELATIVE_BASE. Wrapped as a tagger (each found string located in the text in order, its value
the day of the datetime, type DATE: search_dates says nothing finer), it is scored by the same
TempEval-3 scorer as `chronology.tag`, on the same TBAQ documents with the same creation times.
Not a test: it prints both rows and the command that reproduces them.

    python benchmarks/baseline_accuracy.py [--tbaq DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DEFAULT_TBAQ = HERE.parent.parent / "shared" / "data" / "tempeval3" / "tbaq"


def search_dates_tagger():
    """`search_dates` as a tagger(text, published=date) -> [TimeMention]."""
    from dateparser.search import search_dates

    from chronology.model import TimeMention

    def tag(text: str, published: dt.date | None = None) -> list[TimeMention]:
        settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time())} if published else {}
        try:
            found = search_dates(text, languages=["en"], settings=settings) or []
        except Exception:  # noqa: BLE001 - a crash on one text scores as finding nothing there
            return []
        mentions, cursor = [], 0
        for surface, when in found:
            start = text.find(surface, cursor)
            if start < 0:
                continue
            cursor = start + len(surface)
            mentions.append(TimeMention(start=start, end=cursor, text=surface, type="DATE", value=when.date().isoformat()))
        return mentions

    return tag


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tbaq", type=Path, default=DEFAULT_TBAQ, help=f"TBAQ folder (default {DEFAULT_TBAQ})")
    args = ap.parse_args(argv)
    from chronology.eval.tempeval import evaluate
    from chronology.temporal import tag

    rows = []
    for name, tagger in (("chronology.tag", tag), ("dateparser search_dates", search_dates_tagger())):
        start = time.perf_counter()
        report = evaluate(args.tbaq, tagger=tagger)
        m = report.summary()["metrics"]
        rows.append((name, m, time.perf_counter() - start))
    print("| tagger | value F1 | relaxed F1 | strict F1 | type F1 | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, m, seconds in rows:
        print(f"| {name} | {100 * m['value_f1']:.1f} | {100 * m['relaxed_f1']:.1f} | {100 * m['strict_f1']:.1f} | "
              f"{100 * m['type_f1']:.1f} | {seconds:.1f} |")
    print(f"\nReproduce: python benchmarks/baseline_accuracy.py   (Python {platform.python_version()}, "
          f"{len(list(args.tbaq.rglob('*.tml')))} TBAQ files)")


if __name__ == "__main__":
    main()
