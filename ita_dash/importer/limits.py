"""The bounds every uploaded file is read within, each with its own Thai/English message.

A national year is about 8,300 units and 500,000 item scores: the bounds leave
room for that and refuse what no real ITA file holds, while reading, so that a
small hostile file cannot hold the server (memory or time) for everyone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ita_dash.importer.report import Report


@dataclass(frozen=True)
class Limit:
    """One bound: its value and what to tell the user (``{n}`` is the bound)."""

    value: int
    th: str
    en: str

    def message(self) -> tuple[str, str]:
        n = f"{self.value:,}"
        return self.th.format(n=n), self.en.format(n=n)


class LimitError(Exception):
    """A bound was passed while reading."""

    def __init__(self, limit: Limit, row: int | None = None, column: str | None = None,
                 value: object = None) -> None:
        super().__init__(limit.en)
        self.limit, self.row, self.column, self.value = limit, row, column, value

    def report(self, report: Report) -> None:
        th, en = self.limit.message()
        report.add("error", self.row, self.column, self.value, th, en)


CELL_CHARS = Limit(2_000, "ช่องข้อมูลยาวเกิน {n} ตัวอักษร", "a cell is longer than {n} characters")
NAME_CHARS = Limit(300, "ชื่อหน่วยงานยาวเกิน {n} ตัวอักษร", "the unit name is longer than {n} characters")
COLUMNS = Limit(300, "ไฟล์มีเกิน {n} คอลัมน์", "the file has more than {n} columns")
ROWS = Limit(1_000_000, "ไฟล์มีเกิน {n} แถว", "the file has more than {n} rows")
CELLS = Limit(4_000_000, "ไฟล์มีเกิน {n} ช่องข้อมูล ให้แบ่งเป็นไฟล์เล็กลง",
              "the file has more than {n} cells: split it into smaller files")
MERGED_RANGES = Limit(10_000, "มีช่องผสาน (merged cells) เกิน {n} กลุ่ม",
                      "the sheet has more than {n} merged ranges")
MERGED_CELLS = Limit(100_000, "ช่องผสาน (merged cells) รวมกันเกิน {n} ช่อง หรือเลยขอบเขตตาราง",
                     "merged ranges cover more than {n} cells or reach beyond the table's bounds")
SHARED_STRINGS_MB = Limit(32, "ข้อความในไฟล์ Excel (shared strings) ใหญ่เกิน {n} MB",
                          "the Excel file's text (shared strings) is larger than {n} MB")
SHEET_MB = Limit(300, "แผ่นงานใน Excel คลายออกแล้วใหญ่เกิน {n} MB",
                 "a worksheet unpacks to more than {n} MB")
PART_MB = Limit(16, "ส่วนประกอบของไฟล์ Excel คลายออกแล้วใหญ่เกิน {n} MB",
                "a part of the Excel file unpacks to more than {n} MB")
OTHER_TAGS = Limit(100_000, "ไฟล์ Excel มีส่วนอื่นนอกจากช่องข้อมูลมากผิดปกติ (เกิน {n} รายการ)",
                   "the Excel file holds too much besides its cells (over {n} other elements)")
ZIP_MEMBERS = Limit(2_000, "ไฟล์ Excel มีส่วนประกอบเกิน {n} ส่วน",
                    "the Excel file has more than {n} parts")
BROKEN_CSV = Limit(0, "ไฟล์ CSV เสียหาย อ่านแถวนี้ไม่ได้ (เช่น เครื่องหมายคำพูดหรือการขึ้นบรรทัดผิดที่)",
                   "the CSV file is damaged: this row cannot be read (e.g. a stray quote or "
                   "line break)")
SECONDS = Limit(15, "อ่านไฟล์นานเกิน {n} วินาที ให้แบ่งไฟล์เป็นส่วนเล็กลง",
                "reading the file takes more than {n} seconds: split it into smaller files")


def read_seconds() -> float:
    """The reading time limit (ITA_IMPORT_READ_SECONDS, default 15 s)."""
    try:
        return float(os.environ.get("ITA_IMPORT_READ_SECONDS", SECONDS.value))
    except ValueError:
        return float(SECONDS.value)


class Deadline:
    """Raises :class:`LimitError` once reading has taken too long."""

    def __init__(self, seconds: float | None = None) -> None:
        import time

        self._clock = time.monotonic
        self.seconds = read_seconds() if seconds is None else seconds
        self.end = self._clock() + self.seconds

    def check(self, row: int | None = None) -> None:
        if self._clock() > self.end:
            raise LimitError(Limit(int(self.seconds), SECONDS.th, SECONDS.en), row)
