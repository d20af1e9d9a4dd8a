"""Reading the book with the keyboard alone, in Debian's Chromium, offline.

On a chapter of each edition, from a fresh load:

- the first Tab reaches the theme's skip link, in the page's language, and Enter
  on it moves the reading position into the main content: the next Tab lands
  in `#main-content`, past the sidebar's table of contents (Chromium moves its
  sequential focus starting point to the link's target, even though `<main>`
  itself takes no focus);
- every Tab stop shows where the focus is: the focused element's computed style
  has a visible outline or box-shadow, once its focus transition has run;
- the language link of the edition bar (`nav.edition-bar a.edition-link`) is
  reached within `LANGUAGE_LINK_WITHIN` presses, and Enter on it opens the same
  chapter in the other edition;
- the previous and next links at the foot of the chapter are reached, and Enter
  on "next" opens the next chapter of the same edition.

Three controls of the theme and of sphinx-togglebutton would show no focus at
all (`THEME_CONTROLS`: their own styles remove the outline); `book/_static/bilingual.css`
gives them one, and `test_the_theme_controls_show_their_focus` holds it.
"""

from __future__ import annotations

import re

import pytest

from helpers import CHAPTERS

pytestmark = pytest.mark.browser

CHAPTER = "digits"  # a chapter with a previous and a next chapter in both editions
LANGUAGE_LINK_WITHIN = 40  # the skip link, the header, the table of contents, the article's buttons
FOOT_WITHIN = 300  # every link and code block of the chapter before its foot
SKIP_TEXT = {"en": "Skip to main content", "ja": "本文へスキップ"}

THEME_CONTROLS = {
    "the theme's button that opens and closes the sidebar": ".bd-header-article button.primary-toggle",
    "the theme's download menu of the page": ".bd-header-article button.dropdown-toggle",
    "sphinx-togglebutton's button of a folded solution": "button.toggle-button",
}
"""Controls whose own styles hide their focus, given a visible one by the book's CSS."""

_FOCUSED = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    for (const a of e.getAnimations()) { try { a.finish(); } catch (err) { /* an endless one */ } }
    const s = getComputedStyle(e);
    return {
        describe: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} `
                  + `"${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40)}"`,
        outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
        boxShadow: s.boxShadow,
    };
}"""


def _alpha(color: str) -> float:
    """The opacity of a computed CSS colour, `rgb(...)` or `rgba(...)`."""
    parts = re.findall(r"[\d.]+", color)
    return float(parts[3]) if len(parts) > 3 else 1.0


def focus_is_visible(style: dict) -> bool:
    """A non-transparent outline of some width, or a box-shadow with a blur or a spread."""
    if (style["outlineStyle"] != "none" and float(style["outlineWidth"].removesuffix("px") or 0) > 0
            and _alpha(style["outlineColor"]) > 0):
        return True
    for shadow in re.split(r",(?![^()]*\))", style["boxShadow"]):
        if shadow.strip() == "none":
            continue
        color = re.search(r"rgba?\([^)]*\)", shadow)
        lengths = [float(x) for x in re.findall(r"(-?[\d.]+)px", shadow)]
        if (color is None or _alpha(color[0]) > 0) and any(lengths[2:]):
            return True
    return False


def test_focus_is_visible_reads_computed_styles():
    ring = {"outlineStyle": "none", "outlineWidth": "3px", "outlineColor": "rgb(0, 0, 0)",
            "boxShadow": "rgb(193, 50, 175) 0px 0px 0px 3px"}
    assert focus_is_visible(ring)
    assert focus_is_visible({**ring, "outlineStyle": "solid", "boxShadow": "none"})
    assert not focus_is_visible({**ring, "boxShadow": "none"})
    assert not focus_is_visible({**ring, "boxShadow": "rgba(0, 0, 0, 0) 0px 0px 0px 3px"})
    assert not focus_is_visible({**ring, "boxShadow": "rgb(0, 0, 0) 0px 0px 0px 0px"})
    assert not focus_is_visible({**ring, "outlineStyle": "solid", "outlineColor": "rgba(0, 0, 0, 0)",
                                 "boxShadow": "none"})


def _open(offline_page, lang, name=CHAPTER):
    offline_page.goto(f"book/{lang}/{name}.html")
    offline_page.page.wait_for_load_state("load")
    offline_page.page.wait_for_timeout(300)  # the theme's scripts add buttons after load
    return offline_page.page


def _active_matches(page, selector: str) -> bool:
    return page.evaluate("(s) => document.activeElement.matches(s)", selector)


def _tab_to(page, selector: str, limit: int) -> int | None:
    """Press Tab until the focused element matches `selector`: the number of presses, or None."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if _active_matches(page, selector):
            return presses
    return None


@pytest.mark.parametrize("lang", CHAPTERS)
def test_the_first_tab_reaches_the_skip_link_and_it_leads_into_the_main_content(offline_page, lang):
    page = _open(offline_page, lang)
    page.keyboard.press("Tab")
    assert _active_matches(page, 'a[href="#main-content"]'), page.evaluate(_FOCUSED)
    assert page.evaluate("() => document.activeElement.textContent.trim()") == SKIP_TEXT[lang]
    assert focus_is_visible(page.evaluate(_FOCUSED))
    page.keyboard.press("Enter")
    page.wait_for_url("**#main-content")
    page.keyboard.press("Tab")
    assert _active_matches(page, "#main-content *"), page.evaluate(_FOCUSED)
    assert not _active_matches(page, ".bd-sidebar-primary *")
    offline_page.assert_offline()


@pytest.mark.parametrize("name", [CHAPTER, "looking-inside"])  # looking-inside: the gate explorer's controls
@pytest.mark.parametrize("lang", CHAPTERS)
def test_every_tab_stop_shows_the_focus(offline_page, lang, name):
    page = _open(offline_page, lang, name)
    hidden = []
    for _ in range(FOOT_WITHIN):
        page.keyboard.press("Tab")
        style = page.evaluate(_FOCUSED)
        assert style is not None, "the focus left the page before the link to the next chapter"
        if not focus_is_visible(style):
            hidden.append(style["describe"])
        if _active_matches(page, "a.right-next"):
            break
    else:
        pytest.fail(f"the link to the next chapter was not reached in {FOOT_WITHIN} presses")
    assert hidden == [], f"focused from the keyboard, these show no outline and no box-shadow: {hidden}"
    offline_page.assert_offline()


@pytest.mark.parametrize("what", THEME_CONTROLS)
def test_the_theme_controls_show_their_focus(offline_page, what):
    page = _open(offline_page, "ja")
    presses = _tab_to(page, THEME_CONTROLS[what], FOOT_WITHIN)
    if presses is None:
        pytest.fail(f"{what} was not reached by Tab in {FOOT_WITHIN} presses")
    assert focus_is_visible(page.evaluate(_FOCUSED)), page.evaluate(_FOCUSED)["describe"]


@pytest.mark.parametrize("lang", CHAPTERS)
def test_the_language_link_is_reached_and_opens_the_twin_chapter(offline_page, lang):
    other = next(edition for edition in CHAPTERS if edition != lang)
    page = _open(offline_page, lang)
    presses = _tab_to(page, "nav.edition-bar a.edition-link", LANGUAGE_LINK_WITHIN)
    assert presses is not None, f"the edition bar's language link is not reached in {LANGUAGE_LINK_WITHIN} presses"
    assert focus_is_visible(page.evaluate(_FOCUSED))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/book/{other}/{CHAPTER}.html")
    assert page.get_attribute("html", "lang") == other
    offline_page.assert_offline()


@pytest.mark.parametrize("lang", CHAPTERS)
def test_previous_and_next_are_reached_and_next_opens_the_next_chapter(offline_page, lang):
    chapters = CHAPTERS[lang]
    position = chapters.index(CHAPTER)
    page = _open(offline_page, lang)
    previous = _tab_to(page, "a.left-prev", FOOT_WITHIN)
    assert previous is not None, f"the link to the previous chapter is not reached in {FOOT_WITHIN} presses"
    assert offline_page.docname(page.evaluate("() => document.activeElement.href")) == \
        f"book/{lang}/{chapters[position - 1]}"
    following = _tab_to(page, "a.right-next", FOOT_WITHIN)
    assert following is not None, "the link to the next chapter is not reached after the previous one"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/book/{lang}/{chapters[position + 1]}.html")
    assert page.get_attribute("html", "lang") == lang
    offline_page.assert_offline()
