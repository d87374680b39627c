"""The Streamlit layer: shared filters, cached data access, rendering helpers, pages.

Pages (listed in ``app.py``, files ``pages/<n>_<slug>.py``) use only this package, :mod:`ita_dash.charts` and
:mod:`ita_dash.tables`::

    from ita_dash import charts, tables, ui

    f = ui.start("overview")                  # dataset, year, scope, unit, lang
    ui.page_title(f, "overview.title")
    frame = ui.data.rankings(dataset=f.dataset, year=f.year, scope=f.scope)
    if ui.has_rows(frame, f.t("no_data")):
        ui.chart("ranking", charts.ranking_bar, frame, f.lang)
        ui.table(frame, tables.RANKING, f, "ranking")   # with CSV + Excel downloads

Query results are cached in :mod:`ita_dash.ui.data` (one typed function per query; values
derived from them with ``data.per_build``); charts and tables are drawn once per distinct
input and then replayed from Streamlit's element cache (:mod:`ita_dash.ui.render`).
"""

from __future__ import annotations

import streamlit as st

from ita_dash.ui import data, mine
from ita_dash.ui.nav import in_app, navigation, page, page_links, run_ended, through_app
from ita_dash.ui.render import (
    banners,
    chart,
    has_rows,
    message,
    opened,
    page_title,
    setup_page,
    shown,
    stop,
    table,
)
from ita_dash.ui.state import Filters, remember, resolve, sidebar
from ita_dash.ui.views import (
    comparison_group,
    group_picker,
    group_set_label,
    group_set_picker,
    indicator_legend,
    measure_cards,
    present_link,
    profile_opener,
    profile_radar,
    profile_year,
    recoverable_summary,
    summary_metrics,
    unconfirmed_notes,
    unit_header,
    with_framework_names,
)

__all__ = [
    "Filters", "chart", "comparison_group", "data", "group_picker", "group_set_label",
    "group_set_picker", "has_rows", "indicator_legend", "measure_cards", "message",
    "navigation", "opened", "page", "page_title", "present_link", "profile_opener", "profile_radar", "profile_year",
    "recoverable_summary", "finish", "shown", "start", "stop", "summary_metrics", "table", "unconfirmed_notes",
    "unit_header", "with_framework_names",
]


_SIDEBAR = "_ita_sidebar_for"  # the filters whose sidebar is still to be drawn this run


def start(page_slug: str) -> Filters:
    """Begin a page: set-up, filters (URL, session or defaults), banners; the sidebar is
    drawn after the page (:func:`finish`), so the page's first chart reaches the browser
    before the filter widgets.

    Every page file calls this first: ``f = ui.start("overview")``.
    """
    through_app(page_slug)
    setup_page(page_slug)
    data.refresh()
    filters = resolve()
    remember(filters)
    if in_app():
        st.session_state[_SIDEBAR] = filters
    else:  # no app.py around this run to draw it afterwards
        _draw_sidebar(filters)
    banners(filters)
    return filters


def finish() -> None:
    """End a run (``app.py``, also when a page stopped early): the sidebar's page links,
    filters and the watch for newer builds, for the page that started."""
    run_ended()
    filters = st.session_state.pop(_SIDEBAR, None)
    if isinstance(filters, Filters):
        _draw_sidebar(filters)


def _draw_sidebar(filters: Filters) -> None:
    with st.sidebar:
        page_links(filters)
        st.divider()
    sidebar(filters)
    with st.sidebar:
        mine.sidebar_button(filters)
        data.watch_builds()

