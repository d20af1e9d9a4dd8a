"""Serve the JavaScript that renders saved ipywidgets state from the book itself.

myst-nb embeds the widget state of an executed notebook in its page and, by
default, loads require.js and `@jupyter-widgets/html-manager` from public
CDNs: offline, no widget renders. This extension:

1. takes pinned copies of `requirejs` and `@jupyter-widgets/html-manager`
   (the version that renders ipywidgets 8 state) from the npm registry with
   the book's npm fetcher (`npm_assets`: `npm pack`, checked against their
   published SHA-512 integrity, cached in `_build/.npm/`; fetched once, later
   builds need no network);
2. points myst-nb's `nb_ipywidgets_js` at local copies under `_static/`
   (myst-nb takes keys that are not URLs relative to `_static/`);
3. on every page that embeds widget state, adds one small inline script
   before them (see `PAGE_SCRIPT`): it sets require.js's `baseUrl` to
   `_static/jupyter-widgets/`, so that html-manager, which derives the URL of
   its font files from require.js's base URL (by default the page's own
   folder), finds them in one place for pages at any depth; and it gives
   MathJax 3 the `MathJax.Hub.Queue` of MathJax 2 that ipywidgets 8 calls to
   typeset widget labels (without it, every widget with a description throws
   "Cannot read properties of undefined (reading 'Queue')"); and it asks the
   theme's Font Awesome script to nest its SVG icons inside `<i>` elements
   instead of replacing them: ipywidgets' `Play` button looks up its `<i>`
   icon on every change, and throws when it was replaced, which stops the
   slider's other links and the Play button itself (inside widgets, the nested
   SVG is hidden: html-manager draws the icon with its own font) (with the CDN fallback
   below, the page gets these two fixes but keeps the default base URL);
4. after the build, copies the packages into `_static/jupyter-widgets/`,
   with html-manager's font files where it requests them.

5. takes the anywidget models (the gate explorer and the block stepper,
   `lstm/explorers/anywidgets.py`) out of the state that html-manager reads, into a script of
   their own that `_static/anywidget-static.js` (a few kB, from `book/_static/`)
   renders: it imports each widget's own ES module from the saved state, as
   anywidget's front end does in Jupyter. html-manager skips views whose model is
   not in its state. A page whose widgets are all anywidgets loads neither
   require.js nor html-manager (3.6 MB) (`split_state`).

Without `npm` (or when the registry cannot be reached and nothing is cached),
the pages load the same pinned versions from the public CDN, and the build says
so in one warning (`offline_widgets.cdn`): widgets then need a network.
The third-party files are never committed: they live in `_build/` only.
"""

import shutil
from pathlib import Path

from sphinx.util import logging

import npm_assets

logger = logging.getLogger(__name__)

# name, version, npm's published `dist.integrity` (checked after download).
PACKAGES = {
    "requirejs": ("2.3.7", "sha512-DouTG8T1WanGok6Qjg2SXuCMzszOo0eHeH9hDZ5Y4x8Je+9JB38HdTLT4/VA8OaUhBa0JPVHJ0pyBkM1z+pDsw=="),
    "@jupyter-widgets/html-manager": ("1.0.15", "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA=="),
}
STATIC = "jupyter-widgets"  # folder under _static/: require.js's base URL on widget pages
MANAGER_DIST = "@jupyter-widgets/html-manager/dist"  # under STATIC, as on the npm CDN
LOCAL_JS = {  # myst-nb resolves these relative to _static/
    f"{STATIC}/requirejs/require.js": {},
    f"{STATIC}/{MANAGER_DIST}/embed-amd.js": {},
}
CDN_JS = {
    "https://cdn.jsdelivr.net/npm/requirejs@2.3.7/require.js": {"crossorigin": "anonymous"},
    "https://cdn.jsdelivr.net/npm/@jupyter-widgets/html-manager@1.0.15/dist/embed-amd.js": {
        "data-jupyter-widgets-cdn": "https://cdn.jsdelivr.net/npm/", "crossorigin": "anonymous"},
}
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".eot", ".svg")
FONT_DIRS = ("@jupyter-widgets", MANAGER_DIST)  # where html-manager's modules look for fonts

# Runs before require.js on widget pages (the shims; BASE_URL first when served locally).
BASE_URL = 'var require = {baseUrl: "%s"};  // the page\'s path to _static/jupyter-widgets/\n'
PAGE_SCRIPT = """
window.FontAwesomeConfig = Object.assign(window.FontAwesomeConfig || {}, {autoReplaceSvg: "nest"});
(function () {  // widgets draw their icons with html-manager's own icon font: hide the nested SVG copy
  var style = document.createElement("style");
  style.textContent = ".jupyter-widgets i.fa > svg.svg-inline--fa { display: none; }";
  document.head.appendChild(style);
})();
(function () {
  var hub = {Queue: function (job) {
    var mj = window.MathJax, el = job && job[2];
    if (el && mj && typeof mj.typesetPromise === "function") { mj.typesetPromise([el]).catch(function () {}); }
  }};
  function withHub(mj) {
    if (mj && typeof mj === "object" && !Object.prototype.hasOwnProperty.call(mj, "Hub")) {
      Object.defineProperty(mj, "Hub", {value: hub, configurable: true});
    }
    return mj;
  }
  var current = withHub(window.MathJax);
  try {
    Object.defineProperty(window, "MathJax", {configurable: true, enumerable: true,
      get: function () { return current; }, set: function (value) { current = withHub(value); }});
  } catch (e) { /* MathJax was declared with var: its object has the Hub already */ }
})();
"""


def package_dir(root, name):
    """The unpacked package `name` in the npm cache `root` (see `npm_assets`)."""
    return root / f"{name}@{PACKAGES[name][0]}" / "package"


def fetch(root):
    """Fetch the pinned packages into `root` unless cached (`npm_assets.fetch`).

    Returns:
        `None` on success, else a short reason why the packages are missing.
    """
    for name, (version, integrity) in PACKAGES.items():
        _package, problem = npm_assets.fetch(root, name, version, integrity)
        if problem is not None:
            return problem
    return None


def configure(app, config):
    """At `config-inited`: fetch the packages and point myst-nb at them."""
    from myst_nb.core.config import ipywidgets_js_factory

    if config.nb_ipywidgets_js != ipywidgets_js_factory():
        logger.info("offline_widgets: nb_ipywidgets_js is set in the configuration; leaving it as is")
        app.offline_widgets_root = app.offline_widgets_mode = None
        return
    root = npm_assets.cache_root(app)
    problem = fetch(root)
    if problem is None:
        config.nb_ipywidgets_js = dict(LOCAL_JS)
        app.offline_widgets_root, app.offline_widgets_mode = root, "local"
    else:
        config.nb_ipywidgets_js = dict(CDN_JS)
        app.offline_widgets_root, app.offline_widgets_mode = None, "cdn"
        logger.warning(
            f"offline_widgets: {problem}; widget pages will load require.js and html-manager from "
            "the public CDN (jsdelivr), so their widgets need a network connection. Install npm "
            "(and reach the npm registry once) to serve them from the book.",
            type="offline_widgets", subtype="cdn")


ANYWIDGET_SCRIPT = "anywidget-static.js"  # in book/_static/
ANYWIDGET_STATE = "application/vnd.anywidget-static.state+json"  # what that script reads
BASE_MODULES = {"@jupyter-widgets/base"}  # layout and style models, which every widget has


def split_state(state_json):
    """Split a page's saved widget state into its anywidget models and the rest.

    Returns:
        `(anywidgets, others)`: two widget-state documents (dicts) with the same
        version keys; `others` is `None` when the page has no widget but
        anywidgets (its base layout and style models need no manager).
    """
    import json

    document = json.loads(state_json)
    models = document.get("state", {})
    anywidgets = {k: m for k, m in models.items() if m.get("model_module") == "anywidget"}
    others = {k: m for k, m in models.items() if k not in anywidgets}
    versions = {k: value for k, value in document.items() if k != "state"}
    needs_manager = any(m.get("model_module") not in BASE_MODULES for m in others.values())
    return {**versions, "state": anywidgets}, ({**versions, "state": others} if needs_manager else None)


def add_page_script(app, pagename, templatename, context, doctree):
    """At `html-page-context`, before myst-nb adds the page's JS (see the module docstring):
    anywidget models go to `anywidget-static.js`; the manager (with `PAGE_SCRIPT`) is
    loaded only for the other widgets, if there are any."""
    mode = getattr(app, "offline_widgets_mode", None)
    if app.builder.format != "html":
        return
    import json

    from myst_nb.core.render import sanitize_script_content
    from myst_nb.sphinx_ import NbMetadataCollector

    if pagename not in app.env.metadata:
        return
    js_files = NbMetadataCollector.get_js_files(app.env, pagename)
    if "ipywidgets_state" not in js_files:
        return
    uri, kwargs = js_files["ipywidgets_state"]
    anywidgets, others = split_state(kwargs["body"])
    if anywidgets["state"]:
        js_files["anywidget_state"] = (None, {"type": ANYWIDGET_STATE,
                                              "body": sanitize_script_content(json.dumps(anywidgets))})
        js_files["anywidget_static"] = (ANYWIDGET_SCRIPT, {})
        if others is None:
            for key in [key for key in js_files if key.startswith("ipywidgets_")]:
                del js_files[key]
            return
        js_files["ipywidgets_state"] = (uri, {**kwargs, "body": sanitize_script_content(json.dumps(others))})
    if mode is None:
        return
    script = PAGE_SCRIPT
    if mode == "local":
        script = BASE_URL % context["pathto"](f"_static/{STATIC}/", 1) + script
    app.add_js_file(None, body=script, priority=450)


def install(app, exception):
    """At `build-finished`: copy the packages and the fonts into the HTML output."""
    root = getattr(app, "offline_widgets_root", None)
    if exception is not None or root is None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static" / STATIC
    require = package_dir(root, "requirejs")
    manager = package_dir(root, "@jupyter-widgets/html-manager")
    static.joinpath("requirejs").mkdir(parents=True, exist_ok=True)
    for name in ("require.js", "LICENSE", "package.json"):
        if (require / name).is_file():
            shutil.copy2(require / name, static / "requirejs" / name)
    npm_assets.copy_tree(manager / "dist", static / MANAGER_DIST)
    shutil.copy2(manager / "package.json", static / MANAGER_DIST / ".." / "package.json")
    fonts = [p for p in (manager / "dist").iterdir() if p.suffix in FONT_SUFFIXES]
    for folder in FONT_DIRS:
        for font in fonts:
            target = static / folder / font.name
            if not target.is_file():
                shutil.copy2(font, target)
    logger.info(f"offline_widgets: require.js and html-manager served from _static/{STATIC}/")


def setup(app):
    app.connect("config-inited", configure)
    app.connect("html-page-context", add_page_script, priority=400)  # before myst-nb's (500)
    app.connect("build-finished", install)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
