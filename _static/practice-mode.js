/*
 * Practice mode for the question bank.
 *
 * With practice mode on, an answer page shows its headings only: the answer
 * card, each timed block of the 45-minute path and every other part sit behind
 * a "Reveal" button, so a reader can compare their own attempt one part at a time. The
 * choice is remembered in localStorage and offered on the question bank index
 * (its practice lists carry the class qanda-bank-index) and on every answer page,
 * never on chapter pages. Nothing is hidden until this script runs, so a
 * browser without JavaScript shows every answer in full.
 *
 * Its words come from window.mlsdTranslate (theme-fixes.js): the page's language
 * when the build wrote a catalog for it, English otherwise.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "mlsd-practice-mode";
  var HIDDEN = "practice-hidden";
  var state = { on: false, parts: [], toggle: null };

  /* The page's words in its language (theme-fixes.js, loaded first). */
  var t = window.mlsdTranslate;

  function readChoice() {
    try {
      return window.localStorage.getItem(STORAGE_KEY) === "on";
    } catch (err) {
      return false; // storage blocked (private mode, file:// in some browsers)
    }
  }

  function saveChoice(on) {
    try {
      window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
    } catch (err) {
      /* the choice then lasts for this page only */
    }
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  /* The parts of a worked answer: its summary box and each top-level section. */
  function findParts(article) {
    var parts = [];
    var box = article.querySelector(".qanda-answer");
    if (!box) {
      return parts;
    }
    var boxBody = Array.prototype.filter.call(box.children, function (child) {
      return !child.matches(".qanda-title, .qanda-author");
    });
    if (boxBody.length) {
      // The button goes after the box's heading and author line; on an answer's own
      // page the page title is the heading, so it may open the box.
      var after = box.querySelector(":scope > .qanda-author") || box.querySelector(":scope > .qanda-title");
      parts.push({ name: t("Summary of the design"), anchor: after || box, first: !after, elements: boxBody });
    }
    var page = box.closest("section");
    if (!page) {
      return parts;
    }
    Array.prototype.forEach.call(page.children, function (section) {
      if (section.tagName === "SECTION") {
        addSectionParts(parts, section);
      }
    });
    return parts;
  }

  /* A section is one part; a section with sub-sections (the 45-minute path's
     timed blocks) gives its own text as one part and each sub-section as another. */
  function addSectionParts(parts, section) {
    var heading = section.querySelector(":scope > h2, :scope > h3");
    if (!heading) {
      return;
    }
    var subsections = section.querySelectorAll(":scope > section");
    var body = Array.prototype.filter.call(section.children, function (child) {
      return child !== heading && child.tagName !== "SECTION" && !child.matches("span:empty");
    });
    if (body.length) {
      parts.push({ name: headingText(heading), anchor: heading, elements: body });
    }
    subsections.forEach(function (sub) { addSectionParts(parts, sub); });
  }

  function reveal(part) {
    part.elements.forEach(function (el) { el.classList.remove(HIDDEN); });
    if (part.button) {
      part.button.remove();
      part.button = null;
    }
  }

  function conceal(part) {
    if (part.button) {
      return;
    }
    part.elements.forEach(function (el) { el.classList.add(HIDDEN); });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "practice-reveal";
    button.textContent = t("Reveal: {part}", { part: part.name });
    button.addEventListener("click", function () {
      reveal(part);
      var first = part.elements[0];
      if (first) {
        if (!first.hasAttribute("tabindex")) {
          first.setAttribute("tabindex", "-1");
        }
        first.focus({ preventScroll: true });
      }
    });
    part.anchor.insertAdjacentElement(part.first ? "afterbegin" : "afterend", button);
    part.button = button;
  }

  function apply(on) {
    state.on = on;
    document.documentElement.classList.toggle("practice-mode", on);
    state.parts.forEach(on ? conceal : reveal);
    if (state.toggle) {
      state.toggle.setAttribute("aria-pressed", on ? "true" : "false");
      state.toggle.textContent = on ? t("Practice mode: on") : t("Practice mode: off");
    }
  }

  function buildBar(afterElement, hasParts) {
    var bar = document.createElement("div");
    bar.className = "practice-mode-bar";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "practice-mode-toggle";
    toggle.addEventListener("click", function () {
      apply(!state.on);
      saveChoice(state.on);
    });
    var note = document.createElement("span");
    note.className = "practice-mode-note";
    note.textContent = hasParts
      ? t("Hides each part of this answer until you reveal it.")
      : t("Hides the worked answers until you reveal them, one part at a time.");
    bar.appendChild(toggle);
    bar.appendChild(note);
    afterElement.insertAdjacentElement("afterend", bar);
    state.toggle = toggle;
  }

  function start() {
    // The theme's article; "div.body" is where Sphinx's basic themes put the page.
    var article = document.querySelector("article.bd-article") || document.querySelector("div.body");
    if (!article) {
      return;
    }
    var onAnswerPage = !!article.querySelector(".qanda-answer");
    // Not on every page with a practice list: only the question bank's index,
    // whose lists the build marks (chapter pages end with a list too).
    var onBankIndex = !!article.querySelector(".qanda-bank-index");
    if (!onAnswerPage && !onBankIndex) {
      return;
    }
    state.parts = findParts(article);
    var title = article.querySelector("h1");
    if (title) {
      buildBar(title, state.parts.length > 0);
    }
    apply(readChoice());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
