"""The presentation page (``pages/8_presentation.py``): the meeting deck's slides one at a
time, in large type, with the PowerPoint and Excel downloads.

The slides come from :func:`ita_dash.deck.slides.build_deck`: titles, key lines,
messages, notes and the source line as large HTML, charts and tables as Plotly figures
(:mod:`ita_dash.deck.figures`).
"""

from __future__ import annotations

import streamlit as st

from ita_dash import palette
from ita_dash.deck import model as m
from ita_dash.deck.excel import workbook_bytes
from ita_dash.deck.figures import slide_figure
from ita_dash.deck.pptx_deck import pptx_bytes
from ita_dash.deck.slides import DeckError, build_deck
from ita_dash.escape import html as escape
from ita_dash.escape import md
from ita_dash.images import plotly_config
from ita_dash.ui.data import build, cursor
from ita_dash.ui.render import message
from ita_dash.ui.state import Filters

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# No sidebar (the slides use the whole width), large type for a projector.
CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarCollapseButton"], [data-testid="stExpandSidebarButton"] {{
  display: none !important; }}
.block-container {{ max-width: 1500px; padding-top: 1.2rem; }}
.slide-count {{ font-size: 1.4rem; text-align: center; margin: 0; }}
.slide-title {{ font-size: 2.8rem; font-weight: 700; color: {palette.PRIMARY}; line-height: 1.3;
  border-bottom: 5px solid {palette.PRIMARY}; padding-bottom: .3rem; margin: .6rem 0 .4rem; }}
.slide-big .slide-title {{ font-size: 3.4rem; margin-top: 3rem; }}
.slide-sub {{ font-size: 1.7rem; color: {palette.MUTED}; margin: 0 0 .6rem; }}
.slide-line {{ font-size: 1.9rem; margin: .3rem 0; }}
.slide-line.first {{ font-size: 2.4rem; font-weight: 700; }}
.slide-msg {{ font-size: 2.1rem; padding: 3rem 2rem; margin: 2.5rem 6%; background: {palette.PANEL};
  border: 1px solid {palette.RULE}; border-radius: 14px; text-align: center; }}
.slide-note {{ font-size: 1.35rem; color: {palette.MUTED}; margin: .2rem 0; }}
.slide-source {{ font-size: 1.05rem; color: {palette.MUTED}; border-top: 1px solid {palette.GRID};
  padding-top: .4rem; margin-top: .8rem; }}
.slide-source.synthetic {{ color: {palette.WARNING}; font-weight: 700; }}
</style>
"""


def header_html(slide: m.Slide) -> str:
    """Title, subtitle, the title slide's key lines, or the empty-slide message."""
    parts = [f"<div class='slide-title'>{escape(slide.title)}</div>"]
    if slide.subtitle:
        parts.append(f"<p class='slide-sub'>{escape(slide.subtitle)}</p>")
    for i, line in enumerate(slide.lines):
        parts.append(f"<p class='slide-line{' first' if i == 0 else ''}'>{escape(line)}</p>")
    if slide.message:
        parts.append(f"<div class='slide-msg'>{escape(slide.message)}</div>")
    kind = "slide-big" if slide.key == "title" else "slide"
    return f"<div class='{kind}'>{''.join(parts)}</div>"


def footer_html(slide: m.Slide, synthetic: bool) -> str:
    """The notes and the one source line."""
    notes = "".join(f"<p class='slide-note'>{escape(n)}</p>" for n in slide.notes)
    css = "slide-source synthetic" if synthetic else "slide-source"
    return f"{notes}<div class='{css}'>{escape(slide.source)}</div>"


def render(f: Filters) -> None:
    st.html(CSS)
    if not (f.unit and f.year):
        message(f.t("no_data"))
        return
    key = (build().fingerprint, f.dataset, f.unit, f.year, f.scope.token(), f.lang)
    if st.session_state.get("deck_key") != key:
        try:
            built = build_deck(cursor(), dataset=f.dataset, unit_id=f.unit, year=f.year,
                               scope=f.scope, lang=f.lang)
        except DeckError as exc:
            message(exc.th if f.lang == "th" else exc.en)
            return
        st.session_state.update(deck_key=key, deck=built, slide_no=0)
    deck: m.Deck = st.session_state["deck"]
    n = len(deck.slides)
    st.session_state["slide_no"] = min(st.session_state.get("slide_no", 0), n - 1)
    slide = deck.slides[st.session_state["slide_no"]]
    controls(f, deck)
    st.html(header_html(slide))
    figure = slide_figure(slide)
    if figure is not None:
        st.plotly_chart(figure, width="stretch", theme=None, key=f"slide-{slide.key}",
                        config=plotly_config(f"{deck.file_stem()}-{slide.key}"))
    st.html(footer_html(slide, deck.is_synthetic))
    st.caption(md(f.t("deck.hint")))


def _step(by: int, n: int) -> None:
    st.session_state["slide_no"] = max(0, min(n - 1, st.session_state["slide_no"] + by))


def controls(f: Filters, deck: m.Deck) -> None:
    """Previous, 'n / N', next, and the two downloads."""
    n, at = len(deck.slides), st.session_state["slide_no"]
    back, counter, forward, pptx, xlsx = st.columns([1, 1, 1, 2, 2], vertical_alignment="center")
    back.button(f.t("deck.previous"), on_click=_step, args=(-1, n), width="stretch",
                disabled=at == 0, icon=":material/arrow_back:")
    counter.markdown(f"<p class='slide-count'>{at + 1} / {n}</p>", unsafe_allow_html=True)
    forward.button(f.t("deck.next"), on_click=_step, args=(1, n), width="stretch",
                   disabled=at == n - 1, icon=":material/arrow_forward:")
    pptx.download_button(f.t("deck.pptx"), data=lambda: pptx_bytes(deck), on_click="ignore",
                         file_name=f"{deck.file_stem()}.pptx", mime=PPTX_MIME,
                         icon=":material/slideshow:", width="stretch")
    xlsx.download_button(f.t("deck.xlsx"), data=lambda: workbook_bytes(deck.tables),
                         on_click="ignore", file_name=f"{deck.file_stem()}.xlsx",
                         mime=XLSX_MIME, icon=":material/table_view:", width="stretch")
