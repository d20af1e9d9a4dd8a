"""The book builds with warnings as errors, and the built pages are what a reader needs.

The build itself (once per session, `tools/build_book.py --strict`) is the
`book_build` fixture of conftest.py. The tests at the end (not marked `build`)
check the pieces of `book/_ext/` that need no build: the bilingual search
splitter and the execution-cache key.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from bs4 import BeautifulSoup

import bilingual  # book/_ext/ is on sys.path (`pythonpath` in pyproject.toml)
from helpers import CHAPTERS, EDITIONS, ROOT, code_cells

PAGES = [(lang, name) for lang in EDITIONS for name in CHAPTERS[lang]]
OTHER = {"en": "ja", "ja": "en"}

# Lines that must never reach a page: tracebacks, TensorFlow's C++/absl log lines, warnings.
NOISE = [
    ("a traceback", re.compile(r"Traceback \(most recent call last\)")),
    ("a TensorFlow oneDNN line", re.compile(r"oneDNN")),
    ("an absl log line", re.compile(r"absl::")),
    ("a TensorFlow C++ log line", re.compile(r"\b[IWE]0000\b")),
    ("a CUDA message", re.compile(r"cuda")),
    ("a Python warning", re.compile(r"\w*Warning:")),
]
# Tags whose URL attribute makes the browser fetch something when the page opens.
FETCHING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
            "video": "src", "audio": "src", "embed": "src", "object": "data", "track": "src"}
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_path(book_html: Path, lang: str, name: str) -> Path:
    return book_html / "book" / lang / f"{name}.html"


def all_pages(book_html: Path) -> list[Path]:
    return sorted(p for p in book_html.rglob("*.html")
                  if "_static" not in p.parts and "_sources" not in p.parts)


# --------------------------------------------------------------------------
# The build
# --------------------------------------------------------------------------

@pytest.mark.build
def test_strict_build_succeeds(book_build):
    assert book_build.returncode == 0
    if book_build.log.startswith("(existing build"):
        pytest.skip("LSTM_BOOK_HTML: testing an existing build")
    log = re.sub(r"\x1b\[[0-9;]*m", "", book_build.log)  # no colours
    assert re.search(r"^build succeeded\.", log, flags=re.M), "no warning-free 'build succeeded.'"
    warnings = [line for line in log.splitlines()
                if "WARNING" in line and not line.startswith("[IPKernelApp]")]
    assert not warnings, "\n".join(warnings)


@pytest.mark.build
@pytest.mark.parametrize(("lang", "name"), PAGES)
def test_chapter_page_exists_with_language_and_twin(book_html, lang, name):
    path = page_path(book_html, lang, name)
    assert path.exists(), f"missing page {path.relative_to(book_html)}"
    page = soup(path)
    assert page.html.get("lang") == lang
    # The bar at the top of the article: the twin in the other language, then the notebook.
    bar = page.select_one("article.bd-article nav.edition-bar")
    assert bar is not None, "no edition bar at the top of the chapter"
    first = page.select_one("article.bd-article").find(True)
    assert first is bar, "the edition bar is not the first thing in the article"
    twin = bar.select_one("a.edition-link")
    assert twin is not None and twin.get("href") == f"../{OTHER[lang]}/{name}.html"
    assert twin.get("hreflang") == OTHER[lang]
    assert (path.parent / twin["href"]).resolve().exists()
    notebook = bar.select_one("a.notebook-link")
    assert notebook is not None and notebook.get("href") == f"../../_sources/book/{lang}/{name}.ipynb"


@pytest.mark.build
def test_landing_page_links_both_editions(book_html):
    page = soup(book_html / "book" / "index.html")
    hrefs = {a.get("href") for a in page.select("article a")}
    assert {"en/introduction.html", "ja/introduction.html"} <= hrefs
    assert page.html.get("lang") == "en"
    assert page.select("article [lang=ja]"), "the Japanese half of the landing page is not marked lang=ja"
    assert (book_html / "index.html").exists()


@pytest.mark.build
@pytest.mark.parametrize("lang", EDITIONS)
def test_theme_and_exercise_strings_follow_the_page_language(book_html, lang):
    """Theme strings, figure and exercise labels come in the page's language."""
    expected = {
        "en": {"prev": "previous", "search": "Search this book...", "fig": "Fig.", "ex": "Exercise",
               "sol": "Solution"},
        "ja": {"prev": "前へ", "search": "この本を検索...", "fig": "図", "ex": "練習", "sol": "練習"},
    }[lang]
    seen_fig = seen_ex = seen_sol = False
    for name in CHAPTERS[lang]:
        page = soup(page_path(book_html, lang, name))
        # Every chapter has a previous page (the landing page for the first of an edition).
        subtitle = page.select_one(".prev-next-area .left-prev .prev-next-subtitle")
        assert subtitle is not None, f"book/{lang}/{name}: no link to the previous page"
        assert subtitle.get_text(strip=True) == expected["prev"]
        # The theme's search dialog, on every page.
        search = page.select_one("input[name=q]")
        assert search is not None, f"book/{lang}/{name}: no search field"
        assert search.get("placeholder") == expected["search"]
        for caption in page.select("figcaption .caption-number"):
            seen_fig = True
            assert caption.get_text().startswith(expected["fig"]), caption.get_text()
        # Exercises are optional in a chapter; their labels are checked wherever present.
        for title in page.select("div.exercise > .admonition-title"):
            seen_ex = True
            assert title.get_text(strip=True).startswith(expected["ex"]), title.get_text()
        for title in page.select("div.solution > .admonition-title"):
            seen_sol = True
            assert title.get_text(strip=True).startswith(expected["sol"]), title.get_text()
    assert seen_fig, f"no numbered figure in the {lang} edition"
    assert seen_ex and seen_sol, f"no exercise or no solution in the {lang} edition"


@pytest.mark.build
def test_no_traceback_log_line_or_warning_in_any_page(book_html):
    problems = []
    for path in all_pages(book_html):
        raw = path.read_text(encoding="utf-8")
        if "\r" in raw:
            problems.append(f"{path.relative_to(book_html)}: a carriage return (\\r progress output)")
        page = BeautifulSoup(raw, "html.parser")
        article = page.select_one("article") or page
        for script in article.select("script, style"):
            script.decompose()
        text = article.get_text(" ")
        for what, pattern in NOISE:
            match = pattern.search(text)
            if match:
                around = text[max(0, match.start() - 80):match.end() + 80].replace("\n", " ")
                problems.append(f"{path.relative_to(book_html)}: {what}: ...{around}...")
        for output in page.select(".output.stderr, .output.traceback, .output.error"):
            problems.append(f"{path.relative_to(book_html)}: an stderr/error output: "
                            f"{output.get_text()[:200]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.build
def test_pages_fetch_nothing_from_outside(book_html):
    """No script, style sheet, image or frame of a page comes from another site
    (links a reader clicks are fine), and no CSS imports from another site."""
    problems = []
    for path in all_pages(book_html):
        page = soup(path)
        for tag, attr in FETCHING.items():
            for element in page.find_all(tag):
                url = element.get(attr) or ""
                if tag == "link" and set(element.get("rel") or []) <= {"canonical", "alternate"}:
                    continue
                if EXTERNAL.match(url):
                    problems.append(f"{path.relative_to(book_html)}: <{tag} {attr}={url}>")
                if tag in ("img", "source") and EXTERNAL.match(element.get("srcset") or ""):
                    problems.append(f"{path.relative_to(book_html)}: <{tag} srcset>")
        for element in page.find_all(style=True):
            if re.search(r"url\(\s*['\"]?(?:https?:)?//", element["style"]):
                problems.append(f"{path.relative_to(book_html)}: style url() to another site")
    for css in (book_html / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"@import\s+(?:url\()?\s*['\"]?((?:https?:)?//[^'\")\s]+)|"
                                 r"url\(\s*['\"]?((?:https?:)?//[^'\")\s]+)", text):
            problems.append(f"{css.relative_to(book_html)}: {match.group(1) or match.group(2)}")
    assert not problems, "\n".join(problems)


@pytest.mark.build
def test_mathjax_is_served_by_the_book(book_html):
    local = book_html / "_static" / "mathjax" / "tex-mml-chtml.js"
    assert local.exists(), "MathJax was not copied into _static/mathjax (npm missing?)"
    fonts = list((book_html / "_static" / "mathjax" / "output" / "chtml" / "fonts" / "woff-v2").glob("*.woff"))
    assert len(fonts) > 10
    with_math = 0
    for lang, name in PAGES:
        page = soup(page_path(book_html, lang, name))
        if page.select(".math"):
            with_math += 1
            srcs = [s["src"] for s in page.find_all("script", src=True) if "mathjax" in s["src"].lower()]
            assert srcs and all(s.startswith("../../_static/mathjax/") for s in srcs), (name, srcs)
    assert with_math, "no chapter renders math"


@pytest.mark.build
@pytest.mark.parametrize(("lang", "name"), PAGES)
def test_chapter_notebook_download(book_html, lang, name):
    path = book_html / "_sources" / "book" / lang / f"{name}.ipynb"
    assert path.exists()
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] for c in cells)
    source = (ROOT / "book" / lang / f"{name}.md").read_text(encoding="utf-8")
    assert ["".join(c["source"]).strip("\n") for c in cells] == code_cells(source)


@pytest.mark.build
def test_search_index_holds_both_languages(book_html):
    text = (book_html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    docs = index["docnames"]
    terms = index["terms"]

    def pages(term):
        hits = terms.get(term, [])
        hits = [hits] if isinstance(hits, int) else hits
        titles = index["titleterms"].get(term, [])
        titles = [titles] if isinstance(titles, int) else titles
        return {docs[i] for i in list(hits) + list(titles)}

    assert any(d.startswith("book/ja/") for d in pages("記憶") & pages("憶セ") & pages("セル"))
    assert any(d.startswith("book/en/") for d in pages("gate"))
    assert "gates" not in terms, "English words are not stemmed"
    language_data = (book_html / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "Bilingual splitter" in language_data and "Bilingual stemmer" in language_data


# --------------------------------------------------------------------------
# No build needed
# --------------------------------------------------------------------------

def test_search_splitter_bigrams_and_stemming():
    split = bilingual.split_words
    assert split("記憶セル", query=True) == ["記憶", "憶セ", "セル"]
    assert split("衝突", query=True) == ["衝突"]
    assert split("図", query=True) == ["図"]
    # The index also holds each kanji alone, so a one-kanji query finds it.
    assert split("入力重み衝突") == ["入力", "力重", "重み", "み衝", "衝突", "入", "力", "重", "衝", "突"]
    assert split("LSTM の gates と c_{t-1}", query=True) == ["LSTM", "の", "gates", "と", "c_", "t", "1"]
    assert split("ＬＳＴＭ", query=True) == ["LSTM"]  # full-width letters are normalized
    lang = bilingual.SearchBilingual({})
    assert [lang.stem(w) for w in ("gates", "forgetting", "記憶", "セル")] == ["gate", "forget", "記憶", "セル"]
    assert lang.word_filter("の") and lang.word_filter("gate") and not lang.word_filter("the")


def test_math_falls_back_to_the_cdn_without_npm(tmp_path, monkeypatch, caplog):
    """No npm and nothing cached: MathJax stays on Sphinx's CDN URL, with one warning."""
    from types import SimpleNamespace

    from sphinx.ext.mathjax import MATHJAX_URL

    import npm_assets
    import offline_math

    monkeypatch.setattr(npm_assets.shutil, "which", lambda name: None)
    app = SimpleNamespace(srcdir=str(tmp_path))
    config = SimpleNamespace(mathjax_path=MATHJAX_URL)
    with caplog.at_level("WARNING"):
        offline_math.on_config_inited(app, config)
    assert config.mathjax_path == MATHJAX_URL
    assert app._offline_math_src is None
    messages = [r.getMessage() for r in caplog.records if "offline_math" in r.getMessage()]
    assert len(messages) == 1 and "CDN" in messages[0] and "npm" in messages[0]


def test_math_is_served_locally_when_cached(tmp_path):
    """A cached mathjax package (no network needed) becomes the local mathjax_path."""
    from types import SimpleNamespace

    from sphinx.ext.mathjax import MATHJAX_URL

    import offline_math

    cached = tmp_path / "_build" / ".npm" / f"mathjax@{offline_math.MATHJAX_VERSION}"
    (cached / "package" / "es5").mkdir(parents=True)
    (cached / "package" / "es5" / "tex-mml-chtml.js").write_text("/* MathJax */")
    (cached / ".complete").write_text("done")
    app = SimpleNamespace(srcdir=str(tmp_path))
    config = SimpleNamespace(mathjax_path=MATHJAX_URL)
    offline_math.on_config_inited(app, config)
    assert config.mathjax_path == "mathjax/tex-mml-chtml.js"
    assert app._offline_math_src == cached / "package" / "es5"


EXPERIMENT_CHAPTERS = ("input-gate", "forget-gate", "output-gate")

# What each chapter's prose says in words about its comparisons, row by row of its
# comparisons table (the numbers themselves are glued). The verdicts are derived from the
# intervals by lstm.stats.verdict; if a new record changes one, the prose must change too.
CLAIMS = {
    "input-gate": ["helps", "helps", "no difference detected", "helps"],
    "forget-gate": ["helps", "helps", "helps"],  # all answers, first segment, later segments
    "output-gate": ["no measurable difference"] * 3,  # all scored rows, the digits, the query
}


def _verdict_words(lang):
    from lstm.figures.studies import TEXT
    from lstm.i18n import strings

    return {strings(TEXT, lang)[v]: v for v in ("helps", "hurts", "no measurable difference", "no difference detected")}


@pytest.mark.build
@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("name", EXPERIMENT_CHAPTERS)
def test_gate_chapters_show_ten_paired_seeds_and_verdicts_that_follow_from_the_intervals(book_html, lang,
                                                                                         name):
    """Each gate chapter shows its study: a table with ten seeds per variant, and a table of
    paired comparisons whose verdicts follow from their intervals and match the prose."""
    from lstm import stats, studies

    page = soup(page_path(book_html, lang, name))
    tables = page.select("article table")
    scores = [t for t in tables if "±" in t.get_text()]
    assert scores, "no table of scores"
    for row in scores[0].select("tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        seeds = [float(x) for x in cells[-1].split()]
        mean = float(re.match(r"(\d\.\d{3}) ±", cells[-2]).group(1))
        assert len(seeds) >= 10 and abs(np.mean(seeds) - mean) < 1e-3, cells
    compared = [t for t in tables if re.search(r"95 ?%", t.get_text())]  # "95 % interval", "95% 区間"
    assert compared, "no table of comparisons"
    words = _verdict_words(lang)
    verdicts = []
    for row in compared[0].select("tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        low, high = map(float, re.fullmatch(r"\[([-+]\d\.\d{3}), ([-+]\d\.\d{3})\]", cells[3]).groups())
        verdict = words[cells[4]]
        if min(abs(low), abs(high)) > 0.001 and abs(abs(low) - studies.DELTA) > 0.001 \
                and abs(abs(high) - studies.DELTA) > 0.001:  # not on a boundary after rounding
            assert verdict == stats.verdict(low, high, delta=studies.DELTA), cells
        verdicts.append(verdict)
    assert verdicts[:len(CLAIMS[name])] == CLAIMS[name], f"the prose of {name} says {CLAIMS[name]}"


@pytest.mark.build
@pytest.mark.parametrize("lang", EDITIONS)
def test_navigation_stays_in_the_edition(book_html, lang):
    """Previous/Next never lead to the other edition (the first chapter goes back to the
    landing page), and the sidebar lists the page's edition only."""
    other = next(e for e in EDITIONS if e != lang)
    for k, name in enumerate(CHAPTERS[lang]):
        page = soup(page_path(book_html, lang, name))
        for link in page.select(".prev-next-area a"):
            href = link["href"]
            assert f"../{other}/" not in href, f"book/{lang}/{name}: {href} leaves the edition"
        prev = page.select_one(".prev-next-area .left-prev")
        if k == 0:
            assert prev["href"].endswith("index.html"), prev["href"]
        if k == len(CHAPTERS[lang]) - 1:
            assert page.select_one(".prev-next-area .right-next") is None
        nav = page.select_one("nav.bd-docs-nav")
        assert not nav.select(f'a[href^="../{other}/"]'), f"book/{lang}/{name}: the sidebar lists the other edition"
        assert len(nav.select("a.reference")) >= len(CHAPTERS[lang])


@pytest.mark.build
def test_japanese_chapter_references_and_exercise_titles(book_html):
    """第 3 章「単純な RNN はなぜ忘れるのか」, 練習 2.1（系列の形）, 練習 2.1（系列の形）の解答."""
    titles, references = 0, 0
    for name in CHAPTERS["ja"]:
        page = soup(page_path(book_html, "ja", name))
        text = page.select_one("main").get_text()
        assert "の章の章" not in text and not re.search(r"[^\x00-\x7F] 第 \d+ 章", text)
        for link in page.select("main a.reference.internal span.doc"):
            if link.get_text().startswith("第 "):
                references += 1
                assert re.fullmatch(r"第 \d+ 章「[^」]+」", link.get_text()), link.get_text()
                assert not link.parent.next_sibling or not str(link.parent.next_sibling).startswith(" の章")
        for title in page.select("div.exercise > .admonition-title, div.solution > .admonition-title"):
            titles += 1
            words = title.get_text(strip=True)
            assert "解答 練習" not in words and not re.search(r"練習 [\d.]+ ?\(", words), words
            if "solution" in title.parent["class"]:
                assert words.endswith("の解答"), words
    assert references >= 70 and titles >= 40, (references, titles)
