"""Resolution: a recognised expression + its anchor + its clause's tense → a TIMEX3 value.

Pure functions, no clock: the anchor (the publication date, or the time the text last talked
about) is always passed in. Without an anchor, the unknown parts stay X and the mention is marked
unanchored. Each resolver returns a `Resolved` with the rule's own explanation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chronology.temporal.lexicon import MODS, MONTHS, NUMBERS, UNITS, VAGUE_NUMBERS


@dataclass
class Resolved:
    type: str
    value: str
    how: str  # the why of the explanation, e.g. "the day before 2009-03-06, the publication date"
    anchor: str = "none"  # publication | mention | none
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    anchored: bool = True
    span: tuple[dt.date, dt.date] | None = None  # interval of an anchored duration
    comparison: bool = False  # "the year-ago quarter": a period compared with, not reported on


# In a narrative, the time the story is at stands in for the publication date (tag(narrative=True)).
NARRATIVE_ANCHOR = "the time the text last mentioned"


@dataclass(frozen=True)
class Context:
    dct: dt.date | None  # the publication date
    ref: dt.date | None  # the time the text last talked about (day precision) or None
    ref_granularity: str | None  # of the last dated mention: "quarter" makes "a year ago" a quarter
    tense: str  # past | future | none
    quarter: tuple[int, int] | None = None  # the reporting quarter the text last named (year, q)
    half: tuple[int, int] | None = None  # the reporting half-year the text last named (year, h)
    anchor_name: str = "the publication date"  # what `dct` is, in explanations (or NARRATIVE_ANCHOR)
    ref_shown: str | None = None  # the value of the mention `ref` comes from ("1999"), for explanations


# ---------------------------------------------------------------------------------------- values

def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def add_units(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("D",):
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    if unit == "M":
        y, m = shift_months(d.year, d.month, n)
        return dt.date(y, m, min(d.day, 28))
    if unit == "Q":
        y, m = shift_months(d.year, d.month, 3 * n)
        return dt.date(y, m, min(d.day, 28))
    if unit == "Y":
        return dt.date(d.year + n, d.month, min(d.day, 28))
    if unit == "DE":
        return dt.date(d.year + 10 * n, d.month, min(d.day, 28))
    if unit == "CE":
        return dt.date(d.year + 100 * n, d.month, min(d.day, 28))
    return d


def unit_value(d: dt.date, unit: str) -> str:
    """The calendar unit containing `d`, written as a TIMEX3 value."""
    if unit == "D":
        return day_value(d)
    if unit == "W":
        return week_value(d)
    if unit == "WE":
        return week_value(d) + "-WE"
    if unit == "M":
        return month_value(d.year, d.month)
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return day_value(d)


def unknown_value(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
            "Y": "XXXX", "DE": "XXX", "CE": "XX"}.get(unit, "XXXX-XX-XX")


def number(word: str | None) -> float | None:
    """The number a quantity word means; None for vague ones ('several')."""
    if word is None:
        return 1
    w = " ".join(word.lower().split()).replace(",", "")  # "4,000"
    if w in VAGUE_NUMBERS:
        return None
    if w in NUMBERS:
        return NUMBERS[w]
    head, _, scale = w.rpartition(" ")
    if scale in ("hundred", "thousand") and head:  # "two thousand", "several hundred"
        n = number(head)
        return None if n is None else n * NUMBERS[scale]
    tens, _, ones = w.replace("-", " ").partition(" ")
    if tens in NUMBERS and ones in NUMBERS and NUMBERS[tens] in range(20, 100, 10) and NUMBERS[ones] in range(1, 10):
        return NUMBERS[tens] + NUMBERS[ones]  # "twenty-four"
    if w.endswith(("1/2", "½")):  # "5 1/2 hours"
        whole = w.removesuffix("1/2").removesuffix("½").strip()
        return int(whole) + 0.5 if whole.isdigit() else None
    try:
        return float(w) if "." in w else int(w)
    except ValueError:
        return None


def unit_code(word: str) -> tuple[str, bool, str]:
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s"):
        w = w[:-1]
    return UNITS[w]


def duration_value(n: float | None, unit_word: str) -> str:
    letter, is_time, _ = unit_code(unit_word)
    if unit_word.lower().startswith("fortnight"):  # two weeks: "a fortnight" = P2W
        n = None if n is None else n * 2
    if letter == "Q":  # ISO 8601 has no quarter unit: "the next three quarters" is P9M, as TimeBank writes it
        letter, n = "M", None if n is None else n * 3
    if n is not None and letter in ("DE", "CE"):
        # "two decades" = P20Y, "a decade and a half" = P15Y: counted decades and centuries are
        # written in years, which every ISO 8601 reader understands; "decades" (no count) keeps
        # its own unit, written as the TimeML corpora write it: PXE, and PXC for "centuries".
        years = n * (10 if letter == "DE" else 100)
        return f"P{int(years) if float(years).is_integer() else years:g}Y"
    if n is None and letter in ("DE", "CE"):
        return "PX" + letter[0].replace("D", "E")
    if n is not None and not float(n).is_integer() and float(n * 2).is_integer() and letter in _HALF_OF:
        # "5 1/2 hours" = PT5H30M: a half written in the next smaller unit, as TIMEX3 values are
        whole = int(n)
        half = _HALF_OF[letter]
        return ("PT" if is_time else "P") + (f"{whole}{letter}" if whole else "") + half
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else f"{n:g}")
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def compound_duration(n: float, unit: str, n2: float, unit2: str) -> str:
    """A length in two units, largest first: "1 hour, 12 minutes" = PT1H12M, "two years and three
    months" = P2Y3M, "a day and six hours" = P1DT6H, "two weeks and three days" = P17D (ISO 8601 does
    not mix weeks with other units)."""
    (a, a_time, _), (b, b_time, _) = unit_code(unit), unit_code(unit2)
    n, n2 = int(n), int(n2)
    if a == "W":
        a, n = "D", n * 7
        if b == "D":
            return f"P{n + n2}D"
    if b == "W":
        b, n2 = "D", n2 * 7
    if a_time:
        return f"PT{n}{a}{n2}{b}"
    return f"P{n}{a}" + (f"T{n2}{b}" if b_time else f"{n2}{b}")


_HALF_OF = {"H": "30M", "M": "30S", "Y": "6M", "D": "T12H", "DE": "5Y", "CE": "50Y"}


def mod_of(word: str | None) -> str | None:
    if not word:
        return None
    return MODS.get(" ".join(word.lower().split()).rstrip("-"))


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _anchor_words(ctx: Context) -> str:
    return f"{ctx.dct.isoformat()}, {ctx.anchor_name}"


def _ref_words(ctx: Context, base: dt.date) -> str:
    """The date counted from, as precise as the text gave it: "1999", not 1999-01-01."""
    return ctx.ref_shown if ctx.ref_shown and base == ctx.ref else base.isoformat()


def _direction(ctx: Context) -> str:
    if ctx.anchor_name == NARRATIVE_ANCHOR:
        return "the story moving forward, at or after"
    return {"past": "past tense, at or before", "future": "future tense, after"}.get(ctx.tense, "no tense cue, nearest to")


# ------------------------------------------------------------------ underspecified month and day

def year_for_month(month: int, dct: dt.date, tense: str) -> int:
    if tense == "past":
        return dct.year if month <= dct.month else dct.year - 1
    if tense == "future":
        return dct.year if month >= dct.month else dct.year + 1
    diff = month - dct.month
    if diff >= 6:  # half a year either way and no cue: news mostly reports what has happened
        return dct.year - 1
    if diff < -6:
        return dct.year + 1
    return dct.year


def date_for_day_month(month: int, day: int, dct: dt.date, tense: str, weekday: int | None = None) -> dt.date | None:
    """The year of a day and month written without one: the nearest within two months of `dct`,
    else the one before or after it as the tense says. A weekday written with it ("Friday, Feb. 18")
    picks among the years whose day is that weekday, up to seven years back, when any is."""
    def make(y):
        try:
            return dt.date(y, month, day)
        except ValueError:
            return None

    options = [d for d in (make(dct.year - 1), make(dct.year), make(dct.year + 1)) if d]
    if weekday is not None:
        named = [d for d in map(make, range(dct.year - _WEEKDAY_YEARS_BACK, dct.year + 2)) if d and d.isoweekday() == weekday]
        if named and not any(d.isoweekday() == weekday and abs((d - dct).days) <= 60 for d in options):
            options = named
    if not options:
        return None
    # A day within two months of the writing is the nearest one whatever the tense says: news
    # reports the days around it, and a misread tense would cost a whole year.
    nearest = min(options, key=lambda d: abs((d - dct).days))
    if abs((nearest - dct).days) <= 60:
        return nearest
    if tense == "past":
        before = [d for d in options if d <= dct]
        return max(before) if before else min(options)
    if tense == "future":
        after = [d for d in options if d >= dct]
        return min(after) if after else max(options)
    return nearest


# How far back a weekday written with a day and month may move its year ("Friday, Feb. 18" in a
# story of 2006 is 2005's): a day-month-weekday comes round again within six years, or eleven.
_WEEKDAY_YEARS_BACK = 7


def weekday_date(wd: int, dct: dt.date, tense: str, rel: str | None) -> dt.date:
    delta = wd - dct.isoweekday()
    if rel == "this":
        return dct + dt.timedelta(days=delta)
    # Newswire convention: a bare weekday that is the publication day is that day ("said Friday"
    # in Friday's paper); "next"/"last" always move at least a day.
    # ... and what is tomorrow is "tomorrow": "next Wednesday" said on a Tuesday is the one after
    # (and "last Tuesday" said on a Wednesday the one before yesterday's)
    if rel in ("next", "coming"):
        return dct + dt.timedelta(days=(delta % 7) + 7 * (delta % 7 in (0, 1)))
    if rel in ("last", "past"):
        return dct - dt.timedelta(days=((-delta) % 7) + 7 * ((-delta) % 7 in (0, 1)))
    if tense == "future":
        return dct + dt.timedelta(days=delta % 7)
    if tense == "none" and 0 < delta % 7 <= 2:
        # no tense cue: the nearest, the past winning a near tie (news reports more than it
        # forecasts): Saturday in Thursday's paper is two days on, Monday's is three days back
        return dct + dt.timedelta(days=delta % 7)
    return dct - dt.timedelta(days=(-delta) % 7)


def weekday_name(wd: int) -> str:
    return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[wd - 1]

