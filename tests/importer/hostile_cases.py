"""Hostile and malformed import files, generated here (fixtures as code, no binaries).

``BOUNDED`` maps a file name to (bytes factory, expected English message): files
built to exhaust memory or time, each refused by a bound while it is read.
``WRONG`` maps a file name to (bytes factory, expected message): files that were
once read wrongly and silently; they are refused now.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from tests.importer.xlsx_cases import HEADER, UNIT, workbook

LONG = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"


def patched(members: dict[str, bytes], base: bytes | None = None) -> bytes:
    """A workbook made by openpyxl with some parts replaced or added."""
    base = base or workbook([HEADER, [UNIT, 2567, "ITA", 80]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in members:
                dst.writestr(info, src.read(info.filename))
        for name, data in members.items():
            dst.writestr(name, data)
    return out.getvalue()


def sheet_xml(rows: str, after: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxml'
            'formats.org/spreadsheetml/2006/main"><sheetData>' + rows + "</sheetData>" + after
            + "</worksheet>").encode()


HEAD_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>หน่วยงาน</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>ปีงบประมาณ</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>รหัส</t></is></c>'
            '<c r="D1" t="inlineStr"><is><t>คะแนน</t></is></c></row>')
SHEET = "xl/worksheets/sheet1.xml"


def huge_shared_string() -> bytes:
    """A small upload whose one shared string unpacks to 40 MB."""
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
           b'org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
           + b"A" * 40_000_000 + b"</t></si></sst>")
    return patched({"xl/sharedStrings.xml": sst})


def long_shared_string() -> bytes:
    """One shared string of 1 MB: far longer than any cell may be."""
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
           b'org/spreadsheetml/2006/main"><si><t>' + "ก".encode() * 350_000 + b"</t></si></sst>")
    return patched({"xl/sharedStrings.xml": sst})


def long_inline_string() -> bytes:
    row = f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"x" * 500_000}</t></is></c></row>'
    return patched({SHEET: sheet_xml(HEAD_ROW + row)})


def merged_to_the_end() -> bytes:
    """A 12 KB workbook with a merged range to XFD1048576."""
    return patched({SHEET: sheet_xml(HEAD_ROW, '<mergeCells count="1"><mergeCell '
                                               'ref="A2:XFD1048576"/></mergeCells>')})


def many_merges() -> bytes:
    cells = "".join(f'<mergeCell ref="E{r}:F{r}"/>' for r in range(2, 10_004))
    return patched({SHEET: sheet_xml(HEAD_ROW, f"<mergeCells>{cells}</mergeCells>")})


def cell_at_last_column() -> bytes:
    row = '<row r="2"><c r="XFD2"><v>1</v></c></row>'
    return patched({SHEET: sheet_xml(HEAD_ROW + row)})


def junk_elements() -> bytes:
    """A 23 KB workbook whose sheet holds five million empty elements besides one row."""
    return patched({SHEET: sheet_xml(HEAD_ROW + "<x/>" * 5_000_000)})


def many_parts() -> bytes:
    return patched({f"xl/media/x{i}.bin": b"" for i in range(2_100)})


def big_styles() -> bytes:
    return patched({"xl/styles.xml": b"<styleSheet>" + b" " * 17_000_000 + b"</styleSheet>"})


def many_cells_one_row() -> bytes:
    return (LONG + f"{UNIT},2567,ITA,80" + ",1" * 5_000 + "\n").encode()


def wide_header() -> bytes:
    """A header of a million columns (2 MB)."""
    return ("หน่วยงาน,ปีงบประมาณ" + ",a" * 1_000_000 + "\n").encode()


def long_field() -> bytes:
    """A data cell of 200 KB (over csv's own 128 KB field limit too)."""
    return (LONG + f"{UNIT},2567,ITA,80\n" + f'"{"ก" * 200_000}",2567,ITA,80\n').encode()


def long_field_above_header() -> bytes:
    return (f'"{"x" * 150_000}"\n' + LONG + f"{UNIT},2567,ITA,80\n").encode()


def long_unit_name() -> bytes:
    return (LONG + "ก" * 400 + ",2567,ITA,80\n").encode()


BOUNDED: dict[str, tuple[Callable[[], bytes], str]] = {
    "huge_shared_string.xlsx": (huge_shared_string,
                                "the Excel file's text (shared strings) is larger than 32 MB"),
    "long_shared_string.xlsx": (long_shared_string, "a cell is longer than 2,000 characters"),
    "long_inline_string.xlsx": (long_inline_string, "a cell is longer than 2,000 characters"),
    "merged_to_the_end.xlsx": (merged_to_the_end, "merged ranges cover more than 100,000 cells"),
    "many_merges.xlsx": (many_merges, "the sheet has more than 10,000 merged ranges"),
    "cell_at_last_column.xlsx": (cell_at_last_column, "the file has more than 300 columns"),
    "junk_elements.xlsx": (junk_elements, "the Excel file holds too much besides its cells"),
    "many_parts.xlsx": (many_parts, "the Excel file has more than 2,000 parts"),
    "big_styles.xlsx": (big_styles, "a part of the Excel file unpacks to more than 16 MB"),
    "many_cells_one_row.csv": (many_cells_one_row, "the file has more than 300 columns"),
    "wide_header.csv": (wide_header, "the file has more than 300 columns"),
    "long_field.csv": (long_field, "a cell is longer than 2,000 characters"),
    "long_field_above_header.csv": (long_field_above_header,
                                    "a cell is longer than 2,000 characters"),
    "long_unit_name.csv": (long_unit_name, "the unit name is longer than 300 characters"),
}


# --------------------------------------------------------------- read wrongly before


def percent_workbook(fmt: str = "0.00%") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([UNIT, 2567, "ITA", 0.8767])
    sheet["D2"].number_format = fmt
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def hidden_first_sheet() -> bytes:
    book = openpyxl.Workbook()
    old = book.active
    old.title = "เก่า"
    old.append(HEADER)
    old.append([UNIT, 2567, "ITA", 10])
    old.sheet_state = "hidden"
    shown = book.create_sheet("คะแนน")
    shown.append(HEADER)
    shown.append([UNIT, 2567, "ITA", 80])
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def array_formula_unit() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([None, 2567, "ITA", 80])
    sheet["A2"] = ArrayFormula("A2", '=UPPER("x")')
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def latin1() -> bytes:
    return ("unit,year,code,score\nCafé municipal,2567,ITA,80\n").encode("latin-1")


HIDDEN_NUMBER = "the number holds an invisible or control character"


def past_the_sniff(bad_row: str) -> bytes:
    """Over 64 KB of good rows (every Bangkok district office, 2566-2567, the total and the
    ten indicators), then ``bad_row``: past the 64 KB sniff for binary content."""
    import csv

    from ita_dash.config import DEFAULT_DATA_DIR

    with (DEFAULT_DATA_DIR / "units" / "bangkok_districts.csv").open(encoding="utf-8") as f:
        names = ["สำนักงานเขต" + r["name_th"] for r in csv.DictReader(f)]
    codes = ["ITA", *map(str, range(1, 11))]
    rows = "".join(f"{n},{y},{c},80\n" for y in (2566, 2567) for n in names for c in codes)
    data = (LONG + rows + bad_row).encode()
    assert len(data) - len(bad_row.encode()) > 65536
    return data


def hidden_in_number_xlsx() -> bytes:
    return workbook([HEADER, [UNIT, 2567, "ITA", "8\ufeff0"], [UNIT, 2566, "ITA", "7\u00ad5"]])


WRONG: dict[str, tuple[Callable[[], bytes], str]] = {
    "nul_in_score_past_64kb.csv": (lambda: past_the_sniff(f"{UNIT},2565,ITA,7\x000\n"),
                                   HIDDEN_NUMBER),
    "zero_width_in_score_past_64kb.csv": (lambda: past_the_sniff(f"{UNIT},2565,ITA,7\u200b5\n"),
                                          HIDDEN_NUMBER),
    "zero_width_joiner_in_score.csv": (lambda: (LONG + f"{UNIT},2567,ITA,8\u200d0\n").encode(),
                                       HIDDEN_NUMBER),
    "nul_in_year.csv": (lambda: (LONG + f"{UNIT},25\x0067,ITA,80\n").encode(),
                        "binary content"),
    "zero_width_in_year_past_64kb.csv": (lambda: past_the_sniff(f"{UNIT},25\u200b65,ITA,80\n"),
                                         HIDDEN_NUMBER),
    "bom_and_soft_hyphen_in_score.xlsx": (hidden_in_number_xlsx, HIDDEN_NUMBER),
    "two_year_columns.csv": (lambda: f"หน่วยงาน,ปี,fiscal_year,รหัส,คะแนน\n{UNIT},2567,2566,ITA,80\n"
                             .encode(), "several columns hold the same field"),
    "two_unit_columns.csv": (lambda: f"unit,หน่วยงาน,ปี,รหัส,คะแนน\n{UNIT},เขตอื่น,2567,ITA,80\n"
                             .encode(), "several columns hold the same field"),
    "mixed_layout.csv": (lambda: f"หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน,I1\n{UNIT},2567,ITA,80,90\n"
                         .encode(), "mixed layouts"),
    "inner_space_score.csv": (lambda: (LONG + f"{UNIT},2567,ITA,9 5\n").encode(),
                              "the score is not a number"),
    "inner_space_thai_year.csv": (lambda: (LONG + f"{UNIT},๒๕ ๖๗,ITA,80\n").encode(),
                                  "the fiscal year must be a 4-digit Buddhist-Era year"),
    "latin1.csv": (latin1, "not valid Thai TIS-620"),
    "array_formula_unit.xlsx": (array_formula_unit, "the cell holds a formula"),
    "header_only.csv": (lambda: LONG.encode(), "the file has no data rows"),
    "header_and_blank_rows.csv": (lambda: (LONG + ",,,\n\n").encode(),
                                  "the file has no data rows"),
    "header_only.xlsx": (lambda: workbook([HEADER]), "the file has no data rows"),
    "hidden_sheet_only.xlsx": (lambda: hidden_only(), "no header row in the first 40 rows"),
}


def hidden_only() -> bytes:
    book = openpyxl.Workbook()
    shown = book.active
    shown.title = "ว่าง"
    hidden = book.create_sheet("ซ่อน")
    hidden.append(HEADER)
    hidden.append([UNIT, 2567, "ITA", 80])
    hidden.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
