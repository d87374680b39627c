"""Benchmark: import a national-scale year (about 8,300 new units, ~500,000 scores).

The file is generated from the Bangkok 2567 framework: synthetic items (as in
:mod:`ita_dash.demo`) and every sub-indicator, indicator and tool recomputed
from them and rounded to 2 decimals, 60 codes per unit, so the file is
internally consistent. Each format is imported into a fresh copy of the
database built from ``data/`` (real only), with ``--add-units``; the time
covers reading, validation, writing, the derived tables and the consistency
check (what ``python -m ita_dash import`` does).
"""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from ita_dash import config
from ita_dash.auth import Actor
from ita_dash.build import build_database, insert_frame, read_table
from ita_dash.config import open_duckdb
from ita_dash.db import open_read_only
from ita_dash.demo import synthetic_scores
from ita_dash.derive import refresh_derived
from ita_dash.editing.pipeline import ImportOptions, prepare_import, run_import
from ita_dash.importer.consistency import REFERENCE_TABLES
from ita_dash.publish import Places, ensure_current
from ita_dash.schema import create_schema

FRAMEWORK, YEAR = "bma-2567", 2567
KINDS = ("tool", "indicator", "subindicator", "item")
BENCH_ACTOR = Actor("bench", "cli", True)
TYPES = ("municipality", "subdistrict_admin", "department", "province", "university")
TARGETS_S = {"csv": 10.0, "csv-long": 10.0, "xlsx": 30.0, "xlsx-long": 30.0}


def national_year(base: duckdb.DuckDBPyConnection, units: int, seed: int = 8300) -> pd.DataFrame:
    """Long frame unit_name_th, unit_type, parent_org, code, score (60 codes per unit)."""
    mem = open_duckdb()
    try:
        create_schema(mem)
        for table in REFERENCE_TABLES:
            insert_frame(mem, table, read_table(base, table))
        ids = [f"u{i:05d}" for i in range(units)]
        items = synthetic_scores(mem, dataset="real", unit_ids=ids,
                                 year_frameworks=[(YEAR, FRAMEWORK)], seed=seed)
        mem.register("items", items)
        mem.execute("INSERT INTO scores BY NAME SELECT * FROM items")
        refresh_derived(mem, "real")
        values = mem.execute("""
            SELECT v.unit_id, v.code, round(v.value, 2) AS score
            FROM node_values v JOIN framework_nodes n USING (framework_id, code)
            WHERE v.kind IN ('tool', 'indicator', 'subindicator', 'item') AND v.value IS NOT NULL
            ORDER BY v.unit_id, n.seq""").df()
    finally:
        mem.close()
    number = values["unit_id"].str[1:].astype(int)
    values["unit_name_th"] = "หน่วยงานนำเข้าทดสอบ ที่ " + number.astype(str)
    values["unit_type"] = np.array(TYPES)[number % len(TYPES)]
    values["parent_org"] = "จังหวัดทดสอบ " + (number % 77 + 1).astype(str)
    return values.drop(columns="unit_id")


def long_file(values: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"หน่วยงาน": values["unit_name_th"], "ปีงบประมาณ": YEAR,
                         "กรอบการประเมิน": FRAMEWORK, "รหัส": values["code"],
                         "คะแนน": values["score"], "ประเภทหน่วยงาน": values["unit_type"],
                         "สังกัด": values["parent_org"]})


def wide_file(values: pd.DataFrame) -> pd.DataFrame:
    codes = list(dict.fromkeys(values["code"]))
    wide = values.pivot(index=["unit_name_th", "unit_type", "parent_org"], columns="code",
                        values="score")[codes].reset_index()
    wide.insert(1, "ปีงบประมาณ", YEAR)
    wide.insert(2, "กรอบการประเมิน", FRAMEWORK)
    return wide.rename(columns={"unit_name_th": "หน่วยงาน", "unit_type": "ประเภทหน่วยงาน",
                                "parent_org": "สังกัด"})


def file_bytes(values: pd.DataFrame, fmt: str) -> bytes:
    frame = long_file(values) if fmt.endswith("-long") else wide_file(values)
    if fmt.startswith("csv"):
        return frame.to_csv(index=False).encode("utf-8-sig")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        frame.to_excel(writer, index=False, sheet_name="ITA")
    return buffer.getvalue()


def peak_mb() -> float:
    """The peak resident memory of this process or of a finished child (a workbook reader)."""
    import resource

    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def time_import(places: Places, data: bytes, fmt: str) -> tuple[float, float, dict[str, int]]:
    """(seconds to validate, seconds in all, counts) of one import into ``places``: files
    written to the store and an incremental build published."""
    con = open_read_only(ensure_current(places))
    try:
        start = time.perf_counter()
        options = ImportOptions(dataset="real", add_units=True, max_bytes=len(data) + 1)
        plan = prepare_import(con, data, f"national-{YEAR}.{fmt.split('-')[0]}", options)
        checked = time.perf_counter()
        if not plan.ok:
            raise RuntimeError("\n".join(plan.report.lines(20)))
        outcome = run_import(con, plan, actor=BENCH_ACTOR, places=places)
        return checked - start, time.perf_counter() - start, outcome.counts
    finally:
        con.close()


def bench_import(*, units: int = 8300, formats: tuple[str, ...] = ("csv", "csv-long", "xlsx"),
                 workdir: Path | None = None) -> dict[str, float]:
    """Generate a national year in each format, import it, print and return the seconds."""
    with tempfile.TemporaryDirectory(prefix="ita-bench-import-") as tmp:
        root = workdir or Path(tmp)
        base = build_database(root / "base.duckdb", config.data_dir(), datasets=("real",))
        con = open_duckdb(base, read_only=True)
        try:
            values = national_year(con, units)
        finally:
            con.close()
        results = {}
        for fmt in formats:
            data = file_bytes(values, fmt)
            places = Places(root / fmt / "ita.duckdb", config.data_dir(), root / fmt / "store")
            checked, total, counts = time_import(places, data, fmt)
            results[fmt] = total
            target = TARGETS_S.get(fmt, 0)
            print(f"import {fmt}: {counts['units_new']} units, {counts['scores']} scores in "
                  f"{total:.1f} s (read+validate {checked:.1f} s; file {len(data) / 1048576:.1f} "
                  f"MB; target < {target:g} s; peak memory so far {peak_mb():.0f} MB)",
                  flush=True)
        return results
