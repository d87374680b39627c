"""Validate a raw table against the database, before anything is written.

The result is a long frame of the scores to store (one row per unit, year and
code, with the file row and column it came from) and a row-by-row report.
Every check is vectorised: a national year (about 500,000 cells) takes seconds.
Errors about a whole row (unit, year, framework) are reported once per row;
errors about a figure once per cell.
"""

from __future__ import annotations

import difflib
import hashlib
import time
from dataclasses import dataclass, field
from typing import cast

import duckdb
import numpy as np
import pandas as pd

from ita_dash.importer.catalog import Catalog, code_key
from ita_dash.importer.columns import field_of
from ita_dash.importer.parse import is_formula, numbers, per_distinct, per_distinct_pair, texts
from ita_dash.importer.readers import RawTable
from ita_dash.importer.report import Report
from ita_dash.thai import district_short_name, name_key

TEXT_FIELDS = ("unit", "year", "framework", "code", "unit_type", "parent", "province", "source",
               "note")
SUGGEST_BUDGET_S = 3.0  # time spent looking for closest names of unknown units
MAX_NEW_UNIT_HINTS = 500  # beyond this many new units (a bulk load), no misspelling hints
MISSPELLING_CUTOFF = 0.85
SAME = 1e-9


@dataclass
class Staged:
    """The outcome of validation."""

    layout: str = ""
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    new_units: pd.DataFrame = field(default_factory=pd.DataFrame)
    n_file_rows: int = 0


@dataclass
class Checker:
    """Runs the checks of one file; rows with an error are dropped as it goes."""

    raw: RawTable
    catalog: Catalog
    report: Report
    add_units: bool = False
    replace: bool = False
    names: dict[str, str] = field(default_factory=dict)  # field -> header as written

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
            f = field_of(header)
            if f is None:
                others.append(i)
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
        if "level" in fields:
            self.report.add("warning", self.raw.header_row, self.names["level"], None,
                            "ไม่นำเข้าระดับผลการประเมิน ระบบคำนวณระดับตามเกณฑ์ของปีนั้นเอง",
                            "the level is not imported: it is computed under the year's rules")
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
        data = {"row": frame["_row"].to_numpy()}
        for f in (*TEXT_FIELDS, "score"):
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
        picked = self.raw.frame.set_index("_row").loc[rows["row"].to_numpy()]
        scores = np.concatenate([picked[i].to_numpy(dtype=object) for i in others]) if k else []
        data = {c: (rows[c].to_numpy()[position] if rows[c].dtype != object
                    else obj(rows[c].to_numpy(dtype=object)[position])) for c in rows.columns}
        data.update({"column": obj(np.repeat(headers, n)), "code": obj(np.repeat(headers, n)),
                     "score": obj(scores)})
        return pd.DataFrame(data)

    # ------------------------------------------------------------------- helpers

    def row_errors(self, rows: pd.DataFrame, mask: pd.Series, column: str, value: pd.Series,
                   th: pd.Series | str, en: pd.Series | str) -> None:
        """One error per file row (not per cell) for row-level fields."""
        if not mask.any():
            return
        sub = pd.DataFrame({"row": rows["row"], "value": value, "th": th, "en": en})[mask]
        sub = sub.drop_duplicates("row")
        self.report.add_many("error", sub["row"], column, sub["value"], sub["th"], sub["en"])

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
                column = long["column"] if f == "score" else self.header(f)
                self.report.add_many("error", long.loc[hit, "row"],
                                     column[hit] if f == "score" else column, long.loc[hit, f],
                                     "ช่องนี้เป็นสูตร ให้วางเป็นค่า (Paste Values) ก่อนนำเข้า",
                                     "the cell holds a formula: paste values only")
                bad |= hit
        return long[~bad]

    def scores(self, long: pd.DataFrame, layout: str) -> pd.DataFrame:
        value, missing, bad = numbers(long["score"])
        if layout == "long" and missing.any():
            self.report.add_many("warning", long.loc[missing, "row"], long.loc[missing, "column"],
                                 long.loc[missing, "score"], "ไม่มีคะแนน ข้ามแถวนี้",
                                 "no score: row skipped")
        self.report.add_many("error", long.loc[bad, "row"], long.loc[bad, "column"],
                             long.loc[bad, "score"], "คะแนนไม่ใช่ตัวเลข", "the score is not a number")
        long = long.assign(value=value)
        return long[~missing & ~bad]

    def units(self, long: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        names = texts(long["unit"])
        blank = names == ""
        self.row_errors(long, blank, self.header("unit"), names, "ไม่มีชื่อหน่วยงาน",
                        "the unit name is missing")
        resolver = self.catalog.resolver
        ids = per_distinct(names, lambda n: resolver.resolve(n) if n else None)
        unknown = ids.isna() & ~blank
        new_units = pd.DataFrame()
        if unknown.any() and self.add_units:
            new_units, new_ids = self.new_units(long[unknown], names[unknown])
            ids = ids.where(~unknown, new_ids)
            unknown = pd.Series(False, index=long.index)
        elif unknown.any():
            hints = per_distinct(names.where(unknown, ""), self.suggest)
            self.row_errors(long, unknown, self.header("unit"), names,
                            "ไม่รู้จักหน่วยงาน (ชื่อใกล้เคียง: " + hints + ") เพิ่มใหม่ได้ด้วย --add-units",
                            "unknown unit (closest known names: " + hints
                            + "); add it with --add-units")
        keep = ~blank & ~unknown
        return long[keep].assign(unit_id=ids[keep], unit_name=names[keep]), new_units

    def suggest(self, name: str) -> str:
        """Closest known names, within a time budget (a national list is long)."""
        if not name:
            return ""
        started = getattr(self, "_suggest_start", None) or time.monotonic()
        self._suggest_start = started
        if time.monotonic() - started > SUGGEST_BUDGET_S:
            return "…"
        return ", ".join(self.catalog.resolver.suggest(name)) or "-"

    def misspelt(self, name: str) -> str:
        """Known names so close to ``name`` that it may be a misspelling ('-' if none)."""
        resolver = self.catalog.resolver
        keys = difflib.get_close_matches(name_key(name), list(resolver.by_key), n=3,
                                         cutoff=MISSPELLING_CUTOFF)
        return ", ".join(resolver.names[k] for k in keys) or "-"

    def new_units(self, rows: pd.DataFrame, names: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
        keys = per_distinct(names, name_key)
        ids = per_distinct(keys, self.new_unit_id)
        info = pd.DataFrame({"unit_id": ids, "name_th": names, "row": rows["row"]})
        for f, column in (("unit_type", "unit_type"), ("parent", "parent_org"),
                          ("province", "province")):
            info[column] = texts(rows[f]) if f in rows else ""
        first = info.drop_duplicates("unit_id")
        units = self.unit_rows(info, first)
        hints = (first["name_th"].map(self.misspelt) if len(first) <= MAX_NEW_UNIT_HINTS
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
            "unit_type": first_filled("unit_type").map(lambda t: t or "unknown").to_numpy(),
            "parent_org": first_filled("parent_org").to_numpy(),
            "province": first_filled("province").to_numpy()})

    def new_unit_id(self, key: str) -> str:
        digest = hashlib.sha1(key.encode()).hexdigest()
        for length in (10, 16, 40):
            unit_id = f"imp-{digest[:length]}"
            if unit_id not in self.catalog.unit_ids:
                return unit_id
        raise ValueError(f"cannot make a unit id for {key!r}")

    def years(self, long: pd.DataFrame) -> pd.DataFrame:
        value, missing, bad = numbers(long["year"])
        whole = value.notna() & (value % 1 == 0)
        ok = whole & value.between(2500, 2700)
        looks_ce = whole & value.between(1900, 2200)
        th = pd.Series("ปีงบประมาณต้องเป็น พ.ศ. 4 หลัก เช่น 2567", index=long.index)
        en = pd.Series("the fiscal year must be a 4-digit Buddhist-Era year, e.g. 2567",
                       index=long.index)
        th[looks_ce] = "ปีนี้เป็น ค.ศ. ให้ใช้ พ.ศ. (ค.ศ. + 543)"
        en[looks_ce] = "this looks like a C.E. year: use the Buddhist Era (C.E. + 543)"
        th[missing] = "ไม่มีปีงบประมาณ"
        en[missing] = "the fiscal year is missing"
        self.row_errors(long, ~ok, self.header("year"), long["year"], th, en)
        return long[ok].assign(fiscal_year=value[ok].astype(int))

    def frameworks(self, long: pd.DataFrame, new_units: pd.DataFrame) -> pd.DataFrame:
        given = (texts(long["framework"]) if "framework" in long
                 else pd.Series("", index=long.index, dtype=object))
        types = {**self.catalog.unit_types, **(dict(zip(new_units["unit_id"], new_units[
            "unit_type"], strict=True)) if not new_units.empty else {})}
        keyed = given + "\x1f" + long["unit_id"].map(lambda u: types.get(u) or "").astype(object)
        resolved = per_distinct_pair(long["fiscal_year"], keyed, self.resolve_keyed)
        fid = per_distinct(resolved, lambda r: r[0])
        bad = fid.isna()
        column = self.header("framework") if "framework" in long else self.header("year")
        value = given.where(given != "", long["fiscal_year"].astype(str))
        self.row_errors(long, bad, column, value, per_distinct(resolved, lambda r: r[1]),
                        per_distinct(resolved, lambda r: r[2]))
        return long[~bad].assign(framework_id=fid[~bad])

    def resolve_keyed(self, year: object, keyed: object) -> tuple[str | None, str, str]:
        """:meth:`resolve_framework` of a year and 'framework given<US>unit type'."""
        given, _, unit_type = str(keyed).partition("\x1f")
        return self.resolve_framework(cast(int, year), given, unit_type)

    def resolve_framework(self, year: int, given: str,
                          unit_type: str = "") -> tuple[str | None, str, str]:
        f = self.catalog.frameworks
        if given:
            match = f[f["framework_id"].str.lower() == given.lower()]
            if not match.empty:
                r = match.iloc[0]
                if r.first_year <= year <= r.last_year:
                    return r.framework_id, "", ""
                return (None, f"ปี {year} ไม่อยู่ในกรอบการประเมิน {r.framework_id} "
                        f"(พ.ศ. {r.first_year}-{r.last_year})",
                        f"year {year} is outside framework {r.framework_id} "
                        f"({r.first_year}-{r.last_year})")
            by_assessor = [x for x in self.catalog.frameworks_for_year(year)
                           if f.set_index("framework_id").at[x, "assessor"].lower() == given.lower()]
            if len(by_assessor) == 1:
                return by_assessor[0], "", ""
            known = ", ".join(f["framework_id"])
            return (None, f"ไม่รู้จักกรอบการประเมิน (ที่มี: {known})",
                    f"unknown framework (known: {known})")
        return self.framework_of_year(year, unit_type)

    def framework_of_year(self, year: int, unit_type: str = "") -> tuple[str | None, str, str]:
        candidates = self.catalog.default_frameworks(year, unit_type)
        if len(candidates) == 1:
            return candidates[0], "", ""
        if not candidates:
            known = self.catalog.years_known()
            return (None, f"ไม่รู้จักปี {year}: ไม่มีกรอบการประเมินของปีนี้ (ปีที่มี: {known})",
                    f"unknown year {year}: no framework covers it (years known: {known})")
        listed = ", ".join(candidates)
        return (None, f"ปี {year} มีหลายกรอบการประเมิน ({listed}) ให้เพิ่มคอลัมน์ กรอบการประเมิน",
                f"several frameworks cover {year} ({listed}): add a framework column")

    def codes(self, long: pd.DataFrame, layout: str) -> pd.DataFrame:
        given = texts(long["code"])
        code = per_distinct_pair(long["framework_id"], given,
                                 lambda f, c: self.catalog.codes.get((f, code_key(c))))
        bad = code.isna()
        if bad.any():
            sub = long[bad].assign(code_text=given[bad])
            if layout == "wide":  # one error per column and framework, not per cell
                sub = sub.drop_duplicates(["column", "framework_id"])
            blank = sub["code_text"] == ""
            th = ("ไม่มีรหัสนี้ในกรอบการประเมิน " + sub["framework_id"]).where(~blank, "ไม่มีรหัส")
            en = ("code is not in framework " + sub["framework_id"]).where(~blank,
                                                                           "the code is missing")
            items = per_distinct_pair(sub["framework_id"], sub["code_text"],
                                      self.catalog.unknown_item_list)
            th = th.where(items.isna(), items.map(lambda m: m[0] if m else ""))
            en = en.where(items.isna(), items.map(lambda m: m[1] if m else ""))
            column = sub["column"] if layout == "wide" else self.header("code")
            self.report.add_many("error", sub["row"], column, sub["code_text"], th, en)
        return long[~bad].assign(code=code[~bad])

    def ranges(self, long: pd.DataFrame) -> pd.DataFrame:
        top = per_distinct_pair(long["framework_id"], long["code"],
                                lambda f, c: self.catalog.maxima[(f, c)]).astype(float)
        bad = ~long["value"].between(0, top)
        if bad.any():
            tops = top[bad].map(lambda t: f"{t:g}")
            self.report.add_many("error", long.loc[bad, "row"], long.loc[bad, "column"],
                                 long.loc[bad, "value"], "คะแนนต้องอยู่ระหว่าง 0 ถึง " + tops,
                                 "the score must be between 0 and " + tops)
        return long[~bad]

    def duplicates(self, long: pd.DataFrame) -> pd.DataFrame:
        keys = ["unit_id", "fiscal_year", "code"]
        grouped = long.groupby(keys, sort=False)
        first_value = grouped["value"].transform("first")
        first_row = grouped["row"].transform("first")
        later = long.duplicated(keys, keep="first")
        differs = later & (long["value"] - first_value).abs().gt(SAME)
        if differs.any():
            rows = first_row[differs].astype(str)
            values = first_value[differs].map(lambda v: f"{v:g}")
            self.report.add_many(
                "error", long.loc[differs, "row"], long.loc[differs, "column"],
                long.loc[differs, "value"],
                "ซ้ำกับแถว " + rows + " แต่คะแนนต่างกัน (" + values + ")",
                "duplicates row " + rows + " with a different score (" + values + ")")
        same = later & ~differs
        if same.any():
            rows = first_row[same].astype(str)
            self.report.add_many("info", long.loc[same, "row"], long.loc[same, "column"],
                                 long.loc[same, "value"], "ซ้ำกับแถว " + rows + " (คะแนนเท่ากัน นับครั้งเดียว)",
                                 "repeats row " + rows + " (same score, counted once)")
        conflicting = long.set_index(keys).index.isin(long[differs].set_index(keys).index)
        return long[~later & ~conflicting]

    def one_framework_per_unit_year(self, long: pd.DataFrame) -> pd.DataFrame:
        first = long.groupby(["unit_id", "fiscal_year"], sort=False)["framework_id"]
        first = first.transform("first")
        bad = long["framework_id"] != first
        if bad.any():
            self.row_errors(long[bad], bad[bad], self.header("framework"),
                            long.loc[bad, "framework_id"],
                            "หน่วยงานและปีเดียวกันใช้กรอบการประเมินต่างกัน " + first[bad],
                            "the same unit and year uses another framework too: " + first[bad])
        return long[~bad]


def validate(raw: RawTable, catalog: Catalog, report: Report, *, add_units: bool,
             replace: bool) -> Staged:
    """Run every check that needs no stored figures; return what remains valid."""
    checker = Checker(raw, catalog, report, add_units=add_units, replace=replace)
    fields, others = checker.map_columns()
    layout = checker.layout(fields, others)
    staged = Staged(layout=layout, n_file_rows=len(raw.frame))
    if report.has_errors:
        return staged
    rows = checker.file_rows(fields, layout)
    rows = checker.formulas(rows, ("unit", "year", "framework"))
    rows, staged.new_units = checker.units(rows)
    rows = checker.years(rows)
    rows = checker.frameworks(rows, staged.new_units)
    long = rows if layout == "long" else checker.cells(rows, others)
    long = checker.formulas(long, ("code", "score"))
    long = checker.scores(long, layout)
    long = checker.codes(long, layout)
    long = checker.ranges(long)
    long = checker.duplicates(long)
    long = checker.one_framework_per_unit_year(long)
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
