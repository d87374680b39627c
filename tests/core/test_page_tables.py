"""The page tables (:mod:`ita_dash.page_tables`): each lookup that replaced a per-view
computation gives exactly the frame the former query gave (its SQL kept here), on the
real and demo datasets, for several years, scopes and units; and the measures query, now
narrowed to the unit's own values, gives the former frame for every unit-year with
measures."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from ita_dash import queries as q
from ita_dash.scope import Scope

FORMER_WEAKEST = """
SELECT * FROM (
    SELECT iv.unit_id, u.short_th, u.short_en, iv.indicator, iv.seq, iv.label_th,
           iv.label_en, iv.tool, round(iv.value, 2) AS value,
           row_number() OVER (PARTITION BY iv.unit_id ORDER BY round(iv.value, 2), iv.seq) AS pos,
           count(*) OVER (PARTITION BY iv.unit_id) AS n_indicators
    FROM ({indicator_values}) iv JOIN units u USING (unit_id)
    WHERE iv.fiscal_year = $year AND {scope})
WHERE pos = 1
"""

FORMER_FREQUENCY = """
WITH w AS (""" + FORMER_WEAKEST + """)
SELECT i.code AS indicator, i.seq, i.label_th, i.label_en, i.tool,
       count(w.unit_id) AS n_units
FROM indicators i LEFT JOIN w ON w.indicator = i.code
GROUP BY ALL ORDER BY n_units DESC, i.seq"""

FORMER_STREAKS = """
        WITH RECURSIVE items AS ({items}),
        pairs AS (
            SELECT from_framework AS fw, from_code AS code, to_framework AS other_fw,
                   to_code AS other_code FROM item_crosswalk
            UNION
            SELECT to_framework, to_code, from_framework, from_code FROM item_crosswalk),
        zero_now AS (
            SELECT it.unit_id, it.framework_id, it.code, it.seq, it.label_th, it.label_en
            FROM items it JOIN units u USING (unit_id)
            WHERE it.tool = 'OIT' AND it.fiscal_year = $year AND it.score <= 0 AND {scope}),
        chain AS (
            SELECT unit_id, framework_id AS start_fw, code AS start_code,
                   $year AS fiscal_year, framework_id, code, 1 AS streak
            FROM zero_now
            UNION
            SELECT c.unit_id, c.start_fw, c.start_code, p.fiscal_year, p.framework_id, it.code,
                   c.streak + 1
            FROM chain c
            JOIN unit_years y ON y.dataset = $dataset AND y.unit_id = c.unit_id
                 AND y.fiscal_year = c.fiscal_year
            JOIN unit_years p ON p.dataset = y.dataset AND p.unit_id = y.unit_id
                 AND p.fiscal_year = y.prev_year
            JOIN items it ON it.unit_id = c.unit_id AND it.fiscal_year = p.fiscal_year
                 AND it.framework_id = p.framework_id AND it.tool = 'OIT' AND it.score <= 0
            LEFT JOIN pairs x ON x.fw = c.framework_id AND x.code = c.code
                 AND x.other_fw = p.framework_id AND x.other_code = it.code
            WHERE (p.framework_id = c.framework_id AND it.code = c.code)
               OR x.fw IS NOT NULL),
        streaks AS (
            SELECT unit_id, start_fw, start_code, max(streak) AS zero_streak,
                   arg_max(fiscal_year, streak) AS first_year, arg_max(code, streak) AS first_code
            FROM chain GROUP BY ALL)
        SELECT z.unit_id, u.short_th, u.short_en, z.framework_id, z.code, z.label_th,
               z.label_en, s.first_year, $year AS last_year, s.zero_streak, s.first_code
        FROM streaks s
        JOIN zero_now z ON z.unit_id = s.unit_id AND z.framework_id = s.start_fw
             AND z.code = s.start_code
        JOIN units u ON u.unit_id = z.unit_id
        WHERE s.zero_streak >= 2
        ORDER BY s.zero_streak DESC, u.short_th, z.seq"""

FORMER_MEASURES = """
        WITH m AS (SELECT * FROM measures WHERE dataset = $dataset AND unit_id = $unit_id
                   AND fiscal_year = $year),
        placed AS (
            SELECT m.*, coalesce(n.indicator, i.code) AS indicator,
                   coalesce(n.label_th, i.label_th) AS label_th,
                   coalesce(n.label_en, i.label_en) AS label_en,
                   coalesce(n.seq, 0) AS node_seq
            FROM m LEFT JOIN framework_nodes n ON n.framework_id = m.framework_id
                 AND n.code = m.code
            LEFT JOIN indicators i ON i.code = m.code)
        SELECT p.fiscal_year, p.code, p.label_th, p.label_en, p.indicator,
               ind.label_th AS indicator_th, ind.label_en AS indicator_en, ind.seq AS ind_seq,
               round(iv.value, 2) AS indicator_score,
               round(v.value, 2) AS score, round(nxt.value, 2) AS next_score,
               round(nxt.value - v.value, 2) AS next_delta,
               EXISTS (SELECT 1 FROM unit_years y WHERE y.dataset = $dataset
                       AND y.unit_id = $unit_id AND y.fiscal_year = $year + 1)
                   AS next_year_scored,
               p.analysis, p.measure, p.communication, p.schedule, p.responsible, p.status,
               p.result, p.source_id, p.source_ref
        FROM placed p
        LEFT JOIN indicators ind ON ind.code = p.indicator
        LEFT JOIN node_values iv ON iv.dataset = p.dataset AND iv.unit_id = p.unit_id
             AND iv.fiscal_year = p.fiscal_year AND iv.code = p.indicator
             AND iv.kind = 'indicator'
        LEFT JOIN node_values v ON v.dataset = p.dataset AND v.unit_id = p.unit_id
             AND v.fiscal_year = p.fiscal_year AND v.code = p.code
        LEFT JOIN node_values nxt ON nxt.dataset = p.dataset AND nxt.unit_id = p.unit_id
             AND nxt.fiscal_year = p.fiscal_year + 1 AND nxt.code = p.code
             AND (nxt.kind = 'indicator' OR nxt.framework_id = p.framework_id)
        ORDER BY iv.value NULLS LAST, ind.seq, p.node_seq, p.measure_id"""

FORMER_COUNTS = """
SELECT d.*, (SELECT count(*) FROM scores s WHERE s.dataset = d.dataset) AS n_scores,
       (SELECT count(*) FROM unit_years y WHERE y.dataset = d.dataset) AS n_unit_years
FROM datasets d WHERE d.dataset = $dataset"""


def scopes(con, dataset: str) -> list[Scope]:
    """All units, the first group, the first agency type and three units of the dataset."""
    units = q.units_with_scores(con, dataset=dataset)
    options = q.scope_options(con, dataset=dataset)
    found = [Scope()]
    for kind in ("group", "unit_type"):
        rows = options[options["kind"] == kind]
        if not rows.empty:
            found.append(Scope(kind, str(rows.iloc[0]["value"])))
    found.append(Scope.of_units(units["unit_id"].iloc[[0, len(units) // 2, -1]].tolist()))
    return found


def same(got: pd.DataFrame, former: pd.DataFrame) -> None:
    assert_frame_equal(got.reset_index(drop=True), former.reset_index(drop=True))


@pytest.mark.parametrize("dataset", ["real", "demo"])
def test_weakest_indicators_and_their_frequency_as_before(con, dataset):
    seen = 0
    for year in q.available_years(con, dataset=dataset):
        for scope in scopes(con, dataset):
            params = {"dataset": dataset, "year": year}
            former = q._run(con, FORMER_WEAKEST + " ORDER BY value, short_th", params, scope)
            same(q.weakest_indicators(con, dataset=dataset, year=year, scope=scope), former)
            same(q.weakest_indicator_frequency(con, dataset=dataset, year=year, scope=scope),
                 q._run(con, FORMER_FREQUENCY, params, scope))
            seen += len(former)
    assert seen > 0


def test_consecutive_zero_items_as_before(con):
    seen = 0
    for dataset in ("real", "demo"):
        for year in q.available_years(con, dataset=dataset):
            for scope in scopes(con, dataset):
                former = q._run(con, FORMER_STREAKS, {"dataset": dataset, "year": year}, scope)
                same(q.consecutive_zero_items(con, dataset=dataset, year=year, scope=scope),
                     former)
                seen += len(former)
    assert seen > 0  # streaks exist in the data, so the comparison means something


def test_measures_by_indicator_as_before(con):
    pairs = con.execute("SELECT DISTINCT dataset, unit_id, fiscal_year FROM measures "
                        "ORDER BY ALL").fetchall()
    assert pairs
    for dataset, unit, year in pairs:
        params = {"dataset": dataset, "unit_id": unit, "year": year}
        same(q.measures_by_indicator(con, dataset=dataset, unit_id=unit, year=year),
             q._run(con, FORMER_MEASURES, params))


@pytest.mark.parametrize("dataset", ["real", "demo", "no-such-dataset"])
def test_dataset_counts_as_before(con, dataset):
    same(q.dataset_info(con, dataset=dataset), q._run(con, FORMER_COUNTS, {"dataset": dataset}))


FORMER_RADAR = """
WITH mine AS (SELECT * FROM ({indicator_values}) WHERE unit_id = $unit_id
              AND fiscal_year = $year),
     other AS ({comparison})
SELECT i.code AS indicator, i.seq, i.label_th, i.label_en, i.tool,
       round(mine.value, 2) AS value, round(other.comparison, 2) AS comparison,
       other.n_units
FROM indicators i LEFT JOIN mine ON mine.indicator = i.code
LEFT JOIN other ON other.indicator = i.code
ORDER BY i.seq
"""


@pytest.mark.parametrize("dataset", ["real", "demo"])
def test_radar_from_its_two_parts_as_before(con, dataset):
    """The radar is the group's comparison (shared by its units) and the unit's values."""
    units = q.units_with_scores(con, dataset=dataset)["unit_id"].tolist()
    cases = [("group_mean", {}), ("group_median", {}), ("previous_year", {}),
             ("unit", {"other_unit": units[-1]})]
    for year in q.available_years(con, dataset=dataset)[-3:]:
        for unit in (units[0], units[len(units) // 2]):
            for scope in scopes(con, dataset):
                for compare, extra in cases:
                    sql = FORMER_RADAR.replace("{comparison}", q.RADAR_COMPARISONS[compare])
                    params = {"dataset": dataset, "year": year, "unit_id": unit, **extra}
                    same(q.radar(con, dataset=dataset, year=year, unit_id=unit, compare=compare,
                                 scope=scope, **extra),
                         q._run(con, sql, params, scope))


# The former reads of a unit's own values: every row of node_values filtered by unit_id
# (the fragments' SQL before unit_values), and a scope of listed units read from all units.
FORMER_UNIT_FRAGMENTS = {"unit_values": "node_values",
                         "unit_indicator_values": q.INDICATOR_VALUES,
                         "other_indicator_values": q.INDICATOR_VALUES,
                         "unit_items": q.ITEMS_SQL}


def unit_reads(con, dataset: str, unit: str, year: int, other: str) -> dict[str, pd.DataFrame]:
    """Every query that reads one unit's values (or a few listed units')."""
    unit_year = {"dataset": dataset, "unit_id": unit, "year": year}
    listed = Scope.of_units([unit, other])
    return {
        "unit_indicator_values": q.unit_indicator_values(con, **unit_year),
        "radar_previous": q.radar_comparison(con, dataset=dataset, year=year,
                                             compare="previous_year", unit_id=unit),
        "radar_unit": q.radar_comparison(con, dataset=dataset, year=year, compare="unit",
                                         other_unit=other),
        "indicator_deltas": q.indicator_deltas(con, dataset=dataset, unit_id=unit),
        "unit_items": q.unit_items(con, **unit_year),
        "weakest_items": q.weakest_items(con, **unit_year, n=5),
        "points_recoverable": q.points_recoverable(con, **unit_year),
        "recoverable_outlook": q.recoverable_outlook(con, **unit_year),
        "total_from_items": q.total_from_items(con, **unit_year),
        "recomputed_values": q.recomputed_values(con, **unit_year),
        "unit_measures": q.unit_measures(con, dataset=dataset, unit_id=unit),
        "measures_by_indicator": q.measures_by_indicator(con, **unit_year),
        "zero_items": q.zero_items(con, dataset=dataset, year=year, scope=listed),
        "open_item_grid": q.open_item_grid(con, dataset=dataset, year=year, scope=listed),
        "item_miss_counts": q.item_miss_counts(con, dataset=dataset, year=year, scope=listed),
        "indicator_matrix": q.indicator_matrix(con, dataset=dataset, year=year, scope=listed),
        "compare_indicators": q.compare_indicators(con, dataset=dataset, scope=listed),
        "compare_items": q.compare_items(con, dataset=dataset, year=year, scope=listed),
        "radar_group": q.radar(con, dataset=dataset, year=year, unit_id=unit,
                               compare="group_mean", scope=listed),
    }


@pytest.mark.parametrize("dataset", ["real", "demo"])
def test_a_units_values_read_by_its_number_as_before(con, dataset, monkeypatch):
    """``unit_values`` holds every row of ``node_values``, and each query reading one unit's
    values (or a few listed units') by unit number gives the frame of the former read."""
    count = ("SELECT count(*) FROM (SELECT dataset, unit_id, fiscal_year, framework_id, code, "
             "kind, printed, recomputed, value FROM {} WHERE dataset = $dataset)")
    both = (count.format("(SELECT * FROM node_values INTERSECT ALL SELECT * EXCLUDE (unit_no) "
                         "FROM unit_values)"))
    n_rows = con.execute(count.format("node_values"), {"dataset": dataset}).fetchone()[0]
    assert n_rows > 0
    assert con.execute(count.format("unit_values"), {"dataset": dataset}).fetchone()[0] == n_rows
    assert con.execute(both, {"dataset": dataset}).fetchone()[0] == n_rows
    units = q.units_with_scores(con, dataset=dataset)["unit_id"].tolist()
    years = q.unit_years_scored(con, dataset=dataset)
    measured = con.execute("SELECT DISTINCT unit_id, fiscal_year FROM measures WHERE dataset = "
                           "$dataset", {"dataset": dataset}).fetchall()
    # every unit in its latest year (on demo, regular by construction, one in five), every
    # year of three units, every unit-year with measures
    latest = years.groupby("unit_id")["fiscal_year"].max()
    sample = set(units if dataset == "real" else units[::5])
    cases = {(u, int(y)) for u, y in latest.items() if u in sample}
    cases |= {(r.unit_id, int(r.fiscal_year)) for r in years.itertuples()
              if r.unit_id in (units[0], units[len(units) // 2], units[-1])}
    cases |= {(u, int(y)) for u, y in measured}
    seen: dict[str, int] = {}
    scored = years.groupby("fiscal_year")["unit_id"].agg(list)
    for unit, year in sorted(cases):
        peers = scored.get(year, units)  # the other listed unit: the next one scored that year
        other = peers[(peers.index(unit) + 1) % len(peers)] if unit in peers else peers[0]
        got = unit_reads(con, dataset, unit, year, other)
        with monkeypatch.context() as m:
            for name, sql in FORMER_UNIT_FRAGMENTS.items():
                m.setitem(q.FRAGMENTS, name, sql)
            m.setattr(q, "UNITS_MAX", 0)
            former = unit_reads(con, dataset, unit, year, other)
        for name, frame in got.items():
            same(frame, former[name])
            seen[name] = seen.get(name, 0) + len(frame)
    # the comparison means something: rows were compared for every query (measures only
    # where the dataset has some)
    shared = con.execute("SELECT count(*) FROM (SELECT fiscal_year, framework_id FROM node_values "
                         "WHERE dataset = $dataset AND kind = 'item' GROUP BY ALL "
                         "HAVING count(DISTINCT unit_id) >= 2)", {"dataset": dataset}).fetchone()[0]
    if not shared:  # no year where two units have items of one framework: nothing to compare
        seen.pop("compare_items")
    if not measured:  # no measures recorded in the dataset
        seen.pop("unit_measures")
        seen.pop("measures_by_indicator")
    assert all(n > 0 for n in seen.values()), seen


def unit_years(con, dataset: str) -> list[tuple[str, int]]:
    """Every unit-year of ``dataset``; on demo (regular by construction) every year of one
    unit in five, as the unit-number check takes them."""
    rows = [(str(u), int(y)) for u, y in con.execute(
        "SELECT unit_id, fiscal_year FROM unit_years WHERE dataset = $dataset ORDER BY ALL",
        {"dataset": dataset}).fetchall()]
    if dataset != "demo":
        return rows
    units = sorted({u for u, _ in rows})
    return [(u, y) for u, y in rows if units.index(u) % 5 == 0]


@pytest.mark.parametrize("dataset", ["real", "demo"])
def test_radar_read_from_the_units_every_year_as_before(con, dataset):
    """The profile's radar reads the unit's indicator values of every year once: its year's
    values and its previous year's comparison are the former queries' frames exactly, for
    every unit-year (and a year the unit has no row in)."""
    def read(query, **params):
        return query(con, **params)

    seen = 0
    for unit, year in [*unit_years(con, dataset), (unit_years(con, dataset)[0][0], 1999)]:
        years = q.unit_indicator_years(con, dataset=dataset, unit_id=unit)
        values = q.unit_indicator_values(con, dataset=dataset, year=year, unit_id=unit)
        same(q.values_of_year(years, year), values)
        history = q.unit_history(con, dataset=dataset, unit_id=unit)
        prev = history.loc[history["fiscal_year"] == year, "prev_year"]
        prev_year = int(prev.iloc[0]) if not prev.empty and pd.notna(prev.iloc[0]) else None
        former = q.radar_comparison(con, dataset=dataset, year=year, compare="previous_year",
                                    unit_id=unit)
        same(q.previous_year_comparison(q.indicator_list(con), years, prev_year), former)
        same(q.radar_read(read, dataset=dataset, year=year, unit_id=unit,
                          compare="previous_year"),
             q.radar(con, dataset=dataset, year=year, unit_id=unit, compare="previous_year"))
        seen += int(former["comparison"].notna().any())
    # demo's previous years have indicator values, so the comparison means something (the
    # real reports' indicator values are of single years)
    assert seen > 0 or dataset == "real"


@pytest.mark.parametrize("dataset", ["real", "demo"])
def test_units_with_measures_and_rated_years_as_before(con, dataset):
    """The profile decides whether to show the measures and 'why this level' without the
    unit's own queries: the same decision as the former ``unit_measures(...).empty`` and
    ``level_conditions`` (rows with a score), for every unit-year."""
    from ita_dash.ui.levels import rated

    with_measures = set(q.units_with_measures(con, dataset=dataset)["unit_id"])
    shown = rated_seen = 0
    for unit, year in unit_years(con, dataset):
        every = q.unit_measures(con, dataset=dataset, unit_id=unit)
        assert (unit in with_measures) == (not every.empty), unit
        shown += int(not every.empty)
        conditions = q.level_conditions(con, dataset=dataset, unit_id=unit, year=year)
        former = not (conditions.empty or conditions["score"].isna().all())
        history = q.unit_history(con, dataset=dataset, unit_id=unit)
        assert rated(history, q.year_scale(con, dataset=dataset, year=year), year) == former
        rated_seen += int(former)
    assert rated_seen > 0
    assert shown > 0 or dataset == "demo"


@pytest.mark.parametrize("dataset", ["real", "demo", "no-such-dataset"])
def test_unit_card_looked_up_as_before(con, dataset):
    """The sidebar's card of the chosen unit, looked up in the dataset's cards: the former
    query's frame for every unit (scored in the dataset or not) and an unknown id."""
    cards = q.unit_cards(con, dataset=dataset)
    units = [str(u) for (u,) in con.execute("SELECT unit_id FROM units ORDER BY 1").fetchall()]
    for unit in [*units, "no-such-unit"]:
        same(q.card_of(cards, unit), q.unit_card(con, dataset=dataset, unit_id=unit))
    assert len(cards) == (0 if dataset == "no-such-dataset" else
                          len(q.units_with_scores(con, dataset=dataset)))
