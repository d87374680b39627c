"""The rules every figure obeys, whether it is read from ``data/`` or imported.

Each rule is written once here and used by :mod:`ita_dash.loader` (the files
under ``data/``) and by :mod:`ita_dash.importer.validate` (after an imported
sheet is reshaped into long rows). A rule takes a frame of rows with a ``row``
column (the file row or line), reports each problem to a
:class:`~ita_dash.problems.Problems` collector with the column as written in
the file and the value, in Thai and English, and returns the rows that pass.
Checks run once per distinct value, so a national year (500,000 cells) takes
seconds.

The raw fields are ``unit``, ``year``, ``framework``, ``code`` and ``score``
(text as read), and ``column``: the header of the cell holding the score. Rules
add ``unit_id``, ``fiscal_year``, ``framework_id``, ``code`` (as the framework
spells it) and ``value`` (the score as a number).
"""

from __future__ import annotations

import difflib
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from ita_dash.cells import (
    HIDDEN,
    HIDDEN_EN,
    HIDDEN_TH,
    be_year,
    code_key,
    numbers,
    parse_number,
    per_distinct,
    per_distinct_pair,
    texts,
)
from ita_dash.framework.index import FULL_MARKS, Frameworks
from ita_dash.problems import Problems, Severity
from ita_dash.thai import district_short_name, name_key

SUGGEST_BUDGET_S = 3.0  # time spent looking for closest names of unknown units
MISSPELLING_CUTOFF = 0.85
SAME = 1e-9  # two scores closer than this are the same figure

# ------------------------------------------------------------------------ values


# ------------------------------------------------------------------------- units


class UnitResolver:
    """Resolves a unit name as printed (or an alias) to its unit id."""

    def __init__(self, aliases: pd.DataFrame, suggest_among: set[str] | None = None):
        self.by_key: dict[str, str] = {
            str(k): str(u) for k, u in zip(aliases["alias_key"], aliases["unit_id"], strict=True)}
        # the names offered as closest (None: every name)
        self.suggestable = [k for k, u in self.by_key.items()
                            if suggest_among is None or u in suggest_among]
        self.names: dict[str, str] = {
            str(k): str(a) for k, a in zip(aliases["alias_key"], aliases["alias"], strict=True)}

    def resolve(self, name: str) -> str | None:
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        return self.by_key.get(name_key(district_short_name(name)))

    def suggest(self, name: str, n: int = 3, cutoff: float = 0.5) -> list[str]:
        """Known names closest to ``name`` (at most ``n``)."""
        keys = difflib.get_close_matches(name_key(name), self.suggestable, n=n, cutoff=cutoff)
        return [self.names[k] for k in keys]

    def misspelt(self, name: str) -> str:
        """Known names so close to ``name`` that it may be a misspelling ('-' if none)."""
        return ", ".join(self.suggest(name, cutoff=MISSPELLING_CUTOFF)) or "-"


def units(rows: pd.DataFrame, resolver: UnitResolver, out: Problems, column: str, *,
          report_unknown: bool = True, advice: tuple[str, str] = ("", "")) -> pd.Series:
    """The unit id of each row (None when blank or unknown); names the closest known units.

    ``advice`` (Thai, English) is added to the message of an unknown unit.
    """
    names = texts(rows["unit"])
    blank = names == ""
    row_errors(out, rows, blank, column, names, "ไม่มีชื่อหน่วยงาน", "the unit name is missing")
    ids = per_distinct(names, lambda n: resolver.resolve(str(n)) if n else None)
    unknown = ids.isna() & ~blank
    if report_unknown and unknown.any():
        hints = per_distinct(names.where(unknown, ""), _hinter(resolver))
        row_errors(out, rows, unknown, column, names,
                   "ไม่รู้จักหน่วยงาน (ชื่อใกล้เคียง: " + hints + ")" + advice[0],
                   "unknown unit (closest known names: " + hints + ")" + advice[1])
    return ids


def _hinter(resolver: UnitResolver) -> Callable[[object], str]:
    """Closest known names, within a time budget (a national list is long)."""
    started = time.monotonic()

    def hint(name: object) -> str:
        if not name:
            return ""
        if time.monotonic() - started > SUGGEST_BUDGET_S:
            return "…"
        return ", ".join(resolver.suggest(str(name))) or "-"

    return hint


# ------------------------------------------------------------------ the row rules


def row_errors(out: Problems, rows: pd.DataFrame, mask: pd.Series, column: str,
               value: pd.Series, th: pd.Series | str, en: pd.Series | str) -> None:
    """One error per file row (not per cell) for the fields of a whole row."""
    if not mask.any():
        return
    sub = pd.DataFrame({"row": rows["row"], "value": value, "th": th, "en": en})[mask]
    sub = sub.drop_duplicates("row")
    out.add_many("error", sub["row"], column, sub["value"], sub["th"], sub["en"])


def years(rows: pd.DataFrame, out: Problems, column: str) -> pd.DataFrame:
    """Rows with a Buddhist-Era ``year``, as ``fiscal_year``."""
    year, th, en = _distinct(rows["year"], be_year, 3)
    ok = year.notna()
    row_errors(out, rows, ~ok, column, rows["year"], th, en)
    return rows[ok].assign(fiscal_year=year[ok].astype(int))


def frameworks(rows: pd.DataFrame, index: Frameworks, out: Problems, *, year_column: str,
               framework_column: str | None,
               unit_types: pd.Series | None = None) -> pd.DataFrame:
    """Rows whose framework (given, or the default of the year for the unit's type) covers
    the year, as ``framework_id``. ``unit_types``: each row's unit type (default: none)."""
    given = (texts(rows["framework"]) if framework_column is not None
             else pd.Series("", index=rows.index, dtype=object))
    types = (unit_types.fillna("").astype(str) if unit_types is not None
             else pd.Series("", index=rows.index, dtype=object))
    keyed = given + "\x1f" + types

    def resolve(year: object, key: object) -> tuple[str | None, str, str, bool]:
        name, _, unit_type = str(key).partition("\x1f")
        return index.resolve(int(str(year)), name, unit_type)

    resolved = per_distinct_pair(rows["fiscal_year"], keyed, resolve)
    fid, th, en, on_year = _distinct(resolved, _as_tuple, 4)
    bad = fid.isna()
    year_bad = bad & on_year.astype(bool)
    row_errors(out, rows, year_bad, year_column, rows["fiscal_year"], th, en)
    if framework_column is not None:
        row_errors(out, rows, bad & ~year_bad, framework_column, given, th, en)
    return rows[~bad].assign(framework_id=fid[~bad])


def scores(rows: pd.DataFrame, out: Problems, *, missing: Severity | None) -> pd.DataFrame:
    """Rows whose ``score`` is a number, as ``value``; a missing score is reported as
    ``missing`` (an error, a warning that the row is skipped, or nothing)."""
    value, blank, bad = numbers(rows["score"])
    if missing == "error":
        out.add_many("error", rows.loc[blank, "row"], rows.loc[blank, "column"],
                     rows.loc[blank, "score"], "ไม่มีคะแนน", "the score is missing")
    elif missing is not None:
        out.add_many(missing, rows.loc[blank, "row"], rows.loc[blank, "column"],
                     rows.loc[blank, "score"], "ไม่มีคะแนน ข้ามแถวนี้", "no score: row skipped")
    hidden = pd.Series(False, index=rows.index)
    if bad.any():  # a number with an invisible character inside gets its own message
        hidden[bad] = per_distinct(rows.loc[bad, "score"],
                                   lambda v: parse_number(v) is HIDDEN).astype(bool)
    out.add_many("error", rows.loc[hidden, "row"], rows.loc[hidden, "column"],
                 rows.loc[hidden, "score"], HIDDEN_TH, HIDDEN_EN)
    plain = bad & ~hidden
    out.add_many("error", rows.loc[plain, "row"], rows.loc[plain, "column"],
                 rows.loc[plain, "score"], "คะแนนไม่ใช่ตัวเลข", "the score is not a number")
    return rows.assign(value=value)[~blank & ~bad]


def codes(rows: pd.DataFrame, index: Frameworks, out: Problems, *, column: str | None,
          required: bool = True) -> pd.DataFrame:
    """Rows whose ``code`` is in their framework (compared by :func:`code_key`).

    ``column`` None: the code is the header of the score's column (a wide sheet),
    reported once per column and framework. ``required`` False: a blank code passes.
    """
    given = texts(rows["code"])
    code = per_distinct_pair(rows["framework_id"], given,
                             lambda f, c: index.codes.get((str(f), code_key(str(c)))))
    bad = code.isna() & ((given != "") | required)
    if bad.any():
        sub = rows[bad].assign(code_text=given[bad])
        if column is None:
            sub = sub.drop_duplicates(["column", "framework_id"])
        blank = sub["code_text"] == ""
        th = ("ไม่มีรหัสนี้ในกรอบการประเมิน " + sub["framework_id"]).where(~blank, "ไม่มีรหัส")
        en = ("code is not in framework " + sub["framework_id"]).where(~blank,
                                                                       "the code is missing")
        items = per_distinct_pair(
            sub["framework_id"], sub["code_text"],
            lambda f, c: index.unknown_item_list(f, c) or (index.totals_only(f, c) if c else None))
        th = th.where(items.isna(), items.map(lambda m: m[0] if m else ""))
        en = en.where(items.isna(), items.map(lambda m: m[1] if m else ""))
        out.add_many("error", sub["row"], sub["column"] if column is None else column,
                     sub["code_text"], th, en)
    return rows[~bad].assign(code=code[~bad])


def ranges(rows: pd.DataFrame, index: Frameworks, out: Problems) -> pd.DataFrame:
    """Rows whose ``value`` lies between 0 and the node's highest score (100, or a tool's
    weight for its weighted points); a row without a code: 0 to 100."""
    code = rows["code"] if "code" in rows else pd.Series("", index=rows.index, dtype=object)
    top = per_distinct_pair(rows["framework_id"], code,
                            lambda f, c: index.maxima.get((str(f), str(c)), FULL_MARKS))
    top = top.astype(float)
    bad = ~rows["value"].between(0, top)
    if bad.any():
        tops = top[bad].map(lambda t: f"{t:g}")
        out.add_many("error", rows.loc[bad, "row"], rows.loc[bad, "column"],
                     rows.loc[bad, "value"], "คะแนนต้องอยู่ระหว่าง 0 ถึง " + tops,
                     "the score must be between 0 and " + tops)
    return rows[~bad]


def duplicates(rows: pd.DataFrame, out: Problems) -> pd.DataFrame:
    """One row per unit, year and code: a repeat with another score is an error (both
    dropped); a repeat with the same score is counted once."""
    keys = ["unit_id", "fiscal_year", "code"]
    grouped = rows.groupby(keys, sort=False)
    first_value = grouped["value"].transform("first")
    first_row = grouped["row"].transform("first")
    later = rows.duplicated(keys, keep="first")
    differs = later & (rows["value"] - first_value).abs().gt(SAME)
    if differs.any():
        at = first_row[differs].astype(str)
        values = first_value[differs].map(lambda v: f"{v:g}")
        out.add_many("error", rows.loc[differs, "row"], rows.loc[differs, "column"],
                     rows.loc[differs, "value"],
                     "ซ้ำกับแถว " + at + " แต่คะแนนต่างกัน (" + values + ")",
                     "duplicates row " + at + " with a different score (" + values + ")")
    same = later & ~differs
    if same.any():
        at = first_row[same].astype(str)
        out.add_many("info", rows.loc[same, "row"], rows.loc[same, "column"],
                     rows.loc[same, "value"], "ซ้ำกับแถว " + at + " (คะแนนเท่ากัน นับครั้งเดียว)",
                     "repeats row " + at + " (same score, counted once)")
    conflicting = rows.set_index(keys).index.isin(rows[differs].set_index(keys).index)
    return rows[~later & ~conflicting]


def one_framework_per_unit_year(rows: pd.DataFrame, out: Problems, column: str) -> pd.DataFrame:
    """Rows of a unit and year all on one framework (the first one given)."""
    first = rows.groupby(["unit_id", "fiscal_year"], sort=False)["framework_id"].transform("first")
    bad = rows["framework_id"] != first
    if bad.any():
        row_errors(out, rows[bad], bad[bad], column, rows.loc[bad, "framework_id"],
                   "หน่วยงานและปีเดียวกันใช้กรอบการประเมินต่างกัน " + first[bad],
                   "the same unit and year uses another framework too: " + first[bad])
    return rows[~bad]


def _as_tuple(value: object) -> tuple[object, ...]:
    assert isinstance(value, tuple)
    return value


def _distinct(values: pd.Series, func: Callable[[object], tuple[object, ...]],
              n: int) -> list[pd.Series]:
    """The ``n`` parts of ``func`` applied once per distinct value."""
    codes_, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=False)
    results = [func(u) for u in uniques]
    parts = []
    for i in range(n):
        mapped = np.empty(len(results), dtype=object)
        for j, result in enumerate(results):
            mapped[j] = result[i]
        parts.append(pd.Series(mapped[codes_], index=values.index, dtype=object))
    return parts
