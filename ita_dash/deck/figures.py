"""Plotly figures of the slide model, for the presentation page (no Streamlit here).

Each :class:`~ita_dash.deck.model.Chart` becomes the same kind of chart as in the
PowerPoint deck, in large type; a :class:`~ita_dash.deck.model.Table` becomes a
Plotly table.
"""

from __future__ import annotations

from dataclasses import replace

import plotly.graph_objects as go

from ita_dash import palette
from ita_dash.deck import model as m
from ita_dash.escape import plotly
from ita_dash.images import FONT_FAMILY

FONT_SIZE = 22
HEIGHT = 470  # with the page header and footer, a slide fits a 1440 x 900 screen
# a phone (the page shows this variant below 640 px): smaller type, room at the edges
COMPACT_FONT_SIZE, COMPACT_HEIGHT = 14, 400
PROJECTOR_HEIGHT = 720  # full screen at 1920 x 1080: the chart takes what the title leaves
# projector themes: paper, text, grid (light is the deck's own look)
THEMES = {name: (colours["paper"], colours["text"], colours["grid"])
          for name, colours in (("dark", palette.DARK), ("contrast", palette.CONTRAST))}


def themed(fig: go.Figure, theme: str | None, *, height: int | None = None) -> go.Figure:
    """The figure for a projector: taller, and dark or high-contrast when asked."""
    if height:
        fig.update_layout(height=height)
    if theme in THEMES:
        paper, text, grid = THEMES[theme]
        fig.update_layout(paper_bgcolor=paper, plot_bgcolor=paper, font_color=text,
                          legend_font_color=text)
        fig.update_xaxes(gridcolor=grid, linecolor=grid, zerolinecolor=grid)
        fig.update_yaxes(gridcolor=grid, linecolor=grid, zerolinecolor=grid)
        fig.update_polars(bgcolor=paper, radialaxis_gridcolor=grid, angularaxis_gridcolor=grid,
                          radialaxis_color=text, angularaxis_color=text)
        fig.update_traces(textfont_color=text, selector={"type": "scatter"})
        fig.update_traces(textfont_color=text, selector={"type": "bar"})
    return fig


def _layout(fig: go.Figure, *, legend: bool, compact: bool = False) -> go.Figure:
    size = COMPACT_FONT_SIZE if compact else FONT_SIZE
    fig.update_layout(
        template="plotly_white", height=COMPACT_HEIGHT if compact else HEIGHT,
        showlegend=legend,
        font={"family": FONT_FAMILY, "size": size, "color": palette.TEXT},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": size}},
        margin={"l": 36, "r": 36, "t": 40, "b": 10} if compact
        else {"l": 10, "r": 30, "t": 40, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0,
                "font": {"size": size - 2}},
    )
    return fig


def _text(values: tuple[float | None, ...], signed: bool) -> list[str]:
    pattern = "{:+.2f}" if signed else "{:.2f}"
    return ["" if v is None else pattern.format(v) for v in values]


def _bars(spec: m.Chart, compact: bool = False) -> go.Figure:
    horizontal = spec.kind == "bar"
    size = COMPACT_FONT_SIZE if compact else FONT_SIZE
    signed = spec.number_format.startswith("+")
    fig = go.Figure()
    for s in spec.series:
        values = list(s.values)
        # on a phone, long labels of horizontal bars by their code only (hover names them)
        cats = [_short(c) for c in spec.categories] if compact and horizontal \
            else list(spec.categories)
        fig.add_bar(x=values if horizontal else cats, y=cats if horizontal else values,
                    orientation="h" if horizontal else "v", name=s.name,
                    marker_color=list(s.point_colors) or s.color,
                    text=_text(s.values, signed), textposition="outside", cliponaxis=False,
                    customdata=list(spec.categories),
                    hovertemplate="%{customdata}: %{" + ("x" if horizontal else "y")
                    + ":.2f}<extra></extra>",
                    textfont={"size": size - 2})
    if horizontal:
        fig.update_yaxes(autorange="reversed", automargin=True)
        fig.update_xaxes(visible=False, range=_range(spec))
    else:
        fig.update_yaxes(visible=False, range=_range(spec))
    return _layout(fig, legend=len(spec.series) > 1, compact=compact)


def _short(label: str, size: int = 12) -> str:
    """A phone's label: the code ('O22 มาตรการ…' -> 'O22'), or the label clipped."""
    head = label.split(" ", 1)[0]
    return head if len(head) <= size else head[:size - 1] + "…"


def _range(spec: m.Chart) -> list[float] | None:
    values = [v for s in spec.series for v in s.values if v is not None]
    if not values:
        return None
    low = min(0.0, min(values)) if spec.value_min is None else spec.value_min
    high = max(values) if spec.value_max is None else spec.value_max
    pad = (high - low) * 0.15 or 1.0
    return [low - (pad if low < 0 else 0), high + pad]


def _radar(spec: m.Chart, compact: bool = False) -> go.Figure:
    fig = go.Figure()
    # on a phone the axis shows the indicator numbers only (names do not fit); hover names them
    names = [*spec.categories, spec.categories[0]]
    cats = [_short(c) for c in names] if compact else names
    size = COMPACT_FONT_SIZE if compact else FONT_SIZE
    for i, s in enumerate(spec.series):
        values = [*s.values, s.values[0]]
        fig.add_scatterpolar(r=values, theta=cats, name=s.name, mode="lines+markers",
                             line={"color": s.color, "width": 4 if i == 0 else 3},
                             marker={"size": 9}, customdata=names,
                             hovertemplate="%{customdata}: %{r:.2f}<extra></extra>")
    fig.update_polars(radialaxis={"range": [spec.value_min or 0, spec.value_max or 100],
                                  "tickfont": {"size": size - 6}},
                      angularaxis={"tickfont": {"size": size - 2}, "direction": "clockwise",
                                   "rotation": 90})
    fig = _layout(fig, legend=True, compact=compact)
    fig.update_layout(margin={"t": 70, "b": 30})  # room for Thai marks above the top label
    return fig


def _lines(spec: m.Chart, compact: bool = False) -> go.Figure:
    fig = go.Figure()
    for i, s in enumerate(spec.series):
        fig.add_scatter(x=list(spec.categories), y=list(s.values), name=s.name,
                        mode="lines+markers+text" if i == 0 else "lines+markers",
                        text=_text(s.values, False) if i == 0 else None,
                        textposition="top center", line={"color": s.color, "width": 4 - (i > 0)},
                        marker={"size": 12})
    fig.update_xaxes(type="category", tickangle=0)
    fig.update_yaxes(range=[spec.value_min or 0, (spec.value_max or 100) + 3])
    fig.update_traces(cliponaxis=False)
    return _layout(fig, legend=True, compact=compact)


def chart_figure(spec: m.Chart, compact: bool = False) -> go.Figure:
    """The Plotly figure of a slide chart (names from the data escaped for Plotly)."""
    spec = replace(spec, categories=tuple(plotly(c) for c in spec.categories),
                   series=tuple(replace(s, name=plotly(s.name)) for s in spec.series))
    if spec.kind in ("bar", "column"):
        return _bars(spec, compact)
    if spec.kind == "radar":
        return _radar(spec, compact)
    return _lines(spec, compact)


def table_figure(spec: m.Table) -> go.Figure:
    """A Plotly table of a slide table (header in the deck colour)."""
    rows = [[plotly(v) if isinstance(v, str) else v for v in row] for row in spec.rows]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in spec.columns]
    align = ["right" if n else "left" for n in spec.numeric]
    fig = go.Figure(go.Table(
        columnwidth=list(spec.widths),
        header={"values": [plotly(c) for c in spec.columns], "fill_color": palette.PRIMARY, "align": align,
                "font": {"color": palette.WHITE, "size": FONT_SIZE - 2}, "height": 44},
        cells={"values": [list(c) for c in columns], "align": align, "height": 42,
               "fill_color": [[palette.PANEL if i % 2 == 0 else palette.WHITE
                               for i in range(len(spec.rows))]],
               "font": {"size": FONT_SIZE - 2}}))
    fig = _layout(fig, legend=False)
    fig.update_layout(height=min(HEIGHT, 60 + 46 * (len(spec.rows) + 1)))
    return fig


def slide_figure(slide: m.Slide) -> go.Figure | None:
    """The slide's chart or table as a figure; None for the title slide and empty slides."""
    if slide.is_empty:
        return None
    if slide.chart is not None:
        return chart_figure(slide.chart)
    if slide.table is not None:
        return table_figure(slide.table)
    return None
