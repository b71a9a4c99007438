"""Word tables of the English temporal grammar: surface forms and what they normalise to."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}


def weekday_number(word: str | None) -> int | None:
    """1 (Monday) to 7 for a weekday's name or abbreviation ("Fri.", "Thurs"), None for anything else."""
    return WEEKDAYS.get((word or "").lower().rstrip("."))

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_WORDS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "thousand": 1000, "a thousand": 1000, "half a": 0.5, "a couple of": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12, "another": 1,
}
# Quantities that say "some number of": the value keeps an X ("several years" = PXY).
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "a number of")

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "21st": 21, "thirtieth": 30,
}

# unit word -> (TIMEX3 letter, is a time unit (PT...), granularity name)
UNITS = {
    "second": ("S", True, "time"), "minute": ("M", True, "time"), "hour": ("H", True, "time"),
    "day": ("D", False, "day"), "night": ("D", False, "day"), "week": ("W", False, "week"),
    "weekend": ("WE", False, "week"), "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"), "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"), "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

# Modifier words -> TIMEX3 mod.
MODS = {
    "early": "START", "the beginning of": "START", "the start of": "START", "the end of": "END",
    "late": "END", "mid": "MID", "the first half of": "START", "the second half of": "END",
    "the last half of": "END", "the latter half of": "END", "the middle of": "MID", "about": "APPROX", "around": "APPROX",
    "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "more than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}


# Years said aloud in broadcast transcripts: "nineteen ninety-six", "two thousand", "twenty ten".
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _two_digits(words: list[str]) -> int | None:
    if len(words) == 1:
        w = words[0]
        return _TEENS_WORDS.get(w) or _TENS_WORDS.get(w)
    if len(words) == 2 and words[0] in _TENS_WORDS and words[1] in _UNITS_WORDS:
        return _TENS_WORDS[words[0]] + _UNITS_WORDS[words[1]]
    if len(words) == 2 and words[0] in ("oh", "o") and words[1] in _UNITS_WORDS:
        return _UNITS_WORDS[words[1]]
    return None


def spoken_year(text: str) -> int | None:
    """1996 for "nineteen ninety-six", 2000 for "two thousand", 2003 for "two thousand and three"."""
    words = [w for w in text.lower().replace("-", " ").split() if w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        if not rest:
            return 2000
        n = _UNITS_WORDS.get(rest[0]) if len(rest) == 1 else None
        n = n if n is not None else _two_digits(rest)
        return 2000 + n if n is not None else None
    if words and words[0] in ("nineteen", "eighteen", "twenty"):
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[words[0]]
        if words[1:] == ["hundred"]:
            return century * 100
        n = _two_digits(words[1:])
        return century * 100 + n if n is not None else None
    return None


def day_number(word: str) -> int | None:
    """8 for "eighth", 21 for "twenty-first": a day of the month said in words."""
    parts = word.lower().replace("-", " ").split()
    if len(parts) == 2 and parts[0] in ("twenty", "thirty"):
        unit = ORDINALS.get(parts[1])
        return {"twenty": 20, "thirty": 30}[parts[0]] + unit if unit and unit < 10 else None
    n = ORDINALS.get(parts[0]) if len(parts) == 1 else None
    return n if n and n <= 31 else {"thirtieth": 30}.get(parts[0]) if len(parts) == 1 else None
