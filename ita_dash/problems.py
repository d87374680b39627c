"""Problems found in input files, reported in Thai and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of one file."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    th: str
    en: str
    severity: str = "error"  # "error" stops a build or an import; "warning" does not

    def where(self) -> str:
        place = self.file if self.line is None else f"{self.file}, line {self.line}"
        if self.column:
            place += f", column {self.column}"
        return place

    def __str__(self) -> str:
        value = "" if self.value is None else f" (value: {self.value!r})"
        return f"{self.where()}{value}: {self.en} / {self.th}"

    def as_row(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "value": self.value,
            "problem_th": self.th,
            "problem_en": self.en,
        }


class DataError(Exception):
    """Input files contain errors; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [str(p) for p in problems[:50]]
        if len(problems) > 50:
            lines.append(f"... and {len(problems) - 50} more / และอีก {len(problems) - 50} รายการ")
        super().__init__(
            "Data errors, nothing was written / ข้อมูลผิดพลาด ไม่มีการบันทึกใด ๆ:\n" + "\n".join(lines)
        )
