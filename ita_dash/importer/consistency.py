"""Totals that disagree with their parts (a warning, never an error).

The rule is :data:`ita_dash.derive.PRINTED_DIFFERS`, also that of
:func:`ita_dash.queries.consistency_checks`: a printed figure differs from the value
recomputed from its parts with the framework's points by more than 0.01. It is checked
on the derived tables, either inside the import's own transaction or, for a preview, in a
throw-away in-memory database holding only the unit-years the file touches.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_dash.build import insert_frame, read_table
from ita_dash.config import open_duckdb
from ita_dash.derive import PRINTED_DIFFERS, TOLERANCE, refresh_derived
from ita_dash.importer.report import Report
from ita_dash.schema import create_schema

REFERENCE_TABLES = ("frameworks", "framework_nodes", "rating_levels", "indicators", "tools")


def mismatches(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame,
               dataset: str) -> pd.DataFrame:
    """Printed vs recomputed figures of the unit-years in ``rows``."""
    pairs = rows[["unit_id", "fiscal_year"]].drop_duplicates()
    con.register("import_unit_years", pairs)
    try:
        return con.execute("""
            SELECT v.unit_id, v.fiscal_year, v.code, v.printed, round(v.recomputed, 4) AS recomputed
            FROM node_values v JOIN import_unit_years p USING (unit_id, fiscal_year)
            WHERE v.dataset = $dataset AND """ + PRINTED_DIFFERS + """
            ORDER BY v.fiscal_year, v.unit_id, v.code""",  # noqa: S608 - a constant rule
                           {"dataset": dataset, "tolerance": TOLERANCE}).df()
    finally:
        con.unregister("import_unit_years")


def add_warnings(report: Report, found: pd.DataFrame, rows: pd.DataFrame) -> int:
    """Report each mismatch at the file row and column of the printed figure."""
    if found.empty:
        return 0
    where = rows[["unit_id", "fiscal_year", "code", "row", "column"]]
    found = found.merge(where, how="left", on=["unit_id", "fiscal_year", "code"])
    first = rows.drop_duplicates(["unit_id", "fiscal_year"])[["unit_id", "fiscal_year", "row"]]
    found = found.merge(first.rename(columns={"row": "first_row"}), how="left",
                        on=["unit_id", "fiscal_year"])
    found["row"] = found["row"].fillna(found["first_row"])
    found["column"] = found["column"].fillna(found["code"])
    recomputed = found["recomputed"].map(lambda v: f"{v:g}")
    report.add_many("warning", found["row"], found["column"], found["printed"],
                    "รหัส " + found["code"] + " ไม่ตรงกับค่าที่คำนวณจากส่วนย่อย (" + recomputed + ")",
                    "code " + found["code"] + " differs from the value recomputed from its parts ("
                    + recomputed + ")")
    return len(found)


def preview(con: duckdb.DuckDBPyConnection, write: pd.DataFrame, dataset: str) -> pd.DataFrame:
    """Mismatches the import would leave, computed without touching ``con``."""
    mem = open_duckdb()
    try:
        create_schema(mem)
        for table in REFERENCE_TABLES:
            insert_frame(mem, table, read_table(con, table))
        pairs = write[["unit_id", "fiscal_year"]].drop_duplicates()
        con.register("import_unit_years", pairs)
        try:
            stored = con.execute("""
                SELECT s.* FROM scores s JOIN import_unit_years p USING (unit_id, fiscal_year)
                WHERE s.dataset = ?""", [dataset]).df()
        finally:
            con.unregister("import_unit_years")
        incoming = write.assign(dataset=dataset, source_id=None, import_id="preview")
        keys = ["unit_id", "fiscal_year", "code"]
        kept = stored[~stored.set_index(keys).index.isin(incoming.set_index(keys).index)]
        merged = pd.concat([kept, incoming[stored.columns]], ignore_index=True)
        mem.register("merged", merged)
        mem.execute("INSERT INTO scores BY NAME SELECT * FROM merged")
        refresh_derived(mem, dataset, page_tables=False)
        return mismatches(mem, write, dataset)
    finally:
        mem.close()
