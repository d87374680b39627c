"""The tables of a deck, with display headers, for the Excel workbook (numbers stay numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ita_dash import tables
from ita_dash.i18n import t

if TYPE_CHECKING:
    from ita_dash.deck.context import Context, DeckData

SHEETS = ("ranking", "history", "indicators", "weakest", "zero", "points")


def sheet_names(lang: str) -> list[str]:
    """The workbook's sheet names in ``lang`` (from :mod:`ita_dash.i18n`)."""
    return [t(f"sheet.{key}", lang) for key in SHEETS]


def _indicators(data: DeckData) -> pd.DataFrame:
    frame = data.radar_group.copy()
    frame["previous"] = data.radar_prev["comparison"].to_numpy()
    frame["delta"] = (frame["value"] - frame["previous"]).round(2)
    return frame


def deck_tables(ctx: Context, data: DeckData) -> dict[str, pd.DataFrame]:
    """Sheet name -> table of every view in the deck (full tables, not cut for slides).

    Columns and headers come from the shared table definitions of :mod:`ita_dash.tables`.
    """
    lang = ctx.lang
    history = data.history[data.history["fiscal_year"] <= ctx.year]
    views = (
        (data.ranking, tables.DECK_RANKING), (history, tables.UNIT_HISTORY),
        (_indicators(data), tables.DECK_INDICATORS), (data.weakest, tables.DECK_ITEMS),
        (data.zero, tables.DECK_ZERO), (data.recoverable, tables.RECOVERABLE),
    )
    return {name: tables.localize(frame, cols, lang).reset_index(drop=True)
            for name, (frame, cols) in zip(sheet_names(lang), views, strict=True)}
