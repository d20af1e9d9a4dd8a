/* Render anywidget widgets from a page's saved widget state, with no kernel and no
   widget manager.

   myst-nb saves the state of an executed notebook's widgets in the page and marks
   each output with a view (<script type="application/vnd.jupyter.widget-view+json">);
   book/_ext/offline_widgets.py moves the anywidget models of that state into
   <script type="application/vnd.anywidget-static.state+json">, which this reads.
   For an anywidget model, the state holds the widget's own ES module (`_esm`)
   and CSS (`_css`): this script imports the module from a blob URL, as
   anywidget's front end does, and calls its `render({model, el})` with a small
   model that keeps the state in the page (get, set, on, off, save_changes, send).
   It works from http:// and from file://. Pages whose widgets are all anywidgets
   need neither require.js nor the 3.6 MB html-manager.
*/
(function () {
  "use strict";

  function savedState() {
    var models = {};
    document.querySelectorAll('script[type="application/vnd.anywidget-static.state+json"]').forEach(function (tag) {
      var state = JSON.parse(tag.textContent).state || {};
      Object.keys(state).forEach(function (id) { models[id] = state[id]; });
    });
    return models;
  }

  function staticModel(values) {
    var handlers = {};
    function emit(name) {
      (handlers[name] || []).slice().forEach(function (callback) { callback(); });
    }
    return {
      get: function (key) { return values[key]; },
      set: function (key, value) {
        var changes = {};
        if (typeof key === "object") changes = key; else changes[key] = value;
        var changed = Object.keys(changes).filter(function (k) {
          var same = JSON.stringify(values[k]) === JSON.stringify(changes[k]);
          values[k] = changes[k];
          return !same;
        });
        changed.forEach(function (k) { emit("change:" + k); });
        if (changed.length) emit("change");
      },
      on: function (name, callback) { (handlers[name] = handlers[name] || []).push(callback); },
      off: function (name, callback) {
        if (!name) { handlers = {}; return; }
        handlers[name] = (handlers[name] || []).filter(function (f) { return callback && f !== callback; });
      },
      save_changes: function () {},  // no kernel to send them to
      send: function () {},
      widget_manager: {},
    };
  }

  var modules = {};  // one import per module text
  function load(esm) {
    if (!modules[esm]) {
      var url = URL.createObjectURL(new Blob([esm], {type: "text/javascript"}));
      modules[esm] = import(url).finally(function () { URL.revokeObjectURL(url); });
    }
    return modules[esm];
  }

  function addCss(css, id) {
    if (!css || document.querySelector('style[data-anywidget="' + id + '"]')) return;
    var style = document.createElement("style");
    style.setAttribute("data-anywidget", id);
    style.textContent = css;
    document.head.appendChild(style);
  }

  function renderAll() {
    var models = savedState();
    document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').forEach(function (tag) {
      var entry = models[JSON.parse(tag.textContent).model_id];
      if (!entry || entry.model_module !== "anywidget" || !entry.state._esm) return;
      var values = Object.assign({}, entry.state);
      var host = document.createElement("div");
      host.className = "anywidget-static";
      tag.parentNode.insertBefore(host, tag);
      addCss(values._css, values._anywidget_id || "anywidget");
      load(values._esm).then(function (mod) {
        var widget = mod.default && typeof mod.default === "object" ? mod.default : mod;
        var model = staticModel(values);
        return Promise.resolve(widget.initialize ? widget.initialize({model: model}) : null).then(function () {
          return widget.render({model: model, el: host});
        });
      }).catch(function (error) {
        console.error("anywidget-static: could not render a widget:", error);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", renderAll);
  else renderAll();
})();
