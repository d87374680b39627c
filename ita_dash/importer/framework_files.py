"""The framework template: its three parts, Thai headers, writing and reading it.

A framework is entered as three tables, with the columns of ``data/frameworks/``
under Thai headers (English column names are accepted too):

* **กรอบการประเมิน** — the framework's one row (id, assessor, years, names, aggregation,
  pass mark, unit types, status, source, note);
* **รายการ** — its nodes (code, parent, kind, labels, points, status, source, note);
* **ระดับผลการประเมิน** — its rating levels (best first).

As XLSX: one workbook, one sheet per part (plus a help sheet); as CSV: one file per part
(or the three in one ZIP). Each part is recognised by its headers, not by the sheet's or
file's name. A workbook is read by the score files' reader (:mod:`ita_dash.importer.readers`:
in a child process limited in memory and time, within the bounds of
:mod:`ita_dash.importer.limits`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import duckdb
import pandas as pd

from ita_dash import safe_files
from ita_dash.cells import cell_text
from ita_dash.framework.model import (
    CSV_NAMES,
    KEY_COLUMN,
    PARTS,
    REQUIRED,
)
from ita_dash.importer.limits import LimitError
from ita_dash.importer.readers import csv_records, decode, read_sheets_isolated
from ita_dash.importer.report import Report
from ita_dash.problems import Problems
from ita_dash.rows import Rows, rows_of
from ita_dash.thai import name_key

MAX_BYTES = 2 * 2**20  # a framework is a few hundred rows: 2 MB is plenty
HELP_SHEET = "คำอธิบาย"  # the template's help sheet, not read back
HEADER_SEARCH_ROWS = 10



def cell(value: object) -> str:
    """A cell as text; the leading quote that made risky text inert in a template we wrote
    ('-…, '=…) is taken off again."""
    text = cell_text(value)
    if text.startswith("'") and text[1:].startswith(safe_files.RISKY_START):
        return text[1:]
    return text


def headers_of(part: str) -> dict[str, str]:
    """column -> Thai header."""
    return {c: th for c, th, _, _ in PARTS[part][1]}


def _column_of(part: str) -> dict[str, str]:
    """name_key of an accepted header (Thai or English) -> column."""
    found = {}
    for column, th, _, _ in PARTS[part][1]:
        found[name_key(th)] = column
        found[name_key(column)] = column
    return found


# ------------------------------------------------------------------------- writing


def framework_frames(con: duckdb.DuckDBPyConnection | None,
                     framework_id: str | None) -> dict[str, pd.DataFrame]:
    """The three parts with Thai headers: empty, or the framework as stored in the build."""
    frames = {}
    for part, sql in (
            ("frameworks", "SELECT * FROM frameworks WHERE framework_id = ?"),
            ("nodes", "SELECT *, points_printed AS points FROM framework_nodes "
                      "WHERE framework_id = ? ORDER BY seq"),
            ("levels", "SELECT * FROM rating_levels WHERE framework_id = ? ORDER BY seq")):
        columns = [c for c, _, _, _ in PARTS[part][1]]
        if con is None or framework_id is None:
            frame = pd.DataFrame(columns=columns)
        else:
            frame = con.execute(sql, [framework_id]).df().reindex(columns=columns)
            if part == "frameworks" and frame.empty:
                raise ValueError(f"unknown framework {framework_id!r}")
        for column in ("first_year", "last_year", "seq"):
            if column in frame and not frame.empty:
                frame[column] = frame[column].astype("Int64")
        frames[part] = frame.rename(columns=headers_of(part))
    return frames


def help_frame() -> pd.DataFrame:
    rows = [(PARTS[part][0], th, column, help_th, help_en)
            for part in PARTS for column, th, help_th, help_en in PARTS[part][1]]
    return pd.DataFrame(rows, columns=["แผ่นงาน", "หัวคอลัมน์", "column (English)", "คำอธิบาย",
                                       "description"])


def template_xlsx(frames: dict[str, pd.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": safe_files.XLSXWRITER_OPTIONS}) as writer:
        for part, frame in frames.items():
            sheet_name = PARTS[part][0]
            safe_files.inert_frame(frame).to_excel(writer, index=False, sheet_name=sheet_name)
            writer.sheets[sheet_name].set_column(0, len(frame.columns), 18)
        help_frame().to_excel(writer, index=False, sheet_name=HELP_SHEET)
        writer.sheets[HELP_SHEET].set_column(0, 4, 36)
    return buffer.getvalue()


def template_zip(frames: dict[str, pd.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, frame in frames.items():
            archive.writestr(CSV_NAMES[part], safe_files.csv_bytes(frame))
    return buffer.getvalue()


def framework_template(con: duckdb.DuckDBPyConnection | None, *, framework_id: str | None = None,
                       fmt: str = "xlsx") -> dict[str, bytes]:
    """The template as files: ``xlsx`` one workbook, ``zip`` the three CSVs in one ZIP,
    ``csv`` the three CSVs (name suffix -> bytes)."""
    frames = framework_frames(con, framework_id)
    if fmt == "xlsx":
        return {".xlsx": template_xlsx(frames)}
    if fmt == "zip":
        return {".zip": template_zip(frames)}
    return {f"-{CSV_NAMES[p]}": safe_files.csv_bytes(f) for p, f in frames.items()}


# ------------------------------------------------------------------------- reading


@dataclass
class Part:
    """One part as read: where from (file, or file › sheet) and the rows with their
    header as written (column -> header)."""

    part: str
    rows: Rows
    written: dict[str, str]


def _header_at(cells: list[list[str]]) -> tuple[str, int] | None:
    for i, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        keys = {name_key(c) for c in row if c}
        for part, key in KEY_COLUMN.items():
            if name_key(key) in keys or name_key(headers_of(part)[key]) in keys:
                return part, i
    return None


def _as_part(where: str, cells: list[list[str]], report: Report, out: Problems) -> Part | None:
    found = _header_at(cells)
    if found is None:
        report.add("error", None, None, None,
                   "ไม่พบหัวตารางของแม่แบบกรอบการประเมิน (รหัสกรอบการประเมิน / ชนิด / รหัสระดับ)",
                   "no header of the framework template (รหัสกรอบการประเมิน / ชนิด / รหัสระดับ)",
                   file=where)
        return None
    part, index = found
    accepted = _column_of(part)
    header = cells[index]
    columns: list[str] = []
    written: dict[str, str] = {}
    for text in header:
        column = accepted.get(name_key(text)) if text else None
        if column is None:
            if text:
                report.add("warning", index + 1, text, None, "คอลัมน์นี้ไม่อยู่ในแม่แบบ ไม่ได้อ่าน",
                           "this column is not in the template: not read", file=where)
            columns.append("")
            continue
        if column in written:
            report.add("error", index + 1, text, None, "หัวคอลัมน์ซ้ำกัน",
                       "the same column appears twice", file=where)
            columns.append("")
            continue
        columns.append(column)
        written[column] = text
    records = []
    for number, row in enumerate(cells[index + 1:], start=index + 2):
        if not any(row):
            continue
        records.append((number, {c: row[i] if i < len(row) else "" for i, c in enumerate(columns)
                                 if c}))
    rows = rows_of(where, list(written), records, REQUIRED[part], out, header_line=index + 1)
    return Part(part, rows, written)


def _xlsx_tables(data: bytes, name: str, report: Report) -> list[tuple[str, list[list[str]]]]:
    """The workbook's sheets (but the help sheet), read by the score files' reader: in its
    bounded child process, within the same limits, with the same messages."""
    sheets = read_sheets_isolated(data, name, report, MAX_BYTES, skip=(HELP_SHEET,))
    tables = []
    for title, rows in sheets or []:
        cells = []
        for number, row in enumerate(rows, start=1):
            texts = [cell_text(v) for v in row]
            formulas = [t.startswith("=") for t in texts]
            texts = [t if f else cell(t) for t, f in zip(texts, formulas, strict=True)]
            for column, (text, formula) in enumerate(zip(texts, formulas, strict=True), start=1):
                if formula:
                    report.add("error", number, f"#{column}", text,
                               "เซลล์นี้เป็นสูตร ให้วางเป็นค่า", "formula cell: paste values",
                               file=f"{name} › {title}")
            cells.append(texts)
        tables.append((f"{name} › {title}", cells))
    return tables


def _csv_table(data: bytes, name: str, report: Report) -> list[tuple[str, list[list[str]]]]:
    scratch = Report(name)
    decoded = decode(data, scratch)
    report.add_parts(scratch.parts())
    if decoded is None:
        return []
    text = decoded[0]
    first = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first.count)
    return [(name, [[cell(c) for c in row] for row in csv_records(text, delimiter)])]


def _zip_tables(data: bytes, name: str, report: Report) -> list[tuple[str, list[list[str]]]]:
    tables = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [i for i in archive.infolist() if i.filename.lower().endswith(".csv")]
        if len(infos) > 3 or sum(i.file_size for i in infos) > MAX_BYTES:
            report.add("error", None, None, name, "ไฟล์ ZIP ต้องมีไฟล์ CSV ไม่เกิน 3 ไฟล์ และไม่ใหญ่เกินกำหนด",
                       "the ZIP must hold at most 3 CSV files within the size limit")
            return []
        for info in infos:
            tables += _csv_table(archive.read(info), f"{name} › {info.filename}", report)
    return tables


def read_parts(files: list[tuple[str, bytes]], report: Report,
               out: Problems) -> dict[str, Part]:
    """The template's parts from an XLSX, a ZIP of CSVs or CSV files; problems reported."""
    tables: list[tuple[str, list[list[str]]]] = []
    for name, data in files:
        if len(data) > MAX_BYTES:
            report.add("error", None, None, f"{len(data) / 1048576:.1f} MB",
                       f"ไฟล์ใหญ่เกินกำหนด ({MAX_BYTES / 1048576:g} MB)",
                       f"file is larger than the limit ({MAX_BYTES / 1048576:g} MB)", file=name)
            continue
        try:
            if data.startswith(b"PK\x03\x04"):
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    is_book = "[Content_Types].xml" in archive.namelist()
                tables += (_xlsx_tables if is_book else _zip_tables)(data, name, report)
            else:
                tables += _csv_table(data, name, report)
        except LimitError as exc:
            exc.report(report)
        except (zipfile.BadZipFile, ValueError, KeyError):
            report.add("error", None, None, name, "อ่านไฟล์ไม่ได้ (ไฟล์เสียหายหรือรูปแบบไม่ถูกต้อง)",
                       "the file cannot be read (damaged or not in a known format)", file=name)
    parts: dict[str, Part] = {}
    for where, cells in tables:
        part = _as_part(where, cells, report, out)
        if part is None:
            continue
        if part.part in parts:
            report.add("error", None, None, part.part,
                       f"มีส่วน {PARTS[part.part][0]} มากกว่าหนึ่งแห่ง (อีกแห่ง: {parts[part.part].rows.path})",
                       f"the part {PARTS[part.part][0]} appears twice (also in "
                       f"{parts[part.part].rows.path})", file=where)
            continue
        parts[part.part] = part
    for name, (title, _) in PARTS.items():
        if name not in parts and name != "levels" and tables:
            report.add("error", None, None, title, f"ไม่พบส่วน {title} ของแม่แบบ",
                       f"the template's part {title} is missing")
    return parts
