"""Where the data files, the import store and the database live; the datasets; how a
DuckDB database is opened."""

from __future__ import annotations

import csv
import os
import threading
from pathlib import Path

import duckdb

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


def db_threads() -> int | None:
    """Threads per DuckDB database (ITA_DB_THREADS; unset: DuckDB's own, one per core).
    One is right where each process already has its core: one server replica per core
    (``deploy/run.sh``), one test worker per core."""
    raw = os.environ.get("ITA_DB_THREADS", "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else None


def open_duckdb(path: str | Path = ":memory:", *, read_only: bool = False
                ) -> duckdb.DuckDBPyConnection:
    """Every DuckDB connection the product opens. The thread count is set on the database,
    not passed as a connection option: DuckDB refuses a second connection to a file open in
    the same process with other options."""
    con = duckdb.connect(str(path), read_only=read_only)
    threads = db_threads()
    if threads is not None:
        con.execute("SET threads = ?", [threads])
    return con


_MEMORY: dict[int, duckdb.DuckDBPyConnection] = {}  # by process id: never one of a parent's
_MEMORY_LOCK = threading.Lock()


def memory_duckdb() -> duckdb.DuckDBPyConnection:
    """A connection of its own (close it when done) to this process's one in-memory DuckDB
    database, for work that keeps no table (a frame copied to a file): about 0.3 ms, where
    a new database took 15 ms. Frames registered on it are its own."""
    with _MEMORY_LOCK:
        base = _MEMORY.get(os.getpid())
        if base is None:
            base = _MEMORY[os.getpid()] = open_duckdb()
    return base.cursor()


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
