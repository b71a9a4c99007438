"""The date-resolution pass: find every temporal expression in English text and resolve it.

    tag(text, published=date) -> [TimeMention]

Recognition (rules.py, a table of named patterns with examples) yields candidates; the longest
non-overlapping ones are kept; each is resolved in text order (kinds.py) against the publication
date (deictic), the time the text last talked about (anaphoric) or nothing (absolute), with the
direction of underspecified dates taken from the tense of its clause (tense.py). Never reads the
clock, never raises on any string.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

from chronology.model import Anchor, Granularity, Interval, TimeMention
from chronology.temporal.kinds import _CLOCK_VALUE, RESOLVERS
from chronology.temporal.lexicon import PARTS_OF_DAY, weekday_number
from chronology.temporal.resolve import NARRATIVE_ANCHOR, Context, month_number, number
from chronology.temporal.rules import (
    COMPILED,
    MONTH_ABBR,
    MONTH_FULL,
    RULE_BY_NAME,
    RULES,
    TRIGGERS,
    WORDS,
)
from chronology.temporal.spoken import duration_words, set_words
from chronology.temporal.tense import sentence_bounds, tense_of
from chronology.timex import MOD_WORDS, clock_words, display_date

__all__ = ["tag"]

log = logging.getLogger(__name__)

_RULE_ORDER = {r.name: i for i, r in enumerate(RULES)}
# Kinds whose direction (before or after the anchor) the tense of their clause decides.
_TENSED_KINDS = frozenset({"month", "month_day", "weekday", "season", "quarter", "half", "clock", "noon", "future", "holiday", "weekend",
                           "overnight", "ordinal_day", "week_of", "week_of_month", "dawn"})
_KIND = {r.name: r.kind for r in RULES}
# "May" is a month only where the text makes it one (a preposition before it or a date after).
_MAY_CUE = re.compile(r"(?:\b(?:in|of|since|by|until|till|through|from|to|during|early|late|mid|last|next|this|that|each|every|before|after|between|and|or)\s+|mid-"
                      r"|\bthe\s+[a-z]+est\s+)$", re.IGNORECASE)  # ("the warmest March since 1910")
_DET_BEFORE = re.compile(r"\b(?:the|its|their|a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|on|to|for|through|past|against|from|into|in|at|by|and|or|was|were|is|are|will|has|had|would|that|which|who)\b)[a-z]{3,}\b(?!['’])")
# Function words ending in s that may follow a year; a plural noun after a number marks a count.
_S_WORDS = {"was", "has", "is", "as", "its", "this", "his", "thus", "plus", "years", "s", "whereas", "does", "always", "perhaps", "unless", "across"}
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_PREV_WORD = re.compile(r"([A-Za-z]+)\s*$")
_COUNT_BEFORE = {"about", "some", "nearly", "than", "only", "over", "under", "almost", "approximately", "roughly", "around", "least", "number", "page", "section", "article", "no", "flight", "route", "room", "highway", "interstate", "population", "pop",
                 "resolution", "chapter", "bill", "model", "version", "exit", "gate", "terminal", "platform", "channel", "suite", "ward"}
_DETERMINERS = {"the", "its", "their", "his", "her", "this", "that", "our"}
_MAX_INPUT = 50_000_000
# A rate: "a year" right after an amount ("$500 million a year", "300,000 tons of coal a year",
# "50,000 ships a year", "eight hours a day"); see _is_rate.
_NUMBER = re.compile(r"[$£€]?\d[\d,.]*%?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                     r"forty|fifty|hundred|thousand|million|billion|trillion|dozen)s?", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r".*(?:[;:!?()\"“”]|[.,](?=\s))", re.DOTALL)
_TODAY_NAME = re.compile(r"USA\s+Today|Today\s+(?:programme|program|show|newspaper)\b")
# A capitalised word right before, in mid-sentence: "VOA Today", "Psychology Today".
_NAME_BEFORE = re.compile(r"(?<![.!?\"'“‘]\s)(?<=[a-z,;:] )[A-Z][A-Za-z]+\s+$|(?<=[a-z,;:] )[A-Z]{2,}\s+$")
_GENERIC_DAY = re.compile(r"(?i:today)['’]s\s+(?:world|youth|society|children|generation|economy|young|kids|families|"
                          r"politics|culture|standards|technology|computers|consumers?|workers|workplace|teenagers|students)\b"
                          r"|(?i:tomorrow)(?=\s*[,.;:!?\"']|\s*$)(?<=\bof\stomorrow)", re.IGNORECASE)
# Figures named by the period they measure: "November's employment report", "third-quarter results".
_STATISTIC_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:employment|unemployment|jobs|payrolls?|retail|trade|inflation|consumer|producer|housing|factory|"
    r"industrial|manufacturing|sales|earnings|trading|(?!(?:the|a|an|its|their|this|that|and|or|when|if|as)\b)[a-z]{4,})\s+)?(?:figures|data|report|survey|statistics|numbers|results|"
    r"earnings|sales|payrolls|reading|index|output|production|orders|inflation|unemployment)\b", re.IGNORECASE)
# "figures for May", "the index for the second quarter": the period a statistic measures
_DELIVERY_AFTER = re.compile(r"\s+(?:delivery|futures|contracts?)\b", re.IGNORECASE)
_DELIVERY_BEFORE = re.compile(r"\bfor\s+delivery\s+in\s+$", re.IGNORECASE)
_STATISTIC_BEFORE = re.compile(r"\b(?:figures|data|statistics|numbers|report|index|results|reading|inflation|output|sales|payrolls)\s+for\s+(?:the\s+)?$",
                               re.IGNORECASE)
# Words of a game's account, and of a business one: a quarter or half among the first and none of
# the second is a period of play.
_GAME_WORDS = re.compile(r"\b(?:points?|scored?|scoring|goals?|touchdowns?|field\s+goal|rebounds?|baskets?|three-pointers?|"
                         r"quarterback|innings|overtime|half-?time|tip-off|kick-?off|whistle|trailed|"
                         r"shooters?|striker|penalty|free\s+throws?|game|match)\b", re.IGNORECASE)
_BUSINESS_WORDS = re.compile(r"\b(?:profits?|earnings|revenues?|sales|net|loss(?:es)?|percent|economy|economic|GDP|results|"
                             r"shares|growth|fiscal|financial|dividend|billion|million|output|inflation|quarterly|%)\b|%", re.IGNORECASE)


# What a sports story says besides its games: "this season" there is a sports season
_SPORT_WORDS = re.compile(r"\b(?:league|playoffs?|play-offs?|fans|coach(?:es)?|manager|stadium|ballpark|championship|title|roster|pennant|"
                          r"standings|season-ticket|club|clubs|players?|team|teams|wins?|losses|victory|defeat|series|tournament|cup)\b", re.IGNORECASE)


def _is_sport(text: str, start: int, end: int) -> bool:
    """Does the text around [start, end) tell of sport more than of business?"""
    lo, hi = max(0, start - 300), min(len(text), end + 300)
    sport = len(_GAME_WORDS.findall(text, lo, hi)) + len(_SPORT_WORDS.findall(text, lo, hi))
    return sport > 0 and sport > len(_BUSINESS_WORDS.findall(text, lo, hi))


def _is_game(text: str, start: int, end: int) -> bool:
    lo, hi = max(0, start - 200), min(len(text), end + 200)
    return bool(_GAME_WORDS.search(text, lo, hi)) and not _BUSINESS_WORDS.search(text, lo, hi)


_TITLE_BEFORE_DAY = re.compile(r"(?:[\"“][A-Z][a-z]+|\bT\.?G\.?I\.?)\s+$")
_MONTH_AFTER = re.compile(rf"\s+(?:{MONTH_FULL}|{MONTH_ABBR})")
# A product or object code after a year: "2009 TR4", "2012 DA14"
_CODE_AFTER = re.compile(r"\s+[A-Z]{1,3}\d")
_STREET_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+){1,2}\s+(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place|Highway)\b")
# A weekday that begins a name: "the Sunday Times", "the Friday Prayers"
_NAME_AFTER_DAY = re.compile(r"\s+(?!(?:Morning|Afternoon|Evening|Night)\b)[A-Z][a-z]")
_PAPER_AFTER = re.compile(r"\s*[,.;:)]|\s+(?:said|says|reported|reports|quoted|quotes|wrote|writes|added|cited|claimed)\b")
# "the daily.", "the business daily.", "the Mainichi Shimbun daily.", "the national news weekly." (but
# "land on the island daily.": an adverb) -- words that describe a newspaper before it
_PAPER_BEFORE = re.compile(
    r"\b(?i:the|a|an)\s+(?:(?:[A-Z][\w-]*|(?i:[\w-]+(?:al|ing|ive|run|language|based|wing|circulation|ist)|business|news|"
    r"government|party|opposition|state|evening|morning|tabloid|popular|local|independent|liberal|official))\s+){0,3}$")
_LAST_VERB = re.compile(r"\b(?:to|will|would|could|may|might|should|must|can|'ll|did|does|do)\s+$", re.IGNORECASE)
# Kinds a narrative resolves against the time it last talked about, unless their own word
# points from the writing ("last May", "next Friday"): no word, "the", or "the previous/following".
_NARRATED = {"month", "month_day", "weekday", "season", "holiday"}
_ANAPHORIC_RELS = {"the", "previous", "following"}
_OUT_OF_CALENDAR = re.compile(r"\d{5}|0000")  # year 10000 and up, or year 0: no date can hold them
_POD_OF = re.compile(r"\b(?i:the)\s+(?P<pod>(?i:morning|afternoon|evening|night))\s+of\s+$")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_SENTENCE_YEAR_KINDS = frozenset({"month", "month_day", "holiday"})
# ... the year that opens the sentence ("In 2009, ...", "Last year"), which frames all of it (not one
# in a phrase of its own: "has run the bank since 2009 and passed an audit in March")
_FRAME_BEFORE = re.compile(r"[\s\"'“‘(]*(?:(?:in|during|by|throughout|for|early|late|the)\s+)?", re.IGNORECASE)  # ("The 2014 festival runs from Aug 27")
# ... or the year a "when" clause describes: "in 1974, when the river peaked on Australia Day"
_MONTH_NAMED = re.compile(rf"\b(?:{MONTH_FULL}|{MONTH_ABBR})\b")
_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–)\s*", re.IGNORECASE)
_WHEN_AFTER = re.compile(r",?\s+when\b[^.;:!?]*", re.IGNORECASE)
_CLOCK_DAY_SENTENCES = 2  # a clock time's day is named in its sentence or the two before
_STORY_DAYS = 7  # a day named this far from the writing puts the story there
_PERIOD_END = re.compile(r"\b(?:ended|ending|ends|to|through|until|till|by)\s+$", re.IGNORECASE)  # ("the quarter ended Sept. 30")
_CLOCK_QUARTER = re.compile(r"\s+(?:to|past|after|before)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\b", re.IGNORECASE)
_APPOSITION = re.compile(r",\s*")
_COARSE_RELS = {"the following": lambda a, b: b, "the previous": lambda a, b: a, "that": lambda a, b: a + (b - a) / 2}
_COARSE_UNIT = re.compile(r"(?i)years?$|decades?$|centur(?:y|ies)$")
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_HALF = re.compile(r"\d{4}-H[12]")


def _clock_reach(text: str, start: int) -> int:
    """Where the sentence two before the one at `start` begins: a clock time with no day of its own
    is on a day named from there on, else on the day of the writing ("the quarter ended Sept. 30"
    paragraphs back does not make "the market closed at 4 p.m." a September time)."""
    left, _ = sentence_bounds(text, start, start)
    for _ in range(_CLOCK_DAY_SENTENCES):
        if left <= 1:
            break
        left, _ = sentence_bounds(text, max(0, left - 2), max(0, left - 2))
    return left


def _as_date(published) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        raise ValueError(f"published: {published!r} is not an ISO date") from None


# A wire dateline opening the text: "BEIJING, March 12 (Xinhua) --", "NICOSIA, Cyprus, Aug. 8 (AP) _".
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){{0,3}}(?:,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){{0,2}})?,\s+"
    rf"(?P<month>{MONTH_FULL}|{MONTH_ABBR})\s+(?P<day>[12]\d|3[01]|0?[1-9])\b(?!,?\s+\d{{4}})\s*(?:\([^()\n]{{1,30}}\))?\s*(?:--|—|–|_|-|:)")
_DATELINE_REACH = 3  # days: an archive stamps a story the day after it was filed, or a time zone moves it


def writing_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day a wire story was written, when its dateline names a day next to the publication
    date it was filed under: "today" and "on Friday" count from the dateline, not from an
    archive's stamp a day later."""
    if published is None:
        return None
    m = _DATELINE.match(text, 0, 200)
    if m is None:
        return None
    month = month_number(m.group("month"))
    day = int(m.group("day"))
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if 0 < abs((d - published).days) <= _DATELINE_REACH:
            return d
    return None


def _plausible(text: str, kind: str, start: int, end: int, groups: dict) -> bool:
    if kind == "rel_unit" and (groups.get("unit") or "a")[0].isupper() and not groups["unit"].isupper():
        return False  # "ABC's "This Week"": a title (a sentence may begin "This week", not "This Week")
    if kind == "weekday" and not groups.get("rel") and (
            text[max(0, start - 4):start].lower() == "the " and _NAME_AFTER_DAY.match(text, end) and not _MONTH_AFTER.match(text, end)
            or text[max(0, start - 5):start] == "Good " or _TITLE_BEFORE_DAY.search(text, max(0, start - 20), start)):
        # "the Sunday Times", "the Good Friday Agreement", the record "Sweet Thursday", "T.G.I. Friday's": names
        # (but "said Friday Mr Smith was held")
        return False
    if kind == "season" and not groups.get("rel") and text[max(0, start - 2):start].lower() == "a ":
        return False  # "ruined by a spring frost", "a summer of protest": a kind of season, not one on the calendar
    if kind == "sport_season" and not (_is_game(text, start, end) or _is_sport(text, start, end)):
        return False  # "this season's fashions", "the flu this season": not a sports season
    if (kind in ("quarter", "period") or (groups.get("unit") or "").lower().startswith("quarter")) and _FINALS_AFTER.match(text, end):
        return False  # "the quarter-finals": a round of a competition
    if (kind in ("quarter", "half") or (groups.get("unit") or "").lower().startswith("quarter")) and not groups.get("year") and _is_game(text, start, end):
        return False  # "Ramadan rested his shooters in the final quarter": a game's quarter (or half)
    if kind == "half" and _BUSINESS_WORDS.search(text, max(0, start - 200), min(len(text), end + 200)):
        groups["hbiz"] = ""  # "cost it 60 million euros in the first half": a year's half, in a text about money
    if (kind == "month" or kind == "month_day") and not groups.get("rel"):
        month = groups.get("month") or ""
        # "the March accession", "the May election": a month before the noun it dates
        before_noun = month in ("May", "March") and kind == "month" and _DET_BEFORE.search(text, max(0, start - 8), start) \
            and _NOUN_AFTER.match(text, end)
        if month == "May" and kind == "month" and not groups.get("mod") and not _MAY_CUE.search(text[max(0, start - 12):start]) and not before_noun:
            return False
        if month.rstrip(".") in ("Mar", "Jan", "Dec", "Sep", "Sept", "Jun", "Jul", "Aug", "Oct", "Nov", "Feb", "Apr") and kind == "month":
            return False  # bare abbreviations are too often names and words
        if month == "March" and kind == "month" and not groups.get("mod") and not _MAY_CUE.search(text[max(0, start - 12):start]) \
                and text[max(0, start - 4):start].lower() != "for " and not before_noun:  # "set for March" (but "voted for May" is a person)
            return False  # "March" the verb or the noun, unless a preposition makes it the month
    if kind == "day_word" and groups.get("word") == "Today" and (
            _TODAY_NAME.search(text, max(0, start - 4), min(len(text), end + 12)) or _NAME_BEFORE.search(text, max(0, start - 30), start)):
        return False  # "USA Today", "VOA Today", "the Today programme": names
    if kind == "day_word" and end - start in (5, 8) and _GENERIC_DAY.match(text, start):
        return False  # "today's youth", "the people of tomorrow": these times, not a day
    if kind == "rel_span" and (groups.get("rel") or "").lower() == "last" and _LAST_VERB.search(text, max(0, start - 12), start):
        return False  # "expected to last three weeks": the verb; "three weeks" is found on its own
    if kind == "year":
        after = _NEXT_WORD.match(text, end)
        before = _PREV_WORD.search(text, max(0, start - 20), start)
        determiner = before is not None and before.group(1).lower() in _DETERMINERS
        if after and after.group(1).endswith("s") and after.group(1) not in _S_WORDS and not determiner and not groups.get("fiscal") and not groups.get("pp"):
            return False  # "2000 people" is a count; "the 2005 reforms" is a year
        if before and before.group(1).lower() in _COUNT_BEFORE and not groups.get("mod"):
            return False
        if not determiner and _STREET_AFTER.match(text, end):
            return False  # "1600 Pennsylvania Avenue": a house number
        if not groups.get("mod") and not groups.get("pp") and _CODE_AFTER.match(text, end):
            return False  # the asteroid "2009 TR4": a designation
        if text[end:end + 1] == ":" or text[max(0, start - 1):start] in (":", "-"):
            return False
        if not groups.get("mod") and _TITLE_BEFORE.search(text, max(0, start - 12), start):
            return False  # "the Data Protection Act 1998", "Windows Server 2003": part of a name
    if kind == "duration" and (groups.get("unit") or "x")[0].isupper() and (groups.get("num") or "x")[0].isdigit():
        return False  # "60 Minutes", "48 Hours": titles; a length in running text is lower case
    if kind == "duration" and (groups.get("unit") or "x")[0].isupper() and (groups.get("num") or "x")[0].isupper() and (
            _CAPITAL_AFTER.match(text, end) or text[max(0, start - 1):start] in ('"', "“", "'", "‘")):
        return False  # "the 11th Five-Year Plan", the film "Nine Nights in Valparaiso": a name
    if kind == "duration":
        unit = (groups.get("unit") or "").lower()
        num = (groups.get("num") or "").lower()
        if re.search(r"(?:\bage\s+of|\baged)\s+$", text[max(0, start - 10):start], re.IGNORECASE):
            return False  # an age ("aged 17 months"), which TimeML does not annotate
        if num in ("some", "many", "numerous") and unit.startswith("quarter"):
            return False  # "in some quarters": places, not time
        if unit == "quarter" and num in ("a", "an") and _CLOCK_QUARTER.match(text, end):
            return False  # "a quarter to five", "a quarter past nine": a clock time, not three months
        if groups.get("unit2") and ((unit.rstrip("s"), groups["unit2"].lower().rstrip("s")) not in _COMPOUND_UNITS
                                    or not all(float(number(groups[k]) or 0.5).is_integer() for k in ("num", "num2"))):
            return False  # "10 days, 5 weeks": two lengths, not one in two units ("half a day, 6 hours": not one either)
        if unit == "second" and num in ("a", "an"):
            return False  # "a second" inquiry, not one second
        if _COMPOUND_NOUN_AFTER.match(text, end) and (unit == "second" or num in ("a", "an")):
            return False  # "the three second-year students", "a day-surgery ward": part of another word
        if num in ("a", "an") and unit in ("day", "week", "month", "year") and text[max(0, start - 6):start].lower().strip() in ("once", "twice", "times"):
            return False
        if num in ("a", "an", "per") and unit == "hour" and _SPEED_BEFORE.search(text, max(0, start - 12), start):
            return False  # "winds of 15 miles an hour": a speed
        if groups.get("unit", "")[:1].isupper() and _DIGIT_AFTER.match(text, end):
            return False  # "a dozen Year 13 students", "Day 3 of the trial": a name with a number
        if num in ("a", "an", "per") and not groups.get("dir") and unit in _RATE_UNITS and _is_rate(text, start):
            groups["rate"] = "1"  # "$500 million a year", "700 seats a week": a rate, a recurring time (SET)
        if unit.startswith("quarter") and (num in ("a", "an", "one", "three") and text[end:end + 3].lower() == " of" or "-" in text[start:end] and unit.endswith("s")):
            return False  # "more than a quarter of the market", "three-quarters": a fraction
    # "said the business daily.", "the national daily said", "the China Daily": a newspaper
    return not (kind == "set" and groups.get("adv") and (
        _PAPER_BEFORE.search(text, max(0, start - 40), start) and _PAPER_AFTER.match(text, end)
        or text[start].isupper() and _NAME_BEFORE.search(text, max(0, start - 30), start)))


_COMPOUND_UNITS = {("hour", "minute"), ("minute", "second"), ("year", "month"), ("month", "week"), ("month", "day"), ("week", "day"), ("day", "hour")}
_FINALS_AFTER = re.compile(r"-?finals?\b", re.IGNORECASE)  # ("the quarter-finals")
_DIGIT_AFTER = re.compile(r"\s{1,2}\d")  # ("Year 13", "Day 3")
_COMPOUND_NOUN_AFTER = re.compile(r"-(?!(?:long|old|plus)\b)[a-z]")
_SPEED_BEFORE = re.compile(r"\b(?:miles|kilometres|kilometers|km|knots|feet|metres|meters)\s+$", re.IGNORECASE)
_CAPITAL_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z])")
_RATE_UNITS = {"hour", "day", "night", "week", "month", "year"}


def _is_rate(text: str, start: int) -> bool:
    """Is the "a year" at `start` a rate: right after an amount ("$6 a month", "20 percent a year"),
    a plural noun ("50,000 ships a year", "eight hours a day") or "of" and a noun ("300,000 tons of
    coal a year"), with a number shortly before in the same clause ("spent a year", "in a year" and
    "the 12 jurors took a day" are lengths)."""
    window = text[max(0, start - 60):start]
    cut = _CLAUSE_CUT.match(window)
    words = (window[cut.end():] if cut else window).split()[-6:]
    if not words:
        return False
    prev = words[-1].lower()
    if _NUMBER.fullmatch(prev) or prev in ("percent", "cent"):
        return True
    plural = prev.endswith("s") and not prev.endswith(("ss", "us", "'s", "’s")) and prev not in _S_WORDS and prev.isalpha()
    if not (plural or len(words) > 2 and words[-2].lower() == "of"):
        return False
    return any(_NUMBER.fullmatch(w) for w in words[:-1])


# The last word of a statute's or a product's name, which a year completes (no "of" between).
_TITLE_BEFORE = re.compile(r"(?-i:\b(?:Act|Acts|Regulations|Order|Ordinance|Directive|Rules|Code|Windows|Server|Office|Edition))\s+$")
_TOKEN = re.compile(r"[a-z]+")


def _quarter_end(year: int, q: int) -> dt.date:
    """The last day of a calendar quarter."""
    return dt.date(year, 12, 31) if q == 4 else dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)


# Rules with a reach run only in windows around their key words (see Rule.reach). The windows
# of a set of key words and reach are the same for every rule that shares them: made once a text.
_KEYED = {r.name: (r.key or r.words, r.reach) for r in RULES if r.reach}
_KEY_PATTERNS = {r.name: re.compile(r.key) for r in RULES if r.reach and r.key}
_ALL_WORDS = frozenset().union(*WORDS.values())
# Past a window's end, the whitespace a pattern's \s+ or look-ahead may still cross, and one more
# character, so that a window never ends inside a run of spaces a match would look across.
_TAIL = re.compile(r"\s*\S?")


def _key_words(text: str) -> dict[str, list[int]]:
    """Where each word some rule needs starts in `text` (lower case, [a-z] runs), in one pass."""
    lower = text.lower()
    if len(lower) != len(text):  # a few letters ("İ") lower to two characters: keep offsets true
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found: dict[str, list[int]] = {}
    for m in _TOKEN.finditer(lower):
        word = m.group()
        if word in _ALL_WORDS:
            found.setdefault(word, []).append(m.start())
    return found


def _key_spans(text: str, found: dict[str, list[int]], name: str) -> list[tuple[int, int]]:
    """The spans of a keyed rule's key in `text`, in order: its key pattern's matches, or its words."""
    pattern = _KEY_PATTERNS.get(name)
    if pattern is not None:
        return [m.span() for m in pattern.finditer(text)]
    return sorted((p, p + len(w)) for w in RULE_BY_NAME[name].words for p in found.get(w, ()))


def _windows(text: str, keys: list[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """The merged spans of `text` within reach of the keys."""
    spans: list[tuple[int, int]] = []
    for start, end in keys:
        a = max(0, start - before)
        b = _TAIL.match(text, end + after).end() if end + after < len(text) else len(text)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return spans


def _matches(name: str, pattern: re.Pattern, text: str, found: dict[str, list[int]], cache: dict):
    keyed = _KEYED.get(name)
    if keyed is None:
        yield from pattern.finditer(text)
        return
    spans = cache.get(keyed)
    if spans is None:
        _, (before, after) = keyed
        spans = cache[keyed] = _windows(text, _key_spans(text, found, name), before, after)
    for a, b in spans:
        yield from pattern.finditer(text, a, b)


def _candidates(text: str):
    found = []
    windows: dict = {}
    tokens = _key_words(text)
    for name, pattern in COMPILED.items():
        needs = WORDS.get(name)
        if needs is not None and needs.isdisjoint(tokens):
            continue
        trigger = TRIGGERS.get(name)
        if trigger is not None and trigger.search(text) is None:
            continue
        kind = _KIND[name]
        for m in _matches(name, pattern, text, tokens, windows):
            start, end = m.span("x") if "x" in pattern.groupindex and m.group("x") else m.span()
            if end > start:
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                if _plausible(text, kind, start, end, groups):
                    found.append((start, end, name, groups))
    # Longest first at each start; among equals, the rule listed first.
    found.sort(key=lambda c: (c[0], -(c[1] - c[0]), _RULE_ORDER[c[2]]))
    chosen = []
    last_end = -1
    for c in found:
        if c[0] >= last_end:
            chosen.append(c)
            last_end = c[1]
    return chosen


def _interval(value: str, span) -> tuple[Interval | None, Granularity | None]:
    from chronology.timex import value_interval

    if span is not None:
        return Interval(start=span[0], end=span[1]), None
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return None, Granularity.VAGUE
    try:
        found = value_interval(value)
    except (ValueError, OverflowError):
        found = None
    if not found:
        return None, None
    return Interval(start=found[0], end=found[1]), found[2]


def tag(text: str, published: dt.date | dt.datetime | str | None = None, *, narrative: bool = False) -> list[TimeMention]:
    """Every temporal expression in `text`, resolved against `published` (see the module doc).

    `narrative=True` reads the text as a narrative (a case chronology, a report's account of
    events, a history) rather than news: a month, day, weekday or season without its year is
    the first one at or after the time the text last talked about, not the publication date
    ("On 11 December 2006 ... The conference on 22 December" is 22 December 2006); words that point
    from the writing ("yesterday", "last month") still count from the publication date.
    """
    dct = _as_date(published)
    if not isinstance(text, str) or not text:
        return []
    anchor_name = "the publication date"
    dateline = writing_day(text, dct)
    if dateline is not None:
        dct, anchor_name = dateline, "the dateline's date"
    mentions: list[TimeMention] = []
    ref: dt.date | None = None
    ref_index: int | None = None
    day_ref: dt.date | None = None  # the last day the text named: what "the same day" refers to
    day_ref_index: int | None = None
    quarter: tuple[int, int] | None = None  # the reporting quarter the text last named
    half: tuple[int, int] | None = None  # the reporting half-year the text last named
    last_granularity: str | None = None  # of the last dated mention
    year_ref: dt.date | None = None  # the last date named at any precision down to a year ("in 1999")
    year_ref_index: int | None = None
    dayless: list[int] = []  # the clock times that name no day of their own
    bare: list[int] = []  # the clock times that do not say which half of the day ("at 8:05")
    for start, end, name, groups in _candidates(text[:_MAX_INPUT]):
        surface = text[start:end]
        kind = _KIND[name]
        tense = tense_of(text, start, end) if kind in _TENSED_KINDS else "none"
        if kind in ("month", "quarter") and (_STATISTIC_AFTER.match(text, end) or _STATISTIC_BEFORE.search(text, max(0, start - 40), start)):
            tense = "past"  # "will publish November's jobs report": the month reported on has passed
        if kind == "month" and (_DELIVERY_AFTER.match(text, end) or _DELIVERY_BEFORE.search(text, max(0, start - 20), start)):
            tense = "future"  # "crude for delivery in December", "January futures": a contract month still to come
        if kind in _SENTENCE_YEAR_KINDS and not (groups.get("rel") or groups.get("year") or groups.get("inyear")) and dct is not None:
            groups = {**groups, **_year_from_context(text, kind, groups, start, end, mentions, year_ref_index, tense, dct)}
        use_day = kind in ("anaphoric", "clock", "noon", "dawn") or "dir" in groups or (
            kind == "weekday" and (groups.get("rel") or "").lower().startswith(("the ", "that")))
        # a clock time is on the last day the text named, or else the day of the writing (never on
        # the first of a month the text named: "in February ... at 10 a.m.")
        clock_only_day = kind in ("clock", "noon", "dawn") or name == "the_night"
        clock_day, clock_day_index = day_ref, day_ref_index
        if clock_only_day and day_ref_index is not None and mentions[day_ref_index].start < _clock_reach(text, start) \
                and (dct is None or name == "the_night" or abs((dct - day_ref).days) <= _STORY_DAYS
                     or _PERIOD_END.search(text, max(0, mentions[day_ref_index].start - 12), mentions[day_ref_index].start)):
            # named too far back to be the day of this clock time, which is then the writing's (but a
            # story about days long gone stays on its last day: "Slepian was killed on Oct. 23 ...
            # He was shot at 10 p.m.", written months later)
            clock_day, clock_day_index = None, None
        ctx = Context(dct=dct, ref=(clock_day if clock_only_day else day_ref or ref) if use_day else ref,
                      ref_granularity=last_granularity, tense=tense, quarter=quarter, half=half, anchor_name=anchor_name)
        ctx_index = (clock_day_index if clock_only_day else day_ref_index if day_ref else ref_index) if use_day else ref_index
        if year_ref is not None and _COARSE_UNIT.match(groups.get("unit") or "") and (
                kind == "rel_unit" or kind == "duration" and (groups.get("dir") or "").lower() == "later"):
            # "up 14% from the previous year", "a decade later": counted from the last date named,
            # a year included ("in 1999"), not only the last day or month ("a year earlier" in a
            # report compares with the period reported, and keeps its own anchor)
            ctx, ctx_index = replace(ctx, ref=year_ref), year_ref_index
        if kind == "duration" and last_granularity == "month" and ctx_index is not None and (groups.get("dir") or "").lower() == "earlier" \
                and (groups.get("unit") or "").lower() == "year" and mentions[ctx_index].start >= sentence_bounds(text, start, end)[0]:
            groups = {**groups, "bymonth": "1"}  # "fell 2.1 percent in February from a year earlier": February a year before
        written = weekday_number(groups.get("cwd") or groups.get("owd")) if kind == "clock" else None
        if written and tense == "past" and clock_day is not None and dct is not None and (dct - clock_day).days > _STORY_DAYS \
                and 0 < (written - clock_day.isoweekday()) % 7 <= 3:
            # "On Saturday, Feb. 19, 2005, they broke in ... at 5:12 a.m. Sunday": a story told about days
            # far from the writing names the next days of its clock times from the day it is at
            groups = {**groups, "story": str((written - clock_day.isoweekday()) % 7)}
        if kind == "anaphoric" and mentions and mentions[-1].granularity == Granularity.DAY and _APPOSITION.fullmatch(text, mentions[-1].end, start):
            # "on Oct. 12, the day before the crash": the phrase describes the day just named
            groups = {**groups, "appositive": "1"}
        rel_word = " ".join((groups.get("rel") or "").lower().split())
        if kind in ("season", "month") and rel_word in _COARSE_RELS and year_ref_index is not None \
                and (ref_index is None or year_ref_index > ref_index) and mentions[year_ref_index].interval is not None:
            # "in late 2014 ... the following spring", "that summer ... the following March":
            # counted from the year or season last named when no later day or month has been (from
            # its end, its start, or its middle for "that")
            span = mentions[year_ref_index].interval
            ctx, ctx_index = replace(ctx, ref=_COARSE_RELS[rel_word](span.start, span.end)), year_ref_index
        if ctx_index is not None and ctx.ref is not None:
            ctx = replace(ctx, ref_shown=mentions[ctx_index].value)
        narrated = narrative and ref is not None and kind in _NARRATED and (groups.get("rel") or "the previous").lower().split()[-1] in _ANAPHORIC_RELS
        if narrated:  # the time the story is at stands in for the writing; a story moves forward
            ctx = replace(ctx, dct=ref, ref=ref, tense="future", anchor_name=NARRATIVE_ANCHOR,
                          ref_shown=mentions[ref_index].value)
            ctx_index = ref_index
        try:
            resolved = RESOLVERS[kind](surface, groups, ctx)
        except (KeyError, ValueError, OverflowError, TypeError) as err:  # a rule bug must not lose the text
            log.debug("temporal rule %s failed on %r: %s", name, surface, err)
            resolved = None
        if resolved is None or resolved.type in ("DATE", "TIME") and _OUT_OF_CALENDAR.match(resolved.value):
            continue  # (a year past 9999, or before 1, has no value a date can hold)
        if kind == "clock" and mentions:
            resolved = _past_midnight(resolved, text, start, mentions[-1])
        pod_of = _POD_OF.search(text, max(0, start - 24, mentions[-1].end if mentions else 0), start) \
            if resolved.type == "DATE" and _DAY_VALUE.fullmatch(resolved.value) else None
        if pod_of:  # "on the evening of Aug. 9", "the morning of Friday 7 February": that part of that day
            start, surface = pod_of.start(), text[pod_of.start():end]
            code = PARTS_OF_DAY[pod_of.group("pod").lower()]
            resolved = replace(resolved, type="TIME", value=f"{resolved.value}T{code}", how=f"the {pod_of.group('pod').lower()} of {resolved.value}, {resolved.how}")
        interval, granularity = (None, None)
        if resolved.type in ("DATE", "TIME") or resolved.span is not None:
            interval, granularity = _interval(resolved.value, resolved.span)
        if resolved.type == "DURATION" and resolved.span is None:
            granularity = None
        if resolved.type == "SET":
            interval, granularity = None, None
        # A date or time that keeps an unknown (X) part is unanchored, whatever the rule said.
        anchored = resolved.anchored and not (resolved.type in ("DATE", "TIME") and "X" in resolved.value)
        if resolved.anchor == "mention" or (narrated and resolved.anchor == "publication"):
            anchor = Anchor(kind="mention", value=ctx.ref.isoformat() if ctx.ref else None, mention=ctx_index)
        elif resolved.anchor == "publication" and dct is not None:
            anchor = Anchor(kind="publication", value=dct.isoformat())
        else:
            anchor = Anchor(kind="none")
        mention = TimeMention(
            start=start, end=end, text=surface, type=resolved.type, value=resolved.value,
            mod=resolved.mod, quant=resolved.quant, freq=resolved.freq,
            granularity=granularity, interval=interval, anchor=anchor, anchored=anchored,
            rule=name, explanation=_explain(surface, resolved, granularity),
        )
        mentions.append(mention)
        if kind in ("clock", "noon", "dawn") and not any(groups.get(k) for k in _OWN_DAY_GROUPS):
            dayless.append(len(mentions) - 1)
        if name == "clock_colon" and not groups.get("cpod") and not groups["h"].startswith("0") and 1 <= int(groups["h"]) <= 11:
            bare.append(len(mentions) - 1)
        if resolved.type == "DATE" and anchored and _QUARTER.fullmatch(resolved.value):
            reported = (int(resolved.value[:4]), int(resolved.value[-1]))
            # A report is on a quarter already over, not the "fourth quarter" it forecasts, and on the
            # latest one it names: "after a flat second quarter", "in the 1988 period" look back.
            if not resolved.comparison and (dct is None or _quarter_end(*reported) <= dct):
                quarter = reported if quarter is None else max(quarter, reported)
            last_granularity = "quarter"
        elif resolved.type == "DATE" and anchored and _HALF.fullmatch(resolved.value):
            if not resolved.comparison:  # "first-half profit rose ... from a year earlier": the half reported
                half = (int(resolved.value[:4]), int(resolved.value[-1]))
            last_granularity = "half"
        elif resolved.type in ("DATE", "TIME") and granularity not in (Granularity.VAGUE, None):
            last_granularity = granularity.value
        elif resolved.type == "DURATION":
            last_granularity = "duration"  # "in the first nine months ... a year earlier": no longer a quarter
        # ("overnight", "through the night" are only roughly placed: the text's story does not move to them)
        if anchored and interval is not None and resolved.type in ("DATE", "TIME") and granularity not in (Granularity.VAGUE, None) \
                and kind != "overnight" and name != "the_night":
            if granularity not in (Granularity.DECADE, Granularity.CENTURY):
                year_ref, year_ref_index = interval.start, len(mentions) - 1
            if granularity in (Granularity.DAY, Granularity.TIME, Granularity.MONTH, Granularity.WEEK):
                ref = interval.start
                ref_index = len(mentions) - 1
            if granularity in (Granularity.DAY, Granularity.TIME):
                day_ref = interval.start
                day_ref_index = len(mentions) - 1
    return _clock_days(text, _meridiems(text, mentions, bare), dayless)


# the groups that give a clock time its own day ("9 a.m. Monday", "10.30am on 9 January", "this morning")
_OWN_DAY_GROUPS = ("dword", "cwd", "owd", "pwd", "cmonth", "omonth", "omonth2", "oyear", "oyear2", "cyear", "story", "this")
_MIDNIGHT_VALUE = re.compile(r"\d{4}-\d\d-\d\dT24")
_THEN_DAY = re.compile(r"\s*(?:on\s+|,\s*)?")
_SAME_PHRASE = re.compile(r"(?:[ap]\.m\.|[^;:.!?]){0,50}")  # a recurring time this close, in the same clause, makes a clock time any day's
_RECURRING_DAYS = re.compile(r"P\d*[DWMY]|XXXX-WXX-.*|XXXX-XX-XXT.*")


def _meridiems(text: str, mentions: list[TimeMention], bare: list[int]) -> list[TimeMention]:
    """The half of the day of a clock time written without a.m. or p.m. ("at 8:05"): the afternoon
    when the range it opens ends in the afternoon ("from 5:30 to 7 p.m."), when the clock time
    named just before it was in the afternoon or evening ("at 7:40 p.m. ... She walked out at
    8:05"), or when it is 1 to 6 o'clock (few news stories give a time before dawn without
    saying so: "stuck on the road at 3:30")."""
    written = list(mentions)  # (an afternoon inferred here is no evidence for the next clock time)
    for i in bare:
        m = mentions[i]
        if not _CLOCK_VALUE.fullmatch(m.value):
            continue
        h = int(m.value[11:13])
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        prev = next((p for p in reversed(written[max(0, i - 3):i]) if p.type == "TIME" and _CLOCK_VALUE.fullmatch(p.value)), None)
        if nxt is not None and nxt.type == "TIME" and _CLOCK_VALUE.fullmatch(nxt.value) and _RANGE_TO.fullmatch(text, m.end, nxt.start):
            afternoon = int(nxt.value[11:13]) >= 12 and h + 12 <= int(nxt.value[11:13])
            why = "the range it opens ends in the afternoon"
        elif prev is not None and prev.end >= _clock_reach(text, m.start) and 12 < int(prev.value[11:13]) <= h + 12:
            afternoon, why = True, f"the clock time before it, {prev.text!r}, was after noon"
        else:
            afternoon, why = 1 <= h <= 6, "an hour from 1 to 6 written alone is in the afternoon"
        if afternoon:
            value = f"{m.value[:11]}{h + 12:02d}{m.value[13:]}"
            mentions[i] = _retimed(m, value, f"'{m.text}': a clock time on {value[:10]}, after noon ({why}) → {display_date(value)}")
    return mentions


def _any_day(clock: str) -> str:
    """'T18:30' → '6:30pm, any day'; 'T24' → 'midnight, any day'."""
    hour, _, minute = clock[1:].partition(":")
    return f"{'midnight' if hour == '24' else clock_words(int(hour), int(minute or 0))}, any day"


def _retimed(m: TimeMention, value: str, explanation: str, **update) -> TimeMention:
    """`m` with a new day or hour: its value, the interval and granularity that follow, and why."""
    interval, granularity = _interval(value, None)
    return m.model_copy(update={"value": value, "interval": interval, "granularity": granularity, "explanation": explanation, **update})


def _clock_days(text: str, mentions: list[TimeMention], dayless: list[int]) -> list[TimeMention]:
    """The day of a clock time that named none, once the whole text is read:
    - a day written right after it is its day ("at 10:52 a.m. on that Tuesday", "at 5:47 a.m. the
      next day"), found only once that day has been resolved;
    - in a sentence with a recurring time ("closes at 6 p.m. on weekdays", "open from 9 a.m. to
      6 p.m. daily"), it is a time of any day."""
    for i in dayless:
        m = mentions[i]
        if m.type != "TIME" or not _CLOCK_VALUE.fullmatch(m.value) and not _MIDNIGHT_VALUE.fullmatch(m.value):
            continue
        clock = m.value[10:]
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if following is not None and following.type in ("DATE", "TIME") and _DAY_VALUE.match(following.value) \
                and following.granularity in (Granularity.DAY, Granularity.TIME) and _THEN_DAY.fullmatch(text, m.end, following.start):
            day = following.value[:10]
            if day != m.value[:10]:
                value = day + clock
                mentions[i] = _retimed(m, value, f"'{m.text}': a clock time on {day}, the day written after it → {display_date(value)}",
                                       anchor=Anchor(kind="mention", value=day, mention=i + 1))
            continue
        if any(n.type == "SET" and _RECURRING_DAYS.fullmatch(n.value) and _SAME_PHRASE.fullmatch(text[min(m.end, n.end):max(m.start, n.start)])
               for n in mentions[max(0, i - 3):i + 4]):
            value = "XXXX-XX-XX" + clock
            mentions[i] = m.model_copy(update={
                "value": value, "interval": None, "granularity": Granularity.TIME, "anchor": Anchor(kind="none"), "anchored": False,
                "explanation": f"'{m.text}': a clock time of any day (a recurring time in its sentence) → {_any_day(clock)}"})
    return mentions


def _year_from_context(text: str, kind: str, groups: dict, start: int, end: int, mentions: list[TimeMention],
                       year_ref_index: int | None, tense: str, dct: dt.date) -> dict:
    """The year a month, day or holiday written without one takes from the text around it, as
    extra groups for its resolver ({} when the text gives none):
    - the end of a range takes the year of its start ("from Aug 27 to Sept 6"; "from Dec. 27 to
      Jan. 6" crosses into the next);
    - a year that frames the sentence ("In 2009, the plant closed in March", "Last year ...", "The
      2014 festival runs from Aug 27") or that a "when" clause describes ("in 1974, when the river
      peaked on Australia Day") is its year, unless the tense points away from it ("in 2009 ...;
      it will reopen in March")."""
    if kind != "holiday" and mentions:
        last = mentions[-1]
        if last.granularity in (Granularity.DAY, Granularity.MONTH) and last.interval is not None \
                and _RANGE_TO.fullmatch(text, last.end, start) and _MONTH_NAMED.search(last.text):
            first = last.interval.start
            return {"inyear": str(first.year + (month_number(groups["month"]) < first.month)), "rangeyear": "1"}
    if year_ref_index is None or mentions[year_ref_index].granularity != Granularity.YEAR:
        return {}
    frame = mentions[year_ref_index]
    named = frame.interval.start.year
    framed = _FRAME_BEFORE.fullmatch(text, sentence_bounds(text, start, end)[0], frame.start) or _WHEN_AFTER.fullmatch(text, frame.end, start)
    if not framed or tense == "future" and named < dct.year or tense == "past" and named > dct.year:
        return {}
    return {"inyear": str(named), "sentyear": "1"}


def _past_midnight(resolved, text: str, start: int, last: TimeMention):
    """'from 9 p.m. to 3 a.m.': the end of a clock range that comes before its start is on the next day."""
    if not (resolved.type == last.type == "TIME" and _CLOCK_VALUE.fullmatch(resolved.value) and _CLOCK_VALUE.fullmatch(last.value)
            and resolved.value[:10] == last.value[:10] and resolved.value < last.value and _RANGE_TO.fullmatch(text, last.end, start)):
        return resolved
    try:
        later = dt.datetime.fromisoformat(resolved.value) + dt.timedelta(days=1)
    except OverflowError:  # past 9999-12-31
        return resolved
    return replace(resolved, value=later.isoformat(timespec="minutes"), how=f"the end of a range past midnight, the day after {resolved.value[:10]}")


def _explain(surface: str, r, granularity) -> str:
    if r.type == "DURATION":
        shown = MOD_WORDS.get(r.mod or "", "{}").format(duration_words(r.value))
        if r.span is not None:  # "the past three years": a length with its place on the calendar
            shown += f", {r.span[0].isoformat()} to {r.span[1].isoformat()}"
    elif r.type == "SET":
        shown = set_words(r.value, r.freq, r.quant)
    else:
        try:
            shown = display_date(r.value, granularity, r.mod)
        except (ValueError, KeyError, TypeError):
            shown = r.value
    return f"'{surface}': {r.how} → {shown or r.value}"
