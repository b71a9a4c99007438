"""People and organisations a clause names, joined to the full names the document uses.

Names are runs of capitalised words (with "of"/"for"/"and" inside organisation names, a title
like "Mr" or "Lord" in front, an organisation word like "council" after). A document-wide index
maps short forms to the full name used elsewhere in the same document: "Balls" and "Mr Balls" to
"Ed Balls", "the council" to "Haringey council" when the document names exactly one council.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from chronology.events.clauses import Token, tokenize
from chronology.events.lexicon import (
    NAME_POSSESSORS,
    NOT_NAME,
    ORG_WORDS,
    PLACES,
    SAINTS,
    SENTENCE_STARTERS,
    TITLES,
)

_CONNECTORS = frozenset("of for and".split())
_PLACE_PREPOSITIONS = frozenset("in at from near across".split())
# After "J." a word that opens sentences ends the name: "Plan B. The council".
_NO_NAME_AFTER_PERIOD = NOT_NAME | SENTENCE_STARTERS


def _bare(word: str) -> str:
    """A name word without its possessive: "Haringey's" -> "Haringey"."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word.rstrip("'’")


def _period_inside(before: Token, period: Token, following: Token | None) -> bool:
    """Whether a name goes on past a period: after an initial or a title written with one
    ("J. K. Rowling", "É. Zola", "Mr. Balls", "St. Mary's"), when a capitalised name word follows."""
    abbreviated = len(before.text) == 1 and before.text.isupper() or before.text in TITLES or before.text in SAINTS
    if before.end != period.start or not abbreviated:
        return False
    return (following is not None and following.is_word and following.is_capitalised
            and following.lower not in _NO_NAME_AFTER_PERIOD)


def _possessive_inside(parts: list[Token], following: Token | None) -> bool:
    """Whether the name goes on past its last part's possessive: "Woman's Hour" and "St Mary's
    Hospital" are one name each, "Haringey's Sharon Shoesmith" two."""
    if following is None or not (following.is_word and following.is_capitalised) or following.lower in NOT_NAME:
        return False
    owner = _bare(parts[-1].text)
    while parts and parts[0].lower in NOT_NAME:
        parts = parts[1:]  # "The Children's Society": the article opens the sentence, not the name
    if len(parts) == 1:
        return owner.lower() in NAME_POSSESSORS
    return len(parts) == 2 and parts[0].text in SAINTS


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    is_org: bool
    has_title: bool


def find_names(tokens: list[Token]) -> list[Name]:
    """Capitalised sequences in `tokens` that can name a person or an organisation."""
    names: list[Name] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not (tok.is_word and tok.is_capitalised and not tok.text[0].isdigit()):
            i += 1
            continue
        j = i
        parts: list[Token] = []
        owners: set[Token] = set()  # possessives inside the name, kept as written
        dotted: set[Token] = set()  # initials and titles written with their period
        while j < len(tokens):
            t = tokens[j]
            if t.is_word and (t.is_capitalised or t.text[0].isdigit() and parts):
                parts.append(t)
                j += 1
                if t.lower.endswith(("'s", "’s")):
                    if not _possessive_inside(parts, tokens[j] if j < len(tokens) else None):
                        break  # "Haringey's director": the name stops at the possessive
                    owners.add(t)
            elif (t.lower in _CONNECTORS and parts and j + 1 < len(tokens)
                  and tokens[j + 1].is_capitalised
                  and any(p.lower in ORG_WORDS for p in parts + tokens[j + 1: j + 4])):
                # "Department for Education", "British Association of Social Workers"
                parts.append(t)
                j += 1
            elif t.text == "." and parts and _period_inside(parts[-1], t, tokens[j + 1] if j + 1 < len(tokens) else None):
                dotted.add(parts[-1])
                j += 1
            elif t.is_word and t.lower in ORG_WORDS and parts:
                parts.append(t)  # "Haringey council"
                j += 1
                break
            else:
                break
        # Until neither is left in front: "On 3 March 2009 Vera Ivanova" drops "On", then "3",
        # then "March", then "2009"; "December 15" the day number left once the month is dropped.
        while parts and (parts[0].text[0].isdigit() or parts[0].lower in NOT_NAME and parts[0].text not in TITLES):
            parts = parts[1:]
        while parts and parts[-1].lower in _CONNECTORS:
            parts = parts[:-1]
        titled = next((k for k, p in enumerate(parts[:-1]) if k and p.text in TITLES), None)
        if titled is not None and not any(p.lower in ORG_WORDS for p in parts[:titled]):
            parts = parts[titled:]  # "Later Mr Balls": the capital before the title opens the sentence
        if parts and all(p.lower in ORG_WORDS for p in parts):
            parts = []  # "The council" opening a sentence is a common noun, not a name
        if parts:
            words = [p.text if p in owners else p.text + "." if p in dotted else _bare(p.text) for p in parts]
            # A person's name has no possessive inside: "Woman's Hour" is a programme, an organisation.
            is_org = any(w.lower() in ORG_WORDS for w in words) or any(p in owners for p in parts)
            has_title = words[0] in TITLES or words[0].rstrip(".") in TITLES
            prev = tokens[i - 1].lower if i > 0 else ""
            place = (len(words) == 1 and prev in _PLACE_PREPOSITIONS and not is_org) or " ".join(words) in PLACES
            if not place and not (len(words) == 1 and has_title):
                names.append(Name(" ".join(words), parts[0].start, parts[-1].end, is_org, has_title))
        i = max(j, i + 1)
    return names


@dataclass(frozen=True)
class NameIndex:
    """The document's full names, for joining short forms to them."""

    people: tuple[str, ...]
    orgs: tuple[str, ...]
    # Where each organisation is named (offset, name), in text order: "the council" is the
    # council last named before it.
    org_places: tuple[tuple[int, str], ...] = ()

    @cached_property
    def person_words(self) -> frozenset[str]:
        """Every word of every person's name; computed once, as titles ask for it once per event."""
        return frozenset(w for name in self.people for w in name.split())

    def resolve(self, name: Name) -> str:
        words = name.text.split()
        if name.has_title:
            words = words[1:]
        if name.is_org:
            return name.text
        if len(words) == 1:
            surname = words[0]
            full = [p for p in self.people if p.split()[-1] == surname and len(p.split()) > 1]
            if full:
                return full[0]
            # "Victoria" for "Victoria Climbié": a first name only when one person has it.
            first = {p for p in self.people if p.split()[0] == surname and len(p.split()) == 2}
            if len(first) == 1:
                return first.pop()
            return name.text
        return name.text

    def resolve_common(self, org_word: str, at: int | None = None) -> str | None:
        """"the council" -> the council last named before offset `at`; failing that, the one
        council the document names, if it names exactly one."""
        if at is not None:
            before = [o for start, o in self.org_places if start < at and o.split()[-1].lower() == org_word]
            if before:
                return before[-1]
        found = [o for o in self.orgs if o.split()[-1].lower() == org_word]
        return found[0] if len(set(found)) == 1 else None


def _title_case(tokens: list[Token]) -> bool:
    """A headline Written Like This: most of its longer words capitalised."""
    long_words = [t for t in tokens if t.is_word and len(t.text) > 3]
    return len(long_words) >= 4 and sum(t.is_capitalised for t in long_words) >= 0.7 * len(long_words)


def index_names(text: str) -> NameIndex:
    """Every full name in `text`, people (two or more words, no org word) and organisations."""
    people: list[str] = []
    orgs: list[str] = []
    found: list[Name] = []
    offset = 0
    # Line by line: a name never runs across a line break (a headline's last word and the next
    # line's first are two names), and a headline in title case names nothing by its capitals.
    for line in text.splitlines(keepends=True):
        tokens = tokenize(line, offset)
        offset += len(line)
        if not _title_case(tokens):
            found.extend(find_names(tokens))
    places: list[tuple[int, str]] = []
    for name in found:
        words = name.text.split()
        if name.has_title:
            words = words[1:]
        if name.is_org:
            places.append((name.start, name.text))
            if name.text not in orgs:
                orgs.append(name.text)
        elif len(words) >= 2 and " ".join(words) not in people:
            people.append(" ".join(words))
    return NameIndex(tuple(people), tuple(orgs), tuple(places))


def clause_actors(tokens: list[Token], index: NameIndex, sentence_start: int | None = None) -> list[str]:
    """The people and organisations `tokens` name, as full names, in order, without repeats.

    A lone capitalised word opening the sentence ("Social workers said") is a name only when the
    document uses it as part of a fuller one ("Balls" of "Ed Balls").
    """
    out: list[str] = []
    for name in find_names(tokens):
        full = index.resolve(name)
        if name.start == sentence_start and full == name.text and " " not in full and not name.is_org:
            continue
        if full not in out:
            out.append(full)
    for i, tok in enumerate(tokens[:-1]):
        if tok.lower == "the" and tokens[i + 1].lower in ORG_WORDS and not tokens[i + 1].is_capitalised:
            full = index.resolve_common(tokens[i + 1].lower, tok.start)
            if full and full not in out:
                out.append(full)
    return out


def short_name(name: str) -> str:
    """How a title refers to an actor: a person by surname, an organisation in full."""
    words = name.split()
    if any(w.lower() in ORG_WORDS for w in words) or len(words) < 2:
        return name
    if words[0] in TITLES:
        return " ".join(words[1:]) if len(words) > 2 else name
    return words[-1]
