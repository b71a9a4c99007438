/* The timeline page's figure: events in lanes (by source or by actor) drawn with plotly, each
 * lane in a colour and shape of its own, spans over their whole interval, uncertain dates
 * hatched or open, a range slider over an overview of the events on show.
 *
 * parts.figure(page) takes what it draws from the page (page.js) and returns draw() and zoomTo().
 * Data reaches plotly only through plotlyText().
 */
(function (parts) {
  "use strict";

  var c = parts.common;
  var DAY = c.DAY, NO_ACTOR = c.NO_ACTOR, $ = c.$, mark = c.mark;
  var plotlyText = c.plotlyText, clip = c.clip, ms = c.ms, isoDay = c.isoDay;
  // Okabe–Ito (black softened to dark grey): distinguishable with the common colour-vision deficiencies.
  var PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#555555", "#F0E442"];
  // Eight colours are all that stay apart for colour-blind readers, so lanes 9-16 reuse them with
  // another marker shape and outlined bars; each lane's label carries its colour and shape.
  var SYMBOLS = ["circle", "diamond", "square", "triangle-up"];
  var GLYPHS = ["\u25CF", "\u25C6", "\u25A0", "\u25B2"];
  var OVERVIEW_BINS = 200;   // bars of the range slider's overview over the span on show
  var MAX_LANES = 14;        // the rest share an "Other" lane, so the chart stays readable
  var ROW_BUDGET = 22;       // sub-rows over all lanes, so the chart keeps a sane height
  // Past this many events each event is drawn once, in its first lane, not in every lane it
  // belongs to: the figure is overplotted anyway and each drawn item costs twice (range slider).
  var LIGHT_FROM = 1500;
  var OTHER_STYLE = { colour: "#8c959f", symbol: "circle", glyph: "\u25CF", outline: null };

  // page: { data (the payload), state (the filters and the lane grouping), shown() (indices of
  // the events that pass the filters, in date order), docOf(mention), graph (the plotly div) }.
  parts.figure = function (page) {
    var DATA = page.data, EVENTS = page.data.events, state = page.state, docOf = page.docOf, graph = page.graph;

    function laneKeys(ev) {
      if (state.lanes === "actor") return ev.actors.length ? ev.actors : [NO_ACTOR];
      return ev.sources.length ? ev.sources : ["Unknown source"];
    }

    // Maps keyed by lane names are made with Object.create(null): a source may be called
    // "constructor" or "__proto__", which a plain object already "has".

    // Lane names, busiest first (then by name).
    function byCount(events) {
      var counts = Object.create(null);
      events.forEach(function (ev) {
        laneKeys(ev).forEach(function (k) { counts[k] = (counts[k] || 0) + 1; });
      });
      return Object.keys(counts).sort(function (a, b) {
        return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0);
      });
    }

    function byName(a, b) {
      if (a === NO_ACTOR) return 1;
      if (b === NO_ACTOR) return -1;
      return a.localeCompare(b, "en");
    }

    // Lanes for the events on show: the busiest MAX_LANES in alphabetical order, then "Other".
    function chooseLanes(drawn) {
      var names = byCount(drawn);
      var kept = names.slice(0, MAX_LANES).sort(byName);
      var other = names.length > MAX_LANES ? (state.lanes === "actor" ? "Other actors" : "Other sources") : null;
      return { kept: kept, other: other };
    }

    // Each lane's place among all the lanes of the current grouping, in the order the unfiltered
    // chart shows them, worked out once per grouping. Styles come from this place, not from the
    // lane's position among those on show, so a lane keeps its colour and shape whatever the
    // filters hide.
    var places = {};

    function lanePlace(lane) {
      if (!places[state.lanes]) {
        var names = byCount(EVENTS.filter(function (ev) { return ev.t0 !== null; }));
        var order = names.slice(0, MAX_LANES).sort(byName).concat(names.slice(MAX_LANES));
        var place = places[state.lanes] = Object.create(null);
        order.forEach(function (n, i) { place[n] = i; });
      }
      return places[state.lanes][lane];
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

    // The look of a lane: a colour, and past the palette's end a marker shape and an outline. The
    // "Other" lane is a mixture, so it gets a neutral grey of its own.
    function laneStyle(lane) {
      var li = lanePlace(lane);
      if (li === undefined) return OTHER_STYLE;
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
      var drawn = page.shown().map(function (i) { return EVENTS[i]; }).filter(function (ev) { return ev.t0 !== null; });
      var lanes = chooseLanes(drawn);
      var laneNames = lanes.kept.slice();
      if (lanes.other) laneNames.push(lanes.other);
      var items = Object.create(null);
      laneNames.forEach(function (n) { items[n] = []; });
      var lo = Infinity, hi = -Infinity;
      var light = drawn.length > LIGHT_FROM;
      drawn.forEach(function (ev) {
        var seen = Object.create(null), placed = false;
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
        var style = laneStyle(lane);
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
      if (laneNames.some(function (lane) { return lanePlace(lane) >= PALETTE.length; })) {
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

    function zoomTo(ev) {
      var pad = Math.max((ev.t1 - ev.t0) * 2, 45 * DAY);
      Plotly.relayout(graph, { "xaxis.range": [isoDay(ev.t0 - pad), isoDay(ev.t1 + pad)] });
      graph.scrollIntoView({ block: "nearest", behavior: "auto" });
    }

    return { draw: drawFigure, zoomTo: zoomTo };
  };
})(window.chronologyParts = window.chronologyParts || {});
