"""Derived tables: every node's printed and recomputed value, and one row per unit-year.

``node_values`` holds, for each unit-year, the printed score of every node
that has one, and the value recomputed from its parts with the framework's
points (a points-weighted mean of the children; a tool's score may also come
from its printed weighted points). ``unit_years`` puts the total, the tools and
the ten indicators side by side with the rating under that year's scale, and says
where each came from: the total printed or computed from the tools (and whether the
weights used are unconfirmed), the level printed or computed (and whether the year's
scale is unconfirmed).
Both are rebuilt for one dataset at a time, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from ita_dash.framework.model import OFF_TREE_KINDS, UNSURE_STATUSES

# The printed-vs-recomputed rule, stated once (the Data page's check and an import's warnings):
# a printed figure of ``node_values v`` differs from the value recomputed from its parts
# by more than ``$tolerance`` (default TOLERANCE, points of a 0-100 score).
TOLERANCE = 0.01
PRINTED_DIFFERS = ("v.printed IS NOT NULL AND v.recomputed IS NOT NULL"
                   " AND round(abs(v.printed - v.recomputed), 6) > $tolerance")

# SQL list literals built from the registry's constants (fixed strings, no user input)
_OFF_TREE = ", ".join(f"'{k}'" for k in OFF_TREE_KINDS)
_UNSURE = ", ".join(f"'{k}'" for k in UNSURE_STATUSES)

INSERT_PRINTED = """
INSERT INTO node_values
SELECT s.dataset, s.unit_id, s.fiscal_year, s.framework_id, s.code, n.kind,
       s.score, NULL, s.score
FROM scores s JOIN framework_nodes n USING (framework_id, code)
WHERE s.dataset = $dataset AND ($all_years OR list_contains($years, s.fiscal_year))
"""

INSERT_UNPRINTED_PARENTS = """
INSERT INTO node_values
WITH uy AS (
    SELECT DISTINCT dataset, unit_id, fiscal_year, framework_id
    FROM scores WHERE dataset = $dataset AND ($all_years OR list_contains($years, fiscal_year)))
SELECT uy.dataset, uy.unit_id, uy.fiscal_year, uy.framework_id, n.code, n.kind,
       NULL, NULL, NULL
FROM uy JOIN framework_nodes n USING (framework_id)
WHERE n.kind <> 'item'
  AND NOT EXISTS (
    SELECT 1 FROM scores s
    WHERE s.dataset = uy.dataset AND s.unit_id = uy.unit_id
      AND s.fiscal_year = uy.fiscal_year AND s.code = n.code)
"""

# Recompute the nodes at one depth from their children (all children known).
RECOMPUTE_DEPTH = """
WITH expected AS (
    SELECT framework_id, parent_code, count(*) AS n_children,
           count(points) AS n_with_points
    FROM framework_nodes WHERE kind NOT IN (OFF_TREE) AND parent_code IS NOT NULL
    GROUP BY ALL),
agg AS (
    SELECT v.dataset, v.unit_id, v.fiscal_year, v.framework_id, n.parent_code AS code,
           count(v.value) AS n_known,
           sum(n.points * v.value) / sum(n.points) AS recomputed
    FROM node_values v JOIN framework_nodes n USING (framework_id, code)
    WHERE v.dataset = $dataset AND ($all_years OR list_contains($years, v.fiscal_year)) AND n.depth = $depth + 1 AND n.kind NOT IN (OFF_TREE)
    GROUP BY ALL)
UPDATE node_values AS p SET recomputed = agg.recomputed
FROM agg JOIN expected
  ON expected.framework_id = agg.framework_id AND expected.parent_code = agg.code
WHERE p.dataset = agg.dataset AND p.unit_id = agg.unit_id
  AND p.fiscal_year = agg.fiscal_year AND p.code = agg.code
  AND agg.n_known = expected.n_children AND expected.n_with_points = expected.n_children
""".replace("OFF_TREE", _OFF_TREE)

# A tool with parts (EIT1, EIT2 in 2566) is recomputed as their points-weighted mean when every
# part is known and has points (EIT = mean of its two parts); parts take precedence over the
# tool's indicators.
TOOL_FROM_PARTS = """
WITH expected AS (
    SELECT framework_id, parent_code, count(*) AS n_parts, count(points) AS n_with_points
    FROM framework_nodes WHERE kind = 'tool_part' GROUP BY ALL),
parts AS (
    SELECT v.dataset, v.unit_id, v.fiscal_year, v.framework_id, n.parent_code AS code,
           count(v.value) AS n_known, sum(n.points * v.value) / sum(n.points) AS mean
    FROM node_values v JOIN framework_nodes n USING (framework_id, code)
    WHERE v.dataset = $dataset AND ($all_years OR list_contains($years, v.fiscal_year)) AND n.kind = 'tool_part'
    GROUP BY ALL)
UPDATE node_values AS t SET recomputed = parts.mean
FROM parts JOIN expected
  ON expected.framework_id = parts.framework_id AND expected.parent_code = parts.code
WHERE t.dataset = parts.dataset AND t.unit_id = parts.unit_id
  AND t.fiscal_year = parts.fiscal_year AND t.code = parts.code
  AND parts.n_known = expected.n_parts AND expected.n_with_points = expected.n_parts
"""

# A tool without a printed 0-100 score takes it from its printed weighted points.
TOOL_FROM_POINTS = """
UPDATE node_values AS t SET value = coalesce(t.printed, w.printed * 100 / n.points, t.recomputed)
FROM node_values w, framework_nodes n
WHERE t.dataset = $dataset AND ($all_years OR list_contains($years, t.fiscal_year)) AND t.kind = 'tool' AND w.kind = 'tool_points'
  AND w.dataset = t.dataset AND w.unit_id = t.unit_id AND w.fiscal_year = t.fiscal_year
  AND w.code = t.code || '_W'
  AND n.framework_id = t.framework_id AND n.code = t.code
"""

SET_VALUE_AT_DEPTH = """
UPDATE node_values AS v SET value = coalesce(v.value, v.printed, v.recomputed)
FROM framework_nodes n
WHERE v.dataset = $dataset AND ($all_years OR list_contains($years, v.fiscal_year)) AND n.framework_id = v.framework_id AND n.code = v.code
  AND n.depth = $depth
"""

TOOL_POINTS_RECOMPUTED = """
UPDATE node_values AS w
SET recomputed = t.recomputed * n.points / 100,
    value = coalesce(w.printed, t.value * n.points / 100)
FROM node_values t, framework_nodes n
WHERE w.dataset = $dataset AND ($all_years OR list_contains($years, w.fiscal_year)) AND w.kind = 'tool_points' AND t.kind = 'tool'
  AND t.dataset = w.dataset AND t.unit_id = w.unit_id AND t.fiscal_year = w.fiscal_year
  AND w.code = t.code || '_W' AND n.framework_id = t.framework_id AND n.code = t.code
"""

DROP_EMPTY = """
DELETE FROM node_values
WHERE dataset = $dataset AND ($all_years OR list_contains($years, fiscal_year)) AND printed IS NULL AND recomputed IS NULL AND value IS NULL
"""

INSERT_UNIT_YEARS = """
INSERT INTO unit_years BY NAME
WITH wide AS (
    SELECT dataset, unit_id, fiscal_year, framework_id,
        max(value) FILTER (WHERE code = 'ITA') AS score,
        max(printed) FILTER (WHERE code = 'ITA') AS score_printed,
        max(recomputed) FILTER (WHERE code = 'ITA') AS score_recomputed,
        max(value) FILTER (WHERE code = 'IIT') AS iit,
        max(value) FILTER (WHERE code = 'EIT') AS eit,
        max(value) FILTER (WHERE code = 'OIT') AS oit
    FROM node_values
    WHERE dataset = $dataset AND ($all_years OR list_contains($years, fiscal_year))  -- every scored unit-year, even one known only by its parts
    GROUP BY ALL),
rated AS (
    -- the best level whose range and tool condition hold; when a better level's tool
    -- condition cannot be checked (a tool score is missing) the level stays unknown
    SELECT w.dataset, w.unit_id, w.fiscal_year,
           min(l.seq) FILTER (WHERE l.min_each_tool IS NULL
               OR (w.iit >= l.min_each_tool AND w.eit >= l.min_each_tool
                   AND w.oit >= l.min_each_tool)) AS level_seq,
           min(l.seq) FILTER (WHERE l.min_each_tool IS NOT NULL
               AND (w.iit IS NULL OR w.eit IS NULL OR w.oit IS NULL)) AS unsure_seq
    FROM wide w JOIN rating_levels l
      ON l.framework_id = w.framework_id
     AND round(w.score, 2) BETWEEN l.min_total AND l.max_total
    GROUP BY ALL),
decided AS (
    SELECT dataset, unit_id, fiscal_year,
           CASE WHEN unsure_seq < level_seq THEN NULL ELSE level_seq END AS level_seq
    FROM rated),
unsure AS (
    -- frameworks whose tool weights (or tool-part weights) or rating levels are not established
    SELECT f.framework_id,
           EXISTS (SELECT 1 FROM framework_nodes n
                   WHERE n.framework_id = f.framework_id AND n.kind IN ('tool', 'tool_part')
                     AND n.points IS NOT NULL AND n.status IN (UNSURE)) AS weights_unsure,
           EXISTS (SELECT 1 FROM rating_levels x
                   WHERE x.framework_id = f.framework_id AND x.status IN (UNSURE)) AS scale_unsure
    FROM frameworks f)
SELECT w.*, coalesce(pl.seq, r.level_seq) AS level_seq,
       coalesce(pl.level_code, l.level_code) AS level_code, p.level_code AS printed_level,
       r.level_seq AS computed_level_seq, l.level_code AS computed_level,
       CASE WHEN w.score_printed IS NOT NULL THEN 'printed'
            WHEN w.score IS NOT NULL THEN 'computed' END AS score_source,
       w.score_printed IS NULL AND w.score IS NOT NULL AND u.weights_unsure AS score_unconfirmed,
       CASE WHEN p.level_code IS NOT NULL THEN 'printed'
            WHEN l.level_code IS NOT NULL THEN 'computed' END AS level_source,
       u.scale_unsure AS scale_unconfirmed,
       NULL::INTEGER AS prev_year
FROM wide w
LEFT JOIN decided r USING (dataset, unit_id, fiscal_year)
LEFT JOIN rating_levels l ON l.framework_id = w.framework_id AND l.seq = r.level_seq
LEFT JOIN printed_ratings p USING (dataset, unit_id, fiscal_year)
LEFT JOIN rating_levels pl ON pl.framework_id = w.framework_id AND pl.level_code = p.level_code
LEFT JOIN unsure u ON u.framework_id = w.framework_id
ORDER BY w.fiscal_year, w.unit_id
""".replace("UNSURE", _UNSURE)


DELETE_NODE_VALUES = """
DELETE FROM node_values WHERE dataset = $dataset
  AND ($all_years OR list_contains($years, fiscal_year))
"""

DELETE_UNIT_YEARS = """
DELETE FROM unit_years WHERE dataset = $dataset
  AND ($all_years OR list_contains($years, fiscal_year))
"""

# "The previous year" of a unit-year, defined once: the unit's latest earlier year with a
# total score in the same dataset (not always fiscal_year - 1: a unit may skip a year, or
# hold only parts of a year).
SET_PREVIOUS_YEAR = """
UPDATE unit_years AS y SET prev_year = p.prev_year
FROM (SELECT a.unit_id, a.fiscal_year, max(b.fiscal_year) AS prev_year
      FROM unit_years a LEFT JOIN unit_years b
        ON b.dataset = a.dataset AND b.unit_id = a.unit_id
       AND b.fiscal_year < a.fiscal_year AND b.score IS NOT NULL
      WHERE a.dataset = $dataset GROUP BY ALL) AS p
WHERE y.dataset = $dataset AND y.unit_id = p.unit_id AND y.fiscal_year = p.fiscal_year
  AND y.prev_year IS DISTINCT FROM p.prev_year
"""


def refresh_derived(con: duckdb.DuckDBPyConnection, dataset: str,
                    years: Iterable[int] | None = None) -> None:
    """Recompute ``node_values`` and ``unit_years`` of one dataset (or only some of its years).

    ``prev_year`` is then set for the whole dataset: a changed year can change the
    previous year of a later one.
    """
    chosen = sorted({int(y) for y in years}) if years is not None else []
    params: dict[str, object] = {"dataset": dataset, "all_years": years is None,
                                 "years": chosen}
    con.execute(DELETE_NODE_VALUES, params)
    con.execute(DELETE_UNIT_YEARS, params)
    con.execute(INSERT_PRINTED, params)
    con.execute(INSERT_UNPRINTED_PARENTS, params)
    max_depth, tool_depth = con.execute(
        "SELECT coalesce(max(depth), 0), coalesce(min(depth) FILTER (WHERE kind = 'tool'), 1) "
        "FROM framework_nodes").fetchall()[0]
    for depth in range(int(max_depth) - 1, -1, -1):
        con.execute(RECOMPUTE_DEPTH, {**params, "depth": depth})
        if depth == tool_depth:
            con.execute(TOOL_FROM_PARTS, params)
            con.execute(TOOL_FROM_POINTS, params)
        con.execute(SET_VALUE_AT_DEPTH, {**params, "depth": depth})
    con.execute(TOOL_POINTS_RECOMPUTED, params)
    con.execute(DROP_EMPTY, params)
    con.execute(INSERT_UNIT_YEARS, params)
    con.execute(SET_PREVIOUS_YEAR, {"dataset": dataset})
