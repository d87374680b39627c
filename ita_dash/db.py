"""Open the dashboard database: the current build, read-only.

Every reader (pages, CLI commands, the deck) goes through here:

* :func:`current_build` -- the published build (path + fingerprint), or None; a cheap
  ``readlink``: call it on every rerun to notice a new build.
* :func:`ensure_current` -- build first when ``data/``, the import store or the code changed.
* :func:`open_read_only` -- a read-only connection to one build.
* :func:`connect` -- ``ensure_current`` then ``open_read_only``.

Builds are made and published by :mod:`ita_dash.publish`; nothing here writes.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ita_dash import publish
from ita_dash.publish import Build, Places, current_build

__all__ = ["Build", "connect", "current_build", "ensure_current", "open_read_only"]


def ensure_current(db_path: Path | None = None, data_dir: Path | None = None,
                   store: Path | None = None) -> Build:
    """The current build, built first (under the writer lock) when missing or stale."""
    return publish.ensure_current(Places.default(db_path, data_dir, store))


def open_read_only(build: Build) -> duckdb.DuckDBPyConnection:
    """A read-only connection to one build file (never blocks a writer: builds are new files)."""
    return duckdb.connect(str(build.path), read_only=True)


def connect(db_path: Path | None = None, data_dir: Path | None = None,
            store: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current build (built first when the files changed)."""
    return open_read_only(ensure_current(db_path, data_dir, store))
