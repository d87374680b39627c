"""Where a cold page's server CPU goes: every page rendered cold (caches of query results
and drawn elements emptied, a new session) for units drawn uniformly from the dataset, a
random scored year each, under cProfile; prints CPU per page and the costliest functions.

    python scripts/profile_pages.py --dataset national-demo --units 10 [--top 25]
    python scripts/profile_pages.py --dataset demo --pages unit_profile --units 20

Profiles go to bench-output/profile-<dataset>-<page>.pstats (ignored by git); read them
with ``python -m pstats FILE`` or snakeviz.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ita_dash.ui import page_cold  # noqa: E402


def main() -> int:
    parser = page_cold.view_arguments(__doc__.splitlines()[0], units=10)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", default="bench-output")
    parser.add_argument("--primed", action="store_true",
                        help="before each view, another unit's view of the same page and year "
                             "(not profiled): only the unit is new, as bench --pages measures")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    views = page_cold.sample_views(args.dataset, args.units, seed=args.seed)
    primers = page_cold.sample_views(args.dataset, args.units, seed=args.seed + 1)
    page_cold.warm_up(args.dataset)
    for page in args.pages:
        profile = cProfile.Profile(time.process_time)  # CPU of every thread (DuckDB too)
        cpu = []
        for view, primer in zip(views, primers, strict=True):
            page_cold.empty_caches()
            if args.primed:
                page_cold.page_runs(page, page_cold.page_params(page, {**primer,
                                                                     "year": view["year"]}))
            run, _ = page_cold.page_runs(page, page_cold.page_params(page, view),
                                         profile=profile)
            cpu.append(run.cpu_ms)
            if run.problem:
                print(f"  {page} {view}: {run.problem}")
        path = out / f"profile-{args.dataset}-{page}.pstats"
        profile.dump_stats(str(path))
        print(f"\n=== {page} on {args.dataset}: cold CPU ms median {statistics.median(cpu):.0f}"
              f" max {max(cpu):.0f} over {len(cpu)} units (unprofiled figures: bench --pages)")
        stats = pstats.Stats(str(path))
        stats.sort_stats("cumulative").print_stats(r"ita_dash|pages/|streamlit/(elements|"
                                                    r"runtime/caching)", args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
