"""About the data: the dataset shown, where each figure comes from, frameworks and scales —
in words (documents by title, rules as sentences), no internal ids."""

import streamlit as st

from ita_dash import ui
from ita_dash.escape import md
from ita_dash.i18n import pick
from ita_dash.ui import about

f = ui.start("about")
ui.page_title(f, "about.title", show_scope=False)
info = ui.data.dataset_info(dataset=f.dataset)
if ui.has_rows(info, f.t("no_data")):
    row = info.iloc[0]
    st.subheader(f.t("about.dataset"))
    st.markdown(f"**{md(pick(row['label_th'], row['label_en'], f.lang))}** — "
                f"{md(pick(row['description_th'], row['description_en'], f.lang))}")
    st.caption(f.t("about.counts", n_scores=f"{int(row['n_scores']):,}",
                   n_unit_years=f"{int(row['n_unit_years']):,}"))

st.subheader(f.t("about.sources", year=f.year_text))
about.sources(f)
st.subheader(f.t("about.conflicts"))
about.conflicts(f)
st.subheader(f.t("about.checks", year=f.year_text))
about.checks(f)

st.subheader(f.t("about.framework_years"))
st.caption(f.t("about.framework_years_help"))
about.framework_years(f)

st.subheader(f.t("about.frameworks"))
about.frameworks(f)
