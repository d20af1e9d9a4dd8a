/* The book's search: ranks the book's pages for a query and shows the passage that
   matched, in the reader's language, from a server or from disk (file://).

   The passages (each page's sections as text: `BOOK_SEARCH_PASSAGES`, written by
   book/_ext/bilingual_core/passages.py) are loaded with a <script> tag, so nothing
   is fetched. Words are split and stemmed as Sphinx's index does for this book
   (`splitQuery` and `Stemmer` from language_data.js: Latin words stemmed, runs of
   kana and kanji as overlapping bigrams).

   Ranking, per page (the best of its sections):
     1000 when the page's title holds every word of the query
   +   50 x the share of the query's words in the page's title
   +  200 x the share of the query's terms in the section (heading and text)
   +  100 when the section's heading holds every word of the query
   +   20 x the share of the query's words in the section's heading
   +  BM25 of the section's text (k1 = 1.2, b = 0.75; below 100 for any query here)
   +   10 when the section holds the whole query as written.
   So a chapter whose title names the query comes first, then a section whose
   heading names it, then a section whose text holds it; the passage shown is the
   one that holds most of the query. A page must hold every term of the query.
   Terms are what the index holds (stemmed words, CJK bigrams); for titles and
   headings a run of kana and kanji counts only as a whole (記憶セル, not 記憶). Pages of the reader's
   edition (the search page's <html lang>) come first; the other edition follows
   under its own heading.

   Sphinx's searchtools.js runs the page (the query in ?q=, the status line); this
   file replaces `Search.query`. Pure functions are on `BookSearch` for the tests. */
"use strict";

const BookSearch = (() => {
  const STRINGS = {
    en: {
      title: "Search results",
      found: (n, q) => (n === 1 ? `1 page matches “${q}”.` : `${n} pages match “${q}”.`),
      none: (q) => `No page matches “${q}”. Check the spelling, or try fewer words.`,
      other: { en: "In the English edition", ja: "In the Japanese edition (日本語版)" },
      otherCount: (n) => (n === 1 ? "1 page" : `${n} pages`),
    },
    ja: {
      title: "検索結果",
      found: (n, q) => `「${q}」に一致するページは ${n} 件です。`,
      none: (q) => `「${q}」に一致するページはありません。綴りを確かめるか、語を減らしてみてください。`,
      other: { en: "英語版（English edition）", ja: "日本語版" },
      otherCount: (n) => `${n} 件`,
    },
  };
  const WEIGHT = { title: 1000, titleShare: 50, cover: 200, heading: 100, headingShare: 20, phrase: 10, partial: 0.5, k1: 1.2, b: 0.75 };
  const SNIPPET = { before: 60, length: 220 };
  // The CJK characters of book/_ext/bilingual_core/search.py (CJK_CLASS).
  const CJK = /[\u3005\u3006\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  const stems = new Map();
  let stemmer = null;

  const stem = (word) => {
    if (CJK.test(word)) return word;
    const lower = word.toLowerCase();
    if (!stems.has(lower)) {
      stemmer = stemmer || new Stemmer();
      stems.set(lower, stemmer.stemWord(lower));
    }
    return stems.get(lower);
  };

  /* The terms of `text` as the index sees them: stemmed Latin words, CJK bigrams. */
  const terms = (text) => splitQuery(text || "").map(stem);

  const isStopword = (term) => typeof stopwords !== "undefined" && stopwords.includes(term);

  /* The query's distinct terms, without stopwords. */
  const queryTerms = (query) => [...new Set(terms(query).filter((t) => !isStopword(t)))];

  const counts = (list) => {
    const map = new Map();
    for (const t of list) map.set(t, (map.get(t) || 0) + 1);
    return map;
  };

  /* Index the passages once: term counts per section, document frequencies. */
  const prepare = (pages) => {
    const df = new Map();
    let sections = 0;
    let length = 0;
    const prepared = pages.map((page) => ({
      ...page,
      titleTerms: new Set(terms(page.title)),
      titleText: page.title.normalize("NFKC"),
      sections: page.sections.map((section) => {
        const body = terms(section.text);
        const own = counts(body.concat(terms(section.heading)));
        for (const t of own.keys()) df.set(t, (df.get(t) || 0) + 1);
        sections += 1;
        length += body.length;
        return {
          ...section,
          terms: own,
          length: body.length,
          headingTerms: new Set(terms(section.heading)),
          headingText: section.heading.normalize("NFKC"),
          lower: `${section.heading} ${section.text}`.normalize("NFKC").toLowerCase(),
        };
      }),
    }));
    return { pages: prepared, df, sections, avgLength: length / Math.max(sections, 1) };
  };

  /* How often `term` occurs in `section`: exact, else words that start with it
     (a Latin term of 3 letters or more, counted at half weight), else, for a
     single kana or kanji, every bigram that holds it. */
  const frequency = (section, term) => {
    const exact = section.terms.get(term);
    if (exact) return exact;
    let partial = 0;
    if (CJK.test(term)) {
      if (term.length === 1) for (const [t, n] of section.terms) if (t.includes(term)) partial += n;
      return partial;
    }
    if (term.length < 3) return 0;
    for (const [t, n] of section.terms) if (t.startsWith(term)) partial += n;
    return WEIGHT.partial * partial;
  };

  const idf = (index, term) => {
    const n = index.df.get(term) || 0;
    return Math.log(1 + (index.sections - n + 0.5) / (n + 0.5));
  };

  /* The query's words, for titles and headings: each Latin word (stemmed) and each
     run of kana and kanji as a whole (記憶セル is one word here, not its bigrams). */
  const queryWords = (query) => {
    const out = new Set();
    const runs = new RegExp(`${CJK.source}+`, "g");
    for (const run of query.normalize("NFKC").match(runs) || []) out.add(run);
    for (const word of splitQuery(query.normalize("NFKC").replace(runs, " "))) {
      const term = stem(word);
      if (!isStopword(term)) out.add(term);
    }
    return [...out];
  };

  /* The share of `words` that a title or heading holds (its terms, its text). */
  const share = (terms, text, words) => words.filter((w) =>
    (CJK.test(w) ? text.includes(w) : terms.has(w))).length / words.length;

  /* Points for a title's or heading's share of the query's words: `whole` when it
     holds all of them, plus `part` x the share. */
  const weigh = (fraction, whole, part) => (fraction === 1 ? whole : 0) + part * fraction;

  /* Every page that holds all of the query's terms, best first:
     [{page, section, score}] (`section` is the page's best passage). */
  const rank = (index, query) => {
    const qterms = queryTerms(query);
    const words = queryWords(query);
    if (!qterms.length || !words.length) return [];
    const phrase = query.normalize("NFKC").toLowerCase().trim().replace(/\s+/g, " ");
    const results = [];
    for (const page of index.pages) {
      const found = new Set(qterms.filter((t) => page.titleTerms.has(t)));
      let best = null;
      for (const section of page.sections) {
        let bm25 = 0;
        let covered = 0;
        const norm = 1 - WEIGHT.b + (WEIGHT.b * section.length) / index.avgLength;
        for (const t of qterms) {
          const tf = frequency(section, t);
          if (!tf) continue;
          found.add(t);
          covered += 1;
          bm25 += (idf(index, t) * tf * (WEIGHT.k1 + 1)) / (tf + WEIGHT.k1 * norm);
        }
        const score = (WEIGHT.cover * covered) / qterms.length
          + weigh(share(section.headingTerms, section.headingText, words), WEIGHT.heading, WEIGHT.headingShare)
          + bm25
          + (section.lower.includes(phrase) ? WEIGHT.phrase : 0);
        if (best === null || score > best.score) best = { section, score };
      }
      if (best === null || found.size < qterms.length) continue;
      results.push({ page, section: best.section,
                     score: weigh(share(page.titleTerms, page.titleText, words), WEIGHT.title, WEIGHT.titleShare)
                       + best.score });
    }
    return results.sort((a, b) => b.score - a.score);
  };

  /* The words to mark in a snippet: the query's Latin words and their stems, and
     its runs of kana and kanji, whole (their bigrams would mark stray pairs). */
  const marks = (query) => {
    const out = new Set();
    for (const word of splitQuery(query)) {
      if (CJK.test(word)) continue;
      if (!isStopword(word.toLowerCase())) {
        out.add(word.toLowerCase());
        out.add(stem(word));
      }
    }
    for (const run of query.normalize("NFKC").match(new RegExp(`${CJK.source}+`, "g")) || [])
      out.add(run);
    return [...out].filter((w) => w).sort((a, b) => b.length - a.length);
  };

  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  /* The part of `text` around the first match: [{text, mark}] pieces. */
  const snippet = (text, query) => {
    const words = marks(query);
    if (!words.length) return [{ text: text.slice(0, SNIPPET.length), mark: false }];
    const re = new RegExp(words.map(escape).join("|"), "gi");
    const first = text.search(re);
    let start = Math.max(0, (first < 0 ? 0 : first) - SNIPPET.before);
    if (start > 0) {
      const space = text.slice(start, start + 20).search(/[\s、。]/);
      if (space >= 0) start += space + 1;
    }
    const end = Math.min(text.length, start + SNIPPET.length);
    const piece = text.slice(start, end);
    const out = [];
    if (start > 0) out.push({ text: "… ", mark: false });
    let last = 0;
    for (const m of piece.matchAll(re)) {
      if (m.index > last) out.push({ text: piece.slice(last, m.index), mark: false });
      out.push({ text: m[0], mark: true });
      last = m.index + m[0].length;
    }
    if (last < piece.length) out.push({ text: piece.slice(last), mark: false });
    if (end < text.length) out.push({ text: " …", mark: false });
    return out;
  };

  const strings = (lang) => STRINGS[lang] || STRINGS.en;

  let index = null;

  /* Show the results of `query` in Sphinx's result list (Search.output, .status, .title). */
  const show = (query) => {
    index = index || prepare(typeof BOOK_SEARCH_PASSAGES === "undefined" ? [] : BOOK_SEARCH_PASSAGES);
    const lang = document.documentElement.lang === "ja" ? "ja" : "en";
    const text = strings(lang);
    const results = rank(index, query);
    const own = results.filter((r) => !r.page.lang || r.page.lang === lang);
    const other = results.filter((r) => r.page.lang && r.page.lang !== lang);
    const root = document.documentElement.dataset.content_root || "";
    const list = (items) => {
      const ul = document.createElement("ul");
      ul.className = "search";
      for (const { page, section } of items) {
        const li = ul.appendChild(document.createElement("li"));
        const a = li.appendChild(document.createElement("a"));
        const top = section === page.sections[0];
        a.href = `${root}${page.doc}.html${top ? "" : `#${section.id}`}`;
        a.textContent = top ? page.title : `${page.title} › ${section.heading}`;
        if (page.lang) a.lang = page.lang;
        const p = li.appendChild(document.createElement("p"));
        p.className = "context";
        if (page.lang) p.lang = page.lang;
        for (const piece of snippet(section.text || page.sections[0].text, query)) {
          const node = piece.mark ? document.createElement("mark") : document.createTextNode(piece.text);
          if (piece.mark) node.textContent = piece.text;
          p.appendChild(node);
        }
      }
      return ul;
    };
    Search.stopPulse();
    Search.title.textContent = text.title;
    Search.status.textContent = results.length ? text.found(results.length, query) : text.none(query);
    Search.output.replaceWith(list(own));
    if (other.length) {
      const out = document.getElementById("search-results");
      const heading = out.appendChild(document.createElement("h3"));
      heading.className = "search-other-edition";
      heading.textContent = `${text.other[other[0].page.lang]} · ${text.otherCount(other.length)}`;
      out.appendChild(list(other));
    }
  };

  return { STRINGS, WEIGHT, CJK, terms, queryTerms, queryWords, prepare, rank, snippet, marks, show };
})();

if (typeof Search !== "undefined") Search.query = BookSearch.show;
