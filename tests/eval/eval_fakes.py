"""Test doubles for the eval tests: taggers that need no grammar (gold-as-system and a toy one)."""

from __future__ import annotations

import datetime as dt
import random
import re

from chronology.eval.timeml import TimemlDoc
from chronology.model import TimeMention

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_TOY = re.compile(r"\b(yesterday|three months|" + "|".join(_MONTHS) + r"|(?:19|20)\d\d)\b")


def toy_tagger(text: str, published: dt.date | None = None) -> list[TimeMention]:
    """Knows 'yesterday', month names (in the anchor's year), 'three months' and years."""
    out = []
    for m in _TOY.finditer(text):
        word = m.group(0)
        if word == "yesterday":
            typ, value = "DATE", (published - dt.timedelta(days=1)).isoformat() if published else "XXXX-XX-XX"
        elif word == "three months":
            typ, value = "DURATION", "P3M"
        elif word in _MONTHS:
            typ, value = "DATE", f"{published.year if published else 'XXXX'}-{_MONTHS.index(word) + 1:02d}"
        else:
            typ, value = "DATE", word
        out.append(TimeMention(start=m.start(), end=m.end(), text=word, type=typ, value=value))
    return out


def gold_mentions(doc: TimemlDoc) -> list[TimeMention]:
    """A gold document's scored timexes as our mentions (what a perfect tagger would return)."""
    out = []
    for t in doc.timexes:
        if t.closed and t.end > t.start:
            typ = t.type if t.type in ("DATE", "TIME", "DURATION", "SET") else "DATE"
            out.append(TimeMention(start=t.start, end=t.end, text=t.text, type=typ, value=t.value))
    return out


def perturbed(mentions: list[TimeMention], text: str, seed: int) -> list[TimeMention]:
    """Gold mentions with misses, wrong values and types, shifted edges and spurious finds."""
    rng = random.Random(seed)
    out = []
    for m in mentions:
        r = rng.random()
        start, end, typ, value = m.start, m.end, m.type, m.value
        if r < 0.1:
            continue
        if r < 0.2:
            value += "X"
        elif r < 0.3:
            start = max(0, start - rng.randint(1, 6))
        elif r < 0.4:
            end = min(len(text), end + rng.randint(1, 8))
        elif r < 0.45:
            typ = "DURATION" if typ != "DURATION" else "DATE"
        elif r < 0.5:
            start = min(end - 1, start + rng.randint(1, 3))
        out.append(TimeMention(start=start, end=end, text=text[start:end], type=typ, value=value))
        if rng.random() < 0.1 and len(text) > 20:
            q = rng.randrange(len(text) - 15)
            n = rng.randint(1, 12)
            out.append(TimeMention(start=q, end=q + n, text=text[q:q + n], type="DATE", value="2000"))
    return out
