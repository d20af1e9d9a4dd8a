"""Figure helpers: labels in the page's language, a font with the glyphs."""

from . import _validate as v

LANGS = ("en", "ja")

TEXT = {
    "en": {
        "epoch": "epoch", "accuracy": "accuracy", "acc": "acc (train)",
        "val_acc_test": "val_acc (test)", "val_acc_validation": "val_acc (validation)",
        "row": "row read (time step)", "unit": "hidden unit", "class": "class",
        "probability": "probability",
    },
    "ja": {
        "epoch": "エポック", "accuracy": "正解率", "acc": "acc（訓練）",
        "val_acc_test": "val_acc（テスト）", "val_acc_validation": "val_acc（検証）",
        "row": "読み込んだ行（時刻）", "unit": "隠れユニット", "class": "クラス",
        "probability": "確率",
    },
}


def check_lang(lang):
    return v.one_of("lang", lang, LANGS)


def text(lang, key):
    """The label `key` in `lang`."""
    return TEXT[check_lang(lang)][key]


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
