"""Windows of publication days: evidence as day ranges, solving a relative expression for its
anchor, and combining evidence into one window (intersection, or a reported, widened hull).

All pure: the tagger is passed in as a function of (text, day), so the same rules that resolve
"last month" everywhere else decide which writing days make it mean a given month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from chronology.model import Granularity, PublishedWindow, TimeMention

Tagger = Callable[[str, dt.date], list[TimeMention]]

# How far from a matched date the writing day is searched. Deictic expressions the tagger
# resolves ("yesterday", "last month", "in December", "last year", "December last year") lie
# within two years of their anchor; 800 days covers them with room to spare.
SEARCH_DAYS = 800

# Confidence of a window by what pins it (a heuristic scale, stated so readers can weigh it):
# matched events in other documents that agree on a window of a week or less; that agree on a
# wider one; only the document's own text; evidence that disagreed and was widened over.
CONFIDENCE_PINNED = 0.8
CONFIDENCE_LOOSE = 0.6
CONFIDENCE_TEXT = 0.3
CONFIDENCE_OUTVOTED = 0.5
CONFIDENCE_CONFLICT = 0.2
PINNED_DAYS = 7
# A window wider than a month dates nothing usefully: "yesterday" would be shown on one day of
# a span of months. The document keeps the window as information but stays undated, its
# relative expressions unanchored.
MAX_DATED_DAYS = 31

# Dates fine enough to bound the writing by. A bare year is not: on news text a year in a
# past-tense sentence is as often ahead ("passed the 2007 budget", "job cuts between 2006 and
# 2008", "contenders for the 2008 election"; 13 of 246 undated TE3-Silver documents got a wrong
# bound from years), while "died on 3 August 2007" is behind.
_BOUNDING = frozenset({Granularity.TIME, Granularity.DAY, Granularity.WEEK, Granularity.MONTH})
# A sentence with any of these looks ahead somewhere, and the nearest-cue tense of a clause is
# not sure enough then to bound the writing by a date in it.
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|shall|'ll|scheduled|planned|plans?|expected|expects?|due|forecasts?|"
    r"targets?|aims?|until|till|budget|upcoming|next|proposed|proposals?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    """One constraint on the writing day: earliest..latest (latest None = no upper bound)."""

    earliest: dt.date
    latest: dt.date | None
    reason: str
    document: str | None = None  # the other document that supplied the matched date
    expression: str | None = None  # the undated document's expression it rests on
    score: float | None = None  # for a matched event: the merge's similarity of the two tellings

    def describe(self) -> str:
        upto = self.latest.isoformat() if self.latest else "..."
        return f"{self.earliest.isoformat()}..{upto}: {self.reason}"


@dataclass
class Inference:
    """What the evidence allows. `published` is None when no upper bound was found."""

    window: PublishedWindow | None = None
    published: dt.date | None = None
    evidence: list[Evidence] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    aside: list[Evidence] = field(default_factory=list)  # lone weak matches, not used


def text_bounds(mentions: Sequence[TimeMention], text: str, tense: Callable[[str, int, int], str]) -> list[Evidence]:
    """The lower bound a text puts on its own writing: the latest date written out in full
    (no anchor needed), to the month or finer, that its clause reports in the past tense in a
    sentence that does not look ahead. A future-tense date says nothing: articles announce
    things years ahead."""
    reported = [
        m for m in mentions
        if m.type in ("DATE", "TIME") and m.anchor.kind == "none" and m.anchored and m.interval is not None
        and m.granularity in _BOUNDING and tense(text, m.start, m.end) == "past"
        and not _LOOKS_AHEAD.search(_sentence(text, m.start, m.end))
    ]
    if not reported:
        return []
    latest = max(reported, key=lambda m: (m.interval.start, m.start))
    return [Evidence(latest.interval.start, None, f"reports '{latest.text}' ({latest.value}) in the past tense",
                     expression=latest.text)]


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[left:min(stops) + 1 if stops else len(text)]


def _resolution(sentence: str, offset: int, day: dt.date, tag: Tagger) -> tuple[dt.date, dt.date] | None:
    for m in tag(sentence, day):
        if m.start == offset:
            if m.interval is None or m.anchor.kind != "publication":
                return None
            return m.interval.start, m.interval.end
    return None


def solve_anchor(sentence: str, offset: int, target: tuple[dt.date, dt.date], tag: Tagger) -> tuple[dt.date, dt.date] | None:
    """The writing days D for which the expression at `offset` of `sentence`, resolved against D,
    overlaps `target` (the other document's date for the same event); None when no day does.

    Deictic resolution moves forward with its anchor (a later writing day never makes "last
    month" an earlier month), so the days form one run found by two binary searches; both ends
    are then checked, which catches an expression that does not behave so.
    """
    lo_day = target[0] - dt.timedelta(days=SEARCH_DAYS)
    hi_day = target[1] + dt.timedelta(days=SEARCH_DAYS)
    cache: dict[dt.date, tuple[dt.date, dt.date] | None] = {}

    def res(day: dt.date):
        if day not in cache:
            cache[day] = _resolution(sentence, offset, day, tag)
        return cache[day]

    def first(pred) -> dt.date | None:
        lo, hi = 0, (hi_day - lo_day).days + 1  # search [lo, hi) for the first day pred holds
        while lo < hi:
            mid = (lo + hi) // 2
            r = res(lo_day + dt.timedelta(days=mid))
            if r is None:
                return None
            if pred(r):
                hi = mid
            else:
                lo = mid + 1
        return lo_day + dt.timedelta(days=lo)

    start = first(lambda r: r[1] >= target[0])  # first day whose reading reaches the target
    after = first(lambda r: r[0] > target[1])  # first day whose reading is past the target
    if start is None or after is None:
        return None
    end = after - dt.timedelta(days=1)
    if start > end:
        return None
    for day in (start, end):
        r = res(day)
        if r is None or r[1] < target[0] or r[0] > target[1]:
            return None
    return start, end


def _covers(e: Evidence, day: dt.date) -> bool:
    return e.earliest <= day and (e.latest is None or day <= e.latest)


def agreeing_groups(evidence: Sequence[Evidence]) -> list[list[Evidence]]:
    """The largest sets of evidence that allow a common day (one per distinct set, in order).

    The deepest overlap always begins at some piece's earliest day, so only those are tried;
    evidence per document is a handful of pieces, so the square is cheap.
    """
    groups: list[list[Evidence]] = []
    best = 0
    for day in sorted({e.earliest for e in evidence}):
        group = [e for e in evidence if _covers(e, day)]
        if len(group) > best:
            best, groups = len(group), [group]
        elif len(group) == best and all(set(map(id, group)) != set(map(id, g)) for g in groups):
            groups.append(group)
    return groups


def _bounds(evidence: Sequence[Evidence]) -> tuple[dt.date, dt.date | None]:
    bounded = [e.latest for e in evidence if e.latest is not None]
    return max(e.earliest for e in evidence), (min(bounded) if bounded else None)


def _overlap(a: Evidence, b: Evidence) -> bool:
    return (a.latest is None or b.earliest <= a.latest) and (b.latest is None or a.earliest <= b.latest)


# A matched event is used only when another witness agrees with it: a match of another of the
# document's expressions, with another dated document. The merge matches tellings that already
# share a date; these are matched with no date to go by, and news on one subject shares its
# words and its actors' names (weekly rate reports, daily market reports, "reported on Monday"
# in two papers on different Mondays). On TE3-Silver, letting a strong match (the merge's
# NEAR_MISS_SCORE) stand alone gave 11 wrong windows of 41 instead of 5 of 24
# (benchmarks/infer_silver.py, every tenth of 2,452 documents undated).


def _independent(a: Evidence, b: Evidence) -> bool:
    """Two witnesses: two of the document's expressions, matched in two different documents
    (or both in its own text)."""
    return a.expression != b.expression and (a.document != b.document or a.document is None)


def corroborated(evidence: Sequence[Evidence]) -> tuple[list[Evidence], list[Evidence]]:
    """(used, set aside): a matched event is used when an independent match agrees with it;
    evidence that is not a match (the text's bounds) is always used."""
    matched = [e for e in evidence if e.score is not None]
    used, aside = [], []
    for e in evidence:
        ok = e.score is None or any(_independent(o, e) and _overlap(o, e) for o in matched)
        (used if ok else aside).append(e)
    return used, aside


def combine(evidence: Sequence[Evidence]) -> Inference:
    """One window from all evidence: the days every piece allows.

    Matches no independent witness agrees with are set aside first (see `corroborated`). When no day is allowed by all: if one set of pieces that agree holds a strict majority, the
    window is theirs and every other piece is reported as outvoted (a lone match the merge's
    words made between two different events should not move a date that three others agree
    on); otherwise the disagreement is reported and the window is the hull of every piece,
    wider and less sure, never a pick of one side.
    """
    evidence, aside = corroborated(evidence)
    if not evidence:
        return Inference(aside=aside)
    corpus = any(e.document for e in evidence)
    earliest, latest = _bounds(evidence)
    conflicts: list[str] = []
    kept = evidence
    if latest is not None and earliest > latest:
        groups = agreeing_groups(evidence)
        if len(groups) == 1 and 2 * len(groups[0]) > len(evidence):
            kept = groups[0]
            earliest, latest = _bounds(kept)
            conflicts = [f"outvoted by {len(kept)} agreeing piece(s): {e.describe()}"
                         for e in evidence if all(e is not k for k in kept)]
            confidence = CONFIDENCE_OUTVOTED
        else:
            conflicts = [
                f"{len(evidence)} pieces of evidence do not agree (at most {len(groups[0])} allow a "
                "common day); the window covers them all: " + "; ".join(e.describe() for e in evidence)
            ]
            kept = evidence
            earliest = min(e.earliest for e in evidence)
            latest = None if any(e.latest is None for e in evidence) else max(e.latest for e in evidence)
            confidence = CONFIDENCE_CONFLICT
    elif not corpus:
        confidence = CONFIDENCE_TEXT
    elif latest is not None and (latest - earliest).days + 1 <= PINNED_DAYS:
        confidence = CONFIDENCE_PINNED
    else:
        confidence = CONFIDENCE_LOOSE
    window = PublishedWindow(
        earliest=earliest,
        latest=latest,
        confidence=confidence,
        evidence=[e.describe() for e in evidence],
        sources=sorted({e.document for e in kept if e.document}),
        conflicts=conflicts,
        uncorroborated=[e.describe() for e in aside],
    )
    published = most_likely_day(evidence, earliest, latest)
    if latest is not None and (latest - earliest).days + 1 > MAX_DATED_DAYS:
        published = None
    return Inference(window, published, evidence, conflicts, aside)


def most_likely_day(evidence: Sequence[Evidence], earliest: dt.date, latest: dt.date | None) -> dt.date | None:
    """The middle of the days inside the window that the most pieces of evidence allow (on a
    conflict, where the evidence is densest); None with no upper bound."""
    if latest is None:
        return None
    width = (latest - earliest).days + 1
    counts = []
    for k in range(min(width, 3 * SEARCH_DAYS)):
        day = earliest + dt.timedelta(days=k)
        counts.append((sum(1 for e in evidence if _covers(e, day)), day))
    top = max(c for c, _ in counts)
    best = [day for c, day in counts if c == top]
    return best[len(best) // 2] if len(best) % 2 else best[len(best) // 2 - 1]
