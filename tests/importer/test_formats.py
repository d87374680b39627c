"""Readers and layouts: encodings, separators, Thai digits, title rows, merged cells, wide."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from ita_dash.editing.pipeline import ImportOptions, prepare_import, run_import
from tests.importer.conftest import EDITOR
from tests.importer.xlsx_cases import UNIT, good_merged_two_level_header, workbook

LONG = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"


def figures(con: duckdb.DuckDBPyConnection, data: bytes, name: str,
            **options: object) -> pd.DataFrame:
    plan = prepare_import(con, data, name, ImportOptions(**options))
    assert plan.ok, "\n".join(plan.report.lines())
    return plan.rows[["unit_id", "fiscal_year", "framework_id", "code", "score", "row",
                      "status"]].reset_index(drop=True)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_csv_encodings(wcon: duckdb.DuckDBPyConnection, encoding: str) -> None:
    data = (LONG + f"{UNIT},2567,ITA,80.5\n").encode(encoding)
    rows = figures(wcon, data, "f.csv")
    assert rows[["unit_id", "fiscal_year", "code", "score"]].values.tolist() == [
        ["bkk-bangrak", 2567, "ITA", 80.5]]


@pytest.mark.parametrize("sep", [",", "\t", ";"])
def test_separators(wcon: duckdb.DuckDBPyConnection, sep: str) -> None:
    data = f"หน่วยงาน{sep}ปีงบประมาณ{sep}รหัส{sep}คะแนน\n{UNIT}{sep}2567{sep}ITA{sep}80\n"
    assert figures(wcon, data.encode(), "f.csv")["score"].tolist() == [80.0]


def test_thai_digits_thousands_missing_and_title_rows(wcon: duckdb.DuckDBPyConnection) -> None:
    text = ("รายงานผลการประเมิน ITA,,,\n"
            "สำนักงานเขตบางรัก,,,\n"
            ",,,\n"
            "ชื่อหน่วยงาน,ปีงบประมาณ (พ.ศ.),รหัส,คะแนน\n"
            "เขตบางรัก,๒๕๖๗,ITA,๘๗.๖๗\n"
            'บางรัก,"2,567",IIT,"1,0"\n'.replace('"1,0"', "๙๐")
            + "บางรัก,2567,EIT,-\n"
            "บางรัก,2567,OIT,\n"
            "บางรัก, 2567 ,o1 , 100 \n")
    plan = prepare_import(wcon, text.encode(), "f.csv", ImportOptions())
    assert plan.ok, plan.report.lines()
    rows = plan.rows
    assert rows[["code", "score", "row"]].values.tolist() == [
        ["ITA", 87.67, 5], ["IIT", 90.0, 6], ["O1", 100.0, 9]]
    warnings = plan.report.frame().query("severity == 'warning'")
    assert warnings["row"].tolist() == [7, 8]
    assert set(warnings["problem_en"]) == {"no score: row skipped"}


def test_wide_csv(wcon: duckdb.DuckDBPyConnection) -> None:
    text = ("หน่วยงาน,ปีงบประมาณ,ITA,IIT,9.1,O1,o2\n"
            "สำนักงานเขตบางรัก,2567,80,85,,100,0\n"
            "สำนักงานเขตดุสิต,2567,-,70,50,,\n")
    rows = figures(wcon, text.encode(), "wide.csv")
    got = rows.sort_values(["unit_id", "code"])[["unit_id", "code", "score"]].values.tolist()
    assert got == [["bkk-bangrak", "IIT", 85.0], ["bkk-bangrak", "ITA", 80.0],
                   ["bkk-bangrak", "O1", 100.0], ["bkk-bangrak", "O2", 0.0],
                   ["bkk-dusit", "9.1", 50.0], ["bkk-dusit", "IIT", 70.0]]


def test_lower_case_codes_of_2568(wcon: duckdb.DuckDBPyConnection) -> None:
    text = LONG + "เทศบาลตำบลเขวาใหญ่,2568,I2,80\nเทศบาลตำบลเขวาใหญ่,2568,E5,70\n"
    rows = figures(wcon, text.encode(), "f.csv", replace=True)
    assert rows["code"].tolist() == ["i2", "e5"]


def test_xlsx_title_rows_and_merged_cells(wcon: duckdb.DuckDBPyConnection) -> None:
    rows = figures(wcon, good_merged_two_level_header(), "merged.xlsx")
    assert rows[["fiscal_year", "code", "score", "row", "status"]].values.tolist() == [
        [2564, "ITA", 62.19, 4, "same"], [2564, "IIT_W", 26.43, 4, "same"],
        [2567, "ITA", 85.5, 5, "new"]]
    assert set(rows["unit_id"]) == {"bkk-bangrak"}


def test_xlsx_numbers_as_headers_and_cells(wcon: duckdb.DuckDBPyConnection) -> None:
    data = workbook([["หน่วยงาน", "ปีงบประมาณ", 1, 9.1, 10, "I1"],
                     [UNIT, 2567.0, 80, 75.5, 60, 90]])
    rows = figures(wcon, data, "numbers.xlsx")
    assert rows[["code", "score"]].values.tolist() == [
        ["1", 80.0], ["9.1", 75.5], ["10", 60.0], ["I1", 90.0]]


def test_framework_column_and_assessor(wcon: duckdb.DuckDBPyConnection) -> None:
    text = ("หน่วยงาน,ปีงบประมาณ,กรอบการประเมิน,รหัส,คะแนน\n"
            f"{UNIT},2567,BMA-2567,ITA,80\n{UNIT},2565,NACC,ITA,70\n")
    rows = figures(wcon, text.encode(), "f.csv")
    assert rows["framework_id"].tolist() == ["bma-2567", "nacc-2563"]


def test_ambiguous_year_asks_for_the_framework(wcon: duckdb.DuckDBPyConnection) -> None:
    wcon.execute("""INSERT INTO frameworks (framework_id, assessor, first_year, last_year,
                    name_th, name_en, aggregation, pass_mark, unit_types)
                    VALUES ('bkk-own-2567', 'BMA-OWN', 2567, 2567, 'กรอบทดสอบ', 'Test framework',
                    'points', 85, 'district_office')""")
    wcon.execute("""INSERT INTO framework_nodes (framework_id, code, kind, seq, depth, status)
                    VALUES ('bkk-own-2567', 'ITA', 'total', 1, 0, 'printed')""")
    plan = prepare_import(wcon, (LONG + f"{UNIT},2567,ITA,80\n").encode(), "f.csv",
                          ImportOptions())
    assert not plan.ok
    assert ("several frameworks cover 2567 (bkk-own-2567, bma-2567): add a framework column"
            in plan.report.frame()["problem_en"].tolist())
    text = f"หน่วยงาน,ปีงบประมาณ,กรอบการประเมิน,รหัส,คะแนน\n{UNIT},2567,bkk-own-2567,ITA,80\n"
    assert figures(wcon, text.encode(), "f.csv")["framework_id"].tolist() == ["bkk-own-2567"]


def test_identical_repeated_rows_count_once(wcon: duckdb.DuckDBPyConnection) -> None:
    text = LONG + f"{UNIT},2567,ITA,80\nบางรัก,2567,ITA,80.00\n"
    plan = prepare_import(wcon, text.encode(), "f.csv", ImportOptions())
    assert plan.ok and len(plan.rows) == 1
    assert "repeats row 2 (same score, counted once)" in plan.report.frame()["problem_en"].values


def test_english_headers_and_optional_columns(reader) -> None:
    text = ("unit_name_th,fiscal_year,framework,code,score,unit_type,parent_org,source,note\n"
            "เทศบาลทดสอบใหม่,2567,bma-2567,ITA,80,municipality,อำเภอทดสอบ,รายงานปี 2567,ทดสอบ\n")
    plan = prepare_import(reader(), text.encode(), "f.csv", ImportOptions(add_units=True))
    assert plan.ok
    assert plan.new_units[["name_th", "short_th", "unit_type", "parent_org"]].values.tolist() == [
        ["เทศบาลทดสอบใหม่", "เทศบาลทดสอบใหม่", "municipality", "อำเภอทดสอบ"]]
    outcome = run_import(reader(), plan, actor=EDITOR)
    stored = reader().execute("SELECT source_id, source_ref, note, import_id FROM scores "
                              "WHERE unit_id = ?", [plan.new_units["unit_id"].iloc[0]]).fetchall()
    assert stored == [(None, "รายงานปี 2567", "ทดสอบ", outcome.import_id)]


def test_report_downloads_are_spreadsheet_safe(wcon: duckdb.DuckDBPyConnection) -> None:
    text = LONG + "=HYPERLINK(\"http://x\"),2567,ITA,80\n"
    plan = prepare_import(wcon, text.encode(), "f.csv", ImportOptions())
    csv_text = plan.report.to_csv_bytes().decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(plan.report.to_xlsx_bytes()))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in values  # inert text (OWASP), not a formula
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)


def test_new_unit_close_to_a_known_one_is_flagged(wcon: duckdb.DuckDBPyConnection) -> None:
    text = LONG + "สำนักงานเขตบางรกั,2567,ITA,80\nเทศบาลตำบลไกลมาก,2567,ITA,80\n"
    plan = prepare_import(wcon, text.encode(), "f.csv", ImportOptions(add_units=True))
    assert plan.ok
    frame = plan.report.frame()
    assert frame[["severity", "row"]].values.tolist() == [["warning", 2], ["info", 3]]
    assert frame["problem_en"].iloc[0].startswith(
        "new unit, it will be added: check it is not a misspelling of สำนักงานเขตบางรัก")
