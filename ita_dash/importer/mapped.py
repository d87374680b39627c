"""The mapping's model: what a column became and why, and the rules shared by the flat and the
report layouts (an indicator by its name, a tool's scale from the values)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import pandas as pd

from ita_dash.importer import headers
from ita_dash.importer.catalog import Catalog
from ita_dash.importer.readers import RawTable
from ita_dash.rules import be_year
from ita_dash.thai import name_key

FIELDS = ("unit", "year", "framework", "code", "score", "unit_type", "parent", "province",
          "source", "note", "level", "level_source", "label", "tool", "tool_points", "ignore")
SUM_TOLERANCE = 0.02  # printed tool figures to 2 decimals summed against a printed total
NAME_CUTOFF = 0.85  # an indicator written by a name this close to the framework's


@dataclass
class MapOptions:
    """What the editor gives besides the file."""

    year: int | None = None  # the fiscal year of a file without a year column
    unit: str | None = None  # the unit of a file without a unit column
    overrides: dict[str, str] = field(default_factory=dict)  # header as written -> target


@dataclass
class ColumnMap:
    """One column: what it became and why (Thai, English)."""

    header: str
    target: str
    why_th: str
    why_en: str


@dataclass
class Mapped:
    raw: RawTable
    columns: list[ColumnMap]
    layout: str  # "flat" or "report"
    ok: bool = True  # False: refused (the report says why); the columns are shown all the same

    @property
    def unit_type(self) -> str | None:
        """New units' type when the file says it by its unit column (a จังหวัด column)."""
        return "province" if any(c.target == "unit" and c.why_en.startswith("the province is")
                                 for c in self.columns) else None

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([c.__dict__ for c in self.columns],
                            columns=["header", "target", "why_th", "why_en"])

    def record(self) -> list[dict[str, str]]:
        """The mapping as stored with an import."""
        return [{"header": c.header, "target": c.target, "why": c.why_en} for c in self.columns]


def indicator_by_name(name: str, catalog: Catalog) -> str | None:
    """The indicator the frameworks name so (spelling variants folded; a close name when
    only one indicator is that close)."""
    if not name:
        return None
    names = catalog.indicator_names
    key = name_key(name)
    if key in names and len(names[key]) == 1:
        return next(iter(names[key]))
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=NAME_CUTOFF)
    codes = {c for k in close for c in names[k]}
    return next(iter(codes)) if len(codes) == 1 else None


def weights_of_years(years: pd.Series, catalog: Catalog) -> dict[str, pd.Series]:
    """Each row's tool weights under the default framework of its year (NaN: unknown)."""
    def weight(year: object, tool: str) -> float:
        parsed, _, _ = be_year(year)
        if parsed is None:
            return float("nan")
        found = catalog.frameworks.default_frameworks(parsed, "")
        if len(found) != 1:
            return float("nan")
        return float(catalog.tool_weights.get((found[0], tool), float("nan")))

    return {t: years.map(lambda y, t=t: weight(y, t)).astype(float) for t in headers.TOOLS}


def scale_from_values(values: dict[str, pd.Series], weights: dict[str, pd.Series],
                      fixed: dict[str, pd.Series], total: pd.Series | None) -> str | None:
    """'points' or 'percent' for the silent tool columns ``values`` (tool -> values), given
    the tools' ``weights`` per row, the other tools as points (``fixed``) and the total;
    None when the values do not settle it."""
    over = any((values[t] > weights[t] + 1e-9).any() for t in values)
    if total is None:
        return "percent" if over else None

    def sums(as_points: bool) -> pd.Series:
        parts = [values[t] if as_points else values[t] * weights[t] / 100 for t in values]
        parts += [fixed[t] for t in fixed]
        return sum(parts[1:], parts[0]) if parts else pd.Series(dtype=float)

    if len(values) + len(fixed) < len(headers.TOOLS):
        return "percent" if over else None
    checkable = total.notna()
    for series in [*values.values(), *fixed.values()]:
        checkable &= series.notna()
    for t in values:
        checkable &= weights[t].notna()
    if not checkable.any():
        return "percent" if over else None
    as_points = ((sums(True) - total).abs() <= SUM_TOLERANCE)[checkable].all() and not over
    as_percent = ((sums(False) - total).abs() <= SUM_TOLERANCE)[checkable].all()
    if as_points != as_percent:
        return "points" if as_points else "percent"
    return None
