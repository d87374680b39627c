"""Assemble a database from ``data/`` and the import store (never the other way round).

A build is a plain DuckDB file. :func:`write_build` makes a complete one from the
files; :func:`rebuild_dataset` and :func:`apply_import` change an open copy for an
incremental build (one dataset, or only the dataset-years an import touches).
Publishing builds (atomic swap, fingerprint, lock) is :mod:`ita_dash.publish`.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

from ita_dash import __version__, page_tables
from ita_dash.config import open_duckdb
from ita_dash.derive import refresh_derived
from ita_dash.generators import GENERATED_TABLES, generate
from ita_dash.loader import SourceData, fingerprint_files
from ita_dash.module_graph import source_fingerprint
from ita_dash.schema import create_schema
from ita_dash.store import replay
from ita_dash.store.files import read_import_levels
from ita_dash.store.frameworks import load_with_store
from ita_dash.thai import name_key

SCHEMA_VERSION = "2"
TABLE_ORDER = ("datasets", "demo_years", "sources", "units", "unit_aliases", "unit_groups",
               "group_members", "frameworks", "indicators", "tools", "framework_nodes",
               "rating_levels", "scores", "printed_ratings", "reference_scores", "conflicts",
               "unplaced_figures", "measures", "item_crosswalk", "national_results")

# Statements per table name, from the whitelist TABLE_ORDER only.
_INSERT_BY_NAME = {t: "INSERT INTO " + t + " BY NAME SELECT * FROM incoming"  # noqa: S608
                   for t in TABLE_ORDER}
_SELECT_ALL = {t: "SELECT * FROM " + t for t in TABLE_ORDER}  # noqa: S608


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert a DataFrame by column name into one of the whitelisted tables."""
    if frame.empty:
        return
    statement = _INSERT_BY_NAME[table]  # KeyError for anything not in TABLE_ORDER
    con.register("incoming", frame)
    try:
        con.execute(statement)
    finally:
        con.unregister("incoming")


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    """Every row of one of the whitelisted tables."""
    return con.execute(_SELECT_ALL[table]).df()


BUILD_MODULE = "ita_dash.build"  # the build runs what this module imports, transitively


@functools.cache
def code_fingerprint() -> str:
    """A hash of every module the build runs (the import graph of this module, read from
    the source): a code change triggers a rebuild. Once per process: the code a process
    runs does not change under it."""
    return source_fingerprint(BUILD_MODULE)


def build_fingerprint(data_fp: str, store_fp: str, datasets: Iterable[str]) -> str:
    """What a build was made from: schema, code, data files, import log, datasets."""
    text = "|".join([SCHEMA_VERSION, __version__, code_fingerprint(), data_fp, store_fp,
                     ",".join(sorted(datasets))])
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def default_datasets(source: SourceData) -> list[str]:
    frame = source.tables["datasets"]
    return list(frame.loc[frame["build_by_default"], "dataset"])


def declared_generator(con: duckdb.DuckDBPyConnection, dataset: str) -> str | None:
    rows = con.execute("SELECT generator FROM datasets WHERE dataset = ?", [dataset]).fetchall()
    if not rows:
        raise KeyError(f"unknown dataset {dataset!r}")
    return None if rows[0][0] is None else str(rows[0][0])


# ---------------------------------------------------------------- one dataset


def _insert_generated(con: duckdb.DuckDBPyConnection, dataset: str) -> None:
    name = declared_generator(con, dataset)
    if name is None:
        return
    marker = f"generated:{dataset}"
    frames = generate(con, generator=name, dataset=dataset)
    for table in GENERATED_TABLES:
        frame = frames.get(table)
        if frame is None or frame.empty:
            continue
        if table == "units":
            frame = frame.assign(origin=marker)
        elif table in ("unit_aliases", "unit_groups"):
            frame = frame.assign(source_id=marker)
        elif table == "scores":
            frame = frame.assign(dataset=dataset)
        insert_frame(con, table, frame)


def _delete_dataset(con: duckdb.DuckDBPyConnection, dataset: str) -> None:
    marker = f"generated:{dataset}"
    for statement in (
            "DELETE FROM scores WHERE dataset = $dataset",
            "DELETE FROM node_values WHERE dataset = $dataset",
            "DELETE FROM unit_years WHERE dataset = $dataset",
            """DELETE FROM group_members WHERE group_id IN
                 (SELECT group_id FROM unit_groups WHERE source_id = $marker)
               OR unit_id IN (SELECT unit_id FROM units WHERE origin = $marker)""",
            "DELETE FROM unit_groups WHERE source_id = $marker",
            """DELETE FROM unit_aliases WHERE source_id = $marker
               OR unit_id IN (SELECT unit_id FROM units WHERE origin = $marker)""",
            "DELETE FROM units WHERE origin = $marker"):
        params = {k: v for k, v in (("dataset", dataset), ("marker", marker))
                  if "$" + k in statement}
        con.execute(statement, params)
    page_tables.delete_dataset(con, dataset)


def _import_units(con: duckdb.DuckDBPyConnection, units: pd.DataFrame) -> None:
    """Add the units of imports (names become aliases); those already present are kept."""
    if units.empty:
        return
    frame = units.assign(name_en=None, short_en=None, origin="import",
                         source_id=units["import_id"],
                         note="added by import " + units["import_id"])
    frame = frame.drop(columns=["import_id"]).drop_duplicates("unit_id")
    aliases = pd.DataFrame({
        "alias_key": [name_key(n) for n in frame["name_th"]] + list(frame["unit_id"]),
        "alias": list(frame["name_th"]) + list(frame["unit_id"]),
        "unit_id": list(frame["unit_id"]) * 2,
        "source_id": list(frame["source_id"]) * 2,
        "note": list(frame["note"]) * 2}).drop_duplicates("alias_key")
    con.register("new_units", frame)
    con.register("new_aliases", aliases)
    try:
        con.execute("""INSERT INTO units BY NAME SELECT * FROM new_units
                       WHERE unit_id NOT IN (SELECT unit_id FROM units)""")
        con.execute("""INSERT INTO unit_aliases BY NAME SELECT * FROM new_aliases
                       WHERE alias_key NOT IN (SELECT alias_key FROM unit_aliases)""")
    finally:
        con.unregister("new_units")
        con.unregister("new_aliases")


def _remove_import_units(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""DELETE FROM unit_aliases WHERE unit_id IN
                     (SELECT unit_id FROM units WHERE origin = 'import')""")
    con.execute("""DELETE FROM group_members WHERE unit_id IN
                     (SELECT unit_id FROM units WHERE origin = 'import')""")
    con.execute("DELETE FROM units WHERE origin = 'import'")


def apply_scores(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> None:
    """Write imported figures over what is stored for the same (dataset, unit, year, code)."""
    if rows.empty:
        return
    incoming = rows.assign(source_id=None)[
        ["dataset", "unit_id", "fiscal_year", "framework_id", "code", "score", "source_id",
         "source_ref", "note", "import_id"]]
    con.register("incoming_scores", incoming)
    try:
        con.execute("""
            DELETE FROM scores s USING incoming_scores i
            WHERE s.dataset = i.dataset AND s.unit_id = i.unit_id
              AND s.fiscal_year = i.fiscal_year AND s.code = i.code""")
        con.execute("INSERT INTO scores BY NAME SELECT * FROM incoming_scores")
    finally:
        con.unregister("incoming_scores")


def apply_levels(con: duckdb.DuckDBPyConnection, levels: pd.DataFrame, *, dataset: str,
                 import_id: str) -> None:
    """Write an import's printed levels over the printed levels stored for the same
    unit-years (the table ``data/real/printed_ratings.csv`` fills)."""
    if levels.empty:
        return
    incoming = pd.DataFrame({
        "dataset": dataset, "unit_id": levels["unit_id"], "fiscal_year": levels["fiscal_year"],
        "framework_id": levels["framework_id"], "level_code": levels["level_code"],
        "label_printed": levels["label_printed"], "source_id": None,
        "source_ref": levels["source_ref"], "note": f"import {import_id}"})
    con.register("incoming_levels", incoming)
    try:
        con.execute("""
            DELETE FROM printed_ratings p USING incoming_levels i
            WHERE p.dataset = i.dataset AND p.unit_id = i.unit_id
              AND p.fiscal_year = i.fiscal_year""")
        con.execute("INSERT INTO printed_ratings BY NAME SELECT * FROM incoming_levels")
    finally:
        con.unregister("incoming_levels")


def _replay_store(con: duckdb.DuckDBPyConnection, store: Path | None,
                  datasets: Iterable[str]) -> None:
    """Apply every import still in force, oldest first, to the given datasets."""
    if store is None:
        return
    wanted = set(datasets)
    for event, scores, units in replay.active_imports(store):
        _import_units(con, units.assign(import_id=event.import_id))
        if event.dataset in wanted:
            apply_scores(con, scores.assign(dataset=event.dataset, import_id=event.import_id))
            apply_levels(con, read_import_levels(store, event), dataset=event.dataset,
                         import_id=event.import_id)


def rebuild_dataset(con: duckdb.DuckDBPyConnection, source: SourceData, dataset: str,
                    store: Path | None) -> None:
    """Replace one dataset in an open build: its base or generated figures, then the store."""
    _delete_dataset(con, dataset)
    _remove_import_units(con)
    base = source.tables["scores"]
    insert_frame(con, "scores", base[base["dataset"] == dataset])
    con.execute("DELETE FROM printed_ratings WHERE dataset = ?", [dataset])
    ratings = source.tables.get("printed_ratings")
    if ratings is not None and not ratings.empty:
        insert_frame(con, "printed_ratings", ratings[ratings["dataset"] == dataset])
    _insert_generated(con, dataset)
    _replay_store(con, store, [dataset])
    refresh_derived(con, dataset)


def apply_import(con: duckdb.DuckDBPyConnection, *, dataset: str, import_id: str,
                 scores: pd.DataFrame, units: pd.DataFrame,
                 levels: pd.DataFrame | None = None) -> None:
    """Add one new import to an open build: only the dataset-years it touches are derived."""
    _import_units(con, units.assign(import_id=import_id))
    apply_scores(con, scores.assign(dataset=dataset, import_id=import_id))
    years = set(scores["fiscal_year"].unique().tolist())
    if levels is not None and not levels.empty:
        apply_levels(con, levels, dataset=dataset, import_id=import_id)
        years |= set(levels["fiscal_year"].unique().tolist())
    refresh_derived(con, dataset, years=sorted(int(y) for y in years))


def set_meta(con: duckdb.DuckDBPyConnection, values: dict[str, str]) -> None:
    for key, value in values.items():
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def populate(con: duckdb.DuckDBPyConnection, source: SourceData, datasets: Iterable[str],
             store: Path | None) -> None:
    """Fill an empty schema: base tables, generated datasets, the store's imports, derived."""
    chosen = list(datasets)
    for table in TABLE_ORDER:
        frame = source.tables.get(table)
        if frame is None:
            continue
        if table == "scores":
            frame = frame[frame["dataset"].isin(chosen)]
        insert_frame(con, table, frame)
    for dataset in chosen:
        _insert_generated(con, dataset)
    _replay_store(con, store, chosen)
    for dataset in chosen:
        refresh_derived(con, dataset)


def write_build(target: Path, source: SourceData, *, datasets: Iterable[str],
                store: Path | None, fingerprint: str) -> Path:
    """Write a complete build to ``target`` (through a temporary file, renamed at the end)."""
    chosen = sorted(set(datasets))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"tmp-{os.getpid()}-{target.name}")
    tmp.unlink(missing_ok=True)
    try:
        con = open_duckdb(tmp)
        try:
            create_schema(con)
            # no transaction around it: the file is a temporary one, renamed only when
            # whole (one large transaction cost a national build 5 s more: its commit wrote
            # everything again)
            populate(con, source, chosen, store)
            set_meta(con, {"fingerprint": fingerprint, "datasets": ",".join(chosen)})
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return target


def build_database(db_path: Path, data_dir: Path, *, datasets: Iterable[str] | None = None,
                   store: Path | None = None) -> Path:
    """A standalone build at ``db_path`` from ``data_dir`` (and ``store``): tests, bench."""
    source = load_with_store(data_dir, store)  # raises DataError before anything is written
    chosen = list(datasets) if datasets is not None else default_datasets(source)
    from ita_dash.store.files import log_fingerprint

    fingerprint = build_fingerprint(fingerprint_files(data_dir), log_fingerprint(store), chosen)
    return write_build(db_path, source, datasets=chosen, store=store, fingerprint=fingerprint)
