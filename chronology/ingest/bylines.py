"""Byline and dateline dates written in a document's text: the grammar (data) and its matcher.

A byline date is where a text says when it was published: "Published: 5 March 2009",
"October 23, 2009 in Workforce", "By Jane Smith, 5 March 2009", a news-agency dateline
"LONDON, March 5 (Reuters) -". They are looked for only where publishers put them: in the first
few lines, or in the headline/byline block some pages print after the body (see `layout`).
Each rule is a pattern assembled from named pieces plus the examples it must match; the table
checks itself when the module loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.ingest.dates import BadDate, check_date

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed", "thursday", "thurs", "thur", "thu", "friday", "fri", "saturday", "sat", "sunday", "sun"]


def _alternation(words) -> str:
    # Longest first so that "March" is not read as "Mar" plus a stray "ch".
    return "|".join(sorted(words, key=len, reverse=True))


MONTH = rf"(?i:{_alternation(MONTHS)})\.?"
WEEKDAY = rf"(?i:{_alternation(WEEKDAYS)})\.?,?"
DAY = r"(?:[012]?\d|3[01])(?i:st|nd|rd|th)?"
YEAR = r"(?:18|19|20|21)\d\d"
TIME = r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:[A-Z]{2,4}|UTC[+-]\d{1,2}))?"
# Three ways a full date is written, each with its own group names (re forbids repeats).
DATE = (
    rf"(?:{WEEKDAY}\s+)?(?:"
    rf"(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s+(?P<y2>{YEAR})"
    rf"|(?P<y3>{YEAR})-(?P<m3>0?[1-9]|1[0-2])-(?P<d3>[0-3]?\d)"
    rf")(?:,?\s+(?:(?i:at)\s+)?{TIME})?"
)
# What may follow a byline date on its line: a section ("in Workforce"), a separator and a
# short remark ("| Updated 11.02"). Kept short so that a sentence starting with a date is no byline.
TAIL = r"(?:\s*(?:\b[Ii]n\b|\||[-–—·•])\s*[^\n]{0,60})?"
LABEL = (
    r"(?i:published|posted|updated|last\s+updated|first\s+published|last\s+modified|dated?|"
    r"filed|created)"
)
NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
AGENCY = r"\((?:[A-Z][\w&/ .-]{0,30})\)"


@dataclass(frozen=True)
class BylineRule:
    name: str
    pattern: str  # matched against one stripped line; {DATE} and friends already expanded
    full_line: bool  # must the pattern cover the whole line (bylines) or only its start (datelines)
    examples: tuple[str, ...]
    dateline: bool = False  # a dateline may lack the year

    def compile(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:{self.pattern})" + ("$" if self.full_line else ""))


RULES: tuple[BylineRule, ...] = (
    BylineRule(
        "date-line",
        rf"(?P<date>{DATE}){TAIL}",
        True,
        ("October 23, 2009 in Workforce", "Fri 6 Mar 2009 12.00 GMT", "5 March 2009"),
    ),
    BylineRule(
        "labelled",
        rf"{LABEL}(?:\s+(?:(?i:at)\s+{TIME}\s+)?(?i:on))?\s*:?\s*(?P<date>{DATE}){TAIL}",
        True,
        (
            "Published: 5 March 2009",
            "Last updated at 10:32 AM on 06th March 2009",
            "First published on Fri 6 Mar 2009 12.00 GMT",
            "Posted on March 5, 2009 | Politics",
        ),
    ),
    BylineRule(
        "by-name",
        rf"[Bb][Yy]\s+{NAME}(?:\s+(?:and|&)\s+{NAME})?\s*(?:,|[-–—|·])\s*(?:{LABEL}\s*:?\s*)?(?P<date>{DATE}){TAIL}",
        True,
        ("By Jane Smith, 5 March 2009", "By Jane Smith | Published: March 5, 2009"),
    ),
    BylineRule(
        "dateline",
        rf"{PLACE},\s+(?P<date>(?P<m4>{MONTH})\s+(?P<d4>{DAY})(?:,\s+(?P<y4>{YEAR}))?)\s*(?:{AGENCY})?\s*[-–—]",
        False,
        ("LONDON, March 5 (Reuters) - Britain's", "WASHINGTON, March 5, 2009 (AP) — The"),
        dateline=True,
    ),
)
COMPILED: tuple[tuple[BylineRule, re.Pattern[str]], ...] = tuple((r, r.compile()) for r in RULES)


def _self_check() -> None:
    names = [r.name for r in RULES]
    assert len(set(names)) == len(names), "duplicate byline rule names"
    for rule, pattern in COMPILED:
        assert not pattern.match(""), f"byline rule {rule.name} matches the empty string"
        for example in rule.examples:
            assert pattern.match(example), f"byline rule {rule.name} misses its example {example!r}"


_self_check()


@dataclass(frozen=True)
class BylineDate:
    rule: str
    line: str  # the whole line, the evidence shown to the user
    start: int  # character range of the date within the text
    end: int
    year: int | None  # None for a dateline without a year
    month: int
    day: int
    error: str | None = None  # set when the parts make no calendar date (e.g. 30 February)


def match_byline(line: str, offset: int, *, allow_dateline: bool) -> BylineDate | None:
    """The byline date in one line (`offset` is where the line starts in the text), if any."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return None
    lead = offset + (len(line) - len(line.lstrip()))
    for rule, pattern in COMPILED:
        if rule.dateline and not allow_dateline:
            continue
        m = pattern.match(stripped)
        if not m:
            continue
        year, month, day = _parts(m)
        error = None
        if year is not None:
            try:
                check_date(year, month, day)
            except BadDate as exc:
                error = str(exc)
        shown = stripped if rule.full_line else stripped[: m.end()].rstrip(" -–—")
        return BylineDate(rule.name, shown, lead + m.start("date"), lead + m.end("date"), year, month, day, error)
    return None


def _parts(m: re.Match[str]) -> tuple[int | None, int, int]:
    for i in "1234":
        if m.groupdict().get(f"m{i}"):
            month_text = m[f"m{i}"].rstrip(".").lower()
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
            day = int(re.match(r"\d+", m[f"d{i}"])[0])
            year = m[f"y{i}"]
            return (int(year) if year else None), month, day
    raise AssertionError("a byline rule matched without a date")  # every DATE form has a month
