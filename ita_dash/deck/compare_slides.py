"""The comparison slides of a deck made for several units (the compare page's "open as
slides", scope ``units:a,b,c``): their totals over the years and their ten indicators in the
deck's year, one series per unit. Nothing for a deck of one unit and its group."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_dash import palette, queries
from ita_dash.deck import model as m
from ita_dash.deck.context import Context, Read, reader

MIN_UNITS = 2


def _name(ctx: Context, part: pd.DataFrame) -> str:
    row = part.iloc[0]
    short = row.get(ctx.col("short"))
    return str(short if isinstance(short, str) and short else row["short_th"])


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def comparison_slides(con: duckdb.DuckDBPyConnection, ctx: Context,
                      read: Read | None = None) -> tuple[m.Slide, ...]:
    """Totals by year and the ten indicators of the deck's units, side by side."""
    if ctx.scope.kind != "units" or len(ctx.scope.units) < MIN_UNITS:
        return ()
    read = reader(con, read)
    order = {u: i for i, u in enumerate(ctx.scope.units)}
    history = read(queries.compare_history, dataset=ctx.dataset, scope=ctx.scope)
    history = history[history["fiscal_year"] <= ctx.year]
    slides = []
    if not history.empty:
        years = sorted(int(y) for y in history["fiscal_year"].unique())
        series = []
        for unit, part in sorted(history.groupby("unit_id"), key=lambda g: order.get(g[0], 99)):
            by_year = dict(zip(part["fiscal_year"].astype(int), part["score"], strict=True))
            series.append(m.Series(_name(ctx, part), tuple(_num(by_year.get(y)) for y in years),
                                   color=palette.SERIES[order.get(unit, 0) % len(palette.SERIES)]))
        values = [v for s in series for v in s.values if v is not None]
        floor = float(max(0, min(50, int(min(values, default=0) // 10) * 10)))
        slides.append(m.Slide(
            key="compare_history", title=ctx.t("compare_history_title"),
            subtitle=ctx.t("compare_sub", n=len(series)), source=ctx.source,
            chart=m.Chart(kind="line", categories=tuple(str(y) for y in years),
                          series=tuple(series), axis_title=ctx.t("score_axis"),
                          value_min=floor, value_max=100)))
    indicators = read(queries.compare_indicators, dataset=ctx.dataset, scope=ctx.scope)
    indicators = indicators[indicators["fiscal_year"] == ctx.year].sort_values("seq")
    if not indicators.empty:
        codes = list(dict.fromkeys(indicators["indicator"]))
        labels = dict(zip(indicators["indicator"], indicators[ctx.col("label")].fillna(
            indicators["label_th"]), strict=False))
        series = []
        for unit, part in sorted(indicators.groupby("unit_id"), key=lambda g: order.get(g[0], 99)):
            by_code = dict(zip(part["indicator"], part["value"], strict=True))
            series.append(m.Series(_name(ctx, part), tuple(_num(by_code.get(c)) for c in codes),
                                   color=palette.SERIES[order.get(unit, 0) % len(palette.SERIES)]))
        known = [v for s in series for v in s.values if v is not None]
        floor = float(max(0, (int(min(known, default=0) // 10) - 1) * 10))
        slides.append(m.Slide(
            key="compare_radar", title=ctx.t("compare_radar_title"),
            subtitle=ctx.t("compare_radar_sub", n=len(series), year=ctx.year_text()),
            source=ctx.source,
            chart=m.Chart(kind="radar", categories=tuple(f"{c} {labels[c]}" for c in codes),
                          series=tuple(series), value_min=floor, value_max=100,
                          data_labels=False)))
    return tuple(slides)
