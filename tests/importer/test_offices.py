"""Real offices' files (issue 17): each family of the corpus imports with
``import FILE --dataset real --add-units`` and every figure comes back exactly through
``export`` and ``export --totals``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ita_dash import queries
from ita_dash.publish import Places
from tests.importer import offices_corpus as corpus

Cli = Callable[..., tuple[int, str]]


def exported(cli: Cli, tmp_path: Path, units: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(scores, totals) of ``units`` as ``export`` and ``export --totals`` write them."""
    scores_csv, totals_csv = tmp_path / "export.csv", tmp_path / "totals.csv"
    assert cli("export", "--dataset", "real", "--out", str(scores_csv))[0] == 0
    assert cli("export", "--dataset", "real", "--totals", "--out", str(totals_csv))[0] == 0
    scores = pd.read_csv(scores_csv, encoding="utf-8-sig", dtype={"code": str})
    totals = pd.read_csv(totals_csv, encoding="utf-8-sig")
    return (scores[scores["unit_name_th"].isin(units)].reset_index(drop=True),
            totals[totals["unit_name_th"].isin(units)].reset_index(drop=True))


def figures(scores: pd.DataFrame, unit: str, year: int) -> dict[str, float]:
    rows = scores[(scores["unit_name_th"] == unit) & (scores["fiscal_year"] == year)]
    return dict(zip(rows["code"], rows["score"], strict=True))


def totals_row(totals: pd.DataFrame, unit: str, year: int) -> dict[str, object]:
    rows = totals[(totals["unit_name_th"] == unit) & (totals["fiscal_year"] == year)]
    assert len(rows) == 1, (unit, year, totals)
    return rows.iloc[0].to_dict()


def test_header_variants(cli: Cli, tmp_path: Path) -> None:
    path = corpus.header_variants(tmp_path)
    code, out = cli("import", str(path), "--dataset", "real", "--add-units", "--dry-run")
    assert code == 0, out
    assert "IIT (30) -> IIT_W: weighted points of 30 (header)" in out
    assert "คะเเนนรวม -> ITA" in out and "ลำดับ -> ignore" in out
    assert "ระดับผลการประเมิน -> level" in out
    code, out = cli("import", str(path), "--dataset", "real", "--add-units")
    assert code == 0 and "2 printed levels" in out, out
    scores, totals = exported(cli, tmp_path, ["กรมทดสอบระบบ", "องค์การบริหารส่วนตำบลทดสอบ"])
    assert figures(scores, "กรมทดสอบระบบ", 2565) == {
        "ITA": 91.4, "IIT_W": 27.3, "EIT_W": 26.1, "OIT_W": 38.0}
    first = totals_row(totals, "กรมทดสอบระบบ", 2565)
    assert (first["ita"], first["iit"], first["eit"], first["oit"]) == (91.4, 91.0, 87.0, 95.0)
    assert (first["level_th"], first["level_source"]) == ("A", "printed")
    second = totals_row(totals, "องค์การบริหารส่วนตำบลทดสอบ", 2565)
    assert (second["ita"], second["iit"], second["eit"], second["oit"]) == (78.5, 75.0, 80.0, 80.0)
    assert (second["level_th"], second["level_source"]) == ("B", "printed")


@pytest.mark.parametrize("weighted", [True, False])
def test_tool_scale_from_values(cli: Cli, tmp_path: Path, weighted: bool) -> None:
    path = corpus.silent_tools(tmp_path, weighted=weighted)
    code, out = cli("import", str(path), "--dataset", "real", "--add-units")
    assert code == 0, out
    assert ("decided from the values" in out) and ("IIT -> IIT_W" in out) == weighted
    scores, totals = exported(cli, tmp_path, ["กรมทดสอบระบบ"])
    row = totals_row(totals, "กรมทดสอบระบบ", 2565)
    assert (row["ita"], row["iit"], row["eit"], row["oit"]) == (91.4, 91.0, 87.0, 95.0)
    expected = ({"IIT_W": 27.3, "EIT_W": 26.1, "OIT_W": 38.0} if weighted
                else {"IIT": 91.0, "EIT": 87.0, "OIT": 95.0})
    assert figures(scores, "กรมทดสอบระบบ", 2565) == {"ITA": 91.4, **expected}
    assert row["level_source"] == "computed" and row["level_th"] == "A"


def test_ambiguous_tools_refused_with_a_question(cli: Cli, tmp_path: Path) -> None:
    path = corpus.silent_tools(tmp_path, weighted=True, with_total=False)
    code, out = cli("import", str(path), "--dataset", "real", "--add-units")
    assert code == 1 and "nothing was written" in out
    assert "are columns IIT, EIT, OIT scores of 0-100 or weighted points" in out
    assert "คอลัมน์ IIT, EIT, OIT เป็นคะแนนเต็ม 100 หรือคะแนนถ่วงน้ำหนัก" in out
    code, out = cli("import", str(path), "--dataset", "real", "--add-units",
                    "--map", "IIT=IIT_W,EIT=EIT_W,OIT=OIT_W")
    assert code == 0 and "IIT -> IIT_W: set by the editor" in out, out
    _, totals = exported(cli, tmp_path, ["กรมทดสอบระบบ"])
    row = totals_row(totals, "กรมทดสอบระบบ", 2565)
    assert (row["ita"], row["iit"], row["eit"], row["oit"]) == (91.4, 91.0, 87.0, 95.0)


def test_nacc_table_fill_down(cli: Cli, tmp_path: Path, places: Places) -> None:
    path = corpus.nacc_table_fill_down(tmp_path)
    code, out = cli("import", str(path), "--dataset", "real", "--add-units")
    assert code == 0, out
    assert "blank cells take the value above (written on the first row only): rows 3" in out
    assert "จังหวัด -> unit: the province is the unit" in out
    assert "ตัวชี้วัดที่ 1 -> 1: indicator by number" in out
    scores, totals = exported(cli, tmp_path, ["จังหวัดทดสอบเหนือ"])
    for year, indicators, total, tools in (
            (2564, corpus.INDICATORS_2564, 87.0, (90.0, 80.0, 90.0)),
            (2565, corpus.INDICATORS_2565, 92.0, (92.0, 88.0, 95.0))):
        assert figures(scores, "จังหวัดทดสอบเหนือ", year) == {
            "ITA": total, **{str(n): float(v) for n, v in enumerate(indicators, 1)}}
        row = totals_row(totals, "จังหวัดทดสอบเหนือ", year)
        assert (row["ita"], row["iit"], row["eit"], row["oit"]) == (total, *tools)
    # the same province written without its prefix is the known unit, not a second one
    again = tmp_path / "short.csv"
    again.write_text("จังหวัด,ปีงบประมาณ,คะแนน ITA\nทดสอบเหนือ,2566,93.5\n", encoding="utf-8")
    code, out = cli("import", str(again), "--dataset", "real", "--add-units")
    assert code == 0 and "this name is close to a known unit, read as จังหวัดทดสอบเหนือ" in out
    assert "0 new units" in out, out
    again.write_text("จังหวัด,ปีงบประมาณ,คะแนน ITA\nทดสอบใต้,2566,91.5\n", encoding="utf-8")
    assert cli("import", str(again), "--dataset", "real", "--add-units")[0] == 0
    con = duckdb.connect(str(places.db_path), read_only=True)
    try:  # a province written bare in a จังหวัด column is a province
        assert con.execute("SELECT unit_type FROM units WHERE name_th = 'ทดสอบใต้'"
                           ).fetchall() == [("province",)]
    finally:
        con.close()
    _, totals = exported(cli, tmp_path, ["จังหวัดทดสอบเหนือ", "ทดสอบเหนือ"])
    assert totals[["unit_name_th", "fiscal_year", "ita"]].values.tolist() == [
        ["จังหวัดทดสอบเหนือ", 2564, 87.0], ["จังหวัดทดสอบเหนือ", 2565, 92.0],
        ["จังหวัดทดสอบเหนือ", 2566, 93.5]]


def test_new_units_take_their_type_from_the_name(cli: Cli, tmp_path: Path, reader) -> None:
    assert cli("import", str(corpus.header_variants(tmp_path)), "--dataset", "real",
               "--add-units")[0] == 0
    assert cli("import", str(corpus.no_year(tmp_path)), "--dataset", "real", "--add-units",
               "--year", "2563")[0] == 0
    path = tmp_path / "faculty.csv"
    path.write_text("หน่วยงาน,ปี,คะแนน ITA\nคณะทดสอบศิลป์,2565,88.5\nกรมทดสอบอื่น,2565,80\n",
                    encoding="utf-8")
    code, out = cli("import", str(path), "--dataset", "real", "--add-units", "--unit-type", "x=y")
    assert code == 1 and "unknown unit type" in out
    assert cli("import", str(path), "--dataset", "real", "--add-units", "--unit-type",
               "คณะทดสอบศิลป์=other_state_agency,กรมทดสอบอื่น=state_enterprise")[0] == 0
    types = dict(reader().execute(
        "SELECT name_th, unit_type FROM units WHERE origin = 'import'").fetchall())
    assert types == {"กรมทดสอบระบบ": "department", "องค์การบริหารส่วนตำบลทดสอบ": "sao",
                     "เทศบาลตำบลทดสอบใต้": "subdistrict_municipality",
                     "เทศบาลเมืองทดสอบ": "town_municipality",
                     "คณะทดสอบศิลป์": "other_state_agency", "กรมทดสอบอื่น": "state_enterprise"}


def test_report_layout_with_merged_cells_and_year(cli: Cli, tmp_path: Path,
                                                  places: Places) -> None:
    path = corpus.report_layout(tmp_path)
    code, out = cli("import", str(path), "--dataset", "real", "--add-units")
    assert code == 1 and "the file has no fiscal-year column: give the year with --year" in out
    code, out = cli("import", str(path), "--dataset", "real", "--add-units", "--year", "2566")
    assert code == 0, out
    assert "layout report" in out and "2 printed levels" in out
    assert ("สำนักงานอธิการบดีทดสอบ 2566: the printed level ผ่านดี differs from the level "
            "computed under the year's rules, ผ่าน (total 88.00)") in out
    units = list(corpus.REPORT_UNITS)
    scores, totals = exported(cli, tmp_path, units)
    for unit, (total, level, iit, eit, oit, indicators) in corpus.REPORT_UNITS.items():
        assert figures(scores, unit, 2566) == {
            "ITA": total, "IIT_W": iit, "EIT_W": eit, "OIT_W": oit,
            **{str(n): float(v) for n, v in enumerate(indicators, 1)}}
        row = totals_row(totals, unit, 2566)
        assert (row["ita"], row["iit"], row["eit"], row["oit"]) == (
            total, round(iit / 0.3, 4), round(eit / 0.3, 4), round(oit / 0.4, 4))
        assert (row["level_th"], row["level_source"]) == (level, "printed")
    con = duckdb.connect(str(places.db_path), read_only=True)
    try:  # About lists the printed level that differs from the computed one
        checks = queries.consistency_checks(con, dataset="real", year=2566)
        levels = con.execute("""
            SELECT u.name_th, y.level_code, y.computed_level, y.level_source
            FROM unit_years y JOIN units u USING (unit_id)
            WHERE y.fiscal_year = 2566 AND u.origin = 'import' ORDER BY u.name_th""").fetchall()
    finally:
        con.close()
    assert checks[checks["kind"] == "level"][["short_th", "printed", "recomputed"]] \
        .values.tolist() == [["สำนักงานอธิการบดีทดสอบ", "GOOD", "PASS"]]
    assert levels == [("คณะทดสอบวิทยาศาสตร์", "GOOD", "GOOD", "printed"),
                      ("สำนักงานอธิการบดีทดสอบ", "GOOD", "PASS", "printed")]
    assert places.store is not None  # the mapping is kept with the import
    event = json.loads((places.store / "log.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    mapping = event["meta"]["mapping"]
    assert (mapping["layout"], mapping["year"]) == ("report", 2566)
    assert {c["header"]: c["target"] for c in mapping["columns"]}["คณะ/หน่วยงาน"] == "unit"


def test_one_unit_history_thai_digits(cli: Cli, tmp_path: Path) -> None:
    path = corpus.one_unit_history(tmp_path)
    code, out = cli("import", str(path), "--dataset", "real", "--add-units")
    assert code == 1 and "give the unit with --unit" in out
    code, out = cli("import", str(path), "--dataset", "real", "--add-units",
                    "--unit", "กรมทดสอบประวัติ")
    assert code == 0 and "9 printed levels" in out, out
    _, totals = exported(cli, tmp_path, ["กรมทดสอบประวัติ"])
    got = [(r.fiscal_year, r.framework, r.ita, r.level_th, r.level_source)
           for r in totals.itertuples()]
    assert got == [
        (2558, "nacc-2558", 78.5, "สูง", "printed"), (2559, "nacc-2558", 82.1, "สูง", "printed"),
        (2560, "nacc-2558", 86.2, "สูงมาก", "printed"),
        (2561, "nacc-2561", 87.0, "สูงมาก", "printed"), (2562, "nacc-2562", 89.3, "A", "printed"),
        (2563, "nacc-2563", 91.25, "A", "printed"), (2564, "nacc-2563", 88.0, "A", "computed"),
        (2565, "nacc-2563", 95.5, "AA", "printed"), (2566, "nacc-2566", 92.4, "ผ่านดี", "printed"),
        (2567, "nacc-2567", 93.1, "ผ่าน", "printed")]


def test_indicators_before_2561_refused_with_the_template(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text("หน่วยงาน,ปี,คะแนนรวม,ตัวชี้วัดที่ 1\nกรมทดสอบระบบ,2559,80.5,82\n",
                    encoding="utf-8")
    code, out = cli("import", str(path), "--dataset", "real", "--add-units")
    assert code == 1
    assert "framework nacc-2558 of this year records only totals and levels" in out
    assert "framework-template" in out


def test_published_totals_and_no_year(cli: Cli, tmp_path: Path) -> None:
    code, out = cli("import", str(corpus.published_totals(tmp_path)), "--dataset", "real",
                    "--add-units")
    assert code == 0, out
    code, out = cli("import", str(corpus.no_year(tmp_path)), "--dataset", "real", "--add-units",
                    "--year", "2563")
    assert code == 0, out
    assert ("เทศบาลตำบลทดสอบใต้ 2563: the printed level B differs from the level computed "
            "under the year's rules, A (total 85.75)") in out
    _, totals = exported(cli, tmp_path, ["สำนักงานทดสอบแผ่นดิน", "กระทรวงทดสอบ",
                                         "เทศบาลตำบลทดสอบใต้", "เทศบาลเมืองทดสอบ"])
    got = sorted((r.unit_name_th, r.fiscal_year, r.ita, r.level_th, r.level_source)
                 for r in totals.itertuples())
    assert got == sorted([("สำนักงานทดสอบแผ่นดิน", 2568, 94.64, "ผ่าน", "printed"),
                          ("กระทรวงทดสอบ", 2568, 96.2, "ผ่านดีเยี่ยม", "printed"),
                          ("เทศบาลตำบลทดสอบใต้", 2563, 85.75, "B", "printed"),
                          ("เทศบาลเมืองทดสอบ", 2563, 72.1, "C", "printed")])


def test_report_layout_in_one_label_column(cli: Cli, tmp_path: Path) -> None:
    path = corpus.report_layout_labels(tmp_path)
    code, out = cli("import", str(path), "--dataset", "real", "--add-units", "--year", "2567")
    assert code == 0, out
    assert "tools on 0-100, decided from the values" in out
    scores, totals = exported(cli, tmp_path, ["คณะทดสอบเกษตร", "คณะทดสอบประมง"])
    assert figures(scores, "คณะทดสอบเกษตร", 2567) == {
        "ITA": 90.5, "IIT": 92.0, "EIT": 88.0, "OIT": 91.25, "1": 95.0, "9": 90.0}
    assert figures(scores, "คณะทดสอบประมง", 2567) == {
        "ITA": 80.1, "IIT": 85.0, "EIT": 75.0, "OIT": 80.25}
    got = [(r.unit_name_th, r.ita, r.iit, r.eit, r.oit, r.level_th, r.level_source)
           for r in totals.itertuples()]
    assert sorted(got) == [("คณะทดสอบประมง", 80.1, 85.0, 75.0, 80.25, "ต้องปรับปรุง", "printed"),
                           ("คณะทดสอบเกษตร", 90.5, 92.0, 88.0, 91.25, "ผ่านดี", "printed")]
