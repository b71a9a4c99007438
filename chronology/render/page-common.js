/* What the timeline page's modules share: DOM and text helpers, date arithmetic, constants.
 *
 * The page inlines page-common.js, page-figure.js and page.js in that order, in one script element;
 * each module adds its part to window.chronologyParts and page.js puts them together. Plotly
 * strings go through plotlyText(); DOM text only through textContent (el()), never innerHTML.
 */
(function (parts) {
  "use strict";

  var DAY = 86400000;

  function mark(name) { if (window.performance && performance.mark) performance.mark("chronology:" + name); }

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

  parts.common = {
    DAY: DAY,
    NO_ACTOR: "No actor named",
    $: function (id) { return document.getElementById(id); },
    mark: mark,
    el: el,
    plotlyText: plotlyText,
    clip: clip,
    fold: fold,
    ms: ms,
    isoDay: isoDay
  };
})(window.chronologyParts = window.chronologyParts || {});
