"""Fixtures of the import tests: a writable database, snapshots, the command line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ita_dash import queries
from ita_dash.auth import Actor
from ita_dash.cli import main
from ita_dash.config import open_duckdb
from ita_dash.publish import Places

EDITOR = Actor("test-editor", "cli", True)
TABLES = ("scores", "units", "unit_aliases", "node_values", "unit_years")


def snapshot(path: Path, *, full: bool = False) -> dict[str, pd.DataFrame]:
    """Everything an import may touch: the full export frames, and every other table as
    sorted rows (``full``) or as its row count and an order-independent hash of its rows."""
    con = open_duckdb(path, read_only=True)
    try:
        shot = {f"export_{d}": queries.export_scores(con, dataset=d) for d in ("real", "demo")}
        for table in TABLES:
            if full:
                frame = con.execute(f"SELECT * FROM {table}").df()
                shot[table] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
            else:
                shot[table] = con.execute(
                    f"SELECT count(*) AS n, bit_xor(hash(t)) AS h FROM {table} AS t").df()
        return shot
    finally:
        con.close()


def assert_same(before: dict[str, pd.DataFrame], after: dict[str, pd.DataFrame]) -> None:
    assert before.keys() == after.keys()
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name], obj=name)


@pytest.fixture
def reader_children(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the children the workbook reader forks from now on (in a child: the
    reader's isolation is on)."""
    from ita_dash.importer import readers

    monkeypatch.setenv("ITA_IMPORT_ISOLATE", "1")
    children: list[int] = []
    fork = readers._ZYGOTE.fork

    def spy(job: object) -> int:
        children.append(fork(job))  # type: ignore[arg-type]
        return children[-1]

    monkeypatch.setattr(readers._ZYGOTE, "fork", spy)
    return children


@pytest.fixture
def wcon(db_copy: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A private, writable copy of a build, for checks that never write (and tests that
    change reference tables before checking)."""
    connection = open_duckdb(db_copy)
    yield connection
    connection.close()


@pytest.fixture
def db_env(places: Places) -> Path:
    """The published database (a link to the current build) that the command line uses."""
    return places.db_path


@pytest.fixture
def reader(places: Places) -> Iterator[Callable[[], duckdb.DuckDBPyConnection]]:
    """Open the current build read-only (call again after a write to see the new build)."""
    opened: list[duckdb.DuckDBPyConnection] = []

    def open_current() -> duckdb.DuckDBPyConnection:
        con = open_duckdb(places.db_path, read_only=True)
        opened.append(con)
        return con

    yield open_current
    for con in opened:
        con.close()


@pytest.fixture
def cli(db_env: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    """Run ``python -m ita_dash ...`` in-process: (exit code, stdout + stderr)."""

    def run(*args: str) -> tuple[int, str]:
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out + out.err

    return run


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path
