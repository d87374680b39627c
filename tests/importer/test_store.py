"""Writes: atomic, idempotent, recorded, undoable, kept by a rebuild; editors only."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ita_dash import queries
from ita_dash.build import build_database
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.derive import refresh_derived
from ita_dash.importer import ImportOptions, prepare_import, run_import
from ita_dash.importer.auth import ANONYMOUS, NotAuthorized
from ita_dash.importer.pipeline import StaleError
from ita_dash.importer.store import UndoError, import_history, undo_import, write_import
from tests.importer.conftest import EDITOR, assert_same, snapshot

LONG = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"
NEW_FIGURES = LONG + "สำนักงานเขตบางรัก,2567,ITA,80\nสำนักงานเขตบางรัก,2567,IIT,85\n"
REPLACING = LONG + "สำนักงานเขตบางรัก,2564,ITA,70\nสำนักงานเขตบางรัก,2567,ITA,81\n"


def do_import(con: duckdb.DuckDBPyConnection, text: str | bytes, name: str = "f.csv",
              **options: object) -> str | None:
    data = text.encode() if isinstance(text, str) else text
    plan = prepare_import(con, data, name, ImportOptions(**options))
    assert plan.ok, "\n".join(plan.report.lines())
    return run_import(con, plan, actor=EDITOR).import_id


def test_every_row_records_its_import(wcon: duckdb.DuckDBPyConnection) -> None:
    import_id = do_import(wcon, NEW_FIGURES, "ผลปี 2567.csv")
    rows = wcon.execute("""
        SELECT s.code, s.score, i.file_name, i.checksum, i.imported_by, i.row_count,
               i.imported_at IS NOT NULL
        FROM scores s JOIN imports i USING (import_id) ORDER BY s.code""").fetchall()
    import hashlib

    checksum = hashlib.sha256(NEW_FIGURES.encode()).hexdigest()
    assert rows == [("IIT", 85.0, "ผลปี 2567.csv", checksum, "test-editor", 2, True),
                    ("ITA", 80.0, "ผลปี 2567.csv", checksum, "test-editor", 2, True)]
    assert import_id == "imp-0001"
    year = wcon.execute("SELECT score, iit FROM unit_years WHERE dataset = 'real' AND "
                        "unit_id = 'bkk-bangrak' AND fiscal_year = 2567").fetchall()
    assert year == [(80.0, 85.0)]  # derived tables refreshed in the same transaction


def test_same_file_twice_changes_nothing(wcon: duckdb.DuckDBPyConnection, db_copy: Path) -> None:
    assert do_import(wcon, NEW_FIGURES) == "imp-0001"
    wcon.close()
    before = snapshot(db_copy, full=True)
    con = duckdb.connect(str(db_copy))
    try:
        plan = prepare_import(con, NEW_FIGURES.encode(), "f.csv", ImportOptions(replace=True))
        outcome = run_import(con, plan, actor=EDITOR)
    finally:
        con.close()
    assert outcome.import_id is None and outcome.written == 0
    assert plan.counts()["same"] == 2
    assert "this file was imported before" in plan.report.frame()["problem_en"].tolist()
    assert_same(before, snapshot(db_copy, full=True))


def test_replace_needs_the_option_and_undo_restores(db_copy: Path) -> None:
    before = snapshot(db_copy, full=True)
    con = duckdb.connect(str(db_copy))
    try:
        plan = prepare_import(con, REPLACING.encode(), "f.csv", ImportOptions())
        problems = plan.report.frame()
        assert not plan.ok
        assert problems[["row", "value", "stored"]].values.tolist() == [[2, "70", "62.19"]]
        import_id = do_import(con, REPLACING, replace=True)
        assert con.execute("SELECT score FROM scores WHERE unit_id = 'bkk-bangrak' AND "
                           "fiscal_year = 2564 AND code = 'ITA'").fetchone() == (70.0,)
        replaced = con.execute("SELECT score, source_id, import_id FROM replaced_scores").fetchall()
        assert replaced == [(62.19, "seed000", None)]
        done = undo_import(con, import_id, actor=EDITOR)
        assert done == {"removed": 2, "restored": 1, "units_removed": 0}
    finally:
        con.close()
    after = snapshot(db_copy, full=True)
    for table in ("export_real", "export_demo", "scores", "units", "node_values", "unit_years"):
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)
    history = after["imports"]
    assert history["undone_at"].notna().all() and len(history) == 1


def test_added_units_are_removed_by_undo(wcon: duckdb.DuckDBPyConnection) -> None:
    text = LONG + "เทศบาลตำบลใหม่,2567,ITA,80\n"
    plan = prepare_import(wcon, text.encode(), "f.csv", ImportOptions())
    assert "unknown unit (closest known names: " in plan.report.frame()["problem_en"].iloc[0]
    import_id = do_import(wcon, text, add_units=True)
    unit = wcon.execute("SELECT unit_id, origin, source_id FROM units "
                        "WHERE name_th = 'เทศบาลตำบลใหม่'").fetchall()
    assert unit == [(unit[0][0], "import", import_id)]
    assert queries.find_unit(wcon, name="เทศบาลตำบลใหม่") == unit[0][0]
    undo_import(wcon, import_id, actor=EDITOR)
    assert wcon.execute("SELECT count(*) FROM units WHERE origin = 'import'").fetchone() == (0,)
    assert queries.find_unit(wcon, name="เทศบาลตำบลใหม่") is None


def test_undo_order_is_enforced(wcon: duckdb.DuckDBPyConnection) -> None:
    first = do_import(wcon, NEW_FIGURES)
    second = do_import(wcon, LONG + "สำนักงานเขตบางรัก,2567,ITA,90\n", replace=True)
    with pytest.raises(UndoError, match=f"undo {second} first"):
        undo_import(wcon, first, actor=EDITOR)
    undo_import(wcon, second, actor=EDITOR)
    assert wcon.execute("SELECT score FROM scores WHERE import_id IS NOT NULL "
                        "AND code = 'ITA'").fetchall() == [(80.0,)]
    undo_import(wcon, first, actor=EDITOR)
    assert wcon.execute("SELECT count(*) FROM scores WHERE import_id IS NOT NULL").fetchone() == (0,)
    with pytest.raises(UndoError, match="already undone"):
        undo_import(wcon, first, actor=EDITOR)
    with pytest.raises(UndoError, match="no import"):
        undo_import(wcon, "imp-9999", actor=EDITOR)
    history = import_history(wcon)
    assert history["import_id"].tolist() == [second, first]


def test_anonymous_may_not_write(wcon: duckdb.DuckDBPyConnection, db_copy: Path) -> None:
    plan = prepare_import(wcon, NEW_FIGURES.encode(), "f.csv", ImportOptions())
    assert plan.ok
    wcon.execute("CHECKPOINT")
    before = wcon.execute("SELECT count(*) FROM scores").fetchone()
    for actor in (None, ANONYMOUS):
        with pytest.raises(NotAuthorized):
            run_import(wcon, plan, actor=actor)
        with pytest.raises(NotAuthorized):
            write_import(wcon, dataset="real", rows=plan.to_write, new_units=plan.new_units,
                         file_name="f.csv", checksum="x", actor=actor, note="")
    import_id = do_import(wcon, NEW_FIGURES)
    with pytest.raises(NotAuthorized):
        undo_import(wcon, import_id, actor=ANONYMOUS)
    assert wcon.execute("SELECT count(*) FROM scores").fetchone()[0] == before[0] + 2


def test_dry_run_writes_nothing(db_copy: Path) -> None:
    before = snapshot(db_copy)
    con = duckdb.connect(str(db_copy))
    try:
        plan = prepare_import(con, REPLACING.encode(), "f.csv", ImportOptions(replace=True))
        outcome = run_import(con, plan, actor=None, dry_run=True)
    finally:
        con.close()
    assert outcome.dry_run and outcome.import_id is None
    assert outcome.counts["replace"] == 1 and outcome.counts["new"] == 1
    assert_same(before, snapshot(db_copy))


def test_stale_plan_is_refused(wcon: duckdb.DuckDBPyConnection) -> None:
    plan = prepare_import(wcon, NEW_FIGURES.encode(), "f.csv", ImportOptions())
    do_import(wcon, LONG + "สำนักงานเขตบางรัก,2567,ITA,75\n")
    with pytest.raises(StaleError):
        run_import(wcon, plan, actor=EDITOR)
    assert wcon.execute("SELECT count(*) FROM imports").fetchone() == (1,)
    assert wcon.execute("SELECT count(*) FROM scores WHERE import_id = 'imp-0002'").fetchone() \
        == (0,)


def test_inconsistent_totals_are_warnings(wcon: duckdb.DuckDBPyConnection) -> None:
    items = "".join(f"สำนักงานเขตบางรัก,2567,I{i},80\n" for i in range(1, 13))
    text = LONG + items + "สำนักงานเขตบางรัก,2567,IIT,90\n"
    plan = prepare_import(wcon, text.encode(), "f.csv", ImportOptions())
    run_import(wcon, plan, actor=None, dry_run=True)
    warnings = plan.report.frame().query("severity == 'warning'")
    assert warnings[["row", "column", "value"]].values.tolist() == [[14, "คะแนน", "90"]]
    assert "code IIT differs from the value recomputed from its parts (80)" in \
        warnings["problem_en"].iloc[0]
    plan = prepare_import(wcon, text.encode(), "f.csv", ImportOptions())
    outcome = run_import(wcon, plan, actor=EDITOR)
    assert outcome.import_id and outcome.warnings == 1


def test_rebuild_keeps_imports_and_undo_still_works(cli, db_env: Path) -> None:
    con = duckdb.connect(str(db_env))
    try:
        new_id = do_import(con, LONG + "เทศบาลตำบลใหม่,2567,ITA,80\n", add_units=True)
        replace_id = do_import(con, REPLACING, replace=True)
    finally:
        con.close()
    before = snapshot(db_env, full=True)
    code, out = cli("build")
    assert code == 0, out
    after = snapshot(db_env, full=True)
    for table in ("export_real", "export_demo", "units", "imports", "replaced_scores"):
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)
    code, out = cli("undo", replace_id)
    assert code == 0 and "restored 1" in out
    code, out = cli("undo", new_id)
    assert code == 0 and "removed 1 units" in out
    con = duckdb.connect(str(db_env), read_only=True)
    try:
        assert con.execute("SELECT score FROM scores WHERE unit_id = 'bkk-bangrak' AND "
                           "fiscal_year = 2564 AND code = 'ITA'").fetchone() == (62.19,)
        assert con.execute("SELECT count(*) FROM units WHERE origin = 'import'").fetchone() == (0,)
    finally:
        con.close()


def test_round_trip_into_an_empty_database(tmp_path: Path, built_db: Path) -> None:
    """export -> import into a database without real scores -> export: identical."""
    con = duckdb.connect(str(built_db), read_only=True)
    exported = queries.export_scores(con, dataset="real")
    con.close()
    data = exported.to_csv(index=False).encode("utf-8-sig")
    path = tmp_path / "empty.duckdb"
    shutil.copy(built_db, path)
    con = duckdb.connect(str(path))
    try:
        con.execute("DELETE FROM scores WHERE dataset = 'real'")
        refresh_derived(con, "real")
        assert do_import(con, data, "export.csv") == "imp-0001"
        pd.testing.assert_frame_equal(queries.export_scores(con, dataset="real"), exported)
        assert do_import(con, data, "export.csv") is None  # and again: nothing changes
    finally:
        con.close()


def test_round_trip_after_rebuild_from_data(tmp_path: Path) -> None:
    """An export of imported figures, imported into a fresh build, exports the same."""
    path = build_database(tmp_path / "a.duckdb", DEFAULT_DATA_DIR, datasets=("real",))
    con = duckdb.connect(str(path))
    try:
        do_import(con, LONG + "เทศบาลตำบลใหม่,2567,ITA,80\nเทศบาลตำบลใหม่,2567,OIT,75.25\n",
                  add_units=True)
        exported = queries.export_scores(con, dataset="real")
    finally:
        con.close()
    fresh = build_database(tmp_path / "b.duckdb", DEFAULT_DATA_DIR, datasets=("real",))
    con = duckdb.connect(str(fresh))
    try:
        do_import(con, exported.to_csv(index=False), "export.csv", add_units=True)
        again = queries.export_scores(con, dataset="real")
    finally:
        con.close()
    pd.testing.assert_frame_equal(again, exported)
