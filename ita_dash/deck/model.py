"""The slide content model: plain data shared by the PowerPoint deck and the presentation page.

A :class:`Slide` holds at most one chart or one table (never a picture), key
lines, notes, a message for empty situations and its one source line. Charts
are described by kind, categories and series so that each renderer (python-pptx
native charts, Plotly) can draw them its own way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from ita_dash import palette
from ita_dash.i18n import year_label
from ita_dash.scope import Scope

CHART_KINDS = ("bar", "column", "radar", "line")



@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    color: str = palette.PRIMARY
    point_colors: tuple[str, ...] = ()  # one colour per point, when points differ


@dataclass(frozen=True)
class Chart:
    """``bar`` is horizontal (first category on top), ``column`` vertical."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    axis_title: str = ""
    value_min: float | None = None
    value_max: float | None = None
    number_format: str = "0.00"
    data_labels: bool = True

    def __post_init__(self) -> None:
        if self.kind not in CHART_KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}")
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(f"series {s.name!r} has {len(s.values)} values for "
                                 f"{len(self.categories)} categories")


@dataclass(frozen=True)
class Table:
    """A small table as display text; ``numeric`` columns are right-aligned."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # shares of the table width, summing to 1
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class Slide:
    key: str
    title: str
    subtitle: str = ""
    chart: Chart | None = None
    table: Table | None = None
    lines: tuple[str, ...] = ()  # key lines (title slide)
    notes: tuple[str, ...] = ()  # short remarks under the content
    message: str = ""  # what to say when there is nothing to show
    source: str = ""

    @property
    def is_empty(self) -> bool:
        return bool(self.message)


@dataclass(frozen=True)
class Deck:
    dataset: str
    unit_id: str
    unit_name: str
    year: int
    lang: str
    scope: Scope
    scope_name: str
    is_synthetic: bool
    slides: tuple[Slide, ...]
    # the Excel workbook's tables, made when first asked for (the page's download, the
    # command line's workbook), not with every deck shown
    make_tables: Callable[[], dict[str, pd.DataFrame]] = field(default=dict, compare=False,
                                                               hash=False, repr=False)

    @functools.cached_property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Sheet name -> table of every view in the deck (full tables, not cut for slides)."""
        return self.make_tables()

    def file_stem(self) -> str:
        """A file name without extension: ``ita-bkk-samphanthawong-2567-real``."""
        return f"ita-{self.unit_id}-{self.year}-{self.dataset}"

    def display_stem(self) -> str:
        """A download name people can read: 'ITA-สัมพันธวงศ์-พ.ศ.-2567' (no ids)."""
        bad = '\\/:*?"<>|'
        words = ["ITA", self.unit_name, year_label(self.year, self.lang)]
        text = "-".join("-".join(w.split()) for w in words if w)
        return "".join(c for c in text if c not in bad and c >= " ")

    def slide(self, key: str) -> Slide:
        return next(s for s in self.slides if s.key == key)
