"""The published national results as a reference on charts: the year's mean (a ranking) or
the means of a unit's years (its history), with the source line for the PNG."""

from __future__ import annotations

import pandas as pd

from ita_dash import charts
from ita_dash.ui import data
from ita_dash.ui.state import Filters


def _note(f: Filters, rows: pd.DataFrame) -> str | None:
    notes = [charts.national_source(r, f.lang).replace("<br>", " · ")
             for _, r in rows.iterrows()]
    return "; ".join(notes) or None


def of_year(f: Filters, year: int) -> tuple[pd.Series | None, str | None]:
    """(the year's national result or None, its source for the PNG)."""
    national = data.national_reference(dataset=f.dataset)
    rows = national[national["fiscal_year"] == year]
    return (rows.iloc[0] if not rows.empty else None), _note(f, rows)


def of_years(f: Filters, years: pd.Series) -> tuple[pd.DataFrame, str | None]:
    """(the national results of these years, their sources for the PNG)."""
    national = data.national_reference(dataset=f.dataset)
    rows = national[national["fiscal_year"].isin(years)].reset_index(drop=True)
    return rows, _note(f, rows)
