"""events stage: a document's time mentions become the events they date.

Public API: `extract_events(doc, mentions)`; `skipped_mentions` / `classify_mention` say why a
mention is no event. Dates in words and TIMEX3 intervals are `chronology.timex`'s.
"""

from chronology.events.extract import classify_mention, extract_events, skipped_mentions
from chronology.events.sentences import Sentence, split_sentences

__all__ = [
    "Sentence",
    "classify_mention",
    "extract_events",
    "skipped_mentions",
    "split_sentences",
]
