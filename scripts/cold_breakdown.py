"""Where a cold page's server CPU goes, without a profiler's overhead: queries (each by name),
Plotly figures (built, titled for the PNG, serialised by ``st.plotly_chart``), styled tables
(localized, styled, marshalled by ``st.dataframe``) and the rest, in CPU ms per cold view.

    python scripts/cold_breakdown.py --dataset national-demo --units 8 --pages unit_profile

A view is measured as ``bench --pages`` measures it (:mod:`ita_dash.ui.page_cold`): the
caches emptied, another unit's view of the same page and year first (not counted), then the
view. Each category is the process CPU time spent inside the functions named below (the
outermost call when they nest); "other" is the view's CPU less all of them (Streamlit's
script run, widgets, cache look-ups, the sidebar). cProfile (``scripts/profile_pages.py``)
shows the calls; this shows the shares at their real size.
"""

from __future__ import annotations

import collections
import functools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st  # noqa: E402

from ita_dash import charts, images, queries, tables  # noqa: E402
from ita_dash.deck import figures  # noqa: E402
from ita_dash.ui import page_cold, presenter, render  # noqa: E402

TOTAL: collections.defaultdict[str, float] = collections.defaultdict(float)
CALLS: collections.Counter[str] = collections.Counter()
COUNTING = [False]
_INSIDE: set[str] = set()


def _timed(category: str, function: Callable[..., Any], *, named: bool = False) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        if not COUNTING[0] or category in _INSIDE:
            return function(*args, **kwargs)
        name = f"  query {sys._getframe(1).f_code.co_name}" if named else category
        _INSIDE.add(category)
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent = time.process_time() - start
            _INSIDE.discard(category)
            TOTAL[category] += spent
            CALLS[category] += 1
            if named:
                TOTAL[name] += spent
                CALLS[name] += 1
    return timed


def instrument() -> None:
    """Wrap the functions of each category where the pages look them up."""
    queries._run = _timed("queries", queries._run, named=True)
    for name in dir(charts):
        made = getattr(charts, name)
        if callable(made) and getattr(made, "__module__", "") == charts.__name__ \
                and name[:1].islower() and not name.startswith("_"):
            setattr(charts, name, _timed("figure build", made))
    for name in ("chart_figure", "themed"):
        setattr(figures, name, _timed("figure build", getattr(figures, name)))
        setattr(presenter, name, getattr(figures, name))
    render.export_title = _timed("figure title (PNG)", images.export_title)
    st.plotly_chart = _timed("figure serialise (st.plotly_chart)", st.plotly_chart)
    tables.localize = _timed("table localize", tables.localize)
    tables.style = _timed("table style", tables.style)
    st.dataframe = _timed("table marshal (st.dataframe)", st.dataframe)


def main() -> int:
    parser = page_cold.view_arguments(__doc__.splitlines()[0], units=8)
    args = parser.parse_args()
    instrument()
    views = page_cold.sample_views(args.dataset, args.units, seed=args.seed)
    primers = page_cold.sample_views(args.dataset, args.units, seed=args.seed + 1)
    page_cold.warm_up(args.dataset)
    page_cold.quiet()
    for page in args.pages:
        TOTAL.clear()
        CALLS.clear()
        cold = []
        for view, primer in zip(views, primers, strict=True):
            page_cold.empty_caches()
            page_cold.page_runs(page, page_cold.page_params(page, {**primer,
                                                                 "year": view["year"]}))
            COUNTING[0] = True
            run, _ = page_cold.page_runs(page, page_cold.page_params(page, view))
            COUNTING[0] = False
            cold.append(run.cpu_ms)
        n = len(cold)
        print(f"\n{page} on {args.dataset}: cold CPU ms median {statistics.median(cold):.0f}, "
              f"mean {statistics.mean(cold):.0f} over {n} views")
        shares = {k: v for k, v in TOTAL.items() if not k.startswith("  ")}
        for name, spent in sorted(shares.items(), key=lambda kv: -kv[1]):
            print(f"  {name:38s} {spent * 1000 / n:6.1f} ms  ({CALLS[name] / n:.1f} calls)")
        rest = statistics.mean(cold) - sum(shares.values()) * 1000 / n
        print(f"  {'other (script run, widgets, caches)':38s} {rest:6.1f} ms")
        named = sorted(((k, v) for k, v in TOTAL.items() if k.startswith("  ")),
                       key=lambda kv: -kv[1])
        for name, spent in named[:10]:
            print(f"  {name:38s} {spent * 1000 / n:6.1f} ms  ({CALLS[name] / n:.1f} calls)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
