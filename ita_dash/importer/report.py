"""The validation report of one import: the shared collector plus its downloads.

:class:`Report` is :class:`ita_dash.problems.Problems` for one file, with the
report as CSV or Excel for the Data page and ``import --report FILE``; both are
written by the one formula-safe writer (:mod:`ita_dash.safe_files`).
"""

from __future__ import annotations

from ita_dash.problems import Problems
from ita_dash.safe_files import csv_bytes, inert, xlsx_bytes

spreadsheet_safe = inert  # the one formula-safe rule (ita_dash.safe_files)


class Report(Problems):
    """Problems found in one file, downloadable as CSV or Excel."""

    def to_csv_bytes(self) -> bytes:
        """The report as CSV (UTF-8 with BOM, so that Excel shows Thai)."""
        return csv_bytes(self.frame())

    def to_xlsx_bytes(self) -> bytes:
        """The report as an Excel workbook (text cells are written as text, never formulas)."""
        return xlsx_bytes({"report": self.frame()})
