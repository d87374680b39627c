"""Weakest indicators: units (or slices of them) x indicators, each unit's weakest, how often
each indicator is the weakest."""

import streamlit as st

from ita_dash import charts, tables, ui
from ita_dash.escape import md
from ita_dash.ui import scale, showdata

f = ui.start("weakest_indicators")
ui.page_title(f, "weak.title")
dataset, year, scope = f.dataset, f.year or ui.stop(f.t("no_data")), f.scope
summary = ui.data.scope_summary(dataset=dataset, year=year, scope=scope)
n_units = 0 if summary.empty else int(summary.iloc[0]["n_units"])
matrix = (ui.data.indicator_matrix(dataset=dataset, year=year, scope=scope)
          if 0 < n_units <= scale.UNIT_ROWS_MAX else None)
if not n_units or (matrix is not None and matrix.empty):
    ui.message(f.t("weak.no_data", scope=f.scope_label, year=f.year_text))
    st.stop()
if n_units == 1:
    ui.message(f.t("one_unit", year=f.year_text))

st.subheader(f.t("weak.heatmap"))
if matrix is None:  # more units than fit a screen: slices, then one slice's units by pages
    matrix = scale.slices_then_units(
        f, n_units, "weak", "heatmap",
        lambda by: ui.data.indicator_slice_matrix(dataset=dataset, year=year, scope=scope, by=by),
        charts.indicator_slice_heatmap,
        lambda page: ui.data.indicator_matrix(dataset=dataset, year=year, scope=page))
if matrix is not None:
    ui.chart("heatmap-units", charts.indicator_heatmap, matrix, f.lang, focus_unit=f.unit)
ui.indicator_legend(f)
if matrix is not None:
    with st.expander(f.t("weak.heatmap")):
        scale.paged_table(matrix, tables.INDICATOR_MATRIX, f, "indicator-matrix")

st.subheader(f.t("weak.per_unit"))
weakest = ui.data.weakest_indicators(dataset=dataset, year=year, scope=scope)
scale.paged_table(weakest, tables.WEAKEST, f, "weakest", focus_unit=f.unit)

st.subheader(f.t("weak.frequency"))
frequency = ui.data.weakest_indicator_frequency(dataset=dataset, year=year, scope=scope)
ui.chart("frequency", charts.weakest_frequency_bars, frequency, f.lang)
ui.table(frequency, tables.WEAKEST_FREQUENCY, f, "weakest-frequency")

if f.unit:
    st.subheader(md(f.t("weak.items", unit=f.unit_label, year=f.year_text)))
    st.caption(f.t("weak.items_help"))
    items = ui.data.unit_items(dataset=dataset, year=year, unit_id=f.unit)
    if not showdata.unit_item_table(f, year, items, "weakest-items", only_weakest=True):
        ui.message(f.t("weak.items_none", unit=f.unit_label, year=f.year_text))
