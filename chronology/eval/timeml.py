"""TimeML files: reading a TempEval document the way its scorer does, and writing our mentions.

Reading (`read_timeml`, `parse_timeml`) follows the TempEval-3 tooling rather than an XML
parser, because the scores depend on its reading: the TEXT is the XML-unescaped character data
from just after the <TEXT> tag to </TEXT>; the document creation time (DCT) is the TIMEX3 inside
<DCT>, else the first TIMEX3 outside TEXT marked CREATION_TIME; every tag inside TEXT is kept as
an (offset, open/close, name, attributes) event because the scorer's token labelling sees EVENT
and other tags too; a TIMEX3 attribute is the first `name="..."` anywhere in its tag.

Writing (`to_timeml`) produces a TimeML document whose TEXT reads back as exactly the given
text, with one TIMEX3 per mention and the DCT tagged as CREATION_TIME; the export stage and
`chronology tag --format timeml` use it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from chronology.errors import InputError
from chronology.model import TimeMention

__all__ = [
    "TagEvent",
    "TimemlDoc",
    "Timex",
    "parse_timeml",
    "read_timeml",
    "tag_attribute",
    "to_timeml",
    "writable_mentions",
    "xml_unescape",
]

_NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_ENTITY = re.compile(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z_][A-Za-z0-9._-]*);")
# Comments, CDATA sections, processing instructions, declarations, then ordinary tags.
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<![^>]*>|<[^>]*>", re.DOTALL)
_TEXT_OPEN = re.compile(r"<TEXT(\s[^>]*)?>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")
_DCT_ELEMENT = re.compile(r"<DCT[^>]*>(.*?)</DCT\s*>", re.DOTALL)
_TIMEX_TAG = re.compile(r"<TIMEX3\b[^>]*>")
_VALUE_ATTR = re.compile(r'\bvalue="([^"]*)"')


@dataclass
class TagEvent:
    """A tag inside TEXT at a character offset of the plain text."""

    offset: int
    kind: Literal["open", "close"]
    name: str
    attrs: str = ""  # the tag's attribute text; "-" for an open tag without attributes


@dataclass
class Timex:
    start: int
    end: int
    tid: str | None
    type: str
    value: str
    tag: str  # the opening tag as written
    text: str = ""
    nested: bool = False  # another tag opens inside it (the scorer then ignores it)
    closed: bool = False


@dataclass
class TimemlDoc:
    path: str
    text: str
    dct: str | None = None
    dct_tid: str | None = None
    tags: list[TagEvent] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    outside_timexes: int = 0  # TIMEX3 outside TEXT other than the DCT (not scored)
    warnings: list[str] = field(default_factory=list)


def xml_unescape(s: str) -> str:
    """Replace the five XML entities and character references; leave anything else as written."""

    def replace(m: re.Match) -> str:
        ref = m.group(1)
        if ref[0] != "#":
            return _NAMED_ENTITIES.get(ref, m.group(0))
        digits, base = (ref[2:], 16) if ref[1] in "xX" else (ref[1:], 10)
        try:
            return chr(int(digits, base))
        except (ValueError, OverflowError):
            return m.group(0)

    return _ENTITY.sub(replace, s)


def tag_attribute(attrs: str, name: str) -> str | None:
    """`name="..."` from a tag's attribute text (as the normaliser reads tid), or None."""
    m = re.search(r'(?:^|\s)' + name + r'="([^"]*)"', attrs)
    return m.group(1) if m else None


def _attr_in_tag(tag: str, name: str) -> str:
    """A TIMEX3 attribute as the scorer reads it: the first `name="..."` anywhere in the tag;
    the bare name if only `name=` with other quoting is there; "" if absent."""
    m = re.search(name + '="([^"]*)"', tag)
    if m:
        return m.group(1)
    return name if (name + "=") in tag else ""


def _find_dct(outside: str) -> str | None:
    m = _DCT_ELEMENT.search(outside)
    if m:
        t = _TIMEX_TAG.search(m.group(1))
        if t:
            return t.group(0)
    for t in _TIMEX_TAG.finditer(outside):
        if "CREATION_TIME" in t.group(0):
            return t.group(0)
    return None


def parse_timeml(raw: str, path: str = "<string>") -> TimemlDoc:
    """Read a TimeML document from a string (see the module docstring for how)."""
    raw = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    opening = _TEXT_OPEN.search(raw)
    closing = _TEXT_CLOSE.search(raw, opening.end()) if opening else None
    if not opening or not closing:
        raise InputError(f"{path}: no <TEXT>...</TEXT> element")
    outside = raw[: opening.start()] + raw[closing.end() :]
    doc = TimemlDoc(path=path, text="")

    dct_tag = _find_dct(outside)
    if dct_tag is not None:
        doc.dct_tid = tag_attribute(dct_tag[len("<TIMEX3") : -1], "tid")
        v = _VALUE_ATTR.search(dct_tag)
        doc.dct = v.group(1) if v else None
    doc.outside_timexes = max(0, len(re.findall(r"<TIMEX3\b", outside)) - (dct_tag is not None))

    _read_body(raw[opening.end() : closing.start()], doc)
    return doc


def _read_body(body: str, doc: TimemlDoc) -> None:
    chunks: list[str] = []
    offset = 0
    # Open elements, innermost last: a Timex, or the name of another element.
    open_elements: list[Timex | str] = []

    def add_text(chunk: str) -> None:
        nonlocal offset
        chunks.append(chunk)
        offset += len(chunk)

    pos = 0
    for m in _MARKUP.finditer(body):
        if m.start() > pos:
            add_text(xml_unescape(body[pos : m.start()]))
        pos = m.end()
        tag = m.group(0)
        if tag.startswith("<![CDATA["):
            add_text(tag[9:-3])
            continue
        if tag.startswith(("<!", "<?")):
            continue
        inner = tag[1:-1]
        if inner.startswith("/"):
            name = inner[1:].strip()
            doc.tags.append(TagEvent(offset, "close", name))
            for i in range(len(open_elements) - 1, -1, -1):
                element = open_elements[i]
                if (element if isinstance(element, str) else "TIMEX3") == name:
                    del open_elements[i]
                    if isinstance(element, Timex):
                        element.end = offset
                        element.closed = True
                    break
            continue
        self_closing = inner.endswith("/")
        name, space, attrs = inner.strip().partition(" ")
        attrs = attrs if space else "-"
        if self_closing and name.endswith("/"):
            name = name[:-1]
        doc.tags.append(TagEvent(offset, "open", name, attrs))
        for element in open_elements:
            if isinstance(element, Timex):
                element.nested = True
        if name == "TIMEX3":
            timex = Timex(
                start=offset, end=offset, tid=tag_attribute(attrs, "tid"),
                type=_attr_in_tag(tag, "type"), value=_attr_in_tag(tag, "value"), tag=tag,
            )
            doc.timexes.append(timex)
            if self_closing:
                doc.warnings.append(f"self-closing TIMEX3 in TEXT: {tag}")
            else:
                open_elements.append(timex)
        elif not self_closing:
            open_elements.append(name)
    if pos < len(body):
        add_text(xml_unescape(body[pos:]))
    doc.text = "".join(chunks)
    for timex in doc.timexes:
        timex.text = doc.text[timex.start : timex.end]


def read_timeml(path: str | Path) -> TimemlDoc:
    """Read a .tml file; InputError if it cannot be read or has no TEXT element."""
    try:
        raw = Path(path).read_bytes().decode("utf-8")
    except OSError as err:
        raise InputError(f"{path}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
    return parse_timeml(raw, str(path))


# --- writing ---------------------------------------------------------------------------------

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;"})


def _escape(s: str) -> str:
    # \r is written as a reference: a literal one would be turned into \n by any XML reader.
    return s.translate(_TEXT_ESCAPES)


def _attr(s: str) -> str:
    return s.translate(_ATTR_ESCAPES)


def _timex_open(tid: str, m: TimeMention) -> str:
    # tid, type and value first: the TempEval scorer reads the first `type="` / `value="`.
    attrs = [("tid", tid), ("type", m.type), ("value", m.value)]
    for name in ("mod", "quant", "freq"):
        v = getattr(m, name)
        if v:
            attrs.append((name, v))
    attrs.append(("functionInDocument", m.function or "NONE"))
    return "<TIMEX3 " + " ".join(f'{k}="{_attr(str(v))}"' for k, v in attrs) + ">"


def writable_mentions(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """The mentions TimeML can hold: in order, inside the text, non-empty, not overlapping
    (of overlapping ones the earliest, then longest, is kept)."""
    kept: list[TimeMention] = []
    last_end = -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < 0 or m.end > len(text) or m.end <= m.start or m.start < last_end:
            continue
        kept.append(m)
        last_end = m.end
    return kept


def to_timeml(text: str, mentions: list[TimeMention], dct: str | None, doc_id: str) -> str:
    """A TimeML document: DOCID, the DCT (a CREATION_TIME TIMEX3 with value `dct`, if given) and
    the TEXT with one TIMEX3 per mention (tids t1, t2, ... in text order; overlapping or
    out-of-range mentions are left out, see `writable_mentions`). Reading it back with
    `parse_timeml` gives `text` exactly."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n', f"<DOCID>{_escape(doc_id)}</DOCID>\n"]
    if dct:
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{_attr(dct)}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{_escape(dct)}</TIMEX3></DCT>\n'
        )
    parts.append("<TEXT>")
    pos = 0
    for i, m in enumerate(writable_mentions(text, mentions), 1):
        parts.append(_escape(text[pos : m.start]))
        parts.append(_timex_open(f"t{i}", m))
        parts.append(_escape(text[m.start : m.end]))
        parts.append("</TIMEX3>")
        pos = m.end
    parts.append(_escape(text[pos:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)
