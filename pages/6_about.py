"""About the data: the dataset shown, where each figure comes from, frameworks and scales."""

import streamlit as st

from ita_dash import tables, ui
from ita_dash.escape import md
from ita_dash.i18n import pick

f = ui.start("about")
ui.page_title(f, "about.title", show_scope=False)
info = ui.data.dataset_info(dataset=f.dataset)
if ui.has_rows(info, f.t("no_data")):
    row = info.iloc[0]
    st.subheader(f.t("about.dataset"))
    st.markdown(f"**{md(pick(row['label_th'], row['label_en'], f.lang))}** — {md(pick(row['description_th'], row['description_en'], f.lang))}")
    st.caption(f.t("about.counts", n_scores=row["n_scores"], n_unit_years=row["n_unit_years"]))

st.subheader(f.t("about.sources", year=f.year_text))
sources = ui.data.figure_sources(dataset=f.dataset, year=f.year)
if ui.has_rows(sources, f.t("about.no_sources")):
    ui.table(sources, tables.FIGURE_SOURCES, f, "sources")

st.subheader(f.t("about.conflicts"))
conflicts = ui.data.conflicts(dataset=f.dataset)
if ui.has_rows(conflicts, f.t("about.no_conflicts")):
    ui.table(conflicts, tables.CONFLICTS, f, "conflicts")

st.subheader(f.t("about.checks", year=f.year_text))
checks = ui.data.consistency_checks(dataset=f.dataset, year=f.year)
if ui.has_rows(checks, f.t("about.no_checks")):
    ui.table(checks, tables.CHECKS, f, "checks")

st.subheader(f.t("about.framework_years"))
st.caption(f.t("about.framework_years_help"))
years = tables.with_status_labels(ui.data.framework_years())
ui.table(years, tables.FRAMEWORK_YEARS, f, "framework-years")

st.subheader(f.t("about.frameworks"))
frameworks = ui.data.frameworks_overview()
ui.table(frameworks, tables.FRAMEWORKS, f, "frameworks")
for fw in frameworks.itertuples():
    st.markdown(f"**{md(f.t('about.scale', name=pick(fw.name_th, fw.name_en, f.lang)))}**")
    scale = tables.with_status_labels(ui.data.rating_scale(framework_id=fw.framework_id))
    if ui.has_rows(scale, f.t("about.no_scale")):
        ui.table(scale, tables.RATING_SCALE, f, f"scale-{fw.framework_id}")
