"""Where the data files, the import store and the database live; the datasets."""

from __future__ import annotations

import csv
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DEFAULT_DATA_DIR = PROJECT_DIR / "data"
DEFAULT_DB_PATH = DEFAULT_DATA_DIR / "ita.duckdb"
DEFAULT_STORE_DIR = PROJECT_DIR / "store"


def data_dir() -> Path:
    """The folder of source files (override with ITA_DATA_DIR)."""
    return Path(os.environ.get("ITA_DATA_DIR", DEFAULT_DATA_DIR))


def db_path() -> Path:
    """The published database: a link to the current build (override with ITA_DB_PATH)."""
    return Path(os.environ.get("ITA_DB_PATH", DEFAULT_DB_PATH))


def store_dir() -> Path:
    """The import store: what editors imported, as files (override with ITA_STORE_DIR)."""
    return Path(os.environ.get("ITA_STORE_DIR", DEFAULT_STORE_DIR))


def dataset_names(root: Path | None = None) -> tuple[str, ...]:
    """The datasets declared in ``data/datasets.csv``, in their order (for CLI choices)."""
    path = (root or data_dir()) / "datasets.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.sort(key=lambda r: int(r.get("seq") or 0))
    return tuple(r["dataset"] for r in rows)


def default_datasets(root: Path | None = None) -> tuple[str, ...]:
    """The datasets with ``build_by_default=true`` in ``data/datasets.csv``."""
    path = (root or data_dir()) / "datasets.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: int(r.get("seq") or 0))
    return tuple(r["dataset"] for r in rows if r["build_by_default"].strip().lower() == "true")
