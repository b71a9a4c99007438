"""Readers, one per input format: decoded text in, `Raw` documents (text plus the metadata the
file itself carries) and per-record problems out. No file system access here.

- .txt/.md: optional YAML front matter fenced by `---` lines (title, source, url, published or
  date, language); the text is the body after the closing fence.
- .html/.htm: trafilatura for the main text and title/url/site name; htmldate for the date
  (original date, page metadata only; dates in the URL are left to the caller's cascade).
- .json: an object, a list of objects, or an object holding the list under one of
  `RECORD_LISTS`; .jsonl: one object per line. Field names are those of common news datasets
  (`FIELDS`). A record is named `<file>#<n>` (n: line number in .jsonl, 1-based position in .json).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from chronology.model import PublishedFrom

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES

# Record field names, in order of preference, compared case-insensitively.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "full_text", "article_text", "story"),
    "title": ("title", "headline", "heading"),
    "published": (
        "published", "date", "publication_date", "pubdate", "datepublished", "published_at",
        "publishedat", "date_publish", "pub_date", "publish_date", "created_at", "timestamp",
    ),
    "url": ("url", "link", "uri", "canonical_url"),
    "source": ("source", "publisher", "source_name", "site", "sitename", "source_domain", "outlet"),
    "language": ("language", "lang"),
    "genre": ("genre",),
    "id": ("id", "_id", "guid", "uuid", "article_id", "doc_id"),
}  # fmt: skip
RECORD_LISTS = ("articles", "items", "documents", "records", "data", "results", "entries")
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "source": ("source", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date"),
    "language": ("language", "lang"),
    "genre": ("genre",),
}
MIN_HTML_WORDS = 10
# One document's text, in bytes on disk for a .txt/.md/.html file and in characters for a JSON
# record. News articles are kilobytes; tagging runs at about 120 kB/s and takes some 70 bytes of
# memory per byte of text, so 10 MB is ~1.5 minutes and ~700 MB: far past any article, and the
# most one document can take before a build stalls or a small machine runs out of memory.
MAX_DOCUMENT_BYTES = 10_000_000
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as the strings they were written as.

    PyYAML builds `datetime.date(2009, 2, 30)` itself for `published: 2009-02-30` and raises a
    bare ValueError; as a string the value goes through `dates.parse_date_value`, which rejects
    it with a reason the user can read, like every other date field.
    """


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


@dataclass
class Raw:
    """One document as its file gives it, before the manifest and the date cascade."""

    name: str  # path as given, or <file>#<n> for a record
    text: str
    id_seed: str  # what the document id is hashed from (besides the text)
    kind: str  # text, markdown, html, record
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    genre: str | None = None  # "news" or "narrative", as the file or record says (checked later)
    published: object = None  # the raw value (str, date, number) still to be parsed
    published_from: PublishedFrom | None = None
    published_field: str | None = None  # where the raw value was found, for the evidence
    published_evidence: str | None = None  # set when the reader already knows the exact evidence
    line: int | None = None


@dataclass
class Problem:
    """A part of a file that could not be used (a bad JSONL line, a record without text)."""

    reason: str
    line: int | None = None
    kind: str = "skipped"  # or "metadata" for a problem that loses metadata but not the text


@dataclass
class Parsed:
    raws: list[Raw] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class FormatError(Exception):
    """The whole file is unusable in its format; the message is the reason."""


def read_text(name: str, text: str, *, markdown: bool) -> Parsed:
    raw = Raw(name=name, text=text, id_seed=_basename(name), kind="markdown" if markdown else "text")
    parsed = Parsed([raw])
    m = FRONT_MATTER_RE.match(text)
    if m is None:
        return parsed
    raw.text = text[m.end():]
    try:
        meta = yaml.load(m["yaml"], Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        parsed.problems.append(Problem(f"front matter is not valid YAML ({first}); ignored", kind="metadata"))
        return parsed
    if meta is None:
        return parsed
    if not isinstance(meta, dict):
        parsed.problems.append(Problem("front matter is not a mapping of keys to values; ignored", kind="metadata"))
        return parsed
    lowered = {str(k).strip().lower(): v for k, v in meta.items()}
    for attr, keys in FRONT_MATTER_KEYS.items():
        key = next((k for k in keys if lowered.get(k) not in (None, "")), None)
        if key is None:
            continue
        if attr == "published":
            raw.published, raw.published_field = lowered[key], f"front matter {key}"
            raw.published_from = PublishedFrom.FRONT_MATTER
        else:
            setattr(raw, attr, str(lowered[key]).strip())
    if not raw.text.strip():
        raise FormatError("nothing after the front matter")
    return parsed


def read_html(name: str, html: str) -> Parsed:
    import trafilatura
    from htmldate import find_date

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, fast=False)
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    # A few words ("Home", a cookie notice) are what trafilatura falls back to on a page without
    # an article; they are no document.
    if len(text.split()) < MIN_HTML_WORDS:
        raise FormatError("no article text found in the HTML (trafilatura)")
    raw = Raw(name=name, text=text, id_seed=_basename(name), kind="html")
    raw.title = _clean(extracted.title)
    raw.url = _clean(extracted.url)
    raw.source = _clean(extracted.sitename)
    raw.language = _clean(getattr(extracted, "language", None)) or _html_lang(html)
    # url="" stops htmldate from reading a date out of the canonical URL: URL dates are the least
    # trusted evidence in our cascade, below a byline in the text.
    found = find_date(
        html,
        url="",
        original_date=True,
        extensive_search=False,
        outputformat="%Y-%m-%d",
        min_date="1800-01-01",
        max_date="2100-12-31",
    )
    if found:
        raw.published, raw.published_from = found, PublishedFrom.HTML_META
        raw.published_field = "HTML metadata"
        raw.published_evidence = html_date_evidence(html, found)
    return Parsed([raw])


META_RE = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
JSONLD_KEY_RE = re.compile(r'"(datePublished|dateCreated|dateModified|uploadDate)"\s*:\s*"([^"]+)"')
TIME_RE = re.compile(r"<time\b[^>]*datetime\s*=\s*[\"']([^\"']+)[\"'][^>]*>", re.IGNORECASE)


def html_date_evidence(html: str, found: str) -> str:
    """Name the tag or JSON-LD key htmldate most likely read `found` from, for traceability."""
    for tag in META_RE.findall(html):
        attrs = {k.lower(): v.strip("\"'") for k, v in ATTR_RE.findall(tag)}
        content = attrs.get("content", "")
        if content.startswith(found):
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "meta"
            return f'<meta {key}="{content}">'
    for key, value in JSONLD_KEY_RE.findall(html):
        if value.startswith(found):
            return f'JSON-LD {key}: "{value}"'
    for value in TIME_RE.findall(html):
        if value.startswith(found):
            return f'<time datetime="{value}">'
    return f"HTML page date (htmldate): {found}"


def _html_lang(html: str) -> str | None:
    m = re.search(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z-]{2,})", html, re.IGNORECASE)
    return m[1] if m else None


def read_json(name: str, text: str) -> Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    records = _record_list(data)
    if records is None:
        raise FormatError(
            "JSON is neither an object, a list of objects, nor an object with "
            + "/".join(RECORD_LISTS[:3])
            + " ..."
        )
    parsed = Parsed()
    for position, record in enumerate(records, start=1):
        _add_record(parsed, name, record, position, line=None)
    return parsed


def read_jsonl(name: str, text: str) -> Parsed:
    parsed = Parsed()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            parsed.problems.append(Problem(f"line {number}: not valid JSON ({exc.msg})", line=number))
            continue
        _add_record(parsed, name, record, number, line=number)
    return parsed


def _record_list(data: Any) -> list | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lowered = {str(k).lower(): v for k, v in data.items()}
        for key in RECORD_LISTS:
            if isinstance(lowered.get(key), list):
                return lowered[key]
        return [data]
    return None


def _add_record(parsed: Parsed, name: str, record: Any, n: int, *, line: int | None) -> None:
    where = f"line {n}" if line is not None else f"record {n}"
    if not isinstance(record, dict):
        parsed.problems.append(Problem(f"{where}: not a JSON object", line=line))
        return
    fields = {str(k).lower(): v for k, v in record.items()}
    text = _field(fields, "text")
    if not isinstance(text, str) or not text.strip():
        looked = ", ".join(FIELDS["text"][:4])
        parsed.problems.append(Problem(f"{where}: no text (looked for {looked} ...)", line=line))
        return
    if len(text) > MAX_DOCUMENT_BYTES:
        limit = MAX_DOCUMENT_BYTES / 1e6
        parsed.problems.append(Problem(f"{where}: text of {len(text):,} characters is over the {limit:.0f} MB limit for one document", line=line))
        return
    raw = Raw(name=f"{name}#{n}", text=text, id_seed="", kind="record", line=line)
    raw.title = _clean(_field(fields, "title"))
    raw.url = _clean(_field(fields, "url"))
    source = _field(fields, "source")
    # NewsAPI and similar nest the outlet: {"source": {"id": ..., "name": "BBC News"}}.
    raw.source = _clean(source.get("name") if isinstance(source, dict) else source)
    raw.language = _clean(_field(fields, "language"))
    raw.genre = _clean(_field(fields, "genre"))
    key = _field_key(fields, "published")
    if key is not None:
        raw.published, raw.published_from = fields[key], PublishedFrom.RECORD
        raw.published_field = f"record field {key}"
    record_id = _clean(_field(fields, "id"))
    # A URL identifies an article across files; a dataset's own id only within its file.
    raw.id_seed = f"url:{raw.url}" if raw.url else (f"id:{_basename(name)}:{record_id}" if record_id else "")
    parsed.raws.append(raw)


def _field_key(fields: dict[str, Any], attr: str) -> str | None:
    return next((k for k in FIELDS[attr] if fields.get(k) not in (None, "", [], {})), None)


def _field(fields: dict[str, Any], attr: str) -> Any:
    key = _field_key(fields, attr)
    return fields[key] if key is not None else None


def _clean(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, (dt.date, int, float)):
        value = str(value)
    value = " ".join(str(value).split())
    return value or None


def _basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def sniff(text: str) -> str:
    """The format of text that came without a name (standard input): json, jsonl, html or text."""
    head = text.lstrip()[:1]
    if head in "[{":
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            lines = [ln for ln in text.split("\n") if ln.strip()]
            if lines and all(ln.lstrip().startswith("{") for ln in lines[:5]):
                return "jsonl"
    if re.match(r"\s*(?:<!doctype html|<html\b)", text, re.IGNORECASE):
        return "html"
    return "text"
