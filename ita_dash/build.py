"""Build the DuckDB database from the files in ``data/``, atomically.

The database is written to a temporary file next to the target and renamed
over it only when everything succeeded: a failed build leaves the previous
database untouched and no half-built file behind.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

from ita_dash import __version__
from ita_dash.derive import refresh_derived
from ita_dash.loader import SourceData, load_source_data
from ita_dash.schema import create_schema

SCHEMA_VERSION = "1"
TABLE_ORDER = ("datasets", "sources", "units", "unit_aliases", "unit_groups", "group_members", "frameworks",
               "demo_years", "indicators", "tools", "framework_nodes", "rating_levels", "scores",
               "printed_ratings", "reference_scores", "conflicts", "unplaced_figures", "measures")


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


BUILD_MODULES = ("schema.py", "loader.py", "registry.py", "derive.py", "demo.py", "build.py",
                 "carryover.py", "thailand.py", "generators/__init__.py", "generators/demo.py",
                 "generators/national.py")


def code_fingerprint() -> str:
    """A hash of the modules that shape the database: a code change triggers a rebuild."""
    digest = hashlib.sha256()
    for name in BUILD_MODULES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def build_fingerprint(source: SourceData) -> str:
    return f"{SCHEMA_VERSION}:{__version__}:{code_fingerprint()}:{source.fingerprint}"


def populate(con: duckdb.DuckDBPyConnection, source: SourceData,
             datasets: Iterable[str] = ("real", "demo")) -> None:
    """Fill an empty schema from validated source data, then the generated datasets."""
    for table in TABLE_ORDER:
        if table in source.tables:
            insert_frame(con, table, source.tables[table])
    insert_generated(con, source.tables["datasets"], datasets)
    for dataset in datasets:
        refresh_derived(con, dataset)
    con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", [build_fingerprint(source)])


def insert_generated(con: duckdb.DuckDBPyConnection, declared: pd.DataFrame,
                     datasets: Iterable[str]) -> None:
    """The generator hook: each requested dataset whose ``generator`` is set in
    ``data/datasets.csv`` is generated (:mod:`ita_dash.generators`) and inserted."""
    from ita_dash.generators import GENERATED_TABLES, generate

    wanted = set(datasets)
    for row in declared.itertuples():
        if row.dataset not in wanted or not isinstance(row.generator, str) or not row.generator:
            continue
        frames = generate(con, generator=row.generator, dataset=str(row.dataset))
        for table in GENERATED_TABLES:
            if table in frames:
                insert_frame(con, table, frames[table])


def build_database(db_path: Path, data_dir: Path, *, datasets: Iterable[str] = ("real", "demo"),
                   keep_imports: bool = True) -> Path:
    """Rebuild ``db_path`` from ``data_dir``; imported figures are carried over."""
    source = load_source_data(data_dir)  # raises DataError before anything is written
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f"{db_path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            create_schema(con)
            con.execute("BEGIN")
            populate(con, source, datasets)
            con.execute("COMMIT")
            if keep_imports and db_path.exists():
                from ita_dash.carryover import carry_over_imports

                carry_over_imports(db_path, con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return db_path


def stored_fingerprint(db_path: Path) -> str | None:
    if not db_path.exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        return row[0] if row else None
    except duckdb.Error:
        return None
    finally:
        con.close()


def ensure_database(db_path: Path, data_dir: Path) -> Path:
    """Build the database on first use, or again when a file in ``data/`` changed."""
    from ita_dash.loader import fingerprint_files

    expected = f"{SCHEMA_VERSION}:{__version__}:{code_fingerprint()}:{fingerprint_files(data_dir)}"
    if stored_fingerprint(db_path) != expected:
        build_database(db_path, data_dir)
    return db_path
