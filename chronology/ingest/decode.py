"""Bytes to text: byte-order marks, UTF-8, detected legacy encodings, line endings, binaries.

Owns the decision whether a file is text at all. `decode` returns the text, the encoding it
was read with and a note for the user when that was not plain UTF-8 (a guessed encoding, bytes
replaced in damaged UTF-8), or raises `Unreadable` with a short reason for a warning.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

# Byte-order marks, longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Leading bytes of formats people drop into a folder of articles but that are not text.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "zip archive (docx, odt, epub ...)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"{\\rtf", "RTF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)


PREFERRED_ON_TIE = "cp1252"
# charset-normalizer's coherence (how much the decoded text looks like a language) is a noisy
# measure on a short text: "Café naïve résumé" scores 0.50 as cp775 and 0.48 as cp1252. Within
# this margin of the best, and with no more chaos, windows-1252 counts as a tie.
COHERENCE_MARGIN = 0.05


class Unreadable(Exception):
    """A file that holds no text this stage can use; the message is the reason."""


# A file that is UTF-8 but for a few bytes (a stray Latin-1 byte pasted into it, a truncated
# character) is read as UTF-8 with those bytes replaced by U+FFFD, when its valid non-ASCII
# characters outnumber the bad bytes by this factor; otherwise its encoding is guessed.
DAMAGED_UTF8_RATIO = 10
MAX_DAMAGED_BYTES = 100


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # what the user should know: a guessed encoding, replaced bytes


def decode(data: bytes) -> Decoded:
    """Decode `data`, trying a BOM, then strict UTF-8, then charset-normalizer's best guess."""
    if not data.strip():
        raise Unreadable("empty file")
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise Unreadable(f"binary file ({kind}), not text")
    text, encoding, note = _decode_text(data)
    if not text.strip():
        raise Unreadable("empty file")
    return Decoded(normalise_newlines(text), encoding, note)


def _decode_text(data: bytes) -> tuple[str, str, str | None]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                # utf-16/utf-32 read the BOM to pick the byte order and drop it; utf-8-sig drops it.
                return data.decode(encoding), encoding, None
            except UnicodeDecodeError as exc:
                raise Unreadable(f"starts with a {encoding} byte-order mark but does not decode ({exc.reason})")
    # NUL bytes never occur in text in an 8-bit encoding or UTF-8; BOM-less UTF-16 is not
    # worth guessing at (it would misread real binaries as CJK text).
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        text, bad = damaged
        where = f"at byte {bad[0]}" if len(bad) == 1 else f"the first at byte {bad[0]}"
        return text, "utf-8", f"not valid UTF-8: {len(bad)} byte(s) that do not decode ({where}) replaced by U+FFFD"
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise Unreadable("not UTF-8 and no text encoding fits; binary?")
    # Short texts often fit several single-byte code pages equally well (cp1250 and cp1252 agree
    # on most letters). On a tie, prefer windows-1252: the legacy encoding of most English and
    # Western European text, and what browsers read "latin-1" as.
    for match in results:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence - COHERENCE_MARGIN
        if tied and PREFERRED_ON_TIE in match.could_be_from_charset:
            return str(match), PREFERRED_ON_TIE, _guessed(PREFERRED_ON_TIE)
    return str(best), best.encoding, _guessed(best.encoding)


def _guessed(encoding: str) -> str:
    return f"not UTF-8; read as {encoding} (detected by charset-normalizer)"


def _damaged_utf8(data: bytes) -> tuple[str, list[int]] | None:
    """UTF-8 text with a few bytes that do not decode: the text with U+FFFD for each, and where."""
    view = memoryview(data)
    parts: list[str] = []
    bad: list[int] = []
    pos = 0
    while True:
        try:
            parts.append(str(view[pos:], "utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(str(view[pos:pos + exc.start], "utf-8"))
            parts.append("\ufffd")
            bad.append(pos + exc.start)
            pos += exc.end
            if len(bad) > MAX_DAMAGED_BYTES:
                return None
    text = "".join(parts)
    valid = sum(1 for ch in text if ord(ch) > 127) - len(bad)
    if valid < DAMAGED_UTF8_RATIO * len(bad):
        return None
    return text, bad


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that offsets and line splitting mean the same on every
    platform; offsets into Document.text refer to this normalised text, not to the file bytes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
