"""The recognition grammar as data: named pattern pieces and a table of rules, each with examples.

A rule only recognises: it names what kind of expression it found and captures its parts; the
resolver (resolve.py) turns the parts into a TIMEX3 value against an anchor. The table checks
itself when it loads: unique names, no rule that matches the empty string, every example matched
in full by its own rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.temporal.holidays import NAMES as HOLIDAY_LIST
from chronology.temporal.lexicon import MODS, NUMBERS, ORDINALS, VAGUE_NUMBERS


def _title(name: str) -> str:
    """'new year's day' -> "New Year's Day"; 'st. patrick's day' -> "St. Patrick's Day"."""
    small = {"of"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in name.split())


def _alt(words) -> str:
    """An alternation of words, longest first, so that 'Sept' wins over 'Sep'."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?P<month>{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_ANY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
WEEKDAY_PREFIX = rf"(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?"
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DAY_WORDS = ("(?:twenty[\\s-]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirty[\\s-]+first|"
             "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
             "fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)")
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
YEAR_END = r"(?![\d%]|,\d|\.\d|-\d)"
# After a day and month, a comma and a year's digits ("5 March, 2009") but not a count ("on 14 March, 212 people joined")
NO_YEAR_AFTER = r"(?!\s*,\s*(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?\b(?!\s+[a-z]))|\s*,\s*'\d\d\b)"
IN_YEAR = rf"(?:(?=\s+in\s+(?P<inyear>1[6-9]\d\d|20\d\d){YEAR_END})|)"  # a lookahead that only captures the year
NUM_WORDS = _alt([w for w in NUMBERS if w not in ("a", "an")])
# "twenty-four", "twenty four": a tens word and a ones word (before the plain tens word can win)
NUM_COMPOUND = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)"
# "two thousand", "several hundred": a count of hundreds or thousands
NUM_SCALED = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:hundred|thousand)"
NUM = rf"(?P<num>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+|\s+1/2|\s*½)?|{NUM_SCALED}|{NUM_COMPOUND}|{NUM_WORDS}|{_alt(VAGUE_NUMBERS)}|an?)"
UNIT = r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
POINT_MOD = r"(?:(?P<mod>early|late|mid|the beginning of|the start of|the end of|the middle of)[\s-]+)"
# A decade's or century's halves have no TIMEX3 value of their own: the period, at its start or end.
SPAN_MOD = r"(?:(?P<mod>early|late|mid|the beginning of|the start of|the end of|the middle of|the (?:first|second|last|latter) half of)[\s-]+)"
AMOUNT_MOD = rf"(?:(?P<amod>{_alt([k for k, v in MODS.items() if v not in ('START', 'END', 'MID')])})\s+)"
ORDINAL = rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(ORDINALS)})"
# The day a clock time is on, written after it: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9".
# (a web page's stamp: "6:05 PM EDT, Wed March 20, 2013")
CLOCK_DAY = (rf"(?:,?\s+(?-i:(?P<cwd>{WEEKDAY_FULL})\b(?!,?\s+(?:{MONTH_FULL}|{MONTH_ABBR})\s+\d)(?:\s+(?P<cpod>morning|afternoon|evening|night)\b)?"
             rf"|(?:(?P<cwdm>{WEEKDAY_ANY}),?\s+)?(?P<cmonth>{MONTH_FULL}|{MONTH_ABBR})\.?\s+(?P<cday>[12]\d|3[01]|0?[1-9])\b(?:,?\s+(?P<cyear>1[6-9]\d\d|20\d\d)\b)?(?![,\s]*\d)))")
# Or said after "on", which stays outside the expression: "8.30pm on Sunday" is "8.30pm", on Sunday.
# ... also past the other end of a range: "between 10pm and 11pm on Saturday".
CLOCK_ON_DAY = (r"(?=(?:\s+(?:and|or|to|until|-|–)\s+\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.m\.|[ap]m\b))?"
                rf"(?:\s*\([^()]{{1,20}}\))?\s+on\s+(?-i:(?P<owd>{WEEKDAY_FULL})\b(?!,?\s+(?:{MONTH_FULL}|{MONTH_ABBR})\.?\s+\d)"
                rf"|(?P<oday>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?P<omonth>{MONTH_FULL}|{MONTH_ABBR})\b\.?(?:,?\s+(?P<oyear>1[6-9]\d\d|20\d\d)\b)?"
                rf"|(?:(?P<owdm>{WEEKDAY_FULL}),?\s+)?(?P<omonth2>{MONTH_FULL}|{MONTH_ABBR})\.?\s+(?P<oday2>[12]\d|3[01]|0?[1-9])\b(?:,?\s+(?P<oyear2>1[6-9]\d\d|20\d\d)\b)?))")
# A clock said in words: the hour, and its minutes ("eight-thirty", "nine forty-five", "ten-oh-five").
_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_MINUTES = (r"oh[\s-](?:one|two|three|four|five|six|seven|eight|nine)|ten|fifteen|"
            r"(?:twenty|thirty|forty|fifty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?")
# ... which a day or a part of the day must follow for it to be a time ("two-fifteen this afternoon")
_CLOCK_WORDS_AFTER = (r"\s+(?:at\s+night|in\s+the\s+(?:morning|afternoon|evening)|last\s+night|yesterday|today|tonight|tomorrow|"
                      rf"this\s+(?:morning|afternoon|evening)|(?-i:{WEEKDAY_FULL}))\b")
# Or after a time zone's reading in brackets: "10:35 a.m. (0735 GMT) Friday" is 10:35 a.m. on Friday.
CLOCK_PAREN_DAY = rf"(?=\s*\([^()]{{1,20}}\),?\s+(?-i:(?P<pwd>{WEEKDAY_FULL}))\b)"
# Holidays are proper names: matched with their capitals ("May Day", not "may day").
HOLIDAY_NAMES = "|".join(re.escape(_title(n)).replace(r"\ ", r"\s+").replace("'", "['’]") for n in HOLIDAY_LIST)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# A year said aloud: "nineteen ninety-six", "nineteen oh five", "two thousand (and) three".
SPOKEN_YEAR = (rf"(?P<spoken>(?:eighteen|nineteen)[\s-]+(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS}|oh[\s-]+{_ONES}|hundred)"
               rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|{_TEENS}))?)")
PART_OF_DAY = r"(?P<pod>morning|afternoon|evening|night)"


@dataclass(frozen=True)
class Rule:
    """A named pattern. When it has a group named `x`, that group is the expression and the rest
    of the match is context that must be there ("for years": the expression is "years")."""

    name: str
    kind: str  # what the resolver does with it
    pattern: str
    examples: tuple[str, ...]
    flags: int = re.IGNORECASE
    # A cheap pattern a text must contain for the rule to be worth running on it at all.
    trigger: str | None = None
    # Or cheaper still: words (lower case) of which the text must contain at least one.
    words: tuple[str, ...] = ()
    # When every match holds one of `words` (its key), how far a match reaches before the key
    # word and after it, look-arounds included: the rule then runs only in windows around those
    # words, and most of a text is far from any.
    reach: tuple[int, int] | None = None
    # A pattern for the key instead of words (a year's digits, a clock's "p.m."), for rules with a reach.
    key: str | None = None


MONTH_WORDS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec")
WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNIT_WORDS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks",
              "weekend", "weekends", "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year", "years",
              "decade", "decades", "century", "centuries")

RULES: tuple[Rule, ...] = (
    # --- absolute dates ---------------------------------------------------------------------
    Rule("iso_date", "date", r"\b(?P<year>\d{4})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b",
         ("2009-03-06",), reach=(5, 1), key=r"-\d\d-\d\d"),
    Rule("month_day_year", "date", rf"\b{WEEKDAY_PREFIX}{MONTH}\s+{DAY},?\s+{YEAR}{YEAR_END}",
         ("October 23, 2009", "Friday, March 5, 2009", "Mar. 5th 2009"), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("day_month_year", "date",
         rf"\b{WEEKDAY_PREFIX}(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH},?\s+{YEAR}{YEAR_END}",
         ("5 March 2009", "Fri 6 Mar 2009", "the 3rd of August 2007"), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("numeric_date", "numeric", r"\b(?P<a>0?[1-9]|1[0-2])/(?P<b>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)\b",
         ("3/5/2009", "12/25/98"), reach=(5, 6), key=r"/\d"),
    Rule("month_year", "month_year", rf"\b{POINT_MOD}?{MONTH}(?:\s+of)?,?\s+{YEAR}{YEAR_END}",
         ("March 2009", "late December 2008", "early March of 2009"), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("day_month_rel_year", "month_rel_year",
         rf"\b{DAY}(?:\s+of)?\s+{MONTH},?\s+(?P<rel>(?i:last|next|this))\s+year\b",
         ("3 August last year", "1 May next year"), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("month_rel_year", "month_rel_year",
         rf"\b{MONTH}(?:\s+{DAY})?,?\s+(?P<rel>(?i:last|next|this))\s+year\b",
         ("December last year", "March 5 next year"), 0, words=MONTH_WORDS, reach=(40, 40)),
    # A year written after "in" is the day's year ("on Dec. 24 in 2000") but not part of its extent.
    Rule("month_day", "month_day", rf"\b{WEEKDAY_PREFIX}{MONTH}\s+{DAY}\b(?!\s*\d){NO_YEAR_AFTER}(?![-–]\d{{3}}|:\d|-\d+[-/]){IN_YEAR}",
         ("March 5", "Thursday, Dec. 3"), 0, words=MONTH_WORDS, reach=(40, 40)),
    # "April 24 and 25": the second day of the pair ("April 24" is found on its own)
    Rule("month_day_pair", "month_day", rf"\b{MONTH}\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:and|or|&|-|–|to)\s*(?P<x>{DAY})\b(?!\s*(?:,\s*)?\d)(?!\s+(?:{MONTH_FULL}|{MONTH_ABBR}))(?![-:/]\d)",
         ("April 24 and 25", "March 3rd or 4th", "Dec. 15-16"), 0, words=MONTH_WORDS, reach=(40, 40)),
    # "between 1 and 3 June 2007": the first day of the pair ("3 June 2007" is found on its own)
    Rule("day_pair_month", "month_day", rf"\b(?P<x>{DAY})\s*(?:and|or|&|-|–|to)\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+{YEAR}{YEAR_END})?",
         ("1 and 3 June 2007", "15-16 December", "3rd to 5th May"), 0, words=MONTH_WORDS, reach=(40, 40)),
    # "the week of March 6": the week that day is in
    Rule("week_of", "week_of", rf"\bthe\s+week\s+of\s+(?:the\s+)?(?:{MONTH}\s+{DAY}|(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month2>{MONTH_FULL}|{MONTH_ABBR}))\b(?:,?\s+{YEAR}{YEAR_END})?",
         ("the week of March 6", "the week of 12 May", "the week of Oct. 2, 2000"), 0, words=("week",), reach=(10, 40)),
    # "the first week of April": the ISO week holding that month's first (second...) seven days
    Rule("week_of_month", "week_of_month", rf"\bthe\s+(?P<word>first|second|third|fourth|last|final)\s+week\s+of\s+{MONTH}\b(?:,?\s+{YEAR}{YEAR_END})?",
         ("the first week of April", "the last week of March 2009"), 0, words=("week",), reach=(25, 25)),
    # "March eighth", said aloud
    Rule("month_day_words", "month_day", rf"\b{WEEKDAY_PREFIX}{MONTH}\s+(?:the\s+)?(?P<dayword>{DAY_WORDS})\b",
         ("March eighth", "June the twenty-first"), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("day_words_month", "month_day", rf"\bthe\s+(?P<dayword>{DAY_WORDS})\s+of\s+{MONTH}\b(?!\s*,?\s*\d)",
         ("the fifth of March",), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("day_month", "month_day", rf"\b{WEEKDAY_PREFIX}(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}\b(?!\s*\d){NO_YEAR_AFTER}",
         ("5 March", "1 January", "the 8th of December", "Monday 8 December"), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("month_rel", "month", rf"\b(?P<rel>(?i:last|this|that|next|this\s+past|this\s+coming|the\s+following|the\s+previous))\s+(?P<month>{MONTH_FULL})\b(?!\s*\d)",
         ("last May", "this September", "next January", "Last April", "this past March", "the following March"), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("month", "month", rf"\b{POINT_MOD}?{MONTH}\b(?!\s*\d)(?!-)", ("December", "early December", "mid-March"), 0, words=MONTH_WORDS, reach=(40, 40)),
    Rule("year", "year",
         rf"(?<![\d$£€#./-])(?<!\d )\b{POINT_MOD}?(?:(?P<fiscal>fiscal|financial|FY)\s*(?:year\s+)?)?{YEAR}\b{YEAR_END}(?!\s?\d)(?!s\b)(?!(?<=0)['’]s)",  # ("2012's election", not "the 1990's")
         ("2005", "early 2009", "fiscal 1998", "mid-2008"), reach=(40, 8), key=r"(?:1[6-9]|20)\d\d"),
    # a year before 1600 only after a word that makes it one: "in 1352", "since 1066", "by 1591"
    Rule("year_early", "year", r"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\bbefore\s)|(?<=\bafter\s))"
         r"(?P<year>1[0-5]\d\d)\b(?![\d%]|,\d|\.\d|-\d|\s?\d)(?!s\b)(?!(?:\s*(?:-|–|to|and)\s*\d{1,4})?\s*B\.?C)",  # (not "from 1354 to 1345 B.C.")
         (), reach=(8, 6), key=r"1[0-5]\d\d"),
    # "the 2012-13 season", "the 2006/07 financial year": a season or a year that straddles two,
    # named by the year it starts in
    Rule("year_span", "year", rf"\b(?:the\s+)?{YEAR}[-/–](?P<y2>\d\d)\s+(?:season|campaign|financial\s+year|fiscal\s+year|tax\s+year|"
         r"academic\s+year|school\s+year|budget|harvest|crop|winter|term|period)\b", ("2012-13 season", "the 2006/07 financial year"),
         reach=(5, 25), key=r"(?:1[6-9]|20)\d\d[-/–]"),
    # "post-1959 politics", "pre-2008 levels": after or before the year
    Rule("year_prefixed", "year", rf"\b(?P<pp>post|pre)-{YEAR}\b{YEAR_END}", ("post-1959", "pre-2008"), reach=(5, 4), key=r"(?:1[6-9]|20)\d\d"),
    # "the year 325": a year of any age, when "the year" says so
    Rule("year_the", "year", r"\bthe\s+year\s+(?P<year>[1-9]\d{2,3})\b(?![\d%,.]\d|\s*%)", ("the year 1503", "the year 325"), words=("year",), reach=(9, 5)),
    Rule("year_spoken", "year_spoken",
         rf"\b(?:(?P<month>{MONTH_FULL})\s+|(?:the\s+)?(?:(?P<season>spring|summer|autumn|fall|winter)\s+of\s+)|the\s+year\s+)?{SPOKEN_YEAR}\b(?![\s-]+(?:{_ONES}|{_TENS}|hundred|thousand|percent|dollars|people|years)\b)",
         ("nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand", "the winter of nineteen ninety-four"),
         re.IGNORECASE, trigger=r"\b(?:nineteen|eighteen|two\s+thousand)\b", words=("nineteen", "eighteen", "thousand")),
    Rule("decade", "decade",
         rf"\b(?:the\s+)?{SPAN_MOD}?(?:(?<=of\s)the\s+)?(?P<decade>(?:1[6-9]|20)\d0)'?s\b",
         ("the 1990s", "the early 2000s", "1980s", "mid-1990s", "the second half of the 1990s"), reach=(27, 2), key=r"0'?s\b"),
    # "the nineties" (with "the": "in his sixties" is an age)
    Rule("decade_words", "decade", rf"\bthe\s+{SPAN_MOD}?(?:(?<=of\s)the\s+)?(?:(?P<cword>nineteen|eighteen)[\s-]+)?(?P<dword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
         ("the nineties", "the late sixties", "the Eighties", "the nineteen nineties"), words=("twenties", "thirties", "forties", "fifties", "sixties",
                                                                      "seventies", "eighties", "nineties"), reach=(25, 1)),
    Rule("decade_short", "decade", rf"\b(?:the\s+)?{SPAN_MOD}?(?:(?<=of\s)the\s+)?'(?P<short>[0-9]0)s\b", ("the '90s", "the last half of the '80s"), trigger=r"'\d0s"),
    # "by the end of the decade", "this decade": the decade of the writing
    Rule("decade_this", "decade", r"\b(?:(?P<mod>the\s+(?:end|start|beginning|middle))\s+of\s+the\s+decade|(?:(?P<mod2>the\s+(?:end|start|beginning|middle))\s+of\s+)?this\s+decade)\b(?!\s+(?:of|before|after|ago|earlier|later)\b)(?!['’])",
         ("the end of the decade", "this decade"), words=("decade",), reach=(35, 3)),
    Rule("century", "century", rf"\b(?:the\s+)?{SPAN_MOD}?(?:(?<=of\s)the\s+)?{ORDINAL}[\s-]+century\b", ("the 20th century", "the nineteenth century"), words=("century",), reach=(45, 2)),
    # --- seasons, quarters, halves ------------------------------------------------------------
    Rule("season", "season",
         rf"\b(?:(?P<rel>this|that|last|next|the\s+following|the\s+previous|the|early|late|mid)[\s-]+)?(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?{YEAR})?\b(?!\s+(?:term|session|school|games|olympics|collection|fashion|fuel|statement|budget|sales?|camp|clothes|wheat|tyres?|tires|squash|solstice|equinox|waters?|onions?|rolls?|chickens?|mattress(?:es)?|cleaning|vacations?|holidays?|crops?|harvests?|frosts?|melt|meltwater|storms?|floods?|rains|monsoon|plantings?|sowing|migrations?|tourists?|tourism|visitors?|temperatures?|weather|timetables?|schedules?|transfer|internships?|jobs?|exhibitions?|tours?|residents?)\b)(?!(?<=(?-i:Spring|Summer|Autumn|Winter))\s+(?-i:(?:of\s+)?[A-Z][a-z]))",
         ("spring 2010", "last summer", "the autumn", "winter", "the following spring"), words=("spring", "summer", "autumn", "winter"), reach=(20, 30)),
    Rule("fall_season", "season", rf"\b(?:(?P<rel>this|that|last|next|the)\s+)(?P<season>fall)(?:\s+(?:of\s+)?{YEAR})?\b|\b(?P<season2>fall)\s+(?:of\s+)?(?P<year2>1[6-9]\d\d|20\d\d)\b",
         ("last fall", "fall 1998"), words=("fall",), reach=(10, 20)),
    Rule("quarter", "quarter",
         rf"\b(?:(?P<mod>the\s+(?:end|beginning|start|middle)\s+of)\s+)?(?:the\s+)?(?:(?P<rel>this|last|latest|next|current|previous|past|same|year-earlier|year-ago)\s+)?(?:fiscal[\s-]+)?(?:(?P<qord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+)(?:(?:fiscal|calendar)\s+)?(?:-\s*)?quarter\b(?![-\s]finals?\b)(?:\s+(?:of|in)\s+(?:fiscal\s+|calendar\s+)?{YEAR})?",
         ("the third quarter", "the fourth quarter of 1998", "the first fiscal quarter", "second-quarter", "the end of the first quarter"), words=("quarter",), reach=(50, 30)),
    # "the December quarter", "the July-September quarter": a quarter named by its months
    Rule("quarter_months", "quarter",
         rf"\b(?:the\s+)?(?:(?P<qm1>{MONTH_FULL})[-–](?P<qm2>{MONTH_FULL})|(?P<qend>March|June|September|December))\s+quarter\b(?![-\s]finals?\b)(?:\s+(?:of|in)\s+{YEAR})?",
         ("the December quarter", "the July-September quarter"), 0, words=("quarter",), reach=(30, 15)),
    Rule("quarter_rel", "quarter",
         r"\b(?:the\s+)?(?P<rel>this|last|latest|next|current|previous|same|year-earlier|year-ago|(?:comparable|corresponding)(?:\s+year-(?:ago|earlier))?)\s+(?:(?:fiscal|calendar)\s+)?quarter\b(?![-\s]finals?\b)",
         ("the latest quarter", "the year-earlier quarter", "the comparable year-ago quarter"), words=("quarter",), reach=(50, 5)),
    # "the quarter ended Sept. 30": the expression is "the quarter"; the date says which one
    # (listed before "period", which finds the same "the quarter": the named end wins).
    # Weekly figures the same way: "in the week ended Dec. 8" is the week that holds Dec. 8.
    Rule("period_ended", "period",
         rf"\b(?P<x>the\s+(?:fiscal\s+)?(?P<punit>quarter|week))\s+(?:that\s+)?end(?:ed|ing|s)\s+(?:on\s+)?(?:{WEEKDAY_FULL},?\s+)?(?P<month>{MONTH_FULL}|{MONTH_ABBR})\s+(?P<day>[12]\d|3[01]|0?[1-9])\b(?:,?\s+{YEAR})?",
         ("the quarter ended Sept. 30", "the fiscal quarter ending July 31, 1989", "the week ended Dec. 8"), words=("quarter", "week"), reach=(20, 60)),
    # Earnings reports: "the quarter", "the latest period", "the year-ago period", "the 1988
    # period", "this year's third quarter", "the corresponding period last year".
    Rule("period", "period",
         rf"\b(?P<det>the|that|this)\s+(?:(?P<rel>latest|current|same|year-earlier|year-ago|(?:comparable|corresponding)(?:\s+year-(?:ago|earlier))?)\s+)?(?:fiscal\s+)?(?P<punit>quarter|period)\b(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year)|\s+(?:of|in)\s+{YEAR}{YEAR_END})?",
         ("the quarter", "the latest period", "the year-ago period", "that quarter", "the quarter a year ago", "the corresponding period last year"), words=("quarter", "period"), reach=(50, 25)),
    Rule("period_year", "period",
         rf"\b(?:the\s+)?(?:{YEAR}|(?P<ry>this|last|next)\s+year's)\s+(?:(?P<qord>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?P<punit>quarter|period)\b",
         ("the 1988 period", "the 1988 second quarter", "this year's third quarter", "last year's quarter"), words=("quarter", "period"), reach=(40, 5)),
    # "the fiscal year", "the full year", "by year-end": the year of the writing
    # "talks resume in the new year", written in December: the year about to begin
    Rule("new_year", "new_year", r"\b(?:in|of|into|until|till|by|after|for|throughout)\s+(?P<x>the\s+new\s+year)\b(?!['’]s\s+(?:eve|day)\b)",
         ("in the new year",), words=("new",), reach=(20, 15)),
    Rule("this_year", "this_year",
         r"\b(?:the\s+(?P<q>full|current|fiscal|current\s+fiscal|full\s+fiscal|latest\s+fiscal|calendar)\s+year|(?:(?<=\bsince\s)(?P<since>))?(?P<end>year[-\s]end|year['’]s\s+end|the\s+end\s+of\s+(?:the\s+)?year)"
         r"|the\s+(?P<point>start|beginning|middle)\s+of\s+the\s+year)\b(?!['’]s)",
         ("the fiscal year", "the full year", "year-end", "the end of the year", "year's end", "the start of the year"), words=("year",), reach=(30, 10)),
    Rule("the_year", "this_year",
         rf"\b(?:for|in|during|throughout|of|through)\s+(?P<x>the\s+year)\b(?!['’]s|\s+(?:before|after|earlier|later|that|when|in\s+which|of|and|round|\d))(?:\s+(?P<ended>ended|ending|to(?=\s+(?:\d|{MONTH_FULL}|{MONTH_ABBR}))))?(?!\s+to\b)",
         ("for the year", "in the year ended"), words=("year",), reach=(25, 40)),
    Rule("year_ago_adj", "period", r"\b(?:an?\s+)?(?P<adj>year-(?:earlier|ago))\b", ("year-earlier", "year-ago", "a year-earlier"), words=("year",), reach=(5, 12)),
    Rule("half_code", "half", rf"\bH(?P<hnum>[12])\s+{YEAR}\b", ("H1 2012",), 0, reach=(1, 8), key=r"H[12]\s"),
    Rule("quarter_code", "quarter", rf"\bQ(?P<qnum>[1-4])(?:\s+{YEAR})?\b(?![-/]\w)", ("Q3 2009", "Q4"), 0, reach=(1, 8), key=r"Q[1-4]"),
    Rule("half", "half",
         rf"\b(?:the\s+)?(?:(?P<hord>first|second|1st|2nd|last)[\s-]half(?P<hbiz>(?=\s+(?:profits?|earnings|results|sales|net|loss(?:es)?|revenues?|growth|figures|output|income)\b))?|(?P<hq>first|last)\s+two\s+quarters)(?:\s+of\s+(?:(?:the|this|next|last)\s+(?:fiscal\s+)?year|(?:fiscal\s+)?{YEAR}))?",
         ("the first half", "the second half of 2009", "the first half of this year", "the first two quarters of 1990", "first-half"), words=("half", "quarters"), reach=(20, 25)),
    # --- deictic ------------------------------------------------------------------------------
    Rule("day_word", "day_word",
         rf"\b(?:(?:earlier|later|early|late)\s+)?(?:(?:mid-?|early\s+|late\s+)?(?P<pod2>morning|afternoon|evening)\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<word>today|yesterday|tomorrow)(?:\s+{PART_OF_DAY})?\b",
         ("today", "yesterday", "tomorrow morning", "yesterday afternoon", "late yesterday", "Earlier yesterday", "the day after tomorrow"), words=("today", "yesterday", "tomorrow"), reach=(35, 20)),
    Rule("tonight", "tonight", r"\b(?:tonight|last\s+night)\b", ("tonight", "last night"), words=("tonight", "night")),
    Rule("this_pod", "this_pod", rf"\bthis\s+{PART_OF_DAY}\b", ("this morning", "this evening"), words=("morning", "afternoon", "evening", "night")),
    # "talks went on overnight": the night before the writing (the coming one, looking ahead);
    # "overnight rates", "an overnight stay" are other things
    Rule("overnight", "overnight", rf"(?<!day\s)(?<!\ban\s)(?<!\bthe\s)\bovernight\b(?!\s+(?:on\s+)?{WEEKDAY_FULL})(?!\s+(?:call|interest|stops?|stays?|bags?|trains?|flights?|trips?|success|sensation|rates?|lending|deposits?|index|market|repo|loans?|funds?|camp|guests?|visitors?|accommodation|parking|shipping|delivery|express)\b)(?!-)",
         ("overnight",), words=("overnight",), reach=(1, 20)),
    # "he died on the 14th": a day of the month the text is in
    Rule("ordinal_day", "ordinal_day", r"(?<=\bon\s)the\s+(?P<oday>[12]?\d|3[01])(?:st|nd|rd|th)\b(?=\s*[,.;:)]|\s+(?:and|when|at|after|before|but|as)\b)",
         (), words=("st", "nd", "rd", "th"), trigger=r"\bon\s+the\s+\d"),
    Rule("present_ref", "present",
         r"\b(?:(?:right\s+)?now|currently|nowadays|at\s+present|at\s+the\s+moment|at\s+this\s+time|the\s+present(?!\s+(?!(?:and|or|but|is|was|day|time|moment)\b)[a-z])|present\s+day|these\s+days|current(?!\s+(?:account|affairs)\b))\b",
         ("now", "right now", "currently", "at present", "these days", "current"), words=("now", "currently", "nowadays", "present", "moment", "time", "days", "current"), reach=(15, 15)),
    Rule("past_ref", "past",
         r"\b(?:(?<!\bas\s)recently(?!\s+as\b)|lately|recent\b(?:\s+(?:years|times|decades))?(?!\s+(?:months|weeks|days|quarters)\b)|the\s+past(?!\s+\w+\s+(?:years?|months?|weeks?|days?)\b)(?=\s*[,.;]|\s+(?:and|but|or|when|as)\b|$)|(?<=\bin\s)the\s+past(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|year|month|week|decade|century|day|quarter)\w*)\b|past\s+years|(?:once|formerly)(?=\s+(?:was|were|had)\b)|(?:some\s+time|(?:not\s+)?(?:so\s+)?long|a\s+long\s+time)\s+ago)",
         ("recently", "recent years", "the past", "some time ago"), words=("recently", "lately", "recent", "past", "once", "formerly", "ago"), reach=(20, 40)),
    # "had used the phone at the time": the time the story is about, before the writing
    Rule("at_the_time", "past", r"(?<=\bat\s)the\s+(?-i:time)\b(?!\s+(?:of|being|when|that)\b)(?!\s*[-:])", (), words=("time",), reach=(4, 12)),
    Rule("future_ref", "future", r'''\b(?:(?<=\bin\s)future\b(?!\s+(?:of|years|generations)\b)|the\s+future|the\s+years\s+ahead|the\s+(?:near|short|long)[\s-]+term(?=\s*[,.;:)"']|\s+(?:and|but|or|as|because|when|if|to)\b|\s*$)|the\s+(?:near|foreseeable|(?:not\s+(?:too\s+|so\s+)?)?distant)\s+future|(?<=\bat\s)a\s+later\s+date|(?<!\bas\s)soon(?!\s+(?:as|after|afterwards?|thereafter)\b)'''
         # "will one day be": some day to come, not a day's length
         r"|(?:" + "|".join(rf"(?<=\b{w}\s)" for w in ("will", "would", "could", "might", "may", "can", "shall", "should", "must", "to")) + r")one\s+day(?=\s+[a-z]+\b)(?!\s+(?:and|or|of|in|at|to|for|after|before|later|earlier|ago|off|more)\b))\b",
         ("the future", "the years ahead", "the near term"), words=("future", "coming", "ahead", "term", "soon", "later", "day"), reach=(20, 30)),
    Rule("rel_unit", "rel_unit",
         r"\b(?:(?P<mod>the\s+(?:end|beginning|start|middle)\s+of)\s+(?=(?:this|last|next|that)\s))?(?P<rel>this\s+past|this|last|next|past|coming|current|previous|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+current|the\s+same|the\s+following|that|the\s+preceding)\s+(?:(?:fiscal|financial|calendar)\s+(?=year))?(?P<unit>week|weekend|fortnight|month|year|decade|century)\b",
         ("last month", "next year", "this week", "the past year", "the following week", "that month", "the end of next month",
          "the past fortnight", "the next fiscal year"), words=("week", "weekend", "fortnight", "month", "year", "decade", "century"), reach=(45, 10)),
    # "the year before last", "the week after next": two steps from the writing
    Rule("before_last", "rel_unit", r"\bthe\s+(?P<unit>year|month|week)\s+(?P<rel>before\s+last|after\s+next)\b",
         ("the year before last", "the week after next"), words=("last", "next"), reach=(25, 5)),
    Rule("earlier_this", "earlier_this",
         r"\b(?P<when>earlier|later|early|late)\s+(?:this|last|next)\s+(?P<unit>week|month|year)\b|\b(?P<when2>earlier|later)\s+in\s+the\s+(?P<unit2>week|month|year)\b",
         ("earlier this month", "later this year", "late last year"), words=("earlier", "later", "early", "late"), reach=(2, 30)),
    Rule("rel_span", "rel_span",
         rf"\b(?:the\s+)?(?P<rel>past|last|next|coming|previous|preceding|first|final|following|recent)\s+{NUM}(?:[\s-]+and[\s-]+a[\s-]+half)?\s+{UNIT}\b",
         ("the past three years", "the next two weeks", "the last 12 months", "the past few years"), words=("past", "last", "next", "coming", "previous", "preceding", "first", "final", "following", "recent"), reach=(10, 45)),
    # "the three previous years", "the two following days"
    Rule("rel_span_after", "rel_span", rf"\bthe\s+{NUM}\s+(?P<rel>previous|preceding|following|next|past|last)\s+{UNIT}\b",
         ("the three previous years", "the two following days"), words=("previous", "preceding", "following", "next", "past", "last"), reach=(25, 15)),
    Rule("anaphoric_day", "anaphoric",
         r"\b(?:(?:earlier|later)\s+)?(?P<phrase>the\s+(?:following|next|previous|preceding)\s+(?:day|morning|evening|night)|(?:earlier|later)\s+in\s+the\s+day|the\s+day\s+(?:before|after)|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|the\s+same\s+day|the\s+(?:day|night)\s+before)\b",
         ("the following day", "the same day", "the day before", "that day", "that same day", "Earlier in the day"), words=("day", "morning", "evening", "night", "afternoon"), reach=(40, 20)),
    # "buy orders came in the morning": a part of the day the text is talking about
    Rule("in_the_pod", "anaphoric", r"\b(?:in|during|by)\s+(?P<x>(?P<phrase>the\s+(?:morning|afternoon|evening)))\b(?!\s+(?:of|paper|papers|news|edition|session|show|star|after)\b)(?!\s+and\s+(?:morning|afternoon|evening)\s+(?:peaks?|rush|hours?|shifts?|commutes?|sessions?)\b)",
         ("in the morning", "during the afternoon"), words=("morning", "afternoon", "evening"), reach=(20, 15)),
    # "crews worked through the night", "out of the water for the night": the night of that day
    Rule("the_night", "anaphoric", r"\b(?:through|throughout|during|for|into|in)\s+(?P<x>(?P<phrase>the\s+night))\b(?!\s+(?:of|before|after|sky|shift|air|watch|club|clubs|life|owl|train|bus)\b)",
         ("through the night", "for the night"), words=("night",), reach=(20, 15)),
    # "at dawn", "before nightfall": the start or end of the day the text is talking about
    # (on the day written after it: "at dawn on Tuesday", "before dawn yesterday")
    # "at dawn Monday", "at dusk yesterday": one expression, as "6 a.m. Monday" is
    Rule("dawn", "dawn", rf"\b(?:at|before|after|by|from|until|till|since|around)\s+(?P<x>(?P<edge>dawn|dusk|daybreak|sunrise|sunset|nightfall)\b(?![-\w])"
         rf"(?:\s+(?P<dword>yesterday|today|tomorrow)\b|{CLOCK_DAY})?)(?:{CLOCK_ON_DAY})?",
         ("at dawn", "before nightfall"), words=("dawn", "dusk", "daybreak", "sunrise", "sunset", "nightfall"), reach=(8, 40)),
    # "by mid afternoon": a part of the day the text is talking about, with where in it
    Rule("mid_pod", "anaphoric", r"\b(?P<phrase>(?:early|late|mid)[\s-]?(?:morning|afternoon|evening))\b(?!\s+(?:yesterday|today|tomorrow|edition|papers?|show|session|trading)\b)",
         ("mid afternoon", "late morning", "early-evening"), words=("morning", "afternoon", "evening"), reach=(6, 40)),
    # "by the end of the month": this month (week) of the writing, at its end
    # Market and trade copy: "for the week, the index fell 3.8%": the week of the writing (not
    # "the week before the vote", "the week of March 6", "the week's most active session").
    Rule("the_week", "rel_unit",
         r"\b(?:for|during|over|throughout|in|on|after|ended|ending|closed|finished)\s+(?P<x>the\s+(?P<unit>week))\b(?!['’]s|[-\w]|\s+(?:before|after|of|that|when|in\s+which|ahead|following|preceding|leading|to|ended|ending|end[s]?)\b)",
         ("for the week", "during the week", "on the week"), words=("week",), reach=(15, 25)),
    # "the week's most active session": the week the text is in
    Rule("the_week_poss", "rel_unit",
         r"\b(?P<x>the\s+(?P<unit>week))['’]s\s+(?:most|biggest|best|worst|highest|lowest|largest|heaviest|busiest|only|first|last|gains?|losses?|decline|rise|fall|rally|trading)\b",
         (), words=("week",), reach=(4, 25)),
    Rule("point_of_unit", "rel_unit", r"\b(?P<mod>the\s+(?:end|beginning|start|middle)\s+of)\s+the\s+(?P<unit>month|week)\b(?!['’]s|\s+(?:before|after|of|in|that|when)\b)",
         ("the end of the month", "the beginning of the week"), words=("month", "week"), reach=(25, 20)),
    # "over the weekend": the weekend before the writing (after it, when the clause looks ahead)
    Rule("the_weekend", "weekend", r"\b(?P<prep>over|during|at|on|through|for|ahead\s+of|this|last|next|since|until|before|after|by|spent|spend|spends|spending)\s+(?P<x>(?:the\s+)?weekend)\b(?!['’]s|\s+(?:of|edition|papers?)\b)",
         ("over the weekend", "ahead of the weekend", "this weekend"), words=("weekend",), reach=(20, 25)),
    Rule("holiday", "holiday",
         rf"\b(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming))\s+|(?i:the)\s+(?=Fourth\s+of\s+July|Spring\s+Festival))?(?P<name>{HOLIDAY_NAMES})\b(?!\s+(?:Island|Rising|Parade|Offensive|Act|Agreement|Accord|tree|trees|cards?|lights|decorations|carols?|crackers?|pudding|stockings?|jumpers?|markets?|number\s+one)\b)(?:,?\s+(?:of\s+)?{YEAR}{YEAR_END}|{IN_YEAR})",
         ("Thanksgiving Day", "last Thanksgiving", "Christmas Eve", "Easter 2009", "New Year's Day", "Election Day"), 0,
         trigger=r"(?-i:Christmas|New Year|Valentine|Patrick|May Day|Independence|Fourth of July|Bastille|Chinese New Year|Lunar New Year|Spring Festival|Australia Day|Anzac|Canada Day|Waitangi|Andrew's Day|George's Day|Hogmanay|Juneteenth|Epiphany|Halloween|Fawkes|Bonfire|Armistice|Remembrance|Veteran|Thanksgiving|Election Day|Labou?r Day|Memorial Day|Luther King|Presidents|Columbus Day|Mother's|Father's|Easter|Good Friday|Ash Wednesday|Pentecost|Boxing Day)"),
    # --- weekdays and times -------------------------------------------------------------------
    Rule("weekday", "weekday",
         rf"\b(?:(?i:earlier|later|early|late|the\s+(?:early|small|wee)\s+hours\s+of)\s+)?(?:(?P<rel>(?i:last|next|this|past|coming|the\s+previous|the\s+following|(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bfrom\s)|(?<=\bof\s))that))\s+)?(?P<wd>{WEEKDAY_FULL})\b(?:\s+(?P<pod>morning|afternoon|evening|night))?(?!,?\s+(?:{MONTH_FULL}|{MONTH_ABBR}|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{MONTH_FULL}|{MONTH_ABBR})))",
         ("Monday", "last Friday", "Last Friday", "next Tuesday", "Earlier Sunday", "the previous Friday", "Wednesday night", "the early hours of Sunday"), 0, words=WEEKDAY_WORDS, reach=(35, 30)),
    Rule("clock", "clock",
         r"\b(?:(?P<amod>about|around|approximately|roughly)\s+)?(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?P<tz>(?-i:[A-Z]{1,4}T|UTC))\b)?"
         rf"(?:\s+(?P<dword>last\s+night|yesterday|today|tonight|tomorrow)|{CLOCK_DAY}|{CLOCK_ON_DAY}|{CLOCK_PAREN_DAY})?",
         ("3pm", "10:30 a.m.", "9.15am", "about 9.15am", "11pm last night", "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "9 a.m. EST Tuesday"), re.IGNORECASE, reach=(25, 35), key=r"(?i:\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b))"),
    Rule("clock_pod", "clock", r"\b(?P<h>1[0-2]|0?[1-9])(?:\s+o['’]clock)?\s+in\s+the\s+(?P<apw>morning|afternoon|evening)\b",
         ("4 in the morning", "2 o'clock in the afternoon"), words=("morning", "afternoon", "evening"), reach=(25, 2)),
    # "ten o'clock", "nine o'clock tomorrow morning", "five o'clock Sunday morning", "ten o'clock at
    # night", and a spoken reading with its minutes ("about eight-thirty Saturday night", "at
    # two-fifteen this afternoon") when a day or a part of a day, or "at", says it is a time
    Rule("clock_words", "clock",
         rf"\b(?:(?P<amod>about|around|approximately|roughly)\s+)?(?P<hw>{_HOURS})"
         rf"(?:\s+o['’]clock\b|[\s-](?P<mw>{_MINUTES})\b(?={_CLOCK_WORDS_AFTER}))"
         r"(?:\s+at\s+(?P<night>night)\b|\s+in\s+the\s+(?P<apw>morning|afternoon|evening)\b)?"
         rf"(?:\s+(?P<dword>last\s+night|yesterday|today|tonight|tomorrow)\b|\s+(?P<this>this)(?=\s+(?:morning|afternoon|evening)\b)|\s+(?-i:(?P<cwd>{WEEKDAY_FULL}))\b)?"
         r"(?(apw)|(?:\s+(?P<apw2>morning|afternoon|evening|night)\b)?)",
         ("ten o'clock", "four o'clock in the afternoon", "nine o'clock tomorrow", "six o'clock tomorrow morning", "ten o'clock at night",
          "five o'clock Sunday morning", "seven o'clock this morning", "eight-thirty Saturday night", "two-fifteen this afternoon"),
         words=("clock", "morning", "afternoon", "evening", "night", "tonight", "today", "tomorrow", "yesterday") + WEEKDAY_WORDS, reach=(30, 40)),
    Rule("clock_words_at", "clock",
         r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\babout\s)|(?<=\baround\s))"
         rf"(?P<hw>{_HOURS})[\s-](?P<mw>{_MINUTES})\b(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|people|percent|per|times|points|of|and|or|to)\b|-\w)",
         (), words=tuple(_HOURS.split("|")), reach=(8, 25)),
    # "half past seven", "a quarter to five", "ten past nine in the morning": a spoken reading
    Rule("clock_past", "clock",
         r"(?<!\bfrom\s)(?<!\bbetween\s)\b(?P<part>half|(?:a\s+)?quarter|five|ten|twenty|twenty[\s-]five)\s+(?P<dir>past|to)\s+"
         r"(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|people|percent|per|times|points|of)\b)(?:\s+o['’]clock\b)?(?:\s+in\s+the\s+(?P<apw>morning|afternoon|evening))?"
         r"(?:\s+(?P<dword>last\s+night|yesterday|today|tonight|tomorrow)\b)?",
         ("half past seven", "a quarter to five", "ten past nine in the morning"), words=("half", "quarter", "five", "ten", "twenty"), reach=(3, 60)),
    # "0735 GMT", "2300 GMT Tuesday": wire copy's universal time, four digits
    Rule("clock_mil", "clock", rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC)\b{CLOCK_DAY}?", ("0735 GMT", "2300 GMT Tuesday"), 0, reach=(6, 15), key=r"(?:GMT|UTC)\b"),
    Rule("clock24", "clock", rf"\b(?:(?P<amod>(?i:about|around|approximately|roughly))\s+)?(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)\s*(?P<tz>GMT|BST|UTC|EST|EDT|CET|ET|PT|CT|MT|PST|PDT|CST|CDT|MST|MDT)\b(?:{CLOCK_ON_DAY})?",
         ("12.00 GMT", "14:30 BST", "about 09:15 GMT", "10:00 ET"), 0, reach=(25, 25), key=r"(?:GMT|BST|UTC|EST|EDT|CET|ET|PT|CT|MT|PST|PDT|CST|CDT|MST|MDT)\b"),
    # "results are due by 14:45", "the polls close at 18:00 on Friday": a 24-hour clock after a
    # preposition (a colon, not a point: "at 14.45" is as often a price)
    Rule("clock_colon", "clock", r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bfrom\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\babout\s)|(?<=\baround\s)|(?<=\bto\s))"
         rf"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!\s*(?:[ap]\.?m\b|[ap]\.m\.|GMT|BST|UTC|EST|EDT|CET)|[:.]\d|-\d|\s*(?:percent|%))(?:{CLOCK_DAY}|{CLOCK_ON_DAY})?",
         (), trigger=r"\b(?:at|by|until|till|from|before|after|about|around|to)\s+[012]?\d:[0-5]\d\b"),
    # "14:30 local time", "0800 local time": the local time, without the words that say so
    Rule("clock_local", "clock", r"\b(?P<x>(?P<h>[01]?\d|2[0-3])[:.]?(?P<mi>[0-5]\d))\s+local\s+time\b", ("14:30 local time", "0800 local time"), 0,
         words=("local",), reach=(6, 11)),
    # "at 2100 hours": a military clock (not "1,200 hours of video")
    Rule("clock_hours", "clock", r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\babout\s)|(?<=\baround\s))"
         r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hours|hrs)\b", (), words=("hours", "hrs"), trigger=r"\d{4}\s*(?:hours|hrs)\b"),
    # "at 9 o'clock", "10.30 this morning": an hour whose half of the day the words give, or none
    Rule("clock_oclock", "clock", rf"\b(?P<h>1[0-2]|0?[1-9])\s+o['’]clock\b(?P<night>\s+at\s+night\b)?{CLOCK_DAY}?", ("9 o'clock", "11 o'clock at night", "11 o'clock Monday morning"), words=("clock",), reach=(6, 40)),
    # (an hour in words only after a word that introduces a time: "since five this morning", "from nine in the
    # morning", not "no one this morning")
    Rule("clock_this_pod", "clock", r"(?:\b(?P<h>1[0-2]|0?[1-9])[:.](?P<mi>[0-5]\d)|(?:(?<=\bat\s)|(?<=\bsince\s)|(?<=\bfrom\s)|(?<=\bto\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\babout\s)|(?<=\baround\s))"
         r"(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?P<this>this|in\s+the)\s+(?P<apw>morning|afternoon|evening)\b",
         ("10.30 this morning", "7:15 in the evening"), words=("morning", "afternoon", "evening"), reach=(24, 2)),
    Rule("noon", "noon", rf"(?<!\bhigh\s)(?:(?<=\bafter\s)(?P<aft>)|(?<=\bpast\s)(?P<aft2>)|(?<=\bbefore\s)(?P<bef>)|(?<=\buntil\s)(?P<bef2>)|(?<=\bby\s)(?P<bef3>))?\b(?P<word>noon|midday|midnight)\b(?:\s+(?P<dword>yesterday|today|tomorrow)\b|{CLOCK_DAY}|{CLOCK_ON_DAY})?", ("noon", "midnight", "noon Thursday", "midnight Friday", "noon yesterday"), words=("noon", "midday", "midnight"), reach=(10, 30)),
    # --- durations and sets -------------------------------------------------------------------
    Rule("duration", "duration",
         # ("the 30-day period": an adjective, whose article TimeML leaves out)
         rf"\b(?:the\s+(?![\w.,]+-(?:second|minute|hour|day|night|week|month|quarter|year|decade|centur)))?{AMOUNT_MOD}?{NUM}(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?:(?:more|full|straight|consecutive|long|whole|additional|extra|further|trading|business|working|calendar|difficult|hard|tough|busy|tense|anxious|agonizing|agonising|turbulent|grueling|gruelling|painful|terrible|happy|short|brief)\s+)?{UNIT}(?:\s+and\s+a\s+half)?(?P<orso>\s+or\s+(?:so|more|longer))?\b(?!-(?:old|earlier|ago|long)\b)(?!\s+old\b)"
         # "two weeks ago", "a week later": the same quantity counted from an anchor; "before" and
         # "after" only when nothing follows ("two months after hearings began": an event's)
         r"(?:\s+(?P<dir>ago|earlier|later|hence|from\s+now|(?:before|after)(?=\s*[,.;:)]|\s*$)|on(?=\s*,))\b(?!\s+than\b)|(?<=s)['’](?P<tdir>\s+time)\b|['’]s(?P<tdir2>\s+time)\b)?",
         ("three years", "17 months", "more than a decade", "several weeks", "two-year",
          "two weeks ago", "a week later", "three days earlier", "about a year ago", "a week or so ago", "two and a half years",
          "two-and-a-half-year", "two weeks' time"), words=UNIT_WORDS, reach=(70, 45)),
    # "decades ago", "years earlier": some time before the anchor ("years later" than a past date
    # may still lie before the writing, so it is left alone)
    Rule("vague_ago", "duration", r"\b(?P<unit>years|decades|months|weeks|days|centuries)\s+(?P<dir>ago|earlier)\b(?!\s+than\b)",
         ("decades ago", "years earlier"), words=("ago", "earlier"), reach=(10, 8)),
    Rule("duration_plural", "duration",
         r"\b(?:for|within|in|over|after|during|follows|followed|took|takes|take|taking|spent|lasted|lasts|last)\s+(?P<x>(?:the\s+)?(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes))\b(?!\s+(?:of\s+(?:the|his|her|their|its)|old|ago|earlier|later|trading)\b)(?!-)"
         r"(?!(?<=\bafter\shours)(?!\s+of\b))",  # ("played the clubs after hours": when they are shut; "after hours of talks" a length)
         ("for years", "over the years", "within minutes"), words=("years", "months", "weeks", "days", "decades", "centuries", "hours", "minutes"), reach=(15, 20)),
    # "for the first month", "in the first hours of the war": the length of a beginning (but "the
    # first week of March" is that week, and "the first day" a day)
    Rule("first_span", "duration",
         r"\b(?P<x>the\s+first\s+(?:(?P<unit>hour|week|fortnight|month|year)\b(?!\s+of\b|['’-])|(?P<units>hours|days|weeks|months|years)\b(?!['’-])))",
         ("the first month", "the first fortnight", "the first hours"), words=("first",), reach=(4, 16)),
    # "decades of oil production", "centuries of war": a long time, told by what filled it
    Rule("decades_of", "duration", r"(?<!\bthe\s)\b(?P<x>(?P<unit>decades|centuries))\s+of\s+(?!(?:the|his|her|their|its|this|that)\b)[a-z]",
         (), words=("decades", "centuries"), reach=(12, 20)),
    # "for hundreds of years", "thousands of years": some number of them, a great many
    Rule("duration_many", "duration", r"\b(?:(?P<amod>nearly|almost|about|over|more\s+than)\s+)?(?:hundreds|thousands|dozens|millions|tens\s+of\s+thousands)\s+of\s+(?P<unit>years|centuries|decades|months|days|hours)\b(?!\s+(?:ago|earlier|later)\b)",
         ("hundreds of years", "thousands of years"), words=("hundreds", "thousands", "dozens", "millions"), reach=(15, 30)),
    # "1 hour, 12 minutes", "three years and two months": a length in two units
    Rule("duration_compound", "duration",
         rf"\b{AMOUNT_MOD}?(?P<num>\d{{1,3}}|{NUM_COMPOUND}|{NUM_WORDS})[\s-]+(?P<unit>hours?|years?|weeks?|days?|minutes?|months?),?\s+(?:and\s+)?"
         rf"(?P<num2>\d{{1,2}}|{NUM_COMPOUND}|{NUM_WORDS})[\s-]+(?P<unit2>minutes?|seconds?|months?|weeks?|days?|hours?)\b(?!-)(?:\s+(?P<dir>later|earlier)\b)?",
         ("1 hour, 12 minutes", "three years and two months", "2 hours 30 minutes"), reach=(45, 45),
         key=r"\b(?:hour|year|week|day|minute|month)s?(?=,?\s+(?:and\s+)?[\w-]+[\s-](?:minute|second|month|week|day|hour))"),
    # "hours after the attack", "minutes before takeoff"; "within days or weeks": an unnumbered
    # length that places an event from another
    Rule("duration_bare", "duration",
         r"(?<![\d-]\s)(?<!\bthe\s)(?<!\bof\s)(?<!\bfirst\s)(?<!\bearly\s)(?<![\w-])(?P<x>(?P<unit>minutes|hours|days|weeks|months|years))\s+(?:after|before|later|earlier)\b",
         ("hours after",), words=("minutes", "hours", "days", "weeks", "months", "years"), reach=(0, 10)),
    Rule("duration_or", "duration",
         r"\b(?:within|for|in|after)\s+(?:minutes|hours|days|weeks|months|years)\s+(?:or|and|to)\s+(?:even\s+|perhaps\s+|possibly\s+|maybe\s+)?(?P<x>(?P<unit>minutes|hours|days|weeks|months|years))\b",
         ("within days or weeks",), words=("minutes", "hours", "days", "weeks", "months", "years"), reach=(20, 10)),
    # "the IRA's 8-month-old truce", "a years-old slump": the age of a thing, which TimeML counts as
    # a length (a person's age it does not: "a 17-month-old boy")
    Rule("thing_age", "duration", rf"\b(?P<x>(?:{NUM}-)?(?P<unit>days?|weeks?|months?|years?|decades?|centur(?:y|ies))-old)\s+(?:[a-z]+\s+)?"
         r"(?P<thing>truce|ceasefire|cease-fire|war|conflict|dispute|strike|slump|boom|ban|embargo|blockade|policy|law|regime|government|"
         r"coalition|alliance|record|crisis|standoff|stand-off|feud|insurgency|rebellion|uprising|campaign|investigation|inquiry|company|"
         r"firm|business|tradition|agreement|deal|treaty|moratorium|freeze|shutdown|occupation|siege|drought|recession|rally|marriage|"
         r"partnership|programme|program|project|dynasty|monarchy|institution|building|bridge|church|lawsuit|case|mystery|rivalry|"
         r"friendship|relationship|stalemate|impasse|deadlock|tax|tariff|rule|restriction|curfew|protest|movement|party|newspaper)s?\b"
         # the thing is the head of its phrase ("a 22-year-old law student" is a person)
         r"(?=\s*[,.;:)'\"]|\s*$|\s+(?:of|in|on|with|and|between|that|which|to|from|against|has|had|have|is|was|were|are|will|would|could|for|by|over|at|as)\b)",
         ("8-month-old truce", "years-old slump", "two-year-old political stalemate"), words=("old",), reach=(30, 40)),
    # "a day-long meeting", "decades-long": a length said as an adjective
    Rule("duration_long", "duration", rf"\b(?:{NUM}-)?(?P<unit>hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))-long\b",
         ("day-long", "decades-long", "10-year-long"), words=("long",), reach=(25, 1)),
    # "the past decades", "the following years": some number of them
    Rule("vague_span", "duration", r"\b(?:the\s+)?(?:past|last|previous|preceding|following|next)\s+(?P<unit>years|months|weeks|days|decades|centuries)\b(?!\s+(?:of|ago)\b)",
         ("the past decades", "the following years", "previous years"), words=("past", "last", "previous", "preceding", "following", "next"), reach=(14, 15)),
    # "recent months", "the coming weeks": some number of them, before or after the writing
    Rule("recent_span", "duration", r"\b(?:the\s+)?(?:recent|coming)\s+(?P<unit>months|weeks|days|quarters|years)\b(?<!recent\syears)",
         ("recent months", "the recent weeks", "the coming years"), words=("recent", "coming"), reach=(5, 15)),
    # "scored 81 points last season": a sports season, named by the year it is played in (kept
    # only where the text is a game's account: "this season's fashions" is not one)
    Rule("sport_season", "sport_season", r"\b(?P<rel>this|last|next)\s+season\b", ("last season",), words=("season",), reach=(5, 1)),
    # "in the weeks ahead": TimeBank's "the weeks ahead", an unnumbered length from the writing
    Rule("ahead_span", "duration", r"\b(?P<x>the\s+(?P<unit>days|weeks|months|years)\s+ahead)\b",
         ("the weeks ahead",), words=("ahead",), reach=(20, 1)),
    Rule("duration_half", "duration",
         r"\b(?P<half>(?:(?:the\s+(?:past|last|next)\s+)?an?\s+|the\s+(?:past|last|next)\s+)?(?P<part>half|quarter)(?:[\s-]+an?|[\s-]+of\s+an?)?[\s-]+(?P<unit>hour|day|year|century|decade))\b(?!-)",
         ("half an hour", "a quarter-century", "the past half century", "a quarter of a century"), words=("half", "quarter"), reach=(20, 20)),
    Rule("set_every", "set",
         rf"\b(?:every|each)\s+(?:(?P<num>other|\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|few|several|couple\s+of)\s+)?(?P<unit>days?|nights?|weeks?|weekends?|weekdays?|months?|years?|quarters?|hours?|minutes?|seconds?|decades?|mornings?|afternoons?|evenings?|summer|winter|spring|autumn|{WEEKDAY_FULL}s?|(?-i:{MONTH_FULL}))\b(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?",
         ("every day", "each week", "every Monday", "every two years", "each July", "every 15 minutes", "every few years"), words=("every", "each"), reach=(2, 25)),
    # "customers on weekends", "closes at 6 p.m. weekdays": every weekend, every working day
    Rule("set_weekends", "set", r"\b(?:on|at|during|over)\s+(?P<x>(?P<unit>weekends))\b|\b(?P<unit2>weekdays)\b",
         ("on weekends", "weekdays"), words=("weekends", "weekdays"), reach=(8, 10)),
    # "every Christmas": the holiday each year
    Rule("set_holiday", "set", rf"\b(?i:every|each)\s+(?P<name>{HOLIDAY_NAMES})\b", ("every Christmas",), 0, words=("every", "each"), reach=(2, 30)),
    # ("the Communist Party daily Granma", "the business daily.": a newspaper)
    Rule("set_adverb", "set", r"\b(?:(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times)[\s-]+)?(?P<adv>daily|weekly|fortnightly|monthly|annually|yearly|hourly|nightly|quarterly(?=\s*[,.;:)]|\s+(?:and|or|in|on|to|at|by|for|from|since|instead|rather)\b))\b(?!\s+(?:newspaper|paper|magazine|allowance|rate|average))(?!\s+(?-i:[A-Z]))",
         ("daily", "annually", "twice daily"), words=("daily", "weekly", "fortnightly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly"), reach=(15, 20)),
    Rule("set_times", "set",
         r"\b(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times|(?:\d+|one|two|three|four|five|six|seven)\s+(?:days?|nights?))[\s-]+(?:a|an|per|each|every)[\s-]+(?P<unit>day|week|fortnight|month|year|hour|decade|century)\b",
         ("twice a week", "once a year", "once-a-decade", "five days a week"), words=("once", "twice", "times", "days", "nights", "day", "night"), reach=(15, 20)),
    Rule("set_per", "set", r"\b(?:a|per)\s+(?P<unit>year|month|week|day)\b(?=\s*[,.;)]|\s+(?:and|for|in|on|to)\b|$)", ("a year", "per month"), words=("year", "month", "week", "day"), reach=(10, 20)),
    Rule("per_annum", "set", r"\bper\s+annum\b", ("per annum",), words=("annum",), reach=(4, 6)),
    # "closed on Sundays": every such weekday
    Rule("weekday_plural", "set", rf"\b(?P<unit>{WEEKDAY_FULL})(?:s\b(?!\s+ago\b)(?:\s+(?P<pod>mornings|afternoons|evenings|nights)\b)?|\s+(?P<pod2>mornings|afternoons|evenings|nights)\b)",
         ("Sundays", "Friday nights", "Sundays mornings"), 0,
         words=WEEKDAY_WORDS + ("mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"), reach=(1, 20)),
)


def _holds_key(rule: Rule, example: str) -> bool:
    """Whether an example holds its rule's key (pattern, or one of its words), within reach."""
    before, after = rule.reach or (0, 0)
    if rule.key:
        keys = [m.span() for m in re.finditer(rule.key, example)]
    else:
        keys = [m.span() for m in re.finditer(r"[a-z]+", example.lower()) if m.group() in rule.words]
    return any(start <= before and len(example) - end <= after for start, end in keys)


def _check(rules: tuple[Rule, ...]) -> dict[str, re.Pattern]:
    compiled: dict[str, re.Pattern] = {}
    for rule in rules:
        if rule.name in compiled:
            raise ValueError(f"temporal grammar: duplicate rule name {rule.name!r}")
        pattern = re.compile(rule.pattern, rule.flags)
        if pattern.fullmatch(""):
            raise ValueError(f"temporal grammar: rule {rule.name!r} matches the empty string")
        for example in rule.examples:
            if not any(m.group(0) == example for m in pattern.finditer(example)):  # the whole match, context included
                raise ValueError(f"temporal grammar: rule {rule.name!r} does not match its example {example!r}")
            if rule.reach and not _holds_key(rule, example):
                raise ValueError(f"temporal grammar: rule {rule.name!r} has a reach but its example {example!r} holds no key")
        if rule.reach and not (rule.key or rule.words):
            raise ValueError(f"temporal grammar: rule {rule.name!r} has a reach but no key or words")
        compiled[rule.name] = pattern
    return compiled


COMPILED = _check(RULES)
TRIGGERS = {r.name: re.compile(r.trigger, re.IGNORECASE) for r in RULES if r.trigger}
WORDS = {r.name: frozenset(r.words) for r in RULES if r.words}
RULE_BY_NAME = {r.name: r for r in RULES}
