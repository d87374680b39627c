"""The validation report: one line per problem (row, column, value, reason in Thai and English).

Problems are collected as small DataFrames so that checks over half a million
cells stay vectorised; :class:`Report` concatenates them on demand. Severity is
``error`` (nothing is written), ``warning`` (written, but look at it) or
``info`` (what the import will do, e.g. a stored figure it replaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ita_dash.problems import Problem
from ita_dash.safe_files import csv_bytes, inert, xlsx_bytes

COLUMNS = ["severity", "file", "row", "column", "value", "stored", "problem_th", "problem_en"]
SEVERITIES = ("error", "warning", "info")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(value: object, limit: int = 200) -> str | None:
    """A cell value as text for a report: no control characters, not too long."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _CONTROL.sub("\N{REPLACEMENT CHARACTER}", str(value))
    return text if len(text) <= limit else text[:limit] + "…"


spreadsheet_safe = inert  # the one formula-safe rule (ita_dash.safe_files)


@dataclass
class Report:
    """Problems found in one file."""

    file_name: str
    parts: list[pd.DataFrame] = field(default_factory=list)

    def add(self, severity: str, row: int | None, column: str | None, value: object,
            th: str, en: str, stored: object = None) -> None:
        """Add one problem."""
        self.parts.append(pd.DataFrame([{
            "severity": severity, "row": row, "column": column, "value": shown(value),
            "stored": shown(stored), "problem_th": th, "problem_en": en}]))

    def add_many(self, severity: str, rows: pd.Series, columns: pd.Series | str,
                 values: pd.Series, th: pd.Series | str, en: pd.Series | str,
                 stored: pd.Series | None = None) -> None:
        """Add one problem per element of ``rows`` (vectorised)."""
        if len(rows) == 0:
            return
        frame = pd.DataFrame({"row": rows.to_numpy()})
        frame.insert(0, "severity", severity)
        frame["column"] = columns.to_numpy() if isinstance(columns, pd.Series) else columns
        frame["value"] = [shown(v) for v in values.to_numpy()]
        frame["stored"] = None if stored is None else [shown(v) for v in stored.to_numpy()]
        frame["problem_th"] = th.to_numpy() if isinstance(th, pd.Series) else th
        frame["problem_en"] = en.to_numpy() if isinstance(en, pd.Series) else en
        self.parts.append(frame)

    def frame(self) -> pd.DataFrame:
        """Every problem, errors first, then by row."""
        if not self.parts:
            return pd.DataFrame(columns=COLUMNS)
        out = pd.concat(self.parts, ignore_index=True)
        out.insert(1, "file", self.file_name)
        out["row"] = out["row"].astype("Int64")
        rank = out["severity"].map({s: i for i, s in enumerate(SEVERITIES)})
        out = out.assign(_rank=rank).sort_values(["_rank", "row"], kind="stable",
                                                 na_position="first")
        return out.drop(columns="_rank").reset_index(drop=True)[COLUMNS]

    def count(self, severity: str) -> int:
        return int(sum((p["severity"] == severity).sum() for p in self.parts))

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0

    def problems(self) -> list[Problem]:
        """The report as :class:`ita_dash.problems.Problem` objects."""
        return [Problem(r.file, None if pd.isna(r.row) else int(r.row), r.column, r.value,
                        r.problem_th, r.problem_en, r.severity)
                for r in self.frame().itertuples()]

    def to_csv_bytes(self) -> bytes:
        """The report as CSV (UTF-8 with BOM, so that Excel shows Thai)."""
        return csv_bytes(self.frame())

    def to_xlsx_bytes(self) -> bytes:
        """The report as an Excel workbook (text cells are written as text, never formulas)."""
        return xlsx_bytes({"report": self.frame()})

    def lines(self, limit: int = 200) -> list[str]:
        """Human-readable lines for the command line (at most ``limit``)."""
        frame = self.frame()
        out = [_line(r) for r in frame.head(limit).itertuples()]
        if len(frame) > limit:
            more = len(frame) - limit
            out.append(f"... and {more} more (write them all with --report FILE) / "
                       f"และอีก {more} รายการ")
        return out


def _line(r: object) -> str:
    parts = ["file" if pd.isna(r.row) else f"row {r.row}"]
    if r.column:
        parts.append(f"column {r.column}")
    if r.value is not None:
        parts.append(f"value {r.value!r}")
    if r.stored is not None:
        parts.append(f"stored {r.stored!r}")
    return f"[{r.severity}] {', '.join(parts)}: {r.problem_en} / {r.problem_th}"
