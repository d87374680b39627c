"""Problems found in input files, reported in Thai and English.

One problem type (:class:`Problem`) and one collector (:class:`Problems`) serve
both the build from ``data/`` and the importer. Every problem names the file,
the row (the line of a CSV file, the row of a sheet), the column and the value.
Problems are collected as small DataFrames so that checks over half a million
cells stay vectorised; severity is ``error`` (nothing is written), ``warning``
(written, but look at it) or ``info`` (what an import will do).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

import numpy as np
import pandas as pd

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
COLUMNS = ["severity", "file", "row", "column", "value", "stored", "problem_th", "problem_en"]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

Texts: TypeAlias = "pd.Series | str"


def shown(value: object, limit: int = 200) -> str | None:
    """A cell value as text for a report: no control characters, not too long."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _CONTROL.sub("\N{REPLACEMENT CHARACTER}", str(value))
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of one file."""

    severity: Severity
    file: str
    row: int | None
    column: str | None
    value: str | None
    th: str
    en: str
    stored: str | None = None

    def where(self) -> str:
        """'file, row 5, column score, value '101'' (the parts that are known)."""
        parts = [self.file] if self.file else []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        if self.value is not None:
            parts.append(f"value {self.value!r}")
        if self.stored is not None:
            parts.append(f"stored {self.stored!r}")
        return ", ".join(parts) or "file"

    def __str__(self) -> str:
        return f"[{self.severity}] {self.where()}: {self.en} / {self.th}"


class Problems:
    """Collects the problems of one or more files (``file`` is the default file name)."""

    def __init__(self, file_name: str = "") -> None:
        self.file_name = file_name
        self._parts: list[pd.DataFrame] = []
        self._pending: list[dict[str, object]] = []

    def for_file(self, file_name: str) -> Problems:
        """A view adding to the same problems, naming ``file_name`` by default."""
        view = Problems(file_name)
        view._parts, view._pending = self._parts, self._pending
        return view

    def add(self, severity: Severity, row: int | None, column: str | None, value: object,
            th: str, en: str, stored: object = None, *, file: str | None = None) -> None:
        """Add one problem."""
        self._pending.append({
            "severity": severity, "file": self.file_name if file is None else file,
            "row": row, "column": column, "value": shown(value), "stored": shown(stored),
            "problem_th": th, "problem_en": en})

    def add_many(self, severity: Severity, rows: pd.Series | Sequence[int],
                 columns: Texts, values: pd.Series | Sequence[object], th: Texts, en: Texts,
                 stored: pd.Series | None = None, *, file: str | None = None) -> None:
        """Add one problem per element of ``rows`` (vectorised)."""
        if len(rows) == 0:
            return
        self._flush()
        frame = pd.DataFrame({"row": _array(rows)})
        frame.insert(0, "severity", severity)
        frame.insert(1, "file", self.file_name if file is None else file)
        frame["column"] = _array(columns) if isinstance(columns, pd.Series) else columns
        frame["value"] = [shown(v) for v in _array(values)]
        frame["stored"] = None if stored is None else [shown(v) for v in stored.to_numpy()]
        frame["problem_th"] = _array(th) if isinstance(th, pd.Series) else th
        frame["problem_en"] = _array(en) if isinstance(en, pd.Series) else en
        self._parts.append(frame)

    def _flush(self) -> None:
        if self._pending:
            self._parts.append(pd.DataFrame(self._pending, columns=COLUMNS))
            self._pending.clear()

    def parts(self) -> list[pd.DataFrame]:
        """The problems as frames (to hand them from a child process to its parent)."""
        self._flush()
        return list(self._parts)

    def add_parts(self, parts: list[pd.DataFrame]) -> None:
        """Add problems collected elsewhere (:meth:`parts` of another collector)."""
        self._flush()
        self._parts.extend(parts)

    def clear(self) -> None:
        self._pending.clear()
        self._parts.clear()

    def frame(self) -> pd.DataFrame:
        """Every problem: errors first, then warnings, then notes; by file, then by row."""
        self._flush()
        if not self._parts:
            return pd.DataFrame(columns=COLUMNS)
        out = pd.concat([p[COLUMNS].astype(object) for p in self._parts], ignore_index=True)
        out["row"] = pd.to_numeric(out["row"]).astype("Int64")
        rank = out["severity"].map({s: i for i, s in enumerate(SEVERITIES)})
        file_order = pd.Series(pd.factorize(out["file"])[0], index=out.index)
        out = out.assign(_rank=rank, _file=file_order)
        out = out.sort_values(["_rank", "_file", "row"], kind="stable", na_position="first")
        return out.drop(columns=["_rank", "_file"]).reset_index(drop=True)

    def problems(self) -> list[Problem]:
        """The problems as :class:`Problem` objects, in the order of :meth:`frame`."""
        return [Problem(r["severity"], r["file"], None if pd.isna(r["row"]) else int(r["row"]),
                        _text(r["column"]), _text(r["value"]), r["problem_th"], r["problem_en"],
                        _text(r["stored"]))
                for r in self.frame().to_dict("records")]

    def errors(self) -> list[Problem]:
        return [p for p in self.problems() if p.severity == "error"]

    def count(self, severity: Severity) -> int:
        pending = sum(p["severity"] == severity for p in self._pending)
        return int(pending + sum(int((p["severity"] == severity).sum()) for p in self._parts))

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0

    def lines(self, limit: int = 200) -> list[str]:
        """Human-readable lines (at most ``limit``)."""
        problems = self.problems()
        out = [str(p) for p in problems[:limit]]
        if len(problems) > limit:
            more = len(problems) - limit
            out.append(f"... and {more} more (write them all with --report FILE) / "
                       f"และอีก {more} รายการ")
        return out

    def raise_errors(self) -> None:
        """Raise :class:`DataError` when any problem is an error."""
        if self.has_errors:
            raise DataError(self.errors())


def _array(values: pd.Series | Sequence[object]) -> np.ndarray:
    return values.to_numpy() if isinstance(values, pd.Series) else np.asarray(values, dtype=object)


def _text(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


class Bilingual(Exception):
    """An error told in Thai and English (``th``, ``en``): shown to users as it is."""

    def __init__(self, th: str, en: str):
        self.th, self.en = th, en
        super().__init__(f"{en} / {th}")


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
