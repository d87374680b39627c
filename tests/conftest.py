"""Shared fixtures: the database built from ``data/`` and a small in-code fixture database."""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from streamlit.components.v2 import manifest_scanner

from ita_dash.build import build_database
from ita_dash.config import DEFAULT_DATA_DIR, open_duckdb
from ita_dash.publish import Places, current_build, ensure_current
from tests.fixture_db import make_fixture_db

# Every AppTest run scans the metadata of every installed distribution for Streamlit
# components (0.1-0.2 s a run, about a tenth of the fast tests' time); what is installed
# does not change during a test run, so the scan is made once per process.
manifest_scanner.scan_component_manifests = functools.cache(  # type: ignore[assignment]
    manifest_scanner.scan_component_manifests)


# One test worker per core (pytest-xdist ``-n auto``): each process's DuckDB databases take
# one thread (ita_dash.config.open_duckdb), as one server replica per core does; DuckDB's
# default of one per core only added switching between the workers' threads (about a tenth
# of the fast tests' CPU). The servers and commands the tests start inherit it.
os.environ.setdefault("ITA_DB_THREADS", "1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Fast tests first: the slow end-to-end ones (marker ``e2e``: a browser, a server,
    subprocesses, national-scale data, benchmarks) run last. Only the fast ones:
    ``python -m pytest -q -m "not e2e"``."""
    fast = [i for i in items if i.get_closest_marker("e2e") is None]
    slow = [i for i in items if i.get_closest_marker("e2e") is not None]
    # among the slow ones, those that drive a browser (mostly waiting on it) alternate with
    # the others (mostly computing), so that each worker has one kind while the other has
    # the other, and the run does not end on a browser test alone
    browser = [i for i in slow if "browser" in getattr(i, "fixturenames", ())]
    others = [i for i in slow if "browser" not in getattr(i, "fixturenames", ())]
    mixed = [i for pair in zip(browser, others, strict=False) for i in pair]
    rest = browser[len(others):] + others[len(browser):]
    items[:] = fast + mixed + rest


@pytest.fixture(scope="session", autouse=True)
def private_places(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test ever reads or writes the project's own database or import store."""
    root = tmp_path_factory.mktemp("places")
    saved = {k: os.environ.get(k) for k in ("ITA_DB_PATH", "ITA_STORE_DIR")}
    os.environ["ITA_DB_PATH"] = str(root / "db" / "ita.duckdb")
    os.environ["ITA_STORE_DIR"] = str(root / "store")
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Places:
    """The real and demo datasets built and published once, with an empty store (each
    test's :func:`places` starts from a copy; never written)."""
    root = tmp_path_factory.mktemp("published")
    here = Places(root / "db" / "ita.duckdb", DEFAULT_DATA_DIR, root / "store")
    ensure_current(here)
    return here


def publish_copy(published: Places, db_path: Path) -> Path:
    """Publish a copy of the session's build at ``db_path`` (a link into its own
    ``.builds`` folder): what a first command with an empty store would build."""
    current = current_build(published.db_path)
    assert current is not None
    builds = db_path.with_name(db_path.stem + ".builds")
    builds.mkdir(parents=True)
    shutil.copyfile(current.path, builds / current.path.name)
    os.symlink(os.readlink(published.db_path), db_path)
    return db_path


@pytest.fixture
def places(published: Places, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Places:
    """A private published database and import store, used by every command and page:
    a copy of the session's published build (the same build a first command would make)."""
    here = Places(tmp_path / "db" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    monkeypatch.setenv("ITA_DB_PATH", str(here.db_path))
    monkeypatch.setenv("ITA_STORE_DIR", str(here.store))
    publish_copy(published, here.db_path)
    return here


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real and demo datasets built once from ``data/`` (treat as read-only)."""
    path = tmp_path_factory.mktemp("built") / "ita.duckdb"
    return build_database(path, DEFAULT_DATA_DIR)


@pytest.fixture
def db_copy(built_db: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the built database."""
    path = tmp_path / "ita.duckdb"
    shutil.copy(built_db, path)
    return path


@pytest.fixture(scope="session")
def ro_con(built_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The session's build, read-only, kept open for the session (never written)."""
    connection = open_duckdb(built_db, read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def con(ro_con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection of its own to the session's build (a cursor: opening the file again
    took 15 ms a test)."""
    connection = ro_con.cursor()
    yield connection
    connection.close()


@pytest.fixture
def fx(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The small deterministic fixture database of :mod:`tests.fixture_db`."""
    connection = make_fixture_db(tmp_path / "fixture.duckdb")
    yield connection
    connection.close()
