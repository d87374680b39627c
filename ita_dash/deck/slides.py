"""The slides of a meeting deck for one unit, year, scope and dataset, from the query layer.

:func:`build_deck` returns a :class:`~ita_dash.deck.model.Deck`: title,
ranking in the scope (unit highlighted), score history, the ten indicators
against the group mean and the previous year, indicator changes, weakest
indicators and items, zero O-items and points recoverable. A slide with
nothing to show carries a message instead of a chart. The same model feeds
the PowerPoint deck, the presentation page and the Excel workbook.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import duckdb
import pandas as pd

from ita_dash import palette
from ita_dash.deck import model as m
from ita_dash.deck.compare_slides import comparison_slides
from ita_dash.deck.context import (
    Context,
    DeckData,
    DeckError,
    Read,
    check_year,
    default_scope,
    gather,
    make_context,
    resolve_unit,
)
from ita_dash.deck.tables import deck_tables
from ita_dash.deck.text import fmt, format_date, shorten
from ita_dash.deck.whatif_slide import whatif_slide
from ita_dash.framework.model import Registry
from ita_dash.scope import Scope

Con = duckdb.DuckDBPyConnection
MAX_BARS = 12
MAX_ITEM_BARS = 8
MAX_ZERO_ROWS = 8
LABEL_CHARS = 30  # bar-chart category labels
TABLE_CHARS = 50  # one table line at 18 pt in the name column, even in a wider fallback font

__all__ = ["DeckError", "DeckData", "build_deck", "resolve_unit"]


def _slide(ctx: Context, key: str, title: str, **parts: object) -> m.Slide:
    return m.Slide(key=key, title=title, source=ctx.source, **parts)  # type: ignore[arg-type]


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def _item_name(ctx: Context, row: pd.Series, limit: int) -> str:
    """The item's label in the deck's language (Thai when missing), shortened."""
    for col in (ctx.col("label"), "label_th"):
        label = row.get(col)
        if label is not None and not pd.isna(label) and str(label).strip():
            return shorten(str(label), limit)
    return ""


def _item_label(ctx: Context, row: pd.Series, limit: int = LABEL_CHARS) -> str:
    return f"{row['code']} {_item_name(ctx, row, limit)}".strip()


def _indicator_label(ctx: Context, row: pd.Series) -> str:
    return f"{row['indicator']} {row[ctx.col('label')]}"


# ------------------------------------------------------------------------- slides


def title_slide(ctx: Context, data: DeckData) -> m.Slide:
    row = data.history[data.history["fiscal_year"] == ctx.year].iloc[0]
    lines = [ctx.t("dataset", label=ctx.dataset_label), ctx.t("scope", name=ctx.scope_name)]
    if pd.isna(row["score"]):
        lines.insert(0, ctx.t("no_score"))
    else:
        level = row[ctx.col("level")]
        lines.insert(0, ctx.t("total_line", score=fmt(row["score"]),
                              level="–" if pd.isna(level) else level))
        if row[["iit", "eit", "oit"]].notna().any():
            lines.insert(1, ctx.t("tools_line", iit=fmt(row["iit"]), eit=fmt(row["eit"]),
                                  oit=fmt(row["oit"])))
    lines.append(ctx.t("made_on", date=format_date(ctx.today, ctx.lang)))
    return _slide(ctx, "title", ctx.unit_name,
                  subtitle=ctx.t("deck_title", year=ctx.year_text()), lines=tuple(lines))


def ranking_window(n: int, pos: int, limit: int = MAX_BARS) -> list[int]:
    """Row positions to chart: all when few, else the top ones and the unit's neighbours."""
    if n <= limit:
        return list(range(n))
    around = set(range(max(0, pos - 3), min(n, pos + 4)))
    top = 0
    while len(around | set(range(top))) < limit:
        top += 1
    return sorted(around | set(range(top)))


def ranking_slide(ctx: Context, data: DeckData) -> m.Slide:
    title = ctx.t("ranking_title", scope=ctx.scope_name)
    ranked = data.ranking.reset_index(drop=True)
    mine = ranked.index[ranked["unit_id"] == ctx.unit_id]
    if mine.empty:
        return _slide(ctx, "ranking", title, message=_unranked(ctx, data, ranked))
    if len(ranked) == 1:  # a ranking of one is no ranking: say so instead of one bar
        return _slide(ctx, "ranking", title, message=ctx.t(
            "ranking_alone", scope=ctx.scope_name, year=ctx.year_text()))
    pos = int(mine[0])
    shown = ranked.iloc[ranking_window(len(ranked), pos)]
    me = ranked.iloc[pos]
    notes: tuple[str, ...] = ()
    if len(shown) < len(ranked):
        notes = (ctx.t("ranking_window", shown=len(shown), n=len(ranked)),)
    chart = m.Chart(
        kind="bar",
        categories=tuple(f"{int(r['rank'])}. {r[ctx.col('short')]}" for _, r in shown.iterrows()),
        series=(m.Series(ctx.t("total"), tuple(_num(v) for v in shown["score"]),
                         point_colors=tuple(palette.PRIMARY if u == ctx.unit_id else palette.OTHER
                                            for u in shown["unit_id"])),),
        axis_title=ctx.t("score_axis"), value_min=0, value_max=100)
    subtitle = ctx.t("ranking_sub", rank=int(me["rank"]), n=len(ranked), score=fmt(me["score"]))
    notes += _national_notes(ctx, data, [ctx.year])
    return _slide(ctx, "ranking", title, subtitle=subtitle, chart=chart, notes=notes)


def _national(data: DeckData, years: list[int]) -> pd.DataFrame:
    national = data.national if data.national is not None else pd.DataFrame(
        columns=["fiscal_year"])
    return national[national["fiscal_year"].isin(years)]


def _national_notes(ctx: Context, data: DeckData, years: list[int]) -> tuple[str, ...]:
    """One short line: the national mean of the years published and the sources ('ค่าเฉลี่ย
    ทั้งประเทศ 2566: 90.19 (8,323 หน่วยงาน, ผ่าน 6,737 (80.94 %)) · ที่มา: …' for one year;
    '2564 81.25; 2565 87.57 · ที่มา: …' for several)."""
    rows = _national(data, years)
    if rows.empty:
        return ()
    sources = []
    for _, r in rows.iterrows():
        url = r["source_url"] if isinstance(r["source_url"], str) and r["source_url"] else None
        sources.append(url or ctx.t("national_no_url"))
    source = "; ".join(dict.fromkeys(sources))
    if len(rows) == 1:
        r = rows.iloc[0]
        passed = (ctx.t("national_passed", n=f"{int(r['n_passed']):,}", rate=float(r["pass_rate"]))
                  if pd.notna(r["n_passed"]) else "")
        return (ctx.t("national_note", year=str(int(r["fiscal_year"])), mean=fmt(r["mean_score"]),
                      units=f"{int(r['n_units']):,}", passed=passed, source=source),)
    means = "; ".join(f"{int(r['fiscal_year'])} {fmt(r['mean_score'])}" for _, r in rows.iterrows())
    return (ctx.t("national_years", means=means, source=source),)


def _unranked(ctx: Context, data: DeckData, ranked: pd.DataFrame) -> str:
    """Why the unit is not in the ranking: no total score, no unit ranked, or outside scope."""
    own = data.history.loc[data.history["fiscal_year"] == ctx.year, "score"]
    if own.isna().all():
        return ctx.t("ranking_missing", unit=ctx.unit_short, year=ctx.year_text())
    if ranked.empty:
        return ctx.t("ranking_empty", scope=ctx.scope_name, year=ctx.year_text())
    return ctx.t("ranking_outside", unit=ctx.unit_short, scope=ctx.scope_name)


def history_slide(ctx: Context, data: DeckData) -> m.Slide:
    title = ctx.t("history_title")
    hist = data.history[data.history["fiscal_year"] <= ctx.year]
    columns = [("score", ctx.t("total")), ("iit", "IIT"), ("eit", "EIT"), ("oit", "OIT")]
    series = tuple(m.Series(name, tuple(_num(v) for v in hist[col]), color=color)
                   for (col, name), color in zip(columns, palette.TOOLS, strict=True))
    years = [int(y) for y in hist["fiscal_year"]]
    means = _national(data, years)
    if not means.empty:  # the national mean of the years published, as a reference line
        by_year = dict(zip(means["fiscal_year"], means["mean_score"], strict=True))
        series += (m.Series(ctx.t("national"), tuple(_num(by_year.get(y)) for y in years),
                            color=palette.NEUTRAL),)
    chart = m.Chart(kind="line", categories=tuple(str(int(y)) for y in hist["fiscal_year"]),
                    series=series, axis_title=ctx.t("score_axis"), value_max=100,
                    value_min=_floor10(hist[["score", "iit", "eit", "oit"]]))
    notes: list[str] = []
    if len(hist) == 1:
        notes.append(ctx.t("history_one", year=ctx.year_text()))
    if hist["framework_id"].nunique() > 1:
        names = "; ".join(f"{a}–{b} {ctx.framework_names.get(f, f)}"
                          for f, a, b in _framework_spans(hist))
        notes.append(ctx.t("history_frameworks", names=names))
    notes.extend(_national_notes(ctx, data, years))
    return _slide(ctx, "history", title, subtitle=ctx.t("history_sub", n=len(hist)),
                  chart=chart, notes=tuple(notes))


def _floor10(frame: pd.DataFrame) -> float:
    low = frame.min(skipna=True).min(skipna=True)
    return 0.0 if pd.isna(low) else float(max(0, min(50, int(low // 10) * 10)))


def _framework_spans(hist: pd.DataFrame) -> list[tuple[str, int, int]]:
    spans = hist.groupby("framework_id", sort=False)["fiscal_year"].agg(["min", "max"])
    return [(str(f), int(r["min"]), int(r["max"])) for f, r in spans.iterrows()]


def radar_slide(ctx: Context, data: DeckData) -> m.Slide:
    title = ctx.t("radar_title")
    group, prev = data.radar_group, data.radar_prev
    if group["value"].isna().all():
        return _slide(ctx, "radar", title, message=ctx.t(
            "radar_missing", unit=ctx.unit_short, year=ctx.year_text()))
    n_group = int(group["n_units"].max()) if group["n_units"].notna().any() else 0
    series = [m.Series(f"{ctx.unit_short} {ctx.year}", tuple(_num(v) for v in group["value"]))]
    notes: list[str] = []
    if n_group > 1:
        series.append(m.Series(ctx.t("group_mean", n=n_group),
                               tuple(_num(v) for v in group["comparison"]), palette.GROUP))
    elif n_group == 1:
        notes.append(ctx.t("group_single"))
    n_scored = int(group["value"].notna().sum())
    if n_scored < len(group):
        notes.insert(0, ctx.t("radar_partial", n=n_scored))
    if prev["comparison"].notna().any() and ctx.prev_year is not None:
        series.append(m.Series(f"{ctx.unit_short} {ctx.prev_year}",
                               tuple(_num(v) for v in prev["comparison"]), palette.PREVIOUS))
    else:
        notes.append(ctx.t("no_prev", year=ctx.year_text(ctx.prev_year or ctx.year - 1)))
    chart = m.Chart(kind="radar", categories=tuple(_indicator_label(ctx, r)
                                                   for _, r in group.iterrows()),
                    series=tuple(series), value_min=_radar_floor(series), value_max=100,
                    data_labels=False)
    return _slide(ctx, "radar", title, subtitle=ctx.t("radar_sub", scope=ctx.scope_name),
                  chart=chart, notes=tuple(notes))


def _radar_floor(series: list[m.Series]) -> float:
    """The radar's centre: ten below the lowest score, rounded down to ten (differences
    between 80 and 100 are invisible on a 0-100 radar)."""
    values = [v for s in series for v in s.values if v is not None]
    return float(max(0, (int(min(values, default=0) // 10) - 1) * 10))


def deltas_slide(ctx: Context, data: DeckData) -> m.Slide:
    title = ctx.t("deltas_title")
    prev_year = ctx.prev_year or ctx.year - 1  # the unit's previous scored year
    frame = data.radar_prev.dropna(subset=["value", "comparison"])
    if frame.empty:
        return _slide(ctx, "deltas", title, message=ctx.t(
            "deltas_missing", prev=ctx.year_text(prev_year)))
    deltas = tuple(round(float(v - c), 2) for v, c in zip(frame["value"], frame["comparison"],
                                                          strict=True))
    colors = tuple(palette.GAIN if d >= 0 else palette.LOSS for d in deltas)
    chart = m.Chart(kind="bar", categories=tuple(_indicator_label(ctx, r)
                                                 for _, r in frame.iterrows()),
                    series=(m.Series(ctx.t("change"), deltas, point_colors=colors),),
                    axis_title=ctx.t("change"), number_format="+0.00;-0.00;0.00")
    notes: list[str] = []
    prev_fw = data.history.loc[data.history["fiscal_year"] == prev_year, "framework_id"]
    if not prev_fw.empty and str(prev_fw.iloc[0]) != ctx.framework_id:
        before = str(prev_fw.iloc[0])
        notes.append(ctx.t("frameworks_differ", a=ctx.framework_names.get(before, before),
                           b=ctx.framework_name))
    subtitle = ctx.t("deltas_sub", year=ctx.year_text(), prev=ctx.year_text(prev_year))
    return _slide(ctx, "deltas", title, subtitle=subtitle, chart=chart, notes=tuple(notes))


def weakest_slide(ctx: Context, data: DeckData) -> m.Slide:
    title = ctx.t("weak_title")
    # a weakness is below full marks: an item or indicator at 100 is never listed
    indicators = data.radar_group.dropna(subset=["value"])
    indicators = indicators[indicators["value"] < 100].sort_values(["value", "seq"]).head(3)
    weakest = data.weakest[data.weakest["score"] < 100]
    if indicators.empty and weakest.empty:
        return _slide(ctx, "weakest", title, message=ctx.t(
            "weak_missing", unit=ctx.unit_short, year=ctx.year_text()))
    rows = [(ctx.t("indicator_n", code=r["indicator"]), str(r[ctx.col("label")]),
             fmt(r["value"])) for _, r in indicators.iterrows()]
    rows += [(str(r["code"]), _item_name(ctx, r, TABLE_CHARS), fmt(r["score"]))
             for _, r in weakest.iterrows()]
    table = m.Table(columns=(ctx.t("col_item"), ctx.t("col_name"), ctx.t("col_score")),
                    rows=tuple(rows), widths=(0.17, 0.68, 0.15), numeric=(False, False, True))
    subtitle = (ctx.t("weak_sub", n_ind=len(indicators), n_items=len(weakest))
                if len(weakest) else ctx.t("weak_sub_indicators", n_ind=len(indicators)))
    return _slide(ctx, "weakest", title, subtitle=subtitle, table=table)


def zero_slide(ctx: Context, data: DeckData) -> m.Slide:
    title = ctx.t("zero_title")
    has_open = (data.items["tool"] == "OIT").any()
    if not has_open:
        return _slide(ctx, "zero", title, message=ctx.t(
            "zero_no_items", unit=ctx.unit_short, year=ctx.year_text()))
    zero = data.zero
    if zero.empty:
        return _slide(ctx, "zero", title, message=ctx.t("zero_none"))
    shown = zero.head(MAX_ZERO_ROWS)
    rows = tuple((str(r["code"]), _item_name(ctx, r, TABLE_CHARS),
                  fmt(r["points"]))
                 for _, r in shown.iterrows())
    table = m.Table(columns=(ctx.t("col_item"), ctx.t("col_name"), ctx.t("col_points")),
                    rows=rows, widths=(0.1, 0.7, 0.2), numeric=(False, False, True))
    notes = (ctx.t("zero_more", n=len(zero) - len(shown)),) if len(zero) > len(shown) else ()
    subtitle = ctx.t("zero_sub", n=len(zero), points=fmt(zero["points"].sum()))
    return _slide(ctx, "zero", title, subtitle=subtitle, table=table, notes=notes)


def points_slide(ctx: Context, data: DeckData) -> m.Slide:
    title = ctx.t("points_title")
    if data.items.empty:
        return _slide(ctx, "points", title, message=ctx.t(
            "points_no_items", unit=ctx.unit_short, year=ctx.year_text()))
    rec = data.recoverable[data.recoverable["recoverable"] > 0]
    if rec.empty:
        below_full = (data.items["score"] < 100).any()
        key = "points_unknown" if below_full else "points_none"
        return _slide(ctx, "points", title, message=ctx.t(key))
    top = rec.head(MAX_ITEM_BARS)
    chart = m.Chart(kind="bar", categories=tuple(_item_label(ctx, r) for _, r in top.iterrows()),
                    series=(m.Series(ctx.t("points_series"),
                                     tuple(_num(v) for v in top["recoverable"])),),
                    axis_title=ctx.t("points_axis"), value_min=0)
    subtitle = ctx.t("points_sub", n=len(top), top=fmt(top["recoverable"].sum()),
                     all=fmt(rec["recoverable"].sum()))
    return _slide(ctx, "points", title, subtitle=subtitle, chart=chart)


SLIDE_BUILDERS: tuple[Callable[[Context, DeckData], m.Slide], ...] = (
    title_slide, ranking_slide, history_slide, radar_slide, deltas_slide, weakest_slide,
    zero_slide, points_slide)


def _with_comparison(slides: list[m.Slide],
                     comparison: tuple[m.Slide, ...]) -> tuple[m.Slide, ...]:
    """A deck of several units: their comparison slides right after the ranking."""
    at = next((i + 1 for i, s in enumerate(slides) if s.key == "ranking"), 1)
    return (*slides[:at], *comparison, *slides[at:])


def build_deck(con: Con, *, dataset: str, unit_id: str, year: int, scope: Scope | None = None,
               lang: str = "th", today: dt.date | None = None,
               whatif: tuple[str, ...] = (), read: Read | None = None,
               registry: Registry | None = None) -> m.Deck:
    """The deck of ``unit_id`` in ``year``; :class:`DeckError` when the unit-year has no data.

    ``read`` and ``registry``: the pages' cached query reader and registry (results shared
    with every other view); by default the queries run on ``con``.
    """
    check_year(con, dataset=dataset, unit_id=unit_id, year=year, read=read)
    scope = scope or default_scope(con, unit_id=unit_id, read=read)
    ctx = make_context(con, dataset=dataset, unit_id=unit_id, year=year, scope=scope, lang=lang,
                       today=today or dt.date.today(), read=read, registry=registry)
    data = gather(con, ctx, read)
    return m.Deck(dataset=dataset, unit_id=unit_id, unit_name=ctx.unit_name, year=year,
                  lang=lang, scope=scope, scope_name=ctx.scope_name,
                  is_synthetic=ctx.is_synthetic,
                  slides=_with_comparison([build(ctx, data) for build in SLIDE_BUILDERS],
                                          comparison_slides(con, ctx, read))
                  + tuple(s for s in (whatif_slide(con, ctx, whatif, read),) if s is not None),
                  make_tables=functools.partial(deck_tables, ctx, data))
