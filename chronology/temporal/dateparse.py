"""The one adapter to dateparser: turning a recognised absolute date string into a date.

dateparser is strong at reading the many written forms of a date once we know the string is a
date; it is not used to find dates (its search_dates has no offsets and reads "we" as Wednesday).
It is configured once here and given the anchor on each call.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "MDY",  # the newswire convention of the numeric forms we hand over (3/5/2009)
}


@lru_cache(maxsize=4096)
def parse_absolute(text: str, anchor: dt.date | None = None) -> dt.date | None:
    """The calendar day a complete written date means, or None if dateparser cannot read it."""
    import dateparser

    settings = dict(_SETTINGS)
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None
