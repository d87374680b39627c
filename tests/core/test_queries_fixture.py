"""Exact frames from the small fixture database (tests/fixture_db.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from ita_dash import queries as q
from ita_dash.scope import Scope
from tests.fixture_db import make_fixture_db

ALL = Scope()


def test_rankings_with_levels_tools_and_change(fx):
    got = q.rankings(fx, dataset="real", year=2567, scope=ALL)[
        ["rank", "unit_id", "score", "level_code", "iit", "eit", "oit", "prev_score",
         "delta_points", "prev_rank", "delta_rank"]]
    expected = pd.DataFrame({
        "rank": [1, 2, 3], "unit_id": ["u-a", "u-b", "u-c"],
        "score": [97.1, 89.4, 42.0],
        # u-a: IIT from its printed weighted points (28 of 30) -> below 95, so GOOD not EXCELLENT
        # u-b: total >= 85 with OIT 75 < 85 -> PASS (not GOOD); u-c: 42 -> URGENT
        "level_code": ["GOOD", "PASS", "URGENT"],
        "iit": [93.33, 99.0, 70.0], "eit": [97.0, 99.0, 70.0], "oit": [100.0, 75.0, 0.0],
        "prev_score": [81.0, 61.0, None], "delta_points": [16.1, 28.4, None],
        "prev_rank": [1, 2, None], "delta_rank": [0, 0, None],
    })
    assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False)


def test_rank_ties_share_a_rank(fx):
    fx.execute("UPDATE unit_years SET score = 89.4 WHERE unit_id = 'u-a' AND fiscal_year = 2567")
    ranks = q.rankings(fx, dataset="real", year=2567, scope=ALL)["rank"].tolist()
    assert ranks == [1, 1, 3]


def test_scope_of_units_and_previous_rank_within_scope(fx):
    got = q.rankings(fx, dataset="real", year=2567, scope=Scope.of_units(["u-b", "u-c"]))
    assert got[["unit_id", "rank", "n_units"]].values.tolist() == [["u-b", 1, 2], ["u-c", 2, 2]]
    assert got["prev_rank"].iloc[0] == 1 and pd.isna(got["prev_rank"].iloc[1])


def test_scope_summary_and_rating_counts(fx):
    summary = q.scope_summary(fx, dataset="real", year=2567, scope=ALL)
    assert summary.iloc[0].to_dict() == {"n_units": 3, "mean": 76.17, "median": 89.4,
                                         "min": 42.0, "max": 97.1, "n_pass": 2,
                                         "pass_rate": 66.7}
    counts = q.rating_counts(fx, dataset="real", year=2567, scope=ALL)
    assert counts[["level_code", "n_units"]].values.tolist() == [
        ["EXCELLENT", 0], ["GOOD", 1], ["PASS", 1], ["IMPROVE", 0], ["URGENT", 1]]


def test_one_pass_rule_for_summaries_groups_and_slices(fx):
    """The pass mark is data: moved, every summary moves with it; where no framework of the
    rows has one, no summary gives a pass count or rate (never a 0 %)."""
    def rates() -> list[object]:
        scope = q.scope_summary(fx, dataset="real", year=2567, scope=ALL).iloc[0]
        groups = q.group_comparison(fx, dataset="real", year=2567, group_set="peer")
        by_type = q.slice_summary(fx, dataset="real", year=2567, scope=ALL, by="unit_type")
        return [scope["n_pass"], scope["pass_rate"], by_type["n_pass"].sum(),
                groups["pass_rate"].tolist()]

    assert rates() == [2, 66.7, 2, [66.7]]
    fx.execute("UPDATE frameworks SET pass_mark = 97.1")  # 97.1 passes: rounded, not 97.0999
    fx.execute("UPDATE unit_years SET score = 97.0999 WHERE unit_id = 'u-a'")
    assert rates() == [1, 33.3, 1, [33.3]]
    fx.execute("UPDATE frameworks SET pass_mark = NULL")
    by_type = q.slice_summary(fx, dataset="real", year=2567, scope=ALL, by="unit_type")
    scope, groups = rates()[1], rates()[3]
    assert pd.isna(scope) and pd.isna(groups).all()
    assert by_type["n_pass"].isna().all() and by_type["pass_rate"].isna().all()


def test_radar_against_previous_year_and_group_mean(fx):
    prev = q.radar(fx, dataset="real", year=2567, unit_id="u-b", compare="previous_year")
    assert prev["value"].tolist() == [99.0] * 8 + [100.0, 50.0]
    assert prev["comparison"].tolist() == [80.0] * 5 + [90.0] * 3 + [50.0, 0.0]
    mean = q.radar(fx, dataset="real", year=2567, unit_id="u-c", compare="group_mean",
                   scope=Scope("group", "g1"))
    assert mean["comparison"].tolist()[:3] == [88.33, 88.33, 88.33]
    assert mean["n_units"].tolist()[0] == 3


def test_indicator_deltas_use_the_previous_year(fx):
    deltas = q.indicator_deltas(fx, dataset="real", unit_id="u-a")
    latest = deltas[deltas["fiscal_year"] == 2567].set_index("indicator")
    assert latest.loc["1", "delta"] == 6.0
    assert latest.loc["10", "delta"] == 50.0
    assert deltas[deltas["fiscal_year"] == 2566]["delta"].isna().all()


def test_weakest_indicator_and_its_frequency(fx):
    weakest = q.weakest_indicators(fx, dataset="real", year=2567, scope=ALL)
    assert weakest[["unit_id", "indicator", "value"]].values.tolist() == [
        ["u-c", "9", 0.0], ["u-b", "10", 50.0], ["u-a", "1", 96.0]]
    freq = q.weakest_indicator_frequency(fx, dataset="real", year=2567, scope=ALL)
    assert freq[["indicator", "n_units"]].head(3).values.tolist() == [
        ["1", 1], ["9", 1], ["10", 1]]


def test_zero_items_and_consecutive_zeros(fx):
    zeros = q.zero_items(fx, dataset="real", year=2567, scope=ALL)
    assert zeros[["unit_id", "code"]].values.tolist() == [
        ["u-c", "O1"], ["u-c", "O2"], ["u-c", "O3"], ["u-c", "O4"], ["u-b", "O3"]]
    misses = q.item_miss_counts(fx, dataset="real", year=2567, scope=ALL)
    assert misses[["code", "n_units", "n_zero"]].values.tolist() == [
        ["O3", 3, 2], ["O1", 3, 1], ["O2", 3, 1], ["O4", 3, 1]]
    streaks = q.consecutive_zero_items(fx, dataset="real", year=2567, scope=ALL)
    assert streaks[["unit_id", "code", "zero_streak"]].values.tolist() == [["u-b", "O3", 2]]


def test_points_recoverable_uses_the_framework_points(fx):
    table = q.points_recoverable(fx, dataset="real", year=2567, unit_id="u-b")
    assert table[["code", "points", "recoverable"]].values.tolist() == [
        ["O3", 10.0, 10.0], ["E1", 10.0, 0.1], ["E2", 10.0, 0.1], ["E3", 10.0, 0.1],
        ["I1", 6.0, 0.06], ["I2", 6.0, 0.06], ["I3", 6.0, 0.06], ["I4", 6.0, 0.06],
        ["I5", 6.0, 0.06]]
    assert round(table["recoverable"].sum(), 4) == round(100 - 89.4, 4)


def test_consistency_flags_printed_points_that_disagree(fx):
    checks = q.consistency_checks(fx, dataset="real")
    assert checks[["unit_id", "fiscal_year", "code", "printed", "recomputed"]].values.tolist() == [
        ["u-a", 2567, "IIT_W", "28.0", "28.8"]]


def test_level_stays_unknown_when_a_tool_condition_cannot_be_checked(fx):
    from ita_dash.derive import refresh_derived

    fx.execute("""INSERT INTO scores VALUES
        ('real', 'u-c', 2566, 'fx', 'ITA', 96.0, 'fixture', NULL, NULL, NULL),
        ('real', 'u-c', 2565, 'fx', 'ITA', 80.0, 'fixture', NULL, NULL, NULL)""")
    refresh_derived(fx, "real")
    levels = fx.execute("SELECT fiscal_year, level_code FROM unit_years WHERE unit_id = 'u-c' "
                        "ORDER BY fiscal_year").fetchall()
    # 96 could be ผ่านดีเยี่ยม, ผ่านดี or ผ่าน depending on the missing tools; 80 is ต้องปรับปรุง
    assert levels == [(2565, "IMPROVE"), (2566, None), (2567, "URGENT")]


@pytest.fixture
def gap(tmp_path):
    """The fixture plus u-d, scored in 2565 and 2567 but not 2566."""
    connection = make_fixture_db(tmp_path / "gap.duckdb", gap_unit=True)
    yield connection
    connection.close()


def test_previous_year_is_the_units_previous_scored_year_everywhere(gap):
    """One definition of "previous year": u-d's 2567 compares to 2565, in every view."""
    years = gap.execute("SELECT fiscal_year, prev_year FROM unit_years WHERE unit_id = 'u-d' "
                        "ORDER BY 1").fetchall()
    assert years == [(2565, None), (2567, 2565)]
    ranking = q.rankings(gap, dataset="real", year=2567, scope=Scope()).set_index("unit_id")
    d = ranking.loc["u-d"]
    # 2567: I/E items 80 -> IIT 80, EIT 80; OIT: 9 = 100, 10 = 50 -> 75; total 24+24+30 = 78
    # 2565: IIT 60, EIT 60; OIT: 9 = (100 + 0) / 2 = 50, 10 = 50 -> 50; total 18+18+20 = 56
    assert (d["score"], d["prev_year"], d["prev_score"], d["delta_points"]) == (78.0, 2565, 56.0,
                                                                               22.0)
    assert ranking.loc["u-a", "prev_year"] == 2566  # the others compare to 2566
    assert (d["prev_rank"], d["rank"]) == (1, 3)  # alone in 2565: first of one
    history = q.unit_history(gap, dataset="real", unit_id="u-d").set_index("fiscal_year")
    assert history.loc[2567, "prev_year"] == 2565 and history.loc[2567, "delta_points"] == 22.0
    radar = q.radar(gap, dataset="real", year=2567, unit_id="u-d", compare="previous_year")
    assert radar["comparison"].tolist() == [60.0] * 8 + [50.0, 50.0]
    deltas = q.indicator_deltas(gap, dataset="real", unit_id="u-d")
    latest = deltas[deltas["fiscal_year"] == 2567].set_index("indicator")
    assert latest["prev_year"].unique().tolist() == [2565]
    assert latest["delta"].tolist() == [20.0] * 8 + [50.0, 0.0]


def test_the_deck_compares_to_the_units_previous_scored_year(gap):
    import datetime as dt

    from ita_dash.deck.slides import build_deck

    deck = build_deck(gap, dataset="real", unit_id="u-d", year=2567, scope=Scope("group", "g1"),
                      lang="th", today=dt.date(2025, 3, 5))
    radar = deck.slide("radar").chart
    assert [s.name for s in radar.series][-1] == "ดี 2565"
    assert list(radar.series[-1].values) == [60.0] * 8 + [50.0, 50.0]
    deltas = deck.slide("deltas")
    assert "2565" in deltas.subtitle
    assert list(deltas.chart.series[0].values) == [20.0] * 8 + [50.0, 0.0]
