"""Validate a raw table against the database, before anything is written.

The result is a long frame of the scores to store (one row per unit, year and
code, with the file row and column it came from) and a row-by-row report.
Every check is vectorised: a national year (about 500,000 cells) takes seconds.
Errors about a whole row (unit, year, framework) are reported once per row;
errors about a figure once per cell.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from ita_dash import rules
from ita_dash.cells import is_formula, per_distinct, texts
from ita_dash.importer.catalog import Catalog
from ita_dash.importer.columns import field_of
from ita_dash.importer.levels import printed_levels
from ita_dash.importer.readers import RawTable
from ita_dash.importer.report import Report
from ita_dash.importer.unit_names import CloseNames, type_of
from ita_dash.rules import SAME
from ita_dash.thai import district_short_name, fold_spelling, name_key
from ita_dash.thailand import UNIT_TYPES

# how to add an unknown unit; the command line names its flag, the Data page its checkbox
# (ita_dash.ui.import_page.wording replaces the flag by the checkbox's label)
ADD_UNITS_ADVICE = (" เพิ่มใหม่ได้ด้วย --add-units", "; add it with --add-units")

FIELD_TARGETS = ("unit", "year", "framework", "code", "score", "unit_type", "parent", "province",
                 "source", "note", "level", "level_source")
TEXT_FIELDS = ("unit", "year", "framework", "code", "unit_type", "parent", "province", "source",
               "note")
MAX_NEW_UNIT_HINTS = 500  # beyond this many new units (a bulk load), no misspelling hints


@dataclass
class Staged:
    """The outcome of validation."""

    layout: str = ""
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    new_units: pd.DataFrame = field(default_factory=pd.DataFrame)
    n_file_rows: int = 0
    levels: pd.DataFrame = field(default_factory=pd.DataFrame)  # printed levels (levels.py)


@dataclass
class Checker:
    """Runs the checks of one file; rows with an error are dropped as it goes."""

    raw: RawTable
    catalog: Catalog
    report: Report
    add_units: bool = False
    replace: bool = False
    names: dict[str, str] = field(default_factory=dict)  # field -> header as written
    codes: dict[int, str] = field(default_factory=dict)  # code column -> its code
    unit_type: str | None = None  # new units' type when their name says none (a จังหวัด column)
    unit_types: dict[str, str] = field(default_factory=dict)  # new unit's name -> type (editor)

    # ------------------------------------------------------------------ columns

    def map_columns(self) -> tuple[dict[str, int], list[int]]:
        """field -> column index, and the other (code) columns."""
        fields: dict[str, int] = {}
        others: list[int] = []
        seen: dict[str, int] = {}
        for i, header in enumerate(self.raw.headers):
            if not header:
                self.check_unnamed(i)
                continue
            if name_key(header) in seen:
                self.report.add("error", self.raw.header_row, header, header,
                                "หัวคอลัมน์ซ้ำกัน", "the same column header appears twice")
                continue
            seen[name_key(header)] = i
            target = self.raw.targets[i] if self.raw.targets is not None else None
            if target == "ignore":
                self.report.add("info", self.raw.header_row, header, None,
                                "คอลัมน์นี้ไม่นำเข้า", "this column is not imported")
                continue
            f = field_of(header) if target is None else (
                target if target in FIELD_TARGETS else None)
            if f is None:
                others.append(i)
                self.codes[i] = target or header
            else:
                fields[f] = i
                self.names[f] = header
        return fields, others

    def check_unnamed(self, i: int) -> None:
        col = self.raw.frame[i]
        filled = col.notna() & (col.astype(str).str.strip() != "")
        if filled.any():
            first = int(self.raw.frame.loc[filled, "_row"].iloc[0])
            self.report.add("error", first, f"#{i + 1}", col[filled].iloc[0],
                            "มีข้อมูลในคอลัมน์ที่ไม่มีหัวคอลัมน์", "a value in a column without a header")

    # ------------------------------------------------------------------- layout

    def layout(self, fields: dict[str, int], others: list[int]) -> str:
        if "code" in fields and "score" in fields:
            for i in others:
                self.report.add("warning", self.raw.header_row, self.raw.headers[i], None,
                                "ไม่รู้จักคอลัมน์นี้ จึงไม่นำเข้า", "unknown column, ignored")
            return "long"
        if "score" in fields or "code" in fields:
            self.report.add("error", self.raw.header_row,
                            self.names.get("code") or self.names.get("score"), None,
                            "ไฟล์แบบแถวยาวต้องมีทั้งคอลัมน์ รหัส และ คะแนน",
                            "a long file needs both a code and a score column")
        elif not others:
            self.report.add("error", self.raw.header_row, None, None,
                            "ไม่พบคอลัมน์คะแนน (รหัส และ คะแนน หรือคอลัมน์ละหนึ่งรหัส)",
                            "no score columns (code and score, or one column per code)")
        return "wide"

    def file_rows(self, fields: dict[str, int], layout: str) -> pd.DataFrame:
        """One row per file row: the row-level fields (and, for a long file, code and score)."""
        frame = self.raw.frame
        data: dict[str, object] = {"row": frame["_row"].to_numpy()}
        for f in (*TEXT_FIELDS, "score", "level", "level_source"):
            if f in fields and (layout == "long" or f not in ("code", "score")):
                data[f] = obj(frame[fields[f]])
        if layout == "long":
            data["column"] = obj(np.full(len(frame), self.names["score"], dtype=object))
        return pd.DataFrame(data)

    def cells(self, rows: pd.DataFrame, others: list[int]) -> pd.DataFrame:
        """A wide file's score cells, one per row and code column, with the row's fields."""
        n, k = len(rows), len(others)
        position = np.tile(np.arange(n), k)
        headers = np.array([self.raw.headers[i] for i in others], dtype=object)
        codes = np.array([self.codes.get(i, self.raw.headers[i]) for i in others], dtype=object)
        picked = self.raw.frame.set_index("_row").loc[rows["row"].to_numpy()]
        scores = (np.concatenate([picked[i].to_numpy(dtype=object) for i in others]) if k
                  else np.array([], dtype=object))
        data = {c: (rows[c].to_numpy()[position] if rows[c].dtype != object
                    else obj(rows[c].to_numpy(dtype=object)[position])) for c in rows.columns}
        data.update({"column": obj(np.repeat(headers, n)), "code": obj(np.repeat(codes, n)),
                     "score": obj(scores)})
        return pd.DataFrame(data)

    # ------------------------------------------------------------------- helpers

    def header(self, f: str) -> str:
        return self.names.get(f, f)

    # -------------------------------------------------------------------- checks

    def formulas(self, long: pd.DataFrame, fields: tuple[str, ...]) -> pd.DataFrame:
        if self.raw.kind != "xlsx":
            return long
        bad = pd.Series(False, index=long.index)
        for f in fields:
            if f not in long:
                continue
            hit = per_distinct(long[f], is_formula).astype(bool)
            if hit.any():
                column = long.loc[hit, "column"] if f == "score" else self.header(f)
                self.report.add_many("error", long.loc[hit, "row"], column, long.loc[hit, f],
                                     "ช่องนี้เป็นสูตร ให้วางเป็นค่า (Paste Values) ก่อนนำเข้า",
                                     "the cell holds a formula: paste values only")
                bad |= hit
        return long[~bad]

    def units(self, rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Rows of known units (or, with ``add_units``, of units to add) and the new units."""
        rows = self.close_names(rows)
        ids = rules.units(rows, self.catalog.resolver, self.report, self.header("unit"),
                          report_unknown=not self.add_units,
                          advice=(ADD_UNITS_ADVICE[0], ADD_UNITS_ADVICE[1]))
        names = per_distinct(texts(rows["unit"]), lambda n: fold_spelling(str(n)))
        unknown = ids.isna() & (names != "")
        new_units = pd.DataFrame()
        if unknown.any() and self.add_units:
            new_units, new_ids = self.new_units(rows[unknown], names[unknown])
            ids = ids.where(~unknown, new_ids)
        keep = ids.notna()
        return rows[keep].assign(unit_id=ids[keep], unit_name=names[keep]), new_units

    def close_names(self, rows: pd.DataFrame) -> pd.DataFrame:
        """Names close to a known unit's ('ตราด' for 'จังหวัดตราด', an abbreviation in
        brackets) are read as that unit, with a warning naming both."""
        names = texts(rows["unit"])
        resolver = self.catalog.resolver
        unknown = per_distinct(names, lambda n: bool(n) and resolver.resolve(str(n)) is None)
        if not unknown.astype(bool).any():
            return rows
        close = CloseNames(resolver)
        official = self.catalog.unit_names
        found = per_distinct(names.where(unknown.astype(bool), ""),
                             lambda n: official.get(close.known(str(n)) or "") if n else None)
        hit = found.notna() & (found != "")
        if not hit.any():
            return rows
        self.report.add_many(
            "warning", rows.loc[hit, "row"], self.header("unit"), names[hit],
            "ชื่อนี้ใกล้กับหน่วยงานที่มีอยู่ จึงใช้หน่วยงาน " + found[hit] + " (ไม่เพิ่มซ้ำ) "
            "ถ้าเป็นคนละหน่วยงาน ให้ใช้ชื่อเต็มที่ต่างกัน",
            "this name is close to a known unit, read as " + found[hit] + " (not added twice); "
            "if it is another unit, write its full, distinct name")
        unit = rows["unit"].where(~hit, found)
        return rows.assign(unit=unit)

    def new_units(self, rows: pd.DataFrame, names: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
        keys = per_distinct(names, lambda n: name_key(str(n)))
        ids = per_distinct(keys, lambda k: self.new_unit_id(str(k)))
        info = pd.DataFrame({"unit_id": ids, "name_th": names, "row": rows["row"]})
        for f, column in (("unit_type", "unit_type"), ("parent", "parent_org"),
                          ("province", "province")):
            info[column] = texts(rows[f]) if f in rows else ""
        first = info.drop_duplicates("unit_id")
        units = self.unit_rows(info, first)
        hints = (first["name_th"].map(self.catalog.resolver.misspelt) if len(first) <= MAX_NEW_UNIT_HINTS
                 else pd.Series("-", index=first.index))
        similar = ~hints.isin(["-", "…", ""])
        self.report.add_many("info", first.loc[~similar, "row"], self.header("unit"),
                             first.loc[~similar, "name_th"], "หน่วยงานใหม่ จะเพิ่มเข้าระบบ",
                             "new unit: it will be added")
        self.report.add_many(
            "warning", first.loc[similar, "row"], self.header("unit"),
            first.loc[similar, "name_th"],
            "หน่วยงานใหม่ จะเพิ่มเข้าระบบ ตรวจว่าไม่ได้สะกดผิดจาก: " + hints[similar],
            "new unit, it will be added: check it is not a misspelling of " + hints[similar])
        return units, ids

    def unit_rows(self, info: pd.DataFrame, first: pd.DataFrame) -> pd.DataFrame:
        def first_filled(column: str) -> pd.Series:
            filled = info[info[column] != ""].drop_duplicates("unit_id")
            found = dict(zip(filled["unit_id"], filled[column], strict=True))
            return first["unit_id"].map(lambda u: found.get(u)).astype(object)

        short = first["name_th"].map(lambda n: district_short_name(n)
                                     if n.startswith("สำนักงานเขต") else n)
        return pd.DataFrame({
            "unit_id": first["unit_id"].to_numpy(), "name_th": first["name_th"].to_numpy(),
            "short_th": short.to_numpy(),
            "unit_type": [self.unit_types.get(name_key(n))
                          or (unit_type_code(t) if t else None)
                          or (self.unit_type if type_of(n) == "unknown" else None)
                          or type_of(n) for t, n in zip(
                first_filled("unit_type"), first["name_th"], strict=True)],
            "parent_org": first_filled("parent_org").to_numpy(),
            "province": first_filled("province").to_numpy()})

    def new_unit_id(self, key: str) -> str:
        digest = hashlib.sha1(key.encode()).hexdigest()
        for length in (10, 16, 40):
            unit_id = f"imp-{digest[:length]}"
            if unit_id not in self.catalog.unit_ids:
                return unit_id
        raise ValueError(f"cannot make a unit id for {key!r}")


def unit_types_of(rows: pd.DataFrame, catalog: Catalog, new_units: pd.DataFrame) -> pd.Series:
    """Each row's unit type: stored units from the catalog, new ones from the file."""
    types = dict(catalog.unit_types)
    if not new_units.empty and "unit_type" in new_units:
        types.update(zip(new_units["unit_id"], new_units["unit_type"].fillna(""), strict=True))
    return rows["unit_id"].map(lambda u: types.get(u) or "").astype(object)


def validate(raw: RawTable, catalog: Catalog, report: Report, *, add_units: bool,
             replace: bool, unit_type: str | None = None,
             unit_types: dict[str, str] | None = None) -> Staged:
    """Run every check that needs no stored figures; return what remains valid.
    ``unit_type``: new units' type when their name says none; ``unit_types``: the editor's
    type for a new unit (by name)."""
    checker = Checker(raw, catalog, report, add_units=add_units, replace=replace,
                      unit_type=unit_type,
                      unit_types={name_key(k): v for k, v in (unit_types or {}).items()})
    fields, others = checker.map_columns()
    layout = checker.layout(fields, others)
    staged = Staged(layout=layout, n_file_rows=len(raw.frame))
    if report.has_errors:
        return staged
    rows = checker.file_rows(fields, layout)
    rows = checker.formulas(rows, ("unit", "year", "framework"))
    rows, staged.new_units = checker.units(rows)
    rows = rules.years(rows, report, checker.header("year"))
    rows = rules.frameworks(rows, catalog.frameworks, report, year_column=checker.header("year"),
                            framework_column=checker.names.get("framework"),
                            unit_types=unit_types_of(rows, catalog, staged.new_units))
    if "level" in fields:
        staged.levels = printed_levels(rows, report, checker.header("level"))
    long = rows if layout == "long" else checker.cells(rows, others)
    long = checker.formulas(long, ("code", "score"))
    long = rules.scores(long, report, missing="warning" if layout == "long" else None)
    long = rules.codes(long, catalog.frameworks, report,
                       column=checker.header("code") if layout == "long" else None)
    long = rules.ranges(long, catalog.frameworks, report)
    long = rules.duplicates(long, report)
    long = rules.one_framework_per_unit_year(long, report, checker.header("framework"))
    if not staged.new_units.empty:
        used = set(long["unit_id"])
        staged.new_units = staged.new_units[staged.new_units["unit_id"].isin(used)]
    staged.rows = finish(long)
    return staged


def obj(values: object) -> pd.Series:
    """A column kept as Python objects (no conversion to Arrow strings and back)."""
    return pd.Series(np.asarray(values, dtype=object), dtype=object)


def finish(long: pd.DataFrame) -> pd.DataFrame:
    """The columns stored in ``scores`` plus where each figure came from."""
    out = pd.DataFrame({
        "unit_id": long["unit_id"], "unit_name": long["unit_name"],
        "fiscal_year": long["fiscal_year"].astype("int32"),
        "framework_id": long["framework_id"], "code": long["code"],
        "score": long["value"].astype(float),
        "source_ref": texts(long["source"]) if "source" in long else "",
        "note": texts(long["note"]) if "note" in long else "",
        "row": long["row"].astype("int64"), "column": long["column"]})
    for column in ("source_ref", "note"):
        out[column] = out[column].where(out[column] != "", None)
    return out.sort_values("row", kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------- against the store


def compare_with_store(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame, dataset: str,
                       report: Report, *, replace: bool) -> pd.DataFrame:
    """Mark each row new / same / replace; report figures that differ from stored ones."""
    if rows.empty:
        return rows.assign(status=pd.Series(dtype=str), stored=pd.Series(dtype=float))
    stored = stored_matches(con, rows, dataset)
    rows = rows.assign(stored=stored["stored"].to_numpy(),
                       stored_fw=stored["stored_fw"].to_numpy())
    mixed = unit_year_framework_clash(con, rows, dataset)
    if mixed.any():
        report.add_many("error", rows.loc[mixed, "row"], rows.loc[mixed, "column"],
                        rows.loc[mixed, "framework_id"],
                        "คะแนนที่บันทึกไว้แล้วของหน่วยงานและปีนี้ใช้กรอบการประเมินอื่น",
                        "the stored figures of this unit and year use another framework")
    found = rows["stored"].notna()
    same = found & (rows["stored"] - rows["score"]).abs().le(SAME)
    differs = found & ~same
    rows["status"] = np.where(same, "same", np.where(differs, "replace", "new"))
    if differs.any():
        sub = rows[differs]
        if replace:
            report.add_many("info", sub["row"], sub["column"], sub["score"],
                            "จะแทนที่คะแนนที่บันทึกไว้", "will replace the stored figure",
                            stored=sub["stored"])
        else:
            report.add_many("error", sub["row"], sub["column"], sub["score"],
                            "ต่างจากคะแนนที่บันทึกไว้ (แทนที่ได้ด้วย --replace)",
                            "differs from the stored figure (replace it with --replace)",
                            stored=sub["stored"])
    return rows.drop(columns=["stored_fw"])


def stored_matches(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame,
                   dataset: str) -> pd.DataFrame:
    keys = rows[["unit_id", "fiscal_year", "code"]].assign(i=np.arange(len(rows)))
    con.register("import_keys", keys)
    try:
        found = con.execute("""
            SELECT k.i, s.score AS stored, s.framework_id AS stored_fw
            FROM import_keys k JOIN scores s
              ON s.dataset = $dataset AND s.unit_id = k.unit_id
             AND s.fiscal_year = k.fiscal_year AND s.code = k.code""",
                            {"dataset": dataset}).df()
    finally:
        con.unregister("import_keys")
    out = pd.DataFrame(index=np.arange(len(rows)), columns=["stored", "stored_fw"])
    out.loc[found["i"].to_numpy(), "stored"] = found["stored"].to_numpy()
    out.loc[found["i"].to_numpy(), "stored_fw"] = found["stored_fw"].to_numpy()
    out["stored"] = pd.to_numeric(out["stored"])
    return out


def unit_year_framework_clash(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame,
                              dataset: str) -> pd.Series:
    pairs = rows[["unit_id", "fiscal_year", "framework_id"]].drop_duplicates()
    con.register("import_pairs", pairs)
    try:
        clash = con.execute("""
            SELECT DISTINCT p.unit_id, p.fiscal_year
            FROM import_pairs p JOIN scores s
              ON s.dataset = $dataset AND s.unit_id = p.unit_id AND s.fiscal_year = p.fiscal_year
            WHERE s.framework_id <> p.framework_id""", {"dataset": dataset}).df()
    finally:
        con.unregister("import_pairs")
    if clash.empty:
        return pd.Series(False, index=rows.index)
    index = pd.MultiIndex.from_frame(clash[["unit_id", "fiscal_year"]].astype(
        {"fiscal_year": rows["fiscal_year"].dtype}))
    return pd.Series(pd.MultiIndex.from_frame(rows[["unit_id", "fiscal_year"]]).isin(index),
                     index=rows.index)


def unit_type_code(given: object) -> str:
    """A unit type as its code: the code itself, or its Thai or English label
    (``สำนักงานเขต`` -> ``district_office``); 'unknown' when blank."""
    text = " ".join(str(given or "").split())
    if not text:
        return "unknown"
    for code, labels in UNIT_TYPES.items():
        if text.lower() in (code, *(label.lower() for label in labels)):
            return code
    return text
