"""Cold and warm page runs in Streamlit's AppTest, measured in server CPU time.

For ``python -m ita_dash bench --pages`` and ``scripts/profile_pages.py``. A *cold* run is a
new session on a page for a unit and year drawn from the whole dataset, after the caches
of query results and drawn elements are emptied (the build's connection, registry and
``data.per_build`` values stay: they are made once per build, not per view). A *warm* run
is the same session rerun. Time is CPU time of the process's threads but the calling one
(the page's script thread and DuckDB's workers; AppTest turning the page's messages into
its element tree in the calling thread is left out), which other processes on the machine
distort far less than wall-clock time.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import streamlit as st

from ita_dash import config, db, queries
from ita_dash.scope import Scope

# url path -> page file (pages/1_overview.py is served at /overview)
PAGES = ("overview", "groups", "unit_profile", "weakest_indicators", "zero_items", "about",
         "presentation", "compare")


def page_files() -> dict[str, str]:
    return {p.stem.split("_", 1)[1]: f"pages/{p.name}"
            for p in sorted((config.PROJECT_DIR / "pages").glob("[0-9]*_*.py"))}


@dataclass(frozen=True)
class Run:
    """One page run: CPU and wall time in ms, and the page's exceptions ('' when none)."""

    cpu_ms: float
    wall_ms: float
    problem: str


def view_arguments(description: str, *, units: int) -> argparse.ArgumentParser:
    """The command-line options of a script that opens sampled views: --dataset, --units,
    --pages and --seed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--dataset", default="national-demo")
    parser.add_argument("--units", type=int, default=units)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--seed", type=int, default=21)
    return parser


def sample_views(dataset: str, n: int, seed: int = 21) -> list[dict[str, str]]:
    """``n`` URL parameter sets: a unit drawn uniformly from the dataset's scored units, one
    of its scored years at random, and two more random units for the compare page."""
    build = db.current_build(config.db_path()) or db.ensure_current(config.db_path())
    con = db.open_read_only(build)
    try:
        units = queries.units_with_scores(con, dataset=dataset)["unit_id"].tolist()
        years = scored_years(con, dataset=dataset)
    finally:
        con.close()
    rng = random.Random(seed)
    views = []
    for _ in range(n):
        unit = rng.choice(units)
        others = rng.sample(units, 2)
        views.append({"dataset": dataset, "unit": unit, "year": str(rng.choice(years[unit])),
                      "others": ",".join(others)})
    return views


def scored_years(con: duckdb.DuckDBPyConnection, *, dataset: str) -> dict[str, list[int]]:
    frame = queries.unit_years_scored(con, dataset=dataset)
    out: dict[str, list[int]] = {}
    for unit, year in zip(frame["unit_id"], frame["fiscal_year"], strict=True):
        out.setdefault(str(unit), []).append(int(year))
    return out


def page_params(page: str, view: dict[str, str]) -> dict[str, str]:
    """The URL of ``view`` on ``page`` (compare: the unit and the two others)."""
    params = {k: view[k] for k in ("dataset", "unit", "year")}
    if page == "compare":
        params["scope"] = Scope.of_units([view["unit"], *view["others"].split(",")]).token()
    return params


def quiet() -> None:
    """No warnings of Streamlit's bare mode (caches cleared outside a run) in the figures."""
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)


def empty_caches() -> None:
    """Forget every query result and drawn element (not the build's connection, registry
    or per-build values): the next run of any page is cold."""
    from ita_dash.ui import data

    st.cache_data.clear()
    data.clear_results()


@contextmanager
def _profiled(profile: cProfile.Profile | None) -> Iterator[None]:
    """Profile AppTest's script thread (where the page runs) with ``profile``."""
    if profile is None:
        yield
        return
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    original = LocalScriptRunner._run_script_thread

    def run(self: LocalScriptRunner) -> None:
        profile.enable()
        try:
            original(self)
        finally:
            profile.disable()

    LocalScriptRunner._run_script_thread = run  # type: ignore[method-assign]
    try:
        yield
    finally:
        LocalScriptRunner._run_script_thread = original  # type: ignore[method-assign]


def _problem(at: object) -> str:
    return "; ".join(str(e.value)[:120] for e in at.exception) or ""  # type: ignore[attr-defined]


def page_runs(page: str, params: dict[str, str], *, warm: int = 0,
              profile: cProfile.Profile | None = None) -> tuple[Run, list[Run]]:
    """A new session's first run of ``page`` with ``params`` (cold when the caches were
    emptied), then ``warm`` reruns of the same session."""
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's bare-mode warnings
    at = AppTest.from_file(str(config.PROJECT_DIR / "app.py"), default_timeout=600)
    at.query_params.update(params)
    at.switch_page(page_files()[page])
    runs = []
    for i in range(1 + warm):
        with _profiled(profile if i == 0 else None):
            c0, m0, w0 = time.process_time(), time.thread_time(), time.perf_counter()
            at.run()
            # the server's part: every thread but this one (AppTest reading the page's
            # messages into its element tree here is the browser's work, not the server's)
            cpu = (time.process_time() - c0) - (time.thread_time() - m0)
            wall = time.perf_counter() - w0
        runs.append(Run(cpu * 1000, wall * 1000, _problem(at)))
    return runs[0], runs[1:]


def warm_up(dataset: str) -> None:
    """Open every page once (imports, the build's connection and per-build values)."""
    for page in PAGES:
        page_runs(page, page_params(page, sample_views(dataset, 1, seed=0)[0]))


@dataclass
class PageFigures:
    """Per page: CPU ms of each cold first run, each warm rerun, and the problems seen."""

    cold: list[float]
    warm: list[float]
    problems: list[str]


def cold_and_warm(dataset: str, n: int, *, seed: int = 21, empty: bool = False,
                  pages: tuple[str, ...] = PAGES) -> dict[str, PageFigures]:
    """Every page's cold and warm CPU over ``n`` views drawn uniformly from the dataset.

    Before each view the caches are emptied; unless ``empty``, another unit's view of the
    same page and year runs first (not counted), so the caches hold what a running server
    holds (the dataset's and the year's results) and only the unit is new: "a unit nobody
    has opened". With ``empty`` nothing is held (the first view after a new build).
    """
    views = sample_views(dataset, n, seed=seed)
    primers = sample_views(dataset, n, seed=seed + 1)
    warm_up(dataset)
    quiet()
    out: dict[str, PageFigures] = {}
    for page in pages:
        figures = PageFigures([], [], [])
        for view, primer in zip(views, primers, strict=True):
            empty_caches()
            if not empty:
                page_runs(page, page_params(page, {**primer, "year": view["year"]}))
            cold, warm = page_runs(page, page_params(page, view), warm=1)
            figures.cold.append(cold.cpu_ms)
            figures.warm.append(warm[0].cpu_ms)
            for run in (cold, *warm):
                if run.problem:
                    figures.problems.append(f"{view['unit']} {view['year']}: {run.problem}")
        out[page] = figures
    return out
