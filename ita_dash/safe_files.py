"""The one formula-safe writer: every CSV and XLSX the product writes goes through here.

OWASP's CSV-injection rule: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return is written as inert text (prefixed with ``'``), so that no
spreadsheet runs it as a formula; numbers stay numbers (a text that is a plain
number such as ``-2.5`` is left as it is). Column names and index labels are text
cells too. In XLSX files, text cells are written as strings, never as formulas.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

XLSXWRITER_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False}
CRLF = "\r\n"  # RFC 4180; also makes the writer quote any cell holding a CR or an LF
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def inert(value: Any) -> Any:
    """``value`` made safe for a spreadsheet cell: risky text gets a leading quote."""
    if isinstance(value, str) and value.startswith(RISKY_START) \
            and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def inert_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells, column names and index labels are inert."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            out[column] = series.map(inert).astype(object)
        elif isinstance(series.dtype, pd.CategoricalDtype):
            out[column] = series.astype(object).map(inert)
    out.columns = _inert_index(out.columns)
    out.index = _inert_index(out.index)
    return out


def _inert_index(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(inert(v) for v in t) for t in index],
                                         names=[inert(n) for n in index.names])
    if index.dtype == object or pd.api.types.is_string_dtype(index.dtype):
        return pd.Index([inert(v) for v in index], name=inert(index.name), dtype=object)
    return index


def csv_bytes(frame: pd.DataFrame, *, index: bool = False, encoding: str = "utf-8-sig") -> bytes:
    """``frame`` as CSV (UTF-8 with BOM by default, so Excel reads Thai)."""
    return inert_frame(frame).to_csv(index=index, lineterminator=CRLF).encode(encoding)


def write_csv(frame: pd.DataFrame, path: Any, *, index: bool = False,
              encoding: str = "utf-8") -> None:
    """Write ``frame`` as CSV to ``path`` (a path or a text stream)."""
    inert_frame(frame).to_csv(path, index=index, encoding=encoding, lineterminator=CRLF)


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame] | pd.DataFrame, *,
               index: bool = False) -> bytes:
    """One or more frames as an XLSX workbook (sheet name -> frame), text never a formula."""
    if isinstance(sheets, pd.DataFrame):
        sheets = {"data": sheets}
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": XLSXWRITER_OPTIONS}) as writer:
        for name, frame in sheets.items():
            inert_frame(frame).to_excel(writer, sheet_name=str(name)[:31], index=index)
    return buffer.getvalue()


def inert_rows(rows: Iterable[Iterable[Any]]) -> list[list[Any]]:
    """Rows of cells (for writers that take lists) made inert."""
    return [[inert(v) for v in row] for row in rows]


def openpyxl_cell(cell: Any, value: Any) -> None:
    """Set an openpyxl cell to ``value`` as data: text is stored as a string, never a formula."""
    value = inert(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
