"""Levels and totals computed under unconfirmed rules are said so (overview and profile)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ita_dash.cli import main
from ita_dash.publish import Places
from tests.conftest import publish_copy
from tests.ui.conftest import assert_no_exception, run_page, texts

ROWS = ("หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"
        "เทศบาลทดสอบ,2566,IIT,82.44\nเทศบาลทดสอบ,2566,EIT1,79.40\n"
        "เทศบาลทดสอบ,2566,EIT2,82.24\nเทศบาลทดสอบ,2566,OIT,100\n"
        "เทศบาลทดสอบ,2568,ITA,94.2\nเทศบาลทดสอบ,2568,IIT,98\n"
        "เทศบาลทดสอบ,2568,EIT,84\nเทศบาลทดสอบ,2568,OIT,99\n")


@pytest.fixture
def imported_db(published: Places, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the built database with one unit imported for 2566 and 2568 (in a store
    of its own); its unit id."""
    path = publish_copy(published, tmp_path / "db" / "ita.duckdb")
    monkeypatch.setenv("ITA_DB_PATH", str(path))
    monkeypatch.setenv("ITA_STORE_DIR", str(tmp_path / "store"))
    source = tmp_path / "rows.csv"
    source.write_text(ROWS, encoding="utf-8")
    assert main(["import", str(source), "--dataset", "real", "--add-units"]) == 0
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute("SELECT unit_id FROM units WHERE name_th = 'เทศบาลทดสอบ'").fetchone()
    finally:
        con.close()
    assert row is not None
    return str(row[0])


def test_overview_says_the_level_is_computed_under_an_unconfirmed_scale(imported_db: str) -> None:
    at = run_page("overview", dataset="real", year="2566")
    assert_no_exception(at)
    assert ("ระดับผลของ 1 หน่วยงานในปี พ.ศ. 2566 คำนวณตามเกณฑ์ระดับที่ยังไม่ยืนยัน "
            "(ยังไม่พบแหล่งที่ระบุช่วงคะแนนของปีนี้) ไม่ใช่ระดับที่ประกาศ") in texts(at.caption)
    ranking = next(d.value for d in at.dataframe if "อันดับ" in d.value.columns)
    assert ranking[["คะแนน", "ระดับ"]].values.tolist() == [[88.98, "ผ่าน"]]


def test_profile_lists_the_years_computed_under_unconfirmed_rules(imported_db: str) -> None:
    at = run_page("unit_profile", dataset="real", unit=imported_db, lang="en")
    assert_no_exception(at)
    captions = texts(at.caption)
    assert ("The level of B.E. 2566 (2023), B.E. 2568 (2025) is computed under an unconfirmed "
            "scale; it is not a published level.") in captions
    history = next(d.value for d in at.dataframe if "Rating from" in d.value.columns)
    assert history[["Fiscal year (B.E.)", "Score", "Rating", "Rating from"]].values.tolist() == [
        [2566, 88.98, "Pass", "computed"], [2568, 94.2, "Pass", "computed"]]
    # 2566: the total is computed from the tools (weights derived, not unconfirmed);
    # 2568: the total is given, so only the level is flagged
    assert not any("unconfirmed weights" in c for c in captions)


def test_a_year_without_pass_mark_or_scale_shows_no_pass_rate_and_no_level(
        places: Places, tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\nกระทรวงทดสอบ,2561,ITA,86.50\n",
                      encoding="utf-8")
    assert main(["import", str(source), "--dataset", "real", "--add-units"]) == 0
    at = run_page("overview", dataset="real", year="2561")
    assert_no_exception(at)
    assert [(m.label, m.value) for m in at.metric][-1] == ("ผ่านเกณฑ์ (≥ –)", "–")
    ranking = next(d.value for d in at.dataframe if "อันดับ" in d.value.columns)
    assert ranking["คะแนน"].tolist() == [86.5]
    assert ranking["ระดับ"].tolist() == ["–"]  # no scale is known for 2561: no level
