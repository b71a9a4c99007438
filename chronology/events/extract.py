"""From one document's time mentions to its event mentions: which mentions date something,
the sentence and clause each dates, its title, actors and kind.

`classify_mention` says why a mention is not an event (creation time, furniture, a set, a bare
duration, a generic reference, unanchored); `extract_events` makes one EventMention per mention
that is.
"""

from __future__ import annotations

import hashlib

from chronology.events.actors import NameIndex, clause_actors, index_names
from chronology.events.clauses import Clause, Token, find_clause, first_verb, tokenize
from chronology.events.display import display_date, display_interval, value_interval
from chronology.events.lexicon import REPORTING_VERBS
from chronology.events.sentences import Sentence, sentence_at, split_sentences
from chronology.events.titles import compose_title, predicate_words, shorten_subject
from chronology.model import Document, EventDate, EventMention, TimeMention

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
    known = index.words
    out = []
    for t in tokens:
        if t.start == sentence.start and t.is_word and t.text not in known and not t.text.isupper():
            out.append(t.text[:1].lower() + t.text[1:])
        else:
            out.append(t.text)
    return out


def _title(clause: Clause | None, tokens: list[Token], sentence: Sentence,
           span: tuple[int, int], index: NameIndex) -> tuple[str, bool]:
    """The event's title, and whether its verb reports speech or findings."""
    if clause is None:
        return compose_title(_sentence_case([t for t in tokens if t.is_word], sentence, index), []), False
    subject = shorten_subject(clause.subject, index)
    if subject and clause.subject and subject[0] == clause.subject[0].text:
        subject = _sentence_case(clause.subject[:1], sentence, index) + subject[1:]
    predicate = predicate_words(clause.predicate, span)
    verb = first_verb(predicate)
    reporting = verb is not None and predicate[verb].lower in REPORTING_VERBS
    if reporting and len([t for t in predicate[verb + 1:] if t.is_word]) < 2:
        # "..., Balls said today": the title says what was said, taken from the rest of the sentence.
        before = [t for t in tokens if t.end <= clause.start]
        after = [t for t in tokens if t.start >= clause.end]
        said = before if any(t.is_word for t in before) else after
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
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        if classify_mention(doc, mention):
            continue
        sentence = sentence_at(sentences, mention.start)
        if sentence is None:
            continue
        span = (mention.start, mention.end)
        tokens = tokenize(sentence.text, sentence.start)
        clause = find_clause(tokens, span)
        title, reporting = _title(clause, tokens, sentence, span, index)
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
            actors=clause_actors(actor_tokens, index),
            kind="reporting" if reporting else "reported",
            expression=mention,
            date=event_date(mention),
        ))
    return events
