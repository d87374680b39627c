"""Frameworks 2561-2569 as data: totals from tools, EIT parts, ratings under each year's rules,
imports at the level a year knows and ``export --totals``."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ita_dash import queries
from ita_dash.cli import main
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.loader import load_source_data
from ita_dash.problems import DataError
from ita_dash.publish import Places
from ita_dash.scope import Scope

LONG = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"
TOTALS_COLUMNS = ["unit_name_th", "fiscal_year", "framework", "ita", "iit", "eit", "oit",
                  "level_th", "level_source"]


@pytest.fixture
def cli(places: Places, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    """``python -m ita_dash ...`` in-process on a private database and import store."""

    def run(*args: str) -> tuple[int, str]:
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out + out.err

    return run


def import_text(cli: Callable[..., tuple[int, str]], tmp_path: Path, text: str,
                *extra: str) -> tuple[int, str]:
    path = tmp_path / "published.csv"
    path.write_text(text, encoding="utf-8")
    return cli("import", str(path), "--dataset", "real", "--add-units", *extra)


def totals(cli: Callable[..., tuple[int, str]], tmp_path: Path) -> pd.DataFrame:
    out = tmp_path / "totals.csv"
    code, printed = cli("export", "--dataset", "real", "--totals", "--out", str(out))
    assert code == 0, printed
    return pd.read_csv(out, dtype={"level_th": object, "level_source": object})


def row_of(frame: pd.DataFrame, name: str, year: int) -> list[object]:
    row = frame[(frame["unit_name_th"] == name) & (frame["fiscal_year"] == year)]
    assert len(row) == 1, frame
    return [None if pd.isna(v) else v for v in row.iloc[0].tolist()]


def test_bangkok_2566_total_from_iit_eit_parts_and_oit(cli, tmp_path: Path) -> None:
    code, out = import_text(cli, tmp_path, LONG + "กรุงเทพมหานคร,2566,IIT,82.44\n"
                            "กรุงเทพมหานคร,2566,EIT1,79.40\nกรุงเทพมหานคร,2566,EIT2,82.24\n"
                            "กรุงเทพมหานคร,2566,OIT,100\n")
    assert code == 0, out
    frame = totals(cli, tmp_path)
    assert list(frame.columns) == TOTALS_COLUMNS
    assert row_of(frame, "กรุงเทพมหานคร", 2566) == [
        "กรุงเทพมหานคร", 2566, "nacc-2566", 88.98, 82.44, 80.82, 100.0, "ผ่าน", "computed"]


def test_ratings_2568_need_each_tool_and_2565_is_lettered(cli, tmp_path: Path,
                                                          places: Places) -> None:
    code, out = import_text(cli, tmp_path, LONG
                            + "".join(f"หน่วยงานทดสอบสอง,2568,{c},{v}\n"
                                      for c, v in (("IIT", 98), ("EIT", 84), ("OIT", 99)))
                            + "".join(f"หน่วยงานทดสอบสาม,2568,{c},{v}\n"
                                      for c, v in (("IIT", 96), ("EIT", 95), ("OIT", 97)))
                            + "หน่วยงานทดสอบสี่,2565,ITA,94.64\n")
    assert code == 0, out
    frame = totals(cli, tmp_path)
    assert row_of(frame, "หน่วยงานทดสอบสอง", 2568)[3:] == [94.2, 98.0, 84.0, 99.0, "ผ่าน",
                                                            "computed"]
    assert row_of(frame, "หน่วยงานทดสอบสาม", 2568)[3:] == [96.1, 96.0, 95.0, 97.0,
                                                            "ผ่านดีเยี่ยม", "computed"]
    assert row_of(frame, "หน่วยงานทดสอบสี่", 2565)[2:] == ["nacc-2563", 94.64, None, None, None,
                                                          "A", "computed"]
    con = duckdb.connect(str(places.db_path), read_only=True)
    try:
        flags = con.execute("""
            SELECT y.fiscal_year, y.score_source, y.score_unconfirmed, y.level_source,
                   y.scale_unconfirmed
            FROM unit_years y JOIN units u USING (unit_id)
            WHERE y.dataset = 'real' AND u.name_th LIKE 'หน่วยงานทดสอบ%'
            ORDER BY u.name_th""").fetchall()
    finally:
        con.close()
    # 2568: total computed from weights 30/30/40 and a level under the five-level scale,
    # both unconfirmed for 2568; 2565: a printed total rated on the sourced AA-F scale
    assert flags == [(2568, "computed", True, "computed", True),
                     (2568, "computed", True, "computed", True),
                     (2565, "printed", False, "computed", False)]


def test_totals_and_tools_of_2561_2562_2566_come_back_exactly(cli, tmp_path: Path) -> None:
    text = (LONG
            + "กระทรวงทดสอบ,2561,ITA,86.5\nกระทรวงทดสอบ,2561,IIT,88.12\n"
            "กระทรวงทดสอบ,2561,EIT,84.07\nกระทรวงทดสอบ,2561,EBIT,87.31\n"
            "กระทรวงทดสอบ,2562,ITA,91.07\nกระทรวงทดสอบ,2562,IIT,90.15\n"
            "กระทรวงทดสอบ,2562,EIT,89.62\nกระทรวงทดสอบ,2562,OIT,92.86\n"
            "กระทรวงทดสอบ,2566,ITA,88.98\nกระทรวงทดสอบ,2566,IIT,82.44\n"
            "กระทรวงทดสอบ,2566,EIT,80.82\nกระทรวงทดสอบ,2566,OIT,100\n")
    code, out = import_text(cli, tmp_path, text)
    assert code == 0, out
    assert "0 warnings" in out  # 2566: 0.3 x 82.44 + 0.3 x 80.82 + 0.4 x 100 = 88.978
    frame = totals(cli, tmp_path)
    mine = frame[frame["unit_name_th"] == "กระทรวงทดสอบ"]
    assert [[None if pd.isna(v) else v for v in r] for r in mine.itertuples(index=False)] == [
        ["กระทรวงทดสอบ", 2561, "nacc-2561", 86.5, 88.12, 84.07, None, None, None],
        ["กระทรวงทดสอบ", 2562, "nacc-2562", 91.07, 90.15, 89.62, 92.86, "A", "computed"],
        ["กระทรวงทดสอบ", 2566, "nacc-2566", 88.98, 82.44, 80.82, 100.0, "ผ่าน", "computed"]]


def test_a_total_that_disagrees_with_its_tools_is_listed(cli, tmp_path: Path,
                                                         places: Places) -> None:
    code, out = import_text(cli, tmp_path, LONG + "เทศบาลทดสอบ,2566,ITA,90\n"
                            "เทศบาลทดสอบ,2566,IIT,82.44\nเทศบาลทดสอบ,2566,EIT1,79.40\n"
                            "เทศบาลทดสอบ,2566,EIT2,82.24\nเทศบาลทดสอบ,2566,OIT,100\n")
    assert code == 0, out
    assert "code ITA differs from the value recomputed from its parts (88.978)" in out
    con = duckdb.connect(str(places.db_path), read_only=True)
    try:
        found = queries.consistency_checks(con, dataset="real", year=2566)
    finally:
        con.close()
    assert found[["short_th", "code", "printed", "recomputed", "difference"]].values.tolist() == [
        ["เทศบาลทดสอบ", "ITA", "90.0", "88.978", 1.022]]


def test_items_of_a_year_without_an_item_list_are_refused(cli, tmp_path: Path) -> None:
    code, out = import_text(cli, tmp_path, LONG + "กระทรวงทดสอบ,2566,ITA,90\n"
                            "กระทรวงทดสอบ,2566,I5,80\nกระทรวงทดสอบ,2562,O3,100\n"
                            "กระทรวงทดสอบ,2568,i3,70\n")
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("[error]")]
    assert len(errors) == 3
    assert ("the item list of IIT in framework nacc-2566 is unknown, so item rows cannot be "
            "imported (codes are never guessed): add the items to the framework first, following "
            "the framework template data/frameworks/nacc-2566/nodes.csv (see docs/FRAMEWORKS.md)"
            ) in errors[0]
    assert "ไม่ทราบรายการข้อของ IIT ในกรอบการประเมิน nacc-2566" in errors[0]
    assert "the item list of OIT in framework nacc-2562 is unknown" in errors[1]
    # 2568 prints a few questions (i2, i4, i10, i15): the list is not complete
    assert "the item list of IIT in framework nacc-2568 is unknown" in errors[2]


def test_a_district_takes_the_bangkok_framework_in_2567_other_units_the_national_one(
        cli, tmp_path: Path) -> None:
    code, out = import_text(cli, tmp_path, LONG + "สำนักงานเขตบางรัก,2567,ITA,80\n"
                            "เทศบาลทดสอบ,2567,ITA,91.15\n", "--dry-run")
    assert code == 0, out
    code, out = import_text(cli, tmp_path, LONG + "สำนักงานเขตบางรัก,2567,ITA,80\n"
                            "เทศบาลทดสอบ,2567,ITA,91.15\n")
    assert code == 0, out
    frame = totals(cli, tmp_path)
    assert row_of(frame, "สำนักงานเขตบางรัก", 2567)[2] == "bma-2567"
    assert row_of(frame, "เทศบาลทดสอบ", 2567)[2:] == ["nacc-2567", 91.15, None, None, None,
                                                    None, None]


def test_every_year_2561_2569_has_one_national_framework(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("""
        SELECT y.year, list(f.framework_id ORDER BY f.framework_id)
        FROM range(2561, 2570) y(year)
        JOIN frameworks f ON y.year BETWEEN f.first_year AND f.last_year
        GROUP BY ALL ORDER BY y.year""").fetchall()
    assert rows == [(2561, ["nacc-2561"]), (2562, ["nacc-2562"]), (2563, ["nacc-2563"]),
                    (2564, ["nacc-2563"]), (2565, ["nacc-2563"]), (2566, ["nacc-2566"]),
                    (2567, ["bma-2567", "nacc-2567"]), (2568, ["nacc-2568"]),
                    (2569, ["nacc-2569"])]
    statuses = con.execute("""
        SELECT DISTINCT status FROM framework_nodes UNION SELECT DISTINCT status FROM rating_levels
        ORDER BY 1""").fetchall()
    assert [s[0] for s in statuses] == ["derived", "printed", "sourced", "unconfirmed", "unknown"]
    urls = con.execute("SELECT count(*) FROM sources WHERE url LIKE 'https://%'").fetchone()
    assert urls == (14,)


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, root, ignore=shutil.ignore_patterns("*.duckdb*"))
    yield root


def test_two_national_frameworks_for_one_year_are_refused(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "frameworks.csv"
    text = path.read_text(encoding="utf-8").replace("nacc-2567,NACC,2567,2567",
                                                    "nacc-2567,NACC,2566,2567")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_source_data(data_copy)
    assert [(p.column, p.value, p.en) for p in caught.value.problems] == [
        ("first_year", "2566", "assessor NACC already has a framework for 2566 (nacc-2566)"),
        ("unit_types", "", "2566 already has a default framework for these units (nacc-2566)")]


def test_a_status_outside_the_vocabulary_is_refused(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "nacc-2566" / "nodes.csv"
    text = path.read_text(encoding="utf-8").replace(",15,derived,", ",15,inferred,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_source_data(data_copy)
    assert [(p.row, p.column, p.value) for p in caught.value.problems] == [
        (7, "status", "inferred")]


def test_every_year_2561_2569_takes_a_total_and_2566_weighted_points(cli, tmp_path: Path) -> None:
    years = range(2561, 2570)
    text = LONG + "".join(f"องค์กรอิสระทดสอบ,{y},ITA,{80 + (y - 2561) / 4}\n" for y in years)
    # weighted points of 2566 (IIT of 30, EIT of 30, OIT of 40) and both EIT parts of 2567
    text += ("หน่วยงานคะแนนถ่วง,2566,IIT_W,24.73\nหน่วยงานคะแนนถ่วง,2566,EIT_W,24.25\n"
             "หน่วยงานคะแนนถ่วง,2566,OIT_W,40\n"
             "หน่วยงานคะแนนถ่วง,2567,EIT1,80\nหน่วยงานคะแนนถ่วง,2567,EIT2,90\n")
    code, out = import_text(cli, tmp_path, text)
    assert code == 0, out
    frame = totals(cli, tmp_path)
    mine = frame[frame["unit_name_th"] == "องค์กรอิสระทดสอบ"]
    assert mine[["fiscal_year", "framework", "ita", "level_th"]].astype(object).where(
        mine[["fiscal_year", "framework", "ita", "level_th"]].notna(), None).values.tolist() == [
        [2561, "nacc-2561", 80.0, None], [2562, "nacc-2562", 80.25, "B"],
        [2563, "nacc-2563", 80.5, "B"], [2564, "nacc-2563", 80.75, "B"],
        [2565, "nacc-2563", 81.0, "B"], [2566, "nacc-2566", 81.25, "ต้องปรับปรุง"],
        [2567, "nacc-2567", 81.5, "ต้องปรับปรุง"], [2568, "nacc-2568", 81.75, "ต้องปรับปรุง"],
        [2569, "nacc-2569", 82.0, None]]
    weighted = frame[frame["unit_name_th"] == "หน่วยงานคะแนนถ่วง"]
    # 24.73 / 30 = 82.4333, 24.25 / 30 = 80.8333: total 24.73 + 24.25 + 40 = 88.98;
    # 2567: the parts are stored but their weighting is unknown, so EIT stays empty
    assert [[None if pd.isna(v) else v for v in r] for r in weighted.itertuples(index=False)] == [
        ["หน่วยงานคะแนนถ่วง", 2566, "nacc-2566", 88.98, 82.4333, 80.8333, 100.0, "ผ่าน",
         "computed"],
        ["หน่วยงานคะแนนถ่วง", 2567, "nacc-2567", None, None, None, None, None, None]]


def test_the_totals_export_imports_back_unchanged(cli, tmp_path: Path, built_db: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = import_text(cli, tmp_path, LONG + "กรุงเทพมหานคร,2566,ITA,88.98\n"
                            "กรุงเทพมหานคร,2566,IIT,82.44\nกรุงเทพมหานคร,2566,EIT,80.82\n"
                            "กรุงเทพมหานคร,2566,OIT,100\nกระทรวงทดสอบ,2562,ITA,91.07\n")
    assert code == 0, out
    exported = totals(cli, tmp_path)
    mine = exported[exported["unit_name_th"].isin(["กรุงเทพมหานคร", "กระทรวงทดสอบ"])]
    path = tmp_path / "again.csv"
    mine.to_csv(path, index=False)
    fresh = tmp_path / "fresh.duckdb"
    shutil.copy(built_db, fresh)
    monkeypatch.setenv("ITA_DB_PATH", str(fresh))
    code, out = cli("import", str(path), "--dataset", "real", "--add-units")
    assert code == 0, out
    # the levels were computed (level_source): not stored as printed ones (issue 17)
    assert "0 printed levels" in out
    again = totals(cli, tmp_path)
    pd.testing.assert_frame_equal(
        again[again["unit_name_th"].isin(["กรุงเทพมหานคร", "กระทรวงทดสอบ"])].reset_index(drop=True),
        mine.reset_index(drop=True))


def test_one_bar_per_level_when_two_frameworks_share_a_year(cli, tmp_path: Path,
                                                            places: Places) -> None:
    code, out = import_text(cli, tmp_path, LONG + "เทศบาลทดสอบ,2567,ITA,91.15\n")
    assert code == 0, out
    con = duckdb.connect(str(places.db_path), read_only=True)
    try:
        counts = queries.rating_counts(con, dataset="real", year=2567, scope=Scope.parse("all"))
    finally:
        con.close()
    # Samphanthawong 87.67 on bma-2567 (printed ผ่าน) and the municipality's 91.15 on
    # nacc-2567: no tool scores, so whether it is ผ่านดี or better cannot be told
    assert counts[["label_th", "n_units"]].values.tolist() == [
        ["ผ่านดีเยี่ยม", 0], ["ผ่านดี", 0], ["ผ่าน", 1], ["ต้องปรับปรุง", 0],
        ["ต้องปรับปรุงโดยด่วน", 0], ["ไม่ทราบระดับ", 1]]


def test_bangkok_district_eit_parts_weigh_by_their_printed_points(cli, tmp_path: Path) -> None:
    # seed 001: EIT (1) = indicators 6-7 (20 points), EIT (2) = indicator 8 (10 points)
    code, out = import_text(cli, tmp_path, LONG + "สำนักงานเขตบางรัก,2567,IIT,90\n"
                            "สำนักงานเขตบางรัก,2567,EIT (1),80\nสำนักงานเขตบางรัก,2567,eit2,90\n"
                            "สำนักงานเขตบางรัก,2567,OIT,95\n")
    assert code == 0, out
    frame = totals(cli, tmp_path)
    # EIT = (20 x 80 + 10 x 90) / 30 = 83.3333; ITA = 27 + 25 + 38 = 90.00; EIT < 85: ผ่าน
    assert row_of(frame, "สำนักงานเขตบางรัก", 2567)[2:] == [
        "bma-2567", 90.0, 90.0, 83.3333, 95.0, "ผ่าน", "computed"]
