"""Printed levels of an import file: stored as printed, with their vocabulary.

A level cell is read with the vocabulary of ``headers.toml`` (AA…F, ผ่านดีเยี่ยม/ผ่านดี/ผ่าน/
ไม่ผ่าน…, the verbal levels before 2562 such as สูงมาก); ``-`` or blank is no level. A level the
file says was computed (a ``level_source`` column, as ``export --totals`` writes) is not a
printed level and is left out. The levels go to the build's ``printed_ratings`` (the table
``data/real/printed_ratings.csv`` fills), so a printed level wins over the computed one.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_dash.cells import per_distinct, texts
from ita_dash.importer import headers
from ita_dash.problems import Problems

LEVEL_COLUMNS = ["unit_id", "fiscal_year", "framework_id", "level_code", "label_printed", "row"]
COMPUTED = {"computed", "คำนวณ"}


def printed_levels(rows: pd.DataFrame, out: Problems, column: str) -> pd.DataFrame:
    """One printed level per unit and year (unit_id, fiscal_year, framework_id, level_code,
    label_printed, row); an unknown level or two levels for one unit-year are errors."""
    printed = texts(rows["level"])
    if "level_source" in rows:
        computed = texts(rows["level_source"]).str.lower().isin(COMPUTED)
        printed = printed.where(~computed, "")
    parsed = per_distinct(printed, lambda v: headers.level_of(str(v)))
    codes = parsed.map(lambda p: p[0])
    known = parsed.map(lambda p: p[1]).astype(bool)
    if (~known).any():
        vocabulary = headers.level_vocabulary()
        out.add_many("error", rows.loc[~known, "row"], column, printed[~known],
                     "ไม่รู้จักระดับนี้ (ที่รู้จัก: " + vocabulary + ")",
                     "unknown level (known: " + vocabulary + ")")
    has = codes.notna() & known
    found = pd.DataFrame({"unit_id": rows.loc[has, "unit_id"],
                          "fiscal_year": rows.loc[has, "fiscal_year"].astype("int64"),
                          "framework_id": rows.loc[has, "framework_id"],
                          "level_code": codes[has], "label_printed": printed[has],
                          "row": rows.loc[has, "row"]}, columns=LEVEL_COLUMNS)
    keys = ["unit_id", "fiscal_year"]
    first = found.groupby(keys, sort=False)["level_code"].transform("first")
    clash = found["level_code"] != first
    if clash.any():
        out.add_many("error", found.loc[clash, "row"], column, found.loc[clash, "label_printed"],
                     "หน่วยงานและปีเดียวกันมีระดับต่างกันสองค่า", "two different levels for one unit "
                     "and year")
    return found.drop_duplicates(keys).reset_index(drop=True)


def compare_levels(con: duckdb.DuckDBPyConnection, levels: pd.DataFrame, dataset: str,
                   out: Problems, *, replace: bool) -> pd.DataFrame:
    """The printed levels to write: those not stored yet, and (with ``replace``) those that
    differ from the stored printed level (an error without it, like a figure)."""
    if levels.empty:
        return levels
    con.register("import_levels", levels[["unit_id", "fiscal_year"]].assign(
        i=range(len(levels))))
    try:
        stored = con.execute("""
            SELECT k.i, p.level_code, coalesce(p.label_printed, p.level_code) AS label
            FROM import_levels k JOIN printed_ratings p
              ON p.dataset = $dataset AND p.unit_id = k.unit_id
             AND p.fiscal_year = k.fiscal_year""", {"dataset": dataset}).df()
    finally:
        con.unregister("import_levels")
    code = pd.Series(None, index=range(len(levels)), dtype=object)
    label = pd.Series(None, index=range(len(levels)), dtype=object)
    code[stored["i"].to_numpy()] = stored["level_code"].to_numpy()
    label[stored["i"].to_numpy()] = stored["label"].to_numpy()
    levels = levels.reset_index(drop=True)
    same = code.notna() & (code == levels["level_code"])
    differs = code.notna() & ~same
    if differs.any():
        sub = levels[differs]
        if replace:
            out.add_many("info", sub["row"], "level", sub["label_printed"],
                         "จะแทนที่ระดับที่บันทึกไว้", "will replace the stored level",
                         stored=label[differs])
        else:
            out.add_many("error", sub["row"], "level", sub["label_printed"],
                         "ต่างจากระดับที่บันทึกไว้ (แทนที่ได้ด้วย --replace)",
                         "differs from the stored level (replace it with --replace)",
                         stored=label[differs])
    return levels[~same].reset_index(drop=True)


def level_conflicts(con: duckdb.DuckDBPyConnection, *, dataset: str,
                    keys: pd.DataFrame | None = None) -> pd.DataFrame:
    """Unit-years whose printed level differs from the level computed under the year's rules
    (of ``keys``' unit-years, or all): unit, year, printed, computed."""
    con.register("level_keys", keys[["unit_id", "fiscal_year"]] if keys is not None
                 else pd.DataFrame({"unit_id": pd.Series(dtype=str),
                                    "fiscal_year": pd.Series(dtype="int64")}))
    try:
        return con.execute("""
            SELECT y.unit_id, u.name_th AS unit_name_th, y.fiscal_year, y.framework_id,
                   coalesce(p.label_printed, y.printed_level) AS printed,
                   l.label_th AS computed, round(y.score, 2) AS score
            FROM unit_years y JOIN units u USING (unit_id)
            JOIN printed_ratings p USING (dataset, unit_id, fiscal_year)
            JOIN rating_levels l
              ON l.framework_id = y.framework_id AND l.seq = y.computed_level_seq
            WHERE y.dataset = $dataset AND y.printed_level <> l.level_code
              AND ($all OR (y.unit_id, y.fiscal_year) IN (SELECT (unit_id, fiscal_year)
                                                          FROM level_keys))
            ORDER BY y.fiscal_year, u.name_th""",
                           {"dataset": dataset, "all": keys is None}).df()
    finally:
        con.unregister("level_keys")


def add_conflict_warnings(out: Problems, found: pd.DataFrame) -> int:
    """A warning per printed level that differs from the computed one, naming both."""
    for r in found.itertuples(index=False):
        out.add("warning", None, "level", r.printed,
                f"{r.unit_name_th} ปี {r.fiscal_year}: ระดับที่พิมพ์ {r.printed} ต่างจากระดับที่คำนวณตามเกณฑ์ของปี "
                f"{r.computed} (คะแนน {r.score:.2f}) ใช้ระดับที่พิมพ์",
                f"{r.unit_name_th} {r.fiscal_year}: the printed level {r.printed} differs from "
                f"the level computed under the year's rules, {r.computed} (total {r.score:.2f}); "
                "the printed level is kept")
    return len(found)
