"""``python -m ita_dash import / import-history / undo / import-template``."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from tests.importer.conftest import assert_same, snapshot, write

LONG = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"


def test_import_history_and_undo(cli, db_env: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "scores 2567.csv", LONG + "บางรัก,2567,ITA,80\nบางรัก,2564,ITA,61\n")
    before = snapshot(db_env, full=True)
    code, out = cli("import", str(path), "--dataset", "real")
    assert code == 1 and "stored '62.19'" in out and "nothing was written" in out
    code, out = cli("import", str(path), "--dataset", "real", "--replace", "--dry-run")
    assert code == 0 and "dry run: would write 2 figures" in out
    assert_same(before, snapshot(db_env, full=True))
    code, out = cli("import", str(path), "--dataset", "real", "--replace")
    assert code == 0 and "imported 2 figures as imp-0001 (1 new, 1 replaced" in out
    code, out = cli("import", str(path), "--dataset", "real", "--replace")
    assert code == 0 and "nothing to change" in out
    code, out = cli("import-history")
    assert code == 0 and "imp-0001" in out and "scores 2567.csv" in out
    code, out = cli("undo", "imp-0001")
    assert code == 0 and "removed 2 figures, restored 1" in out
    code, out = cli("undo", "imp-0001")
    assert code == 1 and "already undone" in out
    after = snapshot(db_env, full=True)
    for table in ("export_real", "export_demo", "scores", "node_values", "unit_years"):
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_report_file(cli, tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, "bad.csv", LONG + "บางรัก,2567,ITA,101\n<b>x</b>,2567,ITA,1\n")
    report = tmp_path / f"report{suffix}"
    code, out = cli("import", str(path), "--dataset", "real", "--report", str(report))
    assert code == 1
    if suffix == ".csv":
        frame = pd.read_csv(report, encoding="utf-8-sig")
    else:
        frame = pd.read_excel(report)
    assert list(frame.columns) == ["severity", "file", "row", "column", "value", "stored",
                                   "problem_th", "problem_en"]
    assert frame["row"].tolist() == [2, 3]
    assert frame["value"].tolist() == ["101", "<b>x</b>"]
    assert frame["problem_th"].iloc[0] == "คะแนนต้องอยู่ระหว่าง 0 ถึง 100"


@pytest.mark.parametrize("layout", ["long", "wide"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_templates_have_thai_headers_and_import_unchanged(cli, db_env: Path, tmp_path: Path,
                                                          layout: str, fmt: str) -> None:
    out_path = tmp_path / f"template.{fmt}"
    args = ["import-template", "--layout", layout, "--format", fmt, "--out", str(out_path)]
    if layout == "wide":
        args += ["--framework", "bma-2567"]
    assert cli(*args)[0] == 0
    if fmt == "csv":
        frame = pd.read_csv(out_path, encoding="utf-8-sig")
    else:
        book = openpyxl.load_workbook(io.BytesIO(out_path.read_bytes()))
        assert book.sheetnames == ["คะแนน", "คำอธิบาย"]
        frame = pd.read_excel(out_path, sheet_name="คะแนน")
    assert list(frame.columns[:3]) == ["หน่วยงาน", "ปีงบประมาณ", "กรอบการประเมิน"]
    assert len(frame) >= 1
    if layout == "wide":
        assert {"ITA", "IIT_W", "9.1", "I12", "O22"} <= set(frame.columns)
    before = snapshot(db_env)
    code, out = cli("import", str(out_path), "--dataset", "real")
    assert code == 0 and "nothing to change" in out, out
    assert_same(before, snapshot(db_env))


def test_missing_file(cli) -> None:
    code, out = cli("import", "/nonexistent.csv", "--dataset", "real")
    assert code == 1 and "no such file" in out


def test_imported_rows_name_the_file_as_source(cli, db_env: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "ผลปี 2567.csv", LONG + "บางรัก,2567,ITA,80\n")
    assert cli("import", str(path), "--dataset", "real")[0] == 0
    con = duckdb.connect(str(db_env), read_only=True)
    try:
        row = con.execute("SELECT source_ref, import_id FROM scores "
                          "WHERE import_id IS NOT NULL").fetchall()
    finally:
        con.close()
    assert row == [("ผลปี 2567.csv", "imp-0001")]
    from ita_dash.editing.imports import import_history

    assert import_history()["imported_by"].str.startswith("cli:").tolist() == [True]
