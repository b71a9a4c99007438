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

# Letters are any script's ("Climbié"), so names with accents stay whole.
_TOKEN_RE = re.compile(r"[^\W_][\w'’\-.%]*[^\W_%]|[^\W_][\w'’\-.%]*%|[^\W_]|[“”\"‘’]|_|[^\s\w]")
_BREAK_PUNCT = frozenset(",;:—–()")
# Subordinators that are prepositions too: they open a clause only when a verb follows.
_ALSO_PREPOSITIONS = frozenset("after before since until following".split())
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
        if low in _ALSO_PREPOSITIONS:
            # "after two men were convicted" opens a clause; "after the death of Victoria" does not.
            rest = []
            for t in tokens[i + 1:]:
                if t.text in _BREAK_PUNCT or t.lower in SUBORDINATORS or t.lower in RELATIVES:
                    break
                rest.append(t)
            opens = has_verb(rest)
        if low == "as":
            opens = i + 1 < len(tokens) and tokens[i + 1].lower in _AS_SUBJECTS
        elif low == "that" and 0 < i < len(tokens) - 1 and tokens[i - 1].is_word and not is_verb(tokens[i - 1]) \
                and tokens[i - 1].lower not in PREPOSITIONS and is_verb(tokens[i + 1]) \
                and tokens[i + 1].lower not in AUXILIARIES:
            opens = True  # "the legislation that followed in 2004": a relative clause
        elif low in ("and", "but") and i + 1 < len(tokens) and is_verb(tokens[i + 1]) \
                and tokens[i + 1].lower not in AUXILIARIES and any(is_verb(t) for t in out[-1]) \
                and out[-1] and not is_verb(out[-1][-1]):
            # "was removed on 1 December and dismissed ... a week later": two acts, one subject.
            opens = True
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


def _is_modifier(words: list[Token]) -> bool:
    """An appositive or participle phrase between a subject and its verb: no finite verb
    ("55", "chaired by Moira Gibb", "chief executive of Camden council")."""
    verb = first_verb(words)
    return verb is None or verb == 0 and words[0].lower.endswith(("ed", "en"))


def _subject_from_context(segs: list[list[Token]], index: int, span: tuple[int, int]) -> list[Token]:
    """The subject a subjectless segment borrows from an earlier segment of the sentence.

    "The task force, chaired by Moira Gibb, chief executive of Camden council, was set up": with
    only modifiers between, the sentence's opening noun phrase is the subject.
    """
    opening = content(segs[0], span) if index > 0 else []
    if opening and first_verb(opening) is None and opening[0].lower not in RELATIVES \
            and any(t.text[0].isalpha() for t in opening) \
            and all(_is_modifier(content(segs[j], span)) for j in range(1, index)):
        # "The children's secretary, Ed Balls, yesterday ordered": the name says more.
        for j in range(index):
            words = content(segs[j], span)
            if words and all(t.is_capitalised for t in words) and first_verb(words) is None:
                return words
        return opening
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


def antecedent(words: list[Token]) -> list[Token]:
    """The noun phrase a relative pronoun refers to: the last one of the words before it.

    "Lord Laming led the public inquiry into the death of Victoria Climbié, who ..." -> "Victoria
    Climbié"; "the two men were convicted over the death of the toddler, who ..." -> "the toddler".
    """
    cut = 0
    for i, t in enumerate(words):
        if is_verb(t) or t.lower in PREPOSITIONS and not t.is_capitalised or t.lower in SUBORDINATORS \
                or t.lower in RELATIVES:
            cut = i + 1
        elif t.lower in COORDINATORS and i + 1 < len(words) and words[i + 1].lower in DETERMINERS:
            cut = i + 1  # "his report and the legislation that ...": the nearer noun phrase
    return words[cut:] or words


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
    # "identities expired at 11pm" is a finite verb, not a participle: a reduced relative sits
    # inside a clause whose own verb stands elsewhere ("he admitted reforms introduced in 2005 were").
    home = next((seg for seg in segments(tokens) if any(in_span(t, span) for t in seg)), [])
    rest = [t for t in home if t.end <= subject[0].start or t.start >= span[1]]
    if not any(is_verb(t) for t in rest):
        return None
    return Clause(subject[0].start, participle.end, subject, [participle], False)


_POSSESSIVES = frozenset("his her its their".split())


def nominal_date(tokens: list[Token], span: tuple[int, int]) -> Clause | None:
    """'his 2003 report': a date between a possessive and a noun dates that thing (the report),
    not the clause around it. The clause's subject is the possessive and the noun."""
    before = [t for t in tokens if t.end <= span[0]]
    after = [t for t in tokens if t.start >= span[1]]
    if not before or not after:
        return None
    owner = before[-1]
    if not (owner.lower in _POSSESSIVES or owner.lower.endswith("'s") and owner.is_capitalised):
        return None
    nouns: list[Token] = []
    for t in after[:3]:
        low = t.lower
        if not t.is_word or t.is_capitalised or is_verb(t) or low in PREPOSITIONS or low in DETERMINERS \
                or low in COORDINATORS or low in AUXILIARIES or low in RELATIVES:
            break
        nouns.append(t)
    if not nouns:
        return None
    return Clause(owner.start, nouns[-1].end, [owner, *nouns], [], False)


def when_clause(tokens: list[Token], span: tuple[int, int]) -> Clause | None:
    """'in 2005, when departments were reorganised': the when-clause right after a date is the
    event that date names."""
    after = [t for t in tokens if t.start >= span[1]]
    if after and after[0].text == ",":
        after = after[1:]
    if not after or after[0].lower != "when":
        return None
    seg = next((s for s in segments(after) if s[0] is after[0]), None)
    words = content(seg or [], span)
    verb = first_verb(words)
    if not verb:
        return None
    return Clause(after[0].start, seg[-1].end, words[:verb], words[verb:], False)


def find_clause(tokens: list[Token], span: tuple[int, int]) -> Clause | None:
    """The clause of the sentence `tokens` that the mention at `span` dates."""
    for special in (nominal_date, when_clause, reduced_relative):
        found = special(tokens, span)
        if found is not None:
            return found
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
    opener = next((t for t in segs[home] if t.is_word and t.lower not in COORDINATORS), None)
    adjunct = opener is not None and opener.lower in PREPOSITIONS
    if verb_seg != home and verb_seg > home and words and not adjunct:
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
        relative = bool(vwords) and (vwords[0].lower in ("who", "which")
                                     or vwords[0].lower == "that" and verb == 1)
        if relative:
            ante: list[Token] = []
            for j in range(verb_seg - 1, -1, -1):
                if words_before := content(segs[j], span):
                    ante = antecedent(words_before)
                    break
            own = [t for t in subject if t.lower not in DETERMINERS]
            objects = [t for t in predicate if not is_verb(t) and t.lower not in DATE_PREPOSITIONS]
            if own:
                # "which a jury convicted him": the relative clause has its own subject (and its
                # object is the antecedent when it names none: "which the commission has run").
                return Clause(segs[first][0].start, segs[last][-1].end, subject,
                              predicate if objects else predicate + ante, False)
            subject = ante
            borrowed = True
        elif not subject:
            subject = _subject_from_context(segs, verb_seg, span)
            borrowed = bool(subject)
    return Clause(segs[first][0].start, segs[last][-1].end, subject, predicate, borrowed)


def complement_before(tokens: list[Token], clause_start: int) -> list[Token]:
    """What a reporting clause at the end of a sentence reports: the words before it."""
    return [t for t in tokens if t.end <= clause_start]
