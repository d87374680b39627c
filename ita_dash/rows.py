"""Rows of a CSV file (under ``data/`` or a sheet of an uploaded template) with their line
numbers, and problems reported at a file, line, column and value."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ita_dash import cells
from ita_dash.problems import Problems
from ita_dash.thai import normalize_text

# the columns of data/ files named as the shared rules name them
FIELDS = {"unit": "unit", "fiscal_year": "year", "framework_id": "framework", "code": "code",
          "score": "score"}
Record = dict[str, object]


@dataclass
class Rows:
    """The rows of one CSV file, with their line numbers."""

    path: str
    records: list[tuple[int, dict[str, str]]]  # normalised text (Thai digits, spaces)
    raw: list[dict[str, str]] = field(default_factory=list)  # as written

    def frame(self) -> pd.DataFrame:
        """The rows as a frame: ``row`` (the line) and the columns as the rules name them;
        the fields the rules check are as written, so that a problem shows them so."""
        columns = list(self.records[0][1]) if self.records else []
        written = [{**r, **{k: raw[k] for k in FIELDS if k in raw}}
                   for (_, r), raw in zip(self.records, self.raw, strict=True)]
        frame = pd.DataFrame(written, columns=columns, dtype=object)
        frame = frame.rename(columns=FIELDS)
        frame.insert(0, "row", [line for line, _ in self.records])
        return frame.assign(column="score")


def error(out: Problems, where: Rows | str, line: int | None, column: str | None,
          value: object, th: str, en: str) -> None:
    """Report an error in one place of a file under ``data/``."""
    out.add("error", line, column, value, th, en, file=where.path if isinstance(where, Rows)
            else where)


def read_rows(root: Path, relative: str, required: list[str], out: Problems, *,
              label: str = "data") -> Rows:
    """Read one UTF-8 CSV file; report missing files or columns (the file shown as
    ``label/relative``)."""
    path = root / relative
    shown = f"{label}/{relative}"
    if not path.exists():
        error(out, shown, None, None, None, "ไม่พบไฟล์", "file not found")
        return Rows(shown, [])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        error(out, shown, None, None, None, "ไฟล์ไม่ได้เข้ารหัส UTF-8",
              f"file is not UTF-8 ({exc.reason})")
        return Rows(shown, [])
    reader = csv.DictReader(text.splitlines())
    written = [(reader.line_num, {k: v or "" for k, v in record.items() if k is not None})
               for record in reader]
    return rows_of(shown, list(reader.fieldnames or []), written, required, out)


def rows_of(shown: str, columns: list[str], written: list[tuple[int, dict[str, str]]],
            required: list[str], out: Problems, *, header_line: int = 1) -> Rows:
    """Rows from any source (a CSV file under ``data/``, a sheet of an uploaded template):
    ``written`` holds (line, {column: text as written}); missing columns are reported."""
    missing = [c for c in required if c not in columns]
    if missing:
        error(out, shown, header_line, ", ".join(missing), None, "ไม่มีคอลัมน์ที่ต้องมี",
              "required columns are missing")
        return Rows(shown, [])
    records = [(line, {k: normalize_text(v) for k, v in r.items()}) for line, r in written]
    return Rows(shown, records, [r for _, r in written])


def number_at(rows: Rows, line: int, column: str, raw: str, out: Problems, *,
              required: bool = True) -> float | None:
    value, th, en = cells.number(raw, required=required)
    if th:
        error(out, rows, line, column, raw, th, en)
    return value


def year_at(rows: Rows, line: int, column: str, raw: str, out: Problems) -> int | None:
    year, th, en = cells.be_year(raw)
    if year is None:
        error(out, rows, line, column, raw, th, en)
    return year
