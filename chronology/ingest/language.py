"""Is a document in English? The temporal grammar and the event rules read English only.

A document in another language is still built (its ISO dates and numbers may well be found),
but the user is told that its dates may be missed. The declared language (front matter, record
field, <html lang>, manifest) is trusted when there is one; otherwise a cheap test: English
prose is about a third function words ("the", "of", "and" ...), other languages almost none of
these. No language-identification dependency for a yes/no question.
"""

from __future__ import annotations

import re
from itertools import islice

# The commonest English function words; words that are also common in other languages written
# in the Latin alphabet ("a", "in", "die", "je", "son") are left out so they cannot make a French
# or German text look English.
ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "is", "was", "that", "for", "it", "with", "as", "on", "be", "by", "at",
    "this", "from", "had", "have", "has", "are", "were", "which", "but", "not", "they", "he", "she",
    "his", "her", "their", "its", "been", "would", "will", "said", "who", "an", "or", "after", "when",
    "than", "there", "what", "about", "into", "also", "more", "could", "over", "other",
))  # fmt: skip
ENGLISH_CODES = ("en", "eng", "english")
SAMPLE_WORDS = 2000  # the opening words are enough to tell, and keep the check cheap
MIN_WORDS = 40  # shorter texts (a headline and two lines) say too little to judge
MIN_SHARE = 0.05  # English news prose runs at 25-40 %; tables of sports results in English fall to 2-5 %
WORD_RE = re.compile(r"[^\W\d_]+")


def language_problem(declared: str | None, text: str) -> str | None:
    """Why the tagger may miss this document's dates, or None when it looks like English."""
    if declared:
        code = declared.strip().lower().replace("_", "-").split("-")[0]
        if code in ENGLISH_CODES:
            return None
        return f"language '{declared}': the temporal tagger reads English; its dates may be missed"
    words = [m[0].lower() for m in islice(WORD_RE.finditer(text), SAMPLE_WORDS)]
    if len(words) < MIN_WORDS:
        return None
    share = sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    if share >= MIN_SHARE:
        return None
    return (
        f"does not look like English ({share:.0%} English function words in its first {len(words)} words): "
        "the temporal tagger reads English; its dates may be missed"
    )
