"""Pages: the entries of the page list in ``app.py``, the sidebar links, switching pages.

``app.py`` lists the pages, one :func:`page` line each; :func:`navigation` registers them
with ``st.navigation`` (its own menu hidden) and the sidebar shows :func:`page_links`
instead, whose titles follow the chosen language and whose links carry the filters. A
page is served at ``/<url_path>`` and titled by the i18n entry ``page.<url_path>``;
``/`` opens the first page, keeping the filters of the URL.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ita_dash.i18n import has, t
from ita_dash.ui.state import Filters, incoming_lang, remember, with_unit

_PAGES = "_ita_pages"
_GOTO = "_ita_goto"
_IN_APP = "_ita_in_app"  # set while a run goes through app.py


def title(url_path: str, lang: str) -> str:
    key = f"page.{url_path}"
    return t(key, lang) if has(key) else url_path.replace("_", " ").capitalize()


def page(file: str, url_path: str, icon: str) -> StreamlitPage:
    """One entry of the page list: ``file`` served at ``/<url_path>``."""
    return st.Page(file, title=title(url_path, incoming_lang()), icon=icon, url_path=url_path)


def navigation(pages: list[StreamlitPage]) -> StreamlitPage:
    """Register ``pages`` (and ``/``, which opens the first) and return the page to run."""
    st.session_state[_PAGES] = {p.url_path: p for p in pages}
    st.session_state[_IN_APP] = True
    home = st.Page(_home, title=t("app.title", incoming_lang()), url_path="home", default=True)
    return st.navigation([home, *pages], position="hidden")


def pages() -> dict[str, StreamlitPage]:
    """The registered pages by URL path, in the order of ``app.py``."""
    registered: dict[str, StreamlitPage] = st.session_state.get(_PAGES, {})
    return registered


def _home() -> None:
    registered = pages()
    target = registered.get(st.session_state.pop(_GOTO, ""), next(iter(registered.values())))
    st.switch_page(target, query_params=st.query_params.to_dict())


def through_app(url_path: str) -> None:
    """Reopen this page through ``app.py`` when Streamlit ran its file directly.

    Until ``st.navigation`` ran once in a server process, Streamlit serves the files of
    ``pages/`` by itself (a bookmark opened first after a restart): then nothing is
    registered, so go through ``app.py``, which registers the pages and opens this one.
    """
    if not pages():
        st.session_state[_GOTO] = url_path
        st.switch_page("app.py", query_params=st.query_params.to_dict())


def in_app() -> bool:
    """True when ``app.py`` started this run (False when Streamlit ran the page's file by
    itself, as AppTest does on every run after the first)."""
    return bool(st.session_state.get(_IN_APP))


def run_ended() -> None:
    """The end of a run through ``app.py`` (``ui.finish``)."""
    st.session_state.pop(_IN_APP, None)


def page_links(filters: Filters) -> None:
    """The localized page list; each link keeps the current filters in its URL."""
    for url_path, entry in pages().items():
        st.page_link(entry, label=title(url_path, filters.lang), icon=entry.icon or None,
                     query_params=filters.params())


def open_page(url_path: str, filters: Filters) -> None:
    """Switch to another page, carrying the filters in its URL."""
    remember(filters)
    st.switch_page(pages()[url_path], query_params=filters.params())


def open_profile(filters: Filters, unit: str) -> None:
    """Open the unit profile of ``unit`` (sets the ``unit`` query parameter)."""
    open_page("unit_profile", with_unit(filters, unit))
