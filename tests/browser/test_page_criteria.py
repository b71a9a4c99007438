"""The page's acceptance list, item by item, in headless Chromium: spans over their whole
interval, uncertain dates drawn apart, hover text, range slider and buttons, legend toggles,
every source sentence with its resolution, conflicts, the header, lanes past the palette's end,
and the list used with the keyboard alone."""

from __future__ import annotations

import datetime as dt

import pytest

from chronology.render import render_html
from chronology.render.payload import build_payload
from tests.browser.conftest import LoadedPage

pytestmark = pytest.mark.browser

DAY_MS = 86_400_000

# [event index, trace type, marker, base, length, hover text] for every drawn event in the figure.
DRAWN = """() => {
  const out = [];
  for (const t of document.getElementById('timeline').data) {
    if (!t.customdata) continue;
    t.customdata.forEach((ev, i) => out.push({ev, type: t.type, symbol: t.marker.symbol || null,
      pattern: !!(t.marker.pattern && t.marker.pattern.shape), colour: t.marker.color,
      base: t.base ? t.base[i] : null, x: t.x[i], hover: t.hovertext[i], group: t.legendgroup}));
  }
  return out;
}"""


def ms(day: str) -> int:
    return int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp() * 1000)


@pytest.fixture(scope="module")
def events(chronology):
    return build_payload(chronology)["events"]


def test_spans_are_bars_over_the_whole_interval(loaded, events):
    drawn = loaded.page.evaluate(DRAWN)
    spans = [d for d in drawn if d["type"] == "bar"]
    assert {d["ev"] for d in spans} == {i for i, e in enumerate(events) if e["shape"] == "span"}
    for d in spans:
        event = events[d["ev"]]
        assert d["base"] == event["start"]
        assert ms(d["base"]) + d["x"] == ms(event["end"]) + DAY_MS, event["id"]
    precisions = {events[d["ev"]]["precision"] for d in spans}
    assert {"month", "season", "year", "week", "vague"} <= precisions
    # Day events are markers at their day.
    for d in drawn:
        if d["type"] == "scatter":
            assert events[d["ev"]]["shape"] == "point" and d["x"] == events[d["ev"]]["start"]


def test_uncertain_dates_are_drawn_apart(loaded, events):
    drawn = loaded.page.evaluate(DRAWN)
    uncertain = {i for i, e in enumerate(events) if e["uncertain"]}
    assert len(uncertain) >= 5  # vague, and read against an inferred publication date
    for d in drawn:
        marked = d["pattern"] if d["type"] == "bar" else d["symbol"].endswith("-open")
        assert marked == (d["ev"] in uncertain), events[d["ev"]]["id"]


def test_hover_text_gives_the_date_at_its_precision(loaded, events):
    drawn = loaded.page.evaluate(DRAWN)
    for d in drawn:
        event = events[d["ev"]]
        assert event["date"] in d["hover"]
        for reason in event["uncertain"]:
            assert reason in d["hover"]
    by_id = {events[d["ev"]]["id"]: d["hover"] for d in drawn}
    assert "spring 2010" in by_id["reinspection"] and "Southbank Gazette" in by_id["reinspection"]
    assert "December 2008" in by_id["taskforce_setup"]


def test_hovering_a_span_anywhere_shows_its_label(loaded, events):
    page = loaded.page
    target = next(i for i, e in enumerate(events) if e["id"] == "reinspection")
    page.evaluate("() => Plotly.relayout('timeline', {'xaxis.range': ['2009-12-01', '2010-08-01']})")
    # A point a quarter of the way along the bar, not its middle or ends.
    where = page.evaluate(
        """(target) => {
          const gd = document.getElementById('timeline');
          const t = gd.data.find(t => t.type === 'bar' && t.customdata.includes(target));
          const i = t.customdata.indexOf(target);
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          const box = gd.querySelector('.nsewdrag[data-subplot="xy"]').getBoundingClientRect();
          const x = Date.parse(t.base[i]) + t.x[i] / 4;
          return [box.left + xa.l2p(x), box.top + ya.l2p(t.y[i])];
        }""",
        target,
    )
    page.mouse.move(where[0], where[1])
    page.wait_for_selector("#timeline .hoverlayer .hovertext", timeout=5000)
    text = page.locator("#timeline .hoverlayer .hovertext").first.text_content()
    assert "spring 2010" in text and "Southbank Gazette" in text


def test_range_buttons_and_slider(loaded):
    page = loaded.page
    layout = page.evaluate("() => document.getElementById('timeline')._fullLayout.xaxis2.rangeslider.visible")
    assert layout is True
    labels = page.locator("#timeline .rangeselector .button").all_text_contents()
    assert labels == ["1 month", "6 months", "1 year", "5 years", "All"]
    # The slider's overview holds every dated event once.
    assert page.evaluate(
        "() => document.getElementById('timeline').data.find(t => t.xaxis === 'x2').y.reduce((a, b) => a + b, 0)"
    ) == 43
    page.locator("#timeline .rangeselector .button", has_text="1 year").click()
    page.wait_for_function(
        "() => { const r = document.getElementById('timeline').layout.xaxis.range;"
        " return (Date.parse(r[1]) - Date.parse(r[0])) / 864e5 < 370; }"
    )
    full = page.evaluate("() => document.getElementById('timeline')._fullLayout")
    assert full["xaxis2"]["range"] == full["xaxis"]["range"]  # the slider follows the figure
    # Dragging the slider's left handle moves the figure's start.
    before = page.evaluate("() => document.getElementById('timeline').layout.xaxis.range[0]")
    box = page.locator("#timeline .rangeslider-grabber-min rect").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] - 60, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    after = page.evaluate("() => document.getElementById('timeline').layout.xaxis.range[0]")
    assert after < before
    assert loaded.errors == []


def test_legend_toggles_a_lane(loaded):
    page = loaded.page
    visibility = """(name) => document.getElementById('timeline')._fullData
        .filter(t => t.legendgroup === name).map(t => t.visible)"""
    assert set(page.evaluate(visibility, "Care Weekly")) == {True}
    page.locator("#timeline .legend .traces", has_text="Care Weekly").locator(".legendtoggle").click()
    page.wait_for_function(f"() => ({visibility})('Care Weekly').every(v => v === 'legendonly')")
    # The hidden lane stays hidden while the reader searches (the figure is redrawn).
    page.fill("#f-search", "council")
    page.wait_for_function("() => !document.getElementById('f-status').textContent.startsWith('Showing all')")
    assert set(page.evaluate(visibility, "Care Weekly")) == {"legendonly"}
    page.fill("#f-search", "")
    page.wait_for_function("() => document.getElementById('f-status').textContent.startsWith('Showing all')")
    page.locator("#timeline .legend .traces", has_text="Care Weekly").locator(".legendtoggle").click()
    page.wait_for_function(f"() => ({visibility})('Care Weekly').every(v => v === true)")


def test_an_event_opens_to_every_sentence_and_how_it_was_dated(loaded, events):
    page = loaded.page
    target = next(i for i, e in enumerate(events) if e["id"] == "dismissal")
    event = events[target]
    assert len(event["mentions"]) == 5
    page.evaluate("(i) => window.chronologyPage.openEvent(i)", target)
    blocks = page.locator(f"#event-{target} .mention")
    assert blocks.count() == 5
    for k, mention in enumerate(event["mentions"]):
        block = blocks.nth(k)
        assert block.locator("mark").text_content() == mention["hit"]
        assert block.locator(".sentence").text_content() == mention["pre"] + mention["hit"] + mention["post"]
        assert mention["why"] in block.locator(".why").text_content()
    # In view, not just open: the reader is taken to it.
    assert page.evaluate(
        f"() => {{ const r = document.getElementById('event-{target}').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )


def test_conflicts_are_shown(loaded, events):
    page = loaded.page
    target = next(i for i, e in enumerate(events) if e["conflicts"])
    page.evaluate("(i) => window.chronologyPage.openEvent(i)", target)
    summary = page.locator(f"#event-{target} summary").text_content()
    assert "sources disagree" in summary
    box = page.locator(f"#event-{target} .conflicts").text_content()
    for conflict in events[target]["conflicts"]:
        assert conflict["source"] in box and (conflict["date"] or conflict["value"]) in box
        assert conflict["reason"] in box


def test_header_has_title_counts_range_and_warnings_with_reasons(loaded, chronology):
    header = loaded.page.locator("header")
    assert header.locator("h1").text_content() == chronology.title
    assert header.locator(".stats").text_content() == "12 documents · 43 events · 1 January 2000 – 31 May 2010"
    header.locator("summary").click()
    text = header.inner_text()
    for warning in chronology.warnings:
        assert warning.message in text
    assert {"undated document", "unanchored mention", "file skipped"} <= set(
        header.locator(".warn-kind").all_text_contents()
    )


ACTIVE = "() => document.activeElement.id || document.activeElement.tagName"


def focus_by_key(page, target: str, key: str, presses: int) -> bool:
    """Press `key` until the focus is on `target` (an element id or tag name), at most `presses` times."""
    for _ in range(presses):
        page.keyboard.press(key)
        if page.evaluate(ACTIVE) == target:
            return True
    return False


def test_keyboard_alone_searches_filters_and_opens_an_event(loaded, chronology):
    page = loaded.page
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    assert focus_by_key(page, "f-search", "Tab", 6)
    page.keyboard.type("laming")
    page.wait_for_function("() => document.getElementById('f-status').textContent.startsWith('Showing ')"
                           " && !document.getElementById('f-status').textContent.startsWith('Showing all')")
    shown = page.evaluate("() => window.chronologyPage.shown()")
    assert focus_by_key(page, "SUMMARY", "Tab", 40), "no event reached in 40 Tab presses"
    index = page.evaluate("() => Number(document.activeElement.parentElement.dataset.index)")
    assert index == shown[0]
    page.keyboard.press("Enter")
    page.wait_for_function("() => !!document.activeElement.parentElement.querySelector('.ev-body mark')",
                           timeout=5000)
    assert "laming" in page.evaluate("() => document.activeElement.parentElement.textContent").lower()
    # A filter from the keyboard: back to the source select, choose with the arrow keys.
    assert focus_by_key(page, "f-source", "Shift+Tab", 40)
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.getElementById('f-source').value !== ''")
    chosen = page.evaluate("() => document.getElementById('f-source').value")
    page.wait_for_function(
        "(s) => window.chronologyPage.shown().every(i => document.getElementById('event-' + i) === null"
        " || document.getElementById('event-' + i).textContent.includes(s))", arg=chosen)
    assert loaded.errors == []


@pytest.fixture(scope="module")
def many_sources_path(chronology, tmp_path_factory):
    """The Baby P chronology with every document its own source: more lanes than colours."""
    documents = [d.model_copy(update={"source": f"Paper {k:02d}"}) for k, d in enumerate(chronology.documents)]
    many = chronology.model_copy(update={"documents": documents})
    path = tmp_path_factory.mktemp("many") / "timeline.html"
    path.write_text(render_html(many), encoding="utf-8")
    return path


def test_lanes_past_the_palette_stay_distinguishable(browser_context, many_sources_path):
    page = browser_context.new_page()
    try:
        loaded = LoadedPage(page, many_sources_path.as_uri()).load()
        legend = page.evaluate(
            "() => document.getElementById('timeline').data.filter(t => t.showlegend)"
            ".map(t => [t.name, t.marker.color, t.marker.symbol, (t.marker.line || {}).color || null])"
        )
        assert len(legend) > 8
        looks = [(colour, symbol) for _, colour, symbol, _ in legend]
        assert len(set(looks)) == len(looks), "two lanes look alike"
        # Each lane's events are drawn in its legend entry's colour and shape family.
        by_name = {name: (colour, symbol) for name, colour, symbol, _ in legend}
        for d in page.evaluate(DRAWN):
            colour, symbol = by_name[d["group"]]
            assert d["colour"] == colour or d["type"] == "bar"
            if d["type"] == "scatter":
                assert d["symbol"].removesuffix("-open") == symbol
        # The lane labels name the same lanes, in the same order, each with its colour.
        ticks = page.evaluate("() => document.getElementById('timeline').layout.yaxis.ticktext")
        assert [t.split("</span> ", 1)[1] for t in ticks] == [name for name, *_ in legend]
        for tick, (_, colour, _, _) in zip(ticks, legend):
            assert f"color:{colour}" in tick
        # The key under the figure says what the shapes mean, so a diamond is not read as a precision.
        assert "colours repeat with another shape" in page.locator("#key-note").text_content()
        assert loaded.errors == [] and loaded.network == []
        page.mouse.move(0, 0)
        page.screenshot(path=str(many_sources_path.with_suffix(".png")))
    finally:
        page.close()


def test_sources_named_like_object_properties_get_lanes_of_their_own(browser_context, chronology, tmp_path):
    """Lane maps are keyed by source name; "constructor" or "__proto__" must be a lane like any other."""
    names = ["constructor", "__proto__", "toString", "hasOwnProperty"]
    documents = [d.model_copy(update={"source": names[k % len(names)]}) for k, d in enumerate(chronology.documents)]
    path = tmp_path / "timeline.html"
    path.write_text(render_html(chronology.model_copy(update={"documents": documents})), encoding="utf-8")
    page = browser_context.new_page()
    try:
        loaded = LoadedPage(page, path.as_uri()).load()
        legend = page.evaluate("() => document.getElementById('timeline').data.filter(t => t.showlegend).map(t => t.legendgroup)")
        assert sorted(legend) == sorted(names)
        drawn = page.evaluate(DRAWN)
        assert {d["group"] for d in drawn} == set(names)
        options = page.evaluate("() => [...document.querySelectorAll('#f-source option')].map(o => o.textContent)")
        assert all(any(o.startswith(f"{n} (") and o.removeprefix(f"{n} (").rstrip(")").isdigit() for o in options) for n in names)
        assert loaded.errors == []
    finally:
        page.close()
