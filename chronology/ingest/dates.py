"""Publication-date values: parsing metadata fields, dates in URLs and file names, plausibility.

Every candidate publication date passes through `check_date` (bounds, impossible days) so the
plausibility rules live in one place. Field values (front matter, manifest cells, JSON record
fields) go through `parse_date_value`: ISO 8601 first, then RFC 2822 (email.utils), then
dateparser configured once for absolute dates only (it never reads the clock here: relative
parsers are off, so a field saying "yesterday" is rejected, not resolved against today).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from functools import lru_cache

EARLIEST_YEAR = 1800
LATEST_YEAR = 2100


class BadDate(ValueError):
    """A value that is not a usable publication date; the message says why."""


def check_date(year: int, month: int, day: int) -> dt.date:
    """Build a date from parts, refusing implausible years and impossible days like 2009-02-30."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise BadDate(f"year {year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadDate(f"{year:04d}-{month:02d}-{day:02d} is not a calendar date") from None


def check(value: dt.date) -> dt.date:
    return check_date(value.year, value.month, value.day)


# ISO dates with an optional time; the date part is what a publication date is. Years of five
# or six digits are matched so that `check_date` rejects them with their year named.
ISO_RE = re.compile(r"^\s*(\d{4,6})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
# RFC 2822 starts with an optional weekday and a day number: "Fri, 06 Mar 2009 12:00:00 GMT".
RFC2822_RE = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
# A year, a month and a day must all be written: "March 2009" is a month, not a publication day.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    # Numeric dates are read day first (British and most news outside the US); ISO and
    # RFC 2822 values never reach dateparser, so this only affects forms like 06/03/2009.
    "DATE_ORDER": "DMY",
}


def parse_date_value(value: object) -> dt.date:
    """A metadata value (str, date, datetime, or epoch seconds) as a publication date."""
    if isinstance(value, dt.datetime):
        return check(value.date())
    if isinstance(value, dt.date):
        return check(value)
    if isinstance(value, bool):
        raise BadDate(f"{value!r} is not a date")
    if isinstance(value, (int, float)):
        return _from_timestamp(value)
    if not isinstance(value, str):
        raise BadDate(f"{value!r} is not a date")
    text = value.strip()
    if not text:
        raise BadDate("empty value")
    for pattern in (ISO_RE, COMPACT_RE):
        m = pattern.match(text)
        if m:
            return check_date(int(m[1]), int(m[2]), int(m[3]))
    if RFC2822_RE.match(text):
        try:
            # The date as the publisher wrote it, in its own time zone: not converted to UTC.
            return check(email.utils.parsedate_to_datetime(text).date())
        except (TypeError, ValueError):
            pass
    if text.isdigit() and len(text) >= 9:
        return _from_timestamp(int(text))
    parsed = _dateparser()(text, settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise BadDate(f"'{text}' is not a recognisable full date")
    return check(parsed.date())


def _from_timestamp(value: float) -> dt.date:
    # Milliseconds since the epoch are common in JSON exports; seconds would be year 30000+.
    seconds = value / 1000 if abs(value) > 1e11 else value
    try:
        return check(dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date())
    except (OverflowError, OSError, ValueError):
        raise BadDate(f"{value!r} is not a plausible timestamp") from None


@lru_cache(maxsize=1)
def _dateparser():
    # Imported on first use: dateparser takes about a second to load its language data, and
    # most corpora (front matter with ISO dates) never need it.
    import dateparser

    return dateparser.parse


# --- dates in URLs and file names -------------------------------------------------------------

YEAR = r"(?P<year>(?:18|19|20|21)\d\d)"
MONTH = r"(?P<month>0?[1-9]|1[0-2])"
DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])"
SEP = r"[-_./]"
# /2009/03/05/, 2009-03-05-title.md, 2009_03_05, 20090305 (digits bounded by non-digits)
PATH_DATE_RES = (
    re.compile(rf"(?<![0-9A-Za-z]){YEAR}(?P<sep>{SEP}){MONTH}(?P=sep){DAY}(?![0-9])"),
    re.compile(r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])"),
)
# A year alone in a URL path segment (/2009/) can complete a dateline that has no year.
PATH_YEAR_RE = re.compile(r"(?:^|/)(?P<year>(?:18|19|20|21)\d\d)(?:/|$)")


@dataclass(frozen=True)
class PathDate:
    date: dt.date | None  # None when only the year is known
    year: int
    text: str  # the part of the URL or name it was read from


def date_in_path(text: str) -> PathDate | None:
    """The first plausible full date in a URL or file name, else a lone year segment, else None."""
    for pattern in PATH_DATE_RES:
        for m in pattern.finditer(text):
            try:
                day = check_date(int(m["year"]), int(m["month"]), int(m["day"]))
            except BadDate:
                continue
            return PathDate(day, day.year, m[0])
    m = PATH_YEAR_RE.search(text)
    if m:
        return PathDate(None, int(m["year"]), m[0])
    return None
