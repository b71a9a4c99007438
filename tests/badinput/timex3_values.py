"""A validator for TIMEX3 `value` strings (TimeML 1.2.1, ISO 8601 as TimeML extends it), for the
property tests: built from named pieces, then field ranges checked (month 01-12, week 01-53 ...).

Accepted forms, any digit of a date or time may be an X placeholder:
  dates     YYYY, YYY (decade), YY (century), YYYY-MM, YYYY-MM-DD
  weeks     YYYY-Www, YYYY-Www-D, YYYY-Www-WE (weekend), YYYY-Www-WD (the working days)
  parts     YYYY-SP/SU/FA/WI (seasons), YYYY-Q1..Q4, YYYY-H1/H2
  times     a day or week day followed by Thh, Thh:mm, Thh:mm:ss, or TMO/TAF/TEV/TNI/TDT,
            with an optional zone (Z, +hh:mm)
  durations P followed by amounts of Y M W D DE CE ML Q WE (or X), or E C L (decade, century,
            millennium, as TimeBank writes them: P1E, PXC, P2L), then T and amounts of H M S
  refs      PRESENT_REF, PAST_REF, FUTURE_REF
SETs use the duration and date forms (P1D; XXXX-WXX-1 for every Monday).
"""

from __future__ import annotations

import re

D = r"[\dX]"
YEAR = rf"(?P<year>{D}{{4}})"
DECADE = rf"{D}{{3}}"
CENTURY = rf"{D}{{2}}"
MONTH = rf"-(?P<month>{D}{{2}})"
DAY = rf"-(?P<day>{D}{{2}})"
WEEK = rf"-W(?P<week>{D}{{2}})(?:-(?:(?P<weekday>{D})|WE|WD))?"
PART = r"-(?:SP|SU|FA|WI|Q[1-4X]|H[12X])"
CLOCK = rf"(?P<hour>{D}{{2}})(?::(?P<minute>{D}{{2}})(?::(?P<second>{D}{{2}})(?:\.\d+)?)?)?"
TIME = rf"(?P<time>T(?:{CLOCK}|MO|AF|EV|NI|DT)(?:Z|[+-]\d{{2}}(?::?\d{{2}})?)?)"
# A time of day follows a day or a week (checked after the match: one TIME group only).
DATE = rf"{YEAR}(?:{MONTH}(?:{DAY})?|{WEEK}|{PART})?{TIME}?|{DECADE}|{CENTURY}"
AMOUNT = r"(?:\d+(?:\.\d+)?|X+)"
DURATION = rf"P(?=.)(?:{AMOUNT}(?:DE|CE|ML|WE|Y|M|W|D|Q|H|E|C|L))*(?:T(?:{AMOUNT}[HMS])+)?"
REF = r"PRESENT_REF|PAST_REF|FUTURE_REF"
VALUE_RE = re.compile(rf"(?:{DATE}|{DURATION}|{REF})")

# (group, lowest, highest) for numeric fields; an X anywhere in the field skips its check.
RANGES = (("month", 1, 12), ("day", 1, 31), ("week", 1, 53), ("weekday", 1, 7), ("hour", 0, 24),
          ("minute", 0, 59), ("second", 0, 60))  # fmt: skip


def timex3_problem(value: str) -> str | None:
    """Why `value` is not a well-formed TIMEX3 value, or None when it is."""
    m = VALUE_RE.fullmatch(value)
    if m is None:
        return f"{value!r} has no TIMEX3 form"
    if m.group("time") and not (m.group("day") or m.group("week")):
        return f"{value!r} has no TIMEX3 form (a time of day needs a day or a week)"
    for group, low, high in RANGES:
        field = m.group(group)
        if field is None or "X" in field:
            continue
        if not low <= int(field) <= high:
            return f"{value!r}: {group} {field} is outside {low}-{high}"
    return None
