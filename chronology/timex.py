"""The TIMEX3 value algebra every stage shares: values turned into intervals and into words.

`display_date` is the one place a TIMEX3 value becomes words ("6 March 2009", "December 2008",
"spring 2010", "the 2000s", "early 2009"): the tagger's explanations, the events, the merge, the
page and the JSON export all use it. `value_interval` gives the calendar days a value can mean,
for mentions that arrive without an interval (hand-built or from an older cache) and for the
merge's date comparisons. Pure functions over strings and dates; no stage's types but the model's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from chronology.model import Granularity

MONTHS = [calendar.month_name[i] for i in range(13)]

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}
QUARTERS = {"Q1": "first quarter", "Q2": "second quarter", "Q3": "third quarter", "Q4": "fourth quarter"}
HALVES = {"H1": "first half", "H2": "second half"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
REFS = {"PAST_REF": "the past", "PRESENT_REF": "now", "FUTURE_REF": "the future"}

# How a TIMEX3 mod reads in front of the date ("early 2009", "before March 2009").
MOD_WORDS = {
    "START": "early {}",
    "EARLY": "early {}",
    "MID": "mid-{}",
    "END": "late {}",
    "LATE": "late {}",
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "by {}",
    "ON_OR_AFTER": "since {}",
    "APPROX": "about {}",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
}

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2}))?|T(MO|AF|EV|NI|DT))?$")  # ("T24": an hour alone)
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_RE = re.compile(r"^(\d{4})$")
_DECADE_RE = re.compile(r"^(\d{3})X?$")
_CENTURY_RE = re.compile(r"^(\d{2})(?:XX)?$")
_SEASON_RE = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER_RE = re.compile(r"^(\d{4})-(Q[1-4])$")
_HALF_RE = re.compile(r"^(\d{4})-(H[12])$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_UNKNOWN_YEAR_MONTH_RE = re.compile(r"^XXXX-(\d{2})$")


def _day(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month]} {d.year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def clock_words(hour: int, minute: int = 0) -> str:
    """A clock time as people write it: (18, 30) -> '6:30pm', (9, 0) -> '9am'."""
    return f"{(hour % 12) or 12}{f':{minute:02d}' if minute else ''}{'am' if hour < 12 else 'pm'}"


def _plain(value: str) -> str:
    """The value in words without its mod; the value itself when it is not a known form."""
    if value in REFS:
        return REFS[value]
    if m := _DAY_RE.match(value):
        y, mo, d, hh, mm, part = m.groups()
        try:
            day = _day(dt.date(int(y), int(mo), int(d)))
        except ValueError:
            return value
        if hh is not None:
            h, minute = int(hh), int(mm or 0)
            if h == 24:  # ISO 8601's end of the day
                return f"midnight at the end of {day}"
            return f"{clock_words(h, minute)}, {day}"
        if part:
            return f"the {PARTS_OF_DAY[part]} of {day}"
        return day
    if m := _MONTH_RE.match(value):
        month = int(m.group(2))
        return f"{MONTHS[month]} {m.group(1)}" if 1 <= month <= 12 else value
    if m := _YEAR_RE.match(value):
        return m.group(1)
    if m := _SEASON_RE.match(value):
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    if m := _QUARTER_RE.match(value):
        return f"the {QUARTERS[m.group(2)]} of {m.group(1)}"
    if m := _HALF_RE.match(value):
        return f"the {HALVES[m.group(2)]} of {m.group(1)}"
    if m := _WEEK_RE.match(value):
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return value
        return f"the week of {_day(monday)}" if not value.endswith("-WE") else f"the weekend after {_day(monday)}"
    if m := _DECADE_RE.match(value):
        return f"the {m.group(1)}0s"
    if m := _CENTURY_RE.match(value):
        return f"the {_ordinal(int(m.group(1)) + 1)} century"
    if m := _UNKNOWN_YEAR_MONTH_RE.match(value):
        month = int(m.group(1))
        return f"{MONTHS[month]} (year unknown)" if 1 <= month <= 12 else value
    return value


def display_date(value: str, granularity: Granularity | str | None = None, mod: str | None = None) -> str:
    """A TIMEX3 value written at its precision, with its mod: '2009-03' -> 'March 2009'.

    `granularity` only matters for values whose text does not show it (kept for callers that
    have it; the value is authoritative).
    """
    text = _plain(value)
    if mod and mod in MOD_WORDS and value not in REFS:
        # "early the 2000s" reads badly: drop the article under a mod.
        base = text[4:] if text.startswith("the ") and mod in {"START", "EARLY", "MID", "END", "LATE"} else text
        text = MOD_WORDS[mod].format(base)
    return text


def display_interval(start: dt.date, end: dt.date) -> str:
    """An interval in words, for anchored durations ('March 2006 to 6 March 2009')."""
    if start == end:
        return _day(start)
    return f"{_day(start)} to {_day(end)}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def value_interval(value: str) -> tuple[dt.date, dt.date, Granularity] | None:
    """The first and last day a fully specified TIMEX3 date value can mean, and its unit."""
    try:
        if m := _DAY_RE.match(value):
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d, Granularity.TIME if (m.group(4) or m.group(6)) else Granularity.DAY
        if m := _MONTH_RE.match(value):
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.date(y, mo, 1), _month_end(y, mo), Granularity.MONTH
        if m := _YEAR_RE.match(value):
            y = int(m.group(1))
            return dt.date(y, 1, 1), dt.date(y, 12, 31), Granularity.YEAR
        if m := _SEASON_RE.match(value):
            y = int(m.group(1))
            first, last = SEASON_MONTHS[m.group(2)]
            if first > last:  # winter runs into the next year
                return dt.date(y, first, 1), _month_end(y + 1, last), Granularity.SEASON
            return dt.date(y, first, 1), _month_end(y, last), Granularity.SEASON
        if m := _QUARTER_RE.match(value):
            y, q = int(m.group(1)), int(m.group(2)[1])
            return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), Granularity.QUARTER
        if m := _HALF_RE.match(value):
            y, h = int(m.group(1)), int(m.group(2)[1])
            return dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), Granularity.HALF
        if m := _WEEK_RE.match(value):
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + dt.timedelta(days=6), Granularity.WEEK
        if m := _DECADE_RE.match(value):
            y = int(m.group(1)) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31), Granularity.DECADE
        if m := _CENTURY_RE.match(value):
            y = int(m.group(1)) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), Granularity.CENTURY
    except ValueError:
        return None
    return None
