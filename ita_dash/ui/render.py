"""Rendering helpers shared by every page: page set-up, banners, tables with downloads,
charts and the messages shown instead of empty charts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, NoReturn, TypeGuard

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ita_dash import tables
from ita_dash.escape import md
from ita_dash.i18n import t
from ita_dash.images import plotly_config
from ita_dash.ui.data import fonts_in_place
from ita_dash.ui.state import Filters, dataset_label

CSS = """
<style>
/* readable on a projector, usable on a phone */
[data-testid="stMetricValue"] { font-size: 1.9rem; }
[data-testid="stMetricLabel"] p { font-size: 1rem; }
.block-container { padding-top: 3.5rem; }
@media (max-width: 640px) {
  .block-container { padding-top: 4.2rem; padding-left: 0.8rem; padding-right: 0.8rem; }
  /* figures inside heatmap cells do not fit a phone: colours + hover there */
  [data-testid="stPlotlyChart"] .heatmaplayer text { display: none; }
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
    st.set_page_config(page_title=title, page_icon=":material/balance:",
                       layout="wide", initial_sidebar_state="auto")
    fonts_in_place()
    st.html(CSS)


def banners(filters: Filters) -> None:
    """The synthetic-data banner and the notes on values that fell back to defaults."""
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


def stop(text: str) -> NoReturn:
    """Show ``text`` and end the page here."""
    message(text)
    st.stop()


def chart(fig: go.Figure, key: str) -> None:
    config = plotly_config(f"ita-{key}", responsive=True)
    st.plotly_chart(fig, width="stretch", theme=None, config=config, key=key)


def table(frame: pd.DataFrame, cols: tuple[tables.Col, ...], filters: Filters, name: str, *,
          highlight: pd.Series | None = None, height: int | Literal["auto"] = "auto") -> pd.DataFrame:
    """A formatted table (2 decimals, ▲/▼, rating colours) with CSV and Excel downloads.

    Returns the localized frame that was shown and offered for download.
    """
    shown = tables.localize(frame, cols, filters.lang)
    colors = frame["level_color"] if "level_color" in frame else frame.get("color")
    styler = tables.style(shown, cols, filters.lang, level_colors=colors, highlight=highlight)
    st.dataframe(styler, hide_index=True, width="stretch", height=height, key=f"table-{name}")
    downloads(shown, name, filters)
    return shown


def _file_stem(name: str, filters: Filters) -> str:
    stem = f"ita-{name}-{filters.dataset}" + (f"-{filters.year}" if filters.year else "")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem)


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
