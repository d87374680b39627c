"""Editors enter a year's framework from the template, import scores against it, undo both."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from ita_dash.importer.framework_files import cell, framework_template
from ita_dash.importer.frameworks import prepare_framework_import
from ita_dash.publish import Places
from ita_dash.store.files import read_log
from tests.importer.conftest import write

Reader = Callable[[], duckdb.DuckDBPyConnection]
CLI = Callable[..., tuple[int, str]]

FRAMEWORK_2569 = ["nacc-2569", "NACC", 2569, 2569, "เกณฑ์การประเมิน ITA พ.ศ. 2569 (ทดสอบ)",
                  "NACC ITA framework 2569 (test)", "unknown", 85, "", "unconfirmed", "fw-notes",
                  "entered by an editor from the template"]
TOOLS = [("ITA", "", "total", "คะแนน ITA", "ITA score", 100),
         ("IIT", "ITA", "tool", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "IIT", 30),
         ("EIT", "ITA", "tool", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", "EIT", 30),
         ("OIT", "ITA", "tool", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ", "OIT", 40)]
INDICATORS = [(str(i), "IIT" if i <= 5 else "EIT" if i <= 8 else "OIT") for i in range(1, 11)]
LEVELS_2568 = [  # the scale of nacc-2568 (data/frameworks/nacc-2568/rating_levels.csv)
    (1, "EXCELLENT", "ผ่านดีเยี่ยม", "Pass – excellent", 95, 100, 95, "#1a7f37"),
    (2, "GOOD", "ผ่านดี", "Pass – good", 85, 100, 85, "#2e9e5b"),
    (3, "PASS", "ผ่าน", "Pass", 85, 100, None, "#7cb342"),
    (4, "IMPROVE", "ต้องปรับปรุง", "Needs improvement", 70, 84.99, None, "#f29d38"),
    (5, "URGENT", "ต้องปรับปรุงโดยด่วน", "Needs urgent improvement", 0, 69.99, None, "#d93025")]
NEW_UNIT = "องค์การบริหารส่วนตำบลทดสอบกรอบ 2569"
SCORES_2569 = ("หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"
               f"{NEW_UNIT},2569,IIT,98\n{NEW_UNIT},2569,EIT,84\n{NEW_UNIT},2569,OIT,99\n"
               f"{NEW_UNIT},2569,10,100\n")


def node_rows(indicators: list[tuple[str, str]] = INDICATORS) -> list[list[object]]:
    rows: list[list[object]] = [[c, p, k, th, en, pts, "unconfirmed", "fw-notes", ""]
                                for c, p, k, th, en, pts in TOOLS]
    rows += [[code, tool, "indicator", f"ตัวชี้วัดที่ {code}", f"Indicator {code}", None,
              "unconfirmed", "fw-notes", ""] for code, tool in indicators]
    return rows


def filled_template(nodes: list[list[object]] | None = None,
                    framework: list[object] | None = None) -> bytes:
    """The blank XLSX template with the 2569 framework typed into its three sheets."""
    [blank] = framework_template(None, fmt="xlsx").values()
    book = openpyxl.load_workbook(io.BytesIO(blank))
    book["กรอบการประเมิน"].append(framework or FRAMEWORK_2569)
    for row in nodes if nodes is not None else node_rows():
        book["รายการ"].append(row)
    for seq, code, th, en, low, high, each, color in LEVELS_2568:
        book["ระดับผลการประเมิน"].append([seq, code, th, en, low, high, each, color,
                                          "unconfirmed", "fw-notes", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def totals(cli: CLI, tmp_path: Path) -> pd.DataFrame:
    out = tmp_path / "totals.csv"
    code, text = cli("export", "--dataset", "real", "--totals", "--out", str(out))
    assert code == 0, text
    return pd.read_csv(out)


def test_blank_template_has_thai_headers_in_three_sheets() -> None:
    [data] = framework_template(None, fmt="xlsx").values()
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["กรอบการประเมิน", "รายการ", "ระดับผลการประเมิน", "คำอธิบาย"]
    assert [c.value for c in book["รายการ"][1]] == [
        "รหัส", "รหัสรายการแม่", "ชนิด", "ชื่อภาษาไทย", "ชื่อภาษาอังกฤษ", "คะแนนเต็ม", "สถานะ",
        "แหล่งที่มา", "หมายเหตุ"]
    assert book["รายการ"].max_row == 1  # blank: headers only


def test_2569_framework_from_the_template_then_scores_then_undo(
        places: Places, cli: CLI, reader: Reader, tmp_path: Path) -> None:
    template = tmp_path / "กรอบ 2569.xlsx"
    template.write_bytes(filled_template())
    code, text = cli("import-framework", str(template))
    assert code == 0, text
    assert "imported framework nacc-2569 as fw-0001 (14 nodes, 5 levels)" in text
    event = read_log(places.store)[-1]
    assert (event.event, event.import_id, event.meta["replaces"]) == ("framework", "fw-0001",
                                                                       "data/")
    stored = pd.read_csv(places.store / "frameworks" / "fw-0001" / "nodes.csv")
    assert list(stored["code"])[:4] == ["ITA", "IIT", "EIT", "OIT"]
    con = reader()
    assert con.execute("SELECT code, points FROM framework_nodes WHERE framework_id = "
                       "'nacc-2569' AND kind = 'tool' ORDER BY seq").fetchall() == [
        ("IIT", 30.0), ("EIT", 30.0), ("OIT", 40.0)]

    scores = write(tmp_path, "ผล 2569.csv", SCORES_2569)
    code, text = cli("import", str(scores), "--dataset", "real", "--add-units")
    assert code == 0, text
    assert "as imp-0001" in text
    row = totals(cli, tmp_path).query("fiscal_year == 2569").iloc[0]
    # 0.3 x 98 + 0.3 x 84 + 0.4 x 99 = 94.20; ผ่าน, not ผ่านดี: EIT 84 < 85
    assert (row["unit_name_th"], row["framework"], row["ita"], row["level_th"],
            row["level_source"]) == (NEW_UNIT, "nacc-2569", 94.2, "ผ่าน", "computed")

    code, text = cli("undo", "fw-0001")
    assert code == 1
    assert "scores imported later use it (imp-0001)" in text
    assert "ให้ยกเลิกรายการเหล่านั้นก่อน" in text

    code, text = cli("import-history")
    assert code == 0 and "fw-0001" in text and "imp-0001" in text

    assert cli("undo", "imp-0001")[0] == 0
    code, text = cli("undo", "fw-0001")
    assert code == 0, text
    con = reader()
    assert con.execute("SELECT code FROM framework_nodes WHERE framework_id = 'nacc-2569'"
                       ).fetchall() == [("ITA",)]  # the framework of data/ again
    assert con.execute("SELECT count(*) FROM rating_levels WHERE framework_id = 'nacc-2569'"
                       ).fetchone() == (0,)
    assert totals(cli, tmp_path).query("fiscal_year == 2569").empty


def test_a_correction_that_drops_a_used_code_is_refused_naming_the_scores(
        places: Places, cli: CLI, tmp_path: Path) -> None:
    first = tmp_path / "2569.xlsx"
    first.write_bytes(filled_template())
    assert cli("import-framework", str(first))[0] == 0
    scores = write(tmp_path, "ผล 2569.csv", SCORES_2569)
    assert cli("import", str(scores), "--dataset", "real", "--add-units")[0] == 0
    log = (places.store / "log.jsonl").read_bytes()

    corrected = tmp_path / "2569 แก้ไข.xlsx"
    corrected.write_bytes(filled_template(node_rows(INDICATORS[:9])))  # indicator 10 dropped
    code, text = cli("import-framework", str(corrected))
    assert code == 1
    assert (f"the stored score of {NEW_UNIT}, 2569, code 10 (import imp-0001) would no longer "
            "fit the corrected nacc-2569: code is not in framework nacc-2569") in text
    assert f"คะแนนที่บันทึกไว้ของ {NEW_UNIT} ปี 2569 รหัส 10" in text
    assert (places.store / "log.jsonl").read_bytes() == log  # nothing written


def test_a_malformed_template_row_names_file_row_column_and_value(
        places: Places, reader: Reader) -> None:
    nodes = node_rows()
    nodes[5][2] = "indicatr"  # indicator 2, sheet row 7 (header on row 1)
    plan = prepare_framework_import(reader(), [("bad.xlsx", filled_template(nodes))], places)
    assert not plan.ok
    [problem] = plan.report.errors()
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "bad.xlsx › รายการ", 7, "ชนิด", "indicatr")
    assert problem.th == "ชนิดของรายการไม่ถูกต้อง"
    assert problem.en.startswith("kind must be one of total, tool")


def test_csv_parts_and_an_unknown_source_use_the_rules_of_data(
        places: Places, reader: Reader) -> None:
    framework = ("รหัสกรอบการประเมิน,ผู้ประเมิน,ปีแรก,ปีสุดท้าย,ชื่อภาษาไทย,ชื่อภาษาอังกฤษ,"
                 "วิธีรวมคะแนน,เกณฑ์ผ่าน,สถานะ,แหล่งที่มา,ประเภทหน่วยงานที่ใช้\n"
                 "bma-2569,BMA,2569,2569,กรอบ กทม. 2569,BMA 2569,unknown,85,unconfirmed,no-such,"
                 "district_office\n")
    nodes = ("รหัส,รหัสรายการแม่,ชนิด,ชื่อภาษาไทย,ชื่อภาษาอังกฤษ,คะแนนเต็ม,สถานะ\n"
             "ITA,,total,คะแนน ITA,ITA,100,unconfirmed\n")
    plan = prepare_framework_import(reader(), [("f.csv", framework.encode()),
                                               ("n.csv", nodes.encode())], places)
    [problem] = plan.report.errors()
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "f.csv", 2, "แหล่งที่มา", "no-such")
    assert problem.en == "unknown source (see data/sources.csv)"


def test_a_new_year_overlapping_another_framework_is_refused(places: Places,
                                                              reader: Reader) -> None:
    clash = ["nacc-2568b", *FRAMEWORK_2569[1:2], 2568, 2568, *FRAMEWORK_2569[4:]]
    plan = prepare_framework_import(reader(), [("x.xlsx", filled_template(framework=clash))],
                                    places)
    assessor, default = plan.report.errors()
    assert (assessor.file, assessor.row, assessor.column, assessor.value) == (
        "x.xlsx › กรอบการประเมิน", 2, "ปีแรก", "2568")
    assert assessor.en == "assessor NACC already has a framework for 2568 (nacc-2568)"
    assert (default.column, default.en) == (
        "ประเภทหน่วยงานที่ใช้", "2568 already has a default framework for these units (nacc-2568)")


def test_the_store_keeps_the_framework_as_files(places: Places, cli: CLI,
                                                tmp_path: Path) -> None:
    template = tmp_path / "2569.xlsx"
    template.write_bytes(filled_template())
    assert cli("import-framework", str(template), "--dry-run")[0] == 0
    assert not (places.store / "frameworks").exists()  # a dry run writes nothing
    assert cli("import-framework", str(template))[0] == 0
    folder = places.store / "frameworks" / "fw-0001"
    meta = json.loads((folder / "import.json").read_text(encoding="utf-8"))
    assert (meta["framework_id"], meta["file_name"]) == ("nacc-2569", "2569.xlsx")
    levels = pd.read_csv(folder / "rating_levels.csv")
    assert list(levels["label_th"]) == [lvl[2] for lvl in LEVELS_2568]


@pytest.mark.parametrize("fmt", ["zip", "csv"])
def test_a_template_prefilled_from_a_framework_imports_unchanged(
        places: Places, reader: Reader, fmt: str) -> None:
    files = framework_template(reader(), framework_id="bma-2567", fmt=fmt)
    plan = prepare_framework_import(reader(), [(f"bma{s}", d) for s, d in files.items()], places)
    assert plan.ok, "\n".join(plan.report.lines())
    assert (plan.framework_id, plan.replaces, len(plan.nodes), len(plan.levels)) == (
        "bma-2567", "data/", 66, 5)  # as data/frameworks/bma-2567/


def test_a_later_import_of_the_same_framework_replaces_it_until_undone(
        places: Places, cli: CLI, reader: Reader, tmp_path: Path) -> None:
    first, second = tmp_path / "v1.xlsx", tmp_path / "v2.xlsx"
    first.write_bytes(filled_template())
    renamed = [*FRAMEWORK_2569[:4], "เกณฑ์ 2569 ฉบับแก้ไข", *FRAMEWORK_2569[5:]]
    second.write_bytes(filled_template(framework=renamed))
    assert cli("import-framework", str(first))[0] == 0
    code, text = cli("import-framework", str(second))
    assert code == 0, text
    assert "replaces the framework of the same id (from fw-0001)" in text

    def name() -> object:
        row = reader().execute("SELECT name_th FROM frameworks WHERE framework_id = 'nacc-2569'"
                               ).fetchone()
        return None if row is None else row[0]

    assert name() == "เกณฑ์ 2569 ฉบับแก้ไข"
    assert cli("undo", "fw-0002")[0] == 0
    assert name() == FRAMEWORK_2569[4]  # the first import is in force again
    assert cli("undo", "fw-0001")[0] == 0
    assert name() == "เกณฑ์การประเมิน ITA ของสำนักงาน ป.ป.ช. พ.ศ. 2569"  # data/


def test_risky_text_round_trips_and_formulas_are_refused(places: Places,
                                                         reader: Reader) -> None:
    nodes = node_rows()
    assert (cell("'-30 points"), cell("'sic"), cell(12.0)) == ("-30 points", "'sic", "12")
    nodes[4][8] = "-30 points unconfirmed"  # a note the template writes as inert text
    data = filled_template(nodes)
    plan = prepare_framework_import(reader(), [("ok.xlsx", data)], places)
    assert plan.ok, "\n".join(plan.report.lines())
    assert plan.nodes.set_index("code").loc["1", "note"] == "-30 points unconfirmed"
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["รายการ"]["F3"] = "=25+5"  # IIT's points as a formula
    out = io.BytesIO()
    book.save(out)
    plan = prepare_framework_import(reader(), [("f.xlsx", out.getvalue())], places)
    [problem] = plan.report.errors()
    assert (problem.file, problem.row, problem.value, problem.en) == (
        "f.xlsx › รายการ", 3, "=25+5", "formula cell: paste values")


def test_a_framework_folder_without_its_log_line_is_removed(places: Places, cli: CLI,
                                                            tmp_path: Path) -> None:
    """A writer killed between the folder and the log line leaves nothing in force."""
    from ita_dash.publish import clean_up, leftovers
    from ita_dash.store.frameworks import write_framework_folder

    template = tmp_path / "2569.xlsx"
    template.write_bytes(filled_template())
    plan = prepare_framework_import(duckdb.connect(str(places.db_path), read_only=True),
                                    [("2569.xlsx", template.read_bytes())], places)
    assert plan.parts is not None
    write_framework_folder(places.store, "fw-0001", plan.parts, {})
    assert leftovers(places)  # any command tidies it when no writer is running
    clean_up(places)
    assert list((places.store / "frameworks").iterdir()) == []
    assert not leftovers(places)
    code, text = cli("import-history")
    assert (code, text.strip()) == (0, "no imports yet / ยังไม่มีการนำเข้า")


def test_a_correction_that_breaks_a_figure_of_data_names_its_line(places: Places,
                                                                   reader: Reader) -> None:
    """bma-2567 without its item I1 (its points given to I2, so that IIT still adds up to
    30): data/real/scores.csv holds Samphanthawong's I1."""
    files = framework_template(reader(), framework_id="bma-2567", fmt="xlsx")
    book = openpyxl.load_workbook(io.BytesIO(next(iter(files.values()))))
    sheet = book["รายการ"]
    at = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(at["I2"], 6).value += sheet.cell(at["I1"], 6).value
    sheet.delete_rows(at["I1"])
    out = io.BytesIO()
    book.save(out)
    plan = prepare_framework_import(reader(), [("bma.xlsx", out.getvalue())], places)
    assert not plan.ok
    found = [p for p in plan.report.errors() if p.file == "data/real/scores.csv"]
    assert found and all(p.value == "I1" and p.column == "code" for p in found)
    assert found[0].row is not None  # the line of data/real/scores.csv
    assert found[0].en.startswith("a row of data/ would no longer fit the corrected framework: "
                                  "the item list of IIT in framework bma-2567 is unknown")


def test_a_template_workbook_is_read_in_the_score_files_bounded_child(
        reader_children: list[int]) -> None:
    """One spreadsheet reader: a template workbook is read like a score file, in a child
    process limited in memory and time, within the same bounds, with the same messages."""
    from ita_dash.importer import limits
    from ita_dash.importer.framework_files import read_parts
    from ita_dash.importer.report import Report
    from ita_dash.problems import Problems

    children = reader_children
    good = filled_template()
    report = Report("ok.xlsx")
    parts = read_parts([("ok.xlsx", good)], report, Problems())
    assert sorted(parts) == ["frameworks", "levels", "nodes"] and not report.has_errors
    assert len(parts["nodes"].rows.records) == 14 and len(children) == 1
    book = openpyxl.load_workbook(io.BytesIO(good))
    book["รายการ"].append(["x"] * (limits.COLUMNS.value + 1))
    out = io.BytesIO()
    book.save(out)
    report = Report("wide.xlsx")
    read_parts([("wide.xlsx", out.getvalue())], report, Problems())
    assert [(p.row, p.value, p.en) for p in report.errors()] == [
        (16, "301", "the file has more than 300 columns")]
    assert report.errors()[0].en == limits.COLUMNS.message()[1] and len(children) == 2
