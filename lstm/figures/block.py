"""Figure of chapter 4: the LSTM block, drawn by code.

Four small networks read the same `concat([x_t, h_{t-1}])` through one fused
`W` (see the layout at the top of `lstm/cell.py`): `z` (the cell input,
tanh), and the gates `i`, `f`, `o` (sigmoid). The memory cell `c` runs along
the top; `f` multiplies the old cell, `i` multiplies `z`, and `o` multiplies
`tanh(c_t)` to give `h_t`.
"""

from ..i18n import check_lang, strings
from ..plotting import use_lang
from ..i18n.figures import BLOCK as TEXT

# Where things are, in data coordinates (x from 0 to 14, y from 0 to 9).
CELL_Y = 7.6        # the memory cell's line
NETS_Y = 3.2        # centres of the four small networks
BAR_Y = 1.3         # the concat([x, h]) bar
COLUMNS = {"f": 3.2, "i": 5.4, "z": 7.6, "o": 10.4}
PLUS_X = 6.5
INPUT_PRODUCT = (6.5, 5.9)
OUTPUT_PRODUCT = (COLUMNS["o"], 5.0)
TANH_Y = 6.3
COLORS = {"z": "#f2c14e", "i": "#7fb8e6", "f": "#f08a7e", "o": "#90d18b"}


def block_diagram(*, lang="en"):
    """The LSTM block: four small networks, the memory cell and the products.

    Args:
        lang: `"en"` or `"ja"` for the labels.

    Returns:
        The Matplotlib figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

    lang = check_lang(lang)
    use_lang(lang)
    words = strings(TEXT, lang)
    fig, ax = plt.subplots(figsize=(9, 6.0))
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
    ax.set_xlim(0, 14)
    ax.set_ylim(-0.4, 9)
    ax.set_aspect("equal")
    ax.axis("off")

    def arrow(start, end, **kw):
        style = dict(arrowstyle="-|>", mutation_scale=14, lw=1.6, color="0.2",
                     shrinkA=0, shrinkB=0)
        style.update(kw)
        ax.add_patch(FancyArrowPatch(start, end, **style))

    def node(xy, symbol):
        ax.add_patch(Circle(xy, 0.32, facecolor="white", edgecolor="0.2", lw=1.6, zorder=3))
        ax.text(*xy, symbol, ha="center", va="center", fontsize=15, zorder=4)

    def box(center, width, height, color, lines, fontsizes):
        x, y = center
        ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                    boxstyle="round,pad=0.05,rounding_size=0.15",
                                    facecolor=color, edgecolor="0.2", lw=1.4, zorder=2))
        offsets = [0.2, -0.25] if len(lines) == 2 else [0.0]
        for text, dy, size in zip(lines, offsets, fontsizes):
            ax.text(x, y + dy, text, ha="center", va="center", fontsize=size, zorder=3)

    # The memory cell: c_{t-1} -> (x f) -> (+ i z) -> c_t, along the top.
    fx, ox = COLUMNS["f"], COLUMNS["o"]
    ax.add_patch(FancyBboxPatch((1.0, CELL_Y - 0.55), 12.0, 1.1,
                                boxstyle="round,pad=0,rounding_size=0.3",
                                facecolor="#fbf3dc", edgecolor="none", zorder=0))
    ax.text(8.6, CELL_Y + 0.25, f"{words['cell']} $c$", ha="left", va="bottom", fontsize=11)
    ax.text(0.2, CELL_Y, "$c_{t-1}$", ha="left", va="center", fontsize=14)
    arrow((1.1, CELL_Y), (fx - 0.32, CELL_Y))
    node((fx, CELL_Y), r"$\times$")
    arrow((fx + 0.32, CELL_Y), (PLUS_X - 0.32, CELL_Y))
    node((PLUS_X, CELL_Y), "$+$")
    arrow((PLUS_X + 0.32, CELL_Y), (12.9, CELL_Y))
    ax.text(13.0, CELL_Y, "$c_t$", ha="left", va="center", fontsize=14)
    ax.text(4.85, CELL_Y + 0.8, r"$c_t = f \odot c_{t-1} + i \odot z$", ha="center",
            va="bottom", fontsize=12)

    # Input: z and i meet in a product that is added to the cell.
    node(INPUT_PRODUCT, r"$\times$")
    arrow((INPUT_PRODUCT[0], INPUT_PRODUCT[1] + 0.32), (PLUS_X, CELL_Y - 0.32))

    # Output: tanh(c_t) times o gives h_t.
    ax.plot([ox, ox], [CELL_Y, TANH_Y + 0.3], color="0.2", lw=1.6)
    ax.plot([ox], [CELL_Y], marker="o", color="0.2", markersize=5)
    box((ox, TANH_Y), 1.0, 0.6, "white", ["tanh"], [11])
    arrow((ox, TANH_Y - 0.3), (ox, OUTPUT_PRODUCT[1] + 0.32))
    node(OUTPUT_PRODUCT, r"$\times$")
    arrow((ox + 0.32, OUTPUT_PRODUCT[1]), (12.9, OUTPUT_PRODUCT[1]))
    ax.text(13.0, OUTPUT_PRODUCT[1], "$h_t$", ha="left", va="center", fontsize=14)
    ax.text(ox + 0.5, OUTPUT_PRODUCT[1] - 0.45, r"$h_t = o \odot \tanh(c_t)$", ha="left",
            va="top", fontsize=12)

    # The four small networks.
    functions = {"z": r"$z = \tanh(\cdot)$", "i": r"$i = \sigma(\cdot)$",
                 "f": r"$f = \sigma(\cdot)$", "o": r"$o = \sigma(\cdot)$"}
    for key, x in COLUMNS.items():
        box((x, NETS_Y), 1.9, 1.15, COLORS[key], [functions[key], words[key]], [12, 10])
        arrow((x, BAR_Y + 0.3), (x, NETS_Y - 0.62))
    top = NETS_Y + 0.62
    arrow((fx, top), (fx, CELL_Y - 0.32))
    arrow((COLUMNS["i"], top), (INPUT_PRODUCT[0] - 0.25, INPUT_PRODUCT[1] - 0.22))
    arrow((COLUMNS["z"], top), (INPUT_PRODUCT[0] + 0.25, INPUT_PRODUCT[1] - 0.22))
    arrow((ox, top), (ox, OUTPUT_PRODUCT[1] - 0.32))

    # The shared input: concat([x_t, h_{t-1}]).
    ax.add_patch(FancyBboxPatch((2.0, BAR_Y - 0.3), 9.6, 0.6,
                                boxstyle="round,pad=0,rounding_size=0.15",
                                facecolor="#e8e8e8", edgecolor="0.2", lw=1.4, zorder=2))
    ax.text(6.8, BAR_Y, words["concat"], ha="center", va="center", fontsize=10, zorder=3)
    ax.text(0.2, BAR_Y, "$h_{t-1}$", ha="left", va="center", fontsize=14)
    arrow((1.1, BAR_Y), (2.0, BAR_Y))
    ax.text(6.8, -0.3, "$x_t$", ha="center", va="bottom", fontsize=14)
    arrow((6.8, 0.3), (6.8, BAR_Y - 0.3))

    # What the circles mean.
    ax.text(12.1, 2.3, r"$\times$: " + words["times"] + "\n$+$: " + words["plus"],
            ha="left", va="center", fontsize=9, linespacing=1.6)
    return fig
