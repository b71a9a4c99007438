"""One resolver per kind of recognised expression (the `kind` column of the rule table); those of
reporting periods (quarters, halves, fiscal years) live in periods.py, of days and parts of days
in days.py, of clock times in clocks.py."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from chronology.temporal.clocks import r_clock, r_dawn, r_noon, r_overnight
from chronology.temporal.dateparse import parse_absolute
from chronology.temporal.days import (
    r_anaphoric,
    r_day_word,
    r_ordinal_day,
    r_this_pod,
    r_tonight,
    r_weekday,
    r_weekend,
)
from chronology.temporal.holidays import holiday_date
from chronology.temporal.lexicon import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASON_WORDS,
    SEASONS,
    WEEKDAYS,
    day_number,
    spoken_year,
    weekday_number,
)
from chronology.temporal.periods import (
    r_half,
    r_new_year,
    r_period,
    r_quarter,
    r_sport_season,
    r_this_year,
)
from chronology.temporal.resolve import (
    NARRATIVE_ANCHOR,
    Resolved,
    _anchor_words,
    _direction,
    _ref_words,
    add_units,
    compound_duration,
    date_for_day_month,
    day_value,
    duration_value,
    mod_of,
    month_number,
    month_value,
    number,
    unit_code,
    unit_value,
    unknown_value,
    week_value,
    weekday_name,
    year_for_month,
)


def _g(groups, *names):
    for n in names:
        if groups.get(n):
            return groups[n]
    return None


def r_date(text, g, ctx):
    try:
        d = dt.date(int(g["year"]), g.get("mnum") and int(g["mnum"]) or month_number(g["month"]), int(g["day"]))
    except (ValueError, KeyError):
        return None
    return Resolved("DATE", day_value(d), "a full date, needs no anchor" + _weekday_slip(g, d))


def _weekday_slip(g, d: dt.date) -> str:
    """' (the text calls it a Tuesday, but 2006-03-03 is a Friday)' when the weekday written with a
    date is not its own: a slip in the text, shown to the reader rather than mended."""
    weekday = weekday_number(g.get("wd"))
    if weekday is None or d.isoweekday() == weekday:
        return ""
    return f" (the text calls it a {weekday_name(weekday)}, but {d.isoformat()} is a {weekday_name(d.isoweekday())})"


def r_numeric(text, g, ctx):
    d = parse_absolute(text, ctx.dct)
    if d is None:
        return None
    return Resolved("DATE", day_value(d), "a numeric date read month/day/year")


def r_month_year(text, g, ctx):
    return Resolved("DATE", month_value(int(g["year"]), month_number(g["month"])), "a month and year, needs no anchor",
                    mod=mod_of(g.get("mod")))


def r_month_day(text, g, ctx):
    month = month_number(g["month"])
    day = day_number(g["dayword"]) if g.get("dayword") else int(g["day"])
    if day is None:
        return None
    if g.get("year") or g.get("inyear"):  # "1 and 3 June 2007": the first day takes the year written after the pair
        try:
            d = dt.date(int(g.get("year") or g["inyear"]), month, day)
        except ValueError:
            return None
        how = "a full date, needs no anchor" if g.get("year") else "the year of the range's start" if g.get("rangeyear") \
            else _INYEAR_HOW[bool(g.get("sentyear"))]
        return Resolved("DATE", d.isoformat(), how + _weekday_slip(g, d))
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", "no publication date to take the year from", anchored=False)
    weekday = weekday_number(g.get("wd"))
    plain = date_for_day_month(month, day, ctx.dct, ctx.tense)
    d = date_for_day_month(month, day, ctx.dct, ctx.tense, weekday) if weekday else plain
    if d is None:
        return None
    if d != plain:
        how = f"{g['month']} {day} is a {weekday_name(weekday)} in {d.year}: the weekday picks the year, near the anchor {_anchor_words(ctx)}"
    else:
        how = f"{_direction(ctx)} the anchor {_anchor_words(ctx)}" + _weekday_slip(g, d)
    return Resolved("DATE", day_value(d), how, anchor="publication")


def r_week_of(text, g, ctx):
    """'the week of March 6': the ISO week the day falls in."""
    if g.get("month2"):  # "the week of 12 May"
        g = {**g, "month": g["month2"], "day": g["day2"]}
    day = r_month_day(text, g, ctx)
    if day is None or not day.anchored:
        return day and Resolved("DATE", "XXXX-WXX", day.how, anchored=False)
    d = dt.date.fromisoformat(day.value)
    return Resolved("DATE", week_value(d), f"the week of {d.isoformat()}, {day.how}", anchor=day.anchor)


def r_week_of_month(text, g, ctx):
    """'the first week of April': the ISO week holding most of the month's first seven days (the
    second week, of the next seven; the last week, of its last seven)."""
    month = month_number(g["month"])
    word = g["word"].lower()
    if g.get("year"):
        year = int(g["year"])
    elif ctx.dct is not None:
        year = date_for_day_month(month, 1, ctx.dct, ctx.tense).year
    else:
        return Resolved("DATE", "XXXX-WXX", "no publication date to take the year from", anchored=False)
    # the week holding most of the seven days: that with their middle day
    if word in ("last", "final"):
        d = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=4)
    else:
        d = dt.date(year, month, 4 + 7 * (ORDINALS[word] - 1))
    return Resolved("DATE", week_value(d), f"the week holding {d.isoformat()}", anchor="none" if g.get("year") else "publication")


def r_month_rel_year(text, g, ctx):
    """'3 August last year': the year is deictic, the month and day are given."""
    month = month_number(g["month"])
    shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
    day = int(g["day"]) if g.get("day") else None
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""), "no publication date to take the year from", anchored=False)
    year = ctx.dct.year + shift
    try:
        value = dt.date(year, month, day).isoformat() if day else month_value(year, month)
    except ValueError:
        return None
    return Resolved("DATE", value, f"{g['rel'].lower()} year counted from {_anchor_words(ctx)}", anchor="publication")


def _year_for_rel_month(month: int, rel: str, dct: dt.date) -> int:
    """'last May': the latest May before this month, a year further back when that would be
    last month (which the writer would have called "last month"); 'next May' mirrors it;
    'this May': the May of this year."""
    if rel.endswith("past"):
        return dct.year if month < dct.month else dct.year - 1
    if rel == "last":
        year = dct.year if month < dct.month else dct.year - 1
        return year - 1 if (dct.month - month) % 12 == 1 else year
    if rel.startswith("next") or rel.endswith("coming"):
        year = dct.year if month > dct.month else dct.year + 1
        return year + 1 if (month - dct.month) % 12 == 1 else year
    return dct.year


_INYEAR_HOW = {False: "the year written after it", True: "the year named earlier in its sentence"}


def r_month(text, g, ctx):
    month = month_number(g["month"])
    mod = mod_of(g.get("mod"))
    rel = " ".join((g.get("rel") or "").lower().split())
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}", "no publication date to take the year from", mod=mod, anchored=False)
    if g.get("inyear"):  # "In 2009 the plant closed in March"
        how = "the year of the range's start" if g.get("rangeyear") else _INYEAR_HOW[True]
        return Resolved("DATE", month_value(int(g["inyear"]), month), f"{g['month']} of {g['inyear']}, {how}", mod=mod)
    if rel == "that" and ctx.ref is not None:  # "died that March", after "in 1850": the year the text is in
        return Resolved("DATE", month_value(ctx.ref.year, month), f"{g['month']} of {ctx.ref.year}, the year the text last mentioned",
                        anchor="mention", mod=mod)
    if rel == "that":
        rel = ""  # nothing named before it: the tense says which
    if rel:
        if rel in ("the following", "the previous"):  # "indicted him the following March": after the time last named
            base = ctx.ref or ctx.dct
            y = _year_for_rel_month(month, "next" if rel == "the following" else "last", base)
            return Resolved("DATE", month_value(y, month), f"{rel} {g['month']}, counted from {_ref_words(ctx, base)}"
                            + (", the time the text last mentioned" if ctx.ref else f", {ctx.anchor_name}"),
                            anchor="mention" if ctx.ref else "publication", mod=mod)
        y = _year_for_rel_month(month, rel, ctx.dct)
        return Resolved("DATE", month_value(y, month), f"{rel} {g['month']}, counted from {_anchor_words(ctx)}",
                        anchor="publication", mod=mod)
    y = year_for_month(month, ctx.dct, ctx.tense)
    return Resolved("DATE", month_value(y, month), f"{_direction(ctx)} the anchor {_anchor_words(ctx)}",
                    anchor="publication", mod=mod)


def r_year(text, g, ctx):
    if g.get("y2") and int(g["y2"]) != (int(g["year"]) + 1) % 100:
        return None  # "the 2007-13 budget": a span of years, which one value cannot hold
    mod = {"post": "AFTER", "pre": "BEFORE"}.get((g.get("pp") or "").lower()) or mod_of(g.get("mod"))
    how = "a season or year straddling two, named by the year it starts in" if g.get("y2") else "a year, needs no anchor"
    return Resolved("DATE", f"{int(g['year']):04d}", how, mod=mod)


def r_year_spoken(text, g, ctx):
    year = spoken_year(g["spoken"])
    if year is None:
        return None
    if g.get("month"):
        return Resolved("DATE", month_value(year, month_number(g["month"])), "a month and a year said in words")
    if g.get("season"):
        return Resolved("DATE", f"{year:04d}-{SEASONS[g['season'].lower()]}", "a season of a year said in words")
    if "thousand" in g["spoken"].lower() and not text.lower().startswith("the year") and year == 2000:
        return None  # "two thousand" alone is more often a number than the year 2000
    return Resolved("DATE", f"{year:04d}", "a year said in words")


_DECADE_WORDS = {w: i for i, w in enumerate(("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                               "eighties", "nineties"), 2)}


def r_decade(text, g, ctx):
    if "decade" in text.lower() and not g.get("decade"):  # "by the end of the decade", "this decade": the writing's
        if ctx.dct is None:
            return Resolved("DATE", "XXX", "no publication date to count from", anchored=False)
        mod = mod_of(f"{g.get('mod') or g.get('mod2')} of" if g.get("mod") or g.get("mod2") else None)  # "the end of": END
        return Resolved("DATE", f"{ctx.dct.year // 10:03d}", f"the decade of {_anchor_words(ctx)}", anchor="publication", mod=mod)
    if g.get("cword"):  # "the nineteen nineties": said in full
        century = 19 if g["cword"].lower() == "nineteen" else 18
        return Resolved("DATE", f"{century}{_DECADE_WORDS[g['dword'].lower()]}", "a decade said in words", mod=mod_of(g.get("mod")))
    if g.get("dword"):  # "the nineties": of the last century that has had them by the writing
        g = {**g, "short": str(_DECADE_WORDS[g["dword"].lower()] * 10)}
    if g.get("short"):
        short = int(g["short"])
        century = 19 if short >= 20 or ctx.dct is None or ctx.dct.year < 2000 else 20
        value = f"{century}{short // 10}"
    else:
        value = g["decade"][:3]
    return Resolved("DATE", value, "a decade", mod=mod_of(g.get("mod")))


def r_century(text, g, ctx):
    word = g["ord"].lower()
    n = ORDINALS.get(word) or int("".join(c for c in word if c.isdigit()))
    return Resolved("DATE", f"{n - 1:02d}", "a century", mod=mod_of(g.get("mod")))


def _season_year(code, rel, year, ctx):
    if year:
        return int(year), "a season of a given year"
    if ctx.dct is None:
        return None, "no publication date to take the year from"
    dct = ctx.dct
    # The season containing the anchor, then step by whole years in the direction asked.
    month_season = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(dct.month, "FA")
    order = ["WI", "SP", "SU", "FA"]
    cur_year = dct.year - 1 if dct.month in (1, 2) else dct.year
    target_index = order.index(code)

    # Winter is indexed first but belongs to the year of its December: count seasons linearly.
    def linear(y, idx):
        return y * 4 + (idx if idx else 3.5)  # winter sits after autumn of its year

    cur = linear(cur_year, order.index(month_season))
    candidates = [(y, linear(y, target_index)) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
    direction = ctx.tense if rel in (None, "the") else rel  # "would report in the spring": the tense says which
    if rel in (None, "the") and code == month_season and abs(linear(cur_year, target_index) - cur) < 1:
        direction = "this"  # "the winter break", written in December: the season under way, whatever the tense
    if direction in ("last", "past"):
        chosen = max((c for c in candidates if c[1] < cur), key=lambda c: c[1])
    elif direction in ("next", "future"):
        chosen = min((c for c in candidates if c[1] > cur), key=lambda c: c[1])
    else:  # this, the, or no tense: the nearest
        chosen = min(candidates, key=lambda c: abs(c[1] - cur))
    season, anchor = SEASON_WORDS[code], _anchor_words(ctx)
    how = {"past": f"past tense, the {season} before {anchor}",
           "future": f"{'the story moving forward' if ctx.anchor_name == NARRATIVE_ANCHOR else 'future tense'}, the {season} after {anchor}",
           "last": f"the {season} before {anchor}", "next": f"the {season} after {anchor}"}.get(direction, f"the {season} nearest {anchor}")
    return chosen[0], how


def r_season(text, g, ctx):
    word = (_g(g, "season", "season2") or "").lower()
    code = SEASONS[word]
    rel = " ".join((g.get("rel") or "").lower().split()) or None
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(rel or "")
    if rel in ("the following", "the previous", "that") and ctx.ref is not None:
        # "the following spring": after the time last named; "that summer": the one nearest it
        ctx = replace(ctx, dct=ctx.ref, anchor_name=NARRATIVE_ANCHOR)
    elif rel == "that":
        rel = None  # no time named before it: the tense says which
    rel = {"that": "this", "the following": "next", "the previous": "last"}.get(rel, rel)
    year, how = _season_year(code, None if mod else rel, _g(g, "year", "year2"), ctx)
    if year is None:
        return Resolved("DATE", f"XXXX-{code}", how, mod=mod, anchored=False)
    return Resolved("DATE", f"{year:04d}-{code}", how, anchor="none" if _g(g, "year", "year2") else "publication", mod=mod)


def r_present(text, g, ctx):
    return Resolved("DATE", "PRESENT_REF", "the time of writing", anchor="publication" if ctx.dct else "none")


def r_past(text, g, ctx):
    return Resolved("DATE", "PAST_REF", "a vague time before the writing", anchor="publication" if ctx.dct else "none")


def r_future(text, g, ctx):
    if text.lower() == "soon" and ctx.tense == "past":
        return None  # "he was soon released": soon after the past event, not after the writing
    return Resolved("DATE", "FUTURE_REF", "a vague time after the writing", anchor="publication" if ctx.dct else "none")


_REL_SHIFT = {"this": 0, "current": 0, "last": -1, "past": -1, "this past": -1, "previous": -1, "next": 1, "coming": 1, "before last": -2, "after next": 2}


def r_rel_unit(text, g, ctx):
    rel = " ".join((g.get("rel") or "this").lower().split())  # "the end of the month": this month
    if re.search(r"\b(?:fiscal|financial|calendar)\s", text, re.IGNORECASE):
        rel = rel.removeprefix("the ")  # "the next fiscal year" is a named year, not a year's length
    letter, _, _ = unit_code(g["unit"])
    if rel in ("the past", "the last", "the next", "the coming"):
        n = 1
        value = duration_value(n, g["unit"])
        span = None
        if ctx.dct is not None:
            steps = 2 if g["unit"].lower() == "fortnight" else 1
            other = add_units(ctx.dct, letter, -steps if rel in ("the past", "the last") else steps)
            span = (min(other, ctx.dct), max(other, ctx.dct))
        return Resolved("DURATION", value, f"a length of time, {rel} counted from {_anchor_words(ctx)}" if ctx.dct else "a length of time",
                        anchor="publication" if ctx.dct else "none", span=span)
    if rel in ("the same", "that", "the following", "the previous", "the preceding"):
        base = ctx.ref or ctx.dct
        if base is None:
            return Resolved("DATE", unknown_value(letter), "nothing earlier in the text to count from", anchored=False)
        shift = {"the following": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
        d = add_units(base, letter, shift)
        anchor = "mention" if ctx.ref else "publication"
        return Resolved("DATE", unit_value(d, letter), f"{rel} {g['unit'].lower()} relative to {_ref_words(ctx, base)}, the time the text last mentioned" if ctx.ref else f"{rel} {g['unit'].lower()} relative to {_anchor_words(ctx)}",
                        anchor=anchor, mod=mod_of(g.get("mod")))
    shift = _REL_SHIFT.get(rel.replace("the ", ""), 0)
    if ctx.dct is None:
        return Resolved("DATE", unknown_value(letter), "no publication date to count from", anchored=False)
    d = add_units(ctx.dct, letter, shift)
    mod = mod_of(g.get("mod"))  # "the end of next month"
    said = f"the {g['unit'].lower()} {rel}" if rel in ("before last", "after next") else f"{rel} {g['unit'].lower()}"
    return Resolved("DATE", unit_value(d, letter), f"{said} relative to {_anchor_words(ctx)}", anchor="publication", mod=mod)


def r_earlier_this(text, g, ctx):
    unit = _g(g, "unit", "unit2")
    when = (_g(g, "when", "when2") or "").lower()
    letter, _, _ = unit_code(unit)
    low = text.lower()
    shift = -1 if " last " in f" {low} " else 1 if " next " in f" {low} " else 0
    mod = {"early": "START", "late": "END"}.get(when)
    if ctx.dct is None:
        return Resolved("DATE", unknown_value(letter), "no publication date to count from", mod=mod, anchored=False)
    d = add_units(ctx.dct, letter, shift)
    return Resolved("DATE", unit_value(d, letter), f"{when} in the {unit.lower()} of {_anchor_words(ctx)}", anchor="publication", mod=mod)


def r_rel_span(text, g, ctx):
    n = number(g.get("num"))
    if n is not None and _AND_A_HALF.search(text):
        n += 0.5  # "the past two and a half years"
    value = duration_value(n, g["unit"])
    rel = g["rel"].lower()
    span = None
    if ctx.dct is not None and n is not None and rel in ("past", "last", "previous", "preceding", "recent", "next", "coming", "following"):
        letter, is_time, _ = unit_code(g["unit"])
        if not is_time:
            sign = 1 if rel in ("next", "coming", "following") else -1
            step_unit, factor = (letter, 1) if float(n).is_integer() else _FRACTION_UNIT.get(letter, (letter, 1))
            other = add_units(ctx.dct, step_unit, int(sign * round(n * factor)))
            span = (min(other, ctx.dct), max(other, ctx.dct))
    return Resolved("DURATION", value, f"a length of time ending at {_anchor_words(ctx)}" if span and span[1] == ctx.dct else "a length of time",
                    anchor="publication" if span else "none", span=span)


# A fraction of a unit, counted in the next smaller one: (unit, how many of it make one).
_FRACTION_UNIT = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "Q": ("M", 3), "M": ("W", 4), "W": ("D", 7), "D": ("D", 1)}


def _or_so_mod(g) -> str | None:
    """'a week or so' is about a week; 'a year or more', 'a month or longer' at least that."""
    tail = (g.get("orso") or "").split()
    return None if not tail else "APPROX" if tail[-1].lower() == "so" else "EQUAL_OR_MORE"


_AND_A_HALF = re.compile(r"\band[\s-]+a[\s-]+half\b", re.IGNORECASE)


_CLOCK_MINUTES = {"H": 60, "M": 1, "S": 1 / 60}  # a clock unit's length in minutes ("M" among time units)
_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _clock_later(ctx, minutes: float, mod) -> Resolved | None:
    """'about an hour later', '20 minutes earlier': a clock time counted from the clock time the
    text last gave (None when it gave none: then a length)."""
    if not (ctx.ref_shown and _CLOCK_VALUE.fullmatch(ctx.ref_shown)):
        return None
    try:
        t = dt.datetime.fromisoformat(ctx.ref_shown) + dt.timedelta(minutes=minutes)
    except OverflowError:  # before year 1 or past 9999
        return None
    return Resolved("TIME", t.isoformat(timespec="minutes"), f"{abs(int(minutes))} minutes {'after' if minutes > 0 else 'before'} {ctx.ref_shown}, "
                    "the time the text last gave", anchor="mention", mod=mod)


def r_ago(text, g, ctx):
    n = number(g["num"]) if g.get("num") else None  # "decades ago": some number of them
    if n is not None and _AND_A_HALF.search(text):
        n += 0.5
    direction = " ".join(g["dir"].lower().split())
    if direction == "on" and ctx.dct is not None:  # "Sixteen months on, our daughters still ask": now, that long after
        letter, _, _ = unit_code(g["unit"])
        unit = {"Y": "Y", "M": "M", "W": "W", "D": "D", "DE": "Y", "CE": "Y"}.get(letter, "D")
        return Resolved("DATE", unit_value(ctx.dct, unit), f"the time of writing, {_anchor_words(ctx)}, that long after what it looks back to",
                        anchor="publication")
    letter, is_time, _ = unit_code(g["unit"])
    mod = mod_of(g.get("amod")) or _or_so_mod(g)
    anaphoric = direction in ("later", "earlier", "before", "after")
    base = (ctx.ref or ctx.dct) if anaphoric else ctx.dct
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "an unstated amount of time away", anchor="publication" if ctx.dct else "none", mod=mod)
    if is_time:
        return anaphoric and _clock_later(ctx, sign * n * (60 if letter == "H" else 1), mod) or \
            Resolved("DURATION", duration_value(n, g["unit"]), "a length of time", mod=mod)
    if base is None:
        return Resolved("DATE", unknown_value(letter), "nothing to count from", mod=mod, anchored=False)
    if letter == "Y" and n == 1 and sign < 0 and ctx.ref_granularity == "half" and ctx.half and ctx.dct:
        y, h = ctx.half  # "first-half profit rose 12% from a year earlier"
        return Resolved("DATE", f"{y - 1:04d}-H{h}", "the same half-year a year before the one the text reports",
                        anchor="mention", mod=mod, comparison=True)
    if letter == "Y" and n == 1 and sign < 0 and ctx.ref_granularity == "quarter" and ctx.quarter and ctx.dct:
        y, q = ctx.quarter  # "net rose in the third quarter from $5 million a year earlier"
        return Resolved("DATE", f"{y - 1:04d}-Q{q}", "the same quarter a year before the one the text reports",
                        anchor="mention", mod=mod, comparison=True)
    # Counted in the unit itself, or in the next smaller one for a fraction ("a year and a half
    # ago": 18 months back, a month); decades and centuries counted back land on a year ("three
    # decades ago" is about 1983, not the 1980s).
    step_unit, steps = letter, n
    if not float(n).is_integer():
        step_unit, factor = _FRACTION_UNIT.get(letter, (letter, 1))
        steps = round(n * factor)
    if step_unit in ("DE", "CE"):
        step_unit, steps = "Y", steps * (10 if step_unit == "DE" else 100)
    try:
        d = add_units(base, step_unit, int(sign * steps))
    except (ValueError, OverflowError):  # "4,000 years ago": before year 1, which a date cannot hold
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "beyond the calendar's years", anchor="publication", mod=mod)
    unit_for_value = step_unit if step_unit != "WE" else "W"
    if anaphoric and ctx.ref and letter in ("D", "W"):
        unit_for_value = "D"  # "a week later" than a named day is a day
    if g.get("bymonth") and ctx.ref and step_unit == "Y":
        unit_for_value = "M"  # "in February from a year earlier": the same month a year before
    source = f"{_ref_words(ctx, base)}, the time the text last mentioned" if anaphoric and ctx.ref else f"{base.isoformat()}, {ctx.anchor_name}"
    cut = text.lower().rfind(g["dir"].lower())
    amount = " ".join(text[:cut].split()) if cut > 0 else f"{g.get('num') or ''} {g['unit'].lower()}".strip()
    return Resolved("DATE", unit_value(d, unit_for_value), f"{amount[:1].lower()}{amount[1:]} {'before' if sign < 0 else 'after'} {source}",
                    anchor="mention" if anaphoric and ctx.ref else "publication", mod=mod)


def r_duration(text, g, ctx):
    if g.get("tdir") or g.get("tdir2"):  # "in two weeks' time": that long from the writing
        g = {**g, "dir": "from now"}
    if g.get("unit2") and (g.get("dir") or "").lower() in ("later", "earlier"):  # "two hours and 40 minutes later"
        (letter, is_time, _), (letter2, _, _) = unit_code(g["unit"]), unit_code(g["unit2"])
        minutes = number(g["num"]) * _CLOCK_MINUTES[letter] + number(g["num2"]) * _CLOCK_MINUTES.get(letter2, 0) if is_time else 0
        later = is_time and _clock_later(ctx, minutes if g["dir"].lower() == "later" else -minutes, mod_of(g.get("amod")))
        if later:
            return later
        g = {k: v for k, v in g.items() if k != "dir"}
    if g.get("dir"):
        return r_ago(text, g, ctx)
    if g.get("rate"):  # "$500 million a year", "eight hours a day": so much in every such period
        return Resolved("SET", duration_value(1, g["unit"]), "a rate: so much in every such period", quant="EVERY")
    if g.get("unit2"):  # "1 hour, 12 minutes": PT1H12M
        return Resolved("DURATION", compound_duration(number(g["num"]), g["unit"], number(g["num2"]), g["unit2"]), "a length of time",
                        mod=mod_of(g.get("amod")))
    if g.get("half"):
        unit = g["unit"].lower()
        halves = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}
        quarters = {"hour": "PT15M", "day": "PT6H", "year": "P3M", "decade": "P30M", "century": "P25Y"}
        value = (quarters if (g.get("part") or "").lower() == "quarter" else halves)[unit]
        return Resolved("DURATION", value, "a length of time")
    if g.get("units"):  # "the first hours": some number of them
        g = {**g, "unit": g["units"]}
    # "for years": some number of years; "a day-long meeting": one
    n = number(g.get("num")) if g.get("num") else None if g["unit"].lower().endswith("s") else 1
    if n is not None and _AND_A_HALF.search(text):
        n = n + 0.5
    mod = mod_of(g.get("amod")) or _or_so_mod(g)  # "a week or so", "a year or more"
    return Resolved("DURATION", duration_value(n, g["unit"]), "a length of time", mod=mod)


_ADVERB_SET = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "fortnightly": "P2W"}


def r_set(text, g, ctx):
    low = text.lower()
    freq = None
    if g.get("times"):  # "twice a week", "three times daily"
        t = g["times"].lower()
        freq = f"{({'once': 1, 'twice': 2}.get(t) or number(t.split()[0]) or 'X')}X"
    if g.get("adv"):
        return Resolved("SET", _ADVERB_SET[g["adv"].lower()], "a recurring time", freq=freq)
    if g.get("name"):  # "every Christmas": its day each year (a day that moves has no fixed value)
        a, b = holiday_date(g["name"], 2001), holiday_date(g["name"], 2002)
        day = f"XXXX-{a:%m-%d}" if a and b and (a.month, a.day) == (b.month, b.day) else "XXXX-XX-XX"
        return Resolved("SET", day, "a holiday every year", quant="EVERY")
    if g.get("unit2"):  # "weekdays"
        g = {**g, "unit": g["unit2"]}
    if "unit" not in g:  # "per annum"
        return Resolved("SET", "P1Y", "a recurring time")
    if freq:
        return Resolved("SET", duration_value(1, g["unit"]), "a recurring time", freq=freq)
    unit = g["unit"].lower()
    quant = "EVERY" if low.startswith(("every", "each")) else None
    if unit.rstrip("s").capitalize() in [weekday_name(i) for i in range(1, 8)]:
        pod_word = g.get("pod") or g.get("pod2")  # "every Sunday morning", "on Friday nights"
        pod = f"T{PARTS_OF_DAY[pod_word.lower().rstrip('s')]}" if pod_word else ""
        return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[unit.rstrip('s')]}{pod}", "every such weekday", quant=quant)
    if unit.rstrip("s") in ("morning", "afternoon", "evening") or unit == "night" and quant:
        return Resolved("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit.rstrip('s')]}", "a recurring part of the day", quant=quant)
    if unit in ("weekend", "weekends") and not g.get("num"):  # "every weekend", as "every Monday"; "on weekends"
        return Resolved("SET", "XXXX-WXX-WE", "every weekend", quant=quant)
    if unit in ("weekday", "weekdays"):  # "on weekdays", "every weekday": Monday to Friday
        return Resolved("SET", "XXXX-WXX-WD", "every working day", quant=quant)
    if unit in SEASONS:
        return Resolved("SET", f"XXXX-{SEASONS[unit]}", "every such season", quant=quant)
    if unit in MONTHS:  # "each July"
        return Resolved("SET", f"XXXX-{MONTHS[unit]:02d}", "every such month", quant=quant)
    n = g.get("num")
    if n and n.lower() == "other":
        return Resolved("SET", duration_value(2, unit), "every other one", quant=quant)
    return Resolved("SET", duration_value(number(n) if n else 1, unit), "a recurring time", quant=quant)


def r_holiday(text, g, ctx):
    name = " ".join(g["name"].split())
    rel = " ".join((g.get("rel") or "").lower().split())
    if g.get("year") or g.get("inyear"):  # "Christmas 2004", "Christmas Eve in 2000"
        d = holiday_date(name, int(g.get("year") or g["inyear"]))
        return Resolved("DATE", d.isoformat(), f"{name} of a given year") if d else None
    if ctx.dct is None:
        return Resolved("DATE", "XXXX-XX-XX", "no publication date to take the year from", anchored=False)
    options = [d for d in (holiday_date(name, y) for y in range(ctx.dct.year - 1, ctx.dct.year + 2)) if d]
    if not options:
        return None
    direction = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(rel) or ctx.tense
    if rel == "this":
        d = next((o for o in options if o.year == ctx.dct.year), options[0])
    elif direction == "past":
        d = max((o for o in options if o < ctx.dct), default=options[0]) if rel else max((o for o in options if o <= ctx.dct), default=options[0])
    elif direction == "future":
        d = min((o for o in options if o > ctx.dct), default=options[-1]) if rel else min((o for o in options if o >= ctx.dct), default=options[-1])
    else:
        d = min(options, key=lambda o: abs((o - ctx.dct).days))
    return Resolved("DATE", d.isoformat(), f"{name}, {rel + ' ' if rel else ''}{_direction(ctx) if not rel else 'relative to'} {_anchor_words(ctx)}", anchor="publication")


RESOLVERS = {
    "date": r_date, "numeric": r_numeric, "month_year": r_month_year, "month_day": r_month_day, "month_rel_year": r_month_rel_year,
    "month": r_month, "year": r_year, "decade": r_decade, "century": r_century, "season": r_season,
    "quarter": r_quarter, "half": r_half, "day_word": r_day_word, "tonight": r_tonight,
    "this_pod": r_this_pod, "present": r_present, "past": r_past, "future": r_future,
    "rel_unit": r_rel_unit, "earlier_this": r_earlier_this, "rel_span": r_rel_span,
    "anaphoric": r_anaphoric, "weekday": r_weekday, "clock": r_clock, "noon": r_noon,
    "week_of": r_week_of, "dawn": r_dawn, "week_of_month": r_week_of_month, "overnight": r_overnight, "ordinal_day": r_ordinal_day, "duration": r_duration, "set": r_set, "period": r_period, "sport_season": r_sport_season, "new_year": r_new_year, "holiday": r_holiday, "this_year": r_this_year, "year_spoken": r_year_spoken, "weekend": r_weekend,
}
