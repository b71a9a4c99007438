"""Resolvers for reporting periods: quarters, halves, the fiscal or full year, and the period an
earnings report is about ("the quarter", "the year-ago period", "the quarter ended Sept. 30").
Split from kinds.py, which maps every kind of the rule table to its resolver.
"""

from __future__ import annotations

import datetime as dt

from chronology.temporal.lexicon import ORDINALS
from chronology.temporal.resolve import (
    Resolved,
    _anchor_words,
    add_units,
    date_for_day_month,
    mod_of,
    month_number,
    unit_value,
)


def r_quarter(text, g, ctx):
    rel = (g.get("rel") or "").lower() or None
    q = None
    if g.get("qord"):
        q = 4 if g["qord"].lower() == "final" else ORDINALS[g["qord"].lower()]
    elif g.get("qnum"):
        q = int(g["qnum"])
    elif g.get("qend") or g.get("qm2"):  # "the December quarter", "the July-September quarter"
        q = (month_number(g.get("qend") or g["qm2"]) - 1) // 3 + 1
        if g.get("qm1") and (month_number(g["qm1"]) - 1) // 3 + 1 != q:
            return None  # not a calendar quarter
    mod = mod_of(g.get("mod"))  # "the end of the first quarter"
    if g.get("year"):
        return Resolved("DATE", f"{int(g['year']):04d}-Q{q or 'X'}", "a quarter of a given year", mod=mod)
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-Q{q or 'X'}", "no publication date to take the year from", anchored=False)
    dct = ctx.dct
    current = (dct.month - 1) // 3 + 1
    if q is None:
        # "the latest quarter" is the one the report is on, and so is "this quarter('s loss)" in a
        # report; "the current quarter" is the one under way.
        if rel in ("latest", "same") or (rel == "this" and ctx.quarter) or "year-" in (rel or "") or (rel or "").startswith(("comparable", "corresponding")):
            return r_period(text, {"rel": rel}, ctx)
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(rel or "", 0)
        d = add_units(dct, "Q", shift)
        return Resolved("DATE", unit_value(d, "Q"), f"{rel} quarter relative to {_anchor_words(ctx)}", anchor="publication")
    year = dct.year
    if rel in ("year-earlier", "year-ago"):
        return Resolved("DATE", f"{(ctx.quarter[0] if ctx.quarter else year) - 1:04d}-Q{q}", "the same quarter a year before the one the text reports",
                        anchor="publication", comparison=True)
    elif q > current and ctx.tense != "future":
        year -= 1  # a quarter not yet begun is last year's, unless the clause looks ahead
    elif q < current and ctx.tense == "future" and mod:
        # "will be finished by the end of the first quarter", written in the autumn (but "expects
        # to report third-quarter results" is on the quarter just past)
        year += 1
    return Resolved("DATE", f"{year:04d}-Q{q}", f"quarter {q}, year from {_anchor_words(ctx)}", anchor="publication", mod=mod)


def _reporting_quarter(ctx) -> tuple[int, int]:
    """The quarter an earnings report is about: the one the text last named, or else the last
    quarter completed before the publication date (a report on the July-September quarter comes
    out in October or November)."""
    if ctx.quarter is not None:
        return ctx.quarter
    y, q = ctx.dct.year, (ctx.dct.month - 1) // 3 + 1
    return (y, q - 1) if q > 1 else (y - 1, 4)


def r_this_year(text, g, ctx):
    """The (fiscal) year the text is written in; the latest completed one for "latest fiscal"."""
    mod = "END" if g.get("end") else {"start": "START", "beginning": "START", "middle": "MID"}.get((g.get("point") or "").lower())
    if g.get("ended"):
        return Resolved("DURATION", "P1Y", "a year's length, ended on the day the text gives")
    if ctx.dct is None:
        return Resolved("DATE", "XXXX", "no publication date to take the year from", mod=mod, anchored=False)
    # "the latest fiscal year"; "since year-end": the last year that has ended
    back = 1 if (g.get("q") or "").startswith("latest") or "since" in g else 0
    year = ctx.dct.year - back
    return Resolved("DATE", f"{year:04d}", f"the year of {_anchor_words(ctx)}" if not back else f"the year before {_anchor_words(ctx)}",
                    anchor="publication", mod=mod)


def _quarter_ended(g, ctx):
    """The three months ending on the given day, named by the calendar quarter of their middle
    month (a quarter ended 31 July is May-July: mostly the second calendar quarter), unless the
    text has already named the quarter it reports ("its fiscal first quarter ended Sept. 29")."""
    month, day = month_number(g["month"]), int(g["day"])
    if (g.get("punit") or "").lower() == "week":
        return _week_ended(month, day, g, ctx)
    if ctx.quarter is not None and not g.get("year"):
        y, q = ctx.quarter
        return Resolved("DATE", f"{y:04d}-Q{q}", "the quarter the text reports, ended on the day it gives", anchor="mention")
    if g.get("year"):
        end = dt.date(int(g["year"]), month, min(day, 28))
    elif ctx.dct is not None:
        end = date_for_day_month(month, min(day, 28), ctx.dct, "past")
    else:
        return Resolved("DATE", "XXXX-QX", "no publication date to take the year from", anchored=False)
    middle = add_units(end, "M", -1)
    return Resolved("DATE", unit_value(middle, "Q"), f"the quarter ended {end.isoformat()}", anchor="none" if g.get("year") else "publication")


def _week_ended(month, day, g, ctx):
    """The week that holds the day a weekly figure's week ended on."""
    try:
        end = dt.date(int(g["year"]), month, day) if g.get("year") else (
            date_for_day_month(month, day, ctx.dct, "past") if ctx.dct is not None else None)
    except ValueError:
        end = None
    if end is None:
        return Resolved("DATE", "XXXX-WXX", "no publication date to take the year from", anchored=False)
    return Resolved("DATE", unit_value(end, "W"), f"the week ended {end.isoformat()}", anchor="none" if g.get("year") else "publication")


def r_period(text, g, ctx):
    """A reporting period: the quarter the text is about, the same quarter a year before, or the
    quarter of a named year."""
    rel = " ".join((g.get("rel") or "").lower().split())
    if g.get("month") and g.get("day"):
        return _quarter_ended(g, ctx)
    year_before = bool(g.get("adj") or g.get("ago") or "year-" in rel or rel.startswith(("comparable", "corresponding")))
    q_named = ORDINALS[g["qord"].lower()] if g.get("qord") else None
    if ctx.half is not None and ctx.ref_granularity == "half" and (g.get("punit") or "").lower() == "period" \
            and not (g.get("year") or g.get("ry") or q_named):
        y, h = ctx.half  # "first-half profit ... compared with the same period a year earlier"
        how = "the same half-year a year before the one the text reports" if year_before else "the half-year the text reports"
        return Resolved("DATE", f"{y - (1 if year_before else 0):04d}-H{h}", how, anchor="mention", comparison=year_before)
    if ctx.dct is None and not g.get("year"):
        return Resolved("DATE", f"XXXX-Q{q_named or 'X'}", "no publication date to count from", anchored=False)
    if g.get("adj") and ctx.quarter is None and ctx.ref_granularity != "quarter":
        return Resolved("DATE", f"{ctx.dct.year - 1:04d}", f"the year before {_anchor_words(ctx)}", anchor="publication")
    if (g.get("punit") or "").lower() == "period" and not (g.get("year") or g.get("ry") or g.get("rel") or g.get("ago")) \
            and ctx.quarter is None and ctx.ref_granularity != "quarter":
        return None  # "the period from 1 April to 31 March": a reporting quarter only where the text reports one
    if g.get("year") or g.get("ry"):
        year = int(g["year"]) if g.get("year") else ctx.dct.year + {"last": -1, "next": 1}.get(g["ry"].lower(), 0)
        if q_named is None and ctx.quarter is None and (g.get("punit") or "").lower() == "period":
            return Resolved("DATE", f"{year:04d}", "a reporting period of a given year")
        q = q_named or (ctx.quarter or _reporting_quarter(ctx))[1]
        return Resolved("DATE", f"{year:04d}-Q{q}", "the reporting quarter of a given year", anchor="none" if g.get("year") else "publication")
    if rel == "current":  # the quarter under way, whatever quarter the report is on
        y, q = ctx.dct.year, (ctx.dct.month - 1) // 3 + 1
    else:
        y, q = _reporting_quarter(ctx)
    if year_before:
        y -= 1
    how = "the same quarter a year before the one the text reports" if year_before else "the quarter the text reports"
    return Resolved("DATE", f"{y:04d}-Q{q}", how, anchor="mention" if ctx.quarter else "publication", comparison=year_before)


def r_half(text, g, ctx):
    hord = (g.get("hord") or g.get("hq") or "").lower()  # "the first two quarters" are the first half
    h = int(g["hnum"]) if g.get("hnum") else 2 if hord == "last" else ORDINALS[hord]
    if g.get("hnum"):  # "H1 2012"
        return Resolved("DATE", f"{int(g['year']):04d}-H{h}", "a half of a given year")
    if "-half" in text.lower() and "hbiz" not in g:
        return None  # "second-half tries": a match's; "first-half profit": a year's
    if " of " not in text.lower() and ctx.quarter is None and ctx.ref_granularity != "quarter" and "hbiz" not in g:
        return None  # "early in the second half": a match's half, unless the text reports on periods ("first-half profit")
    if g.get("year"):
        return Resolved("DATE", f"{int(g['year']):04d}-H{h}", "a half of a given year")
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-H{h}", "no publication date", anchored=False)
    year = ctx.dct.year
    tail = text.lower()
    if "last year" in tail:
        year -= 1
    elif "next year" in tail:
        year += 1
    elif ctx.tense == "past" and ctx.dct < dt.date(year, 6 * h, 30 if h == 1 else 31):
        year -= 1  # "first-half profit rose", written in February: the latest first half that has ended
    elif ctx.tense == "future" and ctx.dct > dt.date(year, 6 * h, 30 if h == 1 else 31):
        year += 1
    return Resolved("DATE", f"{year:04d}-H{h}", f"half {h}, year from {_anchor_words(ctx)}", anchor="publication")


def r_sport_season(text, g, ctx):
    """'this season', 'last season' in a game's account: the year of the writing, or the one
    before or after (a season across two years goes by the year it is in at the writing)."""
    rel = g["rel"].lower()
    if ctx.dct is None:
        return Resolved("DATE", "XXXX", "no publication date to count from", anchored=False)
    year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return Resolved("DATE", f"{year:04d}", f"{rel} season, the sports season of {_anchor_words(ctx)}" if rel == "this"
                    else f"{rel} season, counted from {_anchor_words(ctx)}", anchor="publication")


def r_new_year(text, g, ctx):
    """'in the new year': the year that begins next, written in its second half; the year just
    begun, written in its first."""
    if ctx.dct is None:
        return Resolved("DATE", "XXXX", "no publication date to count from", anchored=False)
    year = ctx.dct.year + (1 if ctx.dct.month >= 7 else 0)
    return Resolved("DATE", f"{year:04d}", f"the year beginning nearest {_anchor_words(ctx)}", anchor="publication")

