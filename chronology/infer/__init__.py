"""Publication dates for documents that have none: a window inferred from evidence, never a guess.

Two kinds of evidence, each turned into a window of days the document could have been written:

1. its own text: it was written no earlier than the latest absolute date it reports in the
   past tense (a date whose value is fully written out, e.g. "2005", "5 March 2009");
2. the rest of the corpus: when an event it dates relatively ("revealed yesterday", "told the
   Guardian last month") is the same event that a dated document dates, the publication days
   that would make the relative expression mean that date form a window ("yesterday" = 5 March
   pins the day to 6 March; "last month" = February pins the month to March).

The window is the intersection of what every piece of evidence allows. Evidence that cannot be
reconciled is reported and the window widened to cover it all, with a lower confidence. With no
bound on either side the document stays undated: its relative expressions stay unanchored.

Solving a relative expression for its anchor is done by asking the tagger itself: the sentence is
resolved against each candidate day and the days whose resolution equals the matched date are
kept. This uses the same rules as everything else (no second, divergent model of "last month"),
and it is cheap because only one sentence is re-tagged and only over a bounded range of days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from chronology.model import EventMention, PublishedWindow, TimeMention

# How far around a matched date to look for the anchors that explain it. "Last year" or
# "in December" can be up to about a year from the writing; two years covers every deictic form
# the tagger resolves at coarser than year precision is not used as evidence.
_SEARCH_DAYS = 400


@dataclass
class Evidence:
    earliest: dt.date
    latest: dt.date | None
    reason: str
    document: str | None = None  # the other document that supplied the matched date

    def describe(self) -> str:
        upto = f"{self.latest}" if self.latest else "…"
        return f"{self.earliest}..{upto}: {self.reason}"


@dataclass
class Inference:
    window: PublishedWindow | None
    published: dt.date | None
    evidence: list[Evidence] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _is_absolute(m: TimeMention) -> bool:
    """A date written out in full: it does not depend on any anchor."""
    return m.type == "DATE" and m.anchor.kind == "none" and m.anchored and m.interval is not None


def text_bounds(mentions: Sequence[TimeMention], past: Callable[[TimeMention], bool]) -> list[Evidence]:
    """The lower bound a text puts on its own writing: the latest absolute date it reports as past."""
    reported = [m for m in mentions if _is_absolute(m) and past(m)]
    if not reported:
        return []
    latest = max(reported, key=lambda m: m.interval.start)
    return [Evidence(latest.interval.start, None, f"reports '{latest.text}' ({latest.value}) as past")]


def solve_anchor(
    sentence: str,
    offset: int,
    target_start: dt.date,
    target_end: dt.date,
    tag: Callable[[str, dt.date], list[TimeMention]],
) -> tuple[dt.date, dt.date] | None:
    """The days D such that the expression at `offset` of `sentence`, resolved against D, means
    exactly [target_start, target_end]; None when no day in range does."""
    first = last = None
    day = target_start - dt.timedelta(days=_SEARCH_DAYS)
    stop = target_end + dt.timedelta(days=_SEARCH_DAYS)
    while day <= stop:
        for m in tag(sentence, day):
            if m.start == offset and m.interval is not None:
                if m.interval.start == target_start and m.interval.end == target_end:
                    first = first or day
                    last = day
                break
        day += dt.timedelta(days=1)
    return (first, last) if first else None


def combine(evidence: list[Evidence], pinned_days: list[dt.date]) -> Inference:
    """Intersect the windows; on a conflict, report it and take the hull instead."""
    if not evidence:
        return Inference(None, None)
    earliest = max(e.earliest for e in evidence)
    bounded = [e.latest for e in evidence if e.latest is not None]
    if not bounded:
        return Inference(None, None, evidence)
    latest = min(bounded)
    conflicts: list[str] = []
    confidence = 0.9 if pinned_days else 0.6
    if earliest > latest:
        conflicts = [e.describe() for e in evidence]
        earliest = min(e.earliest for e in evidence)
        latest = max(bounded)
        confidence = 0.3
    width = (latest - earliest).days + 1
    if not pinned_days:
        confidence = min(confidence, 0.5 if width > 31 else confidence)
    # The most likely day: the day most evidence pins, else the middle of the window.
    inside = [d for d in pinned_days if earliest <= d <= latest]
    if inside:
        published = max(sorted(set(inside)), key=inside.count)
    else:
        published = earliest + dt.timedelta(days=width // 2)
    window = PublishedWindow(
        earliest=earliest,
        latest=latest,
        confidence=confidence,
        evidence=[e.describe() for e in evidence],
    )
    return Inference(window, published, evidence, conflicts)


def corpus_evidence(
    undated: Sequence[EventMention],
    dated: Sequence[EventMention],
    same_event: Callable[[EventMention, EventMention], bool],
    tag: Callable[[str, dt.date], list[TimeMention]],
) -> list[Evidence]:
    """Evidence from events this document dates relative to its own (unknown) date that dated
    documents date too. `undated` were extracted with a provisional anchor; only expressions
    anchored to the publication date count."""
    found: list[Evidence] = []
    for mine in undated:
        if mine.expression.anchor.kind != "publication":
            continue
        for theirs in dated:
            if theirs.document == mine.document or theirs.date.start is None or theirs.date.end is None:
                continue
            if theirs.date.granularity != mine.date.granularity or not same_event(mine, theirs):
                continue
            offset = mine.expression.start - mine.sentence_start
            window = solve_anchor(mine.sentence, offset, theirs.date.start, theirs.date.end, tag)
            if window is None:
                continue
            found.append(
                Evidence(
                    window[0],
                    window[1],
                    f"'{mine.expression.text}' ({mine.title}) = {theirs.date.value} in {theirs.document}",
                    document=theirs.document,
                )
            )
    return found
