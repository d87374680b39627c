"""Database access for the Streamlit app: one shared connection, one cursor per session,
cached query results.

All Streamlit caching of the app lives in this package. Pages call the query layer
through :data:`data`, e.g. ``data.rankings(dataset=..., year=..., scope=...)``: the
same keyword arguments as :mod:`ita_dash.queries`, results cached by value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import streamlit as st

from ita_dash import config, queries
from ita_dash.db import connect
from ita_dash.registry import Registry
from ita_dash.scope import Scope

_CURSOR_KEY = "_ita_cursor"


def db_path() -> str:
    return str(config.db_path())


@st.cache_resource(show_spinner=False)
def _shared_connection(path: str) -> duckdb.DuckDBPyConnection:
    """The process-wide connection (the database is built on first use)."""
    return connect(Path(path))


def cursor() -> duckdb.DuckDBPyConnection:
    """This session's own cursor (DuckDB connections are not thread-safe)."""
    path = db_path()
    held = st.session_state.get(_CURSOR_KEY)
    if held is None or held[0] != path:
        held = (path, _shared_connection(path).cursor())
        st.session_state[_CURSOR_KEY] = held
    return held[1]


@st.cache_resource(show_spinner=False)
def _registry(path: str) -> Registry:
    return Registry(_shared_connection(path).cursor())


def registry() -> Registry:
    """Framework labels, levels and weights (read once per database)."""
    return _registry(db_path())


def _encode(value: object) -> object:
    return value.token() if isinstance(value, Scope) else value


def _decode(name: str, value: object) -> object:
    if name == "scope" and isinstance(value, str):
        return Scope.parse(value)
    return value


@st.cache_data(show_spinner=False, max_entries=2048)
def _cached_query(_con: duckdb.DuckDBPyConnection, path: str, name: str,
                  args: tuple[tuple[str, object], ...]) -> Any:
    function = getattr(queries, name)
    return function(_con, **{k: _decode(k, v) for k, v in args})


class CachedQueries:
    """``data.<query name>(**kwargs)``: a query of :mod:`ita_dash.queries`, cached."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_") or not callable(getattr(queries, name, None)):
            raise AttributeError(f"ita_dash.queries has no query {name!r}")

        def call(**kwargs: object) -> Any:
            args = tuple(sorted((k, _encode(v)) for k, v in kwargs.items()))
            return _cached_query(cursor(), db_path(), name, args)

        call.__name__ = name
        return call


data = CachedQueries()


def clear_caches() -> None:
    """Forget cached results (call after the data changed, e.g. an import)."""
    _cached_query.clear()
    _registry.clear()
