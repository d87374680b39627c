"""The Excel workbook: a sheet per table, numbers as numbers, Thai headers, frozen header."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from ita_dash.deck.excel import sheet_name, workbook_bytes, write_workbook
from ita_dash.deck.tables import sheet_names
from tests.deck.test_slides import SAMPHANTHAWONG_2567


def _open(tables) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(tables)))


def test_sheets_headers_numbers_and_frozen_panes(real_deck):
    book = _open(real_deck.tables)
    assert book.sheetnames == sheet_names("th")
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
    indicators = book["ตัวชี้วัด"]
    headers = [c.value for c in indicators[1]]
    assert headers[:4] == ["ตัวชี้วัดที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนนตัวชี้วัด"]
    scores = [row[3] for row in indicators.iter_rows(min_row=2)]
    assert [c.data_type for c in scores] == ["n"] * 10
    assert [c.value for c in scores] == SAMPHANTHAWONG_2567
    ranking = book["อันดับ"]
    assert ranking["D1"].value == "คะแนน" and ranking["D2"].value == 87.67
    assert ranking["D2"].data_type == "n" and ranking["A2"].value == 1


def test_column_widths_fit_thai_text(real_deck):
    book = _open(real_deck.tables)
    zero = book["ข้อ O ที่ได้ 0"]
    assert zero["B1"].value == "ข้อคำถาม/รายการ"
    assert zero.column_dimensions["B"].width > 40  # the long O-item names
    assert zero.column_dimensions["A"].width < 10  # codes
    assert [zero.cell(r, 1).value for r in range(2, 7)] == ["O5", "O15", "O18", "O19", "O22"]
    assert all(zero.cell(r, 3).data_type == "n" for r in range(2, 7))


def test_any_view_any_names(tmp_path):
    frames = {"ชื่อ/ที่:ผิด*": pd.DataFrame({"ปี": [2566, 2567], "คะแนน": [1.5, None]}),
              "ชื่อ ที่ ผิด ": pd.DataFrame({"a": []})}
    path = tmp_path / "view.xlsx"
    write_workbook(frames, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["ชื่อ ที่ ผิด", "ชื่อ ที่ ผิด (2)"]
    ws = book.worksheets[0]
    assert [ws["A2"].value, ws["A3"].value, ws["B2"].value, ws["B3"].value] == [
        2566, 2567, 1.5, None]
    assert ws["A2"].number_format == "0" and ws["B2"].number_format == "0.00"


def test_sheet_names_are_valid_and_unique():
    taken: set[str] = set()
    assert sheet_name("x" * 40, taken) == "x" * 31
    assert sheet_name("x" * 40, taken) == "x" * 27 + " (2)"
    assert sheet_name("", taken) == "Sheet"
