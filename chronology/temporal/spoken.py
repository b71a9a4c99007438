"""TIMEX3 durations and sets said in words, for the one-line explanations people read.

    "P8M" -> "8 months", "PT5H30M" -> "5 hours 30 minutes", "PXY" -> "years (how many unsaid)",
    "P1W" as a set twice over -> "twice every week"

Pure and total: a value it cannot read comes back as it is.
"""

from __future__ import annotations

import re

_DATE_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "L": "millennium",
               "C": "century", "E": "decade", "WE": "weekend", "H": "half year"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_PART = re.compile(r"(\d+(?:\.\d+)?|X)(WE|[A-Z])")
_PLURAL = {"century": "centuries", "millennium": "millennia"}
_TIMES = {"1X": "once", "2X": "twice"}


def _count(amount: str, unit: str) -> str:
    if amount == "X":
        return f"{_PLURAL.get(unit, unit + 's')} (how many unsaid)"
    n = float(amount)
    shown = f"{n:g}"
    return f"{shown} {unit if n == 1 else _PLURAL.get(unit, unit + 's')}"


def duration_words(value: str) -> str:
    """'P8M' -> '8 months'; 'PT5H30M' -> '5 hours 30 minutes'; anything else as it is."""
    if not value.startswith("P") or len(value) < 3:
        return value
    date_part, _, time_part = value[1:].partition("T")
    pieces = []
    for part, units in ((date_part, _DATE_UNITS), (time_part, _TIME_UNITS)):
        rest = part
        for m in _PART.finditer(part):
            unit = units.get(m.group(2))
            if unit is None:
                return value
            pieces.append(_count(m.group(1), unit))
            rest = rest.replace(m.group(0), "", 1)
        if rest:
            return value
    return " ".join(pieces) if pieces else value


def set_words(value: str, freq: str | None = None, quant: str | None = None) -> str:
    """A set value in words: 'P1W' -> 'every week', 'P2Y' -> 'every 2 years', with its frequency."""
    times = _TIMES.get(freq, f"{freq[:-1]} times" if freq.endswith("X") else freq) if freq else None
    if value.startswith("P"):
        length = duration_words(value)
        if length == value:
            return value
        if length.startswith("1 "):  # "twice a week", "every week"
            return f"{times} a {length[2:]}" if times else f"every {length[2:]}"
        every = f"every {length}"
    elif value.endswith(("-WD", "-WE")) and "XXXX-WXX" in value:
        every = "every weekday, Monday to Friday" if value.endswith("WD") else "every weekend"
    else:
        every = f"every {value}" if quant == "EVERY" else f"recurring {value}"
    return f"{times} {every}" if times else every
