"""Section 3 มาตรการ: for each weak or zero item, the unit's own measures of the year (by
item, else by the item's indicator) or, where it recorded none, suggestions drawn from the
measures other units took for the same item (else the same indicator); then the unit's
other measures. Tables (item, measure, how, who, when) for the coordinator to edit."""

from __future__ import annotations

import pandas as pd

from ita_dash.deck.context import Context
from ita_dash.report.data import ReportData, rt
from ita_dash.report.model import Para, Section, Table

MAX_SUGGESTIONS = 3
WIDTHS = (2.6, 7.4, 5.8, 3.5, 5.4)  # on a landscape page: 24.7 cm


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _row(code: str, m: pd.Series | object) -> tuple[str, ...]:
    get = m.get if isinstance(m, pd.Series) else lambda k: getattr(m, k, None)
    return (code, _text(get("measure")), _text(get("communication")),
            _text(get("responsible")), _text(get("schedule")))


def _pass_mark(data: ReportData) -> str:
    mark = data.framework["pass_mark"]
    return "–" if mark is None or pd.isna(mark) else f"{float(mark):g}"


def weak_items(data: ReportData) -> pd.DataFrame:
    """Items at zero (O-items) or the weakest of their indicator (the query layer's one rule:
    the lowest of the indicator and below the year's pass mark), in framework order."""
    items = data.deck.items
    if items.empty:
        return items
    return items[items["is_weakest"].fillna(False).astype(bool) | (items["score"] <= 0)]


def _columns(ctx: Context) -> tuple[str, ...]:
    return (rt(ctx, "col_code"), rt(ctx, "col_measure"), rt(ctx, "col_how"),
            rt(ctx, "col_who"), rt(ctx, "col_when"))


def sections(ctx: Context, data: ReportData) -> list[Section]:
    own, weak = data.measures, weak_items(data)
    used: set[int] = set()
    rows: list[tuple[str, ...]] = []
    suggested: set[int] = set()
    analyses: list[Para] = []
    for item in weak.itertuples():
        mine = own[own["code"] == item.code]
        code = str(item.code)
        if mine.empty:
            mine = own[(own["code"] == item.indicator) & ~own.index.isin(list(used))]
            code += "\n" + rt(ctx, "by_indicator", code=item.indicator)
        if not mine.empty:
            used.update(int(i) for i in mine.index)
            rows += [_row(code, m) for _, m in mine.iterrows()]
            texts = dict.fromkeys(_text(a).strip() for a in mine["analysis"])
            label = code.replace("\n", " ")
            analyses += [Para(f"{label}: {a}", "bullet") for a in texts if a]
            continue
        if (own["code"] == item.indicator).any():  # the unit's measures of the indicator,
            rows.append((str(item.code),                # listed above for an earlier item
                         rt(ctx, "see_indicator", code=item.indicator), "", "", ""))
            continue
        ideas = suggestions(data, str(item.code), str(item.indicator))
        if ideas.empty:
            rows.append((str(item.code), rt(ctx, "measure_todo"), "", "", ""))
            continue
        for _, m in ideas.iterrows():
            suggested.add(len(rows))
            code = f"{item.code}\n" + rt(ctx, "suggested_from", unit=_text(m["short_th"]),
                                         year=int(m["fiscal_year"]))
            rows.append(_row(code, m))
    intro = Para(rt(ctx, "s3_intro", next=ctx.year_text(ctx.year + 1)))
    blocks: list = [intro]
    if weak.empty:
        blocks.append(Para(rt(ctx, "weak_none", mark=_pass_mark(data)) if data.has_items
                           else rt(ctx, "weak_no_items"), "missing"))
    else:
        blocks.append(Para(rt(ctx, "weak_list", n=len(weak), codes=", ".join(weak["code"]))))
        if analyses:
            blocks += [Para(rt(ctx, "analysis_intro")), *analyses]
        if suggested:
            blocks.append(Para(rt(ctx, "suggested_note"), "note"))
        source = rt(ctx, "source", text=rt(ctx, "measures_source"))
        blocks.append(Table(rt(ctx, "tab_measures_weak", year=ctx.year_text(ctx.year + 1)),
                            source, _columns(ctx), tuple(rows), WIDTHS,
                            (False,) * 5, frozenset(suggested)))
    rest = own[~own.index.isin(list(used))]
    wide = bool(rows) or not rest.empty  # measure tables go on landscape pages
    if not wide and not data.has_items:  # no item to name yet, so no table to edit
        intro = Para(rt(ctx, "s3_intro_none", next=ctx.year_text(ctx.year + 1)))
    out = [Section("3", rt(ctx, "s3"), (intro,), landscape=wide),
           Section("3.1", rt(ctx, "s3_1"), tuple(blocks[1:]), landscape=wide)]
    if rest.empty:
        other: tuple = (Para(rt(ctx, "own_none_rest") if not own.empty
                             else rt(ctx, "own_none", year=ctx.year_text()), "missing"),)
    else:
        other = (Para(rt(ctx, "own_rest", n=len(rest))),
                 Table(rt(ctx, "tab_measures_own", unit=ctx.unit_short, year=ctx.year_text()),
                       rt(ctx, "source", text=rt(ctx, "measures_source")), _columns(ctx),
                       tuple(_row(str(m["code"]), m) for _, m in rest.iterrows()), WIDTHS,
                       (False,) * 5))
    out.append(Section("3.2", rt(ctx, "s3_2"), other, landscape=wide))
    return out


def suggestions(data: ReportData, code: str, indicator: str) -> pd.DataFrame:
    """Up to three measures other units took for the same item of the same framework, else
    for the same indicator (measures recorded per indicator, or for one of its items)."""
    others = data.others
    fw = str(data.framework["framework_id"])
    same = others[(others["framework_id"] == fw) & (others["code"] == code)]
    if same.empty:
        same = others[others["indicator"] == indicator]
    return same.drop_duplicates(subset=["measure"]).head(MAX_SUGGESTIONS)
