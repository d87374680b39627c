"""AppTest: every page for both datasets, real figures, filters in the URL, fallbacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from ita_dash import db
from tests.ui.conftest import ANALYSIS_PAGES, APP, PAGES, assert_no_exception, run_page, texts

SYNTHETIC = "ข้อมูลสังเคราะห์ ไม่ใช่ผลการประเมินจริง"


@pytest.mark.parametrize("dataset", ["real", "demo"])
@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_every_page_renders_for_both_datasets(page: str, dataset: str) -> None:
    at = run_page(page, dataset=dataset)
    assert_no_exception(at)
    assert len(at.title) == 1
    banner = any(SYNTHETIC in w for w in texts(at.warning))
    assert banner == (dataset == "demo")
    assert at.query_params["dataset"] == dataset
    assert set(at.query_params) >= {"dataset", "year", "scope", "unit", "lang"}


def test_entry_script_opens_the_overview_keeping_the_url() -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(dataset="real", year="2564", scope="group:peer-2564-ten")
    at.run()
    assert_no_exception(at)
    assert texts(at.title) == ["ภาพรวมผลการประเมิน ITA"]
    assert at.query_params["year"] == "2564"


def test_overview_ranks_bang_sue_first_of_the_ten_districts_2564() -> None:
    at = run_page("overview", dataset="real", year="2564", scope="group:peer-2564-ten")
    assert_no_exception(at)
    ranking = at.dataframe[0].value
    first, last = ranking.iloc[0], ranking.iloc[-1]
    assert (first["อันดับ"], first["หน่วยงาน"], first["คะแนน"], first["ระดับ"]) == \
        (1, "บางซื่อ", 72.45, "C")
    assert (last["อันดับ"], last["หน่วยงาน"], last["คะแนน"], last["ระดับ"]) == \
        (10, "บางรัก", 62.19, "D")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["จำนวนหน่วยงาน"] == "10"
    assert metrics["ผ่านเกณฑ์ (≥ 85)"] == "0.0% (0/10)"
    assert "พ.ศ. 2564" in texts(at.caption)[0]


def test_overview_in_english_uses_english_labels_and_years() -> None:
    at = run_page("overview", dataset="real", year="2564", scope="group:peer-2564-ten", lang="en")
    assert texts(at.title) == ["ITA results overview"]
    assert "B.E. 2564 (2021)" in texts(at.caption)[0]
    ranking = at.dataframe[0].value
    assert ranking.iloc[0]["Unit"] == "Bang Sue"
    assert ranking.iloc[-1]["Rating"] == "D (Poor)"


def test_overview_shows_changes_with_arrows_against_last_year() -> None:
    at = run_page("overview", dataset="demo", year="2565", scope="group:bkk-centralbangkok")
    ranking = at.dataframe[0].value.set_index("หน่วยงาน")
    assert ranking.loc["ป้อมปราบศัตรูพ่าย", "คะแนน"] == 93.10
    assert ranking.loc["ป้อมปราบศัตรูพ่าย", "เปลี่ยนแปลง (คะแนน)"] == "▲ 5.74"
    assert ranking.loc["ป้อมปราบศัตรูพ่าย", "เปลี่ยนแปลง (อันดับ)"] == "▲ 2"
    assert ranking.loc["พระนคร", "เปลี่ยนแปลง (คะแนน)"] == "▼ 2.45"


def test_profile_of_samphanthawong_2567_lists_its_zero_o_items() -> None:
    at = run_page("unit_profile", dataset="real", year="2567", unit="bkk-samphanthawong")
    assert_no_exception(at)
    assert texts(at.error) == ["ข้อ O ที่ได้ศูนย์: O5, O15, O18, O19, O22"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["คะแนน ITA"] == "87.67"
    assert metrics["ระดับผลการประเมิน"] == "ผ่าน"
    assert metrics["IIT · EIT · OIT"] == "97.14 · 96.75 · 73.75"
    column = "จุดอ่อน (ต่ำสุดในตัวชี้วัด และต่ำกว่าเกณฑ์ผ่าน)"
    items = next(d.value for d in at.dataframe if column in d.value.columns)
    weakest = set(items.loc[items[column], "รหัส"])
    # weak = lowest of its indicator AND below the pass mark 85: I5 (86.32) is not weak
    assert weakest == {"O5", "O15", "O18", "O19", "O22"}
    recoverable = next(d.value for d in at.dataframe
                       if "คะแนน ITA ที่ได้เพิ่มถ้าเต็ม" in d.value.columns)
    assert list(recoverable["รหัส"].head(5)) == ["O5", "O18", "O19", "O22", "O15"]
    assert recoverable.iloc[0]["คะแนน ITA ที่ได้เพิ่มถ้าเต็ม"] == 2.0
    # one year of data: a message instead of a trend, no empty chart
    assert any("ข้อมูลเพียงปีเดียว" in i for i in texts(at.info))


def test_profile_of_a_unit_without_the_chosen_year_shows_its_latest_year() -> None:
    at = run_page("unit_profile", dataset="real", year="2564", unit="bkk-samphanthawong")
    assert_no_exception(at)
    assert any("ไม่มีข้อมูลในปี พ.ศ. 2564" in i for i in texts(at.info))
    assert texts(at.subheader)[0] == "สัมพันธวงศ์ · พ.ศ. 2567"


def test_profile_accepts_a_thai_unit_name_in_the_url() -> None:
    at = run_page("unit_profile", dataset="real", year="2567", unit="สำนักงานเขตสัมพันธวงศ์")
    assert at.query_params["unit"] == "bkk-samphanthawong"
    assert not texts(at.info)[:1] or "ไม่พบหน่วยงาน" not in texts(at.info)[0]


def test_malformed_url_falls_back_with_notes_and_no_exception() -> None:
    at = run_page("overview", dataset="xyz", year="abcd", scope="bogus", unit="nope", lang="xx")
    assert_no_exception(at)
    notes = texts(at.info)
    assert any("“xyz”" in n for n in notes)
    assert any("“abcd”" in n for n in notes)
    assert any("“bogus”" in n for n in notes)
    assert any("“nope”" in n for n in notes)
    assert any("“xx”" in n for n in notes)
    assert at.query_params["dataset"] == "real"
    assert at.query_params["year"] == "2564"  # the real year with the most units (ten)
    assert at.query_params["scope"] == "all"
    assert at.query_params["lang"] == "th"


def test_malformed_year_note_is_in_the_current_language() -> None:
    at = run_page("groups", dataset="demo", year="20x5", lang="en")
    assert_no_exception(at)
    assert "No data for year “20x5” in this dataset; showing B.E. 2568 (2025) instead." \
        in texts(at.info)


def test_thai_digits_in_the_year_are_understood() -> None:
    at = run_page("overview", dataset="real", year="๒๕๖๔", scope="group:peer-2564-ten")
    assert at.query_params["year"] == "2564"
    assert not texts(at.info)


def test_changing_a_sidebar_filter_updates_the_url_and_the_view() -> None:
    at = run_page("overview", dataset="real", year="2564", scope="group:peer-2564-ten")
    at.sidebar.selectbox(key="w_dataset").select("demo").run()
    assert at.query_params["dataset"] == "demo"
    assert any(SYNTHETIC in w for w in texts(at.warning))
    assert not texts(at.info)  # a deliberate switch is not reported as a fallback
    at.sidebar.selectbox(key="w_scope").select("group:bkk-centralbangkok").run()
    at.sidebar.selectbox(key="w_year").select(2565).run()
    assert (at.query_params["scope"], at.query_params["year"]) == ("group:bkk-centralbangkok",
                                                                   "2565")
    assert len(at.dataframe[0].value) == 9
    at.sidebar.radio(key="w_lang").set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert texts(at.title) == ["ITA results overview"]


def test_filters_survive_a_page_switch_that_clears_the_url() -> None:
    at = run_page("overview", dataset="demo", year="2566", scope="group:bkk-eastbangkok")
    at.query_params.clear()  # the browser drops the query string on navigation
    at.switch_page(PAGES["weakest_indicators"]).run()
    assert (at.query_params["dataset"], at.query_params["year"], at.query_params["scope"]) == \
        ("demo", "2566", "group:bkk-eastbangkok")


def test_choosing_a_unit_in_a_group_opens_its_profile() -> None:
    at = run_page("groups", dataset="demo", year="2567", scope="group:bkk-centralbangkok")
    assert_no_exception(at)
    picker = next(s for s in at.selectbox if s.key and s.key.endswith("_unit"))
    picker.select("bkk-dusit").run()
    next(b for b in at.button if b.key and b.key.endswith("_open")).click().run()
    assert_no_exception(at)
    assert at.query_params["unit"] == "bkk-dusit"
    assert texts(at.title) == ["ข้อมูลรายหน่วยงาน"]
    assert texts(at.subheader)[0] == "ดุสิต · พ.ศ. 2567"


def test_groups_page_compares_the_six_bangkok_district_groups() -> None:
    at = run_page("groups", dataset="demo", year="2567")
    summary = next(d.value for d in at.dataframe if "ร้อยละที่ผ่าน" in d.value.columns)
    assert len(summary) == 6
    assert summary.iloc[0]["กลุ่ม"] == "กลุ่มเขตกรุงเทพตะวันออก"
    assert summary.iloc[0]["เฉลี่ย"] == 89.69


def test_zero_items_page_can_be_narrowed_to_one_unit() -> None:
    at = run_page("zero_items", dataset="real", year="2567", unit="bkk-samphanthawong")
    assert_no_exception(at)
    at.toggle(key="zero_only_unit").set_value(True).run()
    zero = next(d.value for d in at.dataframe if "หน่วยงาน" in d.value.columns
                and "คะแนนเต็มของข้อ" in d.value.columns)
    assert list(zero["รหัส"]) == ["O5", "O15", "O18", "O19", "O22"]


def test_weakest_indicator_of_khlong_sam_wa_2564_is_corruption_prevention() -> None:
    at = run_page("weakest_indicators", dataset="real", year="2564",
                  scope="group:peer-2564-ten")
    assert_no_exception(at)
    weakest = next(d.value for d in at.dataframe if "เครื่องมือ" in d.value.columns
                   and "หน่วยงาน" in d.value.columns)
    assert weakest.iloc[0]["หน่วยงาน"] == "คลองสามวา"
    assert weakest.iloc[0]["ตัวชี้วัด"] == "การป้องกันการทุจริต"
    assert weakest.iloc[0]["คะแนนตัวชี้วัด"] == 18.75


def test_about_page_lists_conflicts_and_rating_scales() -> None:
    at = run_page("about", dataset="real")
    assert_no_exception(at)
    frames = [d.value for d in at.dataframe]
    chosen = "ค่าที่เลือกใช้"
    assert any(chosen in f.columns and "78.62" in set(f[chosen]) for f in frames)
    # the default real year (2564) has one printed figure that differs from its recomputation
    checks = [f for f in frames if "ค่าที่คำนวณใหม่" in f.columns]
    assert [list(c["รหัส"]) for c in checks] == [["EIT_W"]]
    scales = [f for f in frames if "เงื่อนไขรายเครื่องมือ" in f.columns]
    # 2561 and 2569 have no known scale; 2562 and 2563-2565 AA-F; 2566, 2567 (NACC and
    # Bangkok's districts) and 2568 the five levels with conditions on each tool
    assert [list(s["ระดับ"])[0] for s in scales] == ["AA", "AA"] + ["ผ่านดีเยี่ยม"] * 4
    assert list(scales[2]["ระดับ"]) == [
        "ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]
    assert list(scales[2]["สถานะ"]) == ["ยังไม่ยืนยัน"] * 5
    # conditions in words, not codes
    assert list(scales[2]["เงื่อนไขรายเครื่องมือ"])[:3] == [
        "IIT, EIT และ OIT ต้องได้อย่างน้อย 95 ทุกเครื่องมือ",
        "IIT, EIT และ OIT ต้องได้อย่างน้อย 85 ทุกเครื่องมือ", "ไม่มีเงื่อนไขรายเครื่องมือ"]
    years = next(f for f in frames if "สถานะเกณฑ์" in f.columns)
    assert years[["ปีงบประมาณ (พ.ศ.)", "สถานะเกณฑ์", "น้ำหนักเครื่องมือ", "เกณฑ์ระดับผล"]
                 ].values.tolist() == [
        *[[y, "ไม่ทราบ", "ไม่ทราบ", "ไม่ทราบ"] for y in (2558, 2559, 2560)],  # nacc-2558
        [2561, "ยังไม่ยืนยัน", "ไม่ทราบ", "ไม่ทราบ"],
        [2562, "ยังไม่ยืนยัน", "ไม่ทราบ", "ยังไม่ยืนยัน"],
        *[[y, "พิมพ์ในรายงาน", "พิมพ์ในรายงาน", "พิมพ์ในรายงาน"] for y in (2563, 2564, 2565)],
        [2566, "ยังไม่ยืนยัน", "คำนวณจากตัวเลขที่มีแหล่ง", "ยังไม่ยืนยัน"],
        [2567, "ยังไม่ยืนยัน", "ยังไม่ยืนยัน", "ยังไม่ยืนยัน"],
        [2567, "พิมพ์ในรายงาน", "พิมพ์ในรายงาน", "พิมพ์ในรายงาน"],
        [2568, "ยังไม่ยืนยัน", "ยังไม่ยืนยัน", "ยังไม่ยืนยัน"],
        [2569, "ไม่ทราบ", "ไม่ทราบ", "ไม่ทราบ"]]
    sources = next(f for f in frames if "จำนวนตัวเลข" in f.columns or "ชื่อเอกสาร" in f.columns)
    assert "รายงานผลการประเมิน ITA ของสำนักงานเขตคลองสามวา ประจำปีงบประมาณ พ.ศ.2564" in \
        set(sources["ชื่อเอกสาร"])


def test_no_page_raises_for_any_reachable_filter_combination(con) -> None:
    """Every page for every real year and a few scopes (the reports' data is irregular), the
    profile of every real unit; the synthetic demo, regular by construction, in one year."""
    from ita_dash.queries import available_years, scope_options, units_with_scores

    plan = []
    for dataset in ("real", "demo"):
        options = scope_options(con, dataset=dataset)
        groups = [f"group:{v}" for v in options.loc[options["kind"] == "group", "value"]]
        units = list(units_with_scores(con, dataset=dataset)["unit_id"])
        years = available_years(con, dataset=dataset)
        if dataset == "real":
            plan += [(dataset, str(y), s, None) for y in years
                     for s in ("all", groups[0], groups[-1])]
            plan += [(dataset, str(years[i % len(years)]), "all", u) for i, u in enumerate(units)]
        else:
            plan += [(dataset, str(years[0]), s, None) for s in ("all", groups[0])]
            plan += [(dataset, str(years[-1]), "all", units[0])]
    failures = []
    at = AppTest.from_file(str(APP), default_timeout=60)  # one session: faster than one each
    for dataset, year, scope, unit in plan:
        for page in ["unit_profile"] if unit else ANALYSIS_PAGES:
            at.query_params.clear()
            at.query_params.update(dataset=dataset, year=year, scope=scope,
                                   **({"unit": unit} if unit else {}))
            at.switch_page(PAGES[page]).run()
            if at.exception:
                failures.append((page, dataset, year, scope, unit, at.exception[0].value))
    assert not failures, failures[:5]


def test_empty_situations_show_a_message_instead_of_an_empty_chart() -> None:
    no_year = run_page("overview", dataset="real", year="2565", scope="group:peer-2564-ten")
    assert any("ไม่มีคะแนนของ" in i for i in texts(no_year.info))
    assert not no_year.get("plotly_chart") and not no_year.dataframe
    one_unit = run_page("overview", dataset="real", year="2568", scope="all")
    assert any("มีเพียงหน่วยงานเดียว" in i for i in texts(one_unit.info))
    no_items = run_page("zero_items", dataset="real", year="2568", scope="all")
    assert any("ไม่มีคะแนนข้อ O" in i for i in texts(no_items.info))
    assert not no_items.get("plotly_chart")
    one_year = run_page("unit_profile", dataset="real", year="2567", unit="bkk-samphanthawong")
    assert any("ยังไม่มีการเปลี่ยนแปลงรายปี" in i for i in texts(one_year.info))


def test_profile_of_a_unit_with_several_years_shows_trend_radar_and_changes() -> None:
    at = run_page("unit_profile", dataset="demo", year="2567", unit="bkk-dusit")
    assert_no_exception(at)
    score = next(m for m in at.metric if m.label == "คะแนน ITA")
    assert (score.value, score.delta) == ("78.24", "+3.79")
    assert len(at.get("plotly_chart")) == 4  # history, radar, indicator changes, points
    history = at.dataframe[0].value
    assert list(history["ปีงบประมาณ (พ.ศ.)"]) == [2563, 2564, 2565, 2566, 2567, 2568]


def test_profile_without_a_total_shows_a_dash_and_the_reports_measures() -> None:
    # Taling Chan 2565 (seed 002): indicators 1-4 and 6-8 printed, no total
    at = run_page("unit_profile", dataset="real", year="2565", unit="bkk-talingchan")
    assert_no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["คะแนน ITA"] == "–"
    assert metrics["IIT · EIT · OIT"] == "– · 82.35 · –"  # EIT = mean of 84.16, 83.10, 79.80
    measures = [df for df in at.dataframe if "มาตรการ/แนวทาง" in df.value.columns]
    assert len(measures) == 1 and len(measures[0].value) == 27


def test_a_new_build_is_read_on_the_next_run_without_clearing_caches(
        ui_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_page("overview", dataset="real", year="2564", scope="group:peer-2564-ten")
    assert at.dataframe[0].value.iloc[0]["คะแนน"] == 72.45
    # a newer build published beside the first: Bang Sue's 2564 total differs
    new = tmp_path / "next.duckdb"
    shutil.copy(ui_db, new)
    con = duckdb.connect(str(new))
    con.execute("UPDATE unit_years SET score = 99.5 WHERE dataset = 'real' "
                "AND unit_id = 'bkk-bangsue' AND fiscal_year = 2564")
    con.close()
    monkeypatch.setattr(db, "current_build", lambda path=None: db.Build(new, "next"))
    at.run()
    assert_no_exception(at)
    assert at.dataframe[0].value.iloc[0]["คะแนน"] == 99.5


def test_every_page_file_is_in_the_page_list_with_its_url_and_title() -> None:
    at = run_page("groups", dataset="real", lang="en")
    links = [(link.proto.page, link.proto.label) for link in at.sidebar.get("page_link")]
    assert links == [
        ("overview", "Overview"), ("groups", "District groups"), ("unit_profile", "Unit profile"),
        ("weakest_indicators", "Weakest indicators"), ("zero_items", "Zero-score O-items"),
        ("about", "About the data"), ("data", "Import data"), ("presentation", "Presentation"),
        ("compare", "Compare units")]
    assert [page for page, _ in links] == list(PAGES)  # app.py lists every file of pages/
    assert all("dataset=real" in link.proto.query_string for link in at.get("page_link"))


def test_charts_on_a_page_carry_their_png_title_scope_year_and_source() -> None:
    """The page's charts are exported with their title, scope, year and source (the
    filters of the run reach ``ui.chart``), also when replayed from the element cache."""
    for _ in range(2):  # the second run replays the cached charts
        at = run_page("overview", dataset="real", year="2564", scope="group:peer-2564-ten")
        titles = {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec)["layout"]["title"]
                  for c in at.get("plotly_chart")}
        assert set(titles) == {"ratings", "ranking"}
        ranking = titles["ranking"]
        assert ranking["text"].startswith("<b>อันดับคะแนน ITA</b> · 10 เขตเปรียบเทียบ ITA 2564")
        assert ranking["text"].endswith("· พ.ศ. 2564")
        # with the national mean's figures and source (issue 17; the page is not known, said)
        assert ranking["subtitle"]["text"] == (
            "ที่มา: ข้อมูลจริงจากรายงาน · แดชบอร์ด ITA · ค่าเฉลี่ยทั้งประเทศ พ.ศ. 2564: 81.25 "
            "(8,300 หน่วยงาน) · ที่มา: ผลการประเมิน ITA ระดับประเทศ ปีงบประมาณ 2564 "
            "(ประกาศของสำนักงาน ป.ป.ช.) (ไม่ทราบ URL)")
        names = [tr["name"] for tr in json.loads(at.get("plotly_chart")[1].proto.spec)["data"]]
        assert "ค่าเฉลี่ยทั้งประเทศ 81.25" in names


def test_profile_sections_below_the_fold_are_drawn_when_switched_on() -> None:
    """The profile's first run draws the header and the years (chart and table), the lower
    sections' headings, the zero O-items and a switch under each heading (Thai and English labels);
    a switch turned on draws its section as before, and stays on for another unit."""
    params = {"dataset": "real", "year": "2567", "unit": "bkk-samphanthawong"}
    hidden, shown = run_page("unit_profile", hidden=True, **params), run_page("unit_profile",
                                                                              **params)
    assert_no_exception(hidden)
    switches = {w.key: w.label for w in hidden.toggle}
    assert switches == {"show-radar": "แสดงตัวชี้วัดทั้ง 10 เทียบกับกลุ่มและปีก่อน",
                        "show-deltas": "แสดงการเปลี่ยนแปลงรายตัวชี้วัด",
                        "show-items": "แสดงคะแนนรายข้อ",
                        "show-recoverable": 'แสดงข้อที่ยังไม่เต็มและการคำนวณ "ถ้าทำได้เต็ม"',
                        "show-measures": "แสดงมาตรการปรับปรุง"}
    assert not any(w.value for w in hidden.toggle)
    headings = texts(hidden.subheader)
    assert {"คะแนนรายข้อ (แถบสีแดง = ข้อต่ำสุดของตัวชี้วัดที่ต่ำกว่าเกณฑ์ผ่านของปีนั้น)",
            "คะแนนปีหน้าอยู่ตรงไหน: ข้อที่ยังไม่เต็ม"} <= set(headings) <= set(texts(shown.subheader))
    assert "ข้อ O ที่ได้ศูนย์: O5, O15, O18, O19, O22" in " ".join(texts(hidden.error))
    assert not hidden.get("plotly_chart") and shown.get("plotly_chart")  # one year: no lines
    item_table = "จุดอ่อน (ต่ำสุดในตัวชี้วัด และต่ำกว่าเกณฑ์ผ่าน)"  # the item table's
    assert not any(item_table in d.value.columns for d in hidden.dataframe)
    assert any(item_table in d.value.columns for d in shown.dataframe)
    # switched on: the same elements as a page drawn with every section shown
    hidden.toggle(key="show-radar").set_value(True).run()
    hidden.toggle(key="show-items").set_value(True).run()
    hidden.toggle(key="show-recoverable").set_value(True).run()
    hidden.toggle(key="show-deltas").set_value(True).run()
    hidden.toggle(key="show-measures").set_value(True).run()
    assert_no_exception(hidden)
    assert [tuple(d.value.columns) for d in hidden.dataframe] == \
        [tuple(d.value.columns) for d in shown.dataframe]
    assert len(hidden.get("plotly_chart")) == len(shown.get("plotly_chart"))
    # kept on for another unit of the session
    hidden.query_params["unit"] = "bkk-dusit"
    hidden.run()
    assert hidden.toggle(key="show-items").value
    english = run_page("unit_profile", hidden=True, lang="en", **params)
    assert {w.label for w in english.toggle} == {
        "Show the ten indicators against the group and the previous year",
        "Show the indicator changes", "Show the item scores",
        "Show the items below full marks and the what-if", "Show the improvement measures"}


def test_compare_items_side_by_side_drawn_when_switched_on() -> None:
    params = {"dataset": "demo", "year": "2568",
              "scope": "units:bkk-dusit,bkk-bangsue,bkk-pathumwan"}
    hidden, shown = run_page("compare", hidden=True, **params), run_page("compare", **params)
    assert_no_exception(hidden)
    assert hidden.toggle(key="show-compare-items").label == "แสดงคะแนนรายข้อเทียบกัน"
    assert not hidden.toggle(key="show-compare-items").value
    assert len(hidden.dataframe) == len(shown.dataframe) - 1  # the items, side by side
    hidden.toggle(key="show-compare-items").set_value(True).run()
    assert [tuple(d.value.columns) for d in hidden.dataframe] == \
        [tuple(d.value.columns) for d in shown.dataframe]
    assert hidden.dataframe[-1].value.equals(shown.dataframe[-1].value)


def test_a_shared_what_if_link_opens_its_section() -> None:
    at = run_page("unit_profile", hidden=True, dataset="real", year="2567",
                  unit="bkk-samphanthawong", whatif="O5,O15")
    assert_no_exception(at)
    assert at.toggle(key="show-recoverable").value
    assert not at.toggle(key="show-items").value
    assert "คะแนน ITA ใหม่" in [m.label for m in at.metric]


def test_profile_tables_in_expanders_are_made_only_when_opened() -> None:
    """The full tables kept in expanders (indicator changes, points recoverable, why this
    level) are drawn only once their expander is opened: the same tables then."""
    params = {"dataset": "real", "year": "2567", "unit": "bkk-samphanthawong"}
    closed, opened = run_page("unit_profile", closed=True, **params), run_page("unit_profile",
                                                                              **params)
    assert_no_exception(closed)
    labels = [e.label for e in closed.expander]
    assert labels == [e.label for e in opened.expander]
    assert {"ทำไมได้ระดับนี้", "ตารางข้อที่ยังไม่เต็มทั้งหมด"} <= set(labels)
    column = "คะแนน ITA ที่ได้เพิ่มถ้าเต็ม"
    assert not any(column in d.value.columns for d in closed.dataframe)
    assert any(column in d.value.columns for d in opened.dataframe)
    assert len(opened.dataframe) > len(closed.dataframe)
    shown = {tuple(d.value.columns) for d in closed.dataframe}
    assert shown <= {tuple(d.value.columns) for d in opened.dataframe}
