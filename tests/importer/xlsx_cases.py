"""Excel files for the import tests, generated here rather than committed.

``BAD_XLSX`` maps a file name to (bytes factory, expected English message,
expected row or None, upload limit or None). ``good_*`` build valid workbooks
with title rows and merged cells.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable

import openpyxl

HEADER = ["หน่วยงาน", "ปีงบประมาณ", "รหัส", "คะแนน"]
UNIT = "สำนักงานเขตบางรัก"


def workbook(rows: list[list[object]], merges: tuple[str, ...] = ()) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "คะแนน"
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def merged_header_cells() -> bytes:
    """The code header I1 merged over two columns: both columns are named I1."""
    return workbook([["หน่วยงาน", "ปีงบประมาณ", "I1", None], [UNIT, 2567, 80, 81]],
                    merges=("C1:D1",))


def formula_cells() -> bytes:
    return workbook([HEADER, [UNIT, 2567, "ITA", "=80+5"]])


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 3_000_000)
    return buffer.getvalue()


def not_a_workbook_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return buffer.getvalue()


def title_rows_then_bad_score() -> bytes:
    return workbook([["รายงานผล ITA ปี 2567"], [], ["จัดทำโดย กลุ่มงาน"], HEADER,
                     [UNIT, 2567, "ITA", 80], [UNIT, 2567, "IIT", 130]], merges=("A1:D1",))


Case = tuple[Callable[[], bytes], str, int | None, int | None]

BAD_XLSX: dict[str, Case] = {
    "merged_header_cells.xlsx": (merged_header_cells, "the same column header appears twice",
                                 1, None),
    "formula_cells.xlsx": (formula_cells, "the cell holds a formula", 2, None),
    "score_101.xlsx": (lambda: workbook([HEADER, [UNIT, 2567, "ITA", 101]]),
                       "the score must be between 0 and 100", 2, None),
    "score_negative.xlsx": (lambda: workbook([HEADER, [UNIT, 2567, "ITA", -0.5]]),
                            "the score must be between 0 and 100", 2, None),
    "text_in_score.xlsx": (lambda: workbook([HEADER, [UNIT, 2567, "ITA", "ดี"]]),
                           "the score is not a number", 2, None),
    "boolean_score.xlsx": (lambda: workbook([HEADER, [UNIT, 2567, "ITA", True]]),
                           "the score is not a number", 2, None),
    "date_as_year.xlsx": (lambda: workbook([HEADER, [UNIT, dt.datetime(2024, 1, 1), "ITA", 80]]),
                          "the fiscal year must be a 4-digit Buddhist-Era year", 2, None),
    "no_header.xlsx": (lambda: workbook([[UNIT, 2567, "ITA", 80]]),
                       "no header row in the first 40 rows", None, None),
    "empty_workbook.xlsx": (lambda: workbook([]), "no header row in the first 40 rows", None,
                            None),
    "title_rows_then_bad_score.xlsx": (title_rows_then_bad_score,
                                       "the score must be between 0 and 100", 6, None),
    "text_named_xlsx.xlsx": (lambda: "หน่วยงาน,ปีงบประมาณ\n".encode(),
                             "this is not a valid Excel (.xlsx) file", None, None),
    "damaged_zip.xlsx": (lambda: b"PK\x03\x04" + b"\x13\x37" * 500,
                         "the Excel file is damaged", None, None),
    "old_excel.xls": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000,
                      "old Excel files (.xls) are not supported", None, None),
    "zip_not_workbook.xlsx": (not_a_workbook_zip, "the Excel file cannot be opened", None, None),
    "zip_bomb.xlsx": (zip_bomb, "the Excel file unpacks to too much data", None, 100_000),
    "unknown_unit.xlsx": (lambda: workbook([HEADER, ["<b>เขตที่ไม่มีจริง</b>", 2567, "ITA", 80]]),
                          "unknown unit", 2, None),
}


def good_merged_two_level_header() -> bytes:
    """Title, a two-level header (unit and year merged down, 'คะแนน' across the codes),
    the unit name merged down over its two rows."""
    rows = [["ผลการประเมิน ITA สำนักงานเขต"],
            ["หน่วยงาน", "ปีงบประมาณ", "คะแนน", None],
            [None, None, "ITA", "IIT_W"],
            [UNIT, 2564, 62.19, 26.43],
            [None, 2567, "๘๕.๕", "-"]]
    return workbook(rows, merges=("A1:D1", "A2:A3", "B2:B3", "C2:D2", "A4:A5"))
