"""An Excel workbook of a view: one sheet per table.

Numbers are written as numbers (never as text), headers as given (Thai in a
Thai view), the header row is frozen and bold, and column widths fit the
longest text (Thai vowel and tone marks take no width). Usable for any view:
pass ``{sheet name: DataFrame}``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO, cast

import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ita_dash import palette
from ita_dash.deck.text import width
from ita_dash.safe_files import inert

FONT = "Tahoma"  # on every Windows machine, and it has Thai glyphs
MIN_WIDTH, MAX_WIDTH = 6, 60
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, no ``[]:*?/\\``)."""
    base = _BAD_SHEET_CHARS.sub(" ", str(name)).strip()[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _column_width(frame: pd.DataFrame, column: str) -> float:
    texts = [str(column)] + [_display(v) for v in frame[column].head(500)]
    return float(min(MAX_WIDTH, max(MIN_WIDTH, max(width(t) for t in texts) * 1.15 + 2)))


def _display(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _cell_value(value: object) -> object:
    """Python scalar for the cell: numpy numbers -> int/float, NA -> None."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()  # numpy scalar
    if isinstance(value, float) and value != value:
        return None
    return value


def _formats(book: xlsxwriter.Workbook) -> dict[str, Format]:
    base = {"font_name": FONT, "valign": "top"}
    return {
        "header": book.add_format({**base, "bold": True, "bg_color": palette.PRIMARY,
                                   "font_color": palette.WHITE, "text_wrap": True}),
        "text": book.add_format(base),
        "decimal": book.add_format({**base, "num_format": "0.00"}),
        "integer": book.add_format({**base, "num_format": "0"}),
    }


def _write_cell(sheet: Worksheet, r: int, c: int, raw: object, is_int: bool,
                formats: dict[str, Format]) -> None:
    value = _cell_value(raw)
    if value is None:
        sheet.write_blank(r, c, None, formats["text"])
    elif _is_number(value) and is_int:
        sheet.write_number(r, c, int(cast(float, value)), formats["integer"])
    elif _is_number(value):
        sheet.write_number(r, c, float(cast(float, value)), formats["decimal"])
    else:
        sheet.write_string(r, c, inert(str(value)), formats["text"])


def _write_sheet(sheet: Worksheet, frame: pd.DataFrame, formats: dict[str, Format]) -> None:
    for c, column in enumerate(frame.columns):
        sheet.write_string(0, c, inert(str(column)), formats["header"])
        is_int = pd.api.types.is_integer_dtype(frame[column])
        for r, raw in enumerate(frame[column].tolist(), start=1):
            _write_cell(sheet, r, c, raw, is_int, formats)
        sheet.set_column(c, c, _column_width(frame, column))
    sheet.freeze_panes(1, 0)
    if len(frame.columns):
        sheet.autofilter(0, 0, max(len(frame), 1), len(frame.columns) - 1)


def write_workbook(tables: Mapping[str, pd.DataFrame], out: str | Path | IO[bytes]) -> None:
    """Write ``{sheet name: table}`` to an .xlsx file path or binary stream."""
    target = str(out) if isinstance(out, str | Path) else out
    book = xlsxwriter.Workbook(target, {"in_memory": True})
    formats = _formats(book)
    taken: set[str] = set()
    for name, frame in tables.items():
        _write_sheet(book.add_worksheet(sheet_name(name, taken)), frame, formats)
    if not tables:
        book.add_worksheet("Sheet1")
    book.close()


def workbook_bytes(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """The workbook as bytes (for a download button)."""
    buffer = io.BytesIO()
    write_workbook(tables, buffer)
    return buffer.getvalue()
