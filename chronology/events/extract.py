"""From one document's time mentions to its event mentions: which mentions date something,
the sentence and clause each dates, its title, actors and kind.

`classify_mention` says why a mention is not an event (creation time, furniture, a set, a bare
duration, a generic reference, unanchored); `extract_events` makes one EventMention per mention
that is.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left

from chronology.events.actors import (
    NameIndex,
    clause_actors,
    find_names,
    index_names,
    short_name,
)
from chronology.events.clauses import (
    Clause,
    Token,
    find_clause,
    first_verb,
    in_span,
    tokenize,
)
from chronology.events.lexicon import DATE_PREPOSITIONS, REPORTING_VERBS
from chronology.events.sentences import Sentence, sentence_at, split_sentences
from chronology.events.titles import compose_title, predicate_words, shorten_subject
from chronology.model import Document, EventDate, EventMention, TimeMention
from chronology.timex import display_date, display_interval, value_interval

REFERENCE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
# Reasons a mention does not become an event, as `classify_mention` reports them.
SKIP_REASONS = ("creation-time", "furniture", "set", "duration", "reference", "unanchored", "no-sentence")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def classify_mention(doc: Document, mention: TimeMention) -> str | None:
    """None when the mention dates an event, else the reason it does not (one of SKIP_REASONS)."""
    span = (mention.start, mention.end)
    if mention.function == "CREATION_TIME" or (doc.published_span and _overlaps(span, doc.published_span)):
        return "creation-time"
    if any(_overlaps(span, (s, e)) for s, e in doc.furniture):
        return "furniture"
    if mention.type == "SET":
        return "set"
    if mention.type == "DURATION" and (mention.interval is None or not mention.anchored):
        return "duration"  # "17 months" measures something; it does not date it
    if mention.value in REFERENCE_VALUES:
        return "reference"
    if not mention.anchored or "X" in mention.value:
        return "unanchored"
    return None


def skipped_mentions(doc: Document, mentions: list[TimeMention]) -> dict[str, list[TimeMention]]:
    """The mentions that did not become events, by reason (for the build's warnings and counts)."""
    out: dict[str, list[TimeMention]] = {}
    for m in mentions:
        reason = classify_mention(doc, m)
        if reason:
            out.setdefault(reason, []).append(m)
    return out


def event_date(mention: TimeMention) -> EventDate:
    """The mention's date as an event carries it: value, interval, unit, mod and words."""
    start = mention.interval.start if mention.interval else None
    end = mention.interval.end if mention.interval else None
    granularity = mention.granularity
    if start is None and (fallback := value_interval(mention.value)):
        start, end, unit = fallback
        granularity = granularity or unit
    elif granularity is None and (fallback := value_interval(mention.value)):
        granularity = fallback[2]
    if mention.type == "DURATION" and start and end:
        display = display_interval(start, end)
    else:
        display = display_date(mention.value, granularity, mention.mod)
    return EventDate(value=mention.value, start=start, end=end, granularity=granularity,
                     mod=mention.mod, display=display)


def mention_id(doc_id: str, mention: TimeMention) -> str:
    digest = hashlib.sha1(f"{doc_id}:{mention.start}:{mention.end}:{mention.value}".encode()).hexdigest()
    return f"em-{digest[:12]}"


def _sentence_case(tokens: list[Token], sentence: Sentence, index: NameIndex) -> list[str]:
    """Words as they read mid-title: a sentence's first word lower-cased unless it starts a name."""
    # A capital stays when the word is part of a person's name or starts an organisation's full
    # name ("Social workers" is not "British Association of Social Workers").
    known = index.person_words | {name.split()[0] for name in index.orgs if sentence.text.startswith(name)}
    words = tokenize(sentence.text, sentence.start)
    first = next((t.start for t in words if t.is_word), sentence.start)  # after any opening quote
    out = []
    for t in tokens:
        if t.start == first and t.is_word and t.text not in known and not t.text.isupper():
            out.append(t.text[:1].lower() + t.text[1:])
        else:
            out.append(t.text)
    return out


_PERSONAL_PRONOUNS = frozenset({"he", "she"})


def _without_dates(tokens: list[Token], dates: list[tuple[int, int]]) -> list[Token]:
    """`tokens` without the words of other dating expressions and the preposition each takes:
    a title says what happened, and the date is shown beside it."""
    out: list[Token] = []
    for t in tokens:
        if any(in_span(t, d) for d in dates):
            if out and out[-1].lower in DATE_PREPOSITIONS and any(0 <= d[0] - out[-1].end <= 1 for d in dates):
                out.pop()
            continue
        out.append(t)
    return out


def _opening_person(sentence: Sentence | None, index: NameIndex) -> str | None:
    """The person a sentence opens with, as its subject ("Sharon Shoesmith has accused ...")."""
    if sentence is None:
        return None
    words = [t for t in tokenize(sentence.text, sentence.start) if t.is_word][:6]
    names = find_names(words)
    if not names or names[0].start != words[0].start or names[0].is_org:
        return None
    return index.resolve(names[0])


def _resolve_pronoun(subject: list[Token], sentence: Sentence, previous: Sentence | None,
                     index: NameIndex) -> list[str] | None:
    """A subject "she"/"he" as the person it plainly refers to: the subject the sentence opened
    with, or failing that the previous sentence's; None when neither opens with a person."""
    if len(subject) != 1 or subject[0].lower not in _PERSONAL_PRONOUNS:
        return None
    person = _opening_person(sentence, index)
    if person is None or subject[0].start == sentence.start:
        person = _opening_person(previous, index)
    return [short_name(person)] if person else None


# Verbs of an impersonal "it ... that" sentence: the event is the that-clause.
IMPERSONAL_VERBS = frozenset({"emerged", "emerges", "appeared", "appears", "transpired"})


def _complement_title(tokens: list[Token], span: tuple[int, int], index: NameIndex) -> str:
    """The title of a that-clause: its subject and verb phrase, asides ("who was sacked in
    December") left out."""
    kept: list[Token] = []
    aside = False
    for t in tokens:
        if t.text in {",", "—", "(", ")"} and (aside or (kept and kept[-1].text == ",")):
            aside = False  # the aside ends here, and a doubled comma is dropped
            continue
        if t.lower in ("who", "which") and kept:
            aside = True
            if kept[-1].text == ",":
                kept.pop()
        if not aside:
            kept.append(t)
    while kept and (kept[0].lower == "that" or not kept[0].is_word):
        kept = kept[1:]
    verb = first_verb(kept)
    if not verb:
        return ""
    return compose_title(shorten_subject(kept[:verb], index), predicate_words(kept[verb:], span))


def _title(clause: Clause | None, tokens: list[Token], sentence: Sentence,
           span: tuple[int, int], index: NameIndex, dates: list[tuple[int, int]] = (),
           previous: Sentence | None = None) -> tuple[str, bool]:
    """The event's title, and whether its verb reports speech or findings."""
    dates = [d for d in dates if d != span]
    tokens = _without_dates(tokens, dates)
    if clause is None:
        return compose_title(_sentence_case([t for t in tokens if t.is_word], sentence, index), []), False
    clause = Clause(clause.start, clause.end, _without_dates(clause.subject, dates),
                    _without_dates(clause.predicate, dates), clause.subject_from_context)
    subject = _resolve_pronoun(clause.subject, sentence, previous, index) or shorten_subject(clause.subject, index)
    if clause.subject and clause.subject[0].lower in ("his", "her") and not clause.predicate:
        # "his 2003 report" -> "Lord Laming's report", when the sentence plainly names him.
        owner = _resolve_pronoun([Token("he", clause.subject[0].start, clause.subject[0].end)],
                                 sentence, previous, index)
        if owner:
            subject = [owner[0] + "'s"] + subject
    if subject and clause.subject and subject[0] == clause.subject[0].text:
        subject = _sentence_case(clause.subject[:1], sentence, index) + subject[1:]
    predicate = predicate_words(clause.predicate, span)
    verb = first_verb(predicate)
    # "told to deliver their findings" is an instruction, not a telling.
    reporting = verb is not None and predicate[verb].lower in REPORTING_VERBS \
        and not any(t.lower == "to" for t in predicate[verb + 1: verb + 3])
    if verb is not None and [t.lower for t in clause.subject] == ["it"] and predicate[verb].lower in IMPERSONAL_VERBS:
        # "It emerged on Tuesday that Shoesmith ... has begun a challenge": what emerged is the event.
        complement = _complement_title([t for t in tokens if t.start >= predicate[verb].end], span, index)
        if complement:
            return complement, True
    if reporting and len([t for t in predicate[verb + 1:] if t.is_word]) < 2:
        # "..., Balls said today": the title says what was said, taken from the rest of the sentence.
        before = [t for t in tokens if t.end <= clause.start]
        after = [t for t in tokens if t.start >= clause.end]
        said = _without_dates(before if any(t.is_word for t in before) else after, [span])
        said_words = _sentence_case(said, sentence, index)
        while said_words and said_words[-1] in {",", ":", "—"}:
            said_words = said_words[:-1]
        while said_words and said_words[0] in {",", ":", "—", "that"}:
            said_words = said_words[1:]
        return compose_title(subject + [t.text for t in predicate[: verb + 1]] + said_words, []), True
    if not subject:
        words = _sentence_case(predicate, sentence, index)
        return compose_title(words, []), reporting
    return compose_title(subject, predicate), reporting


def extract_events(doc: Document, mentions: list[TimeMention]) -> list[EventMention]:
    """One EventMention per DATE/TIME (or anchored duration) mention that dates something happening."""
    sentences = split_sentences(doc.text)
    index = index_names(doc.text)
    events: list[EventMention] = []
    dates = sorted((m.start, m.end) for m in mentions if m.type in ("DATE", "TIME"))  # sorted: looked up by sentence
    positions = {s.start: i for i, s in enumerate(sentences)}
    tokenized: dict[int, list[Token]] = {}  # a sentence is tokenized once, however many dates it holds
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        if classify_mention(doc, mention):
            continue
        sentence = sentence_at(sentences, mention.start)
        if sentence is None:
            continue
        span = (mention.start, mention.end)
        tokens = tokenized.get(sentence.start)
        if tokens is None:
            tokens = tokenized[sentence.start] = tokenize(sentence.text, sentence.start)
        clause = find_clause(tokens, span)
        position = positions[sentence.start]
        previous = sentences[position - 1] if position else None
        local = dates[bisect_left(dates, (sentence.start, sentence.start)):bisect_left(dates, (sentence.end, sentence.end))]
        title, reporting = _title(clause, tokens, sentence, span, index, local, previous)
        if clause is not None:
            clause_text = doc.text[clause.start: clause.end]
            actor_tokens = sorted(set(clause.subject) | {t for t in tokens if clause.start <= t.start < clause.end},
                                  key=lambda t: t.start)
        else:
            clause_text, actor_tokens = sentence.text, tokens
        events.append(EventMention(
            id=mention_id(doc.id, mention),
            document=doc.id,
            sentence=sentence.text,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            clause=clause_text,
            title=title or sentence.text[:80],
            actors=clause_actors(actor_tokens, index, sentence.start),
            kind="reporting" if reporting else "reported",
            expression=mention,
            date=event_date(mention),
        ))
    return events
