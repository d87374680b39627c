"""A corpus of files as real offices keep them, made by code (one per family of issue 17).

Each maker writes a file and returns its path; the figures are those the tests expect back
through ``export`` and ``export --totals``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

SARA_AM_SPLIT = "\u0e4d\u0e32"  # 'ํา' as typed in text copied from PDF, for 'ำ'


def _csv(path: Path, rows: list[list[object]]) -> Path:
    lines = [",".join("" if v is None else str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def header_variants(tmp: Path) -> Path:
    """Headers as people write them: a row number, weights said in the headers, spelling
    variants (เเ for แ), a level column named ระดับผลการประเมิน."""
    return _csv(tmp / "ผลคะแนนส่วนราชการ.csv", [
        ["ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565"],
        [],
        ["ลำดับ", "ส่วนราชการ", "ปีงบประมาณ", "IIT (30)", "EIT ร้อยละ 30", "OIT /40",
         "คะเเนนรวม", "ระดับผลการประเมิน"],
        [1, "กรมทดสอบระบบ", 2565, 27.30, 26.10, 38.00, 91.40, "A"],
        [2, "องค์การบริหารส่วนตำบลทดสอบ", 2565, 22.50, 24.00, 32.00, 78.50, "B"],
    ])


def silent_tools(tmp: Path, *, weighted: bool, with_total: bool = True) -> Path:
    """Tools under their bare names: weighted points or 0-100, only the values tell."""
    if weighted:
        rows = [["กรมทดสอบระบบ", "2565", 27.30, 26.10, 38.00, 91.40],
                ["องค์การบริหารส่วนตำบลทดสอบ", "2565", 22.50, 24.00, 32.00, 78.50]]
    else:
        rows = [["กรมทดสอบระบบ", "2565", 91.00, 87.00, 95.00, 91.40],
                ["องค์การบริหารส่วนตำบลทดสอบ", "2565", 75.00, 80.00, 80.00, 78.50]]
    header = ["หน่วยงาน", "ปี", "IIT", "EIT", "OIT", "ผลคะแนน"]
    if not with_total:
        header, rows = header[:-1], [r[:-1] for r in rows]
    name = f"tools-{'points' if weighted else 'percent'}{'' if with_total else '-nototal'}.csv"
    return _csv(tmp / name, [header, *rows])


INDICATORS_2564 = [90, 90, 90, 90, 90, 80, 80, 80, 95, 85]  # IIT 90, EIT 80, OIT 90 -> 87
INDICATORS_2565 = [92, 92, 92, 92, 92, 88, 88, 88, 100, 90]  # IIT 92, EIT 88, OIT 95 -> 92


def nacc_table_fill_down(tmp: Path) -> Path:
    """A NACC report table: the province on its first row only, years as 'ปี 2564', one column
    per indicator 'ตัวชี้วัดที่ N', the total as 'คะแนน ITA'."""
    header = ["จังหวัด", "ปีงบประมาณ", *[f"ตัวชี้วัดที่ {n}" for n in range(1, 11)], "คะแนน ITA"]
    return _csv(tmp / "nacc-table.csv", [
        header,
        ["จังหวัดทดสอบเหนือ", "ปี 2564", *INDICATORS_2564, 87.00],
        [None, "ปี 2565", *INDICATORS_2565, 92.00],
    ])


REPORT_UNITS = {
    # unit: (total, level printed, IIT_W, EIT_W, OIT_W, indicators 1-10)
    "คณะทดสอบวิทยาศาสตร์": (93.90, "ผ่านดี", 28.50, 26.40, 39.00,
                            [95, 94, 96, 93, 97, 90, 88, 86, 95, 100]),
    "สำนักงานอธิการบดีทดสอบ": (88.00, "ผ่านดี", 24.00, 27.00, 37.00,
                              [80, 81, 79, 80, 80, 90, 91, 89, 90, 95]),
}
INDICATOR_LABELS = ["1. การปฏิบัติหน้าที่", "2. การใช้งบประมาณ", "3. การใช้อ" + SARA_AM_SPLIT + "นาจ",
                    "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ", "5. การแก้ไขปัญหาการทุจริต",
                    "คุณภาพการด" + SARA_AM_SPLIT + "เนินงาน", "ประสิทธิภาพการสื่อสาร",
                    "การปรับปรุงการทำงาน", "9. การเปิดเผยข้อมูล", "10. การป้องกันการทุจริต"]


def report_layout(tmp: Path) -> Path:
    """A university's internal sheet: a block per unit (its row: name, total, level), then
    ten indicator rows; the tools and their weighted points merged over their rows; the
    first unit's name merged down over its block, the second written once; no year."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ITA"
    sheet.append(["ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ของมหาวิทยาลัย"])
    sheet.append(["คณะ/หน่วยงาน", "เครื่องมือ", "คะแนนเครื่องมือ", "ตัวชี้วัด", "คะแนน", "ระดับ"])
    row = 3
    for n, (unit, (total, level, iit, eit, oit, scores)) in enumerate(REPORT_UNITS.items()):
        sheet.append([unit, None, None, None, total, level])
        first = row
        row += 1
        for tool, points, span in (("IIT (30)", iit, range(0, 5)), ("EIT (30)", eit, range(5, 8)),
                                   ("OIT (40)", oit, range(8, 10))):
            top = row
            for k in span:
                sheet.append([None, tool if k == span[0] else None,
                              points if k == span[0] else None, INDICATOR_LABELS[k], scores[k],
                              None])
                row += 1
            sheet.merge_cells(start_row=top, end_row=row - 1, start_column=2, end_column=2)
            sheet.merge_cells(start_row=top, end_row=row - 1, start_column=3, end_column=3)
        if n == 0:
            sheet.merge_cells(start_row=first, end_row=row - 1, start_column=1, end_column=1)
    path = tmp / "university-report.xlsx"
    book.save(path)
    return path


HISTORY = [  # year (Thai digits in the file), total, level as printed
    ("๒๕๕๘", "๗๘.๕๐", "สูง"), ("๒๕๕๙", "๘๒.๑๐", "สูง"), ("๒๕๖๐", "๘๖.๒๐", "สูงมาก"),
    ("๒๕๖๑", "๘๗.๐๐", "สูงมาก"), ("๒๕๖๒", "๘๙.๓๐", "A"), ("๒๕๖๓", "๙๑.๒๕", "A"),
    ("๒๕๖๔", "๘๘.๐๐", "–"), ("๒๕๖๕", "๙๕.๕๐", "AA"), ("๒๕๖๖", "๙๒.๔๐", "ผ่านดี"),
    ("๒๕๖๗", "๙๓.๑๐", "ผ่าน"),
]


def one_unit_history(tmp: Path) -> Path:
    """One agency's ten years: no unit column, Thai digits, levels in three vocabularies."""
    return _csv(tmp / "history.csv", [["ปีงบประมาณ", "คะแนน", "ระดับ"],
                                      *[list(r) for r in HISTORY]])


def published_totals(tmp: Path) -> Path:
    """Published totals and levels of named agencies (XLSX), years as 'พ.ศ. 2568', a name
    with the sara am typed as two characters."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ปีงบประมาณ", "หน่วยงาน", "คะแนน ITA", "ระดับ"])
    sheet.append(["พ.ศ. 2568", "ส" + SARA_AM_SPLIT + "นักงานทดสอบแผ่นดิน", 94.64, "ผ่าน"])
    sheet.append(["ปีงบประมาณ พ.ศ. ๒๕๖๘", "กระทรวงทดสอบ", 96.20, "ผ่านดีเยี่ยม"])
    path = tmp / "published.xlsx"
    book.save(path)
    return path


def no_year(tmp: Path) -> Path:
    """Totals of one year without a year column (the year given with --year)."""
    return _csv(tmp / "no-year.csv", [["ชื่อหน่วยงาน", "คะแนน ITA", "ระดับ"],
                                      ["เทศบาลตำบลทดสอบใต้", 85.75, "B"],
                                      ["เทศบาลเมืองทดสอบ", 72.10, "C"]])


def report_layout_labels(tmp: Path) -> Path:
    """A report in one label column (CSV): the unit's own row names the unit, then its tools
    on 0-100 and indicators; no unit and no year column."""
    return _csv(tmp / "report-labels.csv", [
        ["รายการ", "คะแนน", "ระดับ"],
        ["คณะทดสอบเกษตร", 90.50, "ผ่านดี"],
        ["IIT", 92.00, None], ["EIT", 88.00, None], ["OIT", 91.25, None],
        ["ตัวชี้วัดที่ 1", 95.00, None], ["ตัวชี้วัดที่ 9", 90.00, None],
        ["คณะทดสอบประมง", 80.10, "ต้องปรับปรุง"],
        ["IIT", 85.00, None], ["EIT", 75.00, None], ["OIT", 80.25, None],
    ])
