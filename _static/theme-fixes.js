/*
 * Three small repairs to the theme, loaded in <head>, and the one word lookup
 * the book's scripts share.
 *
 * 1. Until a reader picks light or dark with the theme's switch, the theme
 *    leaves its mode empty, logs that as an error in the console and then
 *    falls back to the system setting. Starting from "auto" gives the same
 *    page without the error. This must run before the theme's own script.
 * 2. The arrows that open a section of the sidebar's table of contents are
 *    <summary> elements holding only an icon, so a screen reader announces
 *    nothing. Each gets a name that says which part of the book it opens.
 * 3. A link to a section inside a folded "Depth on demand" (a <details>
 *    element) opens the fold, so the target is visible in every browser.
 *
 * window.mlsdTranslate(text, values) gives a script's words in the page's
 * language: window.mlsdMessages[<html lang>] when the build wrote a catalog for
 * it (_static/locale/<lang>.js, from the qanda message catalog), English
 * otherwise, word by word; {name} blanks are filled from values. This file runs
 * first, so the deferred practice-mode.js can rely on it.
 */
(function () {
  "use strict";

  function translate(text, values) {
    var catalogs = window.mlsdMessages || {};
    var lang = (document.documentElement.lang || "").replace(/_/g, "-").toLowerCase();
    var words = catalogs[lang] || catalogs[lang.split("-")[0]] || {};
    var out = Object.prototype.hasOwnProperty.call(words, text) ? words[text] : text;
    return out.replace(/\{(\w+)\}/g, function (blank, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : blank;
    });
  }
  window.mlsdTranslate = translate;
  var t = translate;

  if (!document.documentElement.dataset.mode) {
    document.documentElement.dataset.mode = "auto";
  }

  function nameSidebarToggles() {
    document.querySelectorAll("li.has-children > details > summary").forEach(function (summary) {
      if (summary.hasAttribute("aria-label") || summary.textContent.trim()) {
        return;
      }
      var link = summary.parentElement.parentElement.querySelector(":scope > a");
      var title = link ? link.textContent.trim() : t("this section");
      summary.setAttribute("aria-label", t("Pages in {title}", { title: title }));
    });
  }

  function openFoldAroundTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") {
        node.open = true;
      }
    }
    if (target) {
      target.scrollIntoView();
    }
  }

  function start() {
    nameSidebarToggles();
    if (window.location.hash) {
      openFoldAroundTarget();
    }
  }

  window.addEventListener("hashchange", openFoldAroundTarget);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
