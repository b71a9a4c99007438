"""Publication dates for documents that have none: a window inferred from evidence, never a guess.

A second pass of the build, after every document has been analysed and before the merge; it
touches only documents that came in without a date from any source (manifest, `--published`,
metadata, byline, URL), so those always override it. Two kinds of evidence, each a window of
days the document could have been written (`window.Evidence`):

1. its own text: it was written no earlier than the latest fully written date, to the month or
   finer, that it reports in the past tense ("was killed on 3 August 2007"; a bare year is too
   often ahead: "passed the 2007 budget"), and an event it dates both
   relatively and in full ("published on 5 March 2009" ... "the report published yesterday")
   pins the day as a match with another document would;
2. the rest of the corpus (`corpus`): an event it dates relatively ("revealed yesterday") that
   the merge would join with an event a dated document dates; the writing days that make the
   expression mean that date, found by re-tagging the sentence over candidate days, are the
   window ("yesterday" = 5 March → written 6 March).

A matched event counts only with a witness: another of the document's expressions matched in
another document (or both in its own text) that agrees with it; a lone match is reported and set
aside, since without a date to go by, reports of different days share words and names. The
windows are intersected; a piece a strict majority disagrees with is reported as outvoted;
otherwise evidence that cannot be reconciled is reported and the window widened over all of it.

With an upper bound and at most a month wide, the document gets `published` (the most likely
day), `published_from = inferred` and a `published_window`, and the build analyses it again
against that day (`mark_inferred` marks its relative expressions as inferred and widens their
intervals over the window). Otherwise it stays undated: its relative expressions stay
unanchored, never read against the clock; any window found is still reported.
"""

from __future__ import annotations

import datetime as dt

from chronology.infer.corpus import DatedIndex, corpus_evidence, matches
from chronology.infer.window import (
    Evidence,
    Inference,
    combine,
    solve_anchor,
    text_bounds,
)
from chronology.model import Document, PublishedFrom, PublishedWindow, TimeMention

__all__ = [
    "DatedIndex",
    "Evidence",
    "Inference",
    "combine",
    "corpus_evidence",
    "infer_published",
    "mark_inferred",
    "matches",
    "solve_anchor",
    "text_bounds",
    "with_inference",
]

# The day an undated document is provisionally read against, only to find its relatively dated
# events (their sentence, clause, title and actors do not depend on the day; their dates are
# discarded and solved for instead).
PROVISIONAL_ANCHOR = dt.date(2000, 1, 1)


def _tag(text: str, day: dt.date | None) -> list[TimeMention]:
    from chronology.temporal import tag

    return tag(text, published=day)


def infer_published(doc: Document, index: DatedIndex | None, tag=_tag) -> Inference:
    """The window `doc` (undated) was written in, from its text and, given `index`, the corpus."""
    from chronology.events import extract_events
    from chronology.temporal.tense import tense_of

    undated = doc.model_copy(update={"published": None})
    own = tag(doc.text, None)
    evidence = text_bounds(own, doc.text, tense_of)
    provisional = doc.model_copy(update={"published": PROVISIONAL_ANCHOR})
    relative = [
        e for e in extract_events(provisional, tag(doc.text, PROVISIONAL_ANCHOR))
        if e.expression.anchor.kind == "publication"
    ]
    if relative:
        # Read undated, the text's events are exactly those its fully written dates date.
        absolute = DatedIndex.build(extract_events(undated, own))
        evidence.extend(corpus_evidence(relative, absolute, tag, own=True)[0])
        if index is not None and index.document_count:
            evidence.extend(corpus_evidence(relative, index, tag)[0])
    return combine(evidence)


def with_inference(doc: Document, inference: Inference) -> Document:
    """`doc` carrying what was inferred: a date only with an upper bound, a window whenever any
    evidence was found. Never applied over a date from another source."""
    if doc.published is not None and doc.published_from != PublishedFrom.INFERRED:
        return doc
    if inference.window is None:
        return doc.model_copy(update={"published": None, "published_from": None, "published_window": None})
    if inference.published is None:
        return doc.model_copy(update={"published": None, "published_from": None,
                                      "published_window": inference.window})
    return doc.model_copy(update={
        "published": inference.published,
        "published_from": PublishedFrom.INFERRED,
        "published_window": inference.window,
        "published_evidence": f"inferred from {len(inference.evidence)} piece(s) of evidence",
    })


def mark_inferred(text: str, mentions: list[TimeMention], window: PublishedWindow, tag=_tag) -> None:
    """Mark the mentions read against an inferred date, and widen each interval over the window:
    "yesterday" in a document written 4..6 March means 3..5 March."""
    ends = {}
    if window.latest is not None and window.earliest != window.latest:
        early = {m.start: m for m in tag(text, window.earliest)}
        late = {m.start: m for m in tag(text, window.latest)}
        ends = {start: (early.get(start), late.get(start)) for start in early}
    if window.latest == window.earliest:
        span = window.earliest.isoformat()
    else:
        span = f"between {window.earliest.isoformat()} and {window.latest.isoformat() if window.latest else '...'}"
    for m in mentions:
        if m.anchor.kind != "publication":
            continue
        m.anchor.inferred = True
        m.explanation = (m.explanation + "; " if m.explanation else "") + (
            f"the publication date {m.anchor.value} is inferred (written {span})"
        )
        first, last = ends.get(m.start, (None, None))
        if m.interval is not None and first and last and first.interval and last.interval:
            start = min(m.interval.start, first.interval.start, last.interval.start)
            end = max(m.interval.end, first.interval.end, last.interval.end)
            m.interval = m.interval.model_copy(update={"start": start, "end": end})
