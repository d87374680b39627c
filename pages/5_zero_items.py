"""Zero-score O-items: units x O-items, how many units miss each item, zero streaks."""

import streamlit as st

from ita_dash import charts, tables, ui
from ita_dash.escape import md
from ita_dash.scope import Scope

f = ui.start("zero_items")
ui.page_title(f, "zero.title")
only_unit = st.toggle(md(f.t("zero.only_unit", unit=f.unit_label)), key="zero_only_unit",
                      disabled=not f.unit)
scope = Scope.of_units([f.unit]) if only_unit and f.unit else f.scope
label = f.unit_label if only_unit and f.unit else f.scope_label
query = {"dataset": f.dataset, "year": f.year, "scope": scope}
grid = ui.data.open_item_grid(**query) if f.year else None
if not ui.has_rows(grid, f.t("zero.no_data", scope=label, year=f.year_text)):
    st.stop()

st.subheader(f.t("zero.grid"))
ui.chart(charts.open_item_grid(grid, f.lang), "item-grid")

st.subheader(f.t("zero.miss_counts"))
miss = ui.data.item_miss_counts(**query)
ui.chart(charts.miss_count_bars(miss, f.lang), "miss-counts")
ui.table(miss, tables.MISS_COUNTS, f, "miss-counts")

st.subheader(f.t("zero.list"))
zero = ui.data.zero_items(**query)
if ui.has_rows(zero, f.t("zero.none_at_zero")):
    ui.table(zero, tables.ZERO_ITEMS, f, "zero-items")

st.subheader(f.t("zero.consecutive"))
streaks = ui.data.consecutive_zero_items(**query)
if ui.has_rows(streaks, f.t("zero.no_consecutive")):
    ui.table(streaks, tables.CONSECUTIVE_ZERO, f, "zero-streaks")
