"""Where the data files and the database live."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DEFAULT_DATA_DIR = PROJECT_DIR / "data"
DEFAULT_DB_PATH = DEFAULT_DATA_DIR / "ita.duckdb"
DATASETS = ("real", "demo")


def data_dir() -> Path:
    """The folder of source files (override with ITA_DATA_DIR)."""
    return Path(os.environ.get("ITA_DATA_DIR", DEFAULT_DATA_DIR))


def db_path() -> Path:
    """The DuckDB file (override with ITA_DB_PATH)."""
    return Path(os.environ.get("ITA_DB_PATH", DEFAULT_DB_PATH))
