"""Writes: imports are files in the store, the database a build from them; editors only."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ita_dash import queries
from ita_dash.auth import ANONYMOUS, NotAuthorized
from ita_dash.build import build_database
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.editing.imports import UndoError, import_history, undo_import
from ita_dash.editing.pipeline import ImportOptions, StaleError, prepare_import, run_import
from ita_dash.publish import Places, current_build, rebuild
from ita_dash.store.files import read_log
from tests.importer.conftest import EDITOR, assert_same, snapshot

LONG = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"
NEW_FIGURES = LONG + "สำนักงานเขตบางรัก,2567,ITA,80\nสำนักงานเขตบางรัก,2567,IIT,85\n"
REPLACING = LONG + "สำนักงานเขตบางรัก,2564,ITA,70\nสำนักงานเขตบางรัก,2567,ITA,81\n"
Reader = Callable[[], duckdb.DuckDBPyConnection]


def do_import(reader: Reader, text: str | bytes, name: str = "f.csv",
              **options: object) -> str | None:
    data = text.encode() if isinstance(text, str) else text
    con = reader()
    plan = prepare_import(con, data, name, ImportOptions(**options))
    assert plan.ok, "\n".join(plan.report.lines())
    return run_import(con, plan, actor=EDITOR).import_id


def assert_one_row_per_key(con: duckdb.DuckDBPyConnection) -> None:
    """``scores`` holds one figure per (dataset, unit, year, code): the table has no key of its
    own (``ita_dash.schema``), the validator and the import's write-over keep it so."""
    rows, keys = con.execute("SELECT count(*), count(DISTINCT (dataset, unit_id, fiscal_year, "
                             "code)) FROM scores").fetchone()
    assert rows == keys and rows > 0


def one(reader: Reader, sql: str) -> object:
    row = reader().execute(sql).fetchone()
    return None if row is None else row[0]


def test_an_import_is_a_folder_of_plain_files_and_a_log_line(places: Places,
                                                              reader: Reader) -> None:
    import_id = do_import(reader, NEW_FIGURES, "ผลปี 2567.csv")
    assert import_id == "imp-0001"
    folder = places.store / "imports" / "imp-0001"
    meta = json.loads((folder / "import.json").read_text(encoding="utf-8"))
    checksum = hashlib.sha256(NEW_FIGURES.encode()).hexdigest()
    assert (meta["file_name"], meta["checksum"], meta["imported_by"], meta["row_count"]) == (
        "ผลปี 2567.csv", checksum, "test-editor", 2)
    scores = pd.read_csv(folder / "scores.csv")
    assert scores[["unit_name_th", "fiscal_year", "code", "score", "source_ref"]].values.tolist() \
        == [["สำนักงานเขตบางรัก", 2567, "ITA", 80.0, "ผลปี 2567.csv"],
            ["สำนักงานเขตบางรัก", 2567, "IIT", 85.0, "ผลปี 2567.csv"]]
    [event] = read_log(places.store)
    assert (event.event, event.import_id, event.dataset) == ("import", "imp-0001", "real")
    con = reader()
    year = con.execute("SELECT score, iit FROM unit_years WHERE dataset = 'real' AND "
                       "unit_id = 'bkk-bangrak' AND fiscal_year = 2567").fetchall()
    assert year == [(80.0, 85.0)]  # the published build has it, derived
    assert con.execute("SELECT count(*) FROM scores WHERE import_id = 'imp-0001'").fetchone() == (2,)


def test_the_incremental_build_equals_a_full_build_from_the_files(places: Places,
                                                                   reader: Reader) -> None:
    do_import(reader, LONG + "เทศบาลตำบลใหม่,2567,ITA,80\n", add_units=True)
    do_import(reader, REPLACING, replace=True)
    assert_one_row_per_key(reader())
    incremental = snapshot(places.db_path, full=True)
    build = rebuild(places, full=True)  # everything again, from data/ and the store only
    assert current_build(places.db_path) == build
    assert_same(incremental, snapshot(places.db_path, full=True))
    assert_one_row_per_key(reader())


def test_same_file_twice_changes_nothing(places: Places, reader: Reader) -> None:
    assert do_import(reader, NEW_FIGURES) == "imp-0001"
    before = snapshot(places.db_path, full=True)
    plan = prepare_import(reader(), NEW_FIGURES.encode(), "f.csv", ImportOptions(replace=True))
    outcome = run_import(reader(), plan, actor=EDITOR)
    assert outcome.import_id is None and outcome.written == 0
    assert plan.counts()["same"] == 2
    assert "this file was imported before" in plan.report.frame()["problem_en"].tolist()
    assert_same(before, snapshot(places.db_path, full=True))
    assert len(read_log(places.store)) == 1


def test_replace_needs_the_option_and_undo_restores(places: Places, reader: Reader) -> None:
    before = snapshot(places.db_path, full=True)
    plan = prepare_import(reader(), REPLACING.encode(), "f.csv", ImportOptions())
    problems = plan.report.frame()
    assert not plan.ok
    assert problems[["row", "value", "stored"]].values.tolist() == [[2, "70", "62.19"]]
    import_id = do_import(reader, REPLACING, replace=True)
    assert one(reader, "SELECT score FROM scores WHERE unit_id = 'bkk-bangrak' AND "
                       "fiscal_year = 2564 AND code = 'ITA'") == 70.0
    done = undo_import(str(import_id), actor=EDITOR)
    assert done == {"removed": 2, "restored": 1, "units_removed": 0}
    after = snapshot(places.db_path, full=True)
    for table in ("export_real", "export_demo", "scores", "units", "node_values", "unit_years"):
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)
    history = import_history()
    assert history["undone_at"].notna().all() and len(history) == 1


def test_added_units_are_removed_by_undo(reader: Reader) -> None:
    text = LONG + "เทศบาลตำบลใหม่,2567,ITA,80\n"
    plan = prepare_import(reader(), text.encode(), "f.csv", ImportOptions())
    assert "unknown unit (closest known names: " in plan.report.frame()["problem_en"].iloc[0]
    import_id = do_import(reader, text, add_units=True)
    con = reader()
    unit = con.execute("SELECT unit_id, origin, source_id FROM units "
                       "WHERE name_th = 'เทศบาลตำบลใหม่'").fetchall()
    assert unit == [(unit[0][0], "import", import_id)]
    assert queries.find_unit(con, name="เทศบาลตำบลใหม่") == unit[0][0]
    undo_import(str(import_id), actor=EDITOR)
    con = reader()
    assert con.execute("SELECT count(*) FROM units WHERE origin = 'import'").fetchone() == (0,)
    assert queries.find_unit(con, name="เทศบาลตำบลใหม่") is None


def test_undo_of_an_earlier_import_keeps_later_figures(places: Places, reader: Reader) -> None:
    first = str(do_import(reader, NEW_FIGURES))
    second = str(do_import(reader, LONG + "สำนักงานเขตบางรัก,2567,ITA,90\n", replace=True))
    undo_import(first, actor=EDITOR)  # the later import still holds ITA 90; IIT 85 goes
    con = reader()
    assert_one_row_per_key(con)
    assert con.execute("SELECT code, score, import_id FROM scores WHERE import_id IS NOT NULL"
                       ).fetchall() == [("ITA", 90.0, second)]
    undo_import(second, actor=EDITOR)
    assert one(reader, "SELECT count(*) FROM scores WHERE import_id IS NOT NULL") == 0
    with pytest.raises(UndoError, match="already undone"):
        undo_import(first, actor=EDITOR)
    with pytest.raises(UndoError, match="no import"):
        undo_import("imp-9999", actor=EDITOR)
    assert import_history()["import_id"].tolist() == [second, first]
    assert [e.event for e in read_log(places.store)] == ["import", "import", "undo", "undo"]


def test_undo_is_refused_while_a_later_import_uses_the_units_it_added(reader: Reader) -> None:
    first = str(do_import(reader, LONG + "เทศบาลตำบลใหม่,2567,ITA,80\n", add_units=True))
    second = str(do_import(reader, LONG + "เทศบาลตำบลใหม่,2567,OIT,70\n"))
    with pytest.raises(UndoError, match=f"undo {second} first"):
        undo_import(first, actor=EDITOR)
    undo_import(second, actor=EDITOR)
    undo_import(first, actor=EDITOR)
    assert one(reader, "SELECT count(*) FROM units WHERE origin = 'import'") == 0


def test_anonymous_may_not_write(places: Places, reader: Reader) -> None:
    plan = prepare_import(reader(), NEW_FIGURES.encode(), "f.csv", ImportOptions())
    assert plan.ok
    build = current_build(places.db_path)
    for actor in (None, ANONYMOUS):
        with pytest.raises(NotAuthorized):
            run_import(reader(), plan, actor=actor)
    assert current_build(places.db_path) == build and not read_log(places.store)
    import_id = str(do_import(reader, NEW_FIGURES))
    with pytest.raises(NotAuthorized):
        undo_import(import_id, actor=ANONYMOUS)
    assert len(read_log(places.store)) == 1


def test_dry_run_writes_nothing(places: Places, reader: Reader) -> None:
    before = snapshot(places.db_path)
    build = current_build(places.db_path)
    plan = prepare_import(reader(), REPLACING.encode(), "f.csv", ImportOptions(replace=True))
    outcome = run_import(reader(), plan, actor=None, dry_run=True)
    assert outcome.dry_run and outcome.import_id is None
    assert outcome.counts["replace"] == 1 and outcome.counts["new"] == 1
    assert_same(before, snapshot(places.db_path))
    assert current_build(places.db_path) == build and not read_log(places.store)


def test_stale_plan_is_refused(places: Places, reader: Reader) -> None:
    plan = prepare_import(reader(), NEW_FIGURES.encode(), "f.csv", ImportOptions())
    do_import(reader, LONG + "สำนักงานเขตบางรัก,2567,ITA,75\n")
    with pytest.raises(StaleError):
        run_import(reader(), plan, actor=EDITOR)
    assert [e.import_id for e in read_log(places.store)] == ["imp-0001"]
    assert one(reader, "SELECT count(*) FROM scores WHERE import_id = 'imp-0002'") == 0
    assert not list((places.store / "imports").glob("imp-0002*"))


def test_inconsistent_totals_are_warnings(reader: Reader) -> None:
    items = "".join(f"สำนักงานเขตบางรัก,2567,I{i},80\n" for i in range(1, 13))
    text = LONG + items + "สำนักงานเขตบางรัก,2567,IIT,90\n"
    plan = prepare_import(reader(), text.encode(), "f.csv", ImportOptions())
    run_import(reader(), plan, actor=None, dry_run=True)
    warnings = plan.report.frame().query("severity == 'warning'")
    assert warnings[["row", "column", "value"]].values.tolist() == [[14, "คะแนน", "90"]]
    assert "code IIT differs from the value recomputed from its parts (80)" in \
        warnings["problem_en"].iloc[0]
    plan = prepare_import(reader(), text.encode(), "f.csv", ImportOptions())
    outcome = run_import(reader(), plan, actor=EDITOR)
    assert outcome.import_id and outcome.warnings == 1


def test_a_rebuild_reads_imports_from_the_store_and_undo_still_works(cli, places: Places,
                                                                     reader: Reader) -> None:
    new_id = do_import(reader, LONG + "เทศบาลตำบลใหม่,2567,ITA,80\n", add_units=True)
    replace_id = do_import(reader, REPLACING, replace=True)
    before = snapshot(places.db_path, full=True)
    for path in places.builds.glob("*.duckdb"):
        path.unlink()  # the database is only a cache: throw every build away
    places.db_path.unlink()
    code, out = cli("build")
    assert code == 0, out
    assert_same(before, snapshot(places.db_path, full=True))
    code, out = cli("undo", str(replace_id))
    assert code == 0 and "restored 1" in out
    code, out = cli("undo", str(new_id))
    assert code == 0 and "removed 1 units" in out
    assert one(reader, "SELECT score FROM scores WHERE unit_id = 'bkk-bangrak' AND "
                       "fiscal_year = 2564 AND code = 'ITA'") == 62.19
    assert one(reader, "SELECT count(*) FROM units WHERE origin = 'import'") == 0


def test_round_trip_after_rebuild_from_data(tmp_path: Path, places: Places,
                                            reader: Reader) -> None:
    """An export of imported figures, imported into a fresh store, exports the same."""
    do_import(reader, LONG + "เทศบาลตำบลใหม่,2567,ITA,80\nเทศบาลตำบลใหม่,2567,OIT,75.25\n",
              add_units=True)
    exported = queries.export_scores(reader(), dataset="real")
    fresh = Places(tmp_path / "fresh" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store2")
    plan = prepare_import(duckdb.connect(str(build_database(
        tmp_path / "base.duckdb", DEFAULT_DATA_DIR))), exported.to_csv(index=False).encode(),
        "export.csv", ImportOptions(add_units=True))
    assert plan.ok
    run_import(duckdb.connect(str(tmp_path / "base.duckdb"), read_only=True), plan,
               actor=EDITOR, places=fresh)
    again = queries.export_scores(duckdb.connect(str(fresh.db_path), read_only=True),
                                  dataset="real")
    pd.testing.assert_frame_equal(again, exported)
