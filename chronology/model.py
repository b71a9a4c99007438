"""The data model every stage speaks: documents, time mentions, events, the chronology.

These pydantic models are a contract: `timeline.json` is `Chronology.model_dump_json()` and
`chronology schema` prints its JSON Schema. Rename a field only with a new SCHEMA_VERSION.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Granularity(str, Enum):
    """How precise a resolved date is: the unit of its interval."""

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    VAGUE = "vague"


class PublishedFrom(str, Enum):
    """Where a document's publication date came from, most trusted first."""

    USER = "user"  # --published on the command line
    MANIFEST = "manifest"
    FRONT_MATTER = "front-matter"
    RECORD = "record"  # a field of a .json/.jsonl record
    HTML_META = "html-meta"
    BYLINE = "byline"
    URL = "url"
    INFERRED = "inferred"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Interval(_Model):
    """The first and last calendar day a value can mean (both inclusive)."""

    start: dt.date
    end: dt.date


class Anchor(_Model):
    """What a mention was resolved against."""

    kind: Literal["publication", "mention", "none"] = Field(
        description="publication: the document's date; mention: an earlier expression; none: unanchored"
    )
    value: str | None = Field(default=None, description="TIMEX3 value of the anchor")
    mention: int | None = Field(default=None, description="index of the anchoring mention, for kind=mention")
    inferred: bool = Field(
        default=False, description="true when the publication date anchored to was inferred (see published_window)"
    )


class TimeMention(_Model):
    """One temporal expression found in a text, with its resolved value and why."""

    start: int = Field(description="character offset of the first character")
    end: int = Field(description="character offset just past the last character")
    text: str
    type: TimexType
    value: str = Field(description="TIMEX3 value, e.g. 2009-03-06, 2008-12, P3Y, PAST_REF, XXXX-12")
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    function: Literal["CREATION_TIME"] | None = Field(
        default=None, description="CREATION_TIME for a byline or dateline date"
    )
    granularity: Granularity | None = None
    interval: Interval | None = None
    anchor: Anchor = Field(default_factory=lambda: Anchor(kind="none"))
    anchored: bool = Field(default=True, description="false when the value keeps unknown (X) parts")
    rule: str = ""
    explanation: str = ""


class PublishedWindow(_Model):
    """The days a document without a publication date could have been written, and why."""

    earliest: dt.date
    latest: dt.date | None = Field(default=None, description="none when only a lower bound is known")
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list, description="one line per piece: its window and reason")
    sources: list[str] = Field(default_factory=list, description="ids of the dated documents it rests on")
    conflicts: list[str] = Field(default_factory=list, description="evidence that disagreed; the window was widened")
    uncorroborated: list[str] = Field(
        default_factory=list, description="weak event matches no other evidence agreed with: listed, not used"
    )


class DocumentInfo(_Model):
    """A document as the chronology lists it (its text stays out of the JSON)."""

    id: str
    title: str | None = None
    path: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    genre: Literal["news", "narrative"] = Field(
        default="news", description="how its dates are read: news (from the publication date) or narrative (from the story's time)"
    )
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    published_window: PublishedWindow | None = None
    published_evidence: str | None = Field(
        default=None, description="the text or field the publication date was read from"
    )
    encoding: str | None = None
    characters: int = 0
    mentions: int = Field(default=0, description="temporal expressions found in the text")


class Document(DocumentInfo):
    """A document with its text: what ingestion gives the later stages."""

    text: str = ""
    # Character ranges [start, end) of page furniture (headline and byline lines printed after
    # the body, related links, "Comments are closed.") that events are not drawn from.
    furniture: list[tuple[int, int]] = Field(default_factory=list)
    # Character range of the byline/dateline date the publication date was read from, if any:
    # the mention there is the document's creation time, not an event.
    published_span: tuple[int, int] | None = None

    def info(self) -> DocumentInfo:
        return DocumentInfo.model_validate(
            self.model_dump(exclude={"text", "furniture", "published_span"})
        )


class EventDate(_Model):
    value: str = Field(description="TIMEX3 value")
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity | None = None
    mod: str | None = None
    display: str = Field(default="", description="the date written at its precision: 'December 2008'")


class EventMention(_Model):
    """One document's telling of something that happened, dated by one expression."""

    id: str
    document: str = Field(description="DocumentInfo.id")
    sentence: str
    sentence_start: int
    sentence_end: int
    clause: str = ""
    title: str
    actors: list[str] = Field(default_factory=list)
    kind: Literal["reported", "reporting"] = "reported"
    expression: TimeMention
    date: EventDate


class Conflict(_Model):
    mention: str = Field(description="EventMention.id whose date disagrees")
    value: str
    reason: str


class TimelineEvent(_Model):
    id: str
    title: str
    date: EventDate
    actors: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="document ids")
    mentions: list[EventMention]
    conflicts: list[Conflict] = Field(default_factory=list)


class Warning_(_Model):
    """Something the user should know: a skipped file, an undated document, an unanchored date."""

    kind: str
    message: str
    path: str | None = None
    line: int | None = None


class Counts(_Model):
    documents: int = 0
    skipped: int = 0
    mentions: int = 0
    events: int = 0
    undated_documents: int = 0
    inferred_documents: int = Field(default=0, description="documents whose publication date was inferred")
    unanchored_mentions: int = 0


class Chronology(_Model):
    schema_version: str = SCHEMA_VERSION
    generator: str = ""
    title: str = "Chronology"
    documents: list[DocumentInfo] = Field(default_factory=list)
    events: list[TimelineEvent] = Field(default_factory=list)
    warnings: list[Warning_] = Field(default_factory=list)
    counts: Counts = Field(default_factory=Counts)
    date_range: Interval | None = None
    date_range_display: str | None = Field(
        default=None, description="the range at the precision of its first and last events: '2000 – 23 October 2009'"
    )
