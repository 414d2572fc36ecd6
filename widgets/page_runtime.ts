/**
 * The script a notebook page runs for nnlab's figures, as source text. It travels with
 * plotly.js in the one output that carries the bundle (see html.ts) and defines
 * `window.nnlab`:
 *
 * - `drain()` draws every figure queued in `window.nnlabQueue` (figure outputs push
 *   `[elementId, figure, { live }]` and call it; outputs rendered before the bundle arrived
 *   wait in the queue), replacing each static image once plotly has drawn;
 * - a live figure (`{ live: displayId }`) keeps its plot element across updates: the new
 *   output adopts it and `Plotly.react` redraws in place, keeping zoom (`uirevision`), the
 *   smoothing slider and the log/linear menu as the student left them;
 * - the "ewa" slider recomputes every trace whose `meta.nnlab.ewaOf` names its raw trace,
 *   with the same formula as `optim.ewa`: v ← βv + (1−β)y, v̂ = v/(1−βᵗ).
 *
 * Plain ES2015, no dependencies; version-stamped so a newer carrier replaces an older one.
 */
export function pageRuntime(version: string): string {
  return RUNTIME.replace("__VERSION__", version);
}

const RUNTIME = `(function () {
  "use strict";
  var VERSION = "__VERSION__";
  var old = window.nnlab;
  if (old && old.version === VERSION) { old.drain(); return; }
  var live = (old && old.live) || {};
  var nnlab = (window.nnlab = { version: VERSION, live: live, drain: drain, ewa: ewa });

  function drain() {
    if (!window.Plotly) return;
    var queue = window.nnlabQueue || [];
    window.nnlabQueue = [];
    queue.forEach(function (item) { draw(item, 0); });
  }

  function draw(item, tries) {
    var id = item[0], fig = item[1], opts = item[2] || {};
    var host = document.getElementById(id);
    if (!host) {
      if (tries < 50) setTimeout(function () { draw(item, tries + 1); }, 100);
      return;
    }
    var gd = opts.live ? live[opts.live] : null;
    if (gd) carry(gd, fig);
    else {
      gd = document.createElement("div");
      gd.className = "nnlab-plot";
    }
    if (gd.parentNode !== host) host.appendChild(gd);
    if (opts.live) live[opts.live] = gd;
    Promise.resolve(window.Plotly.react(gd, fig.data, fig.layout, fig.config || {})).then(
      function () {
        var img = host.querySelector(".nnlab-static");
        if (img) img.parentNode.removeChild(img);
        wire(gd);
      },
      function (err) { console.error("nnlab: plotly could not draw figure " + id, err); }
    );
  }

  function named(list, name) {
    return (list || []).filter(function (x) { return x && x.name === name; })[0];
  }

  function setPath(obj, updates) {
    Object.keys(updates).forEach(function (path) {
      var keys = path.split("."), o = obj;
      for (var i = 0; i < keys.length - 1; i++) o = o[keys[i]] = o[keys[i]] || {};
      o[keys[keys.length - 1]] = updates[path];
    });
  }

  function carry(gd, fig) {
    var before = gd.layout || {};
    (fig.layout.sliders || []).forEach(function (s) {
      var o = named(before.sliders, s.name);
      if (o && o.active !== undefined) s.active = o.active;
    });
    (fig.layout.updatemenus || []).forEach(function (m) {
      var o = named(before.updatemenus, m.name);
      if (!o || o.active === undefined || o.active === m.active) return;
      var button = (m.buttons || [])[o.active];
      m.active = o.active;
      if (button && button.method === "relayout") setPath(fig.layout, button.args[0]);
    });
    var beta = sliderBeta(fig.layout);
    if (beta !== null) smoothed(fig.data, beta).forEach(function (s) { fig.data[s.index].y = s.y; });
  }

  function sliderBeta(layout) {
    var s = named(layout.sliders, "ewa");
    var step = s && s.steps && s.steps[s.active || 0];
    return step ? Number(step.value) : null;
  }

  function smoothed(data, beta) {
    var out = [];
    data.forEach(function (t, i) {
      var m = t.meta && t.meta.nnlab;
      if (m && m.ewaOf !== undefined) out.push({ index: i, y: ewa(data[m.ewaOf].y || [], beta, m.biasCorrection) });
    });
    return out;
  }

  function wire(gd) {
    if (gd.nnlabWired) return;
    gd.nnlabWired = true;
    gd.on("plotly_sliderchange", function (e) {
      if (!e || !e.slider || e.slider.name !== "ewa") return;
      var s = smoothed(gd.data, Number(e.step.value));
      if (s.length) window.Plotly.restyle(gd, { y: s.map(function (x) { return x.y; }) }, s.map(function (x) { return x.index; }));
    });
  }

  function ewa(y, beta, corrected) {
    var v = 0, out = new Array(y.length);
    for (var t = 0; t < y.length; t++) {
      v = beta * v + (1 - beta) * y[t];
      out[t] = corrected ? v / (1 - Math.pow(beta, t + 1)) : v;
    }
    return out;
  }

  nnlab.drain();
})();`;
