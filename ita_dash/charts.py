"""Plotly figures built from the query layer's frames (no Streamlit here).

Every figure uses the Sarabun font, shows exact figures on hover (2 decimals)
and takes rating colours from the frames (``level_color`` / ``color``), which
come from the framework data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from ita_dash import palette
from ita_dash.escape import plotly
from ita_dash.i18n import pick, slice_label, t, year_label
from ita_dash.images import FONT_FAMILY
from ita_dash.palette import GAIN, GROUP, LOSS, NEUTRAL, PRIMARY, SERIES, TEXT
from ita_dash.palette import STATUS as STATUS_COLORS

STATUS_ORDER = ("zero", "partial", "full")


# The dashboard's look (Sarabun, light background, legend above, compact margins), registered
# once and used as Plotly's default template (:func:`_figure`): set on each figure, template
# and look cost 8 + 5 ms a chart.
pio.templates["ita"] = go.layout.Template(pio.templates["plotly_white"]).update(layout={
    "font": {"family": FONT_FAMILY, "size": 15, "color": TEXT},
    "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 15}},
    "margin": {"l": 8, "r": 16, "t": 36, "b": 8},
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0,
               "font": {"family": FONT_FAMILY, "size": 14}},
    "xaxis": {"automargin": True},
    "yaxis": {"automargin": True, "title": {"standoff": 10}},
})
TEMPLATE = "ita"


def _figure(*args: object, **kwargs: object) -> go.Figure:
    """A new figure in the dashboard's look: Plotly's default template, made ours here
    (importing Streamlit's Plotly element makes its own the default; a cheap check)."""
    if pio.templates.default != TEMPLATE:
        pio.templates.default = TEMPLATE
    return go.Figure(*args, **kwargs)


def base_layout(fig: go.Figure, *, height: int, legend: bool = True) -> go.Figure:
    """The figure's height and legend (the rest of the look is the default template)."""
    fig.update_layout(height=height, showlegend=legend)
    return fig


def _level_names(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each row's rating level in words ("level unknown" where no level could be computed)."""
    return [name or t("profile.level_unknown", lang) for name in _names(frame, "level", lang)]


def _padded(values: pd.Series, factor: float = 1.18) -> list[float]:
    """An axis range from 0 (or the lowest value) with room for labels outside the bars."""
    low, high = float(min(0.0, values.min())), float(max(0.0, values.max()))
    span = (high - low) or 1.0
    return [low - (span * (factor - 1) if low < 0 else 0), high + span * (factor - 1)]


def _names(frame: pd.DataFrame, stem: str, lang: str) -> list[str]:
    """Names from the data, escaped for Plotly (no tag of theirs is rendered)."""
    return [plotly(pick(th, en, lang)) for th, en in zip(frame[f"{stem}_th"], frame[f"{stem}_en"],
                                                 strict=True)]


def _codes(values: object) -> list[str]:
    """Codes from the data (indicator and item codes of a framework), escaped for Plotly."""
    return [plotly(c) for c in values]  # type: ignore[attr-defined]


def _escaped(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """``frame`` with its code ``columns`` escaped for Plotly: every label, tick, hover text
    and dictionary built from them afterwards holds no tag of the data's."""
    return frame.assign(**{c: _codes(frame[c]) for c in columns if c in frame})


def _color(value: object) -> str:
    return value if isinstance(value, str) and value.startswith("#") else NEUTRAL


def _year_axis(fig: go.Figure, years: list[int], lang: str) -> None:
    fig.update_xaxes(tickmode="array", tickvals=years,
                     ticktext=[year_label(y, lang) for y in years], title=t("chart.year", lang))


# ------------------------------------------------------------------- overview


def ranking_bar(ranking: pd.DataFrame, lang: str, highlight: str | None = None) -> go.Figure:
    """Horizontal bars in rank order, coloured by rating, with the pass line; the unit
    ``highlight`` (a unit id) is named in bold with its rank, so it is found at a glance."""
    frame = ranking.assign(name=_names(ranking, "short", lang),
                           level=_level_names(ranking, lang))
    fig = _figure()
    for (level, color), part in frame.groupby(["level", "level_color"], sort=False,
                                              dropna=False):
        fig.add_bar(x=part["score"], y=part["name"], orientation="h", name=str(level),
                    marker_color=_color(color), text=[f"{s:.2f}" for s in part["score"]],
                    **BAR_VALUE_LABELS, customdata=part[["rank", "level"]],
                    hovertemplate="<b>%{y}</b><br>" + t("chart.score", lang)
                    + " %{x:.2f}<br>" + t("chart.level", lang)
                    + " %{customdata[1]}<br>#%{customdata[0]}<extra></extra>")
    names = list(frame["name"])
    labels = [f"<b>▶ {int(r)}. {n}</b>" if u == highlight else n
              for u, r, n in zip(frame["unit_id"], frame["rank"], names, strict=True)]
    # every name labelled (also in the 1600 x 900 PNG, where 50 rows get ~15 px each)
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], tickmode="array",
                     tickvals=names, ticktext=labels,
                     tickfont={"size": 15 if len(names) <= 25 else 12})
    fig.update_xaxes(range=[0, 100], title=t("chart.score", lang))
    _pass_line(fig, frame, lang)
    return base_layout(fig, height=max(260, 30 * len(frame) + 110))


# value labels of ranking bars: a fixed readable size (Plotly would shrink them to the bar),
# at the bar's base, so the pass line near 85 never strikes through them
BAR_VALUE_LABELS: dict[str, object] = {
    "textposition": "inside", "insidetextanchor": "start", "constraintext": "none",
    "textfont": {"size": 13, "family": FONT_FAMILY}, "textangle": 0}


def _pass_line(fig: go.Figure, frame: pd.DataFrame, lang: str) -> None:
    """A dashed vertical line at each pass mark, named in the legend (a legend entry flows
    with the others, so on a phone it never lies over them)."""
    marks = frame["pass_mark"].dropna().unique() if "pass_mark" in frame else []
    for mark in marks:
        x = float(mark)
        fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=1, xref="x", yref="y domain",
                      line={"dash": "dash", "color": LOSS, "width": 2})
        fig.add_scatter(x=[None], y=[None], mode="lines", hoverinfo="skip",
                        name=t("chart.pass_line", lang, mark=x),
                        line={"dash": "dash", "color": LOSS, "width": 2})


def rating_bar(counts: pd.DataFrame, lang: str) -> go.Figure:
    """Units per rating level, each bar in its level's colour."""
    labels = _names(counts, "label", lang)
    fig = _figure(go.Bar(
        x=labels, y=counts["n_units"], marker_color=[_color(c) for c in counts["color"]],
        text=counts["n_units"], textposition="outside",
        hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.update_yaxes(range=[0, max(1, counts["n_units"].max()) * 1.25])
    _integer_axis(fig.update_yaxes, counts["n_units"])
    fig.update_xaxes(type="category")
    return base_layout(fig, height=300, legend=False)


def _integer_axis(update: object, counts: pd.Series) -> None:
    """Whole-number ticks on a count axis (never 0.2, 0.4 …)."""
    top = int(counts.max()) if len(counts) and pd.notna(counts.max()) else 1
    update(tickformat="d", dtick=_nice_step(top), rangemode="tozero")  # type: ignore[operator]


def _nice_step(top: int, ticks: int = 5) -> int:
    """A whole, round tick step (1, 2, 5, 10, 20, 50 …) giving about ``ticks`` ticks."""
    raw = max(1.0, top / ticks)
    power = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)



# --------------------------------------------------------------------- groups


def group_trend_lines(trend: pd.DataFrame, lang: str) -> go.Figure:
    """Mean score of each group per year."""
    fig = _figure()
    years = list(range(int(trend["fiscal_year"].min()), int(trend["fiscal_year"].max()) + 1))
    for i, (_, part) in enumerate(trend.groupby("group_id", sort=True)):
        name = _names(part, "name", lang)[0]
        # every year on the axis: a year without data is a gap, not a line across it
        part = part.set_index("fiscal_year").reindex(years).rename_axis("fiscal_year") \
            .reset_index()
        fig.add_scatter(x=part["fiscal_year"], y=part["mean"], mode="lines+markers", name=name,
                        connectgaps=False,
                        line={"color": SERIES[i % len(SERIES)], "width": 3},
                        customdata=part[["n_units"]],
                        hovertemplate=f"<b>{name}</b><br>%{{x}}: %{{y:.2f}}"
                        " (n=%{customdata[0]})<extra></extra>")
    _year_axis(fig, years, lang)
    return base_layout(fig, height=420)


def group_spread_box(spread: pd.DataFrame, lang: str) -> go.Figure:
    """Every unit's score per group: box with all points, hover names the unit."""
    fig = _figure()
    for i, (_, part) in enumerate(spread.groupby("group_id", sort=True)):
        group = _names(part, "group", lang)[0]
        fig.add_box(x=part["score"], y=[group] * len(part), name=group, orientation="h",
                    boxpoints="all", jitter=0.4, pointpos=0,
                    marker={"color": SERIES[i % len(SERIES)], "size": 9},
                    text=_names(part, "short", lang),
                    hovertemplate="<b>%{text}</b><br>%{x:.2f}<extra></extra>")
    fig.update_xaxes(title=t("chart.score", lang))
    n = spread["group_id"].nunique()
    return base_layout(fig, height=max(260, 70 * n + 90), legend=False)


# --------------------------------------------------------------- unit profile


def unit_history_lines(history: pd.DataFrame, lang: str,
                       national: pd.DataFrame | None = None) -> go.Figure:
    """Total and the three tools over the years; the national mean of the years published."""
    fig = _figure()
    series = (("score", t("chart.total", lang), 4, "solid"), ("iit", "IIT", 2, "dot"),
              ("eit", "EIT", 2, "dash"), ("oit", "OIT", 2, "dashdot"))
    for i, (column, name, width, dash) in enumerate(series):
        fig.add_scatter(x=history["fiscal_year"], y=history[column], name=name,
                        mode="lines+markers", line={"color": SERIES[i], "width": width,
                                                    "dash": dash},
                        hovertemplate=f"{name} %{{x}}: %{{y:.2f}}<extra></extra>")
    years = set(history["fiscal_year"])
    shown = national[national["fiscal_year"].isin(years)] if national is not None else None
    if shown is not None and not shown.empty:
        fig.add_scatter(x=shown["fiscal_year"], y=shown["mean_score"],
                        name=t("chart.national", lang), mode="lines+markers",
                        line={"color": NEUTRAL, "width": 2, "dash": "longdash"},
                        marker={"symbol": "diamond"},
                        hovertext=[national_source(r, lang) for _, r in shown.iterrows()],
                        hovertemplate="%{hovertext}<extra></extra>")
    _year_axis(fig, list(history["fiscal_year"]), lang)
    return base_layout(fig, height=380)


def radar_series(vs_group: pd.DataFrame, vs_previous: pd.DataFrame, lang: str,
                 group_name: str, previous_year: int) -> list[tuple[str, pd.Series]]:
    """The comparison series worth drawing: the group mean when the group holds other
    units, the previous year when the unit has one."""
    series = []
    if vs_group["n_units"].fillna(0).max() > 1:
        series.append((t("chart.group_mean", lang, group=plotly(group_name)), vs_group["comparison"]))
    if vs_previous["comparison"].notna().any():
        series.append((t("chart.previous_year", lang, year=year_label(previous_year, lang)),
                       vs_previous["comparison"]))
    return series


def radar_chart(mine: pd.DataFrame, comparisons: list[tuple[str, pd.Series]],
                lang: str) -> go.Figure:
    """The unit's ten indicators (``mine``: a radar frame) against comparison series.

    The axis shows the indicator numbers (long Thai labels do not fit a phone);
    hovering shows each indicator's name and the exact score.
    """
    theta = _codes(mine["indicator"])
    labels = _names(mine, "label", lang)
    fig = _figure()
    named = [(t("chart.this_year", lang), mine["value"]), *comparisons]
    for i, (name, values) in enumerate(named):
        r = list(values)
        fig.add_scatterpolar(r=r + r[:1], theta=theta + theta[:1], name=name,
                             customdata=labels + labels[:1], mode="lines+markers",
                             fill="toself" if i == 0 else "none",
                             line={"color": SERIES[i], "width": 3 if i == 0 else 2,
                                   "dash": "solid" if i == 0 else "dash"},
                             hovertemplate=f"{name}<br>%{{theta}} %{{customdata}}: "
                             "%{r:.2f}<extra></extra>")
    _radar_axes(fig, [v for _, values in named for v in values], lang)
    return base_layout(fig, height=480)


def radar_floor(values: list[object]) -> float:
    """Where the radial axis starts: 10 below the lowest value, in tens, never below 0 —
    units near 100 then differ visibly instead of all drawing the same full decagon."""
    known = [float(v) for v in values if v is not None and not pd.isna(v)]  # type: ignore[arg-type]
    if not known:
        return 0.0
    return float(max(0, (int(min(known)) - 10) // 10 * 10))


def _radar_axes(fig: go.Figure, values: list[object], lang: str) -> None:
    """The radial range that shows differences, labelled when it does not start at 0."""
    low = radar_floor(values)
    # the radial scale sits between indicators 1 and 2, not on top of label 1
    fig.update_polars(radialaxis={"range": [low, 100], "tickfont": {"size": 11}, "angle": 72,
                                  "tickangle": 0},
                      angularaxis={"tickfont": {"size": 16}, "direction": "clockwise"})
    # room below the circle for the bottom indicator's label and, under it, the note
    fig.update_layout(margin={"b": RADAR_BOTTOM_PX, "t": 64})
    if low > 0:
        fig.add_annotation(text=t("chart.radar_range", lang, low=low), showarrow=False,
                           xref="paper", yref="paper", x=0, y=0, yanchor="top",
                           yshift=-(RADAR_BOTTOM_PX - 22), xanchor="left",
                           font={"size": 12, "color": palette.MUTED})


RADAR_BOTTOM_PX = 60


def year_changes(deltas: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of ``indicator_deltas`` for ``year`` that have a change."""
    return deltas[(deltas["fiscal_year"] == year) & deltas["delta"].notna()]


def indicator_delta_bars(deltas: pd.DataFrame, lang: str) -> go.Figure:
    """Change of each indicator vs the previous year (rows of :func:`year_changes`)."""
    deltas = _escaped(deltas, "indicator")
    labels = [f"{c} {n}" for c, n in zip(deltas["indicator"], _names(deltas, "label", lang),
                                         strict=True)]
    fig = _figure(go.Bar(
        x=deltas["delta"], y=labels, orientation="h",
        marker_color=[GAIN if d >= 0 else LOSS for d in deltas["delta"].fillna(0)],
        text=[f"{d:+.2f}" for d in deltas["delta"]], textposition="outside", cliponaxis=False,
        customdata=deltas[["value"]],
        hovertemplate="%{y}<br>" + t("chart.change", lang)
        + ": %{x:+.2f}<br>= %{customdata[0]:.2f}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("chart.change", lang), zeroline=True, zerolinewidth=2,
                     range=_padded(deltas["delta"], 1.3))
    return base_layout(fig, height=max(260, 34 * len(deltas) + 90), legend=False)


def recoverable_bars(items: pd.DataFrame, lang: str, top: int = 10) -> go.Figure:
    """The items worth most points next year (largest first)."""
    head = _escaped(items.head(top), "code")
    labels = _names(head, "label", lang)
    fig = _figure(go.Bar(
        x=head["recoverable"], y=head["code"], orientation="h", marker_color=PRIMARY,
        text=[f"{v:.2f}" for v in head["recoverable"]], textposition="outside", cliponaxis=False,
        customdata=list(zip(labels, head["score"], head["points"], strict=True)),
        hovertemplate="<b>%{y}</b> %{customdata[0]}<br>"
        + t("chart.recoverable", lang) + ": %{x:.4f}<br>%{customdata[1]:.2f} / 100 · "
        + t("chart.points", lang) + " %{customdata[2]:.2f}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t("chart.recoverable", lang), range=_padded(head["recoverable"]))
    return base_layout(fig, height=max(240, 32 * len(head) + 90), legend=False)


# ------------------------------------------------------------ weak indicators


def _bottom_colorbar(title: str) -> dict:
    """A horizontal colour bar under the plot (leaves the width to the cells on a phone)."""
    return {"orientation": "h", "y": -0.02, "yanchor": "top", "thickness": 12, "len": 0.9,
            "title": {"text": title, "side": "top"}}


def _focus_ticks(fig: go.Figure, frame: pd.DataFrame, names: list[str],
                 focus_unit: str | None) -> None:
    """Bold ▶ tick for the chosen unit's row (when it is among the rows)."""
    mine = set(frame.loc[frame["unit_id"] == focus_unit, "unit"]) if focus_unit else set()
    if mine:
        fig.update_yaxes(tickmode="array", tickvals=names,
                         ticktext=[f"<b>▶ {n}</b>" if n in mine else n for n in names])


def indicator_heatmap(matrix: pd.DataFrame, lang: str,
                      focus_unit: str | None = None) -> go.Figure:
    """Units (rows, best total first) x the ten indicators, cells coloured by score."""
    matrix = _escaped(matrix, "indicator")
    units = list(dict.fromkeys(_names(matrix, "short", lang)))
    frame = matrix.assign(unit=_names(matrix, "short", lang), label=_names(matrix, "label", lang))
    codes = list(frame.sort_values("seq")["indicator"].drop_duplicates())
    z = frame.pivot_table(index="unit", columns="indicator", values="value", aggfunc="first")
    z = z.reindex(index=units, columns=codes)
    labels = dict(zip(frame["indicator"], frame["label"], strict=False))
    low = float(frame["value"].min())
    fig = _figure(go.Heatmap(
        z=z.values, x=codes, y=units, colorscale="RdYlGn", zmin=min(low, 100) // 5 * 5, zmax=100,
        texttemplate="%{z:.2f}", textfont={"size": 12, "family": FONT_FAMILY},
        customdata=np.broadcast_to(np.array([labels.get(c, c) for c in codes], dtype=object),
                                   z.shape),
        hovertemplate="<b>%{y}</b><br>%{x} %{customdata}: %{z:.2f}<extra></extra>",
        colorbar=_bottom_colorbar(t("col.value", lang))))
    fig.update_xaxes(type="category", side="top", title=t("col.indicator_no", lang),
                     tickmode="array", tickvals=codes, ticktext=codes)
    fig.update_yaxes(autorange="reversed", type="category", ticksuffix=" ", tickmode="array",
                     tickvals=units, ticktext=units)
    fig.update_layout(meta={"min_width": 560})  # the cells keep their figures on a phone
    _focus_ticks(fig, frame, units, focus_unit)
    return base_layout(fig, height=max(300, 30 * len(units) + 170), legend=False)


def weakest_frequency_bars(freq: pd.DataFrame, lang: str) -> go.Figure:
    freq = _escaped(freq, "indicator")
    labels = [f"{c} {n}" for c, n in zip(freq["indicator"], _names(freq, "label", lang),
                                         strict=True)]
    fig = _figure(go.Bar(
        x=freq["n_units"], y=labels, orientation="h", marker_color=GROUP,
        text=freq["n_units"], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("chart.weakest_count", lang), range=_padded(freq["n_units"]))
    _integer_axis(fig.update_xaxes, freq["n_units"])
    return base_layout(fig, height=max(260, 34 * len(freq) + 90), legend=False)


# ------------------------------------------------------------------- O-items


def _status_scale() -> list[list[object]]:
    """A stepped colour scale: one solid colour per status (zero, partial, full)."""
    n = len(STATUS_ORDER)
    scale: list[list[object]] = []
    for i, status in enumerate(STATUS_ORDER):
        scale += [[i / n, STATUS_COLORS[status]], [(i + 1) / n, STATUS_COLORS[status]]]
    return scale


def open_item_grid(grid: pd.DataFrame, lang: str, focus_unit: str | None = None) -> go.Figure:
    """Units x O-items: full / partial / zero as three colours."""
    grid = _escaped(grid, "code")
    frame = grid.assign(unit=_names(grid, "short", lang), label=_names(grid, "label", lang),
                        level=grid["status"].map({s: i for i, s in enumerate(STATUS_ORDER)}))
    units = list(dict.fromkeys(frame["unit"]))
    codes = list(frame.sort_values("seq")["code"].drop_duplicates())
    z = frame.pivot_table(index="unit", columns="code", values="level", aggfunc="first")
    score = frame.pivot_table(index="unit", columns="code", values="score", aggfunc="first")
    z, score = (m.reindex(index=units, columns=codes) for m in (z, score))
    labels = dict(zip(frame["code"], frame["label"], strict=False))
    names = np.broadcast_to(np.array([labels.get(c, c) for c in codes], dtype=object),
                            z.shape)  # one label per column, not per cell
    n = len(STATUS_ORDER)
    ticks = [t(f"status.{s}", lang) for s in STATUS_ORDER]
    fig = _figure(go.Heatmap(
        z=z.values, x=codes, y=units, zmin=-0.5, zmax=n - 0.5, colorscale=_status_scale(),
        xgap=2, ygap=2, text=names, customdata=score.values,
        hovertemplate="<b>%{y}</b><br>%{x} %{text}<br>%{customdata:.2f}"
        "<extra></extra>",
        colorbar=_bottom_colorbar("") | {"tickvals": list(range(n)), "ticktext": ticks}))
    # every item labelled: 22 px per column at least, wider grids scroll on a phone
    fig.update_xaxes(type="category", side="top", tickangle=-90, tickmode="array",
                     tickvals=codes, ticktext=codes, tickfont={"size": 12})
    fig.update_yaxes(autorange="reversed", type="category", ticksuffix=" ", tickmode="array",
                     tickvals=units, ticktext=units)
    fig.update_layout(meta={"min_width": 140 + 22 * len(codes)})
    _focus_ticks(fig, frame, units, focus_unit)
    return base_layout(fig, height=max(260, 28 * len(units) + 190), legend=False)


def miss_count_bars(miss: pd.DataFrame, lang: str) -> go.Figure:
    """Units at zero per O-item (in framework order)."""
    frame = _escaped(miss.sort_values("seq"), "code")
    fig = _figure(go.Bar(
        x=frame["code"], y=frame["n_zero"], marker_color=STATUS_COLORS["zero"],
        customdata=list(zip(_names(frame, "label", lang), frame["n_units"], frame["pct_zero"],
                            strict=True)),
        hovertemplate="<b>%{x}</b> %{customdata[0]}<br>%{y} / %{customdata[1]}"
        " (%{customdata[2]:.1f}%)<extra></extra>"))
    fig.update_xaxes(type="category", tickangle=-90, tickmode="array",
                     tickvals=list(frame["code"]), ticktext=list(frame["code"]))
    fig.update_yaxes(title=t("chart.n_zero", lang))
    _integer_axis(fig.update_yaxes, frame["n_zero"])
    return base_layout(fig, height=340, legend=False)


# ------------------------------------------------------------- national scale

FOCUS_LINE = palette.FOCUS_LINE
GAP = "⋯"


def focus_rows(ranking: pd.DataFrame, unit_id: str | None, *, top: int,
               around: int = 3) -> pd.DataFrame:
    """The rows worth a chart in a long ranking: the ``top`` first, the ``top`` last and
    the chosen unit with ``around`` neighbours each side (in rank order, no repeats)."""
    n = len(ranking)
    keep = set(range(min(top, n))) | set(range(max(0, n - top), n))
    if unit_id is not None:
        hits = np.flatnonzero(ranking["unit_id"].to_numpy() == unit_id)
        if hits.size:
            at = int(hits[0])
            keep |= set(range(max(0, at - around), min(n, at + around + 1)))
    return ranking.iloc[sorted(keep)]


def national_source(row: pd.Series, lang: str) -> str:
    """'ค่าเฉลี่ยทั้งประเทศ 2566: 90.19 (8,323 หน่วยงาน)<br>ที่มา: …' for Plotly (the source's
    title and page, from data, escaped)."""
    units = f"{int(row['n_units']):,}" if pd.notna(row["n_units"]) else "?"
    passed = (t("chart.national_passed", lang, n=f"{int(row['n_passed']):,}",
                rate=float(row["pass_rate"])) if pd.notna(row["n_passed"]) else "")
    where = row["source_url"] if isinstance(row["source_url"], str) and row["source_url"] \
        else t("chart.national_no_url", lang)
    return t("chart.national_hover", lang, year=year_label(int(row["fiscal_year"]), lang),
             mean=float(row["mean_score"]), units=units, passed=passed,
             source=plotly(f"{row['source_title']} ({where})"))


def national_mark(fig: go.Figure, national: pd.Series | None, lang: str,
                  names: list[str]) -> None:
    """The year's national mean as a dotted vertical line across a ranking's rows, named in
    the legend with its value, the figures and their source on hover."""
    if national is None or not names:
        return
    x = float(national["mean_score"])
    fig.add_scatter(x=[x] * len(names), y=names, mode="lines",
                    name=t("chart.national_line", lang, mean=x),
                    line={"color": TEXT, "width": 2, "dash": "dot"},
                    hovertemplate=national_source(national, lang) + "<extra></extra>")


def ranking_focus_bar(rows: pd.DataFrame, lang: str, unit_id: str | None,
                      national: pd.Series | None = None) -> go.Figure:
    """Bars of a ranking's chosen rows (see :func:`focus_rows`) in rank order, coloured by
    rating; the chosen unit outlined and in bold, a ⋯ row where ranks are skipped."""
    names = [f"{r}. {n}" for r, n in zip(rows["rank"], _names(rows, "short", lang), strict=True)]
    frame = rows.assign(name=names, level=_level_names(rows, lang))
    positions = np.arange(len(rows)) if "position" not in rows else rows["position"].to_numpy()
    order: list[str] = []
    for i, name in enumerate(frame["name"]):
        if i and positions[i] != positions[i - 1] + 1:
            order.append(GAP + " " * i)  # a distinct empty row per gap
        order.append(name)
    focus = (frame["unit_id"] == unit_id).to_numpy()
    fig = _figure()
    for (level, color), part in frame.groupby(["level", "level_color"], sort=False,
                                              dropna=False):
        mine = focus[frame.index.get_indexer(part.index)]
        fig.add_bar(x=part["score"], y=part["name"], orientation="h", name=str(level),
                    marker={"color": _color(color),
                            "line": {"color": np.where(mine, FOCUS_LINE, _color(color)),
                                     "width": np.where(mine, 4, 0)}},
                    text=[f"{s:.2f}" for s in part["score"]], **BAR_VALUE_LABELS,
                    customdata=part[["rank", "level"]],
                    hovertemplate="<b>%{y}</b><br>" + t("chart.score", lang)
                    + " %{x:.2f}<br>" + t("chart.level", lang)
                    + " %{customdata[1]}<extra></extra>")
    chosen = set(frame.loc[focus, "name"])
    ticks = [f"<b>▶ {n}</b>" if n in chosen else n for n in order]
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], tickmode="array",
                     tickvals=order, ticktext=ticks)
    fig.update_xaxes(range=[0, 100], title=t("chart.score", lang))
    _pass_line(fig, frame, lang)
    national_mark(fig, national, lang, order)
    return base_layout(fig, height=max(260, 26 * len(order) + 110))


def _clip(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


def _slice_rows(frame: pd.DataFrame, by: str, lang: str,
                names: dict[str, str] | None = None) -> list[str]:
    """'ภาคเหนือ (939)': each slice's label (clipped, for phones) and unit count."""
    return [plotly(f"{_clip(slice_label(by, v, lang, names, short=True), 18)} ({n:,})")
            for v, n in zip(frame["value"], frame["n_units"], strict=True)]


def _row_height(n_rows: int) -> int:
    """Rows get thinner as they multiply, so a chart stays within about two screens."""
    return 30 if n_rows <= 30 else 22


def indicator_slice_heatmap(matrix: pd.DataFrame, by: str, lang: str,
                            focus: object = None,
                            names: dict[str, str] | None = None) -> go.Figure:
    """Slices (rows, best mean first) x the ten indicators: each slice's mean value."""
    matrix = _escaped(matrix, "indicator")
    per_slice = matrix.groupby("value", sort=False, dropna=False)["n_units"].max()
    rows = per_slice.reset_index()
    labels = _slice_rows(rows, by, lang, names)
    codes = list(matrix.sort_values("seq")["indicator"].drop_duplicates())
    key = matrix["value"].astype(object).where(matrix["value"].notna(), "")
    z = matrix.assign(key=key).pivot_table(index="key", columns="indicator", values="mean",
                                           aggfunc="first", dropna=False)
    z = z.reindex(index=rows["value"].astype(object).where(rows["value"].notna(), ""),
                  columns=codes)
    names = dict(zip(matrix["indicator"], _names(matrix, "label", lang), strict=False))
    low = float(matrix["mean"].min())
    ticks = [f"<b>▶ {lab}</b>" if v == focus else lab for v, lab in zip(rows["value"], labels,
                                                                          strict=True)]
    fig = _figure(go.Heatmap(
        z=z.values, x=codes, y=labels, colorscale="RdYlGn", zmin=min(low, 100) // 5 * 5,
        zmax=100, texttemplate="%{z:.1f}", textfont={"size": 11, "family": FONT_FAMILY},
        customdata=np.broadcast_to(np.array([names.get(c, c) for c in codes], dtype=object),
                                   z.shape),
        hovertemplate="<b>%{y}</b><br>%{x} %{customdata}: %{z:.2f}<extra></extra>",
        colorbar=_bottom_colorbar(t("agg.mean", lang))))
    fig.update_xaxes(type="category", side="top", title=t("col.indicator_no", lang))
    fig.update_yaxes(autorange="reversed", type="category", ticksuffix=" ", tickmode="array",
                     tickvals=labels, ticktext=ticks)
    fig.update_layout(meta={"min_width": 620})  # the cells keep their figures on a phone
    return base_layout(fig, height=max(300, _row_height(len(rows)) * len(rows) + 170),
                       legend=False)


def open_item_slice_heatmap(grid: pd.DataFrame, by: str, lang: str,
                            focus: object = None,
                            names: dict[str, str] | None = None) -> go.Figure:
    """Slices (most items at zero first) x O-items: the share of the slice's units at zero
    (white to red)."""
    grid = _escaped(grid, "code")
    rows = (grid.groupby("value", sort=False, dropna=False)
            .agg(n_units=("n_units", "max"), worst=("pct_zero", "mean"))
            .reset_index().sort_values(["worst", "n_units"], ascending=False))
    labels = _slice_rows(rows, by, lang, names)
    codes = list(grid.sort_values("seq")["code"].drop_duplicates())
    key = grid["value"].astype(object).where(grid["value"].notna(), "")
    shaped = grid.assign(key=key)
    index = rows["value"].astype(object).where(rows["value"].notna(), "")
    z, n_zero, n_units = (shaped.pivot_table(index="key", columns="code", values=c,
                                             aggfunc="first", dropna=False)
                          .reindex(index=index, columns=codes)
                          for c in ("pct_zero", "n_zero", "n_units"))
    names = dict(zip(grid["code"], _names(grid, "label", lang), strict=False))
    ticks = [f"<b>▶ {lab}</b>" if v == focus else lab for v, lab in zip(rows["value"], labels,
                                                                          strict=True)]
    fig = _figure(go.Heatmap(
        z=z.values, x=codes, y=labels, zmin=0, zmax=max(10.0, float(np.nanmax(z.values))),
        colorscale=[[0, palette.BACKGROUND], [1, STATUS_COLORS["zero"]]], xgap=1, ygap=1,
        text=np.broadcast_to(np.array([names.get(c, c) for c in codes], dtype=object), z.shape),
        customdata=np.dstack([n_zero.values, n_units.values]),
        hovertemplate="<b>%{y}</b><br>%{x} %{text}<br>%{z:.1f}% "
        "(%{customdata[0]:.0f} / %{customdata[1]:.0f})<extra></extra>",
        colorbar=_bottom_colorbar(t("agg.pct_zero", lang))))
    fig.update_xaxes(type="category", side="top", tickangle=-90)
    fig.update_yaxes(autorange="reversed", type="category", ticksuffix=" ", tickmode="array",
                     tickvals=labels, ticktext=ticks)
    fig.update_layout(meta={"min_width": 180 + 22 * len(codes)})  # every item labelled
    return base_layout(fig, height=max(260, _row_height(len(rows)) * len(rows) + 190),
                       legend=False)


# -------------------------------------------------------------------- compare


def compare_lines(frame: pd.DataFrame, column: str, lang: str, axis_title: str) -> go.Figure:
    """One line per unit over the years (``frame``: unit_id, short_th/en, fiscal_year and
    ``column``); a year without a value is a gap."""
    fig = _figure()
    years = list(range(int(frame["fiscal_year"].min()), int(frame["fiscal_year"].max()) + 1))
    for i, (_, part) in enumerate(frame.groupby("unit_id", sort=False)):
        name = _names(part, "short", lang)[0]
        part = part.set_index("fiscal_year").reindex(years)
        fig.add_scatter(x=years, y=part[column], name=name, mode="lines+markers",
                        connectgaps=False, line={"color": SERIES[i % len(SERIES)], "width": 3},
                        marker={"size": 9},
                        hovertemplate=f"<b>{name}</b><br>%{{x}}: %{{y:.2f}}<extra></extra>")
    _year_axis(fig, years, lang)
    fig.update_yaxes(title=axis_title)
    return base_layout(fig, height=400)


def compare_radar(indicators: pd.DataFrame, lang: str) -> go.Figure:
    """The ten indicators of several units in one year, overlaid (range that shows
    differences, labelled)."""
    fig = _figure()
    for i, (_, part) in enumerate(indicators.groupby("unit_id", sort=False)):
        part = part.sort_values("seq")
        name = _names(part, "short", lang)[0]
        theta = _codes(part["indicator"])
        labels = _names(part, "label", lang)
        r = list(part["value"])
        fig.add_scatterpolar(r=r + r[:1], theta=theta + theta[:1], name=name,
                             customdata=labels + labels[:1], mode="lines+markers",
                             line={"color": SERIES[i % len(SERIES)], "width": 3},
                             hovertemplate=f"{name}<br>%{{theta}} %{{customdata}}: "
                             "%{r:.2f}<extra></extra>")
    _radar_axes(fig, list(indicators["value"]), lang)
    return base_layout(fig, height=480)
