"""The pages' data: one typed, cached function per query of :mod:`ita_dash.queries`.

The data's caching lives here (also the Sarabun files copied once); drawn charts and tables
are cached by :mod:`ita_dash.ui.render`. Each run reads one build of the database
(:func:`ita_dash.db.current_build`, looked up when the run starts); results are cached
per build fingerprint, so a new build is seen on the next run, without clearing
anything. The database is opened read-only, once per build and process; each session
has its own cursor (DuckDB connections are not thread-safe).

A page calls e.g. ``data.rankings(dataset=f.dataset, year=f.year, scope=f.scope)``: each
name below is its query wrapped once by :func:`cached` (same signature, typed), grouped by
the page that uses it.
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
from ita_dash import whatif as whatif_model
from ita_dash.db import Build
from ita_dash.escape import md
from ita_dash.framework.model import Registry
from ita_dash.scope import Scope
from ita_dash.store.files import StoreError
from ita_dash.ui.fonts import ensure_static_fonts

P = ParamSpec("P")
R = TypeVar("R")
WATCH_SECONDS = 15  # how often an open page looks for a newer build
_BUILD = "_ita_build"
_CURSOR = "_ita_cursor"
STORE_ERROR = "_ita_store_error"  # session key: the store's damage this run found
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
    background while the last good build is served (:data:`HEALING` is then set). A damaged
    store (:class:`StoreError`) builds nothing: the last whole build is served, with the
    message (:data:`STORE_ERROR`); with no build at all the page says so and stops."""
    path = config.db_path()
    st.session_state[STORE_ERROR] = None
    try:
        _ensured(db_path=str(path))
        build = db.current_build(path)
        healing = build is None or not db.is_sound(build)
        if healing:
            build = _while_healing(path, build)
            healing = build != db.current_build(path)
    except StoreError as exc:  # a damaged stored file: nothing is built
        st.session_state[STORE_ERROR] = exc
        current = db.current_build(path)
        build = current if current is not None and db.is_sound(current) else db.last_good(path)
        healing = False
        if build is None:
            lang = st.query_params.get("lang", "th")
            st.error(md(exc.th if lang == "th" else exc.en), icon=":material/error:")
            st.stop()
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


def clear_results() -> None:
    """Forget every cached query result (benchmarks of cold pages)."""
    _result.clear()


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


def read(query: Callable[..., R], **params: Any) -> R:
    """``query(cursor(), **params)`` through the cache (:func:`_cached`), for code outside
    this layer that is handed a reader (the presentation's deck)."""
    return _cached(query, **params)


@st.cache_resource(show_spinner=False, max_entries=512)
def _derived(fingerprint: str, name: str, _make: Callable[..., Any], **params: Any) -> Any:
    return _make(**params)


def cached(query: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R]) -> Callable[P, R]:
    """``query`` without its connection, cached per build and parameters (:func:`_cached`):
    the pages' one way to read a query, with the query's own signature and types."""

    @functools.wraps(query)
    def read(*args: P.args, **params: P.kwargs) -> R:
        return _cached(query, *args, **params)

    return read


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

built_datasets = cached(queries.built_datasets)
dataset_info = cached(queries.dataset_info)
available_years = cached(queries.available_years)
units_per_year = cached(queries.units_per_year)
units_with_scores = cached(queries.units_with_scores)
scope_options = cached(queries.scope_options)
units_in_scope = cached(queries.units_in_scope)
find_unit = cached(queries.find_unit)


# ------------------------------------------------------------ overview, groups

rankings = cached(queries.rankings)
scope_summary = cached(queries.scope_summary)
rating_counts = cached(queries.rating_counts)
group_trend = cached(queries.group_trend)
group_spread = cached(queries.group_spread)
group_comparison = cached(queries.group_comparison)


# ------------------------------------------------------------------ unit profile

unit_history = cached(queries.unit_history)
unit_groups_of = cached(queries.unit_groups_of)
radar_comparison = cached(queries.radar_comparison)


def radar(*, dataset: str, year: int, unit_id: str, compare: str, scope: Scope | None = None,
          other_unit: str | None = None) -> pd.DataFrame:
    """:func:`ita_dash.queries.radar` from its cached parts (:func:`ita_dash.queries.radar_read`):
    a group's comparison is read once per group and year for all its units (at national
    scale the mean of 8,300 units' indicators); the unit's values of every year once."""
    return queries.radar_read(read, dataset=dataset, year=year, unit_id=unit_id,
                              compare=compare, scope=scope, other_unit=other_unit)
indicator_deltas = cached(queries.indicator_deltas)
unit_items = cached(queries.unit_items)
points_recoverable = cached(queries.points_recoverable)
unit_measures = cached(queries.unit_measures)
units_with_measures = cached(queries.units_with_measures)


# ------------------------------------------------- weakest indicators, O-items

indicator_matrix = cached(queries.indicator_matrix)
weakest_indicators = cached(queries.weakest_indicators)
weakest_indicator_frequency = cached(queries.weakest_indicator_frequency)
open_item_grid = cached(queries.open_item_grid)
item_miss_counts = cached(queries.item_miss_counts)
zero_items = cached(queries.zero_items)
consecutive_zero_items = cached(queries.consecutive_zero_items)


# ------------------------------------------------------------ about, data page

figure_sources = cached(queries.figure_sources)
conflicts = cached(queries.conflicts)
national_reference = cached(queries.national_reference)
consistency_checks = cached(queries.consistency_checks)
frameworks_overview = cached(queries.frameworks_overview)
rating_scale = cached(queries.rating_scale)


def level_conditions(*, dataset: str, unit_id: str, year: int) -> pd.DataFrame:
    return _cached(queries.level_conditions, dataset=dataset, unit_id=unit_id, year=year)


def year_scale(*, dataset: str, year: int) -> pd.DataFrame:
    return _cached(queries.year_scale, dataset=dataset, year=year)


def whatif(*, dataset: str, unit_id: str, year: int,
           full_marks: tuple[str, ...]) -> whatif_model.Scenario | None:
    return _cached(whatif_model.scenario, dataset=dataset, unit_id=unit_id, year=year,
                   full_marks=full_marks)


# ------------------------------------------- national scale (overview, weak, zero)

search_units = cached(queries.search_units)
unit_cards = cached(queries.unit_cards)


def unit_card(*, dataset: str, unit_id: str) -> pd.DataFrame:
    """:func:`ita_dash.queries.unit_card` looked up in the dataset's cards (one read per
    dataset and build, not one query per unit)."""
    return queries.card_of(unit_cards(dataset=dataset), unit_id)
type_rankings = cached(queries.type_rankings)
slice_summary = cached(queries.slice_summary)
indicator_slice_matrix = cached(queries.indicator_slice_matrix)
open_item_slice_grid = cached(queries.open_item_slice_grid)
scope_units_ranked = cached(queries.scope_units_ranked)


# ----------------------------------------------- frameworks of every year (about, notes)

rating_provenance = cached(queries.rating_provenance)
framework_years = cached(queries.framework_years)


# --------------------------------- defaults, profile outlook and measures, compare, about

richest_units = cached(queries.richest_units)
outlook_head = cached(queries.outlook_head)
tool_weights = cached(queries.tool_weights)
outlook_levels = cached(queries.outlook_levels)


def recoverable_outlook(*, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    """:func:`ita_dash.queries.recoverable_outlook` from its cached parts: the items below
    full marks are the page's own (read once), the framework's weights and levels are read
    once per framework, only the unit-year's head is new."""
    head = outlook_head(dataset=dataset, year=year, unit_id=unit_id)
    rec = points_recoverable(dataset=dataset, year=year, unit_id=unit_id)
    if not queries.outlook_known(head, rec):
        return pd.DataFrame()
    framework = str(head.iloc[0]["framework_id"])
    return queries.outlook_with(head, rec, tool_weights(framework_id=framework),
                                outlook_levels(framework_id=framework))
measures_by_indicator = cached(queries.measures_by_indicator)
compare_history = cached(queries.compare_history)
compare_indicators = cached(queries.compare_indicators)
compare_items = cached(queries.compare_items)
source_titles = cached(queries.source_titles)


# ------------------------------- what the reports print beside the scores; crosswalk

reference_scores = cached(queries.reference_scores)
scope_reference_scores = cached(queries.scope_reference_scores)
unplaced_figures = cached(queries.unplaced_figures)
item_comparability = cached(queries.item_comparability)
