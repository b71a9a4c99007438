"""The timeline page as one HTML string: template, styles, script, plotly.js and the data.

Owns the page's safety at the Python end: every string placed in the HTML is escaped with
`html.escape`, and the embedded payload goes through `safe_json`, which escapes the characters
that could end the script element or break a JavaScript parser. The page's script (SCRIPTS,
inlined in order in one element: shared helpers, the figure, the list and controls) builds the
rest of the DOM with `textContent` only.

The output depends on nothing but the chronology and the installed plotly version: no clock, no
random ids, so the same chronology renders to the same bytes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from chronology.errors import ChronologyError
from chronology.model import Chronology
from chronology.render.payload import page_order, payload_events, payload_frame
from chronology.timex import display_date

PLOTLY_CDN = "https://cdn.plot.ly/plotly-{version}.min.js"

# The page's script modules, in the order they must run: each later one uses the earlier ones.
SCRIPTS = ("page-common.js", "page-figure.js", "page.js")

# The page loads nothing from the network in inline mode; the policy makes that a rule the
# browser enforces, and stops any markup that slipped through from loading or running anything.
CSP_INLINE = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
)
CSP_CDN = CSP_INLINE.replace("script-src 'unsafe-inline'", "script-src 'unsafe-inline' https://cdn.plot.ly")

# Characters that must not appear literally inside <script>: '<' (could start '</script>' or
# '<!--'), '>' and '&' (HTML-significant if the data is ever moved into markup), and the two line
# separators that older JavaScript parsers treat as line ends.
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER_RE = re.compile(r"\{\{(\w+)\}\}")

WARNING_LABELS = {
    "undated": "undated document",
    "undated_document": "undated document",
    "unanchored": "unanchored mention",
    "unanchored_mention": "unanchored mention",
    "skipped": "file skipped",
    "skipped_file": "file skipped",
    "failed": "failed document",
}


def safe_json(data: Any) -> str:
    """JSON that can sit inside a <script> element whatever strings the data holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


@cache
def _asset(name: str) -> str:
    return resources.files("chronology.render").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    source = get_plotlyjs()
    # An inline script ends at the first '</script' whatever JavaScript says; plotly.js has none
    # today, but a future build must not silently break the page.
    if "</script" in source.lower():
        source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)
    return source


def _plotly_version() -> str:
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version()


def _day(iso: str) -> str:
    return display_date(iso, "day")


def _stats(payload: dict[str, Any]) -> str:
    counts = payload["counts"]
    parts = [
        _plural(counts["documents"], "document"),
        _plural(counts["events"], "event"),
    ]
    if payload.get("range_shown"):
        parts.append(payload["range_shown"])
    elif payload["range"]:
        start, end = payload["range"]
        parts.append(f"{_day(start)} – {_day(end)}" if start != end else _day(start))
    return " · ".join(html.escape(p) for p in parts)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _warnings(payload: dict[str, Any]) -> str:
    warnings = payload["warnings"]
    if not warnings:
        return '<p class="no-warnings">No warnings: every document was read and dated.</p>'
    by_kind: dict[str, int] = {}
    for w in warnings:
        by_kind[w["kind"]] = by_kind.get(w["kind"], 0) + 1
    summary = ", ".join(
        _plural(n, WARNING_LABELS.get(kind, kind.replace("_", " "))) for kind, n in by_kind.items()
    )
    items = []
    for w in warnings:
        where = ""
        if w["path"]:
            where = w["path"] + (f":{w['line']}" if w["line"] is not None else "")
            where = f' <span class="warn-path">{html.escape(where)}</span>'
        label = WARNING_LABELS.get(w["kind"], w["kind"].replace("_", " "))
        items.append(
            f'<li><span class="warn-kind">{html.escape(label)}</span> '
            f"{html.escape(w['message'])}{where}</li>"
        )
    return (
        '<details class="warnings"><summary>'
        f'<span class="warn-icon" aria-hidden="true">!</span> {html.escape(_plural(len(warnings), "warning"))}: '
        f"{html.escape(summary)}</summary><ul>{''.join(items)}</ul></details>"
    )


def _footer(payload: dict[str, Any]) -> str:
    made = payload["generator"] or "chronology"
    return (
        f"Made by {html.escape(made)}. Every date is traced to its sentence: open an event to see "
        "each source's words and how the date was worked out."
    )


def render_html(chronology: Chronology, *, plotlyjs: Literal["inline", "cdn"] = "inline") -> str:
    """The interactive timeline page for `chronology`, as one self-contained HTML document.

    `plotlyjs="inline"` embeds plotly.js (the page works offline, from file://);
    `"cdn"` loads it from the plotly CDN and keeps the file small.
    """
    return "".join(iter_html(chronology, plotlyjs=plotlyjs))


def iter_html(chronology: Chronology, *, plotlyjs: Literal["inline", "cdn"] = "inline", events=None) -> Iterator[str]:
    """`render_html` in pieces, the payload an event at a time. `events` (an
    `export.events.EventSource`), when given, replaces the chronology's own events: they are read
    in page order from it and never all held."""
    if plotlyjs not in ("inline", "cdn"):
        raise ChronologyError(f"render: plotlyjs must be 'inline' or 'cdn', not {plotlyjs!r}")
    if events is None:
        frame = payload_frame(chronology, len(chronology.events), lambda: iter(chronology.events))
        items = payload_events(chronology, sorted(chronology.events, key=page_order))
    else:
        frame = payload_frame(chronology, events.count, lambda: iter(events))
        items = payload_events(chronology, events.sorted(page_order), own_conflicts=True)
    if plotlyjs == "inline":
        plotly_tag = f"<script>\n{_plotly_js()}\n</script>"
        csp = CSP_INLINE
    else:
        url = PLOTLY_CDN.format(version=_plotly_version())
        plotly_tag = f'<script src="{html.escape(url)}" charset="utf-8"></script>'
        csp = CSP_CDN
    values = {
        "csp": html.escape(csp),
        "generator": html.escape(frame["generator"] or "chronology"),
        "title": html.escape(frame["title"]),
        "stats": _stats(frame),
        "warnings": _warnings(frame),
        "footer": _footer(frame),
        "css": _asset("page.css"),
        "js": "\n".join(_asset(name) for name in SCRIPTS),
        "plotly_tag": plotly_tag,
    }
    # One pass over the template only: inserted text (plotly.js, the data) is never rescanned.
    template = _asset("page.html")
    at = 0
    for placeholder in _PLACEHOLDER_RE.finditer(template):
        yield template[at: placeholder.start()]
        name = placeholder.group(1)
        if name == "payload":
            yield from _iter_safe_json(frame, items)
        else:
            yield values[name]
        at = placeholder.end()
    yield template[at:]


# Where the events list sits in the compact JSON of a payload frame.
_EVENTS_SLOT = ',"events":[],"warnings":'


def _iter_safe_json(frame: dict[str, Any], events: Iterator[dict[str, Any]]) -> Iterator[str]:
    """`safe_json(frame with its events)`, an event at a time (the escaping is per character, so
    escaping the pieces is escaping the whole)."""
    text = safe_json(frame)
    head, found, tail = text.partition(_EVENTS_SLOT)
    if not found:  # the frame's layout changed: fall back to one string rather than write it wrong
        yield safe_json(frame | {"events": list(events)})
        return
    yield head + ',"events":['
    for i, event in enumerate(events):
        yield ("," if i else "") + safe_json(event)
    yield "]" + _EVENTS_SLOT[len(',"events":[]'):] + tail


__all__ = ["iter_html", "render_html", "safe_json"]
