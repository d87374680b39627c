"""The validation report of one import: the shared collector plus its downloads.

:class:`Report` is :class:`ita_dash.problems.Problems` for one file, with the
report as CSV or Excel for the Data page and ``import --report FILE``.
"""

from __future__ import annotations

import io
import re

import pandas as pd

from ita_dash.problems import Problems

_RISKY_START = ("=", "+", "@", "\t", "\r", "-")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def spreadsheet_safe(value: object) -> object:
    """Defuse text that a spreadsheet would run as a formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(_RISKY_START) and not _NUMBER.match(value):
        return "'" + value
    return value


class Report(Problems):
    """Problems found in one file, downloadable as CSV or Excel."""

    def to_csv_bytes(self) -> bytes:
        """The report as CSV (UTF-8 with BOM, so that Excel shows Thai)."""
        frame = self.frame().map(spreadsheet_safe)
        return str(frame.to_csv(index=False)).encode("utf-8-sig")

    def to_xlsx_bytes(self) -> bytes:
        """The report as an Excel workbook (text cells are written as text, never formulas)."""
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="xlsxwriter",
                            engine_kwargs={"options": {"strings_to_formulas": False,
                                                       "strings_to_urls": False}}) as writer:
            self.frame().to_excel(writer, index=False, sheet_name="report")
        return buffer.getvalue()
