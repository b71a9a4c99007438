"""How TempEval-3 Task A scores the timexes of one document against gold, and the metrics.

The official toolkit does not match character spans. It labels the gold text's tokens B/I/O
from each annotation's tags, then gives gold and system timexes shared ids token by token:
a timex starting on a token where a timex of the other side is still open takes that one's id,
unless it already took that id. Same id = relaxed match; same id and identical text = strict
match; type and value accuracy are counted over relaxed matches on the gold side, and
type/value F1 = accuracy x relaxed F1. Counts are summed over documents before dividing.

Kept quirks (they change numbers): a tag inside a token claims or releases the whole token; a
timex stays open over directly following EVENT tokens until an O token; the DCT's tid, timexes
with no token of their own, and timexes with a tag nested inside are not scored; a timex whose
text is blank counts in the totals but never matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from chronology.errors import InputError
from chronology.eval.timeml import TagEvent, TimemlDoc, Timex, tag_attribute
from chronology.eval.tokens import token_spans

__all__ = ["Metrics", "Pair", "TimexCounts", "align_ids", "score_document", "token_labels"]

_SCORED_ELEMENT = re.compile(r"(?i)(EVENT|TIMEX3)")
Label = tuple[str, str]  # ("O" | "B-NAME" | "I-NAME", attribute text of a B token, else "-")


class TimexCounts(BaseModel):
    """Micro counts: *_p are system timexes matched, *_r gold timexes matched."""

    gold: int = 0
    system: int = 0
    strict_p: int = 0
    strict_r: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(**{k: getattr(self, k) + getattr(other, k) for k in TimexCounts.model_fields})

    def metrics(self) -> Metrics:
        return Metrics.from_counts(self)


def _prf(matched_p: int, matched_r: int, system: int, gold: int) -> tuple[float, float, float]:
    p = matched_p / system if system else 0.0
    r = matched_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Metrics(BaseModel):
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float

    @classmethod
    def from_counts(cls, c: TimexCounts) -> Metrics:
        sp, sr, sf = _prf(c.strict_p, c.strict_r, c.system, c.gold)
        rp, rr, rf = _prf(c.relaxed_p, c.relaxed_r, c.system, c.gold)
        if c.system == 0 and c.gold == 0:  # nothing to find and nothing found: perfect
            sf = rf = 1.0
            va = ta = 1.0
        elif c.relaxed_r:
            va, ta = c.value_ok / c.relaxed_r, c.type_ok / c.relaxed_r
        else:
            va = ta = 0.0
        vf, tf = (1.0, 1.0) if c.system == 0 and c.gold == 0 else (va * rf, ta * rf)
        return cls(
            strict_p=sp, strict_r=sr, strict_f1=sf, relaxed_p=rp, relaxed_r=rr, relaxed_f1=rf,
            value_accuracy=va, value_f1=vf, type_accuracy=ta, type_f1=tf,
        )


@dataclass
class Pair:
    """A scored gold timex with its match, or an unmatched system timex (gold is None)."""

    gold: Timex | None
    system: Timex | None


def token_labels(tokens: list[tuple[int, int]], tags: list[TagEvent]) -> list[Label]:
    """B/I/O label of each token from one annotation's tags (EVENT and TIMEX3 elements)."""
    # A tag belongs to the first token that ends after it; `inside` is how far into that
    # token it sits (0 when at or before its start). Tags past the last token are never seen.
    per_token: list[list[tuple[int, TagEvent]]] = [[] for _ in tokens]
    j = 0
    for event in tags:
        while j < len(tokens) and tokens[j][1] <= event.offset:
            j += 1
        if j == len(tokens):
            break
        per_token[j].append((max(0, event.offset - tokens[j][0]), event))

    labels: list[Label] = []
    state, element, attrs = "O", "", "-"
    for events in per_token:
        opened_here = close_after = False
        for inside, event in events:
            if event.kind == "open":
                if not _SCORED_ELEMENT.fullmatch(event.name):
                    continue
                if element and element != event.name:
                    raise InputError(f"{event.name} tag nested in {element} at character {event.offset}")
                opened_here = True
                state, element, attrs = "B", event.name, event.attrs
            elif element and event.name.lower() == element.lower():
                if opened_here and inside >= 1:
                    close_after = True  # opened and closed inside this token: it stays labelled
                else:
                    state, element, attrs = "O", "", "-"
                    opened_here = False
        labels.append(("O" if state == "O" else f"{state}-{element}", attrs))
        if state == "B":
            state, attrs = "I", "-"
        if close_after:
            state, element, attrs = "O", "", "-"
    return labels


def align_ids(gold: list[Label], system: list[Label]) -> tuple[dict[str | None, int], dict[str | None, int]]:
    """Shared timex ids, token by token: {tid: id} for gold and for system."""
    sides = (gold, system)
    current = [0, 0]  # id of the timex open on each side (0: none)
    last_taken = [0, 0]  # the latest id each side took
    ids: tuple[dict[str | None, int], dict[str | None, int]] = ({}, {})
    next_id = 1
    for j in range(len(gold)):
        for side in (0, 1):
            if sides[side][j][0] in ("O", "B-TIMEX3"):
                current[side] = 0
        for side in (0, 1):
            label, attrs = sides[side][j]
            if label != "B-TIMEX3":
                continue
            other = current[1 - side]
            if other and last_taken[side] < other:
                current[side] = other
            else:
                current[side] = next_id
                next_id += 1
            last_taken[side] = current[side]
            ids[side][tag_attribute(attrs, "tid")] = current[side]
    return ids


def _scored(doc: TimemlDoc, ids: dict[str | None, int], side: str, dropped: list[str]) -> dict[object, Timex]:
    """{id: timex} for the timexes the scorer sees; the others are reported in `dropped`."""
    scored: dict[object, Timex] = {}
    for i, timex in enumerate(doc.timexes):
        where = f"{side} TIMEX3 {timex.text!r} [{timex.start},{timex.end}) not scored"
        if timex.tid is None:
            scored[(side, i)] = timex  # counted, but it can never be aligned
        elif doc.dct_tid is not None and timex.tid == doc.dct_tid:
            dropped.append(f"{where}: same tid as the DCT")
        elif timex.tid not in ids:
            dropped.append(f"{where}: no token of its own")
        elif timex.nested:
            dropped.append(f"{where}: contains a nested tag")
        else:
            key = ids[timex.tid]
            if key in scored:
                earlier = scored[key]
                dropped.append(f"{side} TIMEX3 {earlier.text!r} not scored: a later one has the same tid")
            scored[key] = timex
    return scored


def score_document(gold: TimemlDoc, system: TimemlDoc) -> tuple[TimexCounts, list[Pair], list[str]]:
    """Counts, the gold/system pairs (matches, misses, spurious) and the timexes not scored."""
    tokens = token_spans(gold.text)
    gold_ids, system_ids = align_ids(token_labels(tokens, gold.tags), token_labels(tokens, system.tags))
    dropped: list[str] = []
    gold_x = _scored(gold, gold_ids, "gold", dropped)
    system_x = _scored(system, system_ids, "system", dropped)
    c = TimexCounts(gold=len(gold_x), system=len(system_x))
    pairs: list[Pair] = []
    for key, g in gold_x.items():
        if not g.text.strip():
            continue
        s = system_x.get(key)
        if s is None or not s.text.strip():
            pairs.append(Pair(g, None))
            continue
        c.relaxed_r += 1
        c.strict_r += g.text == s.text
        c.type_ok += g.type == s.type
        c.value_ok += g.value == s.value
        pairs.append(Pair(g, s))
    for key, s in system_x.items():
        if not s.text.strip():
            continue
        g = gold_x.get(key)
        if g is None or not g.text.strip():
            pairs.append(Pair(None, s))
            continue
        c.relaxed_p += 1
        c.strict_p += g.text == s.text
    return c, pairs, dropped
