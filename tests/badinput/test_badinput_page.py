"""Hostile documents through the whole build into the page, in headless Chromium: titles, sources,
sentences and URLs holding markup or script show as text and run nothing; `javascript:` (and
data:, mixed-case, tab-split) URLs are never links, an https URL is.

tests/browser checks the page on a hand-built chronology; this checks what the pipeline makes
of the same payloads read from a file.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.render.browser import wait_until_ready

pytestmark = pytest.mark.browser

TITLE = '<script>alert("title")</script>'
SOURCE = '"><img src=x onerror=alert(1)>'
SENTENCE = 'The council said yesterday that "</script><script>alert(2)</script>" was only words.'
SAFE_URL = "https://news.example.org/babyp/safe"
HOSTILE_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(document.domain)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    'https://x.example/"><img src=x onerror=alert(5)>',  # a real link: kept, but as an attribute value
]


def _records() -> list[dict]:
    records = [
        {"url": url, "title": f"{TITLE} {i}", "source": SOURCE, "date": "2009-03-05",
         "text": f"{SENTENCE} Item {i}: <img src=x onerror=alert({10 + i})> was sent on Monday."}
        for i, url in enumerate(HOSTILE_URLS)
    ]  # fmt: skip
    records.append({"url": SAFE_URL, "title": "A safe one", "source": "Safe News", "date": "2009-03-05",
                    "text": "The inquiry opened yesterday."})  # fmt: skip
    return records


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory, browser_context):
    src = tmp_path_factory.mktemp("hostile") / "feed.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records()))
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["build", str(src), "--out", str(out), "-f", "html", "-f", "json", "-j", "1"])
    assert result.exit_code == 0, result.output
    chron = json.loads((out / "timeline.json").read_text())
    assert len(chron["documents"]) == len(HOSTILE_URLS) + 1
    page = browser_context.new_page()
    try:
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((out / "timeline.html").as_uri())
        wait_until_ready(page)
        count = page.evaluate("() => document.querySelectorAll('#event-list details').length")
        for i in range(count):
            page.evaluate("(i) => window.chronologyPage.openEvent(i)", i)
        page.wait_for_timeout(200)
        yield page, dialogs, errors, count
    finally:
        page.close()


def test_every_document_is_shown(hostile_page):
    page, _, _, count = hostile_page
    assert count >= 2  # the hostile documents tell the same events, merged; the safe one its own
    assert page.evaluate("() => [...document.querySelectorAll('#event-list details')].every(d => d.open)")
    text = page.inner_text("#event-list")
    assert all(f"{TITLE} {i}" in text for i in range(len(HOSTILE_URLS))) and "A safe one" in text


def test_no_script_ran_and_no_element_came_from_the_data(hostile_page):
    page, dialogs, errors, _ = hostile_page
    assert dialogs == [] and errors == []
    assert page.evaluate("() => document.images.length") == 0
    assert page.evaluate("() => document.querySelectorAll('[onerror], [onload], iframe, object, embed').length") == 0
    scripts = page.evaluate("() => [...document.scripts].map(s => s.id || s.src || 'inline').length")
    assert scripts <= 4  # the page's own: plotly, the payload, the page script (no data-made script)


def test_markup_shows_as_text(hostile_page):
    page, _, _, _ = hostile_page
    text = page.inner_text("#event-list")
    assert f"{TITLE} 0" in text and SOURCE in text
    assert '"</script><script>alert(2)</script>"' in text


def test_hostile_urls_are_not_links_and_the_https_one_is(hostile_page):
    page, _, _, _ = hostile_page
    hrefs = page.evaluate("() => [...document.querySelectorAll('#event-list a')].map(a => a.getAttribute('href'))")
    assert SAFE_URL in hrefs
    assert not [h for h in hrefs if not h.startswith("https://")]
    assert not [h for h in hrefs if "script:" in h.lower().replace("\t", "") or h.lower().startswith("data:")]
    # The quote-breaking https URL is a link whose href is the whole URL, quotes and all.
    quoted = [h for h in hrefs if "x.example" in h]
    assert quoted and set(quoted) == {HOSTILE_URLS[-1]}
