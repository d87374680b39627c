"""The users' journeys (issue 12): defaults on data, groups in the URL, the coordinator's
outlook and measures, presentation controls, the compare page, chart details."""

from __future__ import annotations

import pandas as pd

from ita_dash import charts, queries
from ita_dash.deck.slides import build_deck
from ita_dash.images import export_title
from ita_dash.scope import Scope
from tests.ui.conftest import assert_no_exception, run_page, texts


def test_defaults_open_on_the_richest_data_of_each_dataset() -> None:
    real = run_page("unit_profile", dataset="real")
    assert (real.query_params["year"], real.query_params["unit"]) == ("2564", "bkk-khlongsamwa")
    assert texts(real.subheader)[0] == "คลองสามวา · พ.ศ. 2564"
    assert real.get("plotly_chart")  # charts, not only info boxes
    demo = run_page("overview", dataset="demo")
    assert demo.query_params["year"] == "2568"


def test_switching_dataset_moves_to_its_default_year() -> None:
    at = run_page("overview", dataset="real", year="2564")
    at.sidebar.selectbox(key="w_dataset").select("demo").run()
    assert (at.query_params["dataset"], at.query_params["year"]) == ("demo", "2568")
    at = run_page("overview", dataset="demo", year="2564")  # a year named in the URL stays
    assert at.query_params["year"] == "2564"


def test_groups_page_opens_on_the_units_group_and_keeps_the_choice_in_the_url() -> None:
    at = run_page("groups", dataset="demo", year="2567", unit="bkk-dusit")
    assert_no_exception(at)
    assert at.query_params["group"] == "group:bkk-centralbangkok"
    at.selectbox(key="groups_pick_bkk_district_group").select("group:bkk-southbangkok").run()
    assert at.query_params["group"] == "group:bkk-southbangkok"
    shared = run_page("groups", dataset="demo", year="2567", unit="bkk-dusit",
                      group="group:bkk-southbangkok")
    ranking = next(d.value for d in shared.dataframe if "อันดับ" in d.value.columns)
    assert len(ranking) == 10


def test_groups_message_names_the_group_picked() -> None:
    at = run_page("groups", dataset="real", year="2565", unit="bkk-dusit")
    assert any("กลุ่มเขตกรุงเทพกลาง" in m and "2565" in m for m in texts(at.info)) or \
        at.dataframe  # Dusit 2565 is scored: its group has a ranking


def test_group_trend_breaks_at_a_missing_year() -> None:
    trend = pd.DataFrame({"group_id": ["g"] * 2, "name_th": ["ก"] * 2, "name_en": ["G"] * 2,
                          "fiscal_year": [2564, 2566], "n_units": [1, 1], "mean": [70.0, 80.0]})
    fig = charts.group_trend_lines(trend, "th")
    assert list(fig.data[0].x) == [2564, 2565, 2566]
    assert pd.isna(fig.data[0].y[1]) and fig.data[0].connectgaps is False


def test_coordinator_sees_recoverable_total_outlook_and_measures_of_the_weakest_indicator(
) -> None:
    at = run_page("unit_profile", dataset="real", year="2567", unit="bkk-samphanthawong")
    assert_no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["คะแนนที่เก็บคืนได้ทั้งหมด"] == "12.33"
    assert metrics["ถ้าได้คะแนนเต็มทุกข้อ"] == "100.00"
    assert texts(at.success) == [
        "ถ้าข้อที่ยังไม่เต็มทั้ง 23 ข้อได้คะแนนเต็ม จะได้เพิ่ม 12.33 คะแนน: จาก 87.67 (ผ่าน) "
        "เป็น 100.00 (ผ่านดีเยี่ยม)"]
    picker = at.selectbox(key="measures_indicator_bkk-samphanthawong_2567")
    assert picker.value == "10"  # the weakest indicator (40.00) first
    cards = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "O18" in cards and "คะแนน พ.ศ. 2567: 0.00" in cards
    assert "ยังไม่มีคะแนนของปีถัดไป (พ.ศ. 2568)" in cards


def test_outlook_of_khlong_sam_wa_2564_reaches_a() -> None:
    at = run_page("unit_profile", dataset="real", year="2564", unit="bkk-khlongsamwa")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["คะแนนที่เก็บคืนได้ทั้งหมด"] == "20.53"
    assert metrics["ถ้าได้คะแนนเต็มทุกข้อ"] == "86.95"


def test_weakness_slide_lists_only_items_below_full_marks(con) -> None:
    for unit in ("bkk-khlongtoei", "bkk-dusit", "bkk-pathumwan"):
        deck = build_deck(con, dataset="demo", unit_id=unit, year=2568)
        weak = deck.slide("weakest")
        if weak.table is not None:
            assert all(float(row[2]) < 100 for row in weak.table.rows), (unit, weak.table.rows)


def test_presentation_has_pickers_keys_slide_list_and_exit() -> None:
    at = run_page("presentation", dataset="demo", year="2568", unit="bkk-dusit",
                  scope="group:bkk-centralbangkok")
    assert_no_exception(at)
    keys = {b.key for b in at.button}
    assert {"deck_first", "deck_prev", "deck_next", "deck_last"} <= keys
    html = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "PageDown" in html and "st-key-deck_" in html
    at.button(key="deck_last").click().run()  # 8 slides less one with nothing to show
    assert "7 / 7" in at.markdown[0].value
    at.selectbox(key="deck_list").select(1).run()
    assert "2 / 7" in at.markdown[0].value
    at.button(key="deck_first").click().run()
    assert "1 / 7" in at.markdown[0].value
    assert {s.key for s in at.selectbox} >= {"p_year", "p_scope", "p_unit", "deck_list"}
    at.selectbox(key="p_scope").select("group:bkk-southbangkok").run()
    assert at.query_params["scope"] == "group:bkk-southbangkok"


def test_compare_page_keeps_three_districts_in_the_url() -> None:
    scope = "units:bkk-khlongsamwa,bkk-bangsue,bkk-talingchan"
    at = run_page("compare", dataset="real", year="2564", scope=scope)
    assert_no_exception(at)
    assert at.query_params["scope"] == scope
    totals = next(d.value for d in at.dataframe if "ระดับ" in d.value.columns)
    rows = sorted(zip(totals["หน่วยงาน"], totals["ปีงบประมาณ (พ.ศ.)"].astype(str),
                      totals["คะแนน"].astype(str), strict=True))
    assert rows[:3] == [("คลองสามวา", "2564", "66.42"), ("ตลิ่งชัน", "2564", "65.96"),
                        ("ตลิ่งชัน", "2565", "–")]  # Taling Chan 2565 prints no total
    assert rows[3] == ("บางซื่อ", "2564", "72.45")
    assert "/compare?dataset=real&year=2564&scope=units:bkk-khlongsamwa,bkk-bangsue," \
           "bkk-talingchan&unit=bkk-khlongsamwa&lang=th" in at.code[0].value
    at.multiselect(key="compare_units").unselect("bkk-talingchan").run()
    assert at.query_params["scope"] == "units:bkk-khlongsamwa,bkk-bangsue"


def test_compare_items_only_where_the_frameworks_agree(con) -> None:
    scope = Scope.of_units(["bkk-dusit", "bkk-bangsue", "bkk-pathumwan"])
    items = queries.compare_items(con, dataset="demo", year=2568, scope=scope)
    assert items["framework_id"].nunique() == 1
    assert items.groupby("code")["unit_id"].nunique().min() >= 2
    mixed = Scope.of_units(["bkk-samphanthawong", "bkk-dusit"])
    assert queries.compare_items(con, dataset="real", year=2567, scope=mixed).empty


def test_radar_range_starts_near_the_lowest_value_and_is_labelled(con) -> None:
    mine = queries.radar(con, dataset="demo", year=2568, unit_id="bkk-khlongtoei",
                         compare="previous_year")
    fig = charts.radar_chart(mine, [], "th")
    low = fig.layout.polar.radialaxis.range[0]
    assert low == charts.radar_floor(list(mine["value"])) and low >= 80
    assert "แกนเริ่มที่" in fig.layout.annotations[0].text
    assert charts.radar_floor([18.75, 90]) == 0


def test_count_axes_are_whole_numbers_and_every_name_is_labelled(con) -> None:
    counts = queries.rating_counts(con, dataset="real", year=2564, scope=Scope())
    assert charts.rating_bar(counts, "th").layout.yaxis.tickformat == "d"
    ranking = queries.rankings(con, dataset="demo", year=2568, scope=Scope())
    fig = charts.ranking_bar(ranking, "th")
    assert len(fig.layout.yaxis.tickvals) == 50
    grid = queries.open_item_grid(con, dataset="demo", year=2568,
                                  scope=Scope("group", "bkk-centralbangkok"))
    grid_fig = charts.open_item_grid(grid, "th")
    assert list(grid_fig.layout.xaxis.tickvals) == list(
        grid.sort_values("seq")["code"].drop_duplicates())
    assert grid_fig.layout.meta["min_width"] > 390


def test_png_export_title_names_scope_year_source_and_synthetic_mark(con) -> None:
    fig = charts.ranking_bar(queries.rankings(con, dataset="demo", year=2568, scope=Scope()),
                             "th")
    export_title(fig, "อันดับคะแนน ITA", "ทุกหน่วยงาน · พ.ศ. 2568", "ที่มา: ข้อมูลสาธิต",
                 "ข้อมูลสังเคราะห์ ไม่ใช่ผลการประเมินจริง")
    title, subtitle = fig.layout.title.text, fig.layout.title.subtitle.text
    assert "อันดับคะแนน ITA" in title and "พ.ศ. 2568" in title
    assert "ที่มา: ข้อมูลสาธิต" in subtitle and "ข้อมูลสังเคราะห์" in subtitle
    assert fig.layout.margin.t >= 124


def test_compared_units_open_as_slides_ranked_among_themselves() -> None:
    at = run_page("presentation", dataset="demo", year="2568", unit="bkk-dusit",
                  scope="units:bkk-bangphlat,bkk-dusit,bkk-phayathai")
    assert_no_exception(at)
    at.button(key="deck_next").click().run()
    html = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "อันดับใน หน่วยงานที่เลือก (3)" in html and "อันดับ 2 จาก 3 หน่วยงาน" in html


def test_ranking_names_the_chosen_unit_with_its_rank(con) -> None:
    ranking = queries.rankings(con, dataset="real", year=2564, scope=Scope("group", "peer-2564-ten"))
    fig = charts.ranking_bar(ranking, "th", highlight="bkk-khlongsamwa")
    assert "<b>▶ 7. คลองสามวา</b>" in fig.layout.yaxis.ticktext
    assert sum("▶" in label for label in fig.layout.yaxis.ticktext) == 1
