"""The TempEval-3 toolkit's tokenisation of a TEXT, as character spans.

The official scorer does not compare character offsets: its normaliser tokenises the TEXT with
H. Schmid's tokenize.pl (English mode, with its abbreviation list), splits every token that has
exactly one inner hyphen into three ("mid-1990s" -> "mid", "-", "1990s"), and scores timexes
token by token. Relaxed matching therefore depends on where this tokeniser puts boundaries, so
we reproduce its behaviour, quirks included, and report spans into the text.

`token_spans(text)` is the only entry point the scorer needs; `token_strings` is kept public for
tests that compare tokens one for one.
"""

from __future__ import annotations

import re

__all__ = ["token_spans", "token_strings"]

# Words that keep their final period (tokenize.pl's english-abbreviations list).
ABBREVIATIONS = frozenset(
    ["Adm.", "Ala.", "Ariz.", "Ark.", "Aug.", "Ave.", "Bancorp.", "Bhd.", "Brig.", "Bros.", "CO.", "CORP.", "COS.", "Ca.", "Calif.", "Canada-U.S.", "Canadian-U.S.", "Capt.", "Cia.", "Cie.", "Co.", "Col.", "Colo.", "Conn.", "Corp.", "Cos.", "D-Mass.", "Dec.", "Del.", "Dept.", "Dr.", "Drs.", "Etc.", "Feb.", "Fla.", "Ft.", "Ga.", "Gen.", "Gov.", "Hon.", "INC.", "Ill.", "Inc.", "Ind.", "Jan.", "Japan-U.S.", "Jr.", "Kan.", "Korean-U.S.", "Ky.", "La.", "Lt.", "Ltd.", "Maj.", "Mass.", "Md.", "Messrs.", "Mfg.", "Mich.", "Minn.", "Miss.", "Mo.", "Mr.", "Mrs.", "Ms.", "Neb.", "Nev.", "No.", "Nos.", "Nov.", "Oct.", "Okla.", "Ont.", "Ore.", "Pa.", "Ph.", "Prof.", "Prop.", "Pty.", "Rep.", "Reps.", "Rev.", "S.p.A.", "Sen.", "Sens.", "Sept.", "Sgt.", "Sino-U.S.", "Sr.", "St.", "Ste.", "Tenn.", "Tex.", "U.S.-U.K.", "U.S.-U.S.S.R.", "Va.", "Vt.", "W.Va.", "Wash.", "Wis.", "Wyo.", "a.k.a.", "a.m.", "anti-U.S.", "cap.", "days.", "etc.", "ft.", "i.e.", "non-U.S.", "office\\/dept.", "p.m.", "president-U.S.", "s.r.l.", "v.", "v.B.", "v.w.", "vs."]
)

# tokenize.pl works on Latin-1 bytes; its cp1252 quote and dash bytes (\x82, \x84, ...) become
# these code points once the text is a str, and they behave as punctuation there too.
_CP1252_OPENERS = "".join(chr(c) for c in (0x82, 0x84, 0x86, 0x87, 0x8B, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9B))
_CP1252_CLOSERS = "".join(
    chr(c) for c in (0x82, 0x84, 0x85, 0x86, 0x87, 0x89, 0x8B, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9B)
)
# Characters split off the front of a word, and off its end.
LEADING_PUNCT = frozenset("[{(\u00b4`\"\u00bb\u00ab" + _CP1252_OPENERS)
TRAILING_PUNCT = frozenset("]}'`\"),;:!?%\u00bb\u00ab" + _CP1252_CLOSERS)

_LETTER = "a-zA-Z\u00c0-\u00ff"
# Rewrites applied to a stretch of plain text before it is split on whitespace, in order.
_SPACING_RULES = (
    (re.compile(r"(\.\.\.)"), r" \1 "),  # an ellipsis is a token of its own
    (re.compile(r"([;!?/])([^ ])"), r"\1 \2"),
    (re.compile(r"(,)([^ 0-9.])"), r"\1 \2"),  # but not "1,000" or ",."
    (re.compile(f"([{_LETTER}][{_LETTER}][.:])([A-Z\u00c0-\u00dd])"), r"\1 \2"),  # "end.Next"
)
_INITIALS = re.compile(f"^([{_LETTER}]\\.)+$")
_CLITIC = re.compile(r"(.)('(s|re|ve|d|m|em|ll)|n't)$")
# What perl's split(' ') treats as whitespace in a character string.
_PERL_SPACE = re.compile("[ \t\n\r\f\v\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_TAG_LIKE = re.compile(r"<[^<>]*>")
_ENTITY_LIKE = re.compile(r"&[^; \t\n\r]*;")
# tokenize.pl marks piece boundaries with byte \377; a real "ÿ" in the text is lost to it.
_MARK = "\u00ff"
_ONE_INNER_HYPHEN = re.compile(r"[^-]+-[^-]+")
_SPACE_RUN = re.compile(r"\s+")
_SKIPPED_BEFORE_TOKEN = " \n\r\t"


def _split_word(word: str) -> list[str]:
    """One whitespace-delimited word -> its tokens (punctuation, the word, clitics)."""
    front: list[str] = []
    back: list[str] = []  # split-off tail pieces, last piece first
    w = word
    while w not in ABBREVIATIONS and len(w) > 1:
        if w[0] in LEADING_PUNCT:
            front.append(w[0])
            w = w[1:]
        elif w[-1] in TRAILING_PUNCT:
            back.append(w[-1])
            w = w[:-1]
        elif w[-1] == "." and w[-2] in TRAILING_PUNCT:
            # '".' or ').': the period and the punctuation both go; a lone punctuation mark
            # left over becomes the word itself.
            punct = w[-2]
            w = w[:-2]
            back.append(".")
            if w:
                back.append(punct)
            else:
                w = punct
        else:
            break
    if not (w in ABBREVIATIONS or _INITIALS.match(w)):
        if len(w) > 1 and w.endswith(".") and w != "...":
            w = w[:-1]
            back.append(".")
        if w not in ABBREVIATIONS:
            while (m := _CLITIC.search(w)) is not None:
                back.append(m.group(2))
                w = w[: m.start(2)]
    return front + [w] + back[::-1]


def _pieces(line: str) -> list[str]:
    """Split a line at tag-like and entity-like stretches, which stay whole."""
    line = _TAG_LIKE.sub(lambda m: m.group(0).replace("\t", " "), line)
    line = line.replace(_MARK, " ")
    line = _TAG_LIKE.sub(lambda m: _MARK + m.group(0) + _MARK, line)
    line = _ENTITY_LIKE.sub(lambda m: _MARK + m.group(0) + _MARK, line)
    # "$" on purpose: like perl's, it also matches before the line's final newline.
    line = re.sub("^" + _MARK, "", line)
    line = re.sub(_MARK + "$", "", line)
    return line.replace(_MARK + _MARK, _MARK).split(_MARK)


def _line_tokens(line: str) -> list[str]:
    out: list[str] = []
    for piece in _pieces(line):
        if re.match(r"<.*>$", piece):
            out.append(piece)
            continue
        spaced = f" {piece} "
        for pattern, replacement in _SPACING_RULES:
            spaced = pattern.sub(replacement, spaced)
        for word in _PERL_SPACE.split(spaced):
            if word:
                out.extend(_split_word(word))
    return out


def token_strings(text: str) -> list[str]:
    """The tokens as the normaliser writes them, one per line of its .tok file."""
    lines = text.split("\n")
    raw: list[str] = []
    for i, line in enumerate(lines):
        if i < len(lines) - 1:
            line += "\n"
        elif not line:
            break
        raw.extend(_line_tokens(line))
    tokens: list[str] = []
    for item in raw:
        for part in item.split("\n"):
            token = _SPACE_RUN.sub(" ", part).strip().replace("|", "-")
            if not token:
                continue
            if _ONE_INNER_HYPHEN.fullmatch(token):
                left, right = token.split("-")
                tokens.extend((left, "-", right))
            else:
                tokens.append(token)
    return tokens


def token_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every token in `text`, in order.

    Tokens are found left to right from the end of the previous one; a token that the
    tokeniser rewrote so that it no longer occurs in the text is dropped, as it is in effect
    by the normaliser.
    """
    spans: list[tuple[int, int]] = []
    lowered: str | None = None
    pos = 0
    n = len(text)
    for token in token_strings(text):
        p = pos
        while p < n and text[p] in _SKIPPED_BEFORE_TOKEN:
            p += 1
        here = text[p : p + len(token)].lower()
        want = token.lower()
        if here == want or here.replace("|", "-") == want:
            start = p
        else:
            start = text.find(token, pos)
            if start < 0:
                if lowered is None:
                    lowered = text.lower()
                start = lowered.find(want, pos)
            if start < 0:
                continue
        spans.append((start, start + len(token)))
        pos = start + len(token)
    return spans
