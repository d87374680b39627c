"""Overview: the units of the chosen scope in one year — summary, ratings, ranking."""

import streamlit as st

from ita_dash import charts, tables, ui

f = ui.start("overview")
ui.page_title(f, "overview.title")
ranking = ui.data.rankings(dataset=f.dataset, year=f.year, scope=f.scope) if f.year else None
if ui.has_rows(ranking, f.t("no_data.year_scope", scope=f.scope_label, year=f.year_text)):
    summary = ui.data.scope_summary(dataset=f.dataset, year=f.year, scope=f.scope)
    ui.summary_metrics(summary, ranking, f)
    if len(ranking) == 1:
        ui.message(f.t("one_unit", year=f.year_text))

    st.subheader(f.t("overview.ratings"))
    counts = ui.data.rating_counts(dataset=f.dataset, year=f.year, scope=f.scope)
    ui.chart(charts.rating_bar(counts, f.lang), "ratings")

    st.subheader(f.t("overview.ranking"))
    ui.chart(charts.ranking_bar(ranking, f.lang, highlight=f.unit), "ranking")
    st.caption(f.t("overview.change_note"))
    ui.table(ranking, tables.RANKING, f, "ranking")
