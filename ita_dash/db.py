"""Open the dashboard database: the current build, read-only.

Every reader (pages, CLI commands, the deck) goes through here:

* :func:`current_build` -- the published build (path + fingerprint), or None; a cheap
  ``readlink``: call it on every rerun to notice a new build.
* :func:`ensure_current` -- build first when ``data/``, the import store or the code changed.
* :func:`open_read_only` -- a read-only connection to one build.
* :func:`connect` -- ``ensure_current`` then ``open_read_only``.
* :func:`is_sound` / :func:`last_good` -- is a build whole (its checksum, checked once per
  state of the file), and the newest whole build kept besides the published one.

A damaged published build is set aside and built again by ``ensure_current`` (a message
in Thai and English says so); the dashboard serves :func:`last_good` meanwhile.

Builds are made and published by :mod:`ita_dash.publish`; nothing here writes.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ita_dash import build_check, publish
from ita_dash.config import open_duckdb
from ita_dash.publish import Build, Places, current_build

__all__ = ["Build", "connect", "current_build", "ensure_current", "is_sound", "last_good",
           "open_read_only"]


def ensure_current(db_path: Path | None = None, data_dir: Path | None = None,
                   store: Path | None = None) -> Build:
    """The current build, built first (under the writer lock) when missing or stale."""
    return publish.ensure_current(Places.default(db_path, data_dir, store))


def is_sound(build: Build) -> bool:
    """The build file is whole (the checksum recorded when it was published)."""
    return build_check.is_sound(build.path)


def last_good(db_path: Path | None = None) -> Build | None:
    """The newest whole build kept besides the published one, if any."""
    return publish.last_good_build(Places.default(db_path))


def open_read_only(build: Build) -> duckdb.DuckDBPyConnection:
    """A read-only connection to one build file (never blocks a writer: builds are new files)."""
    return open_duckdb(build.path, read_only=True)


def connect(db_path: Path | None = None, data_dir: Path | None = None,
            store: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current build (built first when the files changed)."""
    return open_read_only(ensure_current(db_path, data_dir, store))
