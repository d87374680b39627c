"""Zero-score O-items: units (or slices of them) x O-items, how many units miss each item,
zero streaks."""

import streamlit as st

from ita_dash import charts, tables, ui
from ita_dash.escape import md
from ita_dash.scope import Scope
from ita_dash.ui import scale, showdata

f = ui.start("zero_items")
ui.page_title(f, "zero.title")
only_unit = st.toggle(md(f.t("zero.only_unit", unit=f.unit_label)), key="zero_only_unit",
                      disabled=not f.unit)
scope = Scope.of_units([f.unit]) if only_unit and f.unit else f.scope
label = f.unit_label if only_unit and f.unit else f.scope_label
dataset, year = f.dataset, f.year or ui.stop(f.t("no_data"))
summary = ui.data.scope_summary(dataset=dataset, year=year, scope=scope)
n_units = 0 if summary.empty else int(summary.iloc[0]["n_units"])
many = n_units > scale.UNIT_ROWS_MAX
grid = ui.data.open_item_grid(dataset=dataset, year=year, scope=scope) if n_units and not many \
    else None
miss = ui.data.item_miss_counts(dataset=dataset, year=year, scope=scope)
if not ui.has_rows(grid if grid is not None else miss,
                   f.t("zero.no_data", scope=label, year=f.year_text)):
    st.stop()

st.subheader(f.t("zero.grid"))
if grid is None:  # more units than fit a screen: slices, then one slice's units by pages
    grid = scale.slices_then_units(
        f, n_units, "zero", "item-grid",
        lambda by: ui.data.open_item_slice_grid(dataset=dataset, year=year, scope=scope, by=by),
        charts.open_item_slice_heatmap,
        lambda page: ui.data.open_item_grid(dataset=dataset, year=year, scope=page))
if grid is not None and not grid.empty:
    ui.chart("item-grid-units", charts.open_item_grid, grid, f.lang, focus_unit=f.unit)

st.subheader(f.t("zero.miss_counts"))
ui.chart("miss-counts", charts.miss_count_bars, miss, f.lang)
ui.table(miss, tables.MISS_COUNTS, f, "miss-counts")

st.subheader(f.t("zero.list"))
zero = ui.data.zero_items(dataset=dataset, year=year, scope=scope)
if ui.has_rows(zero, f.t("zero.none_at_zero")):
    showdata.zero_items_table(f, zero, year, scope)

st.subheader(f.t("zero.consecutive"))
showdata.zero_comparability(f, year, scope)
streaks = ui.data.consecutive_zero_items(dataset=dataset, year=year, scope=scope)
if ui.has_rows(streaks, f.t("zero.no_consecutive")):
    showdata.streaks_table(f, streaks)
