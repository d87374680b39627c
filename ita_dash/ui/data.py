"""The pages' data: one typed, cached function per query of :mod:`ita_dash.queries`.

The data's caching lives here (also the Sarabun files copied once); drawn charts and tables
are cached by :mod:`ita_dash.ui.render`. Each run reads one build of the database
(:func:`ita_dash.db.current_build`, looked up when the run starts); results are cached
per build fingerprint, so a new build is seen on the next run, without clearing
anything. The database is opened read-only, once per build and process; each session
has its own cursor (DuckDB connections are not thread-safe).

A page calls e.g. ``data.rankings(dataset=f.dataset, year=f.year, scope=f.scope)``;
the functions below are grouped by the page that uses them.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

import duckdb
import pandas as pd
import streamlit as st

from ita_dash import config, db, queries
from ita_dash.db import Build
from ita_dash.registry import Registry
from ita_dash.scope import Scope
from ita_dash.ui.fonts import ensure_static_fonts

P = ParamSpec("P")
R = TypeVar("R")
WATCH_SECONDS = 15  # how often an open page looks for a newer build
_BUILD = "_ita_build"
_CURSOR = "_ita_cursor"
HEALING = "_ita_healing"  # session key: this run serves the last good build while healing


# ------------------------------------------------------------ builds and cursors


@st.cache_resource(show_spinner=False, max_entries=3)
def _ensured(db_path: str) -> Build:
    """Build first when ``data/`` or the store changed: once per process."""
    return db.ensure_current(Path(db_path))


@st.cache_resource(show_spinner=False)
def fonts_in_place() -> bool:
    """Copy the Sarabun files for static serving: once per process."""
    ensure_static_fonts()
    return True


def refresh() -> Build:
    """Start a run on the newest published build (cheap; every page calls it first). A
    damaged one (its checksum, checked once per state of the file) is built again in the
    background while the last good build is served (:data:`HEALING` is then set)."""
    path = config.db_path()
    _ensured(db_path=str(path))
    build = db.current_build(path)
    healing = build is None or not db.is_sound(build)
    if healing:
        build = _while_healing(path, build)
        healing = build != db.current_build(path)
    assert build is not None
    st.session_state[HEALING] = healing
    st.session_state[_BUILD] = build
    return build


_HEALERS: list[threading.Thread] = []  # background builds replacing a damaged one


def _while_healing(path: Path, damaged: Build | None) -> Build:
    """The build to serve while the published one is missing or damaged: the last good one
    kept while a background build makes it again, else the new build, made now."""
    if damaged is not None:
        _heal(db_path=str(path), inode=damaged.path.stat().st_ino)
    good = db.last_good(path)
    if good is None or not any(t.is_alive() for t in _HEALERS):
        for thread in _HEALERS:
            thread.join()
        _connection.clear()
        return db.ensure_current(path)
    return good


@st.cache_resource(show_spinner=False, max_entries=8)
def _heal(db_path: str, inode: int) -> bool:
    """Build the damaged published build again, in a background thread: once per process
    and damaged file. Connections to the damaged file are dropped."""
    _connection.clear()
    _registry.clear()
    thread = threading.Thread(target=db.ensure_current, args=(Path(db_path),), daemon=True,
                              name="ita-heal-build")
    _HEALERS[:] = [t for t in _HEALERS if t.is_alive()] + [thread]
    thread.start()
    return True


def build() -> Build:
    """The build this run reads."""
    held = st.session_state.get(_BUILD)
    return held if isinstance(held, Build) else refresh()


@st.cache_resource(show_spinner=False, max_entries=3)
def _connection(path: str, fingerprint: str) -> duckdb.DuckDBPyConnection:
    return db.open_read_only(Build(Path(path), fingerprint))


def cursor() -> duckdb.DuckDBPyConnection:
    """This session's read-only cursor on this run's build."""
    current = build()
    held = st.session_state.get(_CURSOR)
    if held is None or held[0] != current:
        if held is not None:
            held[1].close()
        held = (current, _connection(path=str(current.path), fingerprint=current.fingerprint).cursor())
        st.session_state[_CURSOR] = held
    return held[1]


def own_cursor() -> duckdb.DuckDBPyConnection:
    """A cursor of its own on this run's build, for work done outside the run (downloads)."""
    current = build()
    return _connection(path=str(current.path), fingerprint=current.fingerprint).cursor()


@st.cache_resource(show_spinner=False, max_entries=3)
def _registry(path: str, fingerprint: str) -> Registry:
    return Registry(_connection(path=path, fingerprint=fingerprint).cursor())


def registry() -> Registry:
    """Indicator labels and framework names of this run's build."""
    current = build()
    return _registry(path=str(current.path), fingerprint=current.fingerprint)


@st.fragment(run_every=WATCH_SECONDS)
def watch_builds() -> None:
    """Rerun the page when a newer build was published (e.g. an import from the command
    line); draws nothing."""
    latest = db.current_build(config.db_path())
    if latest is not None and latest != st.session_state.get(_BUILD):
        st.rerun()


@st.cache_resource(show_spinner=False, max_entries=2048)
def _result(fingerprint: str, query_name: str, _query: Callable[..., Any],
            _con: duckdb.DuckDBPyConnection, **params: Any) -> Any:
    # the key: fingerprint, query_name and params (arguments named _... are not hashed)
    return _query(_con, **params)


def _shared_copy(result: R) -> R:
    """The caller's own copy of a cached result: with pandas' copy-on-write a shallow copy
    shares the cached columns until it is written to, so no caller changes the cache."""
    if isinstance(result, pd.DataFrame | pd.Series):
        return cast(R, result.copy(deep=False))
    if isinstance(result, tuple | list):
        return cast(R, type(result)(_shared_copy(item) for item in result))
    return copy.copy(result)


def _cached(query: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R],
            *args: P.args, **params: P.kwargs) -> R:
    """``query(cursor(), **params)``, cached per build fingerprint and parameters.

    One result object is kept per key (no pickling on every hit, as ``st.cache_data``
    would); each caller gets its own shallow copy (:func:`_shared_copy`).
    """
    assert not args, "queries take keyword arguments only"
    result = _result(fingerprint=build().fingerprint, query_name=query.__name__, _query=query,
                     _con=cursor(), **params)
    return _shared_copy(result)


@st.cache_resource(show_spinner=False, max_entries=512)
def _derived(fingerprint: str, name: str, _make: Callable[..., Any], **params: Any) -> Any:
    return _make(**params)


def per_build(make: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function of cached query results (labels, tables in words): it runs once
    per build and keyword arguments, and every later run gets a copy of its result."""
    name = f"{make.__module__}.{make.__qualname__}"

    @functools.wraps(make)
    def once(*args: P.args, **params: P.kwargs) -> R:
        assert not args, "per_build functions take keyword arguments only"
        result = _derived(fingerprint=build().fingerprint, name=name, _make=make, **params)
        return _shared_copy(result)

    return once


# -------------------------------------------------- filters (every page, ui.state)


def built_datasets() -> list[str]:
    return _cached(queries.built_datasets)


def dataset_info(*, dataset: str) -> pd.DataFrame:
    return _cached(queries.dataset_info, dataset=dataset)


def available_years(*, dataset: str) -> list[int]:
    return _cached(queries.available_years, dataset=dataset)


def units_per_year(*, dataset: str) -> pd.DataFrame:
    return _cached(queries.units_per_year, dataset=dataset)


def units_with_scores(*, dataset: str) -> pd.DataFrame:
    return _cached(queries.units_with_scores, dataset=dataset)


def scope_options(*, dataset: str) -> pd.DataFrame:
    return _cached(queries.scope_options, dataset=dataset)


def units_in_scope(*, dataset: str, scope: Scope) -> pd.DataFrame:
    return _cached(queries.units_in_scope, dataset=dataset, scope=scope)


def find_unit(*, name: str) -> str | None:
    return _cached(queries.find_unit, name=name)


# ------------------------------------------------------------ overview, groups


def rankings(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.rankings, dataset=dataset, year=year, scope=scope)


def scope_summary(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.scope_summary, dataset=dataset, year=year, scope=scope)


def rating_counts(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.rating_counts, dataset=dataset, year=year, scope=scope)


def group_trend(*, dataset: str, group_set: str) -> pd.DataFrame:
    return _cached(queries.group_trend, dataset=dataset, group_set=group_set)


def group_spread(*, dataset: str, year: int, group_set: str) -> pd.DataFrame:
    return _cached(queries.group_spread, dataset=dataset, year=year, group_set=group_set)


def group_comparison(*, dataset: str, year: int, group_set: str) -> pd.DataFrame:
    return _cached(queries.group_comparison, dataset=dataset, year=year, group_set=group_set)


# ------------------------------------------------------------------ unit profile


def unit_history(*, dataset: str, unit_id: str) -> pd.DataFrame:
    return _cached(queries.unit_history, dataset=dataset, unit_id=unit_id)


def unit_groups_of(*, unit_id: str) -> pd.DataFrame:
    return _cached(queries.unit_groups_of, unit_id=unit_id)


def radar(*, dataset: str, year: int, unit_id: str, compare: str,
          scope: Scope | None = None) -> pd.DataFrame:
    return _cached(queries.radar, dataset=dataset, year=year, unit_id=unit_id, compare=compare,
                   scope=scope)


def indicator_deltas(*, dataset: str, unit_id: str) -> pd.DataFrame:
    return _cached(queries.indicator_deltas, dataset=dataset, unit_id=unit_id)


def unit_items(*, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    return _cached(queries.unit_items, dataset=dataset, year=year, unit_id=unit_id)


def points_recoverable(*, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    return _cached(queries.points_recoverable, dataset=dataset, year=year, unit_id=unit_id)


def unit_measures(*, dataset: str, unit_id: str) -> pd.DataFrame:
    return _cached(queries.unit_measures, dataset=dataset, unit_id=unit_id)


# ------------------------------------------------- weakest indicators, O-items


def indicator_matrix(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.indicator_matrix, dataset=dataset, year=year, scope=scope)


def weakest_indicators(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.weakest_indicators, dataset=dataset, year=year, scope=scope)


def weakest_indicator_frequency(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.weakest_indicator_frequency, dataset=dataset, year=year, scope=scope)


def open_item_grid(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.open_item_grid, dataset=dataset, year=year, scope=scope)


def item_miss_counts(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.item_miss_counts, dataset=dataset, year=year, scope=scope)


def zero_items(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.zero_items, dataset=dataset, year=year, scope=scope)


def consecutive_zero_items(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.consecutive_zero_items, dataset=dataset, year=year, scope=scope)


# ------------------------------------------------------------ about, data page


def figure_sources(*, dataset: str, year: int | None) -> pd.DataFrame:
    return _cached(queries.figure_sources, dataset=dataset, year=year)


def conflicts(*, dataset: str) -> pd.DataFrame:
    return _cached(queries.conflicts, dataset=dataset)


def consistency_checks(*, dataset: str, year: int | None) -> pd.DataFrame:
    return _cached(queries.consistency_checks, dataset=dataset, year=year)


def frameworks_overview() -> pd.DataFrame:
    return _cached(queries.frameworks_overview)


def rating_scale(*, framework_id: str) -> pd.DataFrame:
    return _cached(queries.rating_scale, framework_id=framework_id)


# ------------------------------------------- national scale (overview, weak, zero)


def search_units(*, dataset: str, text: str, limit: int = 30) -> pd.DataFrame:
    return _cached(queries.search_units, dataset=dataset, text=text, limit=limit)


def unit_card(*, dataset: str, unit_id: str) -> pd.DataFrame:
    return _cached(queries.unit_card, dataset=dataset, unit_id=unit_id)


def type_rankings(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.type_rankings, dataset=dataset, year=year, scope=scope)


def slice_summary(*, dataset: str, year: int, scope: Scope, by: str) -> pd.DataFrame:
    return _cached(queries.slice_summary, dataset=dataset, year=year, scope=scope, by=by)


def indicator_slice_matrix(*, dataset: str, year: int, scope: Scope, by: str) -> pd.DataFrame:
    return _cached(queries.indicator_slice_matrix, dataset=dataset, year=year, scope=scope,
                   by=by)


def open_item_slice_grid(*, dataset: str, year: int, scope: Scope, by: str) -> pd.DataFrame:
    return _cached(queries.open_item_slice_grid, dataset=dataset, year=year, scope=scope, by=by)


def scope_units_ranked(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.scope_units_ranked, dataset=dataset, year=year, scope=scope)


# ----------------------------------------------- frameworks of every year (about, notes)


def rating_provenance(*, dataset: str, year: int | None = None, unit_id: str | None = None,
                      scope: Scope | None = None) -> pd.DataFrame:
    return _cached(queries.rating_provenance, dataset=dataset, year=year, unit_id=unit_id,
                   scope=scope)


def framework_years() -> pd.DataFrame:
    return _cached(queries.framework_years)


# --------------------------------- defaults, profile outlook and measures, compare, about


def richest_units(*, dataset: str, year: int) -> pd.DataFrame:
    return _cached(queries.richest_units, dataset=dataset, year=year)


def recoverable_outlook(*, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    return _cached(queries.recoverable_outlook, dataset=dataset, year=year, unit_id=unit_id)


def measures_by_indicator(*, dataset: str, unit_id: str, year: int) -> pd.DataFrame:
    return _cached(queries.measures_by_indicator, dataset=dataset, unit_id=unit_id, year=year)


def compare_history(*, dataset: str, scope: Scope) -> pd.DataFrame:
    return _cached(queries.compare_history, dataset=dataset, scope=scope)


def compare_indicators(*, dataset: str, scope: Scope) -> pd.DataFrame:
    return _cached(queries.compare_indicators, dataset=dataset, scope=scope)


def compare_items(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.compare_items, dataset=dataset, year=year, scope=scope)


def source_titles() -> pd.DataFrame:
    return _cached(queries.source_titles)


# ------------------------------- what the reports print beside the scores; crosswalk


def reference_scores(*, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    return _cached(queries.reference_scores, dataset=dataset, year=year, unit_id=unit_id)


def scope_reference_scores(*, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    return _cached(queries.scope_reference_scores, dataset=dataset, year=year, scope=scope)


def unplaced_figures(*, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    return _cached(queries.unplaced_figures, dataset=dataset, year=year, unit_id=unit_id)


def item_comparability(*, dataset: str, scope: Scope, year: int | None = None) -> pd.DataFrame:
    return _cached(queries.item_comparability, dataset=dataset, scope=scope, year=year)
