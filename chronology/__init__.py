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


def tag(text: str, published=None) -> list[TimeMention]:
    """Find and resolve every temporal expression in `text` against `published` (date or ISO str)."""
    from chronology.temporal import tag as _tag

    return _tag(text, published=published)
