"""The chronology of the development corpus measured against its gold events (issue 4).

Gold: tests/data/events.json, one entry per real-world event with its value, the files that tell
it and, per file, the dated expressions (`mentions`: file, text, occurrence, value) that date it.
The build is `seeds/` (the 11 development articles in seeds/babyp/ plus the two seed articles),
run through the real pipeline with a temporary store.

How a build is scored (the figures print with `pytest -s`):

- A gold mention is located in its document's text: the `occurrence`-th whole-word match of its
  `text`. An EventMention *is* a gold mention when its expression overlaps that span, so a
  tagger that takes "3 August last year" where the gold says "August last year" still maps.
- A gold event is *scoreable* when at least one of its dated mentions is in a document the build
  dates (an undated document's relative dates cannot be anchored; they count once issue 8's
  inference dates the document, with no change here). The figures over all dated gold events
  are printed too.
- Its *target value* is the gold value when some mention's value reaches it, else the finest
  value its mentions give ("November", told only as "in November", cannot become a day).
- Found (recall): some TimelineEvent has the target value and one of the gold files among its
  sources. Correct (precision): a TimelineEvent drawn from the gold corpus whose value is the gold
  value or a gold mention value of a gold event sharing one of its sources.
- Merged: a gold event dated in two or more documents ends as ONE TimelineEvent holding, from
  each of those documents, an EventMention that is one of the event's gold mentions (holding the
  files is not enough: the death of Baby P is told in most files, next to other events).
- Impure: a TimelineEvent holding EventMentions that are gold mentions of two different gold
  events; the share is over the TimelineEvents drawn from the gold corpus.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from chronology.ingest import iter_inputs
from chronology.model import Chronology, Document
from chronology.pipeline import PIPELINE_VERSION, build
from chronology.store import Store
from chronology.timex import value_interval
from tests.conftest import DATA, SEEDS

GOLD_DIR = SEEDS / "babyp"


@dataclass(frozen=True)
class GoldMention:
    event: str
    file: str
    start: int
    end: int
    value: str


def _locate(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    found = list(pattern.finditer(text))
    if len(found) < occurrence:
        raise AssertionError(f"gold text {needle!r} occurs {len(found)} times, gold says #{occurrence}")
    m = found[occurrence - 1]
    return m.start(), m.end()


def _width(value: str) -> int:
    span = value_interval(value)
    return (span[1] - span[0]).days if span else 1 << 30


@dataclass
class Scores:
    recall_events: int
    found: int
    predicted: int
    correct: int
    multi: int
    merged: int
    timeline: int
    impure: int
    strict_found: int
    all_dated: int
    all_found: int
    missed: list[str]
    split: list[str]
    impure_titles: list[str]
    wrong: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.recall_events if self.recall_events else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def merged_share(self) -> float:
        return self.merged / self.multi if self.multi else 1.0

    @property
    def impure_share(self) -> float:
        return self.impure / self.timeline if self.timeline else 0.0

    def lines(self) -> list[str]:
        return [
            (f"date-level: recall {self.found}/{self.recall_events} = {self.recall:.3f}, "
            f"precision {self.correct}/{self.predicted} = {self.precision:.3f}, F1 {self.f1:.3f}"),
            f"  strict (TimelineEvent value == gold value): {self.strict_found}/{self.recall_events}",
            f"  over every dated gold event, undated documents included: {self.all_found}/{self.all_dated}",
            f"merged: {self.merged}/{self.multi} = {self.merged_share:.3f} of gold events dated by 2+ files",
            f"impure: {self.impure}/{self.timeline} = {self.impure_share:.3f} of timeline events",
            f"  missed: {self.missed}",
            f"  split: {self.split}",
            f"  impure: {self.impure_titles}",
            f"  not a gold date: {self.wrong}",
        ]


def score(chronology: Chronology, texts: dict[str, str], gold: list[dict]) -> Scores:
    """The issue's three figures for `chronology`, whose documents' texts are `texts` (by file)."""
    file_of = {d.id: Path(d.path or "").name for d in chronology.documents}
    dated_files = {Path(d.path or "").name for d in chronology.documents if d.published}
    gold_files = set(texts)

    mentions: list[GoldMention] = []
    for g in gold:
        for m in g["mentions"]:
            start, end = _locate(texts[m["file"]], m["text"], m["occurrence"])
            mentions.append(GoldMention(g["id"], m["file"], start, end, m["value"]))

    def gold_event_of(doc_id: str, start: int, end: int) -> str | None:
        f = file_of.get(doc_id)
        hits = {gm.event for gm in mentions if gm.file == f and gm.start < end and start < gm.end}
        return min(hits) if hits else None  # one expression dates one gold event in this gold

    ours = [e for e in chronology.events if {file_of[s] for s in e.sources} & gold_files]
    sources = {e.id: {file_of[s] for s in e.sources} for e in ours}

    def target(g: dict) -> str:
        values = [m["value"] for m in g["mentions"]]
        return g["value"] if g["value"] in values else min(values, key=lambda v: (_width(v), v))

    dated = [g for g in gold if g["mentions"]]
    scoreable = [g for g in dated if {m["file"] for m in g["mentions"]} & dated_files]

    def found(g: dict, value: str) -> bool:
        return any(e.date.value == value and sources[e.id] & set(g["files"]) for e in ours)

    missed = [g["id"] for g in scoreable if not found(g, target(g))]
    accepted = [(g, {g["value"]} | {m["value"] for m in g["mentions"]}) for g in dated]
    wrong = [f"{e.date.value} {e.title}" for e in ours
             if not any(e.date.value in values and sources[e.id] & set(g["files"]) for g, values in accepted)]

    # Which files tell each gold event inside each TimelineEvent, through the mapped mentions.
    told_in: dict[str, dict[str, set[str]]] = {}
    impure = []
    for e in ours:
        told: dict[str, set[str]] = {}
        for m in e.mentions:
            g = gold_event_of(m.document, m.expression.start, m.expression.end)
            if g is not None:
                told.setdefault(g, set()).add(file_of[m.document])
        told_in[e.id] = told
        if len(told) > 1:
            impure.append(f"{e.title} {sorted(told)}")

    multi = [g for g in scoreable if len({m["file"] for m in g["mentions"]} & dated_files) >= 2]
    split = [g["id"] for g in multi
             if not any(({m["file"] for m in g["mentions"]} & dated_files) <= told_in[e.id].get(g["id"], set())
                        for e in ours)]

    return Scores(
        recall_events=len(scoreable), found=len(scoreable) - len(missed),
        predicted=len(ours), correct=len(ours) - len(wrong),
        multi=len(multi), merged=len(multi) - len(split),
        timeline=len(ours), impure=len(impure),
        strict_found=sum(1 for g in scoreable if found(g, g["value"])),
        all_dated=len(dated), all_found=sum(1 for g in dated if found(g, target(g))),
        missed=missed, split=split, impure_titles=impure, wrong=wrong,
    )


@pytest.fixture(scope="module")
def gold_build(tmp_path_factory) -> tuple[Chronology, dict[str, str]]:
    db = tmp_path_factory.mktemp("gold") / "chronology.db"
    texts: dict[str, str] = {}

    def inputs():
        for item in iter_inputs([str(SEEDS)]):
            if isinstance(item, Document) and Path(item.path or "").parent.name == GOLD_DIR.name:
                texts[Path(item.path).name] = item.text
            yield item

    with Store(db, PIPELINE_VERSION) as store:
        report = build(inputs(), store)
    return report.chronology, texts


@pytest.fixture(scope="module")
def scores(gold_build) -> Scores:
    chronology, texts = gold_build
    gold = json.loads((DATA / "events.json").read_text(encoding="utf-8"))
    result = score(chronology, texts, gold)
    print("\n" + "\n".join(result.lines()))
    return result


def test_every_gold_mention_is_found_in_its_text(gold_build):
    _, texts = gold_build
    gold = json.loads((DATA / "events.json").read_text(encoding="utf-8"))
    assert set(texts) == {p.name for p in GOLD_DIR.glob("*.md")}
    for g in gold:
        for m in g["mentions"]:
            start, end = _locate(texts[m["file"]], m["text"], m["occurrence"])
            assert texts[m["file"]][start:end] == m["text"]


def test_date_level_f1_over_dated_gold_events(scores):
    assert scores.recall_events >= 30  # the corpus dates most of its 43 events
    assert scores.f1 >= 0.9, "\n".join(scores.lines())


def test_events_told_by_several_files_end_as_one_timeline_event(scores):
    assert scores.multi >= 8
    assert scores.merged_share >= 0.9, "\n".join(scores.lines())


def test_few_timeline_events_mix_two_gold_events(scores):
    assert scores.impure_share <= 0.05, "\n".join(scores.lines())
