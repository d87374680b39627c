"""What the pages need per dataset, year and unit, computed once per build (not per view).

At national scale (8,300 units x 10 years) a few of the pages' questions cost 0.1-0.6 s of
CPU each when asked of the raw tables: every unit's weakest indicator (a window over all
indicator values of the year), the O-items at zero in consecutive years (a recursive walk
back through every unit's years) and the dataset's counts. They are answered here for
every unit-year of a dataset, in the build, and the query layer reads them with bound
parameters (:mod:`ita_dash.queries`): a view is a lookup.

A unit's own values (its profile, slides, comparison: 10-35 ms a query when filtered by
``unit_id`` on ``node_values``, whose 8.2 M national rows DuckDB then scans: string zone maps
hold 8-byte prefixes, which thousands of ids such as ``nd-subdistrict_municipality-1975``
share) are read from ``unit_values``: the same rows stored in order of an integer unit number
(``unit_numbers``), so a lookup by number reads the unit's row groups only (3-5 ms).

The tables are created with the others (:data:`ita_dash.schema.PAGE_TABLES`);
``refresh_page_tables`` runs at the end of :func:`ita_dash.derive.refresh_derived`, inside
its transaction, for the dataset (and years) it refreshed.
"""

from __future__ import annotations

import duckdb

INSERT_WEAKEST = """
INSERT INTO weakest_indicator_rows
SELECT * FROM (
    SELECT v.dataset, v.unit_id, v.fiscal_year, v.code AS indicator, i.seq, i.label_th,
           i.label_en, i.tool, round(v.value, 2) AS value,
           row_number() OVER (PARTITION BY v.unit_id, v.fiscal_year
                              ORDER BY round(v.value, 2), i.seq) AS pos,
           count(*) OVER (PARTITION BY v.unit_id, v.fiscal_year) AS n_indicators
    FROM node_values v JOIN indicators i ON i.code = v.code
    WHERE v.dataset = $dataset AND v.kind = 'indicator' AND v.value IS NOT NULL
      AND ($all_years OR v.fiscal_year >= $first_year))
WHERE pos = 1
ORDER BY fiscal_year, unit_id
"""

# The walk of queries.consecutive_zero_items before this table, for every start year at once:
# years followed along unit_years.prev_year, an item into the same framework by its code and
# into another only through item_crosswalk (either direction).
INSERT_ZERO_STREAKS = """
INSERT INTO zero_streaks
WITH RECURSIVE items AS (
    SELECT v.unit_id, v.fiscal_year, v.framework_id, n.code, n.seq, n.label_th, n.label_en
    FROM node_values v JOIN framework_nodes n USING (framework_id, code)
    WHERE v.dataset = $dataset AND v.kind = 'item' AND v.value IS NOT NULL
      AND n.tool = 'OIT' AND v.value <= 0),
pairs AS (
    SELECT from_framework AS fw, from_code AS code, to_framework AS other_fw,
           to_code AS other_code FROM item_crosswalk
    UNION
    SELECT to_framework, to_code, from_framework, from_code FROM item_crosswalk),
zero_now AS (SELECT * FROM items WHERE $all_years OR fiscal_year >= $first_year),
chain AS (
    SELECT unit_id, fiscal_year AS start_year, framework_id AS start_fw, code AS start_code,
           fiscal_year, framework_id, code, 1 AS streak
    FROM zero_now
    UNION
    SELECT c.unit_id, c.start_year, c.start_fw, c.start_code, p.fiscal_year, p.framework_id,
           it.code, c.streak + 1
    FROM chain c
    JOIN unit_years y ON y.dataset = $dataset AND y.unit_id = c.unit_id
         AND y.fiscal_year = c.fiscal_year
    JOIN unit_years p ON p.dataset = y.dataset AND p.unit_id = y.unit_id
         AND p.fiscal_year = y.prev_year
    JOIN items it ON it.unit_id = c.unit_id AND it.fiscal_year = p.fiscal_year
         AND it.framework_id = p.framework_id
    LEFT JOIN pairs x ON x.fw = c.framework_id AND x.code = c.code
         AND x.other_fw = p.framework_id AND x.other_code = it.code
    WHERE (p.framework_id = c.framework_id AND it.code = c.code) OR x.fw IS NOT NULL),
streaks AS (
    SELECT unit_id, start_year, start_fw, start_code, max(streak) AS zero_streak,
           arg_max(fiscal_year, streak) AS first_year, arg_max(code, streak) AS first_code
    FROM chain GROUP BY ALL)
SELECT $dataset, z.unit_id, z.fiscal_year, z.framework_id, z.code, z.seq, z.label_th,
       z.label_en, s.first_year, s.zero_streak, s.first_code
FROM streaks s
JOIN zero_now z ON z.unit_id = s.unit_id AND z.fiscal_year = s.start_year
     AND z.framework_id = s.start_fw AND z.code = s.start_code
WHERE s.zero_streak >= 2
ORDER BY z.fiscal_year, z.unit_id
"""

INSERT_COUNTS = """
INSERT INTO dataset_counts
SELECT $dataset, (SELECT count(*) FROM scores WHERE dataset = $dataset),
       (SELECT count(*) FROM unit_years WHERE dataset = $dataset)
"""

# Numbers for units not numbered yet (after the highest given: a unit keeps its number, so
# the rows of years not refreshed keep theirs)
INSERT_UNIT_NUMBERS = """
INSERT INTO unit_numbers
SELECT unit_id, (SELECT coalesce(max(unit_no), 0) FROM unit_numbers)
                + row_number() OVER (ORDER BY unit_id)
FROM (SELECT DISTINCT unit_id FROM node_values WHERE dataset = $dataset
      EXCEPT SELECT unit_id FROM unit_numbers)
"""

# a unit's rows keep their order of node_values (what a query without ORDER BY returns)
INSERT_UNIT_VALUES = """
INSERT INTO unit_values BY NAME
SELECT n.unit_no, v.* FROM node_values v JOIN unit_numbers n USING (unit_id)
WHERE v.dataset = $dataset AND ($all_years OR v.fiscal_year >= $first_year)
ORDER BY n.unit_no, v.rowid
"""


DELETE_DATASET = (
    "DELETE FROM weakest_indicator_rows WHERE dataset = $dataset",
    "DELETE FROM zero_streaks WHERE dataset = $dataset",
    "DELETE FROM unit_values WHERE dataset = $dataset",
    "DELETE FROM dataset_counts WHERE dataset = $dataset")
DELETE_YEARS = (
    "DELETE FROM weakest_indicator_rows WHERE dataset = $dataset "
    "AND ($all_years OR fiscal_year >= $first_year)",
    "DELETE FROM zero_streaks WHERE dataset = $dataset "
    "AND ($all_years OR fiscal_year >= $first_year)",
    "DELETE FROM unit_values WHERE dataset = $dataset "
    "AND ($all_years OR fiscal_year >= $first_year)")


def delete_dataset(con: duckdb.DuckDBPyConnection, dataset: str) -> None:
    """Forget every page table row of ``dataset``."""
    for statement in DELETE_DATASET:
        con.execute(statement, {"dataset": dataset})


def refresh_page_tables(con: duckdb.DuckDBPyConnection, dataset: str,
                        first_year: int | None = None) -> None:
    """Recompute the page tables of ``dataset`` (from ``first_year`` on when given: a changed
    year changes its own rows and the zero streaks of the years after it)."""
    params = {"dataset": dataset, "all_years": first_year is None,
              "first_year": first_year or 0}
    for statement in DELETE_YEARS:
        con.execute(statement, params)
    con.execute(DELETE_DATASET[-1], {"dataset": dataset})
    con.execute(INSERT_WEAKEST, params)
    con.execute(INSERT_ZERO_STREAKS, params)
    con.execute(INSERT_COUNTS, {"dataset": dataset})
    con.execute(INSERT_UNIT_NUMBERS, {"dataset": dataset})
    con.execute(INSERT_UNIT_VALUES, params)

