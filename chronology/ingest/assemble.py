"""From a `Raw` document, its manifest row and the user's `--published` to a `Document`.

Owns the publication-date cascade, most trusted first, each step returning a candidate:
  1. the date the user gave (`--published`)
  2. the folder manifest's `published` cell
  3. the file's own metadata: front matter, a JSON record field
  4. the HTML page's metadata (htmldate: article:published_time, JSON-LD datePublished ...)
  5. a byline or dateline in the text (`layout`); a dateline without a year borrows the year of
     step 6 if it has one, else it is not a date
  6. a date in the URL or the file name (/2009/03/05/, 2009-03-05-title.md)
The first candidate wins; lower ones that disagree with it are reported, not dropped silently.
Titles and other fields follow the same order (manifest over the file's own metadata), the
headline found in the text coming last.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from chronology.ingest.dates import BadDate, check_date, date_in_path, parse_date_value
from chronology.ingest.formats import Raw
from chronology.ingest.language import language_problem
from chronology.ingest.layout import analyse
from chronology.ingest.manifest import Row
from chronology.model import Document, PublishedFrom, Warning_


@dataclass(frozen=True)
class Candidate:
    date: dt.date
    origin: PublishedFrom
    evidence: str
    span: tuple[int, int] | None = None


def _disagrees(other: Candidate, chosen: Candidate) -> bool:
    # A URL is often dated the day before the published time (written before midnight, or in
    # another time zone); a day's difference there is not worth a warning.
    slack = 1 if other.origin is PublishedFrom.URL else 0
    return abs((other.date - chosen.date).days) > slack


def document_id(raw: Raw) -> str:
    """Stable id from content: a record's URL or dataset id when it has one, else name + text."""
    seed = raw.id_seed if raw.kind == "record" and raw.id_seed else f"{raw.id_seed}\n{raw.text}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]


def assemble(
    raw: Raw,
    *,
    encoding: str | None,
    rows: Sequence[Row] = (),
    user: dt.date | None = None,
    file_name: str | None = None,
    genre: str | None = None,
) -> tuple[Document, list[Warning_]]:
    """Build the Document for `raw`; warnings cover bad dates, conflicts and a missing date."""
    warnings: list[Warning_] = []

    def warn(kind: str, reason: str) -> None:
        warnings.append(Warning_(kind=kind, path=raw.name, line=raw.line, message=f"{raw.name}: {reason}"))

    layout = analyse(raw.text, markdown=raw.kind == "markdown")

    def cell(column: str) -> str | None:
        # `rows` are the manifest rows for this file, nearest manifest first.
        return next((r.get(column) for r in rows if r.get(column)), None)

    url = cell("url") or raw.url
    candidates: list[Candidate] = []

    if user is not None:
        candidates.append(Candidate(user, PublishedFrom.USER, f"--published {user.isoformat()}"))
    row = next((r for r in rows if r.get("published")), None)
    if row is not None:
        value = row.get("published")
        try:
            day = parse_date_value(value)
            candidates.append(Candidate(day, PublishedFrom.MANIFEST, f"{row.manifest} line {row.line}: published={value}"))
        except BadDate as exc:
            warn("bad-date", f"{row.manifest} line {row.line}: published '{value}' ignored: {exc}")
    if raw.published is not None and raw.published_from is not None:
        try:
            day = parse_date_value(raw.published)
            evidence = raw.published_evidence or f"{raw.published_field}: {raw.published}"
            candidates.append(Candidate(day, raw.published_from, evidence))
        except BadDate as exc:
            warn("bad-date", f"{raw.published_field} '{raw.published}' ignored: {exc}")

    path_date = None
    path_evidence = None
    for label, where in (("URL", url), ("file name", file_name)):
        found = date_in_path(where) if where else None
        if found is not None and (path_date is None or (path_date.date is None and found.date is not None)):
            path_date, path_evidence = found, f"{label} {where}"

    for bad in layout.invalid_bylines:
        warn("bad-date", f"byline '{bad.line}' ignored: {bad.error}")
    byline = layout.byline
    if byline is not None:
        if byline.year is not None:
            candidates.append(Candidate(check_date(byline.year, byline.month, byline.day), PublishedFrom.BYLINE, byline.line, (byline.start, byline.end)))
        elif path_date is not None:
            try:
                day = check_date(path_date.year, byline.month, byline.day)
                evidence = f"{byline.line} (year {path_date.year} from the {path_evidence})"
                candidates.append(Candidate(day, PublishedFrom.BYLINE, evidence, (byline.start, byline.end)))
            except BadDate as exc:
                warn("bad-date", f"dateline '{byline.line}' ignored: {exc}")
        elif not candidates:
            warn("bad-date", f"dateline '{byline.line}' has no year and no other source gives one; not used as the publication date")
    if path_date is not None and path_date.date is not None:
        candidates.append(Candidate(path_date.date, PublishedFrom.URL, f"{path_evidence}"))

    chosen = candidates[0] if candidates else None
    if chosen is not None and chosen.origin is not PublishedFrom.USER:
        others = [c for c in candidates[1:] if _disagrees(c, chosen)]
        if others:
            said = "; ".join(f"{c.origin.value} says {c.date} ({c.evidence})" for c in others)
            warn("date-conflict", f"published {chosen.date} from {chosen.origin.value}, but {said}")

    span = None
    if chosen is not None and byline is not None:
        # The byline date is the document's creation time whenever it agrees with the date used,
        # wherever that came from; the temporal stage must not read it as an event.
        same = (byline.month, byline.day) == (chosen.date.month, chosen.date.day)
        if same and byline.year in (None, chosen.date.year):
            span = (byline.start, byline.end)

    title = cell("title") or raw.title or layout.headline
    document = Document(
        id=document_id(raw),
        title=title,
        path=raw.name,
        url=url,
        source=cell("source") or raw.source,
        language=cell("language") or raw.language,
        genre=_genre(cell("genre") or raw.genre or genre, warn),
        published=chosen.date if chosen else None,
        published_from=chosen.origin if chosen else None,
        published_evidence=chosen.evidence if chosen else None,
        encoding=encoding,
        characters=len(raw.text),
        text=raw.text,
        furniture=layout.furniture,
        published_span=span,
    )
    language = language_problem(document.language, document.text)
    if language is not None:
        warn("language", language)
    if chosen is None:
        warn("undated", "no publication date (none in a manifest, metadata, byline, URL or file name); relative dates in it cannot be anchored")
    return document, warnings


GENRES = ("news", "narrative")


def _genre(said: str | None, warn) -> str:
    """How the document's dates are read: news unless it (or the build) says narrative."""
    if said is None:
        return "news"
    genre = said.strip().lower()
    if genre not in GENRES:
        warn("metadata", f"genre {said!r} is neither news nor narrative; read as news")
        return "news"
    return genre
