"""Search: one index for English and Japanese (``html_search_language: en_ja``).

Runs of CJK characters are indexed as overlapping bigrams (plus single kanji),
Latin words with the Porter stemmer; the same splitter and stemmer run in the
browser (`JS_SPLITTER`, `JS_STEMMER`, written into ``language_data.js``), so
衝突, 勾配, 記憶セル and "gates" all find their pages. `split_words` and
`stem_word` are the pure core; `SearchBilingual` is Sphinx's adapter.
"""

from __future__ import annotations

import re
import unicodedata

from sphinx.search import SearchLanguage
from sphinx.search.en import english_stopwords, js_porter_stemmer

# Kana, CJK ideographs and their marks (々, 〆, ー is inside the katakana block).
CJK_CLASS = (
    "\u3005\u3006\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
HAN_CLASS = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(f"([{CJK_CLASS}]+)|([^\\W{CJK_CLASS}]+)")
_CJK_RE = re.compile(f"[{CJK_CLASS}]")
_HAN_RE = re.compile(f"[{HAN_CLASS}]")


def split_words(text: str, *, query: bool = False) -> list[str]:
    """Split `text` as the search index does: Latin words whole; each run of
    CJK characters into overlapping bigrams (a one-character run stays one
    character). The index also holds each kanji alone (`query=False`), so a
    one-kanji query finds it; a query of a longer run looks up its bigrams,
    all of which must occur in a page."""
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for run, word in _TOKEN_RE.findall(text):
        if word:
            out.append(word)
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
            if not query:
                out.extend(ch for ch in run if _HAN_RE.match(ch))
    return out


JS_SPLITTER = r"""
/* Bilingual splitter (book/_ext/bilingual.py, split_words(query=True)):
   Latin words whole, CJK runs as overlapping bigrams. */
var splitQuery = (query) => {
  const cjk = "%(cjk)s";
  const re = new RegExp(`([${cjk}]+)|((?:(?![${cjk}])[\\p{L}\\p{N}_])+)`, "gu");
  const out = [];
  for (const m of query.normalize("NFKC").matchAll(re)) {
    if (m[2]) out.push(m[2]);
    else if (m[1].length === 1) out.push(m[1]);
    else for (let i = 0; i + 1 < m[1].length; i++) out.push(m[1].slice(i, i + 2));
  }
  return out;
};
""" % {"cjk": CJK_CLASS.encode("unicode_escape").decode("ascii")}

JS_STEMMER = js_porter_stemmer + r"""
/* Bilingual stemmer: Porter for Latin words, CJK tokens unchanged. */
var PorterStemmer = Stemmer;
Stemmer = function() {
  const porter = new PorterStemmer();
  const cjk = new RegExp("[%(cjk)s]");
  this.stemWord = (w) => (cjk.test(w) ? w : porter.stemWord(w));
};
""" % {"cjk": CJK_CLASS.encode("unicode_escape").decode("ascii")}


def stem_word(word: str, stemmer) -> str:
    """CJK tokens unchanged, other words lower-cased and stemmed by `stemmer`."""
    if _CJK_RE.search(word):
        return word
    return stemmer.stemWord(word.lower())


def keep_word(word: str, stopwords=english_stopwords) -> bool:
    """Keep every CJK token (the browser looks all of them up); drop English stopwords."""
    return bool(word) and word not in stopwords


class SearchBilingual(SearchLanguage):
    """English and Japanese in one index (``html_search_language: en_ja``)."""

    lang = "en_ja"
    language_name = "English and Japanese"
    stopwords = english_stopwords
    js_splitter_code = JS_SPLITTER
    js_stemmer_code = JS_STEMMER

    def init(self, options):
        import snowballstemmer

        self.stemmer = snowballstemmer.stemmer("porter")

    def split(self, input: str) -> list[str]:
        return split_words(input)

    def stem(self, word: str) -> str:
        return stem_word(word, self.stemmer)

    def word_filter(self, word: str) -> bool:
        return keep_word(word, self.stopwords)
