"""Unit profile: one unit across its years — trend, indicators, items, points to win back."""

import streamlit as st

from ita_dash import charts, tables, ui
from ita_dash.escape import md
from ita_dash.i18n import year_label
from ita_dash.scope import Scope
from ita_dash.ui import levels, national, showdata, whatif
from ita_dash.ui.report_download import report_button

f = ui.start("unit_profile")
ui.page_title(f, "profile.title", show_scope=False)
unit = f.unit or ui.stop(f.t("no_data"))
history = ui.data.unit_history(dataset=f.dataset, unit_id=unit)
if not ui.has_rows(history, f.t("no_data")):
    st.stop()
year = ui.profile_year(f, history)
shown_year = year_label(year, f.lang)
ui.unit_header(f, history, year)
report_button(f, year)

st.subheader(f.t("profile.history"))
if len(history) > 1:
    means, note = national.of_years(f, history["fiscal_year"])
    ui.chart("history", charts.unit_history_lines, history, f.lang, means, source_note=note)
else:
    ui.message(f.t("profile.one_year", year=shown_year))
ui.table(tables.with_status_labels(ui.with_framework_names(history), ("level_source",)),
         tables.UNIT_HISTORY, f, "history")
levels.why(f, year, history)
ui.unconfirmed_notes(f, ui.data.rating_provenance(dataset=f.dataset, unit_id=f.unit),
                     per_year=True)

st.subheader(f.t("profile.radar"))  # below the fold: each section drawn when switched on
if ui.shown("radar", f.lang):
    ui.profile_radar(f, history, year)

st.subheader(f.t("profile.deltas"))
if ui.shown("deltas", f.lang):
    deltas = ui.data.indicator_deltas(dataset=f.dataset, unit_id=unit)
    changes = charts.year_changes(deltas, year)
    if ui.has_rows(changes, f.t("profile.no_deltas")):
        ui.chart("deltas", charts.indicator_delta_bars, changes, f.lang)
        if (box := ui.opened(f.t("profile.deltas_all"), "deltas")) is not None:
            with box:
                ui.table(deltas, tables.INDICATOR_DELTAS, f, "deltas")

st.subheader(f.t("profile.items"))
zero = ui.data.zero_items(dataset=f.dataset, year=year, scope=Scope.of_units([unit]))
if not zero.empty:
    st.error(md(f.t("profile.zero_items", codes=", ".join(zero["code"]))), icon=":material/block:")
if ui.shown("items", f.lang):
    showdata.profile_items(f, year)

st.subheader(f.t("profile.recoverable"))
st.caption(f.t("profile.recoverable_help"))
if ui.shown("recoverable", f.lang, default=whatif.PARAM in st.query_params):
    recoverable = ui.data.points_recoverable(dataset=f.dataset, year=year, unit_id=unit)
    if ui.has_rows(recoverable, f.t("profile.no_recoverable")):
        ui.recoverable_summary(f, year)
        ui.chart("recoverable", charts.recoverable_bars, recoverable, f.lang)
        if (box := ui.opened(f.t("profile.recoverable_table"), "recoverable")) is not None:
            with box:
                ui.table(recoverable, tables.RECOVERABLE, f, "recoverable")
    whatif.section(f, year, ui.data.unit_items(dataset=f.dataset, year=year, unit_id=unit))

ui.measure_cards(f, year)
