"""The Streamlit layer: shared filters, cached data access, rendering helpers, pages.

Pages (``pages/<n>_<slug>.py``) use only this package, :mod:`ita_dash.charts` and
:mod:`ita_dash.tables`::

    from ita_dash import charts, tables, ui

    f = ui.start("overview")                  # dataset, year, scope, unit, lang
    ui.page_title(f, "overview.title")
    frame = ui.data.rankings(dataset=f.dataset, year=f.year, scope=f.scope)
    if ui.has_rows(frame, f.t("no_data")):
        ui.chart(charts.ranking_bar(frame, f.lang), "ranking")
        ui.table(frame, tables.RANKING, f, "ranking")   # with CSV + Excel downloads

All Streamlit caching lives in :mod:`ita_dash.ui.data`.
"""

from __future__ import annotations

import streamlit as st

from ita_dash.ui.data import clear_caches, cursor, data, registry
from ita_dash.ui.nav import open_page, open_profile, page_files, page_links
from ita_dash.ui.render import (
    banners,
    chart,
    downloads,
    has_rows,
    message,
    page_title,
    setup_page,
    table,
)
from ita_dash.ui.state import Filters, current, remember, resolve, sidebar
from ita_dash.ui.views import (
    comparison_group,
    group_picker,
    group_set_label,
    group_set_picker,
    indicator_legend,
    measure_cards,
    present_link,
    profile_opener,
    profile_year,
    recoverable_summary,
    summary_metrics,
    unit_header,
    with_framework_names,
)

__all__ = [
    "Filters", "banners", "chart", "clear_caches", "comparison_group", "current", "cursor",
    "data", "downloads", "group_picker", "group_set_label", "group_set_picker", "has_rows",
    "home", "indicator_legend", "measure_cards", "message", "open_page", "open_profile", "page_links",
    "page_title", "present_link", "profile_opener", "profile_year", "recoverable_summary", "registry", "remember", "resolve",
    "setup_page", "sidebar", "start", "summary_metrics", "table", "unit_header", "with_framework_names",
]


def start(page_slug: str) -> Filters:
    """Begin a page: set-up, filters (URL, session or defaults), sidebar, banners.

    Every page file calls this first: ``f = ui.start("overview")``.
    """
    setup_page(page_slug)
    filters = resolve()
    remember(filters)
    with st.sidebar:
        page_links(filters)
        st.divider()
    sidebar(filters)
    banners(filters)
    return filters


def home() -> None:
    """The entry script: open the first page, keeping any filters of the URL."""
    setup_page(None)
    st.switch_page(str(page_files()[0]), query_params=st.query_params.to_dict())
