"""The query layer: pure functions (connection + keyword-only parameters -> DataFrame).

All analytical SQL of the dashboard lives here. Values are always bound
parameters; the only SQL text spliced in is a scope predicate chosen from the
whitelist in :mod:`ita_dash.scope`. Labels, points and rating levels come from
the framework tables (the registry), never from Python constants.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import duckdb
import pandas as pd

from ita_dash import palette
from ita_dash.derive import PRINTED_DIFFERS, TOLERANCE
from ita_dash.framework.model import STATUSES
from ita_dash.scope import Scope
from ita_dash.thai import district_short_name, name_key

Con = duckdb.DuckDBPyConnection


def _run(con: Con, sql: str, params: dict[str, object], scope: Scope | None = None, *,
         by_unit: bool = False) -> pd.DataFrame:
    """Run ``sql`` with bound ``params``.

    Placeholders ``{name}`` are replaced by the constant SQL fragments of
    :data:`FRAGMENTS` (and ``{scope}`` by the scope's whitelisted predicate);
    no value is ever spliced into SQL text. ``by_unit``: a scope of a few listed units reads
    each unit's values by its number (:func:`units_fragments`; for queries that neither sum
    nor average them, whose results do not depend on the order rows are read in).
    """
    fragments = FRAGMENTS
    listed = list(dict.fromkeys(scope.units)) if scope is not None else []
    if by_unit and scope is not None and scope.kind == "units" \
            and 0 < len(listed) <= UNITS_MAX and "{scope}" in sql:
        fragments = units_fragments(len(listed))
    for name, fragment in fragments.items():
        sql = sql.replace("{" + name + "}", fragment)
    if "$listed_units" in sql:
        params = {**params, "listed_units": listed}
    if scope is not None and "{scope}" in sql:
        sql = sql.replace("{scope}", scope.predicate())
        params = {**params, **scope.params()}
    return con.execute(sql, params).df()


# ------------------------------------------------------------------ options, units


def available_years(con: Con, *, dataset: str) -> list[int]:
    rows = con.execute("SELECT DISTINCT fiscal_year FROM unit_years WHERE dataset = $dataset "
                       "ORDER BY fiscal_year", {"dataset": dataset}).fetchall()
    return [int(r[0]) for r in rows]


def units_per_year(con: Con, *, dataset: str) -> pd.DataFrame:
    """Number of units with a total score, per fiscal year."""
    return _run(con, """
        SELECT fiscal_year, count(*) FILTER (WHERE score IS NOT NULL) AS n_units
        FROM unit_years WHERE dataset = $dataset
        GROUP BY ALL ORDER BY fiscal_year""", {"dataset": dataset})


def unit_years_scored(con: Con, *, dataset: str) -> pd.DataFrame:
    """Every unit-year of the dataset with a total score (benchmarks sample views from it)."""
    return _run(con, """
        SELECT unit_id, fiscal_year FROM unit_years
        WHERE dataset = $dataset AND score IS NOT NULL
        ORDER BY unit_id, fiscal_year""", {"dataset": dataset})


def units_with_scores(con: Con, *, dataset: str) -> pd.DataFrame:
    return _run(con, """
        SELECT u.unit_id, u.name_th, u.name_en, u.short_th, u.short_en, u.unit_type,
               u.parent_org, count(*) AS n_years, min(y.fiscal_year) AS first_year,
               max(y.fiscal_year) AS last_year
        FROM units u JOIN unit_years y USING (unit_id)
        WHERE y.dataset = $dataset
        GROUP BY ALL ORDER BY u.short_th""", {"dataset": dataset})


def scope_options(con: Con, *, dataset: str) -> pd.DataFrame:
    """Every scope with scored units in the dataset: kind, value, names, unit count."""
    return _run(con, """
        WITH scored AS (SELECT DISTINCT unit_id FROM unit_years WHERE dataset = $dataset)
        SELECT 'group' AS kind, g.group_id AS value, g.name_th, g.name_en, g.group_set,
               count(*) AS n_units
        FROM unit_groups g JOIN group_members m USING (group_id) JOIN scored USING (unit_id)
        GROUP BY ALL
        UNION ALL
        SELECT 'unit_type', u.unit_type, u.unit_type, u.unit_type, 'unit_type', count(*)
        FROM units u JOIN scored USING (unit_id) GROUP BY ALL
        UNION ALL
        SELECT 'parent', u.parent_org, u.parent_org, u.parent_org, 'parent', count(*)
        FROM units u JOIN scored USING (unit_id) WHERE u.parent_org IS NOT NULL GROUP BY ALL
        UNION ALL
        SELECT 'region', u.region, u.region, u.region, 'region', count(*)
        FROM units u JOIN scored USING (unit_id) WHERE u.region IS NOT NULL GROUP BY ALL
        UNION ALL
        SELECT 'province', u.province, u.province, u.province, 'province', count(*)
        FROM units u JOIN scored USING (unit_id) WHERE u.province IS NOT NULL GROUP BY ALL
        ORDER BY kind, group_set, value""", {"dataset": dataset})


def units_in_scope(con: Con, *, dataset: str, scope: Scope) -> pd.DataFrame:
    return _run(con, """
        SELECT DISTINCT u.unit_id, u.short_th, u.short_en, u.name_th, u.name_en
        FROM units u JOIN unit_years y USING (unit_id)
        WHERE y.dataset = $dataset AND {scope}
        ORDER BY u.short_th""", {"dataset": dataset}, scope)


def unit_groups_of(con: Con, *, unit_id: str) -> pd.DataFrame:
    return _run(con, """
        SELECT g.group_id, g.group_set, g.name_th, g.name_en
        FROM group_members m JOIN unit_groups g USING (group_id)
        WHERE m.unit_id = $unit_id ORDER BY g.group_set, g.group_id""", {"unit_id": unit_id})


def unit_info(con: Con, *, unit_id: str) -> pd.DataFrame:
    """The unit's row of ``units`` (empty when unknown)."""
    return _run(con, "SELECT * FROM units WHERE unit_id = $unit_id", {"unit_id": unit_id})


def group_info(con: Con, *, group_id: str) -> pd.DataFrame:
    """The group's row of ``unit_groups`` (empty when unknown)."""
    return _run(con, "SELECT * FROM unit_groups WHERE group_id = $group_id",
                {"group_id": group_id})


def find_unit(con: Con, *, name: str) -> str | None:
    """Unit id for a Thai or English name, alias or id (None when unknown)."""
    for key in (name_key(name), name_key(district_short_name(name))):
        row = con.execute("SELECT unit_id FROM unit_aliases WHERE alias_key = $key",
                          {"key": key}).fetchone()
        if row:
            return str(row[0])
    return None


# ----------------------------------------------------------------------- rankings

RANKING_SQL = """
WITH scoped AS (
    SELECT y.* FROM unit_years y JOIN units u USING (unit_id)
    WHERE y.dataset = $dataset AND y.score IS NOT NULL AND {scope}),
this_year AS (SELECT * FROM scoped WHERE fiscal_year = $year),
ranked AS (
    SELECT unit_id, fiscal_year, score,
           rank() OVER (PARTITION BY fiscal_year ORDER BY round(score, 2) DESC) AS rank,
           count(*) OVER (PARTITION BY fiscal_year) AS n_units
    FROM scoped
    WHERE fiscal_year = $year OR fiscal_year IN (SELECT prev_year FROM this_year))
SELECT r.rank, c.unit_id, u.short_th, u.short_en, u.name_th, u.name_en,
       round(c.score, 2) AS score, c.level_code, l.label_th AS level_th, l.label_en AS level_en,
       l.color AS level_color, round(c.iit, 2) AS iit, round(c.eit, 2) AS eit,
       round(c.oit, 2) AS oit, c.prev_year,
       CASE WHEN c.prev_year <> $year - 1 THEN c.prev_year END AS compared_with,
       round(p.score, 2) AS prev_score,
       round(c.score - p.score, 2) AS delta_points, p.rank AS prev_rank,
       p.rank - r.rank AS delta_rank, r.n_units, c.framework_id, f.pass_mark,
       {passed_c} AS passed  -- PASSED: the one pass rule
FROM this_year c JOIN ranked r ON r.unit_id = c.unit_id AND r.fiscal_year = c.fiscal_year
LEFT JOIN ranked p ON p.unit_id = c.unit_id AND p.fiscal_year = c.prev_year
JOIN units u ON u.unit_id = c.unit_id
JOIN frameworks f ON f.framework_id = c.framework_id
LEFT JOIN rating_levels l ON l.framework_id = c.framework_id AND l.seq = c.level_seq
ORDER BY r.rank, u.short_th
"""


def rankings(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Rank (ties share a rank) of every unit in scope, with level, tools and the change
    since the unit's previous year (``prev_year``: its previous scored year, see
    ``unit_years.prev_year``; not always ``year - 1``).

    ``delta_rank`` is positive when the unit moved up; the previous rank is the
    rank within the same scope in ``prev_year``.
    """
    return _run(con, RANKING_SQL, {"dataset": dataset, "year": year}, scope)


def scope_summary(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """One row: number of units, mean, median, min, max and pass rate (score >= pass mark)."""
    return _run(con, """
        SELECT count(*) AS n_units, round(avg(y.score), 2) AS mean,
               round(median(y.score), 2) AS median, round(min(y.score), 2) AS min,
               round(max(y.score), 2) AS max,
               {n_pass} AS n_pass, {pass_rate} AS pass_rate
        FROM unit_years y JOIN units u USING (unit_id) JOIN frameworks f USING (framework_id)
        WHERE y.dataset = $dataset AND y.fiscal_year = $year AND y.score IS NOT NULL
          AND {scope}""", {"dataset": dataset, "year": year}, scope)


def rating_counts(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Units per rating level of the year's scale (levels with no unit included)."""
    return _run(con, """
        WITH scoped AS (
            SELECT y.* FROM unit_years y JOIN units u USING (unit_id)
            WHERE y.dataset = $dataset AND y.fiscal_year = $year AND y.score IS NOT NULL
              AND {scope}),
        fws AS (SELECT DISTINCT framework_id FROM scoped)
        -- one bar per level: the same level of two frameworks of the year (2567: the NACC's
        -- and Bangkok's districts') is counted together
        SELECT min(l.framework_id) AS framework_id, min(l.seq) AS seq, l.level_code,
               l.label_th, l.label_en, min(l.color) AS color, count(s.unit_id) AS n_units
        FROM rating_levels l JOIN fws USING (framework_id)
        LEFT JOIN scoped s ON s.framework_id = l.framework_id AND s.level_seq = l.seq
        GROUP BY l.level_code, l.label_th, l.label_en
        UNION ALL
        SELECT NULL, 99, NULL, 'ไม่ทราบระดับ', 'Level unknown', $unknown_color, count(*)
        FROM scoped WHERE level_seq IS NULL HAVING count(*) > 0
        ORDER BY framework_id, seq""", {"dataset": dataset, "year": year,
                                       "unknown_color": palette.UNKNOWN_LEVEL}, scope)


# -------------------------------------------------------------------- groups


def group_comparison(con: Con, *, dataset: str, year: int, group_set: str) -> pd.DataFrame:
    """Per group of a group set: units, mean, median, min, max, pass rate."""
    return _run(con, """
        SELECT g.group_id, g.name_th, g.name_en, count(*) AS n_units,
               round(avg(y.score), 2) AS mean, round(median(y.score), 2) AS median,
               round(min(y.score), 2) AS min, round(max(y.score), 2) AS max,
               {pass_rate} AS pass_rate
        FROM unit_groups g JOIN group_members m USING (group_id)
        JOIN unit_years y USING (unit_id) JOIN frameworks f USING (framework_id)
        WHERE g.group_set = $group_set AND y.dataset = $dataset AND y.fiscal_year = $year
          AND y.score IS NOT NULL
        GROUP BY ALL ORDER BY mean DESC""",
                {"dataset": dataset, "year": year, "group_set": group_set})


def group_trend(con: Con, *, dataset: str, group_set: str) -> pd.DataFrame:
    """Mean score of each group of a group set, per fiscal year."""
    return _run(con, """
        SELECT g.group_id, g.name_th, g.name_en, y.fiscal_year, count(*) AS n_units,
               round(avg(y.score), 2) AS mean
        FROM unit_groups g JOIN group_members m USING (group_id)
        JOIN unit_years y USING (unit_id)
        WHERE g.group_set = $group_set AND y.dataset = $dataset AND y.score IS NOT NULL
        GROUP BY ALL ORDER BY g.group_id, y.fiscal_year""",
                {"dataset": dataset, "group_set": group_set})


def group_spread(con: Con, *, dataset: str, year: int, group_set: str) -> pd.DataFrame:
    """Every unit's score with its group (for the spread of units in each group)."""
    return _run(con, """
        SELECT g.group_id, g.name_th AS group_th, g.name_en AS group_en, y.unit_id,
               u.short_th, u.short_en, round(y.score, 2) AS score, y.level_code
        FROM unit_groups g JOIN group_members m USING (group_id)
        JOIN unit_years y USING (unit_id) JOIN units u USING (unit_id)
        WHERE g.group_set = $group_set AND y.dataset = $dataset AND y.fiscal_year = $year
          AND y.score IS NOT NULL
        ORDER BY g.group_id, y.score DESC""",
                {"dataset": dataset, "year": year, "group_set": group_set})


# ---------------------------------------------------------------- unit profile


def unit_history(con: Con, *, dataset: str, unit_id: str) -> pd.DataFrame:
    """One row per year: total, tools, level (computed and printed) and the change since
    the unit's previous year (``prev_year``)."""
    return _run(con, """
        SELECT y.fiscal_year, y.framework_id, round(y.score, 2) AS score,
               round(y.iit, 2) AS iit, round(y.eit, 2) AS eit, round(y.oit, 2) AS oit,
               y.level_code, l.label_th AS level_th, l.label_en AS level_en, l.color AS level_color,
               y.printed_level, y.level_source, round(y.score - p.score, 2) AS delta_points,
               y.prev_year
        FROM unit_years y
        LEFT JOIN unit_years p ON p.dataset = y.dataset AND p.unit_id = y.unit_id
              AND p.fiscal_year = y.prev_year
        LEFT JOIN rating_levels l ON l.framework_id = y.framework_id AND l.seq = y.level_seq
        WHERE y.dataset = $dataset AND y.unit_id = $unit_id
        ORDER BY y.fiscal_year""", {"dataset": dataset, "unit_id": unit_id})


def unit_rows(unit: str) -> str:
    """``node_values`` of one unit (``unit``: the SQL parameter of its id) from ``unit_values``,
    stored by unit number (:mod:`ita_dash.page_tables`): a filter on the number skips the
    other units' row groups, where a filter on ``unit_id`` scans every row."""
    if not _PARAMETER.fullmatch(unit):  # a parameter's name, never a value
        raise ValueError(f"not an SQL parameter: {unit!r}")
    return UNIT_ROWS.replace("{unit}", unit)


_PARAMETER = re.compile(r"\$[a-z_]+(\[[0-9]+\])?")
UNIT_ROWS = """(SELECT * EXCLUDE (unit_no) FROM unit_values WHERE dataset = $dataset
    AND unit_no = (SELECT unit_no FROM unit_numbers WHERE unit_id = {unit}))"""


def of_units(values_sql: str, rows: str) -> str:
    """``values_sql`` (reading ``node_values v``) reading ``rows`` instead."""
    assert values_sql.count("FROM node_values v ") == 1
    return values_sql.replace("FROM node_values v ", f"FROM {rows} v ")


INDICATOR_VALUES = """
SELECT v.unit_id, v.fiscal_year, v.code AS indicator, i.seq, i.label_th, i.label_en, i.tool,
       v.value
FROM node_values v JOIN indicators i ON i.code = v.code
WHERE v.dataset = $dataset AND v.kind = 'indicator' AND v.value IS NOT NULL
"""


RADAR_COMPARISONS = {
    "group_mean": """
        SELECT iv.indicator, avg(iv.value) AS comparison, count(*) AS n_units
        FROM ({indicator_values}) iv JOIN units u USING (unit_id)
        WHERE iv.fiscal_year = $year AND {scope} GROUP BY ALL""",
    "group_median": """
        SELECT iv.indicator, median(iv.value) AS comparison, count(*) AS n_units
        FROM ({indicator_values}) iv JOIN units u USING (unit_id)
        WHERE iv.fiscal_year = $year AND {scope} GROUP BY ALL""",
    "previous_year": """
        SELECT indicator, value AS comparison, 1 AS n_units FROM ({unit_indicator_values})
        WHERE unit_id = $unit_id AND fiscal_year = (
            SELECT prev_year FROM unit_years
            WHERE dataset = $dataset AND unit_id = $unit_id AND fiscal_year = $year)""",
    "unit": """
        SELECT indicator, value AS comparison, 1 AS n_units FROM ({other_indicator_values})
        WHERE unit_id = $other_unit AND fiscal_year = $year""",
}

# The comparison side of the radar: the same for every unit of a group (cached once per
# group and year by the pages), the unit's own values joined on afterwards (radar_with).
RADAR_COMPARISON_SQL = """
WITH other AS ({comparison})
SELECT i.code AS indicator, i.seq, i.label_th, i.label_en, i.tool,
       round(other.comparison, 2) AS comparison, other.n_units
FROM indicators i LEFT JOIN other ON other.indicator = i.code
ORDER BY i.seq
"""


def radar_comparison(con: Con, *, dataset: str, year: int, compare: str,
                     scope: Scope | None = None, unit_id: str | None = None,
                     other_unit: str | None = None) -> pd.DataFrame:
    """The ten indicators with the comparison of :func:`radar` (``unit_id`` is needed by
    ``previous_year`` only, ``other_unit`` by ``unit``)."""
    if compare not in RADAR_COMPARISONS:
        raise ValueError(f"unknown comparison {compare!r}")
    sql = RADAR_COMPARISON_SQL.replace("{comparison}", RADAR_COMPARISONS[compare])
    for name, fragment in FRAGMENTS.items():
        sql = sql.replace("{" + name + "}", fragment)
    given = {"dataset": dataset, "year": year, "unit_id": unit_id, "other_unit": other_unit}
    return _run(con, sql, {k: v for k, v in given.items() if f"${k}" in sql}, scope or Scope())


def unit_indicator_values(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """The unit's ten indicator values of ``year`` (rounded as shown)."""
    return _run(con, """
        SELECT indicator, round(value, 2) AS value FROM ({unit_indicator_values})
        WHERE unit_id = $unit_id AND fiscal_year = $year""",
                {"dataset": dataset, "year": year, "unit_id": unit_id})


def unit_indicator_years(con: Con, *, dataset: str, unit_id: str) -> pd.DataFrame:
    """The unit's indicator values of every year (rounded as shown): one read for the
    radar's two sides (:func:`radar_read`)."""
    return _run(con, """
        SELECT fiscal_year, indicator, round(value, 2) AS value FROM ({unit_indicator_values})
        WHERE unit_id = $unit_id""", {"dataset": dataset, "unit_id": unit_id})


def indicator_list(con: Con) -> pd.DataFrame:
    """The ten indicators in order (indicator, seq, label_th, label_en, tool)."""
    return _run(con, "SELECT code AS indicator, seq, label_th, label_en, tool FROM indicators "
                "ORDER BY seq", {})


def values_of_year(years: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """:func:`unit_indicator_values`'s frame from :func:`unit_indicator_years`."""
    part = years[years["fiscal_year"] == year] if year is not None else years.iloc[:0]
    part = part[["indicator", "value"]].reset_index(drop=True)
    # no row: DuckDB's empty result holds the text column as object
    return part.astype({"indicator": object}) if part.empty else part


def previous_year_comparison(indicators: pd.DataFrame, years: pd.DataFrame,
                             prev_year: int | None) -> pd.DataFrame:
    """:func:`radar_comparison`'s ``previous_year`` frame from the unit's values of every
    year (:func:`unit_indicator_years`) and its ``prev_year`` (``unit_years.prev_year``)."""
    prev = values_of_year(years, prev_year).set_index("indicator")["value"]
    comparison = indicators["indicator"].map(prev).astype("float64")
    # as DuckDB gives an INTEGER column: int32, or pandas' nullable Int32 once a NULL is in
    n_units = pd.Series(1, index=comparison.index, dtype="int32")
    if comparison.isna().any():
        n_units = n_units.astype("Int32").where(comparison.notna(), pd.NA)
    return indicators.assign(comparison=comparison, n_units=n_units)


def radar_read(read: Callable[..., pd.DataFrame], *, dataset: str, year: int, unit_id: str,
               compare: str, scope: Scope | None = None,
               other_unit: str | None = None) -> pd.DataFrame:
    """:func:`radar` from cached parts, ``read(query, **params)`` giving a query's frame: a
    group's comparison is read once per group and year for all its units; the unit's own
    values of every year are read once (both its year and, for ``previous_year``, the
    comparison, with ``prev_year`` from :func:`unit_history`)."""
    years = read(unit_indicator_years, dataset=dataset, unit_id=unit_id)
    if compare == "previous_year":
        history = read(unit_history, dataset=dataset, unit_id=unit_id)
        prev = history.loc[history["fiscal_year"] == year, "prev_year"]
        prev_year = int(prev.iloc[0]) if not prev.empty and pd.notna(prev.iloc[0]) else None
        comparison = previous_year_comparison(read(indicator_list), years, prev_year)
    else:
        comparison = read(radar_comparison, dataset=dataset, year=year, compare=compare,
                          scope=scope, unit_id=None, other_unit=other_unit)
    return radar_with(comparison, values_of_year(years, year))


def radar_with(comparison: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """:func:`radar`'s frame from its two parts: the unit's ``value`` beside each indicator's
    comparison (columns indicator, seq, label_th, label_en, tool, value, comparison,
    n_units)."""
    mine = values.set_index("indicator")["value"]
    value = comparison["indicator"].map(mine).astype("float64")
    return comparison.assign(value=value)[["indicator", "seq", "label_th", "label_en", "tool",
                                           "value", "comparison", "n_units"]]


def radar(con: Con, *, dataset: str, year: int, unit_id: str, compare: str,
          scope: Scope | None = None, other_unit: str | None = None) -> pd.DataFrame:
    """The unit's ten indicators against a comparison.

    ``compare``: ``group_mean`` or ``group_median`` (units of ``scope`` in the same
    year), ``previous_year`` (the unit in its previous year, ``unit_years.prev_year``)
    or ``unit`` (``other_unit``).
    """
    comparison = radar_comparison(con, dataset=dataset, year=year, compare=compare,
                                  scope=scope, unit_id=unit_id, other_unit=other_unit)
    return radar_with(comparison, unit_indicator_values(con, dataset=dataset, year=year,
                                                        unit_id=unit_id))


def indicator_deltas(con: Con, *, dataset: str, unit_id: str) -> pd.DataFrame:
    """Each indicator of the unit per year, with the change since the unit's previous year."""
    return _run(con, """
        WITH iv AS (SELECT * FROM ({unit_indicator_values}) WHERE unit_id = $unit_id)
        SELECT c.indicator, c.seq, c.label_th, c.label_en, c.tool, c.fiscal_year,
               round(c.value, 2) AS value, y.prev_year, round(c.value - p.value, 2) AS delta
        FROM iv c JOIN unit_years y
          ON y.dataset = $dataset AND y.unit_id = c.unit_id AND y.fiscal_year = c.fiscal_year
        LEFT JOIN iv p ON p.unit_id = c.unit_id AND p.indicator = c.indicator
              AND p.fiscal_year = y.prev_year
        WHERE c.unit_id = $unit_id
        ORDER BY c.fiscal_year, c.seq""", {"dataset": dataset, "unit_id": unit_id})


# --------------------------------------------------------------- weak indicators


def indicator_matrix(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Units x indicators (long form) for a heatmap, with each unit's total."""
    return _run(con, """
        SELECT iv.unit_id, u.short_th, u.short_en, iv.indicator, iv.seq, iv.label_th,
               iv.label_en, iv.tool, round(iv.value, 2) AS value, round(y.score, 2) AS score
        FROM ({indicator_values}) iv JOIN units u USING (unit_id)
        JOIN unit_years y ON y.dataset = $dataset AND y.unit_id = iv.unit_id
             AND y.fiscal_year = iv.fiscal_year
        WHERE iv.fiscal_year = $year AND {scope}
        ORDER BY y.score DESC NULLS LAST, u.short_th, iv.seq""",
                {"dataset": dataset, "year": year}, scope, by_unit=True)


# each unit-year's weakest indicator is found once per build (ita_dash.page_tables)
WEAKEST_SQL = """
SELECT w.unit_id, u.short_th, u.short_en, w.indicator, w.seq, w.label_th, w.label_en, w.tool,
       w.value, w.pos, w.n_indicators
FROM weakest_indicator_rows w JOIN units u USING (unit_id)
WHERE w.dataset = $dataset AND w.fiscal_year = $year AND {scope}
"""


def weakest_indicators(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Each unit's weakest indicator (lowest score; ties go to the lower indicator number)."""
    return _run(con, WEAKEST_SQL + " ORDER BY value, short_th",
                {"dataset": dataset, "year": year}, scope)


def weakest_indicator_frequency(con: Con, *, dataset: str, year: int,
                                scope: Scope) -> pd.DataFrame:
    """How many units have each indicator as their weakest (all ten listed)."""
    return _run(con, """
        WITH w AS ({weakest})
        SELECT i.code AS indicator, i.seq, i.label_th, i.label_en, i.tool,
               count(w.unit_id) AS n_units
        FROM indicators i LEFT JOIN w ON w.indicator = i.code
        GROUP BY ALL ORDER BY n_units DESC, i.seq""", {"dataset": dataset, "year": year}, scope)


# ------------------------------------------------------------------------ items

ITEMS_SQL = """
SELECT v.unit_id, v.fiscal_year, v.framework_id, n.code, n.seq, n.tool, n.indicator,
       n.parent_code, n.label_th, n.label_en, n.points, v.value AS score
FROM node_values v JOIN framework_nodes n USING (framework_id, code)
WHERE v.dataset = $dataset AND v.kind = 'item' AND v.value IS NOT NULL
"""


# "Weak", defined once: an item (or any score) below the pass mark of its year's framework
# (``frameworks.pass_mark``, data); a year without a known pass mark has nothing called weak.
WEAK_SQL = "round({score}, 2) < f.pass_mark"
UNIT_ITEMS_SQL = """
    SELECT code, tool, indicator, parent_code, label_th, label_en, round(score, 2) AS score,
           points, seq,
           coalesce(round(score, 2) = min(round(score, 2)) OVER (PARTITION BY indicator)
                    AND {weak}, false) AS is_weakest
    FROM ({unit_items}) i JOIN frameworks f USING (framework_id)
    WHERE unit_id = $unit_id AND fiscal_year = $year
    ORDER BY seq""".replace("{weak}", WEAK_SQL.format(score="i.score"))


def unit_items(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """Every scored item of a unit-year, flagged ``is_weakest``: the lowest of its indicator
    and weak (below the year's pass mark, :data:`WEAK_SQL`) — 99.76 is never 'weakest'."""
    return _run(con, UNIT_ITEMS_SQL, {"dataset": dataset, "year": year, "unit_id": unit_id})


def weakest_items(con: Con, *, dataset: str, year: int, unit_id: str, n: int = 5) -> pd.DataFrame:
    """The ``n`` lowest-scored items of a unit-year (ties by framework order)."""
    return _run(con, """
        SELECT code, tool, indicator, label_th, label_en, round(score, 2) AS score, points
        FROM ({unit_items}) WHERE unit_id = $unit_id AND fiscal_year = $year
        ORDER BY round(score, 2), seq LIMIT $n""",
                {"dataset": dataset, "year": year, "unit_id": unit_id, "n": n})


def points_recoverable(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """Items below full marks with the ITA points each would add at 100: the priority list.

    ``recoverable = (100 - score) / 100 x item points`` (points from the framework).
    """
    return _run(con, """
        SELECT code, tool, indicator, label_th, label_en, round(score, 2) AS score, points,
               round((100 - score) / 100 * points, 4) AS recoverable
        FROM ({unit_items})
        WHERE unit_id = $unit_id AND fiscal_year = $year AND score < 100 AND points IS NOT NULL
        ORDER BY recoverable DESC, seq""", {"dataset": dataset, "year": year, "unit_id": unit_id})


OPEN_ITEMS_SQL = """
SELECT it.*, u.short_th, u.short_en,
       CASE WHEN it.score >= 100 THEN 'full' WHEN it.score <= 0 THEN 'zero'
            ELSE 'partial' END AS status
FROM ({items}) it JOIN units u USING (unit_id)
WHERE it.tool = 'OIT' AND it.fiscal_year = $year AND {scope}
"""


def open_item_grid(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Units x O-items with status full / partial / zero (long form)."""
    return _run(con, OPEN_ITEMS_SQL + " ORDER BY short_th, seq",
                {"dataset": dataset, "year": year}, scope, by_unit=True)


def zero_items(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Every O-item at zero, per unit (documents not published)."""
    return _run(con, """
        SELECT unit_id, short_th, short_en, framework_id, code, label_th, label_en, points
        FROM ({open_items}) WHERE status = 'zero'
        ORDER BY short_th, seq""", {"dataset": dataset, "year": year}, scope, by_unit=True)


def item_miss_counts(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Per O-item: units assessed, at zero, partial, and the share missing it."""
    return _run(con, """
        SELECT framework_id, code, seq, label_th, label_en, points, count(*) AS n_units,
               count(*) FILTER (WHERE status = 'zero') AS n_zero,
               count(*) FILTER (WHERE status = 'partial') AS n_partial,
               round(100.0 * count(*) FILTER (WHERE status = 'zero') / count(*), 1) AS pct_zero
        FROM ({open_items})
        GROUP BY ALL ORDER BY n_zero DESC, seq""", {"dataset": dataset, "year": year}, scope,
                by_unit=True)


def consecutive_zero_items(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """O-items at zero in ``year`` and in the unit's previous year(s), per unit.

    Years are followed along ``unit_years.prev_year`` (the one definition of the previous
    year). An item is followed into a previous year of the same framework by its code, and
    into another framework only through ``item_crosswalk`` (either direction); items of a
    year whose framework differs with no crosswalk pair end the streak (the pages say so,
    :func:`item_comparability`). ``zero_streak`` counts the years; ``first_code`` is the
    item's code in the streak's first year. The walk is done once per build
    (:mod:`ita_dash.page_tables`); this reads its result.
    """
    return _run(con, """
        SELECT z.unit_id, u.short_th, u.short_en, z.framework_id, z.code, z.label_th,
               z.label_en, z.first_year, z.fiscal_year AS last_year, z.zero_streak,
               z.first_code
        FROM zero_streaks z JOIN units u USING (unit_id)
        WHERE z.dataset = $dataset AND z.fiscal_year = $year AND {scope}
        ORDER BY z.zero_streak DESC, u.short_th, z.seq""", {"dataset": dataset, "year": year},
                scope)


# ------------------------------------------------------------------- consistency


def recomputed_values(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """Printed and recomputed value of every non-item node of a unit-year."""
    return _run(con, """
        SELECT v.code, v.kind, n.label_th, n.label_en, v.printed,
               round(v.recomputed, 4) AS recomputed, v.value
        FROM {unit_values} v JOIN framework_nodes n USING (framework_id, code)
        WHERE v.dataset = $dataset AND v.fiscal_year = $year AND v.unit_id = $unit_id
          AND v.kind <> 'item'
        ORDER BY n.seq""", {"dataset": dataset, "year": year, "unit_id": unit_id})


def total_from_items(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """ITA points rebuilt straight from the items: sum of score / 100 x item points, per tool.

    One row per tool plus ``ITA``; ``n_items`` tells how many items were used and
    ``points_max`` how many points they carry (100 for a complete ITA).
    """
    return _run(con, """
        SELECT coalesce(tool, 'ITA') AS tool, count(*) AS n_items,
               sum(points) AS points_max, round(sum(score / 100 * points), 4) AS points
        FROM ({unit_items}) WHERE unit_id = $unit_id AND fiscal_year = $year
        GROUP BY ROLLUP (tool) ORDER BY tool NULLS LAST""",
                {"dataset": dataset, "year": year, "unit_id": unit_id})


def consistency_checks(con: Con, *, dataset: str, year: int | None = None,
                       tolerance: float = TOLERANCE) -> pd.DataFrame:
    """Printed figures that differ from their recomputation by more than ``tolerance``,
    and printed levels that differ from the level computed under the year's scale (where the
    scale gives one)."""
    return _run(con, """
        SELECT v.unit_id, u.short_th, u.short_en, v.fiscal_year, v.code, v.kind,
               v.printed::VARCHAR AS printed, round(v.recomputed, 4)::VARCHAR AS recomputed,
               round(v.printed - v.recomputed, 4) AS difference
        FROM node_values v JOIN units u USING (unit_id)
        WHERE v.dataset = $dataset AND ($year IS NULL OR v.fiscal_year = $year)
          AND {printed_differs}
        UNION ALL
        SELECT y.unit_id, u.short_th, u.short_en, y.fiscal_year, 'level', 'level',
               y.printed_level, y.computed_level, NULL
        FROM unit_years y JOIN units u USING (unit_id)
        WHERE y.dataset = $dataset AND ($year IS NULL OR y.fiscal_year = $year)
          AND y.printed_level <> y.computed_level  -- no computed level (unknown scale): no check
        ORDER BY fiscal_year, short_th, code""",
                {"dataset": dataset, "year": year, "tolerance": tolerance})


# ------------------------------------------------------------------ provenance


def units_with_measures(con: Con, *, dataset: str) -> pd.DataFrame:
    """The units of ``dataset`` with at least one improvement measure (``unit_id``): those
    whose :func:`unit_measures` has rows."""
    return _run(con, "SELECT DISTINCT unit_id FROM measures WHERE dataset = $dataset "
                "ORDER BY unit_id", {"dataset": dataset})


def unit_measures(con: Con, *, dataset: str, unit_id: str) -> pd.DataFrame:
    """Improvement measures of a unit with the score of their indicator or item that year
    and the next (did the score move after the measure?)."""
    return _run(con, """
        SELECT m.fiscal_year, m.code, coalesce(n.label_th, i.label_th) AS label_th,
               coalesce(n.label_en, i.label_en) AS label_en, round(v.value, 2) AS score,
               round(nxt.value, 2) AS next_score, round(nxt.value - v.value, 2) AS next_delta,
               m.analysis, m.measure, m.communication, m.schedule, m.responsible, m.status,
               m.result, m.source_id, m.source_ref
        FROM measures m
        LEFT JOIN framework_nodes n ON n.framework_id = m.framework_id AND n.code = m.code
        LEFT JOIN indicators i ON i.code = m.code
        LEFT JOIN {unit_values} v ON v.dataset = m.dataset AND v.unit_id = m.unit_id
             AND v.fiscal_year = m.fiscal_year AND v.code = m.code
        LEFT JOIN {unit_values} nxt ON nxt.dataset = m.dataset AND nxt.unit_id = m.unit_id
             AND nxt.fiscal_year = m.fiscal_year + 1 AND nxt.code = m.code
             AND (nxt.kind = 'indicator' OR nxt.framework_id = m.framework_id)
        WHERE m.dataset = $dataset AND m.unit_id = $unit_id
        ORDER BY m.fiscal_year, m.measure_id""", {"dataset": dataset, "unit_id": unit_id})


def reference_scores(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """Reference figures printed beside the unit's own (e.g. Bangkok-wide averages)."""
    return _run(con, """
        SELECT r.code, n.tool, n.indicator, n.seq, n.label_th, n.label_en, r.ref_kind,
               r.label_printed, r.score, r.source_id, r.source_ref, r.note
        FROM reference_scores r
        LEFT JOIN framework_nodes n USING (framework_id, code)
        WHERE r.dataset = $dataset AND r.fiscal_year = $year AND r.unit_id = $unit_id
        ORDER BY n.seq""", {"dataset": dataset, "year": year, "unit_id": unit_id})


def figure_sources(con: Con, *, dataset: str, year: int | None = None) -> pd.DataFrame:
    """How many figures each source contributes, per unit and year (one year, or all)."""
    return _run(con, """
        WITH counted AS (
            SELECT source_id, unit_id, fiscal_year, framework_id, count(*) AS n_figures
            FROM scores
            WHERE dataset = $dataset AND ($year IS NULL OR fiscal_year = $year)
            GROUP BY ALL)
        SELECT c.source_id, src.file, src.title_th, u.short_th, u.short_en, c.fiscal_year,
               c.framework_id, c.n_figures
        FROM counted c JOIN units u USING (unit_id)
        LEFT JOIN sources src ON src.source_id = c.source_id
        ORDER BY c.fiscal_year, u.short_th""", {"dataset": dataset, "year": year})


def conflicts(con: Con, *, dataset: str) -> pd.DataFrame:
    """Self-contradictions of the reports, as kept in ``data/real/conflicts.csv``."""
    return _run(con, """
        SELECT c.fiscal_year, u.short_th, u.short_en, c.code, c.printed_values, c.chosen_value,
               c.rule, c.source_id, c.note
        FROM conflicts c JOIN units u USING (unit_id)
        WHERE c.dataset = $dataset ORDER BY c.fiscal_year, u.short_th""", {"dataset": dataset})


def national_reference(con: Con, *, dataset: str) -> pd.DataFrame:
    """The published national results by year (agencies, mean, passed) with their source's
    title and page (url NULL when unknown); none for a synthetic dataset."""
    return _run(con, """
        SELECT n.fiscal_year, n.n_units, n.mean_score, n.n_passed, n.pass_rate, n.source_id,
               s.title_th AS source_title, s.url AS source_url, n.note
        FROM national_results n LEFT JOIN sources s USING (source_id)
        WHERE EXISTS (SELECT 1 FROM datasets d WHERE d.dataset = $dataset
                      AND NOT d.is_synthetic)
        ORDER BY n.fiscal_year""", {"dataset": dataset})


def frameworks_overview(con: Con) -> pd.DataFrame:
    return _run(con, """
        SELECT f.framework_id, f.assessor, f.first_year, f.last_year, f.name_th, f.name_en,
               f.aggregation, f.pass_mark, f.source_id, f.note,
               count(*) FILTER (WHERE n.kind = 'item') AS n_items,
               count(*) FILTER (WHERE n.kind = 'item' AND n.status = 'unknown') AS n_unknown_items
        FROM frameworks f JOIN framework_nodes n USING (framework_id)
        GROUP BY ALL ORDER BY f.first_year""", {})


LEVEL_CONDITIONS_SQL = """
SELECT l.seq, l.level_code, l.label_th, l.label_en, l.color, l.min_total, l.max_total,
       l.min_each_tool, l.status, round(y.score, 2) AS score, round(y.iit, 2) AS iit,
       round(y.eit, 2) AS eit, round(y.oit, 2) AS oit, f.pass_mark, {passed} AS passed,
       round(y.score, 2) BETWEEN l.min_total AND l.max_total AS total_ok,
       CASE WHEN l.min_each_tool IS NULL THEN true
            WHEN y.iit IS NULL OR y.eit IS NULL OR y.oit IS NULL THEN NULL
            ELSE least(y.iit, y.eit, y.oit) >= l.min_each_tool END AS tools_ok,
       l.seq = y.level_seq AS chosen, y.level_source, y.printed_level = l.level_code AS printed
FROM unit_years y JOIN frameworks f USING (framework_id)
JOIN rating_levels l ON l.framework_id = y.framework_id
WHERE y.dataset = $dataset AND y.unit_id = $unit_id AND y.fiscal_year = $year
ORDER BY l.seq"""


def level_conditions(con: Con, *, dataset: str, unit_id: str, year: int) -> pd.DataFrame:
    """Why a unit-year has its level: each level of the year's scale with its conditions
    (total in range, each tool at least its floor: true, false, or NULL when a tool score
    is missing) against the unit's figures, the level the build chose (``chosen``; from
    :mod:`ita_dash.derive`, not decided here) and the pass (:data:`PASSED`)."""
    return _run(con, LEVEL_CONDITIONS_SQL,
                {"dataset": dataset, "unit_id": unit_id, "year": year})


def year_scale(con: Con, *, dataset: str, year: int) -> pd.DataFrame:
    """The rating levels and pass mark of the framework(s) a dataset's year is scored on."""
    return _run(con, """
        WITH fws AS (SELECT DISTINCT framework_id FROM unit_years
                     WHERE dataset = $dataset AND fiscal_year = $year)
        SELECT f.framework_id, f.name_th AS framework_th, f.name_en AS framework_en,
               f.pass_mark, l.seq, l.label_th, l.label_en, l.min_total, l.max_total,
               l.min_each_tool, l.color, l.status
        FROM fws JOIN frameworks f USING (framework_id)
        LEFT JOIN rating_levels l USING (framework_id)
        ORDER BY f.framework_id, l.seq""", {"dataset": dataset, "year": year})


def rating_scale(con: Con, *, framework_id: str) -> pd.DataFrame:
    return _run(con, """
        SELECT seq, level_code, label_th, label_en, min_total, max_total, min_each_tool, color,
               status, note
        FROM rating_levels WHERE framework_id = $framework_id ORDER BY seq""",
                {"framework_id": framework_id})


def built_datasets(con: Con) -> list[str]:
    """The datasets of ``data/datasets.csv`` that this build holds figures of, in order."""
    rows = con.execute("""
        SELECT d.dataset FROM datasets d
        WHERE EXISTS (SELECT 1 FROM unit_years y WHERE y.dataset = d.dataset)
        ORDER BY d.seq""").fetchall()
    return [str(r[0]) for r in rows]


def dataset_info(con: Con, *, dataset: str) -> pd.DataFrame:
    return _run(con, """
        SELECT d.*, coalesce(c.n_scores, 0) AS n_scores,
               coalesce(c.n_unit_years, 0) AS n_unit_years
        FROM datasets d LEFT JOIN dataset_counts c USING (dataset)
        WHERE d.dataset = $dataset""", {"dataset": dataset})


def export_scores(con: Con, *, dataset: str) -> pd.DataFrame:
    """Every stored score in long form (the ``export`` command's columns)."""
    return _run(con, """
        SELECT u.name_th AS unit_name_th, s.fiscal_year, s.framework_id AS framework, s.code,
               s.score, concat_ws(' / ', s.source_id, s.source_ref) AS source
        FROM scores s JOIN units u USING (unit_id)
        LEFT JOIN framework_nodes n USING (framework_id, code)
        WHERE s.dataset = $dataset
        ORDER BY s.fiscal_year, u.name_th, s.framework_id, n.seq""", {"dataset": dataset})


def export_totals(con: Con, *, dataset: str) -> pd.DataFrame:
    """One row per unit-year (the ``export --totals`` columns): total to two decimals, the
    tools, and the level under the year's rules, printed or computed."""
    return _run(con, """
        SELECT u.name_th AS unit_name_th, y.fiscal_year, y.framework_id AS framework,
               round(y.score, 2) AS ita, round(y.iit, 4) AS iit, round(y.eit, 4) AS eit,
               round(y.oit, 4) AS oit,
               CASE WHEN y.level_source = 'printed' THEN coalesce(pl.label_th, pr.label_printed)
                    ELSE l.label_th END AS level_th,
               y.level_source
        FROM unit_years y JOIN units u USING (unit_id)
        LEFT JOIN rating_levels l ON l.framework_id = y.framework_id AND l.seq = y.level_seq
        LEFT JOIN rating_levels pl
               ON pl.framework_id = y.framework_id AND pl.level_code = y.printed_level
        LEFT JOIN printed_ratings pr USING (dataset, unit_id, fiscal_year)
        WHERE y.dataset = $dataset
        ORDER BY y.fiscal_year, u.name_th""", {"dataset": dataset})


def rating_provenance(con: Con, *, dataset: str, year: int | None = None,
                      unit_id: str | None = None, scope: Scope | None = None) -> pd.DataFrame:
    """Per unit-year (of one year, or of one unit; with ``scope``: the units of the scope
    ranked that year, those with a total): where the total and the level come from
    (printed or computed) and whether they were computed under unconfirmed tool weights or
    an unconfirmed rating scale (the pages say so)."""
    return _run(con, """
        SELECT y.unit_id, y.fiscal_year, y.framework_id, y.score_source, y.level_source,
               coalesce(y.score_unconfirmed, false) AS score_unconfirmed,
               coalesce(y.level_source = 'computed' AND y.scale_unconfirmed, false)
                 AS level_unconfirmed
        FROM unit_years y JOIN units u USING (unit_id)
        WHERE y.dataset = $dataset AND ($year IS NULL OR y.fiscal_year = $year)
          AND ($unit_id IS NULL OR y.unit_id = $unit_id)
          AND ($in_scope IS NULL OR (y.score IS NOT NULL AND {scope}))
        ORDER BY y.fiscal_year, y.unit_id""",
        {"dataset": dataset, "year": year, "unit_id": unit_id,
         "in_scope": None if scope is None else True}, scope or Scope())


# the framework statuses from the surest to the least sure, as a SQL list
STATUS_ORDER = "[" + ", ".join(f"'{s}'" for s in STATUSES) + "]"


def framework_years(con: Con) -> pd.DataFrame:
    """One row per fiscal year and framework: its status, how sure its tool weights and rating
    scale are (the least sure of their rows), the levels of figures it accepts and its source."""
    return _run(con, """
        WITH years AS (
            SELECT f.*, unnest(range(f.first_year, f.last_year + 1)) AS fiscal_year
            FROM frameworks f),
        weights AS (
            SELECT framework_id,
                   STATUSES[max(list_position(STATUSES, status))] AS weights_status
            FROM framework_nodes WHERE kind IN ('tool', 'tool_part') AND points IS NOT NULL
            GROUP BY ALL),
        scales AS (
            SELECT framework_id, STATUSES[max(list_position(STATUSES, status))] AS scale_status
            FROM rating_levels GROUP BY ALL),
        kinds AS (
            SELECT framework_id, string_agg(kind, ', ' ORDER BY min_seq) AS levels_known,
                   count(*) FILTER (WHERE kind = 'item') > 0 AS has_items
            FROM (SELECT framework_id, kind, min(seq) AS min_seq FROM framework_nodes
                  WHERE kind NOT IN ('tool_points', 'heading') GROUP BY ALL)
            GROUP BY ALL)
        SELECT y.fiscal_year, y.framework_id, y.name_th, y.name_en, y.assessor, y.unit_types,
               y.status, coalesce(w.weights_status, 'unknown') AS weights_status,
               coalesce(s.scale_status, 'unknown') AS scale_status, k.levels_known,
               y.source_id, src.url, y.note
        FROM years y
        LEFT JOIN weights w USING (framework_id) LEFT JOIN scales s USING (framework_id)
        LEFT JOIN kinds k USING (framework_id)
        LEFT JOIN sources src ON src.source_id = y.source_id
        ORDER BY y.fiscal_year, y.unit_types NULLS FIRST, y.framework_id""".replace(
        "STATUSES", STATUS_ORDER), {})


# Constant SQL fragments that queries reference as {name} (see _run).
# The pass rule, stated once: a unit passes when its total, rounded to two decimals as the
# reports print it, reaches the pass mark of its framework (``frameworks.pass_mark``: data;
# no pass count or rate where no framework of the rows has one, e.g. 2561, 2569). Used over
# ``unit_years y`` joined with ``frameworks f``.
PASSED = "round(y.score, 2) >= f.pass_mark"
N_PASS = f"CASE WHEN count(f.pass_mark) > 0 THEN count(*) FILTER (WHERE {PASSED}) END"
PASS_RATE = (f"CASE WHEN count(f.pass_mark) > 0 THEN "
             f"round(100.0 * count(*) FILTER (WHERE {PASSED}) / count(*), 1) END")

FRAGMENTS: dict[str, str] = {}
FRAGMENTS["printed_differs"] = PRINTED_DIFFERS
FRAGMENTS["n_pass"] = N_PASS
FRAGMENTS["pass_rate"] = PASS_RATE
FRAGMENTS["passed"] = PASSED  # one unit-year (alias y), e.g. why a level
FRAGMENTS["passed_c"] = PASSED.replace("y.score", "c.score")  # rankings (alias c)
FRAGMENTS["indicator_values"] = INDICATOR_VALUES
FRAGMENTS["items"] = ITEMS_SQL
FRAGMENTS["open_items"] = OPEN_ITEMS_SQL.replace("{items}", ITEMS_SQL)
FRAGMENTS["weakest"] = WEAKEST_SQL.replace("{indicator_values}", INDICATOR_VALUES)
# the same rows of one unit ($unit_id, or the other unit of a radar), read by unit number
FRAGMENTS["unit_values"] = unit_rows("$unit_id")
FRAGMENTS["unit_indicator_values"] = of_units(INDICATOR_VALUES, unit_rows("$unit_id"))
FRAGMENTS["other_indicator_values"] = of_units(INDICATOR_VALUES, unit_rows("$other_unit"))
FRAGMENTS["unit_items"] = of_units(ITEMS_SQL, unit_rows("$unit_id"))
UNITS_MAX = 12  # a scope of up to this many listed units reads each unit's rows by number


@functools.cache
def units_fragments(n: int) -> dict[str, str]:
    """:data:`FRAGMENTS` for a scope of ``n`` listed units (``units:a,b,c``; the distinct ones
    bound as ``$listed_units``): the values of each unit read by its number (the scope's
    predicate still applies), not every unit's."""
    rows = "(" + " UNION ALL ".join(unit_rows(f"$listed_units[{i}]")
                                    for i in range(1, n + 1)) + ")"
    return {**FRAGMENTS, "indicator_values": of_units(INDICATOR_VALUES, rows),
            "items": of_units(ITEMS_SQL, rows),
            "open_items": OPEN_ITEMS_SQL.replace("{items}", of_units(ITEMS_SQL, rows))}


def year_sources(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Source documents of the scores of the units in ``scope`` in ``year`` (for source lines)."""
    return _run(con, """
        SELECT s.source_id, src.file, src.title_th, count(*) AS n_figures
        FROM scores s JOIN units u ON u.unit_id = s.unit_id
        LEFT JOIN sources src ON src.source_id = s.source_id
        WHERE s.dataset = $dataset AND s.fiscal_year = $year AND s.source_id IS NOT NULL
          AND {scope}
        GROUP BY ALL ORDER BY s.source_id""", {"dataset": dataset, "year": year}, scope)


# ------------------------------------------------------------ national scale
# Unit search, rankings within agency type, slices (type, parent, region, province)
# and aggregated matrices, for scopes of thousands of units.

# slice dimensions: the column of ``units`` each groups by (a whitelist)
SLICE_COLUMNS = {"unit_type": "u.unit_type", "parent": "u.parent_org", "region": "u.region",
                 "province": "u.province",
                 # a unit's group: the first of its groups (district group, province cluster)
                 "group": "(SELECT min(m.group_id) FROM group_members m "
                          "WHERE m.unit_id = u.unit_id)"}


def _slice_sql(sql: str, by: str) -> str:
    if by not in SLICE_COLUMNS:
        raise ValueError(f"unknown slice {by!r}; expected one of {tuple(SLICE_COLUMNS)}")
    return sql.replace("{slice}", SLICE_COLUMNS[by])


def search_units(con: Con, *, dataset: str, text: str, limit: int = 30) -> pd.DataFrame:
    """Units of the dataset with a name or alias containing ``text`` (Thai or English
    names, short names, aliases and ids are all aliases; matched as :func:`name_key`:
    case- and space-insensitive): exact and prefix matches first, at most ``limit``."""
    needle = name_key(text)
    return _run(con, """
        WITH scored AS (SELECT DISTINCT unit_id FROM unit_years WHERE dataset = $dataset),
        hits AS (
            SELECT unit_id, min(CASE WHEN key = $needle THEN 0
                                     WHEN starts_with(key, $needle) THEN 1 ELSE 2 END) AS fit
            FROM (SELECT unit_id, alias_key AS key FROM unit_aliases)
            WHERE contains(key, $needle) GROUP BY ALL)
        SELECT u.unit_id, u.short_th, u.short_en, u.name_th, u.name_en, u.unit_type,
               u.province, h.fit
        FROM hits h JOIN scored USING (unit_id) JOIN units u USING (unit_id)
        ORDER BY h.fit, length(u.short_th), u.short_th LIMIT $limit""",
                {"dataset": dataset, "needle": needle, "limit": limit})


def unit_cards(con: Con, *, dataset: str) -> pd.DataFrame:
    """:func:`unit_card` of every unit scored in the dataset, in one read (the sidebar asks
    for the chosen unit's card on every page: a lookup in this instead of a query)."""
    return _run(con, """
        SELECT u.unit_id, u.short_th, u.short_en, u.name_th, u.name_en, u.unit_type,
               u.parent_org, u.province, u.region
        FROM units u WHERE EXISTS (SELECT 1 FROM unit_years y WHERE y.dataset = $dataset
                                   AND y.unit_id = u.unit_id)
        ORDER BY u.unit_id""", {"dataset": dataset})


def card_of(cards: pd.DataFrame, unit_id: str) -> pd.DataFrame:
    """:func:`unit_card`'s frame from :func:`unit_cards`."""
    card = cards[cards["unit_id"] == unit_id].reset_index(drop=True)
    # no row: DuckDB's empty result holds its text columns as object
    return card.astype(dict.fromkeys(card.columns, object)) if card.empty else card


def unit_card(con: Con, *, dataset: str, unit_id: str) -> pd.DataFrame:
    """One row for a unit scored in the dataset (none when it is not): names, type,
    parent, province, region."""
    return _run(con, """
        SELECT u.unit_id, u.short_th, u.short_en, u.name_th, u.name_en, u.unit_type,
               u.parent_org, u.province, u.region
        FROM units u WHERE u.unit_id = $unit_id
          AND EXISTS (SELECT 1 FROM unit_years y WHERE y.dataset = $dataset
                      AND y.unit_id = u.unit_id)""", {"dataset": dataset, "unit_id": unit_id})


TYPE_RANKING_SQL = """
WITH scoped AS (
    SELECT y.*, u.unit_type FROM unit_years y JOIN units u USING (unit_id)
    WHERE y.dataset = $dataset AND y.score IS NOT NULL AND {scope}),
this_year AS (SELECT * FROM scoped WHERE fiscal_year = $year),
ranked AS (
    SELECT unit_id, fiscal_year, score, unit_type,
           rank() OVER (PARTITION BY fiscal_year, unit_type
                        ORDER BY round(score, 2) DESC) AS rank,
           count(*) OVER (PARTITION BY fiscal_year, unit_type) AS n_in_type
    FROM scoped
    WHERE fiscal_year = $year OR fiscal_year IN (SELECT prev_year FROM this_year))
SELECT r.unit_type, r.rank, r.n_in_type, c.unit_id, u.short_th, u.short_en, u.name_th,
       u.name_en, u.parent_org, u.province, u.region, round(c.score, 2) AS score,
       c.level_code, l.label_th AS level_th, l.label_en AS level_en, l.color AS level_color,
       round(c.iit, 2) AS iit, round(c.eit, 2) AS eit, round(c.oit, 2) AS oit,
       c.prev_year, CASE WHEN c.prev_year <> $year - 1 THEN c.prev_year END AS compared_with,
       round(p.score, 2) AS prev_score, round(c.score - p.score, 2) AS delta_points,
       p.rank AS prev_rank, p.rank - r.rank AS delta_rank, c.framework_id, f.pass_mark,
       {passed_c} AS passed  -- PASSED: the one pass rule
FROM this_year c JOIN ranked r ON r.unit_id = c.unit_id AND r.fiscal_year = c.fiscal_year
LEFT JOIN ranked p ON p.unit_id = c.unit_id AND p.fiscal_year = c.prev_year
     AND p.unit_type = c.unit_type
JOIN units u ON u.unit_id = c.unit_id
JOIN frameworks f ON f.framework_id = c.framework_id
LEFT JOIN rating_levels l ON l.framework_id = c.framework_id AND l.seq = c.level_seq
ORDER BY r.unit_type, r.rank, u.short_th
"""


def type_rankings(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Rank of every unit of the scope within its agency type (as the NACC ranks and
    awards; ties share a rank), with the change since the unit's previous scored year
    (``prev_year``; ``delta_rank`` > 0 when it moved up within its type)."""
    return _run(con, TYPE_RANKING_SQL, {"dataset": dataset, "year": year}, scope)


SLICE_SUMMARY_SQL = """
WITH cur AS (
    SELECT {slice} AS value, y.unit_id, y.score, y.framework_id, y.prev_year
    FROM unit_years y JOIN units u USING (unit_id)
    WHERE y.dataset = $dataset AND y.fiscal_year = $year AND y.score IS NOT NULL AND {scope}),
pairs AS (  -- the same units in their previous year (one definition: unit_years.prev_year)
    SELECT c.value, c.score, p.score AS prev_score
    FROM cur c JOIN unit_years p
      ON p.dataset = $dataset AND p.unit_id = c.unit_id AND p.fiscal_year = c.prev_year
    WHERE p.score IS NOT NULL),
prev AS (
    SELECT value, avg(prev_score) AS prev_mean, count(*) AS n_prev,
           avg(score - prev_score) AS delta_mean
    FROM pairs GROUP BY ALL)
SELECT y.value, count(*) AS n_units, round(avg(y.score), 2) AS mean,
       round(median(y.score), 2) AS median, round(min(y.score), 2) AS min,
       round(max(y.score), 2) AS max, {n_pass} AS n_pass, {pass_rate} AS pass_rate,
       round(any_value(p.prev_mean), 2) AS prev_mean, any_value(p.n_prev) AS n_prev,
       round(any_value(p.delta_mean), 2) AS delta_mean
FROM cur y JOIN frameworks f USING (framework_id)
LEFT JOIN prev p ON p.value IS NOT DISTINCT FROM y.value
GROUP BY y.value ORDER BY mean DESC, y.value
"""


def slice_summary(con: Con, *, dataset: str, year: int, scope: Scope, by: str) -> pd.DataFrame:
    """Per value of ``by`` (unit_type, parent, region, province, group) among the scope's units:
    count, mean, median, min, max, pass count and rate, and the change of the mean over
    the same units: ``n_prev`` units of the slice scored in their previous year
    (``unit_years.prev_year``), ``prev_mean`` their mean then, ``delta_mean`` the mean of
    their changes (NULL when none has a previous year)."""
    return _run(con, _slice_sql(SLICE_SUMMARY_SQL, by), {"dataset": dataset, "year": year},
                scope)


def indicator_slice_matrix(con: Con, *, dataset: str, year: int, scope: Scope,
                           by: str) -> pd.DataFrame:
    """Slices (by type, parent, region or province) x the ten indicators: the mean value
    of the slice's units (long form), with the slice's unit count and mean total."""
    return _run(con, _slice_sql("""
        WITH v AS (
            SELECT {slice} AS value, iv.unit_id, iv.indicator, iv.seq, iv.label_th,
                   iv.label_en, iv.tool, iv.value AS score
            FROM ({indicator_values}) iv JOIN units u USING (unit_id)
            WHERE iv.fiscal_year = $year AND {scope})
        SELECT value, indicator, seq, label_th, label_en, tool,
               round(avg(score), 2) AS mean, count(*) AS n_units,
               round(avg(avg(score)) OVER (PARTITION BY value), 2) AS slice_mean
        FROM v GROUP BY value, indicator, seq, label_th, label_en, tool
        ORDER BY slice_mean DESC, value, seq""", by),
                {"dataset": dataset, "year": year}, scope)


def open_item_slice_grid(con: Con, *, dataset: str, year: int, scope: Scope,
                         by: str) -> pd.DataFrame:
    """Slices x O-items: units assessed, at zero, partial, and the share at zero."""
    return _run(con, _slice_sql("""
        WITH o AS (
            SELECT {slice} AS value, o.framework_id, o.code, o.seq, o.label_th, o.label_en,
                   o.status
            FROM ({open_items}) o JOIN units u USING (unit_id))
        SELECT value, framework_id, code, seq, label_th, label_en,
               count(*) AS n_units, count(*) FILTER (WHERE status = 'zero') AS n_zero,
               count(*) FILTER (WHERE status = 'partial') AS n_partial,
               round(100.0 * count(*) FILTER (WHERE status = 'zero') / count(*), 1)
                   AS pct_zero
        FROM o GROUP BY ALL ORDER BY value, seq""", by), {"dataset": dataset, "year": year},
                scope)


def scope_units_ranked(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """The scope's scored units in score order (best first): the rows of paginated
    unit matrices (a page of these ids is then drawn)."""
    return _run(con, """
        SELECT y.unit_id, u.short_th, u.short_en, round(y.score, 2) AS score
        FROM unit_years y JOIN units u USING (unit_id)
        WHERE y.dataset = $dataset AND y.fiscal_year = $year AND {scope}
        ORDER BY y.score DESC NULLS LAST, u.short_th""", {"dataset": dataset, "year": year},
                scope)


# ------------------------------------------------------------- defaults, compare


def richest_units(con: Con, *, dataset: str, year: int) -> pd.DataFrame:
    """Units of a year by how many figures they hold (most first, then best total): the
    default unit is the one whose views have the most to show."""
    return _run(con, """
        SELECT y.unit_id, count(s.code) AS n_figures, round(y.score, 2) AS score
        FROM unit_years y LEFT JOIN scores s ON s.dataset = y.dataset
             AND s.unit_id = y.unit_id AND s.fiscal_year = y.fiscal_year
        WHERE y.dataset = $dataset AND y.fiscal_year = $year
        GROUP BY ALL ORDER BY n_figures DESC, score DESC NULLS LAST, y.unit_id""",
                {"dataset": dataset, "year": year})


def measures_by_indicator(con: Con, *, dataset: str, unit_id: str, year: int) -> pd.DataFrame:
    """The unit's measures of ``year``, each with the indicator it serves (its own code or the
    indicator of its item), that indicator's score, the item's score that year and the next,
    and whether the unit has any score in the next year (``next_year_scored``).

    Weakest indicator first, then framework order.
    """
    return _run(con, """
        WITH m AS (SELECT * FROM measures WHERE dataset = $dataset AND unit_id = $unit_id
                   AND fiscal_year = $year),
        placed AS (
            SELECT m.*, coalesce(n.indicator, i.code) AS indicator,
                   coalesce(n.label_th, i.label_th) AS label_th,
                   coalesce(n.label_en, i.label_en) AS label_en,
                   coalesce(n.seq, 0) AS node_seq
            FROM m LEFT JOIN framework_nodes n ON n.framework_id = m.framework_id
                 AND n.code = m.code
            LEFT JOIN indicators i ON i.code = m.code),
        -- the unit's own values only (joining all node_values cost 1.6 s at national scale),
        -- read by unit number (filtering node_values by unit_id scanned every row: 16 ms)
        nv AS (SELECT * FROM {unit_values} WHERE fiscal_year IN ($year, $year + 1))
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
        LEFT JOIN nv iv ON iv.dataset = p.dataset AND iv.unit_id = p.unit_id
             AND iv.fiscal_year = p.fiscal_year AND iv.code = p.indicator
             AND iv.kind = 'indicator'
        LEFT JOIN nv v ON v.dataset = p.dataset AND v.unit_id = p.unit_id
             AND v.fiscal_year = p.fiscal_year AND v.code = p.code
        LEFT JOIN nv nxt ON nxt.dataset = p.dataset AND nxt.unit_id = p.unit_id
             AND nxt.fiscal_year = p.fiscal_year + 1 AND nxt.code = p.code
             AND (nxt.kind = 'indicator' OR nxt.framework_id = p.framework_id)
        ORDER BY iv.value NULLS LAST, ind.seq, p.node_seq, p.measure_id""",
                {"dataset": dataset, "unit_id": unit_id, "year": year})


def outlook_head(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """The unit-year's framework, total, tools and level (:func:`recoverable_outlook`)."""
    return _run(con, """
        SELECT y.framework_id, y.score, y.iit, y.eit, y.oit, l.label_th AS level_th,
               l.label_en AS level_en, l.color AS level_color
        FROM unit_years y
        LEFT JOIN rating_levels l ON l.framework_id = y.framework_id AND l.seq = y.level_seq
        WHERE y.dataset = $dataset AND y.unit_id = $unit_id AND y.fiscal_year = $year""",
                {"dataset": dataset, "unit_id": unit_id, "year": year})


def tool_weights(con: Con, *, framework_id: str) -> dict[str, float]:
    """Each tool's points in a framework (its weight in the total)."""
    return dict(con.execute("""
        SELECT code, points FROM framework_nodes WHERE framework_id = $fw AND kind = 'tool'""",
                            {"fw": framework_id}).fetchall())


def outlook_levels(con: Con, *, framework_id: str) -> pd.DataFrame:
    """A framework's levels, best first, with their total and tool conditions."""
    return _run(con, """
        SELECT label_th, label_en, color, min_total, min_each_tool FROM rating_levels
        WHERE framework_id = $fw ORDER BY seq""", {"fw": framework_id})


def recoverable_outlook(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """One row: the unit-year's total and rating, the points recoverable (items below full
    marks) and the total and rating if every one of them reached full marks.

    Each tool's projected score adds its recoverable points over the tool's weight; the
    projected rating is the best level of the year's scale whose total and tool conditions
    the projection meets (unknown when a needed tool score is unknown). Made of
    :func:`outlook_head`, :func:`points_recoverable`, :func:`tool_weights` and
    :func:`outlook_levels` (which the pages read apart, sharing them with other views).
    """
    head = outlook_head(con, dataset=dataset, year=year, unit_id=unit_id)
    rec = points_recoverable(con, dataset=dataset, year=year, unit_id=unit_id)
    if not outlook_known(head, rec):
        return pd.DataFrame()
    framework = str(head.iloc[0]["framework_id"])
    return outlook_with(head, rec, tool_weights(con, framework_id=framework),
                        outlook_levels(con, framework_id=framework))


def outlook_known(head: pd.DataFrame, rec: pd.DataFrame) -> bool:
    """An outlook needs the unit-year's total and some item below full marks."""
    return not (head.empty or rec.empty or pd.isna(head.iloc[0]["score"]))


def outlook_with(head: pd.DataFrame, rec: pd.DataFrame, weights: dict[str, float],
                 levels: pd.DataFrame) -> pd.DataFrame:
    """:func:`recoverable_outlook`'s row from its parts (:func:`outlook_known` holds)."""
    row = head.iloc[0]
    by_tool = rec.groupby("tool")["recoverable"].sum()
    tools: dict[str, float | None] = {}
    for tool in ("IIT", "EIT", "OIT"):
        now, weight = row[tool.lower()], weights.get(tool)
        gain = float(by_tool.get(tool, 0.0))
        tools[tool] = (None if pd.isna(now) else
                       min(100.0, float(now) + (gain / weight * 100 if weight else 0.0)))
    total = round(float(rec["recoverable"].sum()), 2)
    projected = min(100.0, round(float(row["score"]) + total, 2))
    level = None
    for lv in levels.itertuples():
        if projected < lv.min_total:
            continue
        if pd.notna(lv.min_each_tool):
            if any(v is None for v in tools.values()):
                break
            if any(v < lv.min_each_tool for v in tools.values() if v is not None):
                continue
        level = lv
        break
    return pd.DataFrame([{
        "score": round(float(row["score"]), 2), "level_th": row["level_th"],
        "level_en": row["level_en"], "recoverable": total, "n_items": len(rec),
        "projected": projected,
        "projected_level_th": None if level is None else level.label_th,
        "projected_level_en": None if level is None else level.label_en,
        "projected_color": None if level is None else level.color,
        **{f"projected_{k.lower()}": None if v is None else round(v, 2)
           for k, v in tools.items()}}])


def compare_history(con: Con, *, dataset: str, scope: Scope) -> pd.DataFrame:
    """Total, tools and rating of every unit of ``scope`` in every year (units side by side)."""
    return _run(con, """
        SELECT y.unit_id, u.short_th, u.short_en, y.fiscal_year, y.framework_id,
               round(y.score, 2) AS score, round(y.iit, 2) AS iit, round(y.eit, 2) AS eit,
               round(y.oit, 2) AS oit, l.label_th AS level_th, l.label_en AS level_en,
               l.color AS level_color
        FROM unit_years y JOIN units u USING (unit_id)
        LEFT JOIN rating_levels l ON l.framework_id = y.framework_id AND l.seq = y.level_seq
        WHERE y.dataset = $dataset AND {scope}
        ORDER BY y.fiscal_year, u.short_th""", {"dataset": dataset}, scope)


def compare_indicators(con: Con, *, dataset: str, scope: Scope) -> pd.DataFrame:
    """The ten indicators of every unit of ``scope`` in every year (long form)."""
    return _run(con, """
        SELECT iv.unit_id, u.short_th, u.short_en, iv.fiscal_year, iv.indicator, iv.seq,
               iv.label_th, iv.label_en, iv.tool, round(iv.value, 2) AS value
        FROM ({indicator_values}) iv JOIN units u USING (unit_id)
        WHERE {scope}
        ORDER BY iv.fiscal_year, iv.seq, u.short_th""", {"dataset": dataset}, scope,
                by_unit=True)


def compare_items(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Item scores of the units of ``scope`` in ``year``, only for items of a framework that
    at least two of them were assessed under (items compare only where frameworks agree)."""
    return _run(con, """
        WITH it AS (SELECT i.*, u.short_th, u.short_en FROM ({items}) i JOIN units u
                    USING (unit_id) WHERE i.fiscal_year = $year AND {scope}),
        shared AS (SELECT framework_id, code FROM it GROUP BY ALL
                   HAVING count(DISTINCT unit_id) >= 2)
        SELECT it.unit_id, it.short_th, it.short_en, it.framework_id, it.code, it.seq,
               it.tool, it.indicator, it.label_th, it.label_en, round(it.score, 2) AS score
        FROM it JOIN shared USING (framework_id, code)
        ORDER BY it.framework_id, it.seq, it.short_th""",
                {"dataset": dataset, "year": year}, scope, by_unit=True)


def source_titles(con: Con) -> pd.DataFrame:
    """Every source document's id and title (to name documents in words)."""
    return _run(con, "SELECT source_id, title_th, unit_th, fiscal_year FROM sources "
                     "ORDER BY source_id", {})


# ----------------------------------------- what the reports print beside the scores


def scope_reference_scores(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Reference figures printed beside the units' own (e.g. the Bangkok-wide average of a
    question), for every unit of ``scope`` in ``year``: one row per unit, code and kind."""
    return _run(con, """
        SELECT r.unit_id, r.code, r.ref_kind, r.label_printed, r.score
        FROM reference_scores r JOIN units u USING (unit_id)
        WHERE r.dataset = $dataset AND r.fiscal_year = $year AND {scope}
        ORDER BY r.unit_id, r.code""", {"dataset": dataset, "year": year}, scope)


def unplaced_figures(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """Figures printed for a unit-year whose question code is not printed (so they are not
    placed in the framework): the indicator they were printed under, the score, the code
    and text as printed, and where they come from."""
    return _run(con, """
        SELECT f.parent_code, coalesce(n.label_th, i.label_th) AS parent_th,
               coalesce(n.label_en, i.label_en) AS parent_en, f.score, f.code_printed,
               f.text_printed, src.title_th AS document, f.source_id, f.source_ref, f.note
        FROM unplaced_figures f
        LEFT JOIN framework_nodes n ON n.framework_id = f.framework_id
             AND n.code = f.parent_code
        LEFT JOIN indicators i ON i.code = f.parent_code
        LEFT JOIN sources src ON src.source_id = f.source_id
        WHERE f.dataset = $dataset AND f.fiscal_year = $year AND f.unit_id = $unit_id
        ORDER BY n.seq, f.score""", {"dataset": dataset, "year": year, "unit_id": unit_id})


def item_comparability(con: Con, *, dataset: str, scope: Scope,
                       year: int | None = None) -> pd.DataFrame:
    """Per unit-year with a previous year (``unit_years.prev_year``): whether its items can be
    compared with that year's. ``comparable``: the same framework, or ``n_pairs`` > 0 item
    pairs of ``item_crosswalk`` between the two frameworks (either direction)."""
    return _run(con, """
        WITH pairs AS (
            SELECT fw, other_fw, count(*) AS n_pairs FROM (
                SELECT from_framework AS fw, to_framework AS other_fw FROM item_crosswalk
                UNION ALL
                SELECT to_framework, from_framework FROM item_crosswalk)
            GROUP BY ALL)
        SELECT y.unit_id, u.short_th, u.short_en, y.fiscal_year, y.framework_id,
               f.name_th AS framework_th, f.name_en AS framework_en, y.prev_year,
               p.framework_id AS prev_framework_id, pf.name_th AS prev_framework_th,
               pf.name_en AS prev_framework_en,
               y.framework_id = p.framework_id AS same_framework,
               coalesce(x.n_pairs, 0) AS n_pairs,
               y.framework_id = p.framework_id OR coalesce(x.n_pairs, 0) > 0 AS comparable
        FROM unit_years y JOIN units u USING (unit_id)
        JOIN unit_years p ON p.dataset = y.dataset AND p.unit_id = y.unit_id
             AND p.fiscal_year = y.prev_year
        JOIN frameworks f ON f.framework_id = y.framework_id
        JOIN frameworks pf ON pf.framework_id = p.framework_id
        LEFT JOIN pairs x ON x.fw = p.framework_id AND x.other_fw = y.framework_id
        WHERE y.dataset = $dataset AND ($year IS NULL OR y.fiscal_year = $year) AND {scope}
        ORDER BY y.fiscal_year, u.short_th""", {"dataset": dataset, "year": year}, scope)


def crosswalk(con: Con) -> pd.DataFrame:
    """Every item pair of ``item_crosswalk`` with both items' labels."""
    return _run(con, """
        SELECT c.from_framework, c.from_code, a.label_th AS from_th, a.label_en AS from_en,
               c.to_framework, c.to_code, b.label_th AS to_th, b.label_en AS to_en,
               c.status, c.source_id, c.note
        FROM item_crosswalk c
        LEFT JOIN framework_nodes a ON a.framework_id = c.from_framework AND a.code = c.from_code
        LEFT JOIN framework_nodes b ON b.framework_id = c.to_framework AND b.code = c.to_code
        ORDER BY c.from_framework, a.seq, c.to_framework, b.seq""", {})


# ------------------------------------------------------- the analysis report (issue 20)


def framework_parts(con: Con, *, framework_id: str) -> pd.DataFrame:
    """The total, tools, tool parts and indicators of a framework with their points (share of
    the 100-point total), status and source document, and how many items each indicator has."""
    return _run(con, """
        SELECT n.code, n.kind, n.parent_code, n.seq, n.tool, n.indicator, n.label_th,
               n.label_en, n.points_printed, n.points, n.status, n.source_id,
               src.title_th AS source_title,
               (SELECT count(*) FROM framework_nodes c WHERE c.framework_id = n.framework_id
                  AND c.kind = 'item' AND c.indicator = n.code) AS n_items
        FROM framework_nodes n LEFT JOIN sources src ON src.source_id = n.source_id
        WHERE n.framework_id = $framework_id
          AND n.kind IN ('total', 'tool', 'tool_part', 'indicator')
        ORDER BY n.seq""", {"framework_id": framework_id})


def measures_of_others(con: Con, *, dataset: str, unit_id: str) -> pd.DataFrame:
    """Measures other units of ``dataset`` recorded, each with the indicator it serves (its own
    code or its item's indicator): suggestions for a unit without measures of its own."""
    return _run(con, """
        SELECT m.unit_id, u.short_th, u.short_en, m.fiscal_year, m.framework_id, m.code,
               coalesce(n.indicator, i.code) AS indicator, n.kind AS node_kind, m.measure,
               m.communication, m.schedule, m.responsible, m.source_id, m.measure_id
        FROM measures m JOIN units u USING (unit_id)
        LEFT JOIN framework_nodes n ON n.framework_id = m.framework_id AND n.code = m.code
        LEFT JOIN indicators i ON i.code = m.code
        WHERE m.dataset = $dataset AND m.unit_id <> $unit_id
          AND coalesce(m.measure, '') <> ''
        ORDER BY m.fiscal_year DESC, u.short_th, m.measure_id""",
                {"dataset": dataset, "unit_id": unit_id})
