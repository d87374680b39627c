"""The reports' own figures, reproduced through the query layer (dataset ``real``)."""

from __future__ import annotations

import pandas as pd
from pandas.testing import assert_frame_equal

from ita_dash import queries as q
from ita_dash.scope import Scope

TEN = Scope("group", "peer-2564-ten")
SAM = "bkk-samphanthawong"


def test_2564_ten_district_ranking_matches_seed_000(con):
    ranking = q.rankings(con, dataset="real", year=2564, scope=TEN)
    got = ranking[["rank", "short_th", "score", "level_code"]]
    expected = pd.DataFrame({
        "rank": list(range(1, 11)),
        "short_th": ["บางซื่อ", "พระโขนง", "สวนหลวง", "ปทุมวัน", "บางขุนเทียน", "จตุจักร",
                     "คลองสามวา", "ตลิ่งชัน", "หนองจอก", "บางรัก"],
        "score": [72.45, 72.07, 71.06, 68.45, 67.18, 66.51, 66.42, 65.96, 62.68, 62.19],
        "level_code": ["C"] * 8 + ["D", "D"],
    })
    assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False)
    # tool split comes from the printed weighted points: IIT 22.04 of 30 -> 73.47
    first = ranking.iloc[0]
    assert (first["iit"], first["eit"], first["oit"]) == (73.47, 70.53, 73.15)
    assert ranking["n_units"].unique().tolist() == [10]


def test_printed_levels_agree_with_the_scales(con):
    years = con.execute(
        "SELECT unit_id, fiscal_year, level_code, printed_level FROM unit_years "
        "WHERE dataset = 'real' AND printed_level IS NOT NULL ORDER BY ALL").df()
    assert len(years) == 13
    assert (years["level_code"] == years["printed_level"]).all()


def test_samphanthawong_2567_total_recomputed_from_its_40_items(con):
    totals = q.total_from_items(con, dataset="real", year=2567, unit_id=SAM).set_index("tool")
    assert totals.loc["ITA", "n_items"] == 40
    assert totals.loc["ITA", "points_max"] == 100
    assert round(totals.loc["ITA", "points"], 2) == 87.67
    assert totals.loc["IIT", "points"] == 29.141
    assert totals.loc["EIT", "points"] == 29.026
    assert totals.loc["OIT", "points"] == 29.5


def test_samphanthawong_2567_rating_is_pass_because_oit_is_below_85(con):
    history = q.unit_history(con, dataset="real", unit_id=SAM)
    row = history.iloc[0]
    assert (row["fiscal_year"], row["score"], row["level_th"]) == (2567, 87.67, "ผ่าน")
    assert (row["iit"], row["eit"], row["oit"]) == (97.14, 96.75, 73.75)


def test_samphanthawong_2567_sub_indicators_recompute_to_the_printed_figures(con):
    values = q.recomputed_values(con, dataset="real", year=2567, unit_id=SAM).set_index("code")
    for code, printed in {"9.1": 100.0, "9.2": 81.25, "9.3": 66.67, "9.4": 100.0, "9.5": 100.0,
                          "10.1": 50.0, "10.2": 0.0, "9": 85.0, "10": 40.0, "1": 99.84,
                          "3": 97.26, "6": 97.88, "8": 95.82}.items():
        assert values.loc[code, "printed"] == printed
        assert abs(values.loc[code, "recomputed"] - printed) < 0.01, code


def test_samphanthawong_2567_weakest_indicator_is_10(con):
    weakest = q.weakest_indicators(con, dataset="real", year=2567, scope=Scope.of_units([SAM]))
    assert weakest[["indicator", "value"]].values.tolist() == [["10", 40.0]]


def test_samphanthawong_2567_zero_o_items(con):
    zeros = q.zero_items(con, dataset="real", year=2567, scope=Scope.of_units([SAM]))
    assert zeros["code"].tolist() == ["O5", "O15", "O18", "O19", "O22"]


def test_samphanthawong_2567_points_recoverable_starts_with_the_zero_items(con):
    table = q.points_recoverable(con, dataset="real", year=2567, unit_id=SAM)
    head = table.head(6)[["code", "score", "points", "recoverable"]]
    expected = pd.DataFrame({
        "code": ["O5", "O18", "O19", "O22", "O15", "O9"],
        "score": [0.0, 0.0, 0.0, 0.0, 0.0, 50.0],
        "points": [2.0, 2.0, 2.0, 2.0, 1.5, 2.0],
        "recoverable": [2.0, 2.0, 2.0, 2.0, 1.5, 1.0],
    })
    assert_frame_equal(head.reset_index(drop=True), expected)
    assert round(table["recoverable"].sum() + 87.667, 3) == 100.0


def test_khlong_sam_wa_2564_parts_recompute_and_one_printed_figure_disagrees(con):
    values = q.recomputed_values(con, dataset="real", year=2564,
                                 unit_id="bkk-khlongsamwa").set_index("code")
    assert round(values.loc["9.3", "recomputed"], 2) == 71.43  # 5 of 7 items published
    assert values.loc["10", "recomputed"] == 18.75
    assert round(values.loc["IIT_W", "recomputed"], 2) == 23.09
    checks = q.consistency_checks(con, dataset="real")
    assert checks[["short_th", "fiscal_year", "code", "printed", "recomputed"]].values.tolist() == [
        ["คลองสามวา", 2564, "EIT_W", "23.85", "23.734"]]


def test_other_reports(con):
    dusit = q.unit_history(con, dataset="real", unit_id="bkk-dusit")
    assert dusit[["fiscal_year", "score", "level_code"]].values.tolist() == [[2565, 90.4, "A"]]
    unit = q.find_unit(con, name="เทศบาลตำบลเขวาสินรินทร์")
    assert unit == q.find_unit(con, name="เทศบาลตำบลเขวาใหญ่") == "th-mkm-khwaoyai-tm"
    muni = q.unit_history(con, dataset="real", unit_id=unit)
    assert muni[["fiscal_year", "score", "level_code"]].values.tolist() == [
        [2568, 81.24, "IMPROVE"]]
    taling = q.unit_history(con, dataset="real", unit_id="bkk-talingchan")
    assert taling["fiscal_year"].tolist() == [2564, 2565]
    refs = q.reference_scores(con, dataset="real", year=2565, unit_id="bkk-talingchan")
    assert len(refs) == 27
    assert refs.set_index("code").loc["I7", "score"] == 57.14


def test_export_has_every_real_figure_with_its_source(con):
    frame = q.export_scores(con, dataset="real")
    assert list(frame.columns) == ["unit_name_th", "fiscal_year", "framework", "code", "score",
                                   "source"]
    assert len(frame) == 181
    row = frame[(frame["unit_name_th"] == "สำนักงานเขตสัมพันธวงศ์") & (frame["code"] == "O15")]
    assert row[["fiscal_year", "score"]].values.tolist() == [[2567, 0.0]]
    assert row["source"].iloc[0].startswith("seed001 / ")
