"""The corpus of bad files: each is refused with its message, and nothing changes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.importer.conftest import assert_same, snapshot
from tests.importer.xlsx_cases import BAD_XLSX

BAD_DIR = Path(__file__).parent / "bad_files"
EXPECTED = {r["file"]: r["expected"]
            for r in csv.DictReader((BAD_DIR / "EXPECTED.csv").open(encoding="utf-8"))}


def test_corpus_is_complete() -> None:
    files = {p.name for p in BAD_DIR.iterdir() if p.name != "EXPECTED.csv"}
    assert files == set(EXPECTED)
    assert len(EXPECTED) + len(BAD_XLSX) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused(name: str, cli, db_env: Path) -> None:
    before = snapshot(db_env)
    code, out = cli("import", str(BAD_DIR / name), "--dataset", "real")
    assert code == 1, out
    assert EXPECTED[name] in out
    assert "nothing was written" in out
    assert_same(before, snapshot(db_env))


@pytest.mark.parametrize("name", sorted(BAD_XLSX))
def test_bad_workbook_is_refused(name: str, cli, db_env: Path, tmp_path: Path) -> None:
    make, expected, row, limit = BAD_XLSX[name]
    path = tmp_path / name
    path.write_bytes(make())
    before = snapshot(db_env)
    args = ["import", str(path), "--dataset", "real"]
    if limit:
        args += ["--max-mb", str(limit / 1048576)]
    code, out = cli(*args)
    assert code == 1, out
    assert expected in out
    if row is not None:
        assert f"row {row}," in out
    assert_same(before, snapshot(db_env))


def test_huge_file_is_refused(cli, db_env: Path, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITA_IMPORT_MAX_MB", "20")
    path = tmp_path / "huge.csv"
    line = "สำนักงานเขตบางรัก,2567,ITA,80\n".encode()
    path.write_bytes("หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n".encode() + line * (21 * 2**20 // len(line)))
    before = snapshot(db_env)
    code, out = cli("import", str(path), "--dataset", "real")
    assert code == 1
    assert "file is larger than the limit (20 MB)" in out
    assert_same(before, snapshot(db_env))


def test_all_errors_are_listed_and_nothing_written(cli, db_env: Path, tmp_path: Path) -> None:
    """Good rows beside bad ones are not written either."""
    path = tmp_path / "mixed.csv"
    path.write_text("หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"
                    "สำนักงานเขตบางรัก,2567,ITA,80\n"
                    "สำนักงานเขตบางรัก,2567,IIT,101\n"
                    "สำนักงานเขตบางรกั,2567,EIT,80\n"
                    "สำนักงานเขตบางรัก,2555,OIT,80\n", encoding="utf-8")
    before = snapshot(db_env)
    code, out = cli("import", str(path), "--dataset", "real")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines() if line.startswith("[error]")] == [
        "[error] mixed.csv, row 3, column คะแนน, value '101'",
        "[error] mixed.csv, row 4, column หน่วยงาน, value 'สำนักงานเขตบางรกั'",
        "[error] mixed.csv, row 5, column ปีงบประมาณ, value '2555'"]
    assert_same(before, snapshot(db_env))
