"""The timeline page without a browser: payload, escaping, determinism, plotly modes."""

from __future__ import annotations

import json
import re

import pytest

from chronology.errors import ChronologyError
from chronology.model import Anchor, EventDate, EventMention, TimeMention
from chronology.render import render_html
from chronology.render.page import PLOTLY_CDN, safe_json
from chronology.render.payload import build_payload, safe_link, split_sentence
from tests.render.babyp_sample import (
    INJECTED_EVENT_TITLE,
    INJECTED_SENTENCE,
    INJECTED_SOURCE,
    INJECTED_TITLE,
    INJECTED_URL,
)

PAYLOAD_RE = re.compile(r'<script type="application/json" id="chronology-data">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def page(chronology) -> str:
    return render_html(chronology, plotlyjs="cdn")


def embedded_payload(page: str) -> dict:
    match = PAYLOAD_RE.search(page)
    assert match, "payload script element not found"
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    "text",
    ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "line\u2028sep\u2029para", '"><img src=x>'],
)
def test_safe_json_hides_markup_and_round_trips(text):
    encoded = safe_json({"s": text})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in encoded
    assert json.loads(encoded) == {"s": text}


def test_payload_survives_the_page_intact(chronology, page):
    assert embedded_payload(page) == json.loads(json.dumps(build_payload(chronology)))


def test_injected_markup_never_reaches_the_html_raw(page):
    for raw in (INJECTED_TITLE, INJECTED_SOURCE, INJECTED_SENTENCE, INJECTED_EVENT_TITLE, "<img", "<b "):
        assert raw not in page
    assert "<script>alert" not in page
    # The data is still there, as escaped JSON text.
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    # Exactly the scripts the template has: the payload and the page script, plus the CDN tag.
    assert page.count("<script") == 3


def test_page_title_is_escaped(chronology):
    hostile = chronology.model_copy(update={"title": "<script>alert(1)</script> & co"})
    page = render_html(hostile, plotlyjs="cdn")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>" in page
    assert "<script>alert(1)" not in page


def test_javascript_urls_are_never_links(chronology):
    payload = build_payload(chronology)
    urls = {d["id"]: d["url"] for d in payload["documents"]}
    assert urls["doc-xss"] is None
    assert urls["doc-01"] == "https://news.example.org/babyp/01-verdicts"
    assert INJECTED_URL not in json.dumps(payload)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("file:///etc/passwd", None),
        ("https:///no-host", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_link(url, expected):
    assert safe_link(url) == expected


def test_render_is_deterministic(chronology):
    assert render_html(chronology) == render_html(chronology.model_copy(deep=True))


def test_inline_page_embeds_plotly_and_cdn_page_does_not(chronology):
    inline = render_html(chronology)
    cdn = render_html(chronology, plotlyjs="cdn")
    assert "<script src=" not in inline and '<script src="https://cdn.plot.ly' in cdn
    assert len(inline) > 3_000_000
    assert len(cdn) < 200_000
    version = re.search(r"https://cdn\.plot\.ly/plotly-([\d.]+)\.min\.js", cdn)
    assert version and PLOTLY_CDN.format(version=version.group(1)) in cdn
    # The policy forbids every network load in inline mode.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', inline).group(1)
    assert policy.startswith("default-src &#x27;none&#x27;;") and "http" not in policy


def test_unknown_plotlyjs_mode_is_an_error(chronology):
    with pytest.raises(ChronologyError, match="plotlyjs must be 'inline' or 'cdn'"):
        render_html(chronology, plotlyjs="local")  # type: ignore[arg-type]


def test_header_shows_counts_range_and_warnings(chronology, page):
    assert "12 documents · 43 events · 1 January 2000 – 31 May 2010" in page
    assert "3 warnings: 1 undated document, 1 unanchored mention, 1 file skipped" in page
    assert "seeds/babyp/05-shoesmith-speaks.md:9" in page
    assert "not UTF-8 and no encoding could be detected" in page


def test_shapes_follow_precision(chronology):
    events = {e["id"]: e for e in build_payload(chronology)["events"]}
    assert events["verdicts"]["shape"] == "point"
    assert events["order_expiry"]["shape"] == "point"  # a time of day is still one day
    assert (events["trial_open"]["shape"], events["trial_open"]["start"], events["trial_open"]["end"]) == (
        "span", "2008-09-01", "2008-09-30")
    assert events["climbie_death"]["shape"] == "span"
    assert events["murder_acquit"]["shape"] == "span"  # a week
    assert events["reinspection"]["date"] == "spring 2010"
    assert events["trial_open"]["date"] == "September 2008"


def test_uncertain_dates_say_why(chronology):
    events = {e["id"]: e for e in build_payload(chronology)["events"]}
    assert events["warnings_ignored"]["uncertain"] == ["vague"]
    # 'December last year' in an article whose publication date was inferred.
    assert events["taskforce_setup"]["uncertain"] == ["read against an inferred publication date"]
    assert events["verdicts"]["uncertain"] == []


def test_events_are_in_date_order(chronology):
    starts = [e["start"] for e in build_payload(chronology)["events"]]
    assert starts == sorted(starts)


def test_conflicts_name_the_source(chronology):
    cpa = next(e for e in build_payload(chronology)["events"] if e["id"] == "cpa_final")
    assert cpa["conflicts"] == [{
        "source": "The Civic Record", "value": "2009-03-06", "date": "6 March 2009",
        "reason": "one report dates the publication to its own day of printing",
    }]


def _mention(sentence: str, start: int, text: str, sentence_start: int = 0) -> EventMention:
    expr = TimeMention(start=start, end=start + len(text), text=text, type="DATE", value="2009-03-05",
                       anchor=Anchor(kind="publication", value="2009-03-06"))
    return EventMention(id="m", document="d", sentence=sentence, sentence_start=sentence_start,
                        sentence_end=sentence_start + len(sentence), title="t", expression=expr,
                        date=EventDate(value="2009-03-05"))


def test_split_sentence_uses_offsets_to_pick_the_right_occurrence():
    sentence = "Yesterday he said the report came out yesterday."
    assert split_sentence(_mention(sentence, 1000 + 38, "yesterday", 1000)) == (
        "Yesterday he said the report came out ", "yesterday", ".")


def test_split_sentence_falls_back_to_the_text_then_to_nothing():
    sentence = "The report came out yesterday."
    assert split_sentence(_mention(sentence, 7, "yesterday"))[1] == "yesterday"
    assert split_sentence(_mention(sentence, 7, "last week")) == (sentence, "", "")


def test_explanation_is_carried_to_the_page(chronology):
    payload = build_payload(chronology)
    verdicts = next(e for e in payload["events"] if e["id"] == "verdicts")
    first = verdicts["mentions"][0]
    assert first["hit"] == "yesterday"
    assert first["why"] == "'yesterday' read against the publication date 2008-11-12 → 11 November 2008"
    assert (first["pre"] + first["hit"] + first["post"]).startswith("Two men were convicted")
