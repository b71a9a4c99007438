"""Named days of the year: which day a holiday falls on in a given year.

Fixed days ("Christmas Day" = 25 December), nth-weekday rules ("Thanksgiving" = the fourth
Thursday of November in the United States) and Easter, which follows the moon (the Gregorian
computus). The surface forms are in the grammar (rules.py); this module only knows the calendar.
"""

from __future__ import annotations

import datetime as dt
import re


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    day = (h + l - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (1 = Monday) of a month; n = -1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _fixed(month: int, day: int):
    return lambda year: dt.date(year, month, day)


def _election_day(year: int) -> dt.date:
    """US Election Day: the Tuesday after the first Monday of November."""
    return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)


# The first day of the Chinese (lunar) new year, which the moon and the solar terms fix: a table of
# the published dates (1990-2030) rather than the astronomy that computes them.
_LUNAR_NEW_YEAR = {
    1990: (1, 27), 1991: (2, 15), 1992: (2, 4), 1993: (1, 23), 1994: (2, 10), 1995: (1, 31), 1996: (2, 19),
    1997: (2, 7), 1998: (1, 28), 1999: (2, 16), 2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1),
    2004: (1, 22), 2005: (2, 9), 2006: (1, 29), 2007: (2, 18), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14),
    2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28),
    2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
    2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}


def lunar_new_year(year: int) -> dt.date | None:
    """The Chinese (lunar) new year's first day, for the years the table holds."""
    found = _LUNAR_NEW_YEAR.get(year)
    return dt.date(year, *found) if found else None


# normalised name -> the day it falls on in a year
_HOLIDAYS = {
    "chinese new year": lunar_new_year, "lunar new year": lunar_new_year, "spring festival": lunar_new_year,
    "christmas": _fixed(12, 25), "christmas day": _fixed(12, 25), "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26), "new year's day": _fixed(1, 1), "new year's eve": _fixed(12, 31),
    "valentine's day": _fixed(2, 14), "st patrick's day": _fixed(3, 17), "st. patrick's day": _fixed(3, 17),
    "may day": _fixed(5, 1), "independence day": _fixed(7, 4), "fourth of july": _fixed(7, 4),
    "bastille day": _fixed(7, 14), "australia day": _fixed(1, 26), "anzac day": _fixed(4, 25), "canada day": _fixed(7, 1),
    "waitangi day": _fixed(2, 6), "st andrew's day": _fixed(11, 30), "st george's day": _fixed(4, 23), "hogmanay": _fixed(12, 31),
    "juneteenth": _fixed(6, 19), "epiphany": _fixed(1, 6), "halloween": _fixed(10, 31), "guy fawkes night": _fixed(11, 5),
    "bonfire night": _fixed(11, 5), "armistice day": _fixed(11, 11), "remembrance day": _fixed(11, 11),
    "veterans day": _fixed(11, 11), "veterans' day": _fixed(11, 11),
    "remembrance sunday": lambda y: nth_weekday(y, 11, 7, 2),
    "thanksgiving": lambda y: nth_weekday(y, 11, 4, 4), "thanksgiving day": lambda y: nth_weekday(y, 11, 4, 4),
    "election day": _election_day,
    "labor day": lambda y: nth_weekday(y, 9, 1, 1), "labour day": lambda y: nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 1, -1),
    "martin luther king day": lambda y: nth_weekday(y, 1, 1, 3),
    "martin luther king jr. day": lambda y: nth_weekday(y, 1, 1, 3),
    "presidents day": lambda y: nth_weekday(y, 2, 1, 3), "presidents' day": lambda y: nth_weekday(y, 2, 1, 3),
    "columbus day": lambda y: nth_weekday(y, 10, 1, 2),
    "mother's day": lambda y: nth_weekday(y, 5, 7, 2),  # the US date; Mothering Sunday follows Easter
    "father's day": lambda y: nth_weekday(y, 6, 7, 3),
    "easter": easter, "easter sunday": easter, "easter day": easter,
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "ash wednesday": lambda y: easter(y) - dt.timedelta(days=46),
    "pentecost": lambda y: easter(y) + dt.timedelta(days=49),
}

NAMES = sorted(_HOLIDAYS, key=len, reverse=True)


def holiday_date(name: str, year: int) -> dt.date | None:
    key = re.sub(r"\s+", " ", name.strip().lower().replace("’", "'"))
    rule = _HOLIDAYS.get(key)
    if rule is None or not 1 <= year <= 9999:
        return None
    try:
        return rule(year)
    except ValueError:
        return None
