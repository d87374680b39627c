"""Open the dashboard database: the current build, read-only.

Interface used by every reader (pages, CLI commands, deck):

* :func:`current_build` -- the published build (path + fingerprint), or None; cheap,
  call it on every rerun to notice a new build.
* :func:`ensure_current` -- build first when ``data/`` or the import store changed.
* :func:`open_read_only` -- a read-only connection to one build.
* :func:`connect` -- ``ensure_current`` then ``open_read_only``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from ita_dash import config
from ita_dash.build import ensure_database, stored_fingerprint


@dataclass(frozen=True)
class Build:
    """One published, immutable database file and its fingerprint."""

    path: Path
    fingerprint: str


def current_build(db_path: Path | None = None) -> Build | None:
    path = db_path or config.db_path()
    fingerprint = stored_fingerprint(path)
    return None if fingerprint is None else Build(path, fingerprint)


def ensure_current(db_path: Path | None = None, data_dir: Path | None = None) -> Build:
    path = ensure_database(db_path or config.db_path(), data_dir or config.data_dir())
    build = current_build(path)
    assert build is not None
    return build


def open_read_only(build: Build) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(build.path), read_only=True)


def connect(db_path: Path | None = None, data_dir: Path | None = None, *,
            read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current build (built first when the files changed)."""
    build = ensure_current(db_path, data_dir)
    if not read_only:  # transitional: writers move to ita_dash.store
        return duckdb.connect(str(build.path))
    return open_read_only(build)
