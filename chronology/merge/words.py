"""The words an event mention is compared by: content words, lightly stemmed, synonyms folded.

Two tellings of one event rarely use the same words ("sacked yesterday", "dismissed on 8
December"), so each word is stemmed and then mapped to the first member of its synonym group.
The groups are deliberately narrow: each holds words a reporter uses for the *same* act, so that
"sacked" meets "dismissed" but "died" never meets "convicted".
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronology.events.clauses import first_verb, is_verb, tokenize
from chronology.events.lexicon import (
    AUXILIARIES,
    COORDINATORS,
    DETERMINERS,
    PREPOSITIONS,
    REPORTING_VERBS,
    SUBORDINATORS,
)

# Verbs that tell what someone said or asked for, beyond the reporting verbs: a speech act is how
# an event is told ("Laming called for an overhaul" in his report), not an act of its own.
SPEECH_VERBS = frozenset(["urge", "urged", "urges", "urging", "recommend", "recommended", "recommends", "demand", "demanded", "demands"])

# Function words and date words carry no event content: every dated sentence has them.
STOPWORDS = frozenset(
    ["i", "me", "we", "us", "you", "he", "him", "she", "it", "they", "them", "who", "whom", "which", "what", "that", "this", "there", "here", "not", "no", "nor", "also", "as", "if", "so", "than", "then", "too", "very", "just", "only", "even", "still", "yet", "again", "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "last", "next", "yesterday", "today", "tomorrow", "tonight", "week", "weeks", "month", "months", "year", "years", "day", "days", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night", "earlier", "later", "ago", "since", "now", "new", "former"]
) | DETERMINERS | PREPOSITIONS | COORDINATORS | AUXILIARIES | REPORTING_VERBS | SPEECH_VERBS

# Synonym groups: words (any inflection) for one act. The first word names the group.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # Not "removed": in the demo corpus Shoesmith was removed from office on 1 December and
    # dismissed by the council a week later, two events that a reader must see apart.
    ("sack", "sacked", "sacking", "dismiss", "dismissed", "dismissal", "fire", "fired"),
    ("die", "died", "death", "dead", "killed", "kill", "killing", "murder", "murdered"),
    ("convict", "convicted", "conviction", "guilty", "verdict", "verdicts"),
    # Not "publication": its stem is "public", which would fold "public anger" into publishing.
    ("publish", "published", "report", "reported", "released"),
    ("resign", "resigned", "resignation", "quit"),
    ("jail", "jailed", "sentence", "sentenced", "imprisoned", "prison"),
    ("arrest", "arrested", "detained"),
    ("charge", "charged", "charges"),
    # Not "review" or "inspection": a minister ordering an inspection and commissioning a review
    # on the same day did two things.
    ("inquiry", "inquiries", "investigation"),
    ("appoint", "appointed", "appointment", "named", "hired", "chosen"),
)

# Phrasal verbs whose particle changes the act: folded to one word before stemming, so that
# "stood down" meets "resigned" and "stood" alone ("stood trial") stays what it is.
PHRASAL_VERBS: dict[tuple[str, str], str] = {
    ("stood", "down"): "resigned",
    ("stand", "down"): "resign",
    ("stands", "down"): "resigns",
    ("stepped", "down"): "resigned",
    ("step", "down"): "resign",
    ("steps", "down"): "resigns",
    ("set", "up"): "established",
    ("called", "for"): "urged",
    ("calls", "for"): "urges",
    ("call", "for"): "urge",
    ("took", "over"): "succeeded",
    ("take", "over"): "succeed",
}

_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")  # letters of any script ('Climbié', 'Köln')
# Suffixes stripped longest first; a stem keeps at least three letters so "need" stays whole.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")


@lru_cache(maxsize=1 << 16)  # pure, and a corpus says the same words over and over
def stem(word: str) -> str:
    """A light stem: lower case, no possessive, one inflectional suffix off ('sacked' -> 'sack')."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    w = w.strip("'-")
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                return base + "y"
            if suffix == "s" and base.endswith("s"):
                return w  # "process", "class": not plurals
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "stopped" -> "stop"
            return base
    return w


def _synonym_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in SYNONYM_GROUPS:
        head = stem(group[0])
        for word in group:
            table.setdefault(stem(word), head)
    return table


SYNONYMS = _synonym_table()
ACT_HEADS = frozenset(SYNONYMS.values())


def _fold_phrasal(raw_words: list[str]) -> list[str]:
    out: list[str] = []
    for w in raw_words:
        if out and (pair := (out[-1].lower(), w.lower())) in PHRASAL_VERBS:
            out[-1] = PHRASAL_VERBS[pair]
            continue
        out.append(w)
    return out


def normal_words(text: str) -> list[str]:
    """The content words of a text, stemmed and folded to their synonym group, in order."""
    out = []
    for raw in _fold_phrasal(_WORD_RE.findall(text)):
        if raw.lower() in STOPWORDS or len(raw) < 2:
            continue
        s = stem(raw)
        if s in STOPWORDS:
            continue
        out.append(SYNONYMS.get(s, s))
    return out


def actor_words(actors: list[str]) -> frozenset[str]:
    """The words of the actors' names: shared names alone do not make two events one."""
    return frozenset(w for a in actors for w in normal_words(a))


def predicate_words(text: str) -> list[str]:
    """The content words from the first verb on ("sacked by Haringey" in "Shoesmith sacked by
    Haringey"): what was done, as opposed to who did it. All words when there is no verb."""
    tokens = [t for t in tokenize(text) if t.is_word]
    verb = first_verb(tokens)
    words = normal_words(" ".join(t.text for t in tokens))
    if verb is None:
        return words
    # Act words count wherever they stand ("the permanent director chosen by Mr Balls takes ...").
    before = [w for w in normal_words(" ".join(t.text for t in tokens[:verb])) if w in SYNONYMS.values()]
    return before + normal_words(" ".join(t.text for t in tokens[verb:]))


def main_act(text: str) -> str | None:
    """The act a clause tells: its first verb that is not an auxiliary or a speech verb, stemmed
    and folded ("was killed by her great-aunt" -> "die", "stood down" -> "resign"); after a
    speech verb, the act of what was said ("said it had dismissed four employees" -> "sack")."""
    tokens = [t for t in tokenize(text) if t.is_word]
    while (verb := first_verb(tokens)) is not None:
        word = tokens[verb]
        if word.lower not in AUXILIARIES:
            pair = (word.lower, tokens[verb + 1].lower) if verb + 1 < len(tokens) else None
            folded = normal_words(PHRASAL_VERBS[pair]) if pair in PHRASAL_VERBS else normal_words(word.text)
            if folded:
                return folded[0]
        tokens = tokens[verb + 1:]
    return None


def act_words(text: str) -> list[str]:
    """The act words (synonym groups) of a clause outside its prepositional phrases: "chosen" in
    "a director chosen by Balls takes over" names an act; "verdicts" in "commissioned that review
    after the verdicts" names a circumstance."""
    out: list[str] = []
    in_phrase = False
    tokens = tokenize(text)
    for i, t in enumerate(tokens):
        if not t.is_word:
            in_phrase = False
            continue
        if t.lower in PREPOSITIONS:
            # "until a director chosen by Balls takes over" opens a clause, not a phrase.
            rest = []
            for u in tokens[i + 1:]:
                if not u.is_word:
                    break
                rest.append(u)
            in_phrase = not (t.lower in SUBORDINATORS and any(is_verb(u) for u in rest))
            continue
        if is_verb(t):
            in_phrase = False
        if not in_phrase:
            out.extend(w for w in normal_words(t.text) if w in ACT_HEADS)
    return out
