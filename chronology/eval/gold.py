"""Scoring the tagger against the project's own gold file (tests/data/gold.json format).

Each gold entry names a file, the expression's text, which occurrence of that text in the
file's body it is (1 = first), its TIMEX3 type and value. Articles are Markdown with a YAML
front matter whose `published:` is the anchor; the body after the front matter is the text
that is tagged (an article without `published:` is tagged without an anchor). A gold entry is
found when the tagger returns a mention with exactly its extent, and correct when that mention
also has its value; mentions with no gold entry of the same extent are spurious.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from chronology.errors import InputError
from chronology.eval import tempeval
from chronology.eval.classes import context
from chronology.eval.tempeval import Tagger

__all__ = ["GoldError", "GoldFileScore", "GoldReport", "evaluate_gold", "read_article"]


class GoldError(BaseModel):
    file: str
    kind: Literal["missed", "value", "spurious"]
    start: int
    end: int
    text: str
    gold_type: str | None = None
    gold_value: str | None = None
    system_type: str | None = None
    system_value: str | None = None
    overlapping: str | None = Field(default=None, description="for a miss: the system mention overlapping it")
    context: str = ""


class GoldFileScore(BaseModel):
    file: str
    published: dt.date | None
    gold: int = 0
    system: int = 0
    extent_ok: int = 0  # same extent
    correct: int = 0  # same extent and value


class GoldReport(BaseModel):
    files: list[GoldFileScore] = Field(default_factory=list)
    errors: list[GoldError] = Field(default_factory=list)

    def _sum(self, field: str) -> int:
        return sum(getattr(f, field) for f in self.files)

    @property
    def gold(self) -> int:
        return self._sum("gold")

    @property
    def system(self) -> int:
        return self._sum("system")

    @property
    def extent_ok(self) -> int:
        return self._sum("extent_ok")

    @property
    def correct(self) -> int:
        return self._sum("correct")

    @property
    def accuracy(self) -> float:
        """Gold expressions found with exact extent and value, over all gold expressions."""
        return self.correct / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else (1.0 if not self.gold else 0.0)

    def summary(self) -> dict:
        totals = {k: getattr(self, k) for k in ("gold", "system", "extent_ok", "correct", "accuracy", "precision")}
        return {"totals": totals, **self.model_dump(mode="json")}


def read_article(path: Path) -> tuple[str, dt.date | None]:
    """(body, published) of a Markdown article with an optional YAML front matter."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read ({err})") from None
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return raw, None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") == "---":
            try:
                meta = yaml.safe_load("".join(lines[1:i])) or {}
            except yaml.YAMLError as err:
                raise InputError(f"{path}: bad front matter ({str(err).splitlines()[0]})") from None
            return "".join(lines[i + 1 :]), _as_date(meta.get("published") if isinstance(meta, dict) else None, path)
    raise InputError(f"{path}: front matter is not closed by a '---' line")


def _as_date(value: object, path: Path) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"{path}: published {value!r} is not an ISO date") from None


def _nth(body: str, text: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = body.find(text, pos + 1)
        if pos < 0:
            return -1
    return pos


def _load_gold(gold_json: Path) -> list[dict]:
    try:
        entries = json.loads(gold_json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{gold_json}: cannot read gold JSON ({err})") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InputError(f"{gold_json}: expected a list of objects")
    for i, e in enumerate(entries):
        missing = [k for k in ("file", "text", "type", "value") if k not in e]
        if missing:
            raise InputError(f"{gold_json}: entry {i} has no {', '.join(missing)}")
    return entries


def evaluate_gold(gold_json: str | Path, articles_dir: str | Path, tagger: Tagger | None = None,
                  published: Mapping[str, dt.date] | None = None) -> GoldReport:
    """Tag every article named in `gold_json` (under `articles_dir`) and compare exact extents and values.

    `published` gives the creation time of articles (by file name) whose front matter has none,
    as TempEval gives every document's: the tagger is then scored on resolving against a known
    date, not on dating the article (which chronology.infer does, and is scored apart).
    """
    entries = _load_gold(Path(gold_json))
    tagger = tagger or tempeval.default_tagger()
    by_file: dict[str, list[dict]] = {}
    for e in entries:
        by_file.setdefault(e["file"], []).append(e)
    report = GoldReport()
    for name in sorted(by_file):
        path = Path(articles_dir) / name
        if not path.is_file():
            raise InputError(f"{path}: article named in {gold_json} not found")
        body, dated = read_article(path)
        dated = dated or (published or {}).get(name)
        score = GoldFileScore(file=name, published=dated)
        gold_spans: dict[tuple[int, int], dict] = {}
        for e in by_file[name]:
            start = _nth(body, e["text"], int(e.get("occurrence", 1)))
            if start < 0:
                raise InputError(f"{gold_json}: {name}: {e['text']!r} occurrence {e.get('occurrence', 1)} not in the body")
            gold_spans[(start, start + len(e["text"]))] = e
        mentions = tagger(body, published=dated)
        found = {(m.start, m.end): m for m in mentions}
        score.gold, score.system = len(gold_spans), len(found)
        for (start, end), e in sorted(gold_spans.items()):
            m = found.get((start, end))
            base = {"file": name, "start": start, "end": end, "text": e["text"], "gold_type": e["type"],
                    "gold_value": e["value"], "context": context(body, start, end)}
            if m is None:
                near = next((x for x in mentions if x.start < end and start < x.end), None)
                report.errors.append(GoldError(kind="missed", overlapping=(
                    f"{near.text!r} {near.type} {near.value}" if near else None), **base))
                continue
            score.extent_ok += 1
            if m.value == e["value"]:
                score.correct += 1
            else:
                report.errors.append(GoldError(kind="value", system_type=m.type, system_value=m.value, **base))
        for (start, end), m in sorted(found.items()):
            if (start, end) not in gold_spans:
                report.errors.append(GoldError(
                    kind="spurious", file=name, start=start, end=end, text=m.text, system_type=m.type,
                    system_value=m.value, context=context(body, start, end)))
        report.files.append(score)
    return report
