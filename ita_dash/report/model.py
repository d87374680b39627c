"""The report's content model: plain data shared by the Word writer and the tests.

A :class:`Report` is a title page and numbered sections; a section holds blocks
(paragraphs, tables, figures) in order. Tables and figures carry their caption
and source; the writer numbers them (ตารางที่ n, แผนภาพที่ n) in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Para:
    """A paragraph; ``kind``: ``body``, ``bullet``, ``note`` (smaller, grey) or ``missing``
    (what the data lacks, set apart)."""

    text: str
    kind: str = "body"


@dataclass(frozen=True)
class Table:
    """A table as display text; ``widths`` in centimetres, ``numeric`` columns right-aligned,
    ``marked`` rows shaded (the weakest or zero items)."""

    caption: str
    source: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: tuple[bool, ...]
    marked: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if not self.rows:
            raise ValueError(f"table {self.caption!r} has no rows: say what is missing instead")
        n = len(self.columns)
        if len(self.widths) != n or len(self.numeric) != n or any(len(r) != n for r in self.rows):
            raise ValueError(f"table {self.caption!r}: every row needs {n} cells")


@dataclass(frozen=True)
class Figure:
    """A chart as a PNG (≥ 200 dpi) with its caption and source."""

    caption: str
    source: str
    png: bytes
    width_cm: float = 16.0


Block = Para | Table | Figure


@dataclass(frozen=True)
class Section:
    """A numbered heading (``number`` '2' or '2.1'; its level is the count of parts)."""

    number: str
    title: str
    blocks: tuple[Block, ...] = ()
    landscape: bool = False  # on an A4 landscape page (wide measure tables)

    @property
    def level(self) -> int:
        return self.number.count(".") + 1

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.level == 1 else f"{self.number} {self.title}"


@dataclass(frozen=True)
class Report:
    dataset: str
    unit_id: str
    unit_name: str
    year: int
    lang: str
    title: tuple[str, ...]  # title page lines, the first the largest
    cover_notes: tuple[str, ...]  # under the title: dataset, date, synthetic mark
    sections: tuple[Section, ...]
    is_short: bool  # totals only: a shorter document that says what is missing
    missing: tuple[str, ...] = field(default=())

    def file_stem(self) -> str:
        """``ita-report-bkk-samphanthawong-2567-real``."""
        return f"ita-report-{self.unit_id}-{self.year}-{self.dataset}"

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]
