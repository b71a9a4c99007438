"""Short event titles a person would write: subject + verb + object, without the date words.

"Sharon Shoesmith, who was personally removed from office in December by Balls" becomes
"Shoesmith removed from office by Balls": the subject shortened to the name it holds, the
auxiliaries ("was", "had been") and stock adverbs dropped, the date and its preposition left out,
at most 12 words, cut at a phrase boundary and with its quotation marks balanced.
"""

from __future__ import annotations

from chronology.events.actors import NameIndex, find_names
from chronology.events.clauses import Token, in_span, is_verb
from chronology.events.lexicon import (
    ADVERB_STOP,
    COORDINATORS,
    DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    SUBORDINATORS,
    TITLES,
)

MAX_WORDS = 12
# A subject longer than this is cut ("the mother of Baby Peter and her boyfriend" still fits).
SUBJECT_WORDS = 8
# Particles that finish a phrasal verb at a title's end ("takes over", "stood down"): kept there
# although they are also prepositions.
PARTICLES = frozenset("over up down out off in on back away".split())
# Auxiliaries dropped at the head of a verb group ("was removed" -> "removed"); modals stay.
_DROPPED_AUX = frozenset("is are was were be been being has have had 's".split())
_PERFECT_AUX = frozenset("has have had".split())
_SURNAME_TITLES = frozenset("Mr Mrs Ms Miss Dr Mr. Mrs. Ms. Dr.".split())
_OPEN_QUOTES = "“‘"
_CLOSE_QUOTES = "”’"
_NO_SPACE_BEFORE = set(",.;:!?%)”’") | {"'s", "’s"}


def shorten_subject(subject: list[Token], index: NameIndex) -> list[str]:
    """The subject as a title says it: a person's surname, an organisation's name, or the noun phrase."""
    words = [t for t in subject if t.is_word]
    while words and words[0].lower in DETERMINERS:
        words = words[1:]
    if not words:
        return []
    names = find_names(words)
    if names:
        first, last = names[0], names[-1]
        after_first = [t for t in words if t.start >= first.end]
        owner = next((t for t in words if t.end == first.end), None)
        if first.start == words[0].start and owner is not None and owner.lower.endswith("'s") and after_first:
            # "Lord Laming's report", "Shoesmith's High Court challenge over ...": the thing is
            # the report or the challenge, the name only whose it is.
            thing = []
            for t in after_first[:SUBJECT_WORDS - 1]:
                if t.lower in PREPOSITIONS:
                    break
                thing.append(t.text)
            return [_title_name(index.resolve(first), first) + "'s"] + thing
        at_start = first.start == words[0].start
        # "the children's secretary Ed Balls" ends with a name, "the death of Victoria" does not
        # make Victoria the subject.
        at_end = last.end == words[-1].end and _word_before(words, last.start) not in PREPOSITIONS
        pick = first if at_start else last if at_end else None
        if pick is first and " " not in pick.text and not pick.is_org and not pick.has_title \
                and index.resolve(pick) == pick.text and len(words) > 1 and not words[1].is_capitalised:
            pick = None  # "Social work leaders": a capital that only opens the sentence
        if pick is not None:
            return [_title_name(index.resolve(pick), pick)]
    return [t.text for t in words[:SUBJECT_WORDS]]


def _word_before(words: list[Token], start: int) -> str:
    before = [t for t in words if t.end <= start]
    return before[-1].lower if before else ""


def _title_name(full: str, name) -> str:
    parts = full.split()
    if name.is_org or len(parts) < 2 or len(parts[-1]) == 1:
        return full  # an organisation, a single word, or "Baby P" (a surname would be a letter)
    if parts[0] in _SURNAME_TITLES:
        return parts[-1]
    if parts[0] in TITLES:
        return full  # "Lord Laming", "Sir Roger Singleton" keep their title
    return parts[-1]


def predicate_words(predicate: list[Token], span: tuple[int, int]) -> list[Token]:
    """The verb phrase without leading auxiliaries, stock adverbs, the date and its preposition."""
    out: list[Token] = []
    head = True
    crossed = False
    for i, tok in enumerate(predicate):
        if not crossed and tok.start >= span[1]:
            crossed = True
            if out and out[-1].lower in PREPOSITIONS and out[-1].end <= span[0]:
                out.pop()  # the date's own preposition ("in December") goes with it
        if tok.start < span[1] and span[0] < tok.end:
            if out and out[-1].lower in PREPOSITIONS and out[-1].end <= span[0]:
                out.pop()
            continue
        low = tok.lower
        if head and (low in _DROPPED_AUX or low in ADVERB_STOP or low.endswith("ly") and len(low) > 4):
            nxt = next((t for t in predicate[i + 1:] if not in_span(t, span)), None)
            # "has begun" keeps its auxiliary ("Shoesmith begun" is not English); "had been
            # removed" and "was sacked" lose theirs.
            if not (low in _PERFECT_AUX and nxt is not None and nxt.lower != "been"
                    and not nxt.lower.endswith("ed") and is_verb(nxt)):
                continue
        if low == "that" and out and len(out) == 1:
            continue  # "revealed that most councils ...": the complementiser adds nothing
        if low == "ago":
            continue
        head = False
        out.append(tok)
    return out


def is_verb_word(word: str) -> bool:
    return is_verb(Token(word, 0, len(word)))


def _join(words: list[str]) -> str:
    text = ""
    for w in words:
        if not text:
            text = w
        elif w in _NO_SPACE_BEFORE or w[0] in _CLOSE_QUOTES and len(w) == 1 or text[-1] in _OPEN_QUOTES:
            text += w
        else:
            text += " " + w
    return text


def _balance_quotes(words: list[str]) -> list[str]:
    opened = sum(w.count("“") for w in words) - sum(w.count("”") for w in words)
    if opened > 0:
        words = words + ["”"] * opened
    return words


def _cut(words: list[str]) -> list[str]:
    """At most MAX_WORDS words, cut before a connective when that leaves a useful title."""
    counted = [w for w in words if w[0].isalnum()]
    if len(counted) <= MAX_WORDS:
        kept = words
    else:
        n, kept = 0, []
        for w in words:
            if w[0].isalnum():
                n += 1
                if n > MAX_WORDS:
                    break
            kept.append(w)
        # Cut before the last clause connective if there is one ("... by Ed Balls | as public
        # anger ..."), else before the last preposition.
        clause_cut = [i for i in range(len(kept) - 1, 3, -1)
                      if kept[i].lower() in COORDINATORS | SUBORDINATORS | RELATIVES]
        phrase_cut = [i for i in range(len(kept) - 1, 5, -1) if kept[i].lower() in PREPOSITIONS]
        if clause_cut or phrase_cut:
            kept = kept[: (clause_cut or phrase_cut)[0]]
        if len(kept) > 4 and kept[-2].lower() in PREPOSITIONS and kept[-1].lower().endswith("ing"):
            kept = kept[:-2]  # "... of causing": a dangling gerund says nothing
    while kept and (kept[-1].lower() in PREPOSITIONS | COORDINATORS | DETERMINERS | SUBORDINATORS | ADVERB_STOP
                    or kept[-1].lower() == "even" or kept[-1] in {",", ";", ":", "—", "“", "."}):
        if kept[-1].lower() in PARTICLES and len(kept) > 1 and is_verb_word(kept[-2]):
            break
        kept = kept[:-1]
    # A title starts with what happened, not with "In an interview ...".
    while len(kept) > 2 and (kept[0].lower() in PREPOSITIONS or kept[0].lower() in DETERMINERS) \
            and kept[0].lower() not in ("that", "this", "these", "those"):
        kept = kept[1:]
    return _balance_quotes(kept)


def compose_title(subject: list[str], predicate: list[Token]) -> str:
    words = subject + [t.text for t in predicate if t.text not in {"(", ")"}]
    # A sentence's capitalised first word moved inside a title ("... has run The system").
    words = words[:1] + [w.lower() if w.lower() in DETERMINERS and w[:1].isupper() else w for w in words[1:]]
    words = _cut(words)
    title = _join(words).strip()
    return title[:1].upper() + title[1:] if title else ""
