"""Read an uploaded file (XLSX or CSV) into a raw table with its header row found.

The kind of file is decided from its content, not its name. CSV may be UTF-8
(with or without BOM) or Thai Windows/TIS-620 (cp874), separated by commas,
tabs or semicolons; XLSX is read with openpyxl in read-only mode, merged
cells are filled with their top-left value. Title rows above the header are
skipped: the header is the first row naming the unit and the year columns.
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
import zipfile
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ita_dash.importer.columns import FIELD_HEADERS, cell_text, is_header_row
from ita_dash.importer.report import Report

DEFAULT_MAX_MB = 20.0
HEADER_SEARCH_ROWS = 40
UNZIPPED_FACTOR = 25  # an XLSX may unpack to at most this many times the upload limit
ENCODINGS = ("utf-8-sig", "cp874")
DELIMITERS = (",", "\t", ";")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


@dataclass
class RawTable:
    """The cells below the header row, as read (object values), with their row numbers."""

    file_name: str
    kind: str  # "csv" or "xlsx"
    encoding: str | None
    sheet: str | None
    header_row: int  # 1-based row (line) number of the header in the file
    headers: list[str]
    frame: pd.DataFrame  # positional columns 0..n-1 plus "_row"


def max_upload_bytes() -> int:
    """The upload size limit in bytes (ITA_IMPORT_MAX_MB, default 20 MB)."""
    try:
        mb = float(os.environ.get("ITA_IMPORT_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


def read_table(data: bytes, file_name: str, report: Report,
               max_bytes: int | None = None) -> RawTable | None:
    """Read ``data``; on any problem add it to ``report`` and return None."""
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    if len(data) > limit:
        report.add("error", None, None, f"{len(data) / 1048576:.1f} MB",
                   f"ไฟล์ใหญ่เกินกำหนด ({limit / 1048576:g} MB)",
                   f"file is larger than the limit ({limit / 1048576:g} MB)")
        return None
    if not data.strip():
        report.add("error", None, None, None, "ไฟล์ว่างเปล่า", "the file is empty")
        return None
    kind = sniff_kind(data, file_name, report)
    if kind == "xlsx":
        return read_xlsx(data, file_name, report, limit)
    if kind == "csv":
        return read_csv(data, file_name, report)
    return None


def sniff_kind(data: bytes, file_name: str, report: Report) -> str | None:
    """'xlsx', 'csv', or None (reported) for anything else."""
    name = file_name.lower()
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        report.add("error", None, None, file_name,
                   "ไฟล์ Excel รุ่นเก่า (.xls) ไม่รองรับ ให้บันทึกเป็น .xlsx หรือ CSV",
                   "old Excel files (.xls) are not supported: save as .xlsx or CSV")
        return None
    if name.endswith((".xlsx", ".xlsm")):
        report.add("error", None, None, file_name, "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง",
                   "this is not a valid Excel (.xlsx) file")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.add("error", None, None, "UTF-16",
                   "การเข้ารหัสไม่ถูกต้อง (UTF-16) ให้บันทึกเป็น CSV UTF-8",
                   "wrong encoding (UTF-16): save as CSV UTF-8")
        return None
    if b"\x00" in data[:65536]:
        report.add("error", None, None, file_name,
                   "ไม่ใช่ไฟล์ข้อความ CSV หรือ Excel (พบข้อมูลไบนารี)",
                   "not a CSV text file or an Excel workbook (binary content)")
        return None
    return "csv"


# ------------------------------------------------------------------------------ CSV


def decode(data: bytes, report: Report) -> tuple[str, str] | None:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    report.add("error", None, None, None,
               "อ่านการเข้ารหัสไม่ได้ ให้บันทึกเป็น UTF-8 หรือ TIS-620 (cp874)",
               "unknown text encoding: save as UTF-8 or TIS-620 (cp874)")
    return None


def find_csv_header(text: str) -> tuple[str, int, list[str]] | None:
    """(delimiter, 0-based line index, header cells) of the first header-like row."""
    head = text.splitlines()[:HEADER_SEARCH_ROWS]
    for delimiter in DELIMITERS:
        try:
            rows = list(csv.reader(head, delimiter=delimiter))
        except csv.Error:
            continue
        index = header_index([[cell_text(c) for c in row] for row in rows])
        if index is not None:
            return delimiter, index, [cell_text(c) for c in rows[index]]
    return None


def header_index(rows: list[list[str]]) -> int | None:
    """The header row: the first row naming unit and year, or the last of several in a row
    (a two-level header whose upper cells are merged down)."""
    for i, cells in enumerate(rows):
        if is_header_row(cells):
            while i + 1 < len(rows) and is_header_row(rows[i + 1]):
                i += 1
            return i
    return None


def read_csv(data: bytes, file_name: str, report: Report) -> RawTable | None:
    decoded = decode(data, report)
    if decoded is None:
        return None
    text, encoding = decoded
    found = find_csv_header(text)
    if found is None:
        report_no_header(report)
        return None
    delimiter, index, headers = found
    try:
        frame = pd.read_csv(io.BytesIO(data), encoding=encoding, sep=delimiter, header=None,
                            skiprows=index + 1, dtype=object, keep_default_na=False,
                            na_filter=False, skip_blank_lines=False, engine="c",
                            quoting=csv.QUOTE_MINIMAL)
    except pd.errors.ParserError:  # a later row is longer than the first: read cell by cell
        frame = ragged_frame(text, delimiter, index + 1)
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame(columns=range(len(headers)))
    for extra in range(frame.shape[1], len(headers)):
        frame[extra] = ""
    headers = headers + [""] * (frame.shape[1] - len(headers))  # cells beyond the header
    frame = frame.fillna("")
    frame["_row"] = range(index + 2, index + 2 + len(frame))
    return RawTable(file_name, "csv", encoding, None, index + 1, headers, drop_blank(frame))


def ragged_frame(text: str, delimiter: str, skip: int) -> pd.DataFrame:
    """The rows below the header, padded to the longest row (extra cells are checked later)."""
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))[skip:]
    width = max((len(r) for r in rows), default=0)
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=range(width),
                        dtype=object)


def report_no_header(report: Report) -> None:
    unit = " / ".join(FIELD_HEADERS["unit"][:1] + FIELD_HEADERS["unit"][3:4])
    year = " / ".join(FIELD_HEADERS["year"][:1] + FIELD_HEADERS["year"][2:3])
    report.add("error", None, None, None,
               f"ไม่พบแถวหัวตารางใน {HEADER_SEARCH_ROWS} แถวแรก (ต้องมีคอลัมน์ {unit} และ {year})",
               f"no header row in the first {HEADER_SEARCH_ROWS} rows "
               f"(columns {unit} and {year} are required)")


def drop_blank(frame: pd.DataFrame) -> pd.DataFrame:
    """Remove rows whose every cell is empty (a cell of spaces is not empty)."""
    blank = np.ones(len(frame), dtype=bool)
    for column in frame.columns:
        if column == "_row":
            continue
        values = frame[column].to_numpy(dtype=object)
        blank &= pd.isna(values) | (values == "")
    return frame.loc[~blank].reset_index(drop=True)


# ----------------------------------------------------------------------------- XLSX


def read_xlsx(data: bytes, file_name: str, report: Report, limit: int) -> RawTable | None:
    if not check_zip(data, report, limit):
        return None
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any failure means "not a workbook we can read"
        report.add("error", None, None, type(exc).__name__,
                   "เปิดไฟล์ Excel ไม่ได้ (ไฟล์เสียหรือไม่ใช่ .xlsx)",
                   "the Excel file cannot be opened (damaged or not .xlsx)")
        return None
    try:
        return read_book(book, file_name, report)
    finally:
        book.close()


def check_zip(data: bytes, report: Report, limit: int) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        report.add("error", None, None, None, "ไฟล์ Excel เสียหาย (zip ไม่สมบูรณ์)",
                   "the Excel file is damaged (broken zip)")
        return False
    if unpacked > limit * UNZIPPED_FACTOR:
        report.add("error", None, None, f"{unpacked / 1048576:.0f} MB",
                   "ไฟล์ Excel คลายออกแล้วใหญ่เกินกำหนด", "the Excel file unpacks to too much data")
        return False
    return True


def read_book(book: object, file_name: str, report: Report) -> RawTable | None:
    for sheet in book.worksheets:
        sheet.reset_dimensions()  # do not trust the stored dimension
        head = [list(r) for r in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS,
                                                 values_only=True)]
        merges = merged_ranges(sheet)
        fill_merged(head, merges)
        texts = [[cell_text(c) for c in row] for row in head]
        index = header_index(texts)
        if index is not None:
            return sheet_table(sheet, file_name, index, texts[index], merges)
    report_no_header(report)
    return None


def sheet_table(sheet: object, file_name: str, index: int, headers: list[str],
                merges: list[tuple[int, int, int, int]]) -> RawTable:
    rows = [list(r) if merges else r
            for r in sheet.iter_rows(min_row=1, values_only=True)]
    if merges:
        fill_merged(rows, merges)
    width = max(len(headers), max((len(r) for r in rows[index + 1:]), default=0))
    body = [tuple(r) + (None,) * (width - len(r)) for r in rows[index + 1:]]
    frame = pd.DataFrame(body, columns=range(width), dtype=object)
    frame["_row"] = range(index + 2, index + 2 + len(frame))
    headers = headers + [""] * (width - len(headers))
    return RawTable(file_name, "xlsx", None, sheet.title, index + 1, headers, drop_blank(frame))


def merged_ranges(sheet: object) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of every merged range (1-based)."""
    from openpyxl.utils import column_index_from_string

    try:
        with sheet._get_source() as source:  # read-only sheets do not parse <mergeCells>
            xml = source.read()
    except (AttributeError, OSError, KeyError):
        return []
    return [(int(r1), column_index_from_string(c1.decode()), int(r2),
             column_index_from_string(c2.decode()))
            for c1, r1, c2, r2 in _MERGE.findall(xml)]


def fill_merged(rows: list[list], merges: list[tuple[int, int, int, int]]) -> None:
    """Give every cell of a merged range the value of its top-left cell (in place)."""
    for r1, c1, r2, c2 in merges:
        if r1 > len(rows):
            continue
        top = rows[r1 - 1]
        value = top[c1 - 1] if c1 - 1 < len(top) else None
        for r in range(r1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < c2:
                row.extend([None] * (c2 - len(row)))
            for c in range(c1, c2 + 1):
                row[c - 1] = value
