"""District groups: group means over the years, spread inside each group, ranking in a group."""

import streamlit as st

from ita_dash import charts, tables, ui

f = ui.start("groups")
ui.page_title(f, "groups.title", show_scope=False)
group_set = ui.group_set_picker(f) or ui.stop(f.t("groups.no_groups"))
year = f.year or ui.stop(f.t("no_data"))

st.subheader(f.t("groups.trend"))
trend = ui.data.group_trend(dataset=f.dataset, group_set=group_set)
if ui.has_rows(trend, f.t("no_data")):
    if trend["fiscal_year"].nunique() > 1:
        ui.chart("group-trend", charts.group_trend_lines, trend, f.lang)
    else:
        ui.message(f.t("groups.one_year"))
    with st.expander(f.t("groups.trend")):
        ui.table(trend, tables.GROUP_TREND, f, "group-trend")

no_data = f.t("no_data.year_scope", scope=ui.group_set_label(group_set, f.lang), year=f.year_text)
st.subheader(f"{f.t('groups.spread')} · {f.year_text}")
spread = ui.data.group_spread(dataset=f.dataset, year=year, group_set=group_set)
if ui.has_rows(spread, no_data):
    ui.chart("group-spread", charts.group_spread_box, spread, f.lang)
    comparison = ui.data.group_comparison(dataset=f.dataset, year=year, group_set=group_set)
    ui.table(comparison, tables.GROUP_COMPARISON, f, "groups")

st.subheader(f"{f.t('groups.ranking')} · {f.year_text}")
group, group_name = ui.group_picker(f, group_set)
ranking = tables.with_pass_labels(ui.data.rankings(dataset=f.dataset, year=year, scope=group))
if ui.has_rows(ranking, f.t("no_data.year_scope", scope=group_name, year=f.year_text)):
    ui.table(ranking, tables.RANKING, f, "group-ranking")
    ui.profile_opener(f, ranking, key=f"open-{group.token()}")
    ui.present_link(f, group, ranking)
