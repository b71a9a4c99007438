"""Sentence segmentation for news text: offsets of each sentence in the document.

Line breaks always end a sentence (headlines, bylines and paragraphs are lines). Inside a line a
sentence ends at . ! ? (and any closing quotes or brackets after it) when the next word starts a
new sentence, except after abbreviations ("Mr.", "Jan."), initials ("J. K. Rowling") and dotted
acronyms ("U.S.") that are not followed by a typical sentence opener.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.events.lexicon import ABBREVIATIONS, SENTENCE_STARTERS

# Letters are any script's: a sentence may open with "Élisabeth" or "Ärzte", an initial be "É.".
_LETTER = r"[^\W\d_]"
# A candidate end: terminal punctuation, closing quotes/brackets, whitespace, then an opener (a
# capital or a digit; the group is checked for case, which a regex cannot do for every script).
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=[ \t]+[\"'“‘(\[]?([^\W_]))")
_LINE_RE = re.compile(r"[^\n]+")
_WORD_BEFORE_RE = re.compile(rf"({_LETTER}(?:{_LETTER}|\.)*)\.$")
_NEXT_WORD_RE = re.compile(rf"[ \t]+[\"'“‘(\[]?({_LETTER}+)")
_ACRONYM_RE = re.compile(rf"(?:{_LETTER}\.)+{_LETTER}")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_false_end(line: str, dot: int, after: int) -> bool:
    """True when the period at `dot` belongs to an abbreviation, an initial or an acronym."""
    if line[dot] != ".":
        return False
    m = _WORD_BEFORE_RE.search(line, max(0, dot - 40), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if word.lower().rstrip(".") in ABBREVIATIONS and "." not in word:
        return True
    nxt = _NEXT_WORD_RE.match(line, after)
    next_word = nxt.group(1).lower() if nxt else ""
    if len(word) == 1 and word.isupper():
        # An initial ("J. K. Rowling"), unless a sentence plainly starts next ("Plan B. The").
        return next_word not in SENTENCE_STARTERS
    if "." in word and _ACRONYM_RE.fullmatch(word):
        # "U.S." ends a sentence only when a typical opener follows.
        return next_word not in SENTENCE_STARTERS
    return False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# No real sentence is longer; a run of text without an end (a table, a scraped blob, a 1 MB
# line) is cut into pieces of at most this many characters, at a clause mark or a space, so that
# each event keeps a readable sentence and the work per mention stays bounded.
MAX_SENTENCE = 1000


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """[s, e) as one piece, or as pieces of at most MAX_SENTENCE characters."""
    pieces = []
    while e - s > MAX_SENTENCE:
        window = text[s + MAX_SENTENCE // 2: s + MAX_SENTENCE]
        clause = max((m.end() for m in re.finditer(r"[;:,]\s", window)), default=None)
        space = window.rfind(" ")
        cut = s + MAX_SENTENCE // 2 + (clause if clause is not None else space + 1 if space >= 0 else len(window))
        a, b = _trimmed(text, s, cut)
        if b > a:
            pieces.append((a, b))
        s = cut
    a, b = _trimmed(text, s, e)
    if b > a:
        pieces.append((a, b))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text` with its [start, end) offsets, in order, whitespace trimmed."""
    return [Sentence(a, b, text[a:b]) for s, e in _raw_sentences(text) for a, b in _bounded(text, s, e)]


def _raw_sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        base, body = line.start(), line.group(0)
        cut = 0
        for m in _END_RE.finditer(body):
            opener = m.group(1)
            if not (opener.isupper() or opener in "0123456789"):
                continue
            if _is_false_end(body, m.start() + len(m.group(0).rstrip("\"'”’)]")) - 1, m.end()):
                continue
            s, e = _trimmed(text, base + cut, base + m.end())
            if e > s:
                out.append((s, e))
            cut = m.end()
        s, e = _trimmed(text, base + cut, base + len(body))
        if e > s:
            out.append((s, e))
    return out


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding character `offset` (sentences sorted by start)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None
