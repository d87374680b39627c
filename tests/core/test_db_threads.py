"""ITA_DB_THREADS: the threads of every DuckDB database the product opens
(``ita_dash.config.open_duckdb``)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ita_dash import config


def threads(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT current_setting('threads')").fetchone()[0])


@pytest.mark.parametrize(("raw", "expected"), [("1", 1), (" 3 ", 3), ("0", None), ("x", None),
                                               ("-2", None), ("", None)])
def test_the_setting_is_read_or_left_to_duckdb(monkeypatch, raw, expected) -> None:
    monkeypatch.setenv("ITA_DB_THREADS", raw)
    assert config.db_threads() == expected


def test_a_database_takes_the_threads_and_other_connections_still_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE t AS SELECT 1 AS a").close()
    default = threads(duckdb.connect())
    monkeypatch.setenv("ITA_DB_THREADS", "1")
    con = config.open_duckdb(path, read_only=True)
    assert threads(con) == 1
    # a plain connection to the same file in the same process is not refused (the setting
    # is the database's, not a connection option) and shares it
    other = duckdb.connect(str(path), read_only=True)
    assert threads(other) == 1 and other.execute("SELECT a FROM t").fetchall() == [(1,)]
    monkeypatch.delenv("ITA_DB_THREADS")
    assert threads(config.open_duckdb()) == default


def test_the_in_memory_database_is_one_per_process_with_a_connection_each() -> None:
    first, second = config.memory_duckdb(), config.memory_duckdb()
    first.register("frame", duckdb.connect().execute("SELECT 1 AS a").df())
    assert first.execute("SELECT a FROM frame").fetchall() == [(1,)]
    with pytest.raises(duckdb.CatalogException):  # a registered frame is its connection's own
        second.execute("SELECT a FROM frame")
    assert threads(second) == threads(first)
    first.close()
    assert second.execute("SELECT 3").fetchall() == [(3,)]
