/* The timeline page's behaviour: the filters, the event list and the keyboard, kept in step with
 * the figure (page-figure.js); helpers from page-common.js. Inlined after both.
 *
 * Data comes from the JSON payload embedded in the page (built by chronology/render/payload.py).
 * Every piece of document text reaches the DOM through textContent; no data is ever assigned to
 * innerHTML. Links are made only from URLs the payload already vetted (http/https).
 */
(function (parts) {
  "use strict";

  var c = parts.common;
  var DAY = c.DAY, NO_ACTOR = c.NO_ACTOR, $ = c.$, mark = c.mark, el = c.el, fold = c.fold, ms = c.ms;
  mark("start");
  var DATA = JSON.parse(document.getElementById("chronology-data").textContent);
  mark("parsed");
  var EVENTS = DATA.events;
  var DOCS = DATA.documents;
  var LIST_CHUNK = 120;      // list items rendered at once; more arrive as the reader scrolls

  var state = { q: "", source: "", actor: "", from: "", to: "", lanes: "source" };
  var shown = [];            // indices into EVENTS that pass the filters, in date order
  var rendered = 0;          // how many of `shown` are in the list
  var lastYear = null;

  var graph = $("timeline");
  var list = $("event-list");

  function docOf(mention) { return mention.doc >= 0 ? DOCS[mention.doc] : null; }

  var figure = parts.figure({ data: DATA, state: state, shown: function () { return shown; }, docOf: docOf, graph: graph });
  var drawFigure = figure.draw, zoomTo = figure.zoomTo;

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


  // ---- controls ------------------------------------------------------------------------------

  function fillSelect(select, names, counts) {
    names.forEach(function (n) {
      var o = el("option", null, n + " (" + counts[n] + ")");
      o.value = n;
      select.appendChild(o);
    });
  }

  function setUpControls() {
    // No prototype: a source or actor may be called "constructor".
    var sourceCounts = Object.create(null), actorCounts = Object.create(null), anyNoActor = 0;
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
})(window.chronologyParts);
