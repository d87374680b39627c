"""Nothing a cache hands to several sessions is changed: many sessions' threads draw tables
and charts from the same cached frames at once, with no error, and the cached frames stay
exactly as they were; a session writing to its copy never reaches the cache.

(Under load a table once failed with "Buffer has wrong number of dimensions" in
``astype(str)``: one session's thread set a pandas option, global to the process, while
another was converting its table.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from pandas.testing import assert_frame_equal

from ita_dash import charts, queries, tables
from ita_dash.scope import Scope
from ita_dash.ui import render
from ita_dash.ui.data import _shared_copy
from ita_dash.ui.scale import TYPE_COLS

THREADS, ROUNDS = 8, 12


def run_at_once(work: Callable[[int], None]) -> list[BaseException]:
    """``work(i)`` in ``THREADS`` threads started together; the errors they raised."""
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def body(i: int) -> None:
        start.wait()
        try:
            for _ in range(ROUNDS):
                work(i)
        except BaseException as exc:  # noqa: BLE001 - collected and reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_sessions_draw_tables_and_charts_from_the_same_cached_frames_at_once(con) -> None:
    year = queries.available_years(con, dataset="demo")[-1]
    ranking = queries.rankings(con, dataset="demo", year=year, scope=Scope())
    typed = queries.type_rankings(con, dataset="demo", year=year, scope=Scope())
    before = ranking.copy(deep=True), typed.copy(deep=True)
    units = list(ranking["unit_id"])
    draw_table = render._table_element.__wrapped__  # the drawing itself, not a cache replay

    def session(i: int) -> None:
        lang = ("th", "en")[i % 2]
        mine, rows = _shared_copy(ranking), _shared_copy(typed)
        part = mine.iloc[i:i + 25]
        draw_table(frame=part, cols=tables.RANKING, lang=lang, key=f"t{i}", height="auto",
                   highlight=part["unit_id"] == units[i], level_colors=part["level_color"])
        draw_table(frame=rows, cols=TYPE_COLS, lang=lang, key=f"y{i}", height="auto",
                   highlight=None, level_colors=rows["level_color"])
        shown = charts.focus_rows(rows, units[i], top=5).rename_axis("position").reset_index()
        charts.ranking_focus_bar(shown, lang, units[i])
        tables.to_csv_bytes(tables.localize(mine, tables.RANKING, lang))

    assert run_at_once(session) == []
    assert_frame_equal(ranking, before[0])
    assert_frame_equal(typed, before[1])


def test_a_session_writing_to_its_copy_leaves_the_cached_result_unchanged(con) -> None:
    year = queries.available_years(con, dataset="demo")[-1]
    cached = queries.rankings(con, dataset="demo", year=year, scope=Scope())
    before = cached.copy(deep=True)

    def session(i: int) -> None:
        mine = _shared_copy(cached)
        mine.loc[mine.index[i], "score"] = -1.0
        mine["rank"] = mine["rank"] * 0
        mine.insert(0, "note", "x")
        pair = _shared_copy((cached, [cached]))
        pair[0]["level_color"] = "#000000"
        assert pd.Series(mine["rank"]).eq(0).all()

    assert run_at_once(session) == []
    assert_frame_equal(cached, before)


def test_no_code_of_the_app_sets_a_pandas_option() -> None:
    """pandas options are global to the process: set around one session's table, another
    session's thread saw them change mid-conversion (reproduced apart: a thread toggling
    ``future.infer_string`` makes ``astype(str)`` in other threads fail)."""
    root = Path(__file__).resolve().parents[2]
    files = [*(root / "ita_dash").rglob("*.py"), root / "app.py", *(root / "pages").glob("*.py")]
    found = [f"{path.relative_to(root)}: {name}" for path in files
             for name in ("option_context", "set_option", "pd.options")
             if name in path.read_text(encoding="utf-8")]
    assert found == []
