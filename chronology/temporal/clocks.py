"""Times of day: clock times and the day they fall on, noon and midnight, dawn and dusk, overnight.

Each resolver is a pure function of the recognised parts, the anchor and the context, as in
kinds.py (which holds the table of all resolvers)."""

from __future__ import annotations

import datetime as dt

from chronology.temporal.lexicon import WEEKDAYS, weekday_number
from chronology.temporal.resolve import (
    Resolved,
    _anchor_words,
    date_for_day_month,
    mod_of,
    month_number,
    number,
    weekday_date,
)

# The edges of a day, as the part of the day they fall in.
_DAY_EDGES = {"dawn": "MO", "daybreak": "MO", "sunrise": "MO", "dusk": "EV", "sunset": "EV", "nightfall": "EV"}


def r_overnight(text, g, ctx):
    """'talks went on overnight': the night before the writing; the coming night when the clause
    looks ahead. (Counting from the day the text last named instead was wrong more often than
    right in wire copy: "violence that began Thursday spread overnight" is last night.)"""
    if ctx.dct is None:
        return Resolved("TIME", "XXXX-XX-XXTNI", "no publication date to count from", anchored=False)
    ahead = ctx.tense == "future"
    d = ctx.dct if ahead else ctx.dct - dt.timedelta(days=1)
    return Resolved("TIME", f"{d.isoformat()}TNI", f"the night {'after' if ahead else 'before'} {_anchor_words(ctx)}", anchor="publication")


_PAST_MINUTES = {"half": 30, "quarter": 15, "five": 5, "ten": 10, "twenty": 20, "twenty five": 25}
_HOUR_WORDS = {w: i for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                             "eleven", "twelve"), 1)}


def r_clock(text, g, ctx):
    if (g.get("this") or "").lower() == "this":  # "10.30 this morning": today's
        g = {**g, "dword": "today"}
    h = int(g["h"]) if g.get("h") else _HOUR_WORDS[g["hw"].lower()]
    mi = int(g.get("mi") or (number(g["mw"].lower().replace("oh", "").strip(" -")) if g.get("mw") else 0))
    if g.get("part"):  # "a quarter to five": 4:45; "half past seven": 7:30
        minutes = _PAST_MINUTES[" ".join(g["part"].lower().replace("-", " ").split()).removeprefix("a ")]
        h, mi = (h, minutes) if g["dir"].lower() == "past" else ((h - 2) % 12 + 1, 60 - minutes)
    part = (g.get("apw") or g.get("apw2") or g.get("cpod") or "").lower()
    ap = (g.get("ap") or "").lower().replace(".", "") or {"morning": "am", "afternoon": "pm", "evening": "pm"}.get(part, "")
    night = g.get("night") or part == "night" or " ".join((g.get("dword") or "").lower().split()) in ("tonight", "last night")
    if night and 6 <= h < 12:  # "11 o'clock at night", "ten o'clock tonight", "eight-thirty Saturday night"
        ap = "pm"
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    base, anchor = _clock_day(g, ctx)
    day = base.isoformat() if base else "XXXX-XX-XX"
    return Resolved("TIME", f"{day}T{h:02d}:{mi:02d}", f"a clock time on {day}", anchor=anchor, anchored=base is not None,
                    mod=mod_of(g.get("amod")))


def _clock_day(g, ctx) -> tuple[dt.date | None, str]:
    """The day a clock time falls on: the day written after it, a day word, or else the day the
    text last talked about (the publication date when it has talked about none)."""
    word = " ".join((g.get("dword") or "").lower().split())
    if g.get("oyear") or g.get("oyear2"):  # "10.30am on 9 January 2007"
        try:
            return dt.date(int(g.get("oyear") or g["oyear2"]), month_number(g.get("omonth") or g["omonth2"]),
                           int(g.get("oday") or g["oday2"])), "none"
        except ValueError:
            return None, "none"
    if ctx.dct is not None and (g.get("omonth") or g.get("omonth2")):
        return date_for_day_month(month_number(g.get("omonth") or g["omonth2"]), int(g.get("oday") or g["oday2"]),
                                  ctx.dct, ctx.tense, weekday_number(g.get("owdm"))), "publication"
    if ctx.dct is not None and word:
        return ctx.dct + dt.timedelta(days={"last night": -1, "yesterday": -1, "tomorrow": 1}.get(word, 0)), "publication"
    if g.get("story") and ctx.ref is not None:  # "at 5:12 a.m. Sunday", in a story at the Saturday before
        return ctx.ref + dt.timedelta(days=int(g["story"])), "mention"
    if ctx.dct is not None and (g.get("cwd") or g.get("owd") or g.get("pwd")):
        return weekday_date(WEEKDAYS[(g.get("cwd") or g.get("owd") or g["pwd"]).lower()], ctx.dct, ctx.tense, None), "publication"
    if g.get("cyear"):  # "6:05 PM EDT, Wed March 20, 2013"
        try:
            return dt.date(int(g["cyear"]), month_number(g["cmonth"]), int(g["cday"])), "none"
        except ValueError:
            return None, "none"
    if ctx.dct is not None and g.get("cmonth"):
        return date_for_day_month(month_number(g["cmonth"]), int(g["cday"]), ctx.dct, ctx.tense,
                                  weekday_number(g.get("cwdm"))), "publication"
    base = ctx.ref or ctx.dct
    return base, ("mention" if ctx.ref else "publication") if base else "none"


def r_dawn(text, g, ctx):
    """'at dawn on Tuesday': the morning (evening, for dusk) of the day written after it, or of the
    day the text last named, or of the publication date."""
    base, anchor = _clock_day(g, ctx)
    pod = _DAY_EDGES[g["edge"].lower()]
    day = base.isoformat() if base else "XXXX-XX-XX"
    return Resolved("TIME", f"{day}T{pod}", f"{g['edge'].lower()} on {day}", anchor=anchor, anchored=base is not None)


def r_noon(text, g, ctx):
    named_day = any(g.get(k) for k in ("dword", "cwd", "owd", "cmonth", "omonth", "omonth2"))
    # "midnight Friday" ends Friday (ISO 8601's 24:00), and so does a midnight to come ("the strike
    # begins at midnight"); a past midnight with no day named is where the day began
    after = "aft" in g or "aft2" in g  # "shortly after midnight on Sunday": Sunday has begun
    # (written T24, as TimeML corpora write it: TimeBank's "midnight Friday")
    # ("shortly before midnight", "until midnight": the end of the day, whatever the tense)
    ends = "bef" in g or "bef2" in g or "bef3" in g
    hour = "12:00" if g["word"].lower() != "midnight" else "24" if (named_day or ctx.tense == "future" or ends) and not after else "00:00"
    base, anchor = _clock_day(g, ctx)
    day = base.isoformat() if base else "XXXX-XX-XX"
    where = "the end of" if hour == "24" else f"{g['word'].lower()} on"
    return Resolved("TIME", f"{day}T{hour}", f"{where} {day}", anchor=anchor, anchored=base is not None)
