/* Accessibility fixes to the theme's buttons (axe-core's `label-content-name-mismatch`):
   a control's accessible name must contain the text it shows.
   - The search buttons show "Search this book..." and a keyboard shortcut but are named
     "Search" by an aria-label: drop the aria-label, so their visible text names them.
   - The colour-mode button shows only icons, which Font Awesome draws as SVG with a
     <title> ("Light", "Dark", "System Settings") that counts as the button's text:
     hide the icons and drop those titles, so its aria-label alone names it (the
     button keeps its tooltip, which comes from data-bs-title).
   Font Awesome replaces icons after the page loads, so the icons are hidden again
   whenever the button's content changes.
   On Japanese pages, the theme's landmark and button names that its catalog leaves
   in English ("Main", "Page", "Toggle primary sidebar"...) are given in Japanese. */
(function () {
  "use strict";
  var JA = {
    "Main": "メイン", "Page": "このページ",
    "Toggle primary sidebar": "左のサイドバーを開閉", "Toggle secondary sidebar": "ページ内の目次を開閉",
    "Toggle hidden content": "隠れた内容を開閉",  // sphinx-togglebutton's button of a folded block
  };
  function translate() {
    if (document.documentElement.lang !== "ja") return;
    ["aria-label", "title"].forEach(function (name) {
      document.querySelectorAll("[" + name + "]").forEach(function (node) {
        var value = JA[node.getAttribute(name)];
        if (value) node.setAttribute(name, value);
      });
    });
  }
  function fix() {
    translate();
    document.querySelectorAll(".search-button__button[aria-label]").forEach(function (button) {
      if (button.textContent.trim()) button.removeAttribute("aria-label");
    });
    document.querySelectorAll(".theme-switch-button").forEach(function (button) {
      button.querySelectorAll("i, svg, span").forEach(function (icon) {
        if (icon.getAttribute("aria-hidden") !== "true") icon.setAttribute("aria-hidden", "true");
        icon.removeAttribute("aria-labelledby");
      });
      button.querySelectorAll("svg title").forEach(function (title) { title.remove(); });
      if (!button.lstmObserved) {
        button.lstmObserved = true;
        new MutationObserver(fix).observe(button, {childList: true, subtree: true});
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
  window.addEventListener("load", fix);
})();
