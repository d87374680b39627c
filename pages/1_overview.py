"""Overview: the units of the chosen scope in one year — summary, ratings, ranking, slices."""

import streamlit as st

from ita_dash import charts, tables, ui
from ita_dash.ui import levels, mine, national, scale

f = ui.start("overview")
ui.page_title(f, "overview.title")
dataset, year, scope = f.dataset, f.year or ui.stop(f.t("no_data")), f.scope
summary = ui.data.scope_summary(dataset=dataset, year=year, scope=scope)
n_units = 0 if summary.empty else int(summary.iloc[0]["n_units"])
if not n_units:
    ui.stop(f.t("no_data.year_scope", scope=f.scope_label, year=f.year_text))
many = n_units > scale.UNIT_ROWS_MAX
ranking = tables.with_pass_labels(
    ui.data.type_rankings(dataset=dataset, year=year, scope=scope) if many
    else ui.data.rankings(dataset=dataset, year=year, scope=scope))
mine.where_i_stand(f, ranking)  # "where do I stand" first
ui.summary_metrics(summary, ranking, f)
if n_units == 1:
    ui.message(f.t("one_unit", year=f.year_text))

st.subheader(f.t("overview.ratings"))
counts = ui.data.rating_counts(dataset=dataset, year=year, scope=scope)
ui.chart("ratings", charts.rating_bar, counts, f.lang)

if many:  # thousands of units: ranked within their agency type, as the NACC ranks
    st.subheader(f.t("rank.type_title"))
    scale.type_ranking(f, "type-ranking")
else:
    st.subheader(f.t("overview.ranking"))
    rows = ranking.rename_axis("position").reset_index()
    mark, note = national.of_year(f, year)
    ui.chart("ranking", charts.ranking_focus_bar, rows, f.lang, f.unit, mark, source_note=note)
    st.caption(f.t("overview.change_note"))
    scale.paged_table(ranking, tables.RANKING, f, "ranking", focus_unit=f.unit)

levels.legend(f)
ui.unconfirmed_notes(f, ui.data.rating_provenance(dataset=dataset, year=year, scope=scope),
                     per_year=False)

st.subheader(f.t("slice.title"))
by = scale.slice_picker(f, "overview_slice_by")
scale.slice_table(f, by, f"slices-{by}")
