"""The presentation page's Streamlit parts: the deck one slide at a time, with pickers,
keyboard navigation, a slide list, an exit and the PowerPoint / Excel downloads.

HTML and CSS of the slides live in :mod:`ita_dash.deck.page` (no Streamlit there).
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from ita_dash.deck import model as m
from ita_dash.deck import page
from ita_dash.deck.excel import workbook_bytes
from ita_dash.deck.figures import PROJECTOR_HEIGHT, chart_figure, slide_figure, themed
from ita_dash.deck.notes import shown_slides
from ita_dash.deck.pptx_deck import pptx_bytes
from ita_dash.deck.pptx_fonts import bundle_bytes
from ita_dash.deck.slides import DeckError, build_deck
from ita_dash.i18n import t
from ita_dash.images import plotly_config
from ita_dash.ui.data import cursor, read, registry
from ita_dash.ui.nav import pages
from ita_dash.ui.render import message
from ita_dash.ui.state import Filters, filter_widgets

_NO = "slide_no"


def _deck(filters: Filters) -> m.Deck | None:
    """The deck of the chosen unit, year and scope (built once per choice)."""
    whatif = tuple(c for c in st.query_params.get("whatif", "").split(",") if c)
    key = (filters.dataset, filters.unit, filters.year, filters.scope.token(), filters.lang,
           whatif)
    if st.session_state.get("deck_key") != key:
        try:
            # its queries read through the pages' shared cache (the scope's ranking, a
            # group's radar, the dataset's facts are read once for every view)
            deck = build_deck(cursor(), dataset=filters.dataset, unit_id=str(filters.unit),
                              year=int(filters.year or 0), scope=filters.scope,
                              lang=filters.lang, whatif=whatif, read=read,
                              registry=registry())
        except DeckError as exc:
            message(exc.th if filters.lang == "th" else exc.en)
            return None
        deck = replace(deck, slides=shown_slides(deck))  # none with nothing to show
        st.session_state.update(deck_key=key, deck=deck)
        st.session_state[_NO] = 0
    held: m.Deck = st.session_state["deck"]
    return held


def _go(to: int, n: int) -> None:
    st.session_state[_NO] = max(0, min(n - 1, to))


def _step(by: int, n: int) -> None:
    _go(st.session_state.get(_NO, 0) + by, n)


def _jump(n: int) -> None:
    _go(int(st.session_state["deck_list"]), n)


def _controls(filters: Filters, deck: m.Deck, no: int) -> None:
    """Exit, pickers, first/previous/count/next/last, slide list, downloads."""
    lang, n = filters.lang, len(deck.slides)
    bar = st.container(horizontal=True, vertical_alignment="center", gap="small",
                       key="deck_bar")
    bar.page_link(pages()["overview"], label=t("deck.exit", lang),
                  icon=":material/close:", query_params=filters.params())
    with bar.popover(t("deck.pickers", lang), icon=":material/tune:"):
        filter_widgets(filters, ("year", "scope", "unit"), prefix="p_")
    bar.button(t("deck.first", lang), key="deck_first", on_click=_go, args=(0, n),
               disabled=no == 0, icon=":material/first_page:")
    bar.button(t("deck.previous", lang), key="deck_prev", on_click=_step, args=(-1, n),
               disabled=no == 0, icon=":material/arrow_back:")
    bar.markdown(f"<p class='slide-count'>{no + 1} / {n}</p>", unsafe_allow_html=True)
    bar.button(t("deck.next", lang), key="deck_next", on_click=_step, args=(1, n),
               disabled=no == n - 1, icon=":material/arrow_forward:")
    bar.button(t("deck.last", lang), key="deck_last", on_click=_go, args=(n - 1, n),
               disabled=no == n - 1, icon=":material/last_page:")
    st.session_state["deck_list"] = no
    titles = {i: f"{i + 1}. {s.title}" for i, s in enumerate(deck.slides)}
    bar.selectbox(t("deck.slide_list", lang), list(titles), format_func=lambda i: titles[i],
                  key="deck_list", on_change=_jump, args=(n,), label_visibility="collapsed",
                  width=260)
    bar.download_button(t("deck.pptx", lang), data=lambda: pptx_bytes(deck), on_click="ignore",
                        file_name=f"{deck.display_stem()}.pptx", mime=page.PPTX_MIME,
                        icon=":material/slideshow:")
    bar.download_button(t("deck.bundle", lang), on_click="ignore",
                        data=lambda: bundle_bytes(pptx_bytes(deck), deck.file_stem(), lang),
                        file_name=f"{deck.display_stem()}-Sarabun.zip", mime="application/zip",
                        icon=":material/folder_zip:")
    bar.download_button(t("deck.xlsx", lang), data=lambda: workbook_bytes(deck.tables),
                        on_click="ignore", file_name=f"{deck.display_stem()}.xlsx",
                        mime=page.XLSX_MIME, icon=":material/table_view:")


def render(filters: Filters) -> None:
    """The whole presentation page below ``ui.start``."""
    st.html(page.CSS)
    st.html(page.KEYBOARD_JS, unsafe_allow_javascript=True)
    projector = st.query_params.get("projector") == "1"
    theme = st.query_params.get("theme")
    if projector:
        st.html(page.PROJECTOR_CSS)
    if theme in page.THEME_CSS:
        st.html(page.THEME_CSS[theme])
    if not (filters.unit and filters.year):
        message(t("no_data", filters.lang))
        return
    deck = _deck(filters)
    if deck is None:
        return
    no = min(st.session_state.get(_NO, 0), len(deck.slides) - 1)
    st.session_state[_NO] = no
    slide = deck.slides[no]
    _controls(filters, deck, no)
    if projector:  # the counter stays visible, in a corner
        st.html(f"<div class='slide-count-corner'>{no + 1} / {len(deck.slides)}</div>")
    else:
        _projector_links(filters)
    st.html(page.header_html(slide))
    if slide.table is not None and not slide.is_empty:
        st.html(page.table_html(slide.table))
    elif slide_figure(slide) is not None and slide.chart is not None:
        for variant, compact in (("wide", False), ("compact", True)):
            with st.container(key=f"slide-{variant}"):
                figure = themed(chart_figure(slide.chart, compact), theme,
                                height=PROJECTOR_HEIGHT if projector and not compact else None)
                st.plotly_chart(figure, width="stretch", theme=None,
                                key=f"slide-{slide.key}-{variant}",
                                config=plotly_config(f"{deck.file_stem()}-{slide.key}",
                                                     lang=filters.lang))
    st.html(page.footer_html(slide, deck.is_synthetic))
    if not projector:
        st.caption(t("deck.keys", filters.lang) + " · " + t("deck.hint", filters.lang))


def _projector_links(filters: Filters) -> None:
    """Open the same slides full screen, light, dark or high-contrast (keys still work; the
    browser's F11 hides its own bars)."""
    row = st.container(horizontal=True, gap="small")
    for theme in ("light", "dark", "contrast"):
        params = {**filters.params(), "projector": "1"}
        if theme != "light":
            params["theme"] = theme
        row.page_link(pages()["presentation"], label=t(f"deck.projector_{theme}", filters.lang),
                      icon=":material/fit_screen:", query_params=params)
