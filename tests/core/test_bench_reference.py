"""The benchmark's reference implementations equal the query functions on the fixture database."""

from __future__ import annotations

import pytest

from ita_dash import queries
from ita_dash.bench_reference import REFERENCES, mismatch
from ita_dash.scope import Scope
from tests.fixture_db import make_fixture_db

D, Y, UNIT = "real", 2567, "u-a"
ALL, GROUP = Scope(), Scope("group", "g1")
CALLS: list[tuple[str, dict[str, object]]] = [
    ("available_years", {"dataset": D}),
    ("units_per_year", {"dataset": D}),
    ("units_in_scope", {"dataset": D, "scope": GROUP}),
    ("rankings", {"dataset": D, "year": Y, "scope": ALL}),
    ("rankings", {"dataset": D, "year": 2566, "scope": Scope.of_units(["u-b", "u-c"])}),
    ("scope_summary", {"dataset": D, "year": Y, "scope": GROUP}),
    ("rating_counts", {"dataset": D, "year": Y, "scope": ALL}),
    ("group_comparison", {"dataset": D, "year": Y, "group_set": "peer"}),
    ("group_trend", {"dataset": D, "group_set": "peer"}),
    ("group_spread", {"dataset": D, "year": Y, "group_set": "peer"}),
    ("unit_history", {"dataset": D, "unit_id": UNIT}),
    ("indicator_deltas", {"dataset": D, "unit_id": UNIT}),
    ("radar", {"dataset": D, "year": Y, "unit_id": UNIT, "compare": "group_mean",
               "scope": GROUP}),
    ("radar", {"dataset": D, "year": Y, "unit_id": UNIT, "compare": "group_median",
               "scope": GROUP}),
    ("radar", {"dataset": D, "year": Y, "unit_id": UNIT, "compare": "previous_year"}),
    ("radar", {"dataset": D, "year": Y, "unit_id": UNIT, "compare": "unit", "other_unit": "u-c"}),
    ("indicator_matrix", {"dataset": D, "year": Y, "scope": ALL}),
    ("weakest_indicators", {"dataset": D, "year": Y, "scope": ALL}),
    ("weakest_indicator_frequency", {"dataset": D, "year": Y, "scope": ALL}),
    ("unit_items", {"dataset": D, "year": 2566, "unit_id": UNIT}),
    ("weakest_items", {"dataset": D, "year": 2566, "unit_id": "u-b"}),
    ("points_recoverable", {"dataset": D, "year": 2566, "unit_id": "u-b"}),
    ("total_from_items", {"dataset": D, "year": Y, "unit_id": "u-c"}),
    ("open_item_grid", {"dataset": D, "year": Y, "scope": ALL}),
    ("zero_items", {"dataset": D, "year": Y, "scope": ALL}),
    ("item_miss_counts", {"dataset": D, "year": Y, "scope": ALL}),
    ("consecutive_zero_items", {"dataset": D, "year": Y, "scope": ALL}),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    connection = make_fixture_db(tmp_path_factory.mktemp("ref") / "fx.duckdb")
    yield connection
    connection.close()


def test_every_reference_is_exercised():
    assert {name for name, _ in CALLS} == set(REFERENCES)


PRESENT = [(n, kw) for n, kw in CALLS if callable(getattr(queries, n, None))]


@pytest.mark.parametrize(("name", "kwargs"), PRESENT, ids=[f"{n}-{i}" for i, (n, _) in
                                                           enumerate(PRESENT)])
def test_reference_equals_query(con, name, kwargs):
    got = getattr(queries, name)(con, **kwargs)
    want = REFERENCES[name].reference(con, **kwargs)
    assert len(want) > 0
    assert mismatch(name, got, want) is None


def test_a_wrong_result_is_caught(con):
    kwargs = {"dataset": D, "year": Y, "scope": ALL}
    got = queries.rankings(con, **kwargs)
    want = REFERENCES["rankings"].reference(con, **kwargs)
    got.loc[0, "score"] += 0.02
    assert mismatch("rankings", got, want).startswith("score: row 0")
    got.loc[0, "score"] -= 0.02
    got.loc[1, "rank"] += 1
    assert mismatch("rankings", got, want).startswith("rank: row 1")


def test_consecutive_zero_streaks_are_real_figures(con):
    want = REFERENCES["consecutive_zero_items"].reference(
        con, dataset=D, year=Y, scope=ALL)
    # u-b's O3 is zero in 2566 and 2567 (fixture ITEM_SCORES); u-a's O4 recovered in 2567
    assert want.to_dict("records") == [{"unit_id": "u-b", "code": "O3", "first_year": 2566,
                                        "last_year": 2567, "zero_streak": 2}]
