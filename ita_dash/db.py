"""Open the dashboard database, building it from ``data/`` on first use."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ita_dash import config
from ita_dash.build import ensure_database


def connect(db_path: Path | None = None, data_dir: Path | None = None, *,
            read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the database (built or rebuilt first when the files changed)."""
    path = ensure_database(db_path or config.db_path(), data_dir or config.data_dir())
    return duckdb.connect(str(path), read_only=read_only)
