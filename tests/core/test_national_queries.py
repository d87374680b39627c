"""National-scale queries on the small fixture: rankings within agency type, slices, unit
search, aggregated matrices (exact frames), and the rows a long ranking chart keeps."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from ita_dash import charts
from ita_dash import queries as q
from ita_dash.derive import SET_PREVIOUS_YEAR
from ita_dash.scope import Scope

ALL = Scope()
NORTHEAST = "ภาคตะวันออกเฉียงเหนือ"


@pytest.fixture
def typed(fx):
    """u-a stays a Bangkok district office; u-b and u-c become SAOs in Khon Kaen."""
    fx.execute("UPDATE units SET region = 'ภาคกลาง'")
    fx.execute("UPDATE units SET unit_type = 'sao', province = 'ขอนแก่น', region = ?, "
               "parent_org = 'กระทรวงมหาดไทย' WHERE unit_id IN ('u-b', 'u-c')", [NORTHEAST])
    return fx


def test_rankings_within_agency_type(typed):
    got = q.type_rankings(typed, dataset="real", year=2567, scope=ALL)[
        ["unit_type", "rank", "n_in_type", "unit_id", "score", "prev_year", "prev_score",
         "delta_points", "prev_rank", "delta_rank"]]
    expected = pd.DataFrame({
        "unit_type": ["district_office", "sao", "sao"], "rank": [1, 1, 2],
        "n_in_type": [1, 2, 2], "unit_id": ["u-a", "u-b", "u-c"],
        "score": [97.1, 89.4, 42.0], "prev_year": [2566, 2566, None],
        "prev_score": [81.0, 61.0, None], "delta_points": [16.1, 28.4, None],
        "prev_rank": [1, 1, None], "delta_rank": [0, 0, None]})
    assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False)
    # overall, u-b is second; within its type it is first
    assert q.rankings(typed, dataset="real", year=2567, scope=ALL)["unit_id"].tolist()[1] == "u-b"


def test_type_ranking_compares_with_the_previous_scored_year(typed):
    typed.execute("DELETE FROM unit_years WHERE unit_id = 'u-b' AND fiscal_year = 2566")
    typed.execute("""INSERT INTO unit_years (dataset, unit_id, fiscal_year, framework_id, score)
                     VALUES ('real', 'u-b', 2565, 'fx', 50.0)""")
    typed.execute(SET_PREVIOUS_YEAR, {"dataset": "real"})  # as the build does
    got = q.type_rankings(typed, dataset="real", year=2567, scope=ALL).set_index("unit_id")
    assert (got.loc["u-b", "prev_year"], got.loc["u-b", "delta_points"]) == (2565, 39.4)


def test_slice_summary_by_region_with_change_of_mean(typed):
    got = q.slice_summary(typed, dataset="real", year=2567, scope=ALL, by="region")
    expected = pd.DataFrame({
        "value": ["ภาคกลาง", NORTHEAST], "n_units": [1, 2], "mean": [97.1, 65.7],
        "median": [97.1, 65.7], "min": [97.1, 42.0], "max": [97.1, 89.4], "n_pass": [1, 1],
        "pass_rate": [100.0, 50.0], "prev_mean": [81.0, 61.0], "n_prev": [1, 1],
        # the same units only: u-b 89.4 against its 61.0 (u-c has no previous year), not
        # the mean of u-b and u-c (65.7) against u-b's 61.0
        "delta_mean": [16.1, 28.4]})
    assert_frame_equal(got, expected, check_dtype=False)
    by_type = q.slice_summary(typed, dataset="real", year=2567, scope=Scope("region", NORTHEAST),
                              by="unit_type")
    assert by_type[["value", "n_units"]].values.tolist() == [["sao", 2]]
    with pytest.raises(ValueError, match="unknown slice"):
        q.slice_summary(typed, dataset="real", year=2567, scope=ALL, by="name_th; DROP")


def test_indicator_and_open_item_matrices_by_slice(typed):
    ind = q.indicator_slice_matrix(typed, dataset="real", year=2567, scope=ALL, by="region")
    north = ind[ind["value"] == NORTHEAST].set_index("indicator")
    assert (north.loc["1", "mean"], north.loc["9", "mean"], north.loc["10", "mean"]) == \
        (84.5, 50.0, 25.0)
    assert ind.drop_duplicates("value")[["value", "slice_mean", "n_units"]].values.tolist() == [
        ["ภาคกลาง", 97.1, 1], [NORTHEAST, 75.1, 2]]
    grid = q.open_item_slice_grid(typed, dataset="real", year=2567, scope=ALL, by="region")
    assert grid[["value", "code", "n_units", "n_zero", "pct_zero"]].values.tolist() == [
        ["ภาคกลาง", "O1", 1, 0, 0.0], ["ภาคกลาง", "O2", 1, 0, 0.0],
        ["ภาคกลาง", "O3", 1, 0, 0.0], ["ภาคกลาง", "O4", 1, 0, 0.0],
        [NORTHEAST, "O1", 2, 1, 50.0], [NORTHEAST, "O2", 2, 1, 50.0],
        [NORTHEAST, "O3", 2, 2, 100.0], [NORTHEAST, "O4", 2, 1, 50.0]]


def test_region_and_province_scopes(typed):
    got = q.rankings(typed, dataset="real", year=2567, scope=Scope("province", "ขอนแก่น"))
    assert got["unit_id"].tolist() == ["u-b", "u-c"]
    options = q.scope_options(typed, dataset="real")
    assert options[options["kind"] == "region"][["value", "n_units"]].values.tolist() == [
        ["ภาคกลาง", 1], [NORTHEAST, 2]]


def test_search_units_by_part_of_a_name_exact_first_and_bounded(typed):
    assert q.search_units(typed, dataset="real", text="เอ")["unit_id"].tolist() == ["u-a"]
    assert q.search_units(typed, dataset="real", text="เขต")["unit_id"].tolist() == [
        "u-c", "u-b", "u-a"]
    # every id starts with "u-": equal fit, shortest then alphabetical short name, bounded
    assert q.search_units(typed, dataset="real", text="U-", limit=2)["unit_id"].tolist() == [
        "u-c", "u-b"]
    assert q.search_units(typed, dataset="real", text="ไม่มีชื่อนี้").empty
    assert q.search_units(typed, dataset="demo", text="เอ").empty  # not scored in demo


def test_unit_card_only_for_units_of_the_dataset(typed):
    card = q.unit_card(typed, dataset="real", unit_id="u-b")
    assert card[["short_th", "unit_type", "province", "region"]].values.tolist() == [
        ["บี", "sao", "ขอนแก่น", NORTHEAST]]
    assert q.unit_card(typed, dataset="demo", unit_id="u-b").empty


def test_focus_rows_keep_top_bottom_and_the_units_neighbours():
    ranking = pd.DataFrame({"unit_id": [f"u{i}" for i in range(40)], "rank": range(1, 41)})
    kept = charts.focus_rows(ranking, "u20", top=3, around=2)
    assert kept["rank"].tolist() == [1, 2, 3, 19, 20, 21, 22, 23, 38, 39, 40]
    assert charts.focus_rows(ranking, "u1", top=3, around=2)["rank"].tolist() == [
        1, 2, 3, 4, 38, 39, 40]
    assert charts.focus_rows(ranking, None, top=50)["rank"].tolist() == list(range(1, 41))


def test_slices_by_group_and_units_without_one(typed):
    typed.execute("DELETE FROM group_members WHERE unit_id = 'u-c'")
    got = q.slice_summary(typed, dataset="real", year=2567, scope=ALL, by="group")
    assert got[["n_units", "mean"]].values.tolist() == [[2, 93.25], [1, 42.0]]
    assert got["value"].iloc[0] == "g1" and pd.isna(got["value"].iloc[1])


def test_rating_provenance_of_a_scope_is_the_provenance_of_its_ranked_units(typed):
    """The overview's notes count the ranked units of the scope only (filtered in SQL, so a
    rerun never filters 8,300 units in pandas)."""
    for scope in (ALL, Scope("unit_type", "sao"), Scope("region", NORTHEAST),
                  Scope.of_units(["u-a", "u-c"])):
        year = q.rating_provenance(typed, dataset="real", year=2567)
        ranked = q.rankings(typed, dataset="real", year=2567, scope=scope)["unit_id"]
        expected = year[year["unit_id"].isin(ranked)].reset_index(drop=True)
        got = q.rating_provenance(typed, dataset="real", year=2567, scope=scope)
        assert not expected.empty
        assert_frame_equal(got, expected)
    sao = q.rating_provenance(typed, dataset="real", year=2567, scope=Scope("unit_type", "sao"))
    assert sorted(sao["unit_id"]) == ["u-b", "u-c"]
