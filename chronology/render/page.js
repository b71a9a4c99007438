/* The timeline page's behaviour: filters, the plotly figure and the event list, kept in step.
 *
 * Data comes from the JSON payload embedded in the page (built by chronology/render/payload.py).
 * Every piece of document text reaches the DOM through textContent or plotly strings escaped by
 * plotlyText(); no data is ever assigned to innerHTML. Links are made only from URLs the payload
 * already vetted (http/https).
 */
(function () {
  "use strict";

  var mark = function (name) { if (window.performance && performance.mark) performance.mark("chronology:" + name); };
  mark("start");
  var DATA = JSON.parse(document.getElementById("chronology-data").textContent);
  mark("parsed");
  var EVENTS = DATA.events;
  var DOCS = DATA.documents;
  var DAY = 86400000;
  // Okabe–Ito (black softened to dark grey): distinguishable with the common colour-vision deficiencies.
  var PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#555555", "#F0E442"];
  // Eight colours are all that stay apart for colour-blind readers, so lanes 9-16 reuse them with
  // another marker shape and outlined bars; each lane's label carries its colour and shape.
  var SYMBOLS = ["circle", "diamond", "square", "triangle-up"];
  var GLYPHS = ["\u25CF", "\u25C6", "\u25A0", "\u25B2"];
  var OVERVIEW_BINS = 200;   // bars of the range slider's overview over the span on show
  var MAX_LANES = 14;        // the rest share an "Other" lane, so the chart stays readable
  var ROW_BUDGET = 22;       // sub-rows over all lanes, so the chart keeps a sane height
  var LIST_CHUNK = 120;      // list items rendered at once; more arrive as the reader scrolls
  var NO_ACTOR = "No actor named";
  // Past this many events each event is drawn once, in its first lane, not in every lane it
  // belongs to: the figure is overplotted anyway and each drawn item costs twice (range slider).
  var LIGHT_FROM = 1500;

  var state = { q: "", source: "", actor: "", from: "", to: "", lanes: "source" };
  var shown = [];            // indices into EVENTS that pass the filters, in date order
  var rendered = 0;          // how many of `shown` are in the list
  var lastYear = null;
  var plotRevision = 0;

  var $ = function (id) { return document.getElementById(id); };
  var graph = $("timeline");
  var list = $("event-list");

  // ---- helpers -------------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Plotly reads a small HTML subset in labels and hover text; escaping the three markup
  // characters makes data show literally (plotly decodes the entities back for display).
  function plotlyText(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function clip(s, n) {
    s = String(s);
    return s.length > n ? s.slice(0, n - 1) + "…" : s;
  }

  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function ms(iso) { return Date.parse(iso + "T00:00:00Z"); }

  function isoDay(t) { return new Date(t).toISOString().slice(0, 10); }

  function docOf(mention) { return mention.doc >= 0 ? DOCS[mention.doc] : null; }

  // Precompute what filtering needs once: folded search text and interval in milliseconds.
  EVENTS.forEach(function (ev, i) {
    ev.i = i;
    ev.t0 = ev.start ? ms(ev.start) : null;
    ev.t1 = ev.end ? ms(ev.end) + DAY : null;   // exclusive end: a month covers its last day
    var words = [ev.title, ev.date, ev.value, ev.actors.join(" "), ev.sources.join(" ")];
    ev.mentions.forEach(function (m) {
      var d = docOf(m);
      words.push(m.pre, m.hit, m.post, m.why, d ? d.title : "");
    });
    ev.haystack = fold(words.join("\n"));
  });

  mark("indexed");

  // ---- filtering -----------------------------------------------------------------------------

  function matches(ev, terms, from, to) {
    if (state.source && ev.sources.indexOf(state.source) < 0) return false;
    if (state.actor) {
      if (state.actor === NO_ACTOR ? ev.actors.length > 0 : ev.actors.indexOf(state.actor) < 0) return false;
    }
    if (from !== null || to !== null) {
      if (ev.t0 === null) return false;            // an undatable event is outside any range
      if (from !== null && ev.t1 <= from) return false;
      if (to !== null && ev.t0 >= to) return false;
    }
    for (var k = 0; k < terms.length; k++) {
      if (ev.haystack.indexOf(terms[k]) < 0) return false;
    }
    return true;
  }

  function applyFilters() {
    var terms = fold(state.q).split(/\s+/).filter(Boolean);
    var from = state.from ? ms(state.from) : null;
    var to = state.to ? ms(state.to) + DAY : null;
    shown = [];
    for (var i = 0; i < EVENTS.length; i++) {
      if (matches(EVENTS[i], terms, from, to)) shown.push(i);
    }
    var total = EVENTS.length;
    $("f-status").textContent = shown.length === total
      ? "Showing all " + total.toLocaleString("en-GB") + " events"
      : "Showing " + shown.length.toLocaleString("en-GB") + " of " + total.toLocaleString("en-GB") + " events";
    renderList();
    drawFigure();
  }

  // ---- the figure ----------------------------------------------------------------------------

  function laneKeys(ev) {
    if (state.lanes === "actor") return ev.actors.length ? ev.actors : [NO_ACTOR];
    return ev.sources.length ? ev.sources : ["Unknown source"];
  }

  // Lanes for the events on show: the busiest MAX_LANES in alphabetical order, then "Other".
  function chooseLanes(drawn) {
    var counts = {};
    drawn.forEach(function (ev) {
      laneKeys(ev).forEach(function (k) { counts[k] = (counts[k] || 0) + 1; });
    });
    var names = Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0);
    });
    var kept = names.slice(0, MAX_LANES).sort(function (a, b) {
      if (a === NO_ACTOR) return 1;
      if (b === NO_ACTOR) return -1;
      return a.localeCompare(b, "en");
    });
    var other = names.length > MAX_LANES ? (state.lanes === "actor" ? "Other actors" : "Other sources") : null;
    return { kept: kept, other: other };
  }

  function hoverFor(ev, lane) {
    var mention = ev.mentions[0];
    if (state.lanes === "source") {
      for (var k = 0; k < ev.mentions.length; k++) {
        var d = docOf(ev.mentions[k]);
        if (d && d.source === lane) { mention = ev.mentions[k]; break; }
      }
    }
    var lines = ["<b>" + plotlyText(clip(ev.title, 90)) + "</b>"];
    var when = ev.date || ev.value;
    if (ev.uncertain.length) when += "  (" + ev.uncertain.join(", ") + ")";
    lines.push(plotlyText(when));
    if (mention) {
      var doc = docOf(mention);
      var said = mention.expr ? "“" + clip(mention.expr, 60) + "”" : "";
      lines.push("<i>" + plotlyText(said + (doc ? "  — " + clip(doc.source, 50) : "")) + "</i>");
    }
    if (ev.sources.length > 1) lines.push(plotlyText(ev.sources.length + " sources"));
    if (ev.conflicts.length) lines.push(plotlyText("Sources disagree on the date"));
    return lines.join("<br>");
  }

  // Stack each lane's items into sub-rows so that overlapping dates stay visible.
  function packLane(items, minWidth, maxRows) {
    items.sort(function (a, b) { return a.x0 - b.x0 || a.ev.i - b.ev.i; });
    var ends = [];
    items.forEach(function (it) {
      var x1 = Math.max(it.x1, it.x0 + minWidth);
      var row = -1;
      for (var r = 0; r < ends.length; r++) if (ends[r] <= it.x0) { row = r; break; }
      if (row < 0 && ends.length < maxRows) { row = ends.length; ends.push(0); }
      if (row < 0) {             // all rows busy: the one that frees first
        row = 0;
        for (var q = 1; q < ends.length; q++) if (ends[q] < ends[row]) row = q;
      }
      ends[row] = x1;
      it.row = row;
    });
    return Math.max(ends.length, 1);
  }

  // The look of lane `li`: a colour, and past the palette's end a marker shape and an outline.
  function laneStyle(li) {
    var cycle = Math.floor(li / PALETTE.length) % SYMBOLS.length;
    return { colour: PALETTE[li % PALETTE.length], symbol: SYMBOLS[cycle], glyph: GLYPHS[cycle],
             outline: cycle > 0 ? "#1f2328" : null };
  }

  function newTrace(kind, lane, style, firm) {
    var colour = style.colour;
    var t = {
      type: kind === "span" ? "bar" : "scatter",
      name: plotlyText(clip(lane, 32)),
      legendgroup: lane,
      showlegend: false,
      hoverinfo: "text",
      hoverlabel: { bgcolor: "#ffffff", bordercolor: colour, font: { color: "#1f2328", size: 13 } },
      x: [], y: [], customdata: [], hovertext: []
    };
    if (kind === "span") {
      t.orientation = "h";
      t.base = [];
      t.width = 0.62;
      t.marker = firm
        ? { color: colour, opacity: 0.8, line: { color: style.outline || colour, width: style.outline ? 1.5 : 1 } }
        : { color: "rgba(255,255,255,0.6)", opacity: 0.85, line: { color: style.outline || colour, width: 1.5 },
            pattern: { shape: "/", fgcolor: colour, bgcolor: "rgba(255,255,255,0.9)", size: 6, solidity: 0.25 } };
    } else {
      t.mode = "markers";
      t.marker = firm
        ? { color: colour, size: 11, symbol: style.symbol, line: { color: style.outline || "#ffffff", width: style.outline ? 1 : 1.5 } }
        : { color: colour, size: 11, symbol: style.symbol + "-open", line: { color: colour, width: 2 } };
      // Any non-zero limit makes plotly draw only the markers inside the visible range, so a
      // zoomed-in view of thousands of events redraws only the few on screen.
      t.marker.maxdisplayed = 1e9;
    }
    return t;
  }

  // The range slider shows how many events start in each stretch of time, one trace on an axis of
  // its own: plotly redraws a slider's traces on every zoom, and a copy of thousands of markers
  // and bars there cost more than the figure itself (zoom 1 s instead of 0.1 s at 5,000 events).
  function overviewTrace(drawn, lo, hi) {
    var x = [], y = [];
    if (isFinite(lo)) {
      var width = Math.max(DAY, (hi - lo) / OVERVIEW_BINS);
      var n = Math.floor((hi - lo) / width) + 1;
      var counts = new Array(n + 1).fill(0);
      drawn.forEach(function (ev) { counts[Math.floor((ev.t0 - lo) / width)] += 1; });
      for (var b = 0; b <= n; b++) { x.push(isoDay(lo + b * width)); y.push(counts[b]); }
    }
    return { type: "scatter", mode: "lines", x: x, y: y, xaxis: "x2", yaxis: "y2", name: "events",
             line: { shape: "hv", color: "#8c959f", width: 1 }, fill: "tozeroy", fillcolor: "rgba(140,149,159,0.35)",
             hoverinfo: "skip", showlegend: false };
  }

  function figureData() {
    var drawn = shown.map(function (i) { return EVENTS[i]; }).filter(function (ev) { return ev.t0 !== null; });
    var lanes = chooseLanes(drawn);
    var laneNames = lanes.kept.slice();
    if (lanes.other) laneNames.push(lanes.other);
    var items = {};
    laneNames.forEach(function (n) { items[n] = []; });
    var lo = Infinity, hi = -Infinity;
    var light = drawn.length > LIGHT_FROM;
    drawn.forEach(function (ev) {
      var seen = {}, placed = false;
      laneKeys(ev).forEach(function (k) {
        var lane = lanes.kept.indexOf(k) >= 0 ? k : lanes.other;
        if (!lane || seen[lane] || (light && placed)) return;
        seen[lane] = placed = true;
        items[lane].push({ ev: ev, lane: lane, x0: ev.t0, x1: ev.shape === "point" ? ev.t0 : ev.t1 });
      });
      lo = Math.min(lo, ev.t0);
      hi = Math.max(hi, ev.shape === "point" ? ev.t0 : ev.t1);
    });
    var minWidth = isFinite(lo) ? Math.max((hi - lo) / 70, DAY) : DAY;
    var maxRows = Math.max(1, Math.min(5, Math.floor(ROW_BUDGET / Math.max(laneNames.length, 1))));
    var traces = [], tickvals = [], ticktext = [], shapes = [], offset = 0;
    laneNames.forEach(function (lane, li) {
      var style = laneStyle(li);
      var rows = packLane(items[lane], minWidth, maxRows);
      var kinds = { "span-firm": null, "span-vague": null, "point-firm": null, "point-vague": null };
      items[lane].forEach(function (it) {
        var ev = it.ev, kind = ev.shape === "point" ? "point" : "span", firm = ev.uncertain.length === 0;
        var key = kind + (firm ? "-firm" : "-vague");
        var t = kinds[key] || (kinds[key] = newTrace(kind, lane, style, firm));
        if (kind === "span") {
          t.base.push(ev.start);
          t.x.push(ev.t1 - ev.t0);
        } else {
          t.x.push(ev.start);
        }
        t.y.push(offset + it.row);
        t.customdata.push(ev.i);
        t.hovertext.push(hoverFor(ev, lane));
      });
      // One legend entry per lane in the lane's colour and shape, whatever it holds; it toggles the group.
      traces.push({ type: "scatter", mode: "markers", x: [null], y: [null], name: plotlyText(clip(lane, 32)),
                    legendgroup: lane, showlegend: true, hoverinfo: "skip",
                    marker: { symbol: style.symbol, size: 12, color: style.colour,
                              line: { color: style.outline || style.colour, width: style.outline ? 1 : 0 } } });
      // Spans first so that day points are drawn on top of the periods around them.
      ["span-firm", "span-vague", "point-firm", "point-vague"].forEach(function (key) {
        if (kinds[key]) traces.push(kinds[key]);
      });
      tickvals.push(offset + (rows - 1) / 2);
      ticktext.push('<span style="color:' + style.colour + '">' + style.glyph + "</span> " + plotlyText(clip(lane, 28)));
      if (li % 2 === 0) {
        shapes.push({ type: "rect", xref: "paper", x0: 0, x1: 1, yref: "y", y0: offset - 0.5, y1: offset + rows - 0.5,
                      fillcolor: "#f4f6f8", line: { width: 0 }, layer: "below" });
      }
      offset += rows;
    });
    $("key-note").textContent = light
      ? "Over " + LIGHT_FROM.toLocaleString("en-GB") + " events: each is drawn once, in its first lane."
      : "An event told by several " + (state.lanes === "actor" ? "actors" : "sources") + " appears in each of their lanes.";
    if (laneNames.length > PALETTE.length) {
      $("key-note").textContent += " Past " + PALETTE.length + " lanes the colours repeat with another shape and" +
        " outlined bars; each lane's label shows its own.";
    }
    var overview = overviewTrace(drawn, lo, hi);
    traces.push(overview);
    var overviewTop = Math.max(1, Math.max.apply(null, overview.y.concat([0])) * 1.1);
    return { traces: traces, tickvals: tickvals, ticktext: ticktext, shapes: shapes, rows: offset,
             lo: lo, hi: hi, lanes: laneNames.length, overviewTop: overviewTop };
  }

  function xRange(fig) {
    var lo = state.from ? ms(state.from) : fig.lo;
    var hi = state.to ? ms(state.to) + DAY : fig.hi;
    if (!isFinite(lo) || !isFinite(hi)) {
      if (DATA.range) { lo = ms(DATA.range[0]); hi = ms(DATA.range[1]) + DAY; }
      else { lo = Date.UTC(2000, 0, 1); hi = Date.UTC(2001, 0, 1); }
    }
    var pad = Math.max((hi - lo) * 0.03, 15 * DAY);
    return [isoDay(lo - pad), isoDay(hi + pad)];
  }

  function drawFigure() {
    var fig = figureData();
    mark("figure-data");
    var rows = Math.max(fig.rows, 1);
    var height = Math.max(320, Math.min(680, 150 + rows * 20));
    plotRevision += 1;
    // Room under the lanes for the date labels, above the (invisible) overview axis and its slider.
    var labelRoom = Math.min(0.2, 30 / (height - 64));
    var layout = {
      height: height,
      margin: { l: 10, r: 10, t: 54, b: 10 },
      barmode: "overlay",
      hovermode: "closest",
      dragmode: "zoom",
      showlegend: true,
      legend: { title: { text: state.lanes === "actor" ? "Actors" : "Sources" }, font: { size: 12 },
                itemclick: "toggle", itemdoubleclick: "toggleothers", tracegroupgap: 2 },
      font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
              size: 12, color: "#1f2328" },
      paper_bgcolor: "#ffffff",
      plot_bgcolor: "#ffffff",
      shapes: fig.shapes,
      // Keep a reader's zoom while searching; reset it when the date filter or the lanes change.
      uirevision: state.lanes + "|" + state.from + "|" + state.to,
      xaxis: {
        type: "date",
        range: xRange(fig),
        autorange: false,
        showgrid: true,
        gridcolor: "#e6e9ed",
        linecolor: "#c9d1d9",
        ticks: "outside",
        tickcolor: "#c9d1d9",
        hoverformat: "%-d %B %Y",
        rangeselector: {
          x: 0, y: 1.03, yanchor: "bottom", xanchor: "left",
          bgcolor: "#f6f8fa", activecolor: "#dbe7f3", bordercolor: "#d1d9e0", borderwidth: 1,
          font: { size: 12 },
          buttons: [
            { count: 1, label: "1 month", step: "month", stepmode: "backward" },
            { count: 6, label: "6 months", step: "month", stepmode: "backward" },
            { count: 1, label: "1 year", step: "year", stepmode: "backward" },
            { count: 5, label: "5 years", step: "year", stepmode: "backward" },
            { step: "all", label: "All" }
          ]
        }
      },
      // The overview's axes: x2 moves with x (either one's range is the other's), y2 is a sliver at
      // the bottom; only the slider under x2 shows what they hold.
      xaxis2: {
        type: "date",
        matches: "x",
        anchor: "y2",
        showticklabels: false,
        ticks: "",
        showgrid: false,
        showline: false,
        rangeslider: { visible: true, thickness: 0.07, bgcolor: "#f6f8fa", bordercolor: "#d1d9e0", borderwidth: 1,
                       yaxis2: { rangemode: "match" } }
      },
      // The slider shows this axis's range (a narrower one would be greyed out there); page.css
      // hides the sliver's own copy of the overview.
      yaxis2: { domain: [0, 0.001], visible: false, fixedrange: true, range: [0, fig.overviewTop], autorange: false },
      yaxis: {
        domain: [labelRoom, 1],
        tickmode: "array",
        tickvals: fig.tickvals,
        ticktext: fig.ticktext,
        range: [rows - 0.5, -0.5],
        autorange: false,
        fixedrange: true,
        showgrid: false,
        zeroline: false,
        automargin: true,
        ticks: "",
        tickfont: { size: 12 }
      }
    };
    var config = { responsive: true, displaylogo: false, scrollZoom: false,
                   modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
                   toImageButtonOptions: { filename: "chronology", scale: 2 } };
    // Two passes: the frame first (axes, lane labels, legend, slider), then the events. Plotly
    // sizes its margins from the labels and legend it has drawn and, when they change, draws the
    // whole figure again; settling them on the light frame spares a second pass over every event.
    var frame = fig.traces.filter(function (t) { return !t.customdata; });
    return Plotly.react(graph, frame, layout, config).then(function () {
      mark("figure-frame");
      return Plotly.react(graph, fig.traces, layout, config);
    });
  }

  // ---- the list ------------------------------------------------------------------------------

  function badge(text, kind) { return el("span", "badge badge-" + kind, text); }

  function summaryFor(ev) {
    var s = el("summary");
    var when = el("span", "ev-date", ev.date || ev.value || "undated");
    s.appendChild(when);
    var main = el("span", "ev-main");
    main.appendChild(el("span", "ev-title", ev.title));
    var meta = el("span", "ev-meta");
    meta.appendChild(el("span", "ev-sources", ev.sources.join(", ")));
    if (ev.actors.length) meta.appendChild(el("span", "ev-actors", ev.actors.join(", ")));
    main.appendChild(meta);
    s.appendChild(main);
    var badges = el("span", "ev-badges");
    badges.appendChild(badge(ev.precision === "time" ? "day" : ev.precision, "precision"));
    if (ev.uncertain.length && ev.uncertain[0] !== ev.precision) badges.appendChild(badge(ev.uncertain[0], "uncertain"));
    if (ev.conflicts.length) badges.appendChild(badge("sources disagree", "conflict"));
    if (ev.mentions.length > 1) badges.appendChild(badge(ev.mentions.length + " mentions", "count"));
    if (ev.shape === "none") badges.appendChild(badge("not on the chart", "uncertain"));
    s.appendChild(badges);
    return s;
  }

  function mentionBlock(m) {
    var box = el("article", "mention");
    var doc = docOf(m);
    var head = el("p", "mention-head");
    head.appendChild(el("span", "mention-source", doc ? doc.source : "Unknown document"));
    if (doc) {
      head.appendChild(document.createTextNode(" · "));
      if (doc.url) {
        var a = el("a", "mention-doc", doc.title);
        a.href = doc.url;                 // vetted in Python: http or https only
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        head.appendChild(a);
      } else {
        head.appendChild(el("span", "mention-doc", doc.title));
      }
      if (doc.published) head.appendChild(el("span", "mention-pub", " · published " + doc.published +
        (doc.from === "inferred" ? " (inferred" + (doc.window ? ": written " + doc.window : "") + ")" : "")));
    }
    box.appendChild(head);
    var quote = el("blockquote", "sentence");
    quote.appendChild(document.createTextNode(m.pre));
    if (m.hit) quote.appendChild(el("mark", null, m.hit));
    quote.appendChild(document.createTextNode(m.post));
    box.appendChild(quote);
    var why = el("p", "why");
    why.appendChild(el("span", "why-label", "How it was dated: "));
    why.appendChild(document.createTextNode(m.why));
    if (m.date && m.why.indexOf(m.date) < 0) why.appendChild(el("span", "why-date", " → " + m.date));
    box.appendChild(why);
    return box;
  }

  function bodyFor(ev) {
    var body = el("div", "ev-body");
    if (ev.conflicts.length) {
      var c = el("div", "conflicts");
      c.setAttribute("role", "note");
      c.appendChild(el("p", "conflicts-head", "Sources disagree on the date; the timeline shows " +
        (ev.date || ev.value) + "."));
      var ul = el("ul");
      ev.conflicts.forEach(function (k) {
        ul.appendChild(el("li", null, k.source + " gives " + (k.date || k.value) +
          (k.date && k.date !== k.value ? " (" + k.value + ")" : "") + (k.reason ? ": " + k.reason : "")));
      });
      c.appendChild(ul);
      body.appendChild(c);
    }
    if (ev.uncertain.length) {
      body.appendChild(el("p", "uncertain-note", "This date is less certain: " + ev.uncertain.join("; ") + "."));
    }
    ev.mentions.forEach(function (m) { body.appendChild(mentionBlock(m)); });
    if (ev.t0 !== null) {
      var b = el("button", "show-on-chart", "Show on the timeline");
      b.type = "button";
      b.addEventListener("click", function () { zoomTo(ev); });
      body.appendChild(b);
    }
    return body;
  }

  function itemFor(ev) {
    var li = el("li", "event");
    var d = el("details");
    d.id = "event-" + ev.i;
    d.dataset.index = ev.i;
    d.appendChild(summaryFor(ev));
    // The sentences are built when the event is first opened: 5,000 closed events stay light.
    d.addEventListener("toggle", function () {
      if (d.open && !d.querySelector(".ev-body")) d.appendChild(bodyFor(ev));
    });
    li.appendChild(d);
    return li;
  }

  var sentinel = el("li", "sentinel", "Loading more events…");
  sentinel.setAttribute("aria-hidden", "true");
  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; })) renderMore(rendered + LIST_CHUNK);
  }, { rootMargin: "600px" }) : null;

  function renderMore(upTo) {
    upTo = Math.min(upTo, shown.length);
    if (upTo <= rendered) return;
    var frag = document.createDocumentFragment();
    for (var k = rendered; k < upTo; k++) {
      var ev = EVENTS[shown[k]];
      var year = ev.start ? ev.start.slice(0, 4) : "Undated";
      if (year !== lastYear) {
        var h = el("li", "year", year);
        h.setAttribute("role", "presentation");
        frag.appendChild(h);
        lastYear = year;
      }
      frag.appendChild(itemFor(ev));
    }
    if (sentinel.parentNode) sentinel.parentNode.removeChild(sentinel);
    list.appendChild(frag);
    rendered = upTo;
    if (rendered < shown.length) {
      list.appendChild(sentinel);
      if (observer) { observer.unobserve(sentinel); observer.observe(sentinel); }
      else renderMore(shown.length);
    }
  }

  function renderList() {
    list.textContent = "";
    rendered = 0;
    lastYear = null;
    $("list-empty").hidden = shown.length > 0;
    renderMore(LIST_CHUNK);
  }

  // ---- linking the two -----------------------------------------------------------------------

  function openEvent(index) {
    var at = shown.indexOf(index);
    if (at < 0) return null;
    if (at >= rendered) renderMore(at + LIST_CHUNK);
    var d = $("event-" + index);
    if (!d) return null;
    d.open = true;
    if (!d.querySelector(".ev-body")) d.appendChild(bodyFor(EVENTS[index]));
    var li = d.parentNode;
    li.classList.remove("flash");
    void li.offsetWidth;                   // restart the highlight animation
    li.classList.add("flash");
    d.scrollIntoView({ block: "center", behavior: "auto" });
    d.querySelector("summary").focus({ preventScroll: true });
    return d;
  }

  function zoomTo(ev) {
    var pad = Math.max((ev.t1 - ev.t0) * 2, 45 * DAY);
    Plotly.relayout(graph, { "xaxis.range": [isoDay(ev.t0 - pad), isoDay(ev.t1 + pad)] });
    graph.scrollIntoView({ block: "nearest", behavior: "auto" });
  }

  // ---- controls ------------------------------------------------------------------------------

  function fillSelect(select, names, counts) {
    names.forEach(function (n) {
      var o = el("option", null, n + " (" + counts[n] + ")");
      o.value = n;
      select.appendChild(o);
    });
  }

  function setUpControls() {
    var sourceCounts = {}, actorCounts = {}, anyNoActor = 0;
    EVENTS.forEach(function (ev) {
      ev.sources.forEach(function (s) { sourceCounts[s] = (sourceCounts[s] || 0) + 1; });
      ev.actors.forEach(function (a) { actorCounts[a] = (actorCounts[a] || 0) + 1; });
      if (!ev.actors.length) anyNoActor += 1;
    });
    var byName = function (a, b) { return a.localeCompare(b, "en"); };
    fillSelect($("f-source"), Object.keys(sourceCounts).sort(byName), sourceCounts);
    var actors = Object.keys(actorCounts).sort(byName);
    if (anyNoActor) { actors.push(NO_ACTOR); actorCounts[NO_ACTOR] = anyNoActor; }
    fillSelect($("f-actor"), actors, actorCounts);
    if (DATA.range) {
      ["f-from", "f-to"].forEach(function (id) { $(id).min = DATA.range[0]; $(id).max = DATA.range[1]; });
    }
    var timer = null;
    $("f-search").addEventListener("input", function (e) {
      state.q = e.target.value;
      clearTimeout(timer);
      timer = setTimeout(applyFilters, 150);
    });
    [["f-source", "source"], ["f-actor", "actor"], ["f-from", "from"], ["f-to", "to"]].forEach(function (p) {
      $(p[0]).addEventListener("change", function (e) { state[p[1]] = e.target.value; applyFilters(); });
    });
    $("f-reset").addEventListener("click", function () {
      state.q = state.source = state.actor = state.from = state.to = "";
      ["f-search", "f-source", "f-actor", "f-from", "f-to"].forEach(function (id) { $(id).value = ""; });
      applyFilters();
    });
    Array.prototype.forEach.call(document.querySelectorAll("input[name=lanes]"), function (r) {
      r.addEventListener("change", function () { if (r.checked) { state.lanes = r.value; drawFigure(); } });
    });
    $("expand-all").addEventListener("click", function () {
      Array.prototype.forEach.call(list.querySelectorAll("details"), function (d) { d.open = true; });
    });
    $("collapse-all").addEventListener("click", function () {
      Array.prototype.forEach.call(list.querySelectorAll("details"), function (d) { d.open = false; });
    });
  }

  // ---- start ---------------------------------------------------------------------------------

  setUpControls();
  shown = EVENTS.map(function (ev) { return ev.i; });
  $("f-status").textContent = "Showing all " + EVENTS.length.toLocaleString("en-GB") + " events";
  renderList();
  mark("listed");
  drawFigure().then(function () {
    mark("drawn");
    graph.on("plotly_click", function (e) {
      if (e && e.points && e.points.length) openEvent(e.points[0].customdata);
    });
    // Tests and the benchmark read these: the moment the list and figure are both on screen.
    window.chronologyReady = performance.now();
    document.body.setAttribute("data-ready", "true");
  });

  // A small API for tests and for readers who script the page from the console.
  window.chronologyPage = {
    openEvent: openEvent,
    shown: function () { return shown.slice(); },
    events: EVENTS.length
  };
})();
