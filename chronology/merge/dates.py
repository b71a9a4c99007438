"""Dates as the merge compares them: a mention's interval, whether two agree, a group's date.

Two dates agree when one contains the other: "8 December 2008" agrees with "December 2008",
and the group is dated by the finest interval contained in all others. A mention whose interval
does not contain the group's date is a conflict, kept and flagged, never dropped.
"""

from __future__ import annotations

import datetime as dt

from chronology.model import Conflict, EventDate, EventMention
from chronology.timex import display_date, value_interval

Span = tuple[dt.date, dt.date]

# Mods that move a date off its interval ("before March 2009"): such a mention still joins an
# event but never sets its date, since its interval is not where the event happened.
LOOSE_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                        "EQUAL_OR_LESS", "EQUAL_OR_MORE", "APPROX"})


def mention_span(m: EventMention) -> Span | None:
    """The first and last day the mention's date can mean; None for a vague date."""
    if m.date.start and m.date.end:
        return m.date.start, m.date.end
    if fallback := value_interval(m.date.value):
        return fallback[0], fallback[1]
    return None


def width(span: Span) -> int:
    return (span[1] - span[0]).days


def contains(outer: Span, inner: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def gap_days(a: Span, b: Span) -> int:
    """Days between two spans: 0 when they overlap, 1 for consecutive days, and so on."""
    if overlaps(a, b):
        return 0
    return (b[0] - a[1]).days if a[1] < b[0] else (a[0] - b[1]).days


def finest_mention(members: list[EventMention]) -> EventMention | None:
    """The member whose date the group takes: the finest interval contained in the most others.

    Ties go to the narrower interval, then the earlier one, then the mention id, so the choice
    does not depend on input order.
    """
    spans = [(m, mention_span(m)) for m in members]
    dated = [(m, s) for m, s in spans if s is not None]
    if not dated:
        return None
    precise = [(m, s) for m, s in dated if m.date.mod not in LOOSE_MODS] or dated

    def rank(item: tuple[EventMention, Span]) -> tuple:
        m, s = item
        support = sum(1 for _, other in dated if contains(other, s))
        return (-support, width(s), s[0], m.id)

    return min(precise, key=rank)[0]


def group_date(members: list[EventMention]) -> tuple[EventDate, EventMention | None]:
    """The group's date and the mention it comes from (None when every date is vague)."""
    best = finest_mention(members)
    if best is None:
        first = min(members, key=lambda m: m.id)
        return first.date.model_copy(), None
    date = best.date.model_copy()
    span = mention_span(best)
    if span and (date.start is None or date.end is None):
        date.start, date.end = span
    if not date.display:
        date.display = display_date(date.value, date.granularity, date.mod)
    return date, best


def conflicts(members: list[EventMention], date: EventDate) -> list[Conflict]:
    """The members whose dates do not contain the group's date, with the reason in words."""
    if date.start is None or date.end is None:
        return []
    chosen: Span = (date.start, date.end)
    out = []
    for m in members:
        span = mention_span(m)
        if span is None or contains(span, chosen):
            continue
        shown = m.date.display or display_date(m.date.value, m.date.granularity, m.date.mod)
        if overlaps(span, chosen):
            reason = f"{shown} only partly overlaps {date.display}"
        else:
            reason = f"{shown} does not include {date.display}"
        out.append(Conflict(mention=m.id, value=m.date.value, reason=reason))
    return out
