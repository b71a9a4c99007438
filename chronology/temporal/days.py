"""Days and parts of days: "today", "tonight", "this morning", weekdays, "the same day", "the
following night", "on the 14th", weekends.

Each resolver is a pure function of the recognised parts, the anchor and the context, as in
kinds.py (which holds the table of all resolvers)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from chronology.temporal.lexicon import PARTS_OF_DAY, WEEKDAYS
from chronology.temporal.resolve import (
    Resolved,
    _anchor_words,
    _direction,
    month_value,
    shift_months,
    week_value,
    weekday_date,
    weekday_name,
)

_DAY_WORD_SHIFT = {"today": 0, "yesterday": -1, "tomorrow": 1}
_DAY_WORD_HOW = {0: "the publication date itself", -1: "the day before", 1: "the day after", -2: "two days before", 2: "two days after"}


def r_day_word(text, g, ctx):
    shift = _DAY_WORD_SHIFT[g["word"].lower()]
    if g.get("ba"):  # "the day after tomorrow", "the day before yesterday"
        shift += 1 if g["ba"].lower() == "after" else -1
    pod = g.get("pod") or g.get("pod2")
    if ctx.dct is None:
        v = "XXXX-XX-XX" + (f"T{PARTS_OF_DAY[pod.lower()]}" if pod else "")
        return Resolved("TIME" if pod else "DATE", v, "no publication date to count from", anchored=False)
    d = ctx.dct + dt.timedelta(days=shift)
    how = f"{_DAY_WORD_HOW[shift]} {_anchor_words(ctx)}" if shift else _anchor_words(ctx)
    if pod:
        return Resolved("TIME", f"{d.isoformat()}T{PARTS_OF_DAY[pod.lower()]}", how, anchor="publication")
    return Resolved("DATE", d.isoformat(), how, anchor="publication")


def r_tonight(text, g, ctx):
    shift = -1 if text.lower().startswith("last") else 0
    if ctx.dct is None:
        return Resolved("TIME", "XXXX-XX-XXTNI", "no publication date to count from", anchored=False)
    d = ctx.dct + dt.timedelta(days=shift)
    return Resolved("TIME", f"{d.isoformat()}TNI", f"the night of {d.isoformat()} ({'the day before ' if shift else ''}{_anchor_words(ctx)})", anchor="publication")


def r_this_pod(text, g, ctx):
    code = PARTS_OF_DAY[g["pod"].lower()]
    if ctx.dct is None:
        return Resolved("TIME", f"XXXX-XX-XXT{code}", "no publication date to count from", anchored=False)
    return Resolved("TIME", f"{ctx.dct.isoformat()}T{code}", f"part of {_anchor_words(ctx)}", anchor="publication")


def r_weekend(text, g, ctx):
    """'over the weekend': the last weekend before the writing, or the next when the clause looks
    ahead ('next weekend', 'ahead of the weekend', future tense)."""
    if ctx.dct is None:
        return Resolved("DATE", "XXXX-WXX-WE", "no publication date to count from", anchored=False)
    low = " ".join(g.get("prep", "").lower().split())
    # "by the weekend", "until the weekend": a deadline still to come unless the clause looks back
    ahead = low in ("next", "ahead of") or ctx.tense == "future" or (low in ("by", "until") and ctx.tense != "past")
    if low == "this":
        saturday = ctx.dct + dt.timedelta(days=6 - ctx.dct.isoweekday())
    elif ahead:
        saturday = ctx.dct + dt.timedelta(days=(6 - ctx.dct.isoweekday()) % 7 or 7)
    else:
        saturday = ctx.dct - dt.timedelta(days=(ctx.dct.isoweekday() - 6) % 7 or 7)
    if low == "last" and saturday > ctx.dct - dt.timedelta(days=1):
        saturday -= dt.timedelta(days=7)
    return Resolved("DATE", week_value(saturday) + "-WE", f"the weekend {'after' if ahead else 'before'} {_anchor_words(ctx)}", anchor="publication")


def r_anaphoric(text, g, ctx):
    phrase = " ".join(g["phrase"].lower().split())
    base = ctx.ref or ctx.dct
    if phrase.endswith("in the day") and ctx.ref and ctx.dct and (ctx.dct - ctx.ref).days > 31:
        base = ctx.dct  # "Earlier in the day", after a date of history: the day the news is about
    if base is None:
        return Resolved("DATE", "XXXX-XX-XX", "nothing earlier in the text to count from", anchored=False)
    words = set(phrase.split())  # whole words: "that afternoon" holds "after" but means the same day
    # ("the night before", "mid-afternoon")
    pod = next((PARTS_OF_DAY[w] for w in ("morning", "afternoon", "evening", "night") if re.search(rf"\b{w}\b", phrase)), None)
    if words & {"following", "next", "after"}:
        shift = 1
    elif words & {"previous", "preceding", "before"}:
        shift = -1
    else:
        shift = 0
    if shift and g.get("appositive") and ctx.ref:
        # "Nov. 3, the day before the warrant": the day just named ("6 May, that afternoon" is
        # 6 May's afternoon anyway)
        how, shift = f"{ctx.ref.isoformat()}, the day just named, which it describes", 0
    else:
        source = "the time the text last mentioned" if ctx.ref else ctx.anchor_name
        how = f"{('the day after' if shift > 0 else 'the day before' if shift < 0 else 'the same day as')} {base.isoformat()}, {source}"
    d = base + dt.timedelta(days=shift)
    value = d.isoformat() + (f"T{pod}" if pod else "")
    return Resolved("TIME" if pod else "DATE", value, how, anchor="mention" if ctx.ref else "publication")


def r_weekday(text, g, ctx):
    wd = WEEKDAYS[g["wd"].lower()]
    said = " ".join((g.get("rel") or "").lower().split()) or None
    rel = {"the previous": "last", "the following": "next"}.get(said, said)
    pod = g.get("pod")
    suffix = f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""
    if said in ("the previous", "the following") and ctx.ref is not None:
        # "on Thursday evening, and again the following Tuesday": counted from the day last named
        d = weekday_date(wd, ctx.ref, "none", rel)
        return Resolved("TIME" if pod else "DATE", d.isoformat() + suffix,
                        f"{said} {weekday_name(wd)}, relative to {ctx.ref.isoformat()}, the time the text last mentioned", anchor="mention")
    if said == "that" and ctx.ref is not None:
        # "the standoff on April 8 and 9 ... at 10:52 a.m. on that Tuesday": the one in the days the text is at
        d = ctx.ref + dt.timedelta(days=(wd - ctx.ref.isoweekday() + 3) % 7 - 3)
        return Resolved("TIME" if pod else "DATE", d.isoformat() + suffix,
                        f"that {weekday_name(wd)}, the one nearest {ctx.ref.isoformat()}, the time the text last mentioned", anchor="mention")
    if said == "that":
        said = rel = None
        ctx = replace(ctx, tense="past")  # "on that Tuesday" with nothing named before: one gone by
    if ctx.dct is None:
        return Resolved("TIME" if pod else "DATE", f"XXXX-WXX-{wd}" + suffix, "no publication date to count from", anchored=False)
    d = weekday_date(wd, ctx.dct, ctx.tense, rel)
    # (with no tense cue the nearest, the past winning a near tie: news mostly reports what has happened)
    direction = "relative to" if rel else _direction(ctx) if ctx.tense != "none" else "no tense cue, nearest (the past on a near tie) to"
    how = f"{rel + ' ' if rel else ''}{weekday_name(wd)}, {direction} {_anchor_words(ctx)}"
    return Resolved("TIME" if pod else "DATE", d.isoformat() + suffix, how, anchor="publication")


def r_ordinal_day(text, g, ctx):
    """'on the 14th': that day of the month the text last named, or else of the month of the
    writing (the one before when the 14th is still to come and the clause looks back)."""
    day = int(g["oday"])
    if ctx.ref is not None and ctx.ref_granularity in ("month", "day"):
        try:
            return Resolved("DATE", dt.date(ctx.ref.year, ctx.ref.month, day).isoformat(),
                            f"day {day} of {month_value(ctx.ref.year, ctx.ref.month)}, the month the text last mentioned", anchor="mention")
        except ValueError:
            return None
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-XX-{day:02d}", "no publication date to count from", anchored=False)
    step = -1 if ctx.tense != "future" and day > ctx.dct.day else 1 if ctx.tense == "future" and day < ctx.dct.day else 0
    y, m = shift_months(ctx.dct.year, ctx.dct.month, step)
    try:
        d = dt.date(y, m, day)
    except ValueError:
        return None
    return Resolved("DATE", d.isoformat(), f"day {day} of a month, {_direction(ctx)} {_anchor_words(ctx)}", anchor="publication")
