"""Import one file: read, validate (no writes), then write in one transaction.

``prepare_import`` reads the current build and never writes. ``run_import`` hands a
plan without errors to the import store (:mod:`ita_dash.editing.imports`), which takes
the writer lock, re-checks the plan against the newest build, writes the import's
files and publishes an incremental build: all of it or nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from ita_dash.auth import Actor, require_editor
from ita_dash.cells import code_key
from ita_dash.config import open_duckdb
from ita_dash.editing import imports as store
from ita_dash.importer import consistency
from ita_dash.importer.catalog import Catalog
from ita_dash.importer.levels import add_conflict_warnings, compare_levels, level_conflicts
from ita_dash.importer.mapping import MapOptions, Mapped, decide
from ita_dash.importer.readers import read_table
from ita_dash.importer.report import Report
from ita_dash.importer.validate import compare_with_store, validate
from ita_dash.publish import Places
from ita_dash.thailand import UNIT_TYPES

Progress = Callable[[float, str], None]


class StaleError(Exception):
    """The stored figures changed between validation and writing."""


class NothingChanged(Exception):
    """Under the writer lock: the store already holds every figure of the file (the same
    file, imported at the same moment, was written first)."""


@dataclass
class ImportOptions:
    dataset: str = "real"
    add_units: bool = False
    replace: bool = False
    max_bytes: int | None = None
    sheet: str | None = None  # the XLSX worksheet to read (default: the first visible one)
    year: int | None = None  # the fiscal year of a file without a year column (--year)
    unit: str | None = None  # the unit of a file without a unit column (--unit)
    overrides: dict[str, str] = field(default_factory=dict)  # header -> target (--map)
    unit_types: dict[str, str] = field(default_factory=dict)  # new unit -> type (--unit-type)


@dataclass
class Plan:
    """A validated file: the figures to write and the report."""

    file_name: str
    checksum: str
    options: ImportOptions
    report: Report
    layout: str = ""
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    new_units: pd.DataFrame = field(default_factory=pd.DataFrame)
    n_file_rows: int = 0
    previous_import: str | None = None
    previewed: bool = False  # inconsistent totals already in the report
    mismatches: int = 0
    mapping: Mapped | None = None  # what each column became, and why
    levels: pd.DataFrame = field(default_factory=pd.DataFrame)  # printed levels to store

    @property
    def ok(self) -> bool:
        return not self.report.has_errors

    @property
    def to_write(self) -> pd.DataFrame:
        if self.rows.empty:
            return self.rows
        return self.rows[self.rows["status"] != "same"]

    def counts(self) -> dict[str, int]:
        status = self.rows["status"] if not self.rows.empty else pd.Series(dtype=str)
        return {"file_rows": self.n_file_rows, "scores": len(self.rows),
                "new": int((status == "new").sum()), "replace": int((status == "replace").sum()),
                "same": int((status == "same").sum()), "units_new": len(self.new_units),
                "levels": len(self.levels),
                "errors": self.report.count("error"), "warnings": self.report.count("warning")}


@dataclass
class Outcome:
    """What an import did (or, for a dry run, would do)."""

    import_id: str | None
    written: int
    counts: dict[str, int]
    dry_run: bool
    warnings: int


def _noop(_fraction: float, _text: str) -> None:
    return None


def prepare_import(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str,
                   options: ImportOptions, progress: Progress = _noop) -> Plan:
    """Read and validate a file against the database; write nothing."""
    report = Report(file_name)
    plan = Plan(file_name, hashlib.sha256(data).hexdigest(), options, report)
    catalog = Catalog.load(con, options.dataset)
    if options.dataset not in catalog.datasets:
        report.add("error", None, None, options.dataset, "ไม่รู้จักชุดข้อมูล", "unknown dataset")
        return plan
    progress(0.05, "read")
    raw = read_table(data, file_name, report, options.max_bytes, options.sheet)
    if raw is None:
        return plan
    unknown_types = sorted(set(options.unit_types.values()) - set(UNIT_TYPES) - {"unknown"})
    if unknown_types:
        listed = ", ".join(UNIT_TYPES)
        report.add("error", None, None, ", ".join(unknown_types),
                   f"ไม่รู้จักประเภทหน่วยงาน (ที่มี: {listed})", f"unknown unit type (known: {listed})")
        return plan
    mapped = decide(raw, catalog, report, MapOptions(options.year, options.unit,
                                                     dict(options.overrides)))
    plan.mapping = mapped
    if not mapped.ok:
        return plan
    progress(0.35, "validate")
    staged = validate(mapped.raw, catalog, report, add_units=options.add_units,
                      replace=options.replace, unit_type=mapped.unit_type,
                      unit_types=options.unit_types)
    plan.layout, plan.n_file_rows, plan.new_units = staged.layout, staged.n_file_rows, \
        staged.new_units
    if mapped.layout == "report":
        plan.layout = "report"
    if report.has_errors:
        return plan
    progress(0.65, "compare")
    plan.rows = compare_with_store(con, staged.rows, options.dataset, report,
                                   replace=options.replace)
    plan.levels = compare_levels(con, staged.levels, options.dataset, report,
                                 replace=options.replace)
    plan.previous_import = store.active_import_with_checksum(
        dataset=options.dataset, checksum=plan.checksum)
    if plan.previous_import:
        report.add("info", None, None, plan.previous_import,
                   "ไฟล์นี้เคยนำเข้าแล้ว", "this file was imported before")
    return plan


def preview_warnings(con: duckdb.DuckDBPyConnection, plan: Plan) -> int:
    """Add to the report the totals the import would leave inconsistent (no writes)."""
    if not plan.ok or plan.to_write.empty:
        return 0
    found = consistency.preview(con, plan.to_write, plan.options.dataset)
    plan.previewed = True
    plan.mismatches = consistency.add_warnings(plan.report, found, plan.rows)
    return plan.mismatches


def run_import(con: duckdb.DuckDBPyConnection, plan: Plan, *, actor: Actor | None,
               dry_run: bool = False, progress: Progress = _noop,
               on_wait: Callable[[], None] | None = None,
               places: Places | None = None) -> Outcome:
    """Store a validated plan and publish a build with it (or, with ``dry_run``, preview it).

    ``con`` reads the current build (for the preview); the write goes through the store.
    """
    if not plan.ok:
        raise ValueError("the file has errors: nothing was written")
    counts = plan.counts()
    if dry_run:
        warnings = plan.mismatches if plan.previewed else preview_warnings(con, plan)
        return Outcome(None, 0, {**counts, "warnings": plan.report.count("warning")}, True,
                       warnings)
    require_editor(actor)
    write = plan.to_write
    if write.empty and plan.levels.empty:
        progress(1.0, "done")
        return Outcome(None, 0, counts, False, 0)
    progress(0.75, "write")
    try:
        return _commit(con, plan, write, counts, actor, progress, on_wait, places)
    except NothingChanged:
        plan.report.add("info", None, None, None,
                        "ไม่มีอะไรเปลี่ยน: ข้อมูลทุกค่าในไฟล์ถูกบันทึกไว้แล้วระหว่างรอ",
                        "nothing changed: every figure of the file was stored meanwhile")
        progress(1.0, "done")
        same = {**counts, "new": 0, "replace": 0, "same": len(plan.rows), "units_new": 0}
        return Outcome(None, 0, same, False, 0)


def _commit(con: duckdb.DuckDBPyConnection, plan: Plan, write: pd.DataFrame,
            counts: dict[str, int], actor: Actor | None, progress: Progress,
            on_wait: Callable[[], None] | None, places: Places | None) -> Outcome:
    note = (f"new {counts['new']}, replaced {counts['replace']}, unchanged {counts['same']}, "
            f"units added {counts['units_new']}; layout {plan.layout}")
    committed = store.commit_import(
        dataset=plan.options.dataset, rows=write, new_units=plan.new_units,
        file_name=plan.file_name, checksum=plan.checksum, actor=actor, note=note, counts=counts,
        recheck=lambda current: recheck(current, plan), on_wait=on_wait, places=places,
        levels=plan.levels, mapping=mapping_record(plan))
    built = open_duckdb(committed.build.path, read_only=True)
    try:
        found = consistency.mismatches(built, write, plan.options.dataset)
        if not plan.levels.empty:
            add_conflict_warnings(plan.report, level_conflicts(
                built, dataset=plan.options.dataset, keys=plan.levels))
    finally:
        built.close()
    warnings = len(found) if plan.previewed else consistency.add_warnings(plan.report, found,
                                                                           plan.rows)
    progress(1.0, "done")
    return Outcome(committed.import_id, len(write),
                   {**counts, "warnings": plan.report.count("warning")}, False, warnings)


def mapping_record(plan: Plan) -> dict[str, object]:
    """The mapping used, kept with the import so that the file is read the same way again."""
    if plan.mapping is None:
        return {}
    options = plan.options
    return {"layout": plan.mapping.layout, "columns": plan.mapping.record(),
            "year": options.year, "unit": options.unit, "overrides": dict(options.overrides),
            "unit_types": dict(options.unit_types)}


def recheck(con: duckdb.DuckDBPyConnection, plan: Plan) -> None:
    """Under the writer lock: the stored figures must still be as validated."""
    scratch = Report(plan.file_name)
    columns = [c for c in plan.rows.columns if c not in ("status", "stored")]
    again = compare_with_store(con, plan.rows[columns], plan.options.dataset, scratch,
                               replace=plan.options.replace)
    codes = Catalog.load(con).frameworks.codes  # a framework corrected meanwhile
    known = all((str(f), code_key(str(c))) in codes
                for f, c in plan.rows[["framework_id", "code"]].drop_duplicates().itertuples(
                    index=False))
    if known and not scratch.has_errors and (again["status"] == "same").all():
        raise NothingChanged  # an identical import was written first: not refused
    if not known or scratch.has_errors or not again["status"].equals(plan.rows["status"]):
        raise StaleError("the stored figures changed since the file was checked: check it again"
                         " / ข้อมูลที่บันทึกไว้เปลี่ยนไประหว่างตรวจสอบ กรุณาตรวจสอบไฟล์อีกครั้ง")
