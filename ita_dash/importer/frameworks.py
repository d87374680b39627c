"""Import a framework from the template: the rules of ``data/frameworks/``, then the store.

:func:`prepare_framework_import` reads the template (:mod:`.framework_files`), checks it
with the loader's framework rules together with ``data/frameworks/`` and the frameworks
already in the store (:func:`ita_dash.loader.check_frameworks`), then checks that every
stored score of a framework it replaces stays valid: the scores of ``data/`` (the
loader's own check) and the imported ones (unit, year and code named). Nothing is
written; :func:`ita_dash.editing.frameworks.commit_framework` writes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from ita_dash import rules
from ita_dash.framework.checks import check_frameworks, data_framework_parts, merge_framework_parts
from ita_dash.framework.index import Frameworks
from ita_dash.framework.model import PARTS, FrameworkParts
from ita_dash.importer.framework_files import Part, headers_of, read_parts
from ita_dash.importer.report import Report
from ita_dash.loader import read_sources
from ita_dash.problems import DataError, Problems
from ita_dash.publish import Places
from ita_dash.rows import Rows
from ita_dash.store.frameworks import (
    active_framework_events,
    active_framework_parts,
    load_with_store,
)

BROKEN_COLUMNS = ["unit_name_th", "fiscal_year", "code", "score", "import_id", "reason_th",
                  "reason_en"]


@dataclass
class FrameworkPlan:
    """A checked framework template: what it holds, what it replaces, the report."""

    file_name: str
    checksum: str
    report: Report
    parts: FrameworkParts | None = None
    framework_id: str = ""
    replaces: str | None = None  # "data/" or the store import it replaces; None: new
    nodes: pd.DataFrame = field(default_factory=pd.DataFrame)
    levels: pd.DataFrame = field(default_factory=pd.DataFrame)
    broken: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=BROKEN_COLUMNS))

    @property
    def ok(self) -> bool:
        return not self.report.has_errors and self.parts is not None

    def counts(self) -> dict[str, int]:
        return {"nodes": len(self.nodes), "levels": len(self.levels),
                "broken": len(self.broken), "errors": self.report.count("error"),
                "warnings": self.report.count("warning")}


def _checksum(files: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for _, data in files:
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _hand_over(out: Problems, report: Report, written: dict[str, dict[str, str]]) -> None:
    """The loader's problems into the report, each column named by the header as written."""
    frame = out.frame()
    if frame.empty:
        return
    frame["column"] = [written.get(str(f), {}).get(str(c), c) if isinstance(c, str) else c
                       for f, c in zip(frame["file"], frame["column"], strict=True)]
    report.add_parts([frame])


def _parts_of(parts: dict[str, Part], report: Report, out: Problems) -> FrameworkParts | None:
    if "frameworks" not in parts or "nodes" not in parts:
        return None
    fw = parts["frameworks"].rows
    if len(fw.records) != 1:
        report.add("error", None, None, len(fw.records),
                   "ส่วนกรอบการประเมินต้องมีหนึ่งแถวพอดี", "the framework part must hold exactly one row",
                   file=fw.path)
        return None
    levels = parts["levels"].rows if "levels" in parts else Rows("(ไม่มีระดับ / no levels)", [])
    line, row = fw.records[0]
    return FrameworkParts(fw, line, row, parts["nodes"].rows, levels)


def replaced_by(places: Places, framework_id: str) -> str | None:
    """Where the framework that ``framework_id`` would replace comes from, if any."""
    for event in reversed(active_framework_events(places.store)) if places.store else []:
        if event.meta.get("framework_id") == framework_id:
            return event.import_id
    scratch = Problems()
    if any(p.framework_id == framework_id for p in data_framework_parts(places.data_dir, scratch)):
        return "data/"
    return None


def prepare_framework_import(con: duckdb.DuckDBPyConnection, files: list[tuple[str, bytes]],
                             places: Places | None = None) -> FrameworkPlan:
    """Read and check a framework template against ``data/``, the store and the build ``con``;
    write nothing."""
    places = places or Places.default()
    name = " + ".join(n for n, _ in files)
    report = Report(name)
    plan = FrameworkPlan(name, _checksum(files), report)
    out = Problems()
    parts = read_parts(files, report, out)
    written = {p.rows.path: {**headers_of(p.part), **p.written} for p in parts.values()}
    new = _parts_of(parts, report, out)
    if new is None and not report.has_errors and not out.has_errors:
        title = PARTS["frameworks"][0]
        report.add("error", None, None, title, f"ไม่พบส่วน {title} ของแม่แบบ",
                   f"the template's part {title} is missing")
    if new is None or out.has_errors or report.has_errors:
        _hand_over(out, report, written)
        return plan
    fid = new.framework_id
    sources = set(read_sources(places.data_dir, Problems())["source_id"])
    merged = merge_framework_parts(data_framework_parts(places.data_dir, out),
                                   [*active_framework_parts(places.store, out), new])
    tables = check_frameworks(merged, out, sources)
    _hand_over(out, report, written)
    if report.has_errors:
        return plan
    plan.parts, plan.framework_id = new, fid
    plan.replaces = replaced_by(places, fid)
    plan.nodes = tables["framework_nodes"].query("framework_id == @fid")
    plan.levels = tables["rating_levels"]
    if not plan.levels.empty:
        plan.levels = plan.levels.query("framework_id == @fid")
    index = Frameworks.from_frames(tables["frameworks"], tables["framework_nodes"])
    if plan.replaces is not None:
        plan.broken = broken_scores(con, index, fid)
        _report_broken(report, plan.broken, fid)
        _check_data_files(places, new, report)
    if plan.replaces is None:
        report.add("info", None, None, fid, "กรอบการประเมินใหม่", "a new framework")
    else:
        report.add("info", None, None, fid, f"แทนที่กรอบการประเมินเดิม (จาก {plan.replaces})",
                   f"replaces the framework of the same id (from {plan.replaces})")
    return plan


def stored_scores(con: duckdb.DuckDBPyConnection, framework_id: str) -> pd.DataFrame:
    """The imported scores that use ``framework_id`` (those of data/ are checked by the
    loader, generated ones are generated again)."""
    return con.execute("""
        SELECT s.dataset, u.name_th AS unit_name_th, s.fiscal_year, s.framework_id, s.code,
               s.score, s.import_id
        FROM scores s JOIN units u USING (unit_id)
        WHERE s.framework_id = ? AND s.import_id IS NOT NULL
        ORDER BY s.import_id, u.name_th, s.fiscal_year, s.code""", [framework_id]).df()


def broken_scores(con: duckdb.DuckDBPyConnection, index: Frameworks,
                  framework_id: str) -> pd.DataFrame:
    """The stored scores of ``framework_id`` that the framework ``index`` would not accept:
    a year it does not cover, a code it drops, a score above a new maximum."""
    stored = stored_scores(con, framework_id)
    if stored.empty:
        return pd.DataFrame(columns=BROKEN_COLUMNS)
    frame = stored.assign(row=range(len(stored)), column="score", framework=framework_id,
                          year=stored["fiscal_year"].astype(str), value=stored["score"])
    scratch = Problems()
    passed = rules.frameworks(frame, index, scratch, year_column="fiscal_year",
                              framework_column="framework")
    passed = rules.codes(passed, index, scratch, column="code")
    rules.ranges(passed, index, scratch)
    found = scratch.frame()
    if found.empty:
        return pd.DataFrame(columns=BROKEN_COLUMNS)
    found = found.drop_duplicates("row")
    rows = stored.iloc[found["row"].astype(int).to_numpy()].reset_index(drop=True)
    return rows.assign(reason_th=found["problem_th"].to_numpy(),
                       reason_en=found["problem_en"].to_numpy())[BROKEN_COLUMNS]


def _report_broken(report: Report, broken: pd.DataFrame, framework_id: str) -> None:
    for r in broken.itertuples():
        report.add("error", None, "code", r.code,
                   f"คะแนนที่บันทึกไว้ของ {r.unit_name_th} ปี {r.fiscal_year} รหัส {r.code} "
                   f"(นำเข้าใน {r.import_id}) จะใช้ไม่ได้กับกรอบ {framework_id} ที่แก้ไข: {r.reason_th}",
                   f"the stored score of {r.unit_name_th}, {r.fiscal_year}, code {r.code} "
                   f"(import {r.import_id}) would no longer fit the corrected {framework_id}: "
                   f"{r.reason_en}", stored=r.score, file=str(r.import_id))


def _check_data_files(places: Places, new: FrameworkParts, report: Report) -> None:
    """The rows of ``data/`` that use frameworks (scores, references, measures, the item
    crosswalk…) under the corrected framework: the loader's own check, its problems naming
    the file and line."""
    try:
        load_with_store(places.data_dir, places.store, extra=[new])
    except DataError as exc:
        for p in exc.problems:
            report.add("error", p.row, p.column, p.value,
                       f"ข้อมูลใน data/ จะใช้ไม่ได้กับกรอบที่แก้ไข: {p.th}",
                       f"a row of data/ would no longer fit the corrected framework: {p.en}",
                       file=p.file)


def plan_from_paths(con: duckdb.DuckDBPyConnection, paths: list[Path],
                    places: Places | None = None) -> FrameworkPlan:
    return prepare_framework_import(con, [(p.name, p.read_bytes()) for p in paths], places)


def part_titles() -> dict[str, str]:
    return {part: title for part, (title, _) in PARTS.items()}
