"""AppTest: what the reports print beside the scores is shown — the Bangkok-wide average of
each question (seed 002) on Taling Chan's profile, the unplaced figures of seed 004 — and
whether a year's items compare with the previous year's."""

from __future__ import annotations

import csv

import pandas as pd

from ita_dash.config import DEFAULT_DATA_DIR
from tests.ui.conftest import assert_no_exception, run_page, texts

BANGKOK_AVERAGE = "ค่าเฉลี่ย กทม."


def _printed_averages() -> dict[str, float]:
    """The Bangkok-wide averages seed 002 prints beside Taling Chan's questions (2565)."""
    with (DEFAULT_DATA_DIR / "real" / "reference_scores.csv").open(encoding="utf-8") as handle:
        return {r["code"]: float(r["score"]) for r in csv.DictReader(handle)
                if r["unit"] == "สำนักงานเขตตลิ่งชัน" and r["fiscal_year"] == "2565"
                and r["ref_kind"] == "bangkok_mean"}


def _table_with(at, header: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if header in d.value.columns)


def test_taling_chan_2565_profile_shows_the_printed_bangkok_averages() -> None:
    printed = _printed_averages()
    assert len(printed) == 27 and printed["I7"] == 57.14 and printed["E15"] == 38.03
    at = run_page("unit_profile", dataset="real", year="2565", unit="bkk-talingchan")
    assert_no_exception(at)
    items = _table_with(at, BANGKOK_AVERAGE)
    shown = dict(zip(items["รหัส"], items[BANGKOK_AVERAGE], strict=True))
    assert shown == printed
    assert list(items["รหัส"][:3]) == ["I1", "I2", "I3"]  # framework order
    # the district's own item scores are not in the data: said, not invented
    assert items["ต่างจากค่าเฉลี่ย กทม."].isna().all() or \
        (items["ต่างจากค่าเฉลี่ย กทม."] == "–").all()
    assert any("ไม่มีคะแนนรายข้อของหน่วยงานเอง" in i for i in texts(at.info))
    assert any("ค่าเฉลี่ย กทม. คือค่าที่รายงานพิมพ์ไว้" in c and "27 ข้อ" in c
               for c in texts(at.caption))


def test_taling_chan_in_english_names_the_bangkok_average() -> None:
    at = run_page("unit_profile", dataset="real", year="2565", unit="bkk-talingchan", lang="en")
    assert_no_exception(at)
    items = _table_with(at, "Bangkok average")
    assert dict(zip(items["Code"], items["Bangkok average"], strict=True))["I7"] == 57.14
    assert "vs Bangkok average" in items.columns


def test_weakest_page_shows_the_bangkok_averages_of_the_chosen_unit() -> None:
    at = run_page("weakest_indicators", dataset="real", year="2565", unit="bkk-talingchan",
                  scope="all")
    assert_no_exception(at)
    items = _table_with(at, BANGKOK_AVERAGE)
    assert dict(zip(items["รหัส"], items[BANGKOK_AVERAGE], strict=True)) == _printed_averages()


def test_municipality_profile_shows_its_unplaced_figures_as_printed() -> None:
    at = run_page("unit_profile", dataset="real", year="2568", unit="th-mkm-khwaoyai-tm")
    assert_no_exception(at)
    assert "คะแนนที่ไม่ได้จัดเข้ากรอบการประเมิน" in texts(at.subheader)
    assert any("ไม่ได้จัดเข้าข้อใดในกรอบการประเมิน" in c for c in texts(at.caption))
    unplaced = _table_with(at, "ข้อความตามที่พิมพ์")
    assert list(unplaced["คะแนน"]) == [87.65, 72.35, 89.58]
    assert unplaced.iloc[0]["ข้อความตามที่พิมพ์"].startswith(
        "ท่านเคยถูกผู้บังคับบัญชาของท่านสั่งให้ทำในสิ่งที่เป็นการทุจริต")
    assert list(unplaced["ตัวชี้วัด"]) == ["การใช้อำนาจ", "การใช้ทรัพย์สินของทางราชการ",
                                          "การปรับปรุงการทำงาน"]
    # a unit without such figures has no such section
    other = run_page("unit_profile", dataset="real", year="2565", unit="bkk-talingchan")
    assert "คะแนนที่ไม่ได้จัดเข้ากรอบการประเมิน" not in texts(other.subheader)


def test_demo_profile_says_2566_items_do_not_compare_with_2565() -> None:
    at = run_page("unit_profile", dataset="demo", year="2568", unit="bkk-bangsue")
    assert_no_exception(at)
    notes = [w for w in texts(at.warning) if "เทียบกับปี" in w]
    assert len(notes) == 1
    assert "คะแนนรายข้อปี พ.ศ. 2566" in notes[0] and "ปี พ.ศ. 2565" in notes[0]
    assert "ไม่มีตารางเทียบข้อ" in notes[0]


def test_zero_page_says_when_streaks_start_at_a_new_framework() -> None:
    at = run_page("zero_items", dataset="demo", year="2566", scope="all")
    assert_no_exception(at)
    notes = [i for i in texts(at.info) if "การนับปีที่ได้ศูนย์ต่อเนื่องจึงเริ่มที่ปี" in i]
    assert len(notes) == 1 and notes[0].startswith("50 หน่วยงาน")
    later = run_page("zero_items", dataset="demo", year="2568", scope="all")
    assert not [i for i in texts(later.info) if "การนับปีที่ได้ศูนย์ต่อเนื่อง" in i]
