"""The DuckDB schema: one definition for every table.

Base tables are loaded from the files in ``data/``; derived tables
(``node_values``, ``unit_years``) are recomputed by :mod:`ita_dash.derive`.
"""

from __future__ import annotations

import duckdb

BASE_TABLES = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE datasets (
    dataset VARCHAR PRIMARY KEY, seq INTEGER NOT NULL, is_synthetic BOOLEAN NOT NULL,
    label_th VARCHAR NOT NULL, label_en VARCHAR NOT NULL, generator VARCHAR,
    build_by_default BOOLEAN NOT NULL, default_year INTEGER,
    description_th VARCHAR NOT NULL, description_en VARCHAR NOT NULL);
CREATE TABLE demo_years (
    fiscal_year INTEGER PRIMARY KEY, framework_id VARCHAR NOT NULL, note VARCHAR);
CREATE TABLE sources (
    source_id VARCHAR PRIMARY KEY, file VARCHAR, title_th VARCHAR, unit_th VARCHAR,
    fiscal_year INTEGER, note VARCHAR, url VARCHAR);
CREATE TABLE units (
    unit_id VARCHAR PRIMARY KEY, name_th VARCHAR NOT NULL, name_en VARCHAR,
    short_th VARCHAR NOT NULL, short_en VARCHAR, unit_type VARCHAR NOT NULL,
    parent_org VARCHAR, province VARCHAR, origin VARCHAR NOT NULL,
    source_id VARCHAR, note VARCHAR, region VARCHAR);
CREATE TABLE unit_aliases (
    alias_key VARCHAR PRIMARY KEY, alias VARCHAR NOT NULL, unit_id VARCHAR NOT NULL,
    source_id VARCHAR, note VARCHAR);
CREATE TABLE unit_groups (
    group_id VARCHAR PRIMARY KEY, group_set VARCHAR NOT NULL,
    name_th VARCHAR NOT NULL, name_en VARCHAR NOT NULL, source_id VARCHAR, note VARCHAR);
CREATE TABLE group_members (
    group_id VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, PRIMARY KEY (group_id, unit_id));
CREATE TABLE frameworks (
    framework_id VARCHAR PRIMARY KEY, assessor VARCHAR NOT NULL,
    first_year INTEGER NOT NULL, last_year INTEGER NOT NULL,
    name_th VARCHAR NOT NULL, name_en VARCHAR NOT NULL, aggregation VARCHAR NOT NULL,
    pass_mark DOUBLE, source_id VARCHAR, note VARCHAR,
    status VARCHAR, unit_types VARCHAR);
CREATE TABLE indicators (
    code VARCHAR PRIMARY KEY, tool VARCHAR NOT NULL, seq INTEGER NOT NULL,
    label_th VARCHAR NOT NULL, label_en VARCHAR NOT NULL, source_id VARCHAR);
CREATE TABLE tools (
    code VARCHAR PRIMARY KEY, seq INTEGER NOT NULL, label_th VARCHAR NOT NULL,
    label_en VARCHAR NOT NULL, short_th VARCHAR NOT NULL, short_en VARCHAR NOT NULL,
    source_id VARCHAR);
CREATE TABLE framework_nodes (
    framework_id VARCHAR NOT NULL, code VARCHAR NOT NULL, parent_code VARCHAR,
    kind VARCHAR NOT NULL, seq INTEGER NOT NULL, depth INTEGER NOT NULL,
    tool VARCHAR, indicator VARCHAR,
    label_th VARCHAR, label_en VARCHAR,
    points_printed DOUBLE, points DOUBLE,
    status VARCHAR NOT NULL, source_id VARCHAR, note VARCHAR,
    PRIMARY KEY (framework_id, code));
CREATE TABLE rating_levels (
    framework_id VARCHAR NOT NULL, seq INTEGER NOT NULL, level_code VARCHAR NOT NULL,
    label_th VARCHAR NOT NULL, label_en VARCHAR NOT NULL,
    min_total DOUBLE NOT NULL, max_total DOUBLE NOT NULL, min_each_tool DOUBLE,
    color VARCHAR NOT NULL, status VARCHAR NOT NULL, source_id VARCHAR, note VARCHAR,
    PRIMARY KEY (framework_id, seq));
-- one row per (dataset, unit_id, fiscal_year, code): the validator refuses a repeated key
-- in a file (rules.duplicates) and an import's rows replace the stored ones
-- (build.apply_scores). No PRIMARY KEY: at national scale (5.7 M rows) its index took 440 MB
-- (a real + national-demo build: 674 MB with it, 236 MB without) and 5 s of CPU to fill,
-- and no query reads by it.
CREATE TABLE scores (
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    framework_id VARCHAR NOT NULL, code VARCHAR NOT NULL, score DOUBLE NOT NULL,
    source_id VARCHAR, source_ref VARCHAR, note VARCHAR, import_id VARCHAR);
CREATE TABLE printed_ratings (
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    framework_id VARCHAR NOT NULL, level_code VARCHAR NOT NULL, label_printed VARCHAR,
    source_id VARCHAR, source_ref VARCHAR, note VARCHAR,
    PRIMARY KEY (dataset, unit_id, fiscal_year));
CREATE TABLE reference_scores (
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    framework_id VARCHAR NOT NULL, code VARCHAR NOT NULL, ref_kind VARCHAR NOT NULL,
    score DOUBLE NOT NULL, label_printed VARCHAR, source_id VARCHAR, source_ref VARCHAR,
    note VARCHAR, PRIMARY KEY (dataset, unit_id, fiscal_year, code, ref_kind));
CREATE TABLE national_results (
    fiscal_year INTEGER PRIMARY KEY, n_units INTEGER, mean_score DOUBLE NOT NULL,
    n_passed INTEGER, pass_rate DOUBLE, source_id VARCHAR NOT NULL, note VARCHAR);
CREATE TABLE conflicts (
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    code VARCHAR, printed_values VARCHAR NOT NULL, chosen_value VARCHAR, rule VARCHAR NOT NULL,
    source_id VARCHAR, note VARCHAR);
CREATE TABLE unplaced_figures (
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    framework_id VARCHAR NOT NULL, parent_code VARCHAR, score DOUBLE NOT NULL,
    code_printed VARCHAR, text_printed VARCHAR, source_id VARCHAR, source_ref VARCHAR,
    note VARCHAR);
CREATE TABLE measures (
    dataset VARCHAR NOT NULL, measure_id INTEGER NOT NULL, unit_id VARCHAR NOT NULL,
    fiscal_year INTEGER NOT NULL, framework_id VARCHAR, code VARCHAR,
    analysis VARCHAR, measure VARCHAR, communication VARCHAR, schedule VARCHAR,
    responsible VARCHAR, status VARCHAR, result VARCHAR, source_id VARCHAR,
    source_ref VARCHAR, PRIMARY KEY (dataset, measure_id));
CREATE TABLE item_crosswalk ( -- item of one framework <-> item of another (data/frameworks)
    from_framework VARCHAR NOT NULL, from_code VARCHAR NOT NULL,
    to_framework VARCHAR NOT NULL, to_code VARCHAR NOT NULL,
    status VARCHAR NOT NULL, source_id VARCHAR, note VARCHAR,
    PRIMARY KEY (from_framework, from_code, to_framework, to_code));
"""

DERIVED_TABLES = """
CREATE TABLE node_values (
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    framework_id VARCHAR NOT NULL, code VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    printed DOUBLE, recomputed DOUBLE, value DOUBLE);
CREATE TABLE unit_years (
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    framework_id VARCHAR NOT NULL, score DOUBLE, score_printed DOUBLE,
    score_recomputed DOUBLE, iit DOUBLE, eit DOUBLE, oit DOUBLE,
    level_seq INTEGER, level_code VARCHAR, printed_level VARCHAR,
    -- the level under the year's rules; level_seq / level_code are the printed level where
    -- one is printed in the year's scale (a level is computed only where none is printed)
    computed_level_seq INTEGER, computed_level VARCHAR,
    prev_year INTEGER, -- the unit's previous year with scores in this dataset (one definition)
    score_source VARCHAR, score_unconfirmed BOOLEAN, level_source VARCHAR,
    scale_unconfirmed BOOLEAN,
    PRIMARY KEY (dataset, unit_id, fiscal_year));
"""

# What the pages need per dataset, year and unit, filled by ita_dash.page_tables
PAGE_TABLES = """
CREATE TABLE weakest_indicator_rows ( -- each unit-year's weakest indicator
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    indicator VARCHAR NOT NULL, seq INTEGER, label_th VARCHAR, label_en VARCHAR,
    tool VARCHAR, value DOUBLE, pos BIGINT, n_indicators BIGINT);
CREATE TABLE zero_streaks ( -- O-items at zero in a unit-year and the years before it
    dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, fiscal_year INTEGER NOT NULL,
    framework_id VARCHAR NOT NULL, code VARCHAR NOT NULL, seq INTEGER, label_th VARCHAR,
    label_en VARCHAR, first_year INTEGER, zero_streak INTEGER, first_code VARCHAR);
CREATE TABLE dataset_counts (
    dataset VARCHAR PRIMARY KEY, n_scores BIGINT NOT NULL, n_unit_years BIGINT NOT NULL);
CREATE TABLE unit_numbers ( -- a number per unit (a key DuckDB's zone maps can skip by)
    unit_id VARCHAR NOT NULL, unit_no INTEGER NOT NULL);
CREATE TABLE unit_values ( -- node_values stored by unit number: a unit's rows lie together
    unit_no INTEGER NOT NULL, dataset VARCHAR NOT NULL, unit_id VARCHAR NOT NULL,
    fiscal_year INTEGER NOT NULL, framework_id VARCHAR NOT NULL, code VARCHAR NOT NULL,
    kind VARCHAR NOT NULL, printed DOUBLE, recomputed DOUBLE, value DOUBLE);
"""


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table (base and derived) on an empty database."""
    con.execute(BASE_TABLES)
    con.execute(DERIVED_TABLES)
    con.execute(PAGE_TABLES)
