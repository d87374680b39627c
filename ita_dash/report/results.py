"""Section 2 ผลการประเมิน: total and level (and how it was decided), the tools and the ten
indicators against the previous scored year and the group, every item with the weakest per
indicator and the zero items marked, and the points recoverable."""

from __future__ import annotations

import pandas as pd

from ita_dash import palette
from ita_dash.deck.context import Context
from ita_dash.deck.text import fmt
from ita_dash.report import charts
from ita_dash.report.data import ReportData, rt
from ita_dash.report.model import Figure, Para, Section, Table

TOOLS = ("IIT", "EIT", "OIT")
MAX_RECOVERABLE = 10


def score_source(ctx: Context, data: ReportData, computed: bool = False) -> str:
    """'ที่มา: <documents>' of the unit-year's figures (the synthetic mark on demo data)."""
    if ctx.is_synthetic:
        text = rt(ctx, "synthetic")
    else:
        docs = [str(r.title_th or r.source_id) for r in data.sources.itertuples()]
        text = "; ".join(docs) or rt(ctx, "no_docs")
    if computed:
        text = rt(ctx, "computed_from", text=text)
    return rt(ctx, "source", text=text)


def _delta(now: object, before: object) -> str:
    if now is None or before is None or pd.isna(now) or pd.isna(before):
        return "–"
    return f"{float(now) - float(before):+.2f}"  # type: ignore[arg-type]


def missing(ctx: Context, data: ReportData) -> tuple[str, ...]:
    """What the data lacks for this unit-year, in words."""
    out = []
    row = data.this_year
    if pd.isna(row["score"]):
        out.append(rt(ctx, "miss_total"))
    if row[["iit", "eit", "oit"]].isna().any():
        out.append(rt(ctx, "miss_tools"))
    if not data.has_indicators:
        out.append(rt(ctx, "miss_indicators"))
    if not data.has_items:
        out.append(rt(ctx, "miss_items"))
    return tuple(out)


def sections(ctx: Context, data: ReportData) -> list[Section]:
    out = [Section("2", rt(ctx, "s2"), (Para(rt(ctx, "s2_intro", unit=ctx.unit_name,
                                                  year=ctx.year_text())),)),
           Section("2.1", rt(ctx, "s2_1"), total_blocks(ctx, data))]
    if data.is_short:
        lacks = missing(ctx, data)
        out.append(Section("2.2", rt(ctx, "s2_missing"), (
            Para(rt(ctx, "short_intro")), *(Para(m, "missing") for m in lacks),
            Para(rt(ctx, "short_hint")))))
        return out
    out.append(Section("2.2", rt(ctx, "s2_2"), indicator_blocks(ctx, data)))
    out.append(Section("2.3", rt(ctx, "s2_3"), item_blocks(ctx, data)))
    out.append(Section("2.4", rt(ctx, "s2_4"), recoverable_blocks(ctx, data)))
    return out


# ------------------------------------------------------------------- 2.1 total and level


def total_blocks(ctx: Context, data: ReportData) -> tuple:
    row, prev = data.this_year, data.prev_row
    blocks: list = []
    if pd.isna(row["score"]):
        blocks.append(Para(rt(ctx, "no_total", year=ctx.year_text()), "missing"))
    else:
        blocks.append(Para(rt(ctx, "total_line", unit=ctx.unit_name, score=fmt(row["score"]),
                              level=data.tr(row, "level", ctx.lang) or "–")))
        blocks.append(Para(how_decided(ctx, data)))
    if prev is not None:
        delta = _delta(row["score"], prev["score"])
        blocks.append(Para(rt(ctx, "prev_line" if delta != "–" else "prev_line_only",
                              prev=ctx.year_text(int(prev["fiscal_year"])),
                              score=fmt(prev["score"]), delta=delta,
                              level=data.tr(prev, "level", ctx.lang) or "–")))
    else:
        blocks.append(Para(rt(ctx, "no_prev_year", year=ctx.year_text()), "note"))
    weights = {r.code: r.points for r in data.parts.itertuples() if r.kind == "tool"}
    rows = []
    for tool in TOOLS if row[["iit", "eit", "oit"]].notna().any() else ():
        score = row[tool.lower()]
        weight = weights.get(tool)
        weighted = (fmt(float(score) * float(weight) / 100)
                    if weight is not None and pd.notna(weight) else "–")
        cells = [tool, fmt(weight, 0) if weight is not None else "–", fmt(score), weighted]
        if prev is not None:
            cells += [fmt(prev[tool.lower()]), _delta(score, prev[tool.lower()])]
        rows.append(tuple(cells))
    if pd.notna(row["score"]):
        cells = [rt(ctx, "total_row"), "100", fmt(row["score"]), fmt(row["score"])]
        if prev is not None:
            cells += [fmt(prev["score"]), _delta(row["score"], prev["score"])]
        rows.append(tuple(cells))
    columns = [rt(ctx, "col_tool"), rt(ctx, "col_weight"), rt(ctx, "col_score"),
               rt(ctx, "col_weighted")]
    widths = [5.2, 2.4, 2.8, 3.2]
    if prev is not None:
        columns += [rt(ctx, "col_prev", year=int(prev["fiscal_year"])), rt(ctx, "col_change")]
        widths = [3.4, 2.0, 2.4, 3.0, 2.8, 2.4]
    if rows:
        blocks.append(Table(rt(ctx, "tab_total", unit=ctx.unit_short, year=ctx.year_text()),
                            score_source(ctx, data), tuple(columns), tuple(rows), tuple(widths),
                            (False,) + (True,) * (len(columns) - 1),
                            frozenset({len(rows) - 1}) if pd.notna(row["score"]) else frozenset()))
    else:
        blocks.append(Para(rt(ctx, "miss_tools"), "missing"))
    history = data.deck.history
    scored = history[(history["fiscal_year"] <= ctx.year) & history["score"].notna()]
    if len(scored) > 1:
        png = charts.history_chart(
            [str(int(y)) for y in scored["fiscal_year"]],
            [(rt(ctx, "total_row"), list(scored["score"]), palette.TOOLS[0])]
            + [(t, list(scored[t.lower()]), c) for t, c in zip(TOOLS, palette.TOOLS[1:],
                                                               strict=True)],
            rt(ctx, "axis_score"))
        blocks.append(Figure(rt(ctx, "fig_history", unit=ctx.unit_short), score_source(ctx, data),
                             png, 14.0))
    return tuple(blocks)


def how_decided(ctx: Context, data: ReportData) -> str:
    """The level's band in the year's scale and any condition on the tools, and whether the
    level was printed or computed."""
    row = data.this_year
    level = data.scale[data.scale["level_code"] == row["level_code"]]
    if level.empty:
        return rt(ctx, "level_unknown", framework=ctx.framework_name)
    lv = level.iloc[0]
    cond = (rt(ctx, "level_cond", n=f"{float(lv['min_each_tool']):g}")
            if pd.notna(lv["min_each_tool"]) else rt(ctx, "level_no_cond"))
    source = "level_printed" if row["level_source"] == "printed" else "level_computed"
    text = rt(ctx, "level_rule", framework=ctx.framework_name,
              level=data.tr(row, "level", ctx.lang), low=f"{lv['min_total']:.2f}",
              high=f"{lv['max_total']:.2f}", cond=cond)
    return " ".join([text, *_not_higher(ctx, data, int(lv["seq"])), rt(ctx, source)])


def _not_higher(ctx: Context, data: ReportData, seq: int) -> list[str]:
    """Why the unit is not one level higher when its total would reach it: the tools below
    that level's condition on each tool (e.g. OIT 73.75 under 85)."""
    row = data.this_year
    above = data.scale[data.scale["seq"] < seq].sort_values("seq", ascending=False)
    if above.empty or pd.isna(row["score"]):
        return []
    lv = above.iloc[0]
    if float(row["score"]) < float(lv["min_total"]) or pd.isna(lv["min_each_tool"]):
        return []
    low = [f"{t} {fmt(row[t.lower()])}" for t in TOOLS
           if pd.notna(row[t.lower()]) and float(row[t.lower()]) < float(lv["min_each_tool"])]
    if not low:
        return []
    return [rt(ctx, "level_not_higher", level=data.tr(lv, "label", ctx.lang),
               n=f"{float(lv['min_each_tool']):g}", tools=", ".join(low))]


# ---------------------------------------------------------------- 2.2 the ten indicators


def indicator_blocks(ctx: Context, data: ReportData) -> tuple:
    group, prev = data.deck.radar_group, data.deck.radar_prev
    shown = group[group["value"].notna()]
    if shown.empty:
        return (Para(rt(ctx, "no_indicators", year=ctx.year_text()), "missing"),)
    n_group = int(group["n_units"].max()) if group["n_units"].notna().any() else 0
    has_prev = prev["comparison"].notna().any() and ctx.prev_year is not None
    prev_by = dict(zip(prev["indicator"], prev["comparison"], strict=True))
    columns = [rt(ctx, "col_indicator"), rt(ctx, "col_name"), rt(ctx, "col_tool"),
               rt(ctx, "col_score")]
    widths = [1.8, 6.4, 2.0, 2.0]
    if has_prev:
        columns += [rt(ctx, "col_prev", year=ctx.prev_year), rt(ctx, "col_change")]
        widths += [2.0, 2.0]
    if n_group > 1:
        columns.append(rt(ctx, "col_group", n=n_group))
        widths.append(2.0)
    widths[1] += 16.0 - sum(widths)
    rows = []
    for r in shown.itertuples():
        cells = [str(r.indicator), data.tr(pd.Series(r._asdict()), "label", ctx.lang),
                 str(r.tool), fmt(r.value)]
        if has_prev:
            cells += [fmt(prev_by.get(r.indicator)), _delta(r.value, prev_by.get(r.indicator))]
        if n_group > 1:
            cells.append(fmt(r.comparison))
        rows.append(tuple(cells))
    low = shown.sort_values(["value", "seq"]).iloc[0]
    blocks: list = [Para(rt(ctx, "ind_weakest", code=low["indicator"],
                            label=data.tr(low, "label", ctx.lang), score=fmt(low["value"])))]
    if len(shown) < len(group):
        blocks.append(Para(rt(ctx, "ind_partial", n=len(shown)), "note"))
    if not has_prev:
        blocks.append(Para(rt(ctx, "ind_no_prev", year=ctx.year_text()), "note"))
    if n_group <= 1:
        blocks.append(Para(rt(ctx, "ind_no_group", scope=ctx.scope_name,
                              year=ctx.year_text()), "note"))
    blocks.append(Para(rt(ctx, "ind_no_national"), "note"))
    marked = frozenset(i for i, r in enumerate(shown.itertuples())
                       if r.indicator == low["indicator"])
    blocks.append(Table(rt(ctx, "tab_indicators_score", unit=ctx.unit_short,
                           year=ctx.year_text()),
                        score_source(ctx, data, computed=n_group > 1 or has_prev),
                        tuple(columns), tuple(rows), tuple(widths),
                        tuple(i >= 3 for i in range(len(columns))), marked))
    series = [(f"{ctx.unit_short} {ctx.year}", list(shown["value"]), palette.PRIMARY)]
    if has_prev:
        series.append((f"{ctx.unit_short} {ctx.prev_year}",
                       [prev_by.get(c) for c in shown["indicator"]], palette.PREVIOUS))
    if n_group > 1:
        series.append((rt(ctx, "group_mean", n=n_group), list(shown["comparison"]),
                       palette.GROUP))
    labels = [f"{r.indicator} {data.tr(pd.Series(r._asdict()), 'label', ctx.lang)}"
              for r in shown.itertuples()]
    png = charts.bar_chart(labels, series, rt(ctx, "axis_score"), value_max=100)
    blocks.append(Figure(rt(ctx, "fig_indicators", unit=ctx.unit_short, year=ctx.year_text()),
                         score_source(ctx, data), png))
    return tuple(blocks)


# ------------------------------------------------------------------------- 2.3 items


def item_blocks(ctx: Context, data: ReportData) -> tuple:
    items = data.deck.items
    if items.empty:
        return (Para(rt(ctx, "no_items", year=ctx.year_text()), "missing"),)
    zero = items[(items["tool"] == "OIT") & (items["score"] <= 0)]
    mark = data.framework["pass_mark"]
    blocks: list = [Para(rt(ctx, "items_intro", n=len(items),
                            mark="–" if pd.isna(mark) else f"{float(mark):g}"))]
    if zero.empty:
        blocks.append(Para(rt(ctx, "zero_none") if (items["tool"] == "OIT").any()
                           else rt(ctx, "zero_no_oit")))
    else:
        blocks.append(Para(rt(ctx, "zero_line", n=len(zero), codes=", ".join(zero["code"]),
                              points=fmt(zero["points"].sum()))))
    refs = dict(zip(data.references["code"], data.references["score"], strict=True))
    for tool in TOOLS:
        part = items[items["tool"] == tool]
        if part.empty:
            continue
        columns = [rt(ctx, "col_code"), rt(ctx, "col_item"), rt(ctx, "col_indicator_short"),
                   rt(ctx, "col_points"), rt(ctx, "col_score")]
        widths = [1.3, 7.4, 1.7, 1.7, 1.6]
        if refs:
            columns.append(rt(ctx, "col_reference"))
            widths.append(1.8)
        columns.append(rt(ctx, "col_mark"))
        widths.append(16.0 - sum(widths))
        rows, marked = [], set()
        for i, r in enumerate(part.itertuples()):
            mark = (rt(ctx, "mark_zero") if tool == "OIT" and r.score <= 0
                    else rt(ctx, "mark_weakest") if r.is_weakest else "")
            if mark:
                marked.add(i)
            cells = [str(r.code), data.tr(pd.Series(r._asdict()), "label", ctx.lang),
                     str(r.indicator), fmt(r.points), fmt(r.score)]
            if refs:
                cells.append(fmt(refs.get(r.code)))
            cells.append(mark)
            rows.append(tuple(cells))
        blocks.append(Table(rt(ctx, "tab_items", tool=tool, unit=ctx.unit_short,
                               year=ctx.year_text()), score_source(ctx, data),
                            tuple(columns), tuple(rows), tuple(widths),
                            tuple(c in (3, 4) or (bool(refs) and c == 5)
                                  for c in range(len(columns))),
                            frozenset(marked)))
    blocks.append(Para(rt(ctx, "items_marks"), "note"))
    return tuple(blocks)


# ------------------------------------------------------------------ 2.4 points to win back


def recoverable_blocks(ctx: Context, data: ReportData) -> tuple:
    rec = data.deck.recoverable
    rec = rec[rec["recoverable"] > 0]
    if rec.empty:
        below = (data.deck.items["score"] < 100).any()
        return (Para(rt(ctx, "rec_unknown" if below else "rec_none"), "missing"),)
    blocks: list = [Para(rt(ctx, "rec_intro"))]
    if not data.outlook.empty:
        o = data.outlook.iloc[0]
        blocks.append(Para(rt(ctx, "rec_outlook", n=int(o["n_items"]), points=fmt(o["recoverable"]),
                              projected=fmt(o["projected"]),
                              level=data.tr(o, "projected_level", ctx.lang) or "–")))
    top = rec.head(MAX_RECOVERABLE)
    rows = tuple((str(r.code), data.tr(pd.Series(r._asdict()), "label", ctx.lang), fmt(r.score),
                  fmt(r.points), fmt(r.recoverable)) for r in top.itertuples())
    source = score_source(ctx, data, computed=True)
    blocks.append(Table(rt(ctx, "tab_recoverable", n=len(top)), source,
                        (rt(ctx, "col_code"), rt(ctx, "col_item"), rt(ctx, "col_score"),
                         rt(ctx, "col_points"), rt(ctx, "col_recoverable")),
                        rows, (1.4, 9.0, 1.8, 1.8, 2.0), (False, False, True, True, True)))
    if len(rec) > len(top):
        blocks.append(Para(rt(ctx, "rec_more", n=len(rec) - len(top),
                              points=fmt(rec["recoverable"].iloc[len(top):].sum())), "note"))
    labels = [f"{r.code} {data.tr(pd.Series(r._asdict()), 'label', ctx.lang)}"
              for r in top.itertuples()]
    png = charts.bar_chart(labels, [(rt(ctx, "series_recoverable"), list(top["recoverable"]),
                                     palette.PRIMARY)], rt(ctx, "axis_recoverable"))
    blocks.append(Figure(rt(ctx, "fig_recoverable", n=len(top)), source, png))
    return tuple(blocks)
