"""Rendering helpers shared by every page: page set-up, banners, tables with downloads,
charts and the messages shown instead of empty charts."""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Callable
from typing import Any, Literal, NoReturn, TypeGuard

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.elements.lib.mutable_expander_container import ExpanderContainer

from ita_dash import tables
from ita_dash.escape import md
from ita_dash.i18n import has, t
from ita_dash.images import export_title, plotly_config
from ita_dash.ui.data import HEALING, STORE_ERROR, fonts_in_place
from ita_dash.ui.state import Filters, current, dataset_label

CSS = """
<style>
/* readable on a projector, usable on a phone */
[data-testid="stMetricValue"] { font-size: 1.9rem; }
[data-testid="stMetricLabel"] p { font-size: 1rem; }
.block-container { padding-top: 3.5rem; }
/* the chart's title is for its PNG (the page names the chart above it); its band at the
   top holds the toolbar, so the toolbar never covers the legend or labels */
[data-testid="stPlotlyChart"] .gtitle, [data-testid="stPlotlyChart"] .gtitle-subtitle {
  visibility: hidden; }
/* printing: A4, no sidebar, header, toolbars or buttons; charts and tables kept whole */
@page { size: A4; margin: 12mm; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stDownloadButton"], [data-testid="stBaseButton-secondary"],
  [data-testid="stElementToolbar"], .modebar-container { display: none !important; }
  .block-container { max-width: 100% !important; padding: 0 !important; }
  [data-testid="stAppViewContainer"], [data-testid="stMain"] { overflow: visible !important; }
  [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stMetric"],
  [data-testid="stAlert"] { break-inside: avoid; page-break-inside: avoid; }
  [data-testid="stPlotlyChart"] .main-svg { max-width: 100%; }
}
@media (max-width: 640px) {
  .block-container { padding-top: 4.2rem; padding-left: 0.8rem; padding-right: 0.8rem; }
  [data-testid="stMetricValue"] { font-size: 1.5rem; }
  h1 { font-size: 1.7rem !important; }
}
</style>
"""


def setup_page(page_slug: str | None) -> None:
    """Page config, the Sarabun files for static serving and a little CSS."""
    lang = st.query_params.get("lang", "th")
    title = t("app.title", lang) if page_slug is None else \
        f"{t(f'page.{page_slug}', lang)} · {t('app.title', lang)}"
    sidebar: Literal["collapsed", "auto"] = "collapsed" if page_slug == "presentation" else "auto"
    st.set_page_config(page_title=title, page_icon=":material/balance:",
                       layout="wide", initial_sidebar_state=sidebar)
    fonts_in_place()
    st.html(CSS)
    if lang == "th":  # the one toolbar tip Streamlit adds to Plotly's (its own, in English)
        st.html("<style>.modebar-btn[data-title='Fullscreen']::after { content: '"
                + t("chart.fullscreen", lang) + "' !important; }</style>")


def banners(filters: Filters) -> None:
    """The synthetic-data banner and the notes on values that fell back to defaults."""
    damage = st.session_state.get(STORE_ERROR)
    if damage is not None:
        st.error(md(damage.th if filters.lang == "th" else damage.en), icon=":material/error:")
    if st.session_state.get(HEALING):
        st.warning(t("build.healing", filters.lang), icon=":material/build:")
    if filters.is_synthetic:
        st.warning(t("demo.banner", filters.lang), icon=":material/science:")
    for note in filters.notes:
        st.info(md(note), icon=":material/info:")


def page_title(filters: Filters, key: str, *, show_scope: bool = True) -> None:
    st.title(t(key, filters.lang))
    parts = [dataset_label(filters.dataset, filters.lang), filters.year_text]
    if show_scope:
        parts.append(filters.scope_label)
    st.caption(md(" · ".join(parts)))


def message(text: str) -> None:
    """A clear message shown instead of an empty chart or table (shown as plain text)."""
    st.info(md(text), icon=":material/info:")


def has_rows(frame: pd.DataFrame | None, text: str) -> TypeGuard[pd.DataFrame]:
    """True when ``frame`` has rows; otherwise shows ``text`` and returns False."""
    if frame is None or frame.empty:
        message(text)
        return False
    return True


# the expanders whose content is drawn only when open (session keys, see :func:`opened`)
LAZY_EXPANDERS = ("deltas", "recoverable", "why", "measures", "item-comparability",
                  "compare-indicators")


def opened(label: str, name: str, *, icon: str | None = None) -> ExpanderContainer | None:
    """An expander whose content is made only while it is open (opening it reruns the page):
    the full tables kept in expanders cost 10-20 ms of server CPU each and are seldom opened.
    The container when open, else None; ``name`` is one of :data:`LAZY_EXPANDERS`."""
    assert name in LAZY_EXPANDERS, name
    box = st.expander(label, icon=icon, key=f"open-{name}", on_change="rerun")
    return box if box.open else None


# the page sections drawn only when asked for (session keys, see :func:`shown`)
LAZY_SECTIONS = ("radar", "deltas", "items", "recoverable", "measures", "compare-items",
                 "type-ranking")


def shown(name: str, lang: str, *, default: bool = False) -> bool:
    """A switch under a section's heading, "show this section" (the label of ``section.<name>``
    in the catalogue); the section is made only while it is on. Off at first (the page's
    first run draws what is above the fold and the headings of the rest: each section costs
    20-100 ms of server CPU for a unit nobody has opened); on, it stays on for the session,
    whatever unit or year is chosen; ``default``: on at first. ``name`` is one of
    :data:`LAZY_SECTIONS`."""
    assert name in LAZY_SECTIONS, name
    key = f"show-{name}"
    if default and key not in st.session_state:  # e.g. a shared link to the what-if
        st.session_state[key] = True
    return bool(st.toggle(t(f"section.{name}", lang), key=key))


def stop(text: str) -> NoReturn:
    """Show ``text`` and end the page here."""
    message(text)
    st.stop()


# charts about one unit (their PNG names the unit; the others name the scope)
UNIT_CHARTS = ("history", "radar", "deltas", "recoverable")


def _export_labels(key: str, filters: Filters | None) -> tuple[str, str, str, str] | None:
    """Title, unit or scope and year, source and synthetic mark for the chart's PNG."""
    name = f"chart_title.{key}"
    if filters is None or not has(name):
        return None
    lang = filters.lang
    who = filters.unit_label if key in UNIT_CHARTS else filters.scope_label
    context = " · ".join(p for p in (who, filters.year_text) if p)
    source = t("export.source", lang, source=f"{dataset_label(filters.dataset, lang)} · "
               f"{t('app.title', lang)}")
    return (t(name, lang), context, source,
            t("export.synthetic", lang) if filters.is_synthetic else "")


def chart(key: str, build: Callable[..., go.Figure], *args: object,
          min_width: int | None = None, source_note: str | None = None,
          **kwargs: object) -> None:
    """The Plotly chart ``build(*args, **kwargs)``, with its 1600 x 900 PNG export (titled,
    with source and year).

    Drawn once per distinct input: the same chart asked for again (any session) is
    replayed from Streamlit's element cache without building or serialising the figure
    again (the inputs are hashed, as ``st.cache_data`` hashes arguments).
    ``min_width`` (or the figure's ``layout.meta["min_width"]``): below this width the
    chart scrolls sideways instead of squeezing (grids whose every column is labelled).
    """
    labels = _export_labels(key, current())
    if labels is not None and source_note:  # e.g. the national mean's source, in the PNG
        labels = (labels[0], labels[1], f"{labels[2]} · {source_note}", labels[3])
    with st.container(key=f"chart-{key}"):  # the replayed chart lands in this block
        filters = current()
        min_width = _chart_element(  # keywords: positional ones cost a signature() per call
            key=key, build_name=f"{build.__module__}.{build.__qualname__}", args=args,
            kwargs=kwargs, labels=labels, min_width=min_width,
            lang=filters.lang if filters else "th", _build=build)
    if min_width is not None:  # a style-only st.html goes to another block: not replayable
        st.html(f"<style>.st-key-chart-{key} {{ overflow-x: auto; }} .st-key-chart-{key} "
                "[data-testid='stElementContainer']:has([data-testid='stPlotlyChart']), "
                f".st-key-chart-{key} [data-testid='stFullScreenFrame'] "
                f"{{ min-width: {int(min_width)}px; }}</style>")


def _frame_digest(frame: pd.DataFrame | pd.Series) -> bytes:
    """A frame's content as a cache key: its pickle's digest (10x faster than Streamlit's
    own frame hashing, 0.13 against 1.4 ms for a 50-row ranking). Equal pickles mean equal
    frames; equal frames with different pickles only cost a cache miss."""
    return hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=20).digest()


# charts and tables drawn once per distinct input, then replayed (any session)
_FRAMES: dict[str | type[Any], Callable[[Any], Any]] = {pd.DataFrame: _frame_digest,
                                                         pd.Series: _frame_digest}


@st.cache_data(show_spinner=False, max_entries=2048, hash_funcs=_FRAMES)
def _chart_element(key: str, build_name: str, args: tuple[object, ...],
                   kwargs: dict[str, object], labels: tuple[str, str, str, str] | None,
                   min_width: int | None, lang: str,
                   *, _build: Callable[..., go.Figure]) -> int | None:
    """Draw the chart; its minimum width in px, if any. The cache key: every argument but
    ``_build`` (named by ``build_name``). The chart is drawn on ``st``, so a replay draws
    it in the caller's block."""
    fig = _build(*args, **kwargs)
    if labels is not None:
        export_title(fig, *labels)
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    st.plotly_chart(fig, width="stretch", theme=None, key=key,
                    config=plotly_config(f"ita-{key}", lang=lang, responsive=True))
    width = min_width or meta.get("min_width")
    return None if width is None else int(width)


def formatted_table(frame: pd.DataFrame, cols: tuple[tables.Col, ...], lang: str, *, key: str,
                    height: int | Literal["auto"] = "auto", highlight: pd.Series | None = None,
                    level_colors: pd.Series | None = None) -> None:
    """``frame`` shown with the columns ``cols`` (2 decimals, ▲/▼, rating colours,
    highlighted rows). Drawn once per distinct input, then replayed from Streamlit's
    element cache (the Styler's cell-by-cell formatting is most of a table's cost)."""
    _table_element(frame=frame, cols=cols, lang=lang, key=key, height=height,
                   highlight=highlight, level_colors=level_colors)


@st.cache_data(show_spinner=False, max_entries=2048, hash_funcs=_FRAMES)
def _table_element(frame: pd.DataFrame, cols: tuple[tables.Col, ...], lang: str, key: str,
                   height: int | Literal["auto"], highlight: pd.Series | None,
                   level_colors: pd.Series | None) -> None:
    shown = tables.localize(frame, cols, lang)
    styler = tables.style(shown, cols, lang, level_colors=level_colors, highlight=highlight)
    # No pandas option is set around this (it once set ``future.infer_string`` off for
    # speed): options are global to the process, so another session's thread saw them
    # change in the middle of its own ``astype(str)`` ("Buffer has wrong number of
    # dimensions" under load). Streamlit now writes display values a column at a time.
    st.dataframe(styler, hide_index=True, width="stretch", height=height, key=key)


def table(frame: pd.DataFrame, cols: tuple[tables.Col, ...], filters: Filters, name: str, *,
          highlight: pd.Series | None = None, height: int | Literal["auto"] = "auto") -> None:
    """A formatted table (2 decimals, ▲/▼, rating colours) with CSV and Excel downloads
    of the same localized columns."""
    colors = frame["level_color"] if "level_color" in frame else frame.get("color")
    formatted_table(frame, cols, filters.lang, key=f"table-{name}", height=height,
                    highlight=highlight, level_colors=colors)
    downloads(lambda: tables.localize(frame, cols, filters.lang), name, filters)


_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+|\s+')


def readable_stem(*parts: str) -> str:
    """A download's file name (no extension) people can read, in the page's language:
    'ITA-อันดับ-ข้อมูลจริงจากรายงาน-พ.ศ.2564' — no ids, nothing a file system refuses."""
    words = [_NOT_IN_FILE_NAMES.sub("-", p.strip()).strip("-") for p in parts if p and p.strip()]
    return "-".join(w for w in words if w)[:150] or "ITA"


def _file_stem(name: str, filters: Filters) -> str:
    title = next((t(k, filters.lang) for k in (f"table_title.{name}", f"chart_title.{name}")
                  if has(k)), t(f"page.{name}", filters.lang) if has(f"page.{name}") else name)
    return readable_stem("ITA", title, dataset_label(filters.dataset, filters.lang),
                         filters.year_text if filters.year else "")


def downloads(shown: pd.DataFrame | Callable[[], pd.DataFrame], name: str,
              filters: Filters) -> None:
    """CSV and Excel buttons for a table (files are built only when clicked; ``shown``
    may be a function giving the table, e.g. every page of a paginated one)."""
    table = shown if callable(shown) else (lambda: shown)
    stem = _file_stem(name, filters)
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        t("download.csv", filters.lang), data=lambda: tables.to_csv_bytes(table()),
        file_name=f"{stem}.csv", mime="text/csv", key=f"dl-{name}-csv", on_click="ignore",
        icon=":material/download:")
    row.download_button(
        t("download.xlsx", filters.lang), data=lambda: tables.to_xlsx_bytes(table(), name),
        file_name=f"{stem}.xlsx", key=f"dl-{name}-xlsx", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:")
