"""Pages at scale (AppTest): unit search in the sidebar, per-unit charts switching to slices
above the threshold with drill-down, paginated tables opening on the chosen unit's page.
The thresholds are lowered so the demo's 50 districts count as "many"."""

from __future__ import annotations

import duckdb
import pytest

from ita_dash import config, queries
from ita_dash.scope import Scope
from ita_dash.ui import scale
from tests.ui.conftest import assert_no_exception, run_page


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scale, "UNIT_ROWS_MAX", 20)
    monkeypatch.setattr(scale, "PAGE_SIZE", 20)


def _radio_keys(at) -> set[str]:
    return {r.key for r in at.radio}


def test_few_units_get_one_row_each_in_the_heatmap() -> None:
    at = run_page("weakest_indicators", dataset="demo", year="2567", scope="all")
    assert_no_exception(at)
    assert "weak_slice_by" not in _radio_keys(at)
    pagers = {n.key for n in at.number_input if n.key and n.key.startswith("page_")}
    assert pagers == {"page_indicator-matrix", "page_weakest"}  # 500 and 50 rows, by 25
    weakest = at.dataframe[1].value  # after the matrix's first page
    assert len(weakest) == 25 and weakest["หน่วยงาน"].is_unique  # each unit's weakest


def test_many_units_aggregate_by_slice_then_drill_down_by_pages(small_screen) -> None:
    at = run_page("weakest_indicators", dataset="demo", year="2567", scope="all",
                  unit="bkk-bangrak")
    assert_no_exception(at)
    assert "weak_slice_by" in _radio_keys(at)
    assert at.radio(key="weak_slice_by").value == "group"  # the districts' one type: groups
    assert any("50" in c.value and "หน่วยงาน" in c.value for c in at.caption)
    assert set(at.selectbox(key="weak_drill").options[1:]) == {
        "กลุ่มเขตกรุงเทพกลาง", "กลุ่มเขตกรุงเทพตะวันออก", "กลุ่มเขตกรุงเทพใต้",
        "กลุ่มเขตกรุงธนเหนือ", "กลุ่มเขตกรุงธนใต้", "กลุ่มเขตกรุงเทพเหนือ"}
    at.radio(key="weak_slice_by").set_value("unit_type").run()
    charts_before = len(at.get("plotly_chart"))
    at.selectbox(key="weak_drill").select("district_office").run()
    assert_no_exception(at)
    assert len(at.get("plotly_chart")) == charts_before + 1  # the slice's units, one page
    ranked = queries.scope_units_ranked(_con(), dataset="demo", year=2567, scope=Scope())
    position = ranked["unit_id"].tolist().index("bkk-bangrak")
    assert at.number_input(key="page_weak-units").value == position // 20 + 1


def test_long_ranking_is_ranked_within_type_and_opens_on_the_units_page(small_screen) -> None:
    at = run_page("overview", dataset="demo", year="2567", scope="all", unit="bkk-bangrak")
    assert_no_exception(at)
    ranking = queries.type_rankings(_con(), dataset="demo", year=2567, scope=Scope())
    position = ranking["unit_id"].tolist().index("bkk-bangrak")
    assert at.number_input(key="page_type-ranking-table").value == position // 20 + 1
    table = at.dataframe[0].value
    start = position // 20 * 20
    assert len(table) == min(20, len(ranking) - start) and "บางรัก" in table["หน่วยงาน"].tolist()
    assert int(table.loc[table["หน่วยงาน"] == "บางรัก", "อันดับ"].iloc[0]) == \
        int(ranking.loc[position, "rank"])
    at.number_input(key="page_type-ranking-table").set_value(1).run()
    assert at.dataframe[0].value["อันดับ"].tolist()[:3] == [1, 2, 3]
    # the first run draws the chart and the switch; the table when it is switched on
    closed = run_page("overview", hidden=True, dataset="demo", year="2567", scope="all",
                      unit="bkk-bangrak")
    assert closed.toggle(key="show-type-ranking").label.startswith("แสดงตารางอันดับทั้งหมด")
    assert "page_type-ranking-table" not in {n.key for n in closed.number_input}
    closed.toggle(key="show-type-ranking").set_value(True).run()
    assert closed.number_input(key="page_type-ranking-table").value == position // 20 + 1
    assert closed.dataframe[0].value.equals(table)


def test_unit_search_lists_matches_and_picks_one() -> None:
    at = run_page("overview", dataset="demo", year="2567")
    at.sidebar.text_input(key="w_unit_search").input("bang ra").run()
    assert_no_exception(at)
    picker = at.sidebar.selectbox(key="w_unit")
    assert "bkk-bangrak" in picker.options or "บางรัก" in picker.options
    picker.select("bkk-bangrak").run()
    assert at.query_params["unit"] == "bkk-bangrak"


def _con() -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(config.db_path()), read_only=True)
