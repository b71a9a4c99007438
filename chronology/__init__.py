"""chronology: dated documents in, a traceable chronology of events out.

    >>> import chronology
    >>> [(m.text, m.value) for m in chronology.tag("He resigned yesterday.", published="2009-03-06")]
    [('yesterday', '2009-03-05')]
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from chronology.errors import ChronologyError
from chronology.model import Chronology, Document, TimeMention

try:
    __version__ = version("chronology")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Chronology", "ChronologyError", "Document", "TimeMention", "__version__", "tag"]


def tag(text: str, published=None, *, narrative: bool = False) -> list[TimeMention]:
    """Find and resolve every temporal expression in `text` against `published` (date or ISO str).

    `narrative=True` reads the text as a story (a case chronology, a report) rather than news: a
    date without its year follows the time the text last talked about.
    """
    from chronology.temporal import tag as _tag

    return _tag(text, published=published, narrative=narrative)
