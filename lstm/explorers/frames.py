"""The explorers' pictures as HTML: a Matplotlib figure as a small PNG in a `<figure>`.

The experiment explorer draws its frames in Python and shows each one in an
`ipywidgets.HTML`: `png_bytes` turns a figure into a palette PNG of a few kB
(`palette_png`), and `figure_html` wraps it, with its alt text and caption,
in a `<figure>` that works with no kernel.

Example:

>>> import matplotlib                                           # doctest: +SKIP
>>> from lstm.explorers.frames import figure_html, png_bytes    # doctest: +SKIP
>>> fig = matplotlib.figure.Figure(figsize=(2, 1))              # doctest: +SKIP
>>> figure_html(png_bytes(fig), "an empty frame", None, "demo")  # doctest: +SKIP
"""

import base64
import html
import io

DPI = 100  # the experiment explorer's frames: 680 × 560 px, 10 to 20 kB each


def png_bytes(fig, *, dpi=DPI):
    """The figure as a small palette PNG (see `palette_png`)."""
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return palette_png(PILImage.open(buffer).convert("RGB"), optimize=True)


def palette_png(picture, *, colors=96, optimize=False, compress_level=9):
    """A PIL RGB image as PNG bytes with a palette of `colors` (no dithering):
    frames small enough to keep many in a page."""
    from PIL import Image as PILImage

    picture = picture.quantize(colors=colors, method=PILImage.Quantize.FASTOCTREE, dither=PILImage.Dither.NONE)
    out = io.BytesIO()
    picture.save(out, format="png", optimize=optimize, compress_level=compress_level)
    return out.getvalue()


def figure_html(png, alt, caption, css_class, *, size=None):
    """A `<figure>` of class `css_class`: the PNG with its alt text, `caption`
    (or none for `None`) above it; `size` `(width, height)` in pixels, if known."""
    data = base64.b64encode(png).decode("ascii")
    caption_html = ("" if caption is None else
                    '<figcaption style="margin:0 0 2px 0;text-align:left;font-size:14px;line-height:1.4;'
                    f'color:var(--pst-color-text-base,#222)">{html.escape(caption)}</figcaption>')
    size_html = "" if size is None else f'width="{size[0]}" height="{size[1]}" '
    return (f'<figure class="{css_class}" style="margin:0">{caption_html}'
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" {size_html}'
            'style="max-width:100%;height:auto"></figure>')
