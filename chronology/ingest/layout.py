"""The shape of a plain text: headline, byline block, and page furniture around the article.

Text copied from a web page often carries the page around the article: a headline and byline
printed after the body, related links, "Comments are closed.". This module finds, without
changing the text (offsets stay traceable):

- the byline/dateline date, looked for in the first few lines and in the trailing block (the
  lines after the last body paragraph);
- the headline: the line just before a byline, or a headline-like first line;
- furniture: the headline+byline lines when they follow the body, and the trailing run of short,
  link-like lines (list items, furniture phrases, titles without sentence punctuation) provided
  the run carries a clear sign of furniture (a known phrase, several list items, or a byline
  block before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronology.ingest.bylines import BylineDate, match_byline

HEAD_LINES = 6  # non-blank lines at the top where a byline or headline is looked for
DATELINE_LINES = 3  # a dateline opens the first paragraph, after at most a headline and byline
HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 25
LINK_MAX_CHARS = 120  # longer lines are prose, not a link or a menu entry
MIN_LIST_ITEMS = 3  # a run of list items this long is a link list even without a known phrase

# Phrases that open a furniture line on news pages (matched at the line start, any case).
FURNITURE_PHRASES = (
    r"comments? (?:are|is) (?:closed|disabled)",
    r"related(?: articles| stories| content| links| posts| topics)?\s*:?$",
    r"more (?:from|on|stories|news|in)\b",
    r"read (?:more|next)\b",
    r"see also\b",
    r"share (?:this|on)\b",
    r"follow us\b",
    r"sign up\b",
    r"subscribe\b",
    r"(?:most )?(?:read|popular|viewed|shared)\s*:?$",
    r"most (?:read|popular|viewed|shared)\b",
    r"you (?:may|might) (?:also )?like\b",
    r"recommended(?: for you)?\s*:?$",
    r"advertisement$",
    r"sponsored\b",
    r"tags?\s*:",
    r"filed under\b",
    r"leave a (?:comment|reply)\b",
    r"(?:print|email) this\b",
    r"all rights reserved\b",
    r"©|copyright\b",
    r"back to top\b",
    r"(?:previous|next) (?:article|story|post)\b",
    r"click here\b",
    r"log ?in to comment\b",
)
FURNITURE_RE = re.compile("^(?:" + "|".join(FURNITURE_PHRASES) + ")", re.IGNORECASE)
LIST_ITEM_RE = re.compile(r"^(?:[-*•·–]|\d{1,2}[.)])\s+\S")
SENTENCE_END_RE = re.compile(r"[.!?:;…][\"'”’)]*$")
WORD_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first character
    end: int  # offset just past the line's text (before its newline)
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Layout:
    byline: BylineDate | None = None
    headline: str | None = None
    headline_from: str | None = None  # "byline" (line before a byline) or "first-line"
    furniture: list[tuple[int, int]] = field(default_factory=list)
    invalid_bylines: list[BylineDate] = field(default_factory=list)  # e.g. "30 February 2009"


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def is_body_line(line: str) -> bool:
    """Prose: a long line or a full sentence of a dozen words or more."""
    s = line.strip()
    return len(s) > 200 or (len(WORD_RE.findall(s)) >= 12 and bool(SENTENCE_END_RE.search(s)))


def is_headline(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > HEADLINE_MAX_CHARS or len(WORD_RE.findall(s)) > HEADLINE_MAX_WORDS:
        return False
    # A headline ends without a full stop (a question mark is fine); it is not a list item,
    # a furniture phrase or a byline.
    if s.endswith((".", ":", ";", ",")) or LIST_ITEM_RE.match(s) or FURNITURE_RE.match(s):
        return False
    return match_byline(s, 0, allow_dateline=False) is None and any(c.isalpha() for c in s)


def is_link_like(line: str) -> bool:
    s = line.strip()
    if not s:
        return True  # blank lines do not break a furniture run
    if len(s) > LINK_MAX_CHARS:
        return False
    return bool(LIST_ITEM_RE.match(s) or FURNITURE_RE.match(s) or not SENTENCE_END_RE.search(s))


def analyse(text: str, *, markdown: bool = False) -> Layout:
    """Find the byline date, headline and furniture ranges of a text (see the module docstring)."""
    lines = split_lines(text)
    filled = [i for i, ln in enumerate(lines) if ln.stripped]
    layout = Layout()
    if not filled:
        return layout
    last_body = max((i for i in filled if is_body_line(lines[i].text)), default=None)
    head = filled[:HEAD_LINES]
    tail = [i for i in filled if last_body is not None and i > last_body]

    byline_at = _find_byline(lines, head, tail, layout)
    trailing = byline_at is not None and byline_at in tail
    if byline_at is not None:
        before = [i for i in filled if i < byline_at]
        if before and is_headline(lines[before[-1]].text):
            layout.headline, layout.headline_from = lines[before[-1]].stripped, "byline"
            block_start = lines[before[-1]].start
        else:
            block_start = lines[byline_at].start
        if trailing:
            layout.furniture.append((block_start, _line_end(text, lines[byline_at])))
    if layout.headline is None:
        first = lines[filled[0]].text
        if markdown and first.lstrip().startswith("#"):
            layout.headline, layout.headline_from = first.strip().lstrip("#").strip(), "first-line"
        elif len(filled) > 1 and is_headline(first) and not lines[filled[0] + 1].stripped:
            # A headline stands alone: the next line is blank (else it is a wrapped paragraph).
            layout.headline, layout.headline_from = first.strip(), "first-line"

    after = (byline_at + 1) if trailing else (last_body + 1 if last_body is not None else len(lines))
    block = _trailing_furniture(lines, after, after_byline=trailing)
    if block is not None:
        layout.furniture.append((block, len(text)))
    return layout


def _find_byline(lines: list[Line], head: list[int], tail: list[int], layout: Layout) -> int | None:
    for rank, i in enumerate(head + [t for t in tail if t not in head]):
        found = match_byline(lines[i].text, lines[i].start, allow_dateline=rank < DATELINE_LINES and i in head)
        if found is None:
            continue
        if found.error:
            layout.invalid_bylines.append(found)
            continue
        layout.byline = found
        return i
    return None


def _trailing_furniture(lines: list[Line], first: int, *, after_byline: bool) -> int | None:
    """Start offset of the trailing furniture block at or after line `first`, or None.

    After a trailing byline every following line belongs to the page if all are link-like.
    Otherwise the run of link-like lines at the very end is furniture only when it shows a clear
    sign of it: a furniture phrase or several list items.
    """
    run_start = len(lines)
    while run_start > first and is_link_like(lines[run_start - 1].text):
        run_start -= 1
    run = [ln for ln in lines[run_start:] if ln.stripped]
    if not run:
        return None
    if after_byline and run_start == first:
        return run[0].start
    phrase_at = next((k for k, ln in enumerate(run) if FURNITURE_RE.match(ln.stripped)), None)
    items = sum(1 for ln in run if LIST_ITEM_RE.match(ln.stripped))
    if phrase_at is not None:
        # Short lines before the first phrase may be the article's last words; start at the phrase
        # unless list items before it show that they are links too.
        return run[0].start if items >= MIN_LIST_ITEMS else run[phrase_at].start
    if items >= MIN_LIST_ITEMS:
        return run[0].start
    return None


def _line_end(text: str, line: Line) -> int:
    # Include the newline so that adjacent furniture ranges touch.
    return min(line.end + 1, len(text))
