/*
 * How the book's search ranks its results and what it shows under each one.
 *
 * conf.py names this file as html_search_scorer, so Sphinx copies it into
 * language_data.js, which only the search page loads, after searchtools.js.
 *
 * Ranking. Sphinx scores every page that merely contains a word alike (5, or 15
 * when the word is in the page title) and breaks ties alphabetically, so after
 * the first few hits the list reads A to Z. Here:
 *  - a heading that matches the query (a page or section title) or an index
 *    entry (the glossary's terms are) comes before any page that only mentions
 *    the words;
 *  - among those pages, one that uses the words more often ranks higher
 *    (_static/searchweights.js, written by _ext/website/search_weights.py, gives the counts the
 *    index lacks), and one with a section heading that holds a word gets a bonus.
 *
 * Snippets. Sphinx shows 240 characters of the page's text content around the
 * word, which runs table cells and the header's button labels together. Here the
 * snippet is the first paragraph or list item that holds the word (a table row,
 * its cells separated, if only a table does); for a page whose title matched, its
 * first paragraph. No words of its own: nothing here needs translating.
 */
"use strict";

var Scorer = {
  // Sphinx's defaults, kept for the scores it computes itself
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
  // A full-text hit scores at most 15 + 10 + 5, so these always come first.
  headingBonus: 40,
  frequencyMax: 10,
  sectionHeadingBonus: 5,

  score: (result) => MlsdSearch.score(result),
};

const MlsdSearch = {
  terms: [], // the query's stemmed words, as Search._parseQuery found them
  headings: null, // file index -> every heading of that page, lower case

  score: (result) => {
    const [docname, , , , score, , kind] = result;
    if (kind === "title" || kind === "index") return score + Scorer.headingBonus;
    if (kind !== "text" || !MlsdSearch.terms.length) return score;
    // How often the page uses each word (log2: 0 when once), weighted by how rare
    // the word is in the book (log of pages / pages that hold it), as tf-idf does.
    const index = Search._index;
    const pages = index.docnames.length;
    const uses = MlsdSearch.terms.map((term) => {
      const holders = [].concat(index.terms[term] || index.titleterms[term] || []).length || 1;
      return Math.log2(MlsdSearch.count(docname, term)) * Math.log(pages / holders);
    });
    const frequency = Math.min(
      Scorer.frequencyMax,
      (2 * uses.reduce((a, b) => a + b, 0)) / uses.length,
    );
    const headings = MlsdSearch.headingsOf(docname);
    const inHeading = MlsdSearch.terms.some((term) => headings.includes(term));
    const total = score + frequency + (inHeading ? Scorer.sectionHeadingBonus : 0);
    return Math.round(total * 100) / 100;
  },

  // How often a page uses a (stemmed) word: window.mlsdSearchWeights = {docs: [page, ...],
  // terms: {term: [doc, count, doc, count, ...]}}, with only counts above 1.
  count: (docname, term) => {
    const weights = window.mlsdSearchWeights;
    if (!weights || !Object.prototype.hasOwnProperty.call(weights.terms, term)) return 1;
    const doc = weights.docs.indexOf(docname);
    const found = weights.terms[term];
    for (let i = 0; i < found.length; i += 2) if (found[i] === doc) return found[i + 1];
    return 1;
  },

  headingsOf: (docname) => {
    const index = Search._index;
    if (!index) return "";
    if (MlsdSearch.headings === null) {
      MlsdSearch.headings = new Map();
      for (const [title, places] of Object.entries(index.alltitles || {})) {
        for (const [file] of places) {
          const before = MlsdSearch.headings.get(file) || "";
          MlsdSearch.headings.set(file, `${before}\n${title.toLowerCase()}`);
        }
      }
    }
    return MlsdSearch.headings.get(index.docnames.indexOf(docname)) || "";
  },

  // -- snippets ------------------------------------------------------------------
  chrome: [
    ".headerlink", "script", "style", "button", "nav", "footer",
    ".bd-header-article", ".prev-next-area", ".practice-mode-bar", ".qanda-meta", ".qanda-title",
  ].join(", "),
  prose: "p, li:not(:has(p)), dd:not(:has(p)), dt",
  width: 220,

  clean: (element) => element.textContent.replace(/\s+/g, " ").trim(),

  // A row of a table as "cell · cell · cell".
  rowText: (cell) => {
    const row = cell.closest("tr");
    if (!row) return MlsdSearch.clean(cell);
    return [...row.children].map(MlsdSearch.clean).filter(Boolean).join(" · ");
  },

  // At most `width` characters of text around its first match, cut between words.
  around: (text, words) => {
    if (text.length <= MlsdSearch.width) return text;
    const lower = text.toLowerCase();
    const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), text.length);
    let start = at === text.length ? 0 : Math.max(0, Math.min(at - 60, text.length - MlsdSearch.width));
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(text.length, start + MlsdSearch.width);
    const space = text.lastIndexOf(" ", end);
    if (end < text.length && space > start) end = space;
    return (start > 0 ? "… " : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
  },

  summary: (htmlText, keywords, anchor) => {
    const page = new DOMParser().parseFromString(htmlText, "text/html");
    const words = [...keywords].map((word) => word.toLowerCase()).filter(Boolean);
    const has = (text) => words.some((word) => text.toLowerCase().includes(word));
    const main = page.querySelector("article.bd-article") || page.querySelector('[role="main"]');
    let text = "";
    if (main) {
      main.querySelectorAll(MlsdSearch.chrome).forEach((element) => element.remove());
      let scope = main;
      if (anchor) {
        try {
          scope = main.querySelector(anchor) || main;
        } catch (error) {
          scope = main;
        }
      }
      // a glossary entry: its definition
      if (scope.tagName === "DT" && scope.nextElementSibling) scope = scope.nextElementSibling;
      const heading = page.querySelector("h1");
      const blocks = [...scope.querySelectorAll(MlsdSearch.prose)].map(MlsdSearch.clean).filter(Boolean);
      // a page found by its title: how it begins
      if (!anchor && heading && has(MlsdSearch.clean(heading))) text = blocks[0] || "";
      // the first block that holds the most of the words
      const found = (block) => words.filter((word) => block.toLowerCase().includes(word)).length;
      if (!text) text = blocks.reduce((best, block) => (found(block) > found(best) ? block : best), "");
      if (!text) {
        const cell = [...scope.querySelectorAll("td, th")].find((c) => has(MlsdSearch.clean(c)));
        if (cell) text = MlsdSearch.rowText(cell);
      }
      if (!text) text = blocks[0] || "";
    }
    const paragraph = document.createElement("p");
    paragraph.classList.add("context");
    paragraph.textContent = MlsdSearch.around(text, words);
    return paragraph;
  },
};

(() => {
  if (typeof Search === "undefined") return; // loaded on a page without Sphinx's search
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = parseQuery(query);
    MlsdSearch.terms = [...parsed[1]]; // the stemmed words a page must hold
    return parsed;
  };
  Search.makeSearchSummary = MlsdSearch.summary;
})();
