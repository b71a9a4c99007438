"""events stage: a document's time mentions become the events they date.

Public API: `extract_events(doc, mentions)`; `display_date(value, granularity, mod)` writes a
date at its precision; `skipped_mentions` / `classify_mention` say why a mention is no event.
"""

from chronology.events.display import display_date, display_interval, value_interval
from chronology.events.extract import classify_mention, extract_events, skipped_mentions
from chronology.events.sentences import Sentence, split_sentences

__all__ = [
    "Sentence",
    "classify_mention",
    "display_date",
    "display_interval",
    "extract_events",
    "skipped_mentions",
    "split_sentences",
    "value_interval",
]
