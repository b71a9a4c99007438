"""The timeline page in headless Chromium: it loads clean, filters, links the figure and the list,
stays inert under injected markup, works from the keyboard."""

from __future__ import annotations

import pytest

from chronology.render.payload import build_payload
from tests.render.babyp_sample import (
    INJECTED_EVENT_TITLE,
    INJECTED_SENTENCE,
    INJECTED_SOURCE,
    INJECTED_TITLE,
)

pytestmark = pytest.mark.browser

# Distinct event indices drawn in the figure (an event told by two sources sits in two lanes).
FIGURE_EVENTS = """() => {
  const gd = document.getElementById('timeline');
  const seen = new Set();
  for (const t of gd.data) for (const i of (t.customdata || [])) seen.add(i);
  return [...seen].sort((a, b) => a - b);
}"""
LIST_EVENTS = """() => [...document.querySelectorAll('#event-list details')].map(d => Number(d.dataset.index))"""


def events_by_index(chronology):
    return build_payload(chronology)["events"]


def figure_and_list(page):
    return page.evaluate(FIGURE_EVENTS), page.evaluate(LIST_EVENTS)


def wait_for_status(page, text):
    page.wait_for_function("t => document.getElementById('f-status').textContent === t", arg=text)


def test_loads_without_errors_or_network(loaded):
    assert loaded.errors == []
    assert loaded.network == []
    assert loaded.dialogs == []
    assert loaded.page.title() == "Baby P: the aftermath, 2008–2010"


def test_figure_draws_every_dated_event(loaded, chronology):
    events = events_by_index(chronology)
    dated = [i for i, e in enumerate(events) if e["shape"] != "none"]
    drawn, listed = figure_and_list(loaded.page)
    assert drawn == dated and len(drawn) == 43
    assert sorted(listed) == list(range(len(events)))
    # Spans are bars over the whole interval, not error bars; day events are markers.
    kinds = loaded.page.evaluate(
        "() => document.getElementById('timeline').data.filter(t => t.customdata)"
        ".map(t => [t.type, t.customdata.length, !!t.error_x])"
    )
    bars = sum(n for kind, n, _ in kinds if kind == "bar")
    points = sum(n for kind, n, _ in kinds if kind == "scatter")
    assert not any(err for *_, err in kinds)
    assert bars >= sum(1 for e in events if e["shape"] == "span")
    assert points >= sum(1 for e in events if e["shape"] == "point")


def test_header_lists_warnings(loaded):
    header = loaded.page.locator("header")
    assert "12 documents · 43 events" in header.inner_text()
    header.locator("summary").click()
    text = header.inner_text()
    assert "file skipped" in text and "seeds/babyp/notes.bin" in text


def search_matches(chronology, term):
    """The events whose words hold `term`, as the page's search reads them."""
    payload = build_payload(chronology)
    found = []
    for i, e in enumerate(payload["events"]):
        words = [e["title"], e["date"], e["value"], *e["actors"], *e["sources"]]
        for m in e["mentions"]:
            words += [m["pre"], m["hit"], m["post"], m["why"], payload["documents"][m["doc"]]["title"]]
        if term in " ".join(words).lower():
            found.append(i)
    return found


def test_search_filters_list_and_figure(loaded, chronology):
    page = loaded.page
    expected = search_matches(chronology, "shoesmith")
    assert 0 < len(expected) < 43
    page.fill("#f-search", "Shoesmith")
    wait_for_status(page, f"Showing {len(expected)} of 43 events")
    drawn, listed = figure_and_list(page)
    assert listed == drawn == expected


@pytest.mark.parametrize(
    ("control", "value", "keep"),
    [
        ("#f-source", "Care Weekly", lambda e: "Care Weekly" in e["sources"]),
        ("#f-actor", "Ed Balls", lambda e: "Ed Balls" in e["actors"]),
    ],
)
def test_select_filters_list_and_figure(loaded, chronology, control, value, keep):
    page = loaded.page
    expected = [i for i, e in enumerate(events_by_index(chronology)) if keep(e)]
    page.select_option(control, value)
    wait_for_status(page, f"Showing {len(expected)} of 43 events")
    drawn, listed = figure_and_list(page)
    assert listed == drawn == expected
    page.click("#f-reset")
    wait_for_status(page, "Showing all 43 events")
    assert len(figure_and_list(page)[0]) == 43


def test_date_range_filters_list_figure_and_axis(loaded, chronology):
    page = loaded.page
    expected = [
        i for i, e in enumerate(events_by_index(chronology))
        if e["start"] <= "2009-03-31" and e["end"] >= "2009-02-01"
    ]
    page.fill("#f-from", "2009-02-01")
    page.fill("#f-to", "2009-03-31")
    wait_for_status(page, f"Showing {len(expected)} of 43 events")
    drawn, listed = figure_and_list(page)
    assert listed == drawn == expected
    x_range = page.evaluate("() => document.getElementById('timeline').layout.xaxis.range")
    assert x_range[0] < "2009-02-01"
    assert "2009-03-31" < x_range[1] < "2009-06-01"


def test_lanes_by_actor(loaded):
    page = loaded.page
    legend = "() => document.getElementById('timeline').data.filter(t => t.showlegend).map(t => t.name)"
    by_source = page.evaluate(legend)
    assert "Care Weekly" in by_source
    page.check("input[name=lanes][value=actor]")
    page.wait_for_function("() => document.getElementById('timeline').layout.legend.title.text === 'Actors'")
    by_actor = page.evaluate(legend)
    assert "Ed Balls" in by_actor and "Care Weekly" not in by_actor
    assert len(page.evaluate(FIGURE_EVENTS)) == 43


def test_clicking_a_point_opens_its_event(loaded, chronology):
    page = loaded.page
    target = next(i for i, e in enumerate(events_by_index(chronology)) if e["id"] == "naming")
    # Zoom to the event so that its marker stands alone, then click the marker itself.
    page.evaluate(
        "() => Plotly.relayout('timeline', {'xaxis.range': ['2009-08-01', '2009-08-20']})"
    )
    point = page.evaluate(
        """(target) => {
          const gd = document.getElementById('timeline');
          for (const t of gd.calcdata) {
            const trace = t[0].trace;
            if (trace.type !== 'scatter' || !trace.customdata) continue;
            for (const pt of t) {
              if (trace.customdata[pt.i] !== target) continue;
              const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
              const box = gd.querySelector('.nsewdrag[data-subplot="xy"]').getBoundingClientRect();
              return [box.left + xa.l2p(pt.x), box.top + ya.l2p(pt.y)];
            }
          }
          return null;
        }""",
        target,
    )
    assert point, "the event's marker is not in the figure"
    page.mouse.move(point[0], point[1])
    page.mouse.click(point[0], point[1])
    details = page.locator(f"#event-{target}")
    page.wait_for_function(f"() => document.getElementById('event-{target}').open")
    assert details.evaluate("d => d.open")
    assert "Tracey Connelly and Steven Barker publicly named" in details.inner_text()
    assert details.locator("mark").count() >= 1
    assert loaded.errors == []


def test_plotly_click_event_opens_an_event_beyond_the_first_chunk(loaded):
    page = loaded.page
    page.evaluate("() => document.getElementById('timeline').emit('plotly_click', {points: [{customdata: 42}]})")
    assert page.evaluate("() => document.getElementById('event-42').open")
    assert page.evaluate("() => document.activeElement.closest('details').id") == "event-42"


def test_injected_markup_stays_inert(loaded, chronology):
    page = loaded.page
    target = next(i for i, e in enumerate(events_by_index(chronology)) if e["id"] == "leak")
    page.evaluate("(i) => window.chronologyPage.openEvent(i)", target)
    body = page.locator(f"#event-{target}")
    text = body.inner_text()
    assert INJECTED_EVENT_TITLE in text
    assert INJECTED_SENTENCE in text
    assert INJECTED_SOURCE in text
    assert INJECTED_TITLE in text
    # The javascript: URL did not become a link; no element came from the data.
    assert body.locator("a").count() == 0
    assert page.evaluate("() => document.images.length") == 0
    assert page.evaluate("() => document.querySelectorAll('b[onmouseover], [onerror]').length") == 0
    # Plotly labels show the text literally too.
    legend = page.evaluate("() => document.querySelector('#timeline .legend').textContent")
    assert INJECTED_SOURCE in legend
    page.hover(f"#event-{target} summary")
    assert loaded.dialogs == [] and loaded.errors == []


def test_http_urls_become_safe_links(loaded, chronology):
    page = loaded.page
    target = next(i for i, e in enumerate(events_by_index(chronology)) if e["id"] == "verdicts")
    page.evaluate("(i) => window.chronologyPage.openEvent(i)", target)
    link = page.locator(f"#event-{target} a").first
    assert link.get_attribute("href") == "https://news.example.org/babyp/01-verdicts"
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_keyboard_opens_events_and_focus_is_visible(loaded, chronology):
    page = loaded.page
    page.focus("#f-reset")
    page.keyboard.press("Tab")  # the lanes radio
    for _ in range(8):
        if page.evaluate("() => document.activeElement.tagName") == "SUMMARY":
            break
        page.keyboard.press("Tab")
    # Buttons and links in plotly's modebar may come first; go to the list directly if so.
    if page.evaluate("() => document.activeElement.tagName") != "SUMMARY":
        page.focus("#event-list summary")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    assert page.evaluate("() => document.activeElement.matches(':focus-visible')")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.parentElement.open")
    # The body is built on the details' toggle event, which the browser dispatches asynchronously.
    page.wait_for_function("() => !!document.activeElement.parentElement.querySelector('.ev-body mark')", timeout=5000)
    page.keyboard.press("Tab")
    page.keyboard.press(" ")  # Space on the next focusable: a link, a button or the next event
    page.focus("#f-search")
    page.keyboard.type("laming")
    wait_for_status(page, f"Showing {len(search_matches(chronology, 'laming'))} of 43 events")


def test_screenshot(loaded, artifacts):
    page = loaded.page
    page.mouse.move(0, 0)
    path = artifacts / "timeline.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 20_000


LANE_LOOKS = """() => {
  const gd = document.getElementById('timeline');
  const ticks = gd.layout.yaxis.ticktext;
  return gd.data.filter(t => t.showlegend).map((t, k) => [t.legendgroup, t.marker.color, t.marker.symbol,
    (t.marker.line || {}).color || null, ticks[k].match(/color:([^"]+)"/)[1]]);
}"""


@pytest.mark.parametrize(("grouping", "control", "field"), [("source", "#f-source", "sources"), ("actor", "#f-actor", "actors")])
def test_a_lane_keeps_its_colour_when_a_filter_hides_another(loaded, chronology, grouping, control, field):
    page = loaded.page
    if grouping == "actor":
        page.check("input[name=lanes][value=actor]")
        page.wait_for_function("() => document.getElementById('timeline').layout.legend.title.text === 'Actors'")
    before = page.evaluate(LANE_LOOKS)
    first = before[0][0]
    events = [e for e in events_by_index(chronology) if e["start"]]

    def lanes_left(value):
        return {lane for e in events if value in e[field] for lane in e[field]}

    # A filter value whose events leave the first lane out but keep others: every lane still on
    # show moves up, which is what used to change its colour.
    value = next(v for v in sorted({v for e in events for v in e[field]}) if first not in lanes_left(v))
    page.select_option(control, value)
    page.wait_for_function("() => !document.getElementById('f-status').textContent.startsWith('Showing all')")
    page.wait_for_function(
        "(n) => document.getElementById('timeline').data.filter(t => t.showlegend)[0].legendgroup !== n", arg=first)
    after = page.evaluate(LANE_LOOKS)
    looks = {name: rest for name, *rest in before}
    common = [lane for lane in after if lane[0] in looks]
    assert common and first not in [lane[0] for lane in after]
    assert any(k < [name for name, *_ in before].index(lane[0]) for k, lane in enumerate(after) if lane in common)
    for name, *rest in common:
        assert rest == looks[name], name
        assert rest[0] == rest[3]  # the lane label is in the lane's colour
    assert loaded.errors == []
