"""The report's charts as PNG at 200 dpi, drawn with matplotlib in Sarabun.

Matplotlib lays text out with libraqm (``matplotlib.ft2font.__libraqm_version__``), so Thai
vowels and tone marks stack as in the font; labels are kept to one line and shortened.
Nothing is downloaded: the font comes from the installed ``fontpkg-sarabun`` package.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

import matplotlib

matplotlib.use("Agg")  # no display, no browser
# text from the data is drawn as typed: a unit named "$x^2$" is not set as mathematics
matplotlib.rcParams["text.parse_math"] = False

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from ita_dash import palette  # noqa: E402
from ita_dash.deck.render import sarabun_dir  # noqa: E402
from ita_dash.deck.text import shorten  # noqa: E402

DPI = 200
WIDTH_IN = 6.3  # 16 cm, the text width of the page
LABEL_CHARS = 34
Series = tuple[str, Sequence[float | None], str]  # name, values, colour


@cache
def font_family() -> str:
    """Register the Sarabun files with matplotlib once; the family name to use."""
    folder = sarabun_dir()
    if folder is None:  # the package is a requirement; without it, matplotlib's default font
        return "DejaVu Sans"
    for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"):
        font_manager.fontManager.addfont(str(folder / name))
    return "Sarabun"


def _figure(height_in: float) -> Figure:
    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI)
    fig.set_facecolor(palette.BACKGROUND)
    return fig


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.08)
    return buffer.getvalue()


def _style(ax: object) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)  # type: ignore[attr-defined]
    for side in ("left", "bottom"):
        ax.spines[side].set_color(palette.RULE)  # type: ignore[attr-defined]
    ax.tick_params(colors=palette.TEXT, labelsize=10)  # type: ignore[attr-defined]
    ax.grid(axis="x", color=palette.GRID, linewidth=0.6)  # type: ignore[attr-defined]
    ax.set_axisbelow(True)  # type: ignore[attr-defined]


def bar_chart(labels: Sequence[str], series: Sequence[Series], axis_title: str,
              value_max: float | None = None) -> bytes:
    """Horizontal bars, first label on top, one bar per series and label, values printed."""
    family = font_family()
    n, k = len(labels), len(series)
    fig = _figure(0.45 + n * (0.22 + 0.16 * k))
    ax = fig.add_subplot()
    _style(ax)
    height = 0.8 / k
    for j, (name, values, color) in enumerate(series):
        ys = [i + (j - (k - 1) / 2) * height for i in range(n)]
        xs = [0.0 if v is None or v != v else float(v) for v in values]
        bars = ax.barh(ys, xs, height=height * 0.92, color=color, label=name)
        for bar, v in zip(bars, values, strict=True):
            if v is None or v != v:
                continue
            ax.annotate(f"{float(v):.2f}", (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                        xytext=(3, 0), textcoords="offset points", va="center", fontsize=8,
                        color=palette.TEXT, family=family)
    ax.set_yticks(range(n), [shorten(label, LABEL_CHARS) for label in labels], family=family)
    ax.invert_yaxis()
    top = value_max if value_max is not None else max(
        (float(v) for _, vs, _ in series for v in vs if v is not None and v == v), default=1.0)
    ax.set_xlim(0, top * 1.1)
    ax.set_xlabel(axis_title, family=family, fontsize=9, color=palette.MUTED)
    for label in ax.get_xticklabels():
        label.set_fontfamily(family)
    if k > 1:
        ax.legend(prop={"family": family, "size": 8}, loc="lower right", frameon=False,
                  bbox_to_anchor=(1.0, 1.0), ncol=k)
    return _png(fig)


def history_chart(years: Sequence[str], series: Sequence[Series], axis_title: str) -> bytes:
    """Lines over the years (total and tools), values printed at each point."""
    family = font_family()
    fig = _figure(2.8)
    ax = fig.add_subplot()
    _style(ax)
    ax.grid(axis="y", color=palette.GRID, linewidth=0.6)
    for name, values, color in series:
        points = [(x, float(v)) for x, v in enumerate(values) if v is not None and v == v]
        if not points:
            continue
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", color=color,
                label=name, linewidth=1.6)
    ax.set_xticks(range(len(years)), list(years), family=family)
    ax.set_ylabel(axis_title, family=family, fontsize=9, color=palette.MUTED)
    ax.set_ylim(top=100)
    for label in ax.get_yticklabels():
        label.set_fontfamily(family)
    ax.legend(prop={"family": family, "size": 8}, frameon=False, loc="lower right")
    return _png(fig)
