"""Presentation mode: the meeting deck's slides one at a time, in large type, with downloads."""


import streamlit as st

from ita_dash import ui
from ita_dash.deck import page
from ita_dash.deck.excel import workbook_bytes
from ita_dash.deck.figures import slide_figure
from ita_dash.deck.pptx_deck import pptx_bytes
from ita_dash.deck.slides import DeckError, build_deck
from ita_dash.escape import md
from ita_dash.images import plotly_config

f = ui.start("presentation")
st.html(page.CSS)
if not (f.unit and f.year):
    ui.message(f.t("no_data"))
    st.stop()
key = (f.dataset, f.unit, f.year, f.scope.token(), f.lang)
if st.session_state.get("deck_key") != key:
    try:
        deck = build_deck(ui.cursor(), dataset=f.dataset, unit_id=f.unit, year=f.year,
                          scope=f.scope, lang=f.lang)
    except DeckError as exc:
        ui.message(exc.th if f.lang == "th" else exc.en)
        st.stop()
    st.session_state.update(deck_key=key, deck=deck, slide_no=0)
deck = st.session_state["deck"]
n = len(deck.slides)
st.session_state["slide_no"] = min(st.session_state.get("slide_no", 0), n - 1)
slide = deck.slides[st.session_state["slide_no"]]


def step(by: int) -> None:
    st.session_state["slide_no"] = max(0, min(n - 1, st.session_state["slide_no"] + by))


back, counter, forward, pptx, xlsx = st.columns([1, 1, 1, 2, 2], vertical_alignment="center")
back.button(f.t("deck.previous"), on_click=step, args=(-1,), width="stretch",
            disabled=st.session_state["slide_no"] == 0, icon=":material/arrow_back:")
counter.markdown(f"<p class='slide-count'>{st.session_state['slide_no'] + 1} / {n}</p>",
                 unsafe_allow_html=True)
forward.button(f.t("deck.next"), on_click=step, args=(1,), width="stretch",
               disabled=st.session_state["slide_no"] == n - 1, icon=":material/arrow_forward:")
pptx.download_button(f.t("deck.pptx"), data=lambda: pptx_bytes(deck), on_click="ignore",
                     file_name=f"{deck.file_stem()}.pptx", mime=page.PPTX_MIME,
                     icon=":material/slideshow:", width="stretch")
xlsx.download_button(f.t("deck.xlsx"), data=lambda: workbook_bytes(deck.tables),
                     on_click="ignore", file_name=f"{deck.file_stem()}.xlsx",
                     mime=page.XLSX_MIME, icon=":material/table_view:", width="stretch")

st.html(page.header_html(slide))
figure = slide_figure(slide)
if figure is not None:
    st.plotly_chart(figure, width="stretch", theme=None, key=f"slide-{slide.key}",
                    config=plotly_config(f"{deck.file_stem()}-{slide.key}"))
st.html(page.footer_html(slide, deck.is_synthetic))
st.caption(md(f.t("deck.hint")))
