"""Kinds of temporal expression, for grouping scores and errors, and text windows for showing them.

A class is decided from the TIMEX3 type and value and, to tell "yesterday" from "6 March 2009"
(both a day), from whether the expression's text has a digit. The table is data, checked in
order; the first class whose test passes wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["VALUE_CLASSES", "context", "value_class"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_Test = Callable[[str, str, str], bool]  # (type, value, text) -> belongs

VALUE_CLASSES: tuple[tuple[str, str, _Test], ...] = (
    # (name, example, test)
    ("set", "every week", lambda t, v, x: t == "SET"),
    ("vague ref", "recently, now", lambda t, v, x: v in ("PAST_REF", "PRESENT_REF", "FUTURE_REF")),
    ("duration", "three years", lambda t, v, x: v.startswith("P")),  # after PAST_REF
    ("time", "this morning, 5 p.m.", lambda t, v, x: t == "TIME" or "T" in v[4:]),
    ("absolute date", "6 March 2009", lambda t, v, x: bool(_DAY.fullmatch(v)) and any(ch.isdigit() for ch in x)),
    ("relative day", "yesterday, Tuesday", lambda t, v, x: bool(_DAY.fullmatch(v))),
    ("week", "last week", lambda t, v, x: bool(re.search(r"-W\d{2}", v))),
    ("month", "December", lambda t, v, x: bool(re.fullmatch(r"[\dX]{4}-\d{2}", v))),
    ("season/quarter/half", "last summer, Q3", lambda t, v, x: bool(re.search(r"-(SP|SU|FA|WI|Q\d|H\d)$", v))),
    ("year", "2008, last year", lambda t, v, x: bool(re.fullmatch(r"\d{4}|XXXX", v))),
    ("decade/century", "the 1990s", lambda t, v, x: bool(re.fullmatch(r"\d{2,3}X*", v))),
    ("underspecified", "XXXX-12-25", lambda t, v, x: "X" in v),
    ("other", "", lambda t, v, x: True),
)


def value_class(timex_type: str, value: str, text: str) -> str:
    for name, _example, test in VALUE_CLASSES:
        if test(timex_type, value or "", text or ""):
            return name
    return "other"


_SPACES = re.compile(r"\s+")


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """The expression in [[ ]] with `width` characters each side, on one line."""
    left = _SPACES.sub(" ", text[max(0, start - width) : start])
    right = _SPACES.sub(" ", text[end : end + width])
    return f"…{left}[[{_SPACES.sub(' ', text[start:end])}]]{right}…"
