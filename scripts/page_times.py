"""Warm page script time per page and dataset, with Streamlit's AppTest (cached queries).

    python scripts/page_times.py [--datasets demo national-demo] [--pages overview ...]
                                 [--repeats 5] [--param year=2568]

Each page is opened once (cold: fills the caches), then re-run ``--repeats`` times
in the same session; the table shows the median warm run (min-max) per dataset and
the ratio of the last dataset to the first. Uses the database of ``ITA_DB_PATH``
(build ``national-demo`` first: ``python -m ita_dash build --dataset national-demo``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from ita_dash.ui.nav import page_files, slug  # noqa: E402

PAGES = {slug(p): str(p.relative_to(PROJECT)) for p in page_files()}
SKIP = ("data",)  # the import page needs a signed-in editor


def warm_times(page: str, dataset: str, repeats: int,
               params: dict[str, str]) -> tuple[list[float], float, list[str]]:
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=300)
    at.query_params.update(dataset=dataset, **params)
    at.switch_page(PAGES[page])
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    errors = [str(e.value)[:200] for e in at.exception]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        errors += [str(e.value)[:200] for e in at.exception]
    return times, cold, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", nargs="+", default=["demo", "national-demo"])
    parser.add_argument("--pages", nargs="+", default=[p for p in PAGES if p not in SKIP])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--param", action="append", default=[],
                        help="extra URL parameter, e.g. year=2568")
    args = parser.parse_args()
    params = dict(p.split("=", 1) for p in args.param)
    header = f"{'page':<20}" + "".join(f"{d + ' warm s (min-max)':>34}{'cold s':>8}"
                                       for d in args.datasets) + f"{'ratio':>8}"
    print(header)
    failed = False
    for page in args.pages:
        line, medians = f"{page:<20}", []
        for dataset in args.datasets:
            times, cold, errors = warm_times(page, dataset, args.repeats, params)
            medians.append(statistics.median(times))
            line += f"{medians[-1]:>18.3f} ({min(times):.3f}-{max(times):.3f}){cold:>8.2f}"
            if errors:
                failed = True
                print(f"  ! {page} {dataset}: {errors[0]}", file=sys.stderr)
        ratio = medians[-1] / medians[0] if medians[0] else float("nan")
        print(line + f"{ratio:>8.2f}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
