"""Zero-score O-items: units x O-items, how many units miss each item, zero streaks."""

import streamlit as st

from ita_dash import charts, tables, ui
from ita_dash.scope import Scope

f = ui.start("zero_items")
ui.page_title(f, "zero.title")
only_unit = st.toggle(f.t("zero.only_unit", unit=f.unit_label), key="zero_only_unit",
                      disabled=not f.unit)
scope = Scope.of_units([f.unit]) if only_unit and f.unit else f.scope
label = f.unit_label if only_unit and f.unit else f.scope_label
dataset, year = f.dataset, f.year or ui.stop(f.t("no_data"))
grid = ui.data.open_item_grid(dataset=dataset, year=year, scope=scope)
if not ui.has_rows(grid, f.t("zero.no_data", scope=label, year=f.year_text)):
    st.stop()

st.subheader(f.t("zero.grid"))
ui.chart(charts.open_item_grid(grid, f.lang), "item-grid")

st.subheader(f.t("zero.miss_counts"))
miss = ui.data.item_miss_counts(dataset=dataset, year=year, scope=scope)
ui.chart(charts.miss_count_bars(miss, f.lang), "miss-counts")
ui.table(miss, tables.MISS_COUNTS, f, "miss-counts")

st.subheader(f.t("zero.list"))
zero = ui.data.zero_items(dataset=dataset, year=year, scope=scope)
if ui.has_rows(zero, f.t("zero.none_at_zero")):
    ui.table(zero, tables.ZERO_ITEMS, f, "zero-items")

st.subheader(f.t("zero.consecutive"))
streaks = ui.data.consecutive_zero_items(dataset=dataset, year=year, scope=scope)
if ui.has_rows(streaks, f.t("zero.no_consecutive")):
    ui.table(streaks, tables.CONSECUTIVE_ZERO, f, "zero-streaks")
