"""Page sections for scopes of thousands of units: pages of long tables, slice pickers
with drill-down, rankings within agency type around the chosen unit.

Every section draws a bounded amount (a page of rows, one row per slice, the top and
bottom N and the chosen unit's neighbours), whatever the number of units in scope.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ita_dash import charts, tables
from ita_dash.escape import md
from ita_dash.i18n import pick, slice_label, t
from ita_dash.scope import Scope
from ita_dash.ui import data
from ita_dash.ui.render import chart, downloads, formatted_table, shown
from ita_dash.ui.state import Filters

PAGE_SIZE = 25  # rows per page: a page fits a screen, so the chosen unit's row is in view
ROW_PX, HEADER_PX = 35, 38
# up to this many units a chart or grid shows one row per unit; above it, per slice
UNIT_ROWS_MAX = 60
SLICES = ("unit_type", "parent", "region", "province", "group")
SLICE_SCOPE = {"unit_type": "unit_type", "parent": "parent", "region": "region",
               "province": "province", "group": "group"}
TYPE_COLS = (tables.Col("rank", "col.rank", "int"), tables.Col("n_in_type", "col.n_in_type", "int"),
             tables.UNIT, tables.Col("province", "col.province"),
             tables.Col("score", "col.score", "num"), tables.LEVEL, tables.PASSED,
             tables.Col("delta_points", "col.delta_points", "delta"),
             tables.Col("delta_rank", "col.delta_rank", "delta_int"),
             tables.Col("prev_year", "col.prev_year", "year"),
             tables.Col("iit", "col.iit", "num"), tables.Col("eit", "col.eit", "num"),
             tables.Col("oit", "col.oit", "num"))
SLICE_COLS = (tables.Col("label", "col.slice"), tables.Col("n_units", "col.n_units", "int"),
              tables.Col("mean", "col.mean", "num"), tables.Col("median", "col.median", "num"),
              tables.Col("n_pass", "col.n_pass", "int"),
              tables.Col("pass_rate", "col.pass_rate", "pct"),
              tables.Col("delta_mean", "col.delta_mean", "delta"),
              tables.Col("n_prev", "col.n_prev", "int"),
              tables.Col("min", "col.min", "num"), tables.Col("max", "col.max", "num"))


def pager(n_rows: int, key: str, lang: str, *, size: int | None = None,
          focus: int | None = None, focus_token: str = "") -> slice:
    """The rows of the current page (a page number widget when there is more than one
    page); the page holding row ``focus`` is shown whenever ``focus_token`` changes."""
    size = size or PAGE_SIZE
    pages = max(1, math.ceil(n_rows / size))
    if pages == 1:
        return slice(0, n_rows)
    state, seen = f"page_{key}", f"page_focus_{key}"
    if focus is not None and st.session_state.get(seen) != focus_token:
        st.session_state[seen] = focus_token
        st.session_state[state] = focus // size + 1
    if st.session_state.get(state, 1) > pages:
        st.session_state[state] = pages
    page = int(st.number_input(t("page.number", lang, pages=pages), min_value=1,
                               max_value=pages, step=1, key=state))
    start = (page - 1) * size
    end = min(n_rows, start + size)
    st.caption(t("page.rows", lang, first=f"{start + 1:,}", last=f"{end:,}", n=f"{n_rows:,}"))
    return slice(start, end)


def position_of(frame: pd.DataFrame, unit_id: str | None) -> int | None:
    if unit_id is None or "unit_id" not in frame:
        return None
    hits = (frame["unit_id"] == unit_id).to_numpy().nonzero()[0]
    return int(hits[0]) if hits.size else None


def paged_table(frame: pd.DataFrame, cols: tuple[tables.Col, ...], filters: Filters,
                name: str, *, focus_unit: str | None = None, size: int | None = None) -> None:
    """A formatted table, one page at a time (the chosen unit's page first, its row
    highlighted); the downloads hold every row."""
    focus = position_of(frame, focus_unit)
    rows = pager(len(frame), name, filters.lang, size=size, focus=focus,
                 focus_token=f"{focus_unit}:{focus}:{len(frame)}")
    part = frame.iloc[rows]
    highlight = part["unit_id"] == focus_unit if focus is not None else None
    colors = part["level_color"] if "level_color" in part else None
    formatted_table(part, cols, filters.lang, key=f"table-{name}", highlight=highlight,
                    level_colors=colors,
                    height=ROW_PX * len(part) + HEADER_PX)  # the whole page, no inner scroll
    downloads(lambda: tables.localize(frame, cols, filters.lang), name, filters)


def slice_picker(filters: Filters, key: str) -> str:
    """Slice by agency type, parent (ministry), region, province or group; the first that
    has several values in the dataset is the default (groups for Bangkok's districts)."""
    counts = data.scope_options(dataset=filters.dataset)["kind"].value_counts()
    default = next((i for i, s in enumerate(SLICES) if counts.get(s, 0) > 1), 0)
    return str(st.radio(t("slice.by", filters.lang), SLICES, index=default, horizontal=True,
                        key=key, format_func=lambda s: t(f"slice.{s}", filters.lang)))


def slice_names(filters: Filters, by: str) -> dict[str, str] | None:
    """Names of the slice values that are ids (groups), in the filters' language."""
    if by != "group":
        return None
    options = data.scope_options(dataset=filters.dataset)
    groups = options[options["kind"] == "group"]
    return {str(v): pick(th, en, filters.lang)
            for v, th, en in zip(groups["value"], groups["name_th"], groups["name_en"],
                                 strict=True)}


def unit_slice_value(filters: Filters, by: str) -> object:
    """The chosen unit's value of slice ``by`` (its type, ministry, region, province or
    first group)."""
    if not filters.unit:
        return None
    if by == "group":
        groups = data.unit_groups_of(unit_id=filters.unit)
        return None if groups.empty else min(groups["group_id"])
    card = data.unit_card(dataset=filters.dataset, unit_id=filters.unit)
    column = {"parent": "parent_org"}.get(by, by)
    return None if card.empty else card.iloc[0][column]


def slice_table(filters: Filters, by: str, name: str) -> pd.DataFrame:
    """Count, mean, pass rate and change of the mean per slice of the scope (the chosen
    unit's slice highlighted), with a button making a slice the scope."""
    frame = data.slice_summary(dataset=filters.dataset, year=filters.year or 0,
                               scope=filters.scope, by=by)
    names = slice_names(filters, by)
    frame = frame.assign(label=[slice_label(by, v, filters.lang, names) for v in frame["value"]])
    mine = unit_slice_value(filters, by)
    frame = frame.assign(unit_id=frame["value"].where(frame["value"] != mine, "__mine__"))
    paged_table(frame, SLICE_COLS, filters, name, focus_unit="__mine__" if mine else None)
    drill_to_scope(filters, frame, by, name)
    return frame


def drill_to_scope(filters: Filters, frame: pd.DataFrame, by: str, name: str) -> None:
    values = [v for v in frame["value"] if isinstance(v, str) and v]
    if len(values) < 2:
        return
    labels = {str(v): str(lab) for v, lab in zip(frame["value"], frame["label"], strict=False)}
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    value = left.selectbox(t("slice.pick", filters.lang), values, key=f"{name}_pick",
                           format_func=lambda v: labels.get(str(v), str(v)))
    if right.button(t("slice.open", filters.lang), key=f"{name}_open",
                    icon=":material/filter_alt:"):
        st.query_params["scope"] = Scope(SLICE_SCOPE[by], str(value)).token()
        st.rerun()


def drill_slice(filters: Filters, values: list[object], by: str, key: str) -> object:
    """Pick one slice to see its units (None: stay on the slices)."""
    options: list[object] = [None, *[v for v in values if isinstance(v, str) and v]]
    names = slice_names(filters, by)
    return st.selectbox(t("agg.drill", filters.lang), options, key=key,
                        format_func=lambda v: t("agg.drill_all", filters.lang) if v is None
                        else slice_label(by, v, filters.lang, names))


def slice_scope(filters: Filters, by: str, value: object) -> Scope:
    """The scope's units that fall in one slice (a list of unit ids when the scope is not
    'all', so both restrictions hold)."""
    own = Scope(SLICE_SCOPE[by], str(value))
    if filters.scope.kind == "all":
        return own
    inner = data.units_in_scope(dataset=filters.dataset, scope=own)
    outer = data.units_in_scope(dataset=filters.dataset, scope=filters.scope)
    return Scope.of_units(tuple(sorted(set(inner["unit_id"]) & set(outer["unit_id"]))))


def page_of_units(filters: Filters, scope: Scope, key: str) -> tuple[Scope, pd.DataFrame]:
    """One page of the scope's units in score order (the chosen unit's page first)."""
    ranked = data.scope_units_ranked(dataset=filters.dataset, year=filters.year or 0, scope=scope)
    focus = position_of(ranked, filters.unit)
    rows = pager(len(ranked), key, filters.lang, focus=focus,
                 focus_token=f"{filters.unit}:{focus}:{len(ranked)}")
    part = ranked.iloc[rows]
    return Scope.of_units(tuple(part["unit_id"])), part


def type_ranking(filters: Filters, name: str) -> None:
    """Rankings within agency type: pick a type (the chosen unit's by default), the top
    and bottom N and the unit's neighbours as bars, then the full ranking by pages."""
    ranking = tables.with_pass_labels(data.type_rankings(
        dataset=filters.dataset, year=filters.year or 0, scope=filters.scope))
    if ranking.empty:
        return
    counts = ranking["unit_type"].value_counts()
    types = list(counts.index)
    mine = ranking.loc[ranking["unit_type"].notna() & (ranking["unit_id"] == filters.unit),
                       "unit_type"]
    default = types.index(mine.iloc[0]) if not mine.empty else 0
    # a newly chosen unit (search, link) opens its own type; the picker is kept otherwise
    key, seen = f"{name}_type", f"{name}_type_for"
    if st.session_state.get(seen) != filters.unit or st.session_state.get(key) not in types:
        st.session_state[seen] = filters.unit
        st.session_state[key] = types[default]
    left, right = st.columns([3, 2])
    unit_type = left.selectbox(
        t("rank.type_pick", filters.lang), types, key=key,
        format_func=lambda v: f"{slice_label('unit_type', v, filters.lang)} ({counts[v]:,})")
    top = int(right.number_input(t("rank.top_n", filters.lang), min_value=3, max_value=25,
                                 value=10, step=1, key=f"{name}_top"))
    rows = ranking[ranking["unit_type"] == unit_type].reset_index(drop=True)
    bars = charts.focus_rows(rows, filters.unit, top=top).rename_axis("position").reset_index()
    focus = position_of(rows, filters.unit)
    if focus is not None:
        st.caption(md(t("rank.unit_note", filters.lang, unit=filters.unit_label,
                        rank=int(rows.loc[focus, "rank"]), n=len(rows),
                        type=slice_label("unit_type", unit_type, filters.lang))))
    chart(f"{name}-bars", charts.ranking_focus_bar, bars, filters.lang, filters.unit)
    st.caption(t("rank.change_note", filters.lang))
    st.markdown(f"**{t('rank.full', filters.lang)}**")
    if shown("type-ranking", filters.lang):  # below the chart: drawn when switched on
        paged_table(rows, TYPE_COLS, filters, f"{name}-table", focus_unit=filters.unit)


def slices_then_units(filters: Filters, n_units: int, key: str, chart_key: str,
                      sliced_of: Callable[[str], pd.DataFrame],
                      heatmap: Callable[..., go.Figure],
                      units_of: Callable[[Scope], pd.DataFrame]) -> pd.DataFrame | None:
    """More units than fit a screen: a heatmap of slices (``sliced_of(by)`` drawn by
    ``heatmap``), then, when a slice is picked, one page of its units (``units_of(scope)``)."""
    by = slice_picker(filters, f"{key}_slice_by")
    st.caption(t("agg.note", filters.lang, n=f"{n_units:,}", by=t(f"slice.{by}", filters.lang)))
    sliced = sliced_of(by)
    mine, names = unit_slice_value(filters, by), slice_names(filters, by)
    chart(chart_key, heatmap, sliced, by, filters.lang, focus=mine, names=names)
    value = drill_slice(filters, list(sliced["value"].drop_duplicates()), by, f"{key}_drill")
    if value is None:
        return None
    page, _ = page_of_units(filters, slice_scope(filters, by, value), f"{key}-units")
    return units_of(page)
