"""Weakest indicators: units x indicators, each unit's weakest, how often each is weakest."""

import streamlit as st

from ita_dash import charts, tables, ui

f = ui.start("weakest_indicators")
ui.page_title(f, "weak.title")
dataset, year, scope = f.dataset, f.year or ui.stop(f.t("no_data")), f.scope
matrix = ui.data.indicator_matrix(dataset=dataset, year=year, scope=scope)
if not ui.has_rows(matrix, f.t("weak.no_data", scope=f.scope_label, year=f.year_text)):
    st.stop()
if matrix["unit_id"].nunique() == 1:
    ui.message(f.t("one_unit", year=f.year_text))

st.subheader(f.t("weak.heatmap"))
ui.chart(charts.indicator_heatmap(matrix, f.lang), "heatmap")
ui.indicator_legend(f)
with st.expander(f.t("weak.heatmap")):
    ui.table(matrix, tables.INDICATOR_MATRIX, f, "indicator-matrix")

st.subheader(f.t("weak.per_unit"))
weakest = ui.data.weakest_indicators(dataset=dataset, year=year, scope=scope)
ui.table(weakest, tables.WEAKEST, f, "weakest")

st.subheader(f.t("weak.frequency"))
frequency = ui.data.weakest_indicator_frequency(dataset=dataset, year=year, scope=scope)
ui.chart(charts.weakest_frequency_bars(frequency, f.lang), "frequency")
ui.table(frequency, tables.WEAKEST_FREQUENCY, f, "weakest-frequency")
