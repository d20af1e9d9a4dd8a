"""Figure helpers: labels in the page's language, a font with the glyphs."""

from .i18n import LANGS, check_lang  # noqa: F401  (the registry lives in lstm.i18n)
from .i18n import text as lookup
from .i18n.figures import SHARED as TEXT


def text(lang, key):
    """The shared label `key` in `lang` (`lstm.i18n.text` on this module's `TEXT`)."""
    return lookup(TEXT, lang, key)


def use_lang(lang):
    """Prepare Matplotlib for labels in `lang` (a Japanese font for "ja")."""
    if check_lang(lang) == "ja":
        import matplotlib_fontja  # registers IPAexGothic; japanize() selects it

        matplotlib_fontja.japanize()


def new_axes(lang, ax=None, **subplots):
    """`(figure, axes)`: a new figure, or the figure of `ax` when given."""
    import matplotlib.pyplot as plt

    use_lang(lang)
    if ax is not None:
        return ax.figure, ax
    return plt.subplots(**subplots)
