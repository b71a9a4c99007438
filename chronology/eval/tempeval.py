"""Scoring the tagger on a TempEval-3 corpus: read gold .tml, tag each TEXT, score as TE3 does.

`evaluate(gold_dir)` tags the TEXT of every .tml file under `gold_dir` (searched recursively)
with its DCT as the publication date, optionally writes our annotation as TimeML under
`out_dir` (same relative paths, scorable by the TempEval-3 tools), and scores it with
`chronology.eval.scoring`. The report keeps per-file counts, micro-summed totals, per value
class counts and every error (miss, spurious find, wrong value or type, different extent) with
its context.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from chronology.errors import ChronologyError, InputError
from chronology.eval.classes import VALUE_CLASSES, context, value_class
from chronology.eval.scoring import Metrics, Pair, TimexCounts, score_document
from chronology.eval.timeml import (
    TimemlDoc,
    parse_timeml,
    read_timeml,
    to_timeml,
    writable_mentions,
)
from chronology.model import TimeMention

__all__ = ["ClassCounts", "EvalError", "FileScore", "Report", "Tagger", "evaluate", "score_pairs_errors"]

log = logging.getLogger(__name__)

Tagger = Callable[..., list[TimeMention]]  # tagger(text, published=date | None)
ErrorKind = Literal["missed", "spurious", "value", "type", "extent"]


class EvalError(BaseModel):
    file: str
    kind: ErrorKind
    value_class: str
    start: int
    end: int
    gold_text: str | None = None
    gold_type: str | None = None
    gold_value: str | None = None
    system_text: str | None = None
    system_type: str | None = None
    system_value: str | None = None
    context: str = ""


class ClassCounts(BaseModel):
    gold: int = 0
    matched: int = 0  # relaxed matches
    value_ok: int = 0
    spurious: int = 0  # system finds of this class that match no gold timex


class FileScore(BaseModel):
    file: str
    dct: str | None
    counts: TimexCounts


class Report(BaseModel):
    gold_dir: str
    out_dir: str | None = None
    files: list[FileScore] = Field(default_factory=list)
    total: TimexCounts = Field(default_factory=TimexCounts)
    classes: dict[str, ClassCounts] = Field(default_factory=dict)
    errors: list[EvalError] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    failed: list[str] = Field(default_factory=list, description="files the tagger raised on (scored as empty)")

    @property
    def metrics(self) -> Metrics:
        return self.total.metrics()

    def summary(self) -> dict:
        """The report as JSON-ready data, with the metrics."""
        return {"metrics": self.metrics.model_dump(), **self.model_dump(mode="json")}


def _published(dct: str | None) -> dt.date | None:
    if not dct:
        return None
    try:
        return dt.date.fromisoformat(dct[:10])
    except ValueError:
        return None


def default_tagger() -> Tagger:
    try:
        from chronology.temporal import tag
    except ImportError as err:
        raise ChronologyError(f"the temporal tagger chronology.temporal.tag is not available ({err})") from None
    return tag


def score_pairs_errors(name: str, text: str, pairs: list[Pair]) -> list[EvalError]:
    """The errors among a document's scored pairs, each with its value class and context."""
    errors: list[EvalError] = []
    for pair in pairs:
        g, s = pair.gold, pair.system
        ref = g or s
        assert ref is not None
        start = min(x.start for x in (g, s) if x is not None)
        end = max(x.end for x in (g, s) if x is not None)
        fields = {
            "file": name, "value_class": value_class(ref.type, ref.value, ref.text), "start": start, "end": end,
            "context": context(text, start, end),
        }
        if g is not None:
            fields.update(gold_text=g.text, gold_type=g.type, gold_value=g.value)
        if s is not None:
            fields.update(system_text=s.text, system_type=s.type, system_value=s.value)
        if s is None:
            errors.append(EvalError(kind="missed", **fields))
        elif g is None:
            errors.append(EvalError(kind="spurious", **fields))
        else:
            if g.value != s.value:
                errors.append(EvalError(kind="value", **fields))
            elif g.type != s.type:
                errors.append(EvalError(kind="type", **fields))
            if g.text != s.text:
                errors.append(EvalError(kind="extent", **fields))
    return errors


def _count_classes(classes: dict[str, ClassCounts], pairs: list[Pair]) -> None:
    for pair in pairs:
        g, s = pair.gold, pair.system
        if g is None:
            assert s is not None
            classes[value_class(s.type, s.value, s.text)].spurious += 1
            continue
        row = classes[value_class(g.type, g.value, g.text)]
        row.gold += 1
        if s is not None:
            row.matched += 1
            row.value_ok += g.value == s.value


def tag_document(gold: TimemlDoc, name: str, tagger: Tagger) -> tuple[str, int]:
    """Our annotation of a gold document's TEXT as a TimeML string, and how many of our mentions
    TimeML could not hold (overlapping or out of range)."""
    mentions = tagger(gold.text, published=_published(gold.dct))
    left_out = len(mentions) - len(writable_mentions(gold.text, mentions))
    return to_timeml(gold.text, mentions, gold.dct, Path(name).stem), left_out


def evaluate(gold_dir: str | Path, out_dir: str | Path | None = None, tagger: Tagger | None = None) -> Report:
    """Tag and score every .tml file under `gold_dir`; write our TimeML under `out_dir` if given.

    `tagger(text, published=date | None) -> list[TimeMention]` defaults to chronology.temporal.tag.
    """
    root = Path(gold_dir)
    if not root.is_dir():
        raise InputError(f"{gold_dir}: not a folder")
    # Hidden files and folders are skipped as `build` skips them: macOS copies put an AppleDouble
    # "._name.tml" (binary metadata, not TimeML) beside every file.
    paths = sorted(p for p in root.rglob("*.tml")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))
    if not paths:
        raise InputError(f"{gold_dir}: no .tml files")
    tagger = tagger or default_tagger()
    report = Report(gold_dir=str(root), out_dir=str(out_dir) if out_dir is not None else None)
    report.classes = {name: ClassCounts() for name, _example, _test in VALUE_CLASSES}
    for path in paths:
        name = path.relative_to(root).as_posix()
        gold = read_timeml(path)
        report.warnings.extend(f"{name} (gold): {w}" for w in gold.warnings)
        if gold.outside_timexes:
            report.warnings.append(f"{name} (gold): {gold.outside_timexes} TIMEX3 outside TEXT besides the DCT, not scored")
        try:
            xml, left_out = tag_document(gold, name, tagger)
            if left_out:
                report.warnings.append(f"{name}: {left_out} of our mentions overlap another or lie outside the text; left out")
        except Exception as err:  # one document's tagger failure must not hide the others' scores
            log.exception("tagger failed on %s", name)
            report.failed.append(name)
            report.warnings.append(f"{name}: the tagger failed ({type(err).__name__}: {err}); scored as empty")
            xml = to_timeml(gold.text, [], gold.dct, path.stem)
        if out_dir is not None:
            target = Path(out_dir) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(xml, encoding="utf-8")
        system = parse_timeml(xml, name)
        if system.text != gold.text:
            raise ChronologyError(f"{name}: our TimeML does not reproduce the TEXT (a writer bug)")
        try:
            counts, pairs, dropped = score_document(gold, system)
        except InputError as err:
            raise InputError(f"{path}: {err}") from None
        report.warnings.extend(f"{name}: {d}" for d in dropped)
        report.files.append(FileScore(file=name, dct=gold.dct, counts=counts))
        report.total = report.total + counts
        _count_classes(report.classes, pairs)
        report.errors.extend(score_pairs_errors(name, gold.text, pairs))
    report.classes = {k: v for k, v in report.classes.items() if v.gold or v.spurious}
    return report
