"""The clause a date governs, and its subject, found with word lists instead of a parser.

A sentence is cut into segments at punctuation (, ; : — parentheses) and before subordinating
words ("after", "when", "who", "which"). The date's clause is its own segment, joined to the
nearest segment with a verb when it has none ("..., in December." belongs to what precedes it;
"Last week the judge, ..., directed" to what follows). A clause without a subject takes it from
the sentence: a relative clause from its antecedent, a bare verb phrase from the nearest earlier
segment that names someone ("Ed Balls, yesterday ordered ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.events.lexicon import (
    AUXILIARIES,
    COORDINATORS,
    DATE_PREPOSITIONS,
    DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    SUBORDINATORS,
    VERBS,
)

_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-.%]*[A-Za-z0-9%]|[A-Za-z0-9]|[“”\"‘’]|[^\sA-Za-z0-9]")
_BREAK_PUNCT = frozenset(",;:—–()")
# -ed words that are not verbs.
_NOT_VERB_ED = frozenset("need red bed hundred speed seed feed shed bred wed led".split()) - {"led"}
# "as" opens a clause only before a subject-like word ("as public anger grew" is missed on purpose:
# "removed as director" must stay whole).
_AS_SUBJECTS = DETERMINERS | frozenset("he she it they we i".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation of `text`, with offsets shifted by `offset`.

    A word's final period is its own token ("Guardian." -> "Guardian", "."), so names never run
    across a sentence end; inner periods stay ("U.S").
    """
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group(0)
        bare = word.rstrip(".")
        start = offset + m.start()
        if bare:
            out.append(Token(bare, start, start + len(bare)))
        if len(bare) < len(word):
            out.append(Token(".", start + len(bare), start + len(bare) + 1))
    return out


def is_verb(tok: Token) -> bool:
    low = tok.lower
    if not tok.is_word or tok.is_capitalised and low not in AUXILIARIES:
        return False
    if low in VERBS or low in AUXILIARIES:
        return True
    return len(low) > 4 and low.endswith("ed") and low not in _NOT_VERB_ED


def segments(tokens: list[Token]) -> list[list[Token]]:
    """The sentence cut at clause punctuation and before subordinating and relative words."""
    out: list[list[Token]] = [[]]
    for i, tok in enumerate(tokens):
        if tok.text in _BREAK_PUNCT:
            out.append([])
            continue
        low = tok.lower
        opens = low in SUBORDINATORS or low in ("who", "which")
        if low == "as":
            opens = i + 1 < len(tokens) and tokens[i + 1].lower in _AS_SUBJECTS
        if opens and out[-1]:
            out.append([])
        out[-1].append(tok)
    return [s for s in out if s]


def in_span(tok: Token, span: tuple[int, int]) -> bool:
    return tok.start < span[1] and span[0] < tok.end


def content(seg: list[Token], span: tuple[int, int]) -> list[Token]:
    """The segment's words other than the date, its preposition and opening connectives."""
    words = [t for t in seg if t.is_word and not in_span(t, span)]
    before = [t for t in seg if t.end <= span[0]]
    if before and before[-1].lower in DATE_PREPOSITIONS and words and words[-1] is before[-1]:
        words = words[:-1]
    while words and (words[0].lower in SUBORDINATORS or words[0].lower in COORDINATORS):
        words = words[1:]
    return words


def has_verb(words: list[Token]) -> bool:
    return any(is_verb(t) for t in words)


def first_verb(words: list[Token]) -> int | None:
    for i, t in enumerate(words):
        if is_verb(t):
            return i
    return None


@dataclass(frozen=True)
class Clause:
    """The words of the clause a date governs, split into subject and predicate."""

    start: int
    end: int
    subject: list[Token]
    predicate: list[Token]
    subject_from_context: bool


def _subject_from_context(segs: list[list[Token]], index: int, span: tuple[int, int]) -> list[Token]:
    """The subject a subjectless segment borrows from an earlier segment of the sentence."""
    for j in range(index - 1, -1, -1):
        words = content(segs[j], span)
        if not words or words[0].lower in RELATIVES or segs[j][0].lower in COORDINATORS:
            continue
        if not any(t.text[0].isalpha() for t in words):
            continue  # "55" in "Ms Shoesmith, 55, had been ..."
        verb = first_verb(words)
        if verb is None:
            return words
        if verb > 0:
            return words[:verb]
    return []


def reduced_relative(tokens: list[Token], span: tuple[int, int]) -> Clause | None:
    """'reforms introduced in 2005': a noun phrase and a participle the date attaches to directly.

    The date then dates the noun's event (the reforms were introduced in 2005), not the clause
    around it ("he admitted ... reforms introduced in 2005 were ...").
    """
    before = [t for t in tokens if t.end <= span[0]]
    if len(before) < 3 or before[-1].lower not in DATE_PREPOSITIONS:
        return None
    participle = before[-2]
    low = participle.lower
    if not (participle.is_word and low.endswith("ed") and len(low) > 4 and is_verb(participle)):
        return None
    noun = before[-3]
    if not noun.is_word or is_verb(noun) or noun.lower in AUXILIARIES or noun.lower in PREPOSITIONS \
            or noun.lower in DETERMINERS or noun.lower in RELATIVES or noun.lower in SUBORDINATORS:
        return None
    subject: list[Token] = []
    head = before[:-2]
    for i in range(len(head) - 1, -1, -1):
        t = head[i]
        if i > 0 and head[i - 1].lower == "to":
            break  # "to ensure reforms ...": an infinitive verb, not part of the noun phrase
        if not t.is_word or is_verb(t) or t.lower in AUXILIARIES or t.lower in PREPOSITIONS \
                or t.lower in RELATIVES or t.lower in SUBORDINATORS or t.lower in COORDINATORS \
                or t.lower in DETERMINERS or len(subject) >= 4:
            break
        subject.insert(0, t)
    if not subject:  # "to X-ed in ...": the word before the participle began an infinitive
        return None
    return Clause(subject[0].start, participle.end, subject, [participle], False)


def find_clause(tokens: list[Token], span: tuple[int, int]) -> Clause | None:
    """The clause of the sentence `tokens` that the mention at `span` dates."""
    reduced = reduced_relative(tokens, span)
    if reduced is not None:
        return reduced
    segs = segments(tokens)
    home = next((i for i, s in enumerate(segs) if any(in_span(t, span) for t in s)), None)
    if home is None:
        return None
    first, last, verb_seg = home, home, home
    words = content(segs[home], span)
    if not has_verb(words):
        # The date's segment alone says nothing happened: join the clause that does.
        forward = [j for j in range(home + 1, len(segs)) if has_verb(content(segs[j], span))]
        backward = [j for j in range(home - 1, -1, -1) if has_verb(content(segs[j], span))]
        if words and forward:
            verb_seg = last = forward[0]
        elif backward:
            verb_seg = first = backward[0]
        elif forward:
            verb_seg = last = forward[0]
    vwords = content(segs[verb_seg], span)
    subject: list[Token] = []
    borrowed = False
    if verb_seg != home and verb_seg > home and words:
        subject = words  # "Last week the judge, ..., directed": the date segment holds the subject
        borrowed = True
        predicate = vwords[first_verb(vwords) or 0:]
    else:
        verb = first_verb(vwords)
        if verb is None:
            return Clause(segs[first][0].start, segs[last][-1].end, [], vwords, False)
        subject, predicate = vwords[:verb], vwords[verb:]
        while subject and (subject[0].lower in RELATIVES or subject[0].lower in PREPOSITIONS and not subject[0].is_capitalised):
            subject = subject[1:]
        if vwords and vwords[0].lower in RELATIVES and vwords[0].lower in ("who", "which"):
            subject = []
            for j in range(verb_seg - 1, -1, -1):
                ante = content(segs[j], span)
                if ante:
                    subject = ante
                    break
            borrowed = True
        elif not subject:
            subject = _subject_from_context(segs, verb_seg, span)
            borrowed = bool(subject)
    return Clause(segs[first][0].start, segs[last][-1].end, subject, predicate, borrowed)


def complement_before(tokens: list[Token], clause_start: int) -> list[Token]:
    """What a reporting clause at the end of a sentence reports: the words before it."""
    return [t for t in tokens if t.end <= clause_start]
