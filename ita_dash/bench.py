"""``python -m ita_dash bench``: time every query function on a national-scale dataset.

Builds a throw-away database with the framework files of ``data/`` and a synthetic dataset
``bench`` of about 8,300 units x 10 fiscal years with every item. For each query function
it checks the result equal to an independent reference computation
(:mod:`ita_dash.bench_reference`: plain filtering SQL + pandas) and prints the median and
min-max of several warm runs of both, the ratio of the medians, and whether the function
is slower than its reference beyond the noise (its fastest run slower than the reference's
slowest). Then the import throughput (:mod:`ita_dash.bench_import`).

``python -m ita_dash bench --pages --dataset national-demo`` instead times every page's warm
rerun (Streamlit AppTest, cached queries) on the current build, next to the same page on
``demo``. Figures go to ``bench-output/`` as JSON (ignored by git) with ``--json``.
"""

from __future__ import annotations

import functools
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from ita_dash import bench_reference, config, queries
from ita_dash.build import build_database, insert_frame
from ita_dash.config import open_duckdb
from ita_dash.demo import synthetic_scores
from ita_dash.derive import refresh_derived
from ita_dash.scope import Scope
from ita_dash.timing import Timing, time_calls

UNIT_TYPES = ("ministry", "department", "province", "municipality", "subdistrict_admin",
              "district_office", "university", "state_enterprise")
DATASET = "bench"


def make_units(n: int, rng: np.random.Generator) -> pd.DataFrame:
    types = rng.choice(UNIT_TYPES, n, p=[0.01, 0.04, 0.01, 0.3, 0.55, 0.006, 0.01, 0.074])
    provinces = [f"จังหวัด{p:02d}" for p in rng.integers(1, 78, n)]
    ids = [f"n{i:05d}" for i in range(n)]
    return pd.DataFrame({
        "unit_id": ids, "name_th": [f"หน่วยงานทดสอบ {i}" for i in range(n)],
        "name_en": [f"Bench unit {i}" for i in range(n)],
        "short_th": [f"หน่วย {i}" for i in range(n)], "short_en": [f"Unit {i}" for i in range(n)],
        "unit_type": types, "parent_org": provinces, "province": provinces,
        "origin": "bench", "source_id": None, "note": "synthetic benchmark unit",
    })


def build_bench_db(path: Path, *, units: int, years: int, seed: int = 8300) -> dict[str, object]:
    """Build the framework files, then add the synthetic national dataset."""
    build_database(path, config.data_dir(), datasets=("real",))
    con = open_duckdb(path)
    rng = np.random.default_rng(seed)
    unit_frame = make_units(units, rng)
    insert_frame(con, "units", unit_frame)
    con.execute("INSERT INTO datasets VALUES (?, 99, TRUE, 'ทดสอบความเร็ว', 'Benchmark', "
                "'bench', FALSE, NULL, 'สังเคราะห์', 'synthetic')", [DATASET])
    groups = pd.DataFrame({"group_id": [f"bench-g{i}" for i in range(40)], "group_set": "bench",
                           "name_th": [f"กลุ่ม {i}" for i in range(40)],
                           "name_en": [f"Group {i}" for i in range(40)],
                           "source_id": None, "note": None})
    insert_frame(con, "unit_groups", groups)
    insert_frame(con, "group_members", pd.DataFrame({
        "group_id": [f"bench-g{i % 40}" for i in range(units)], "unit_id": unit_frame["unit_id"]}))
    first = 2568 - years + 1
    plan = [(y, "nacc-2563" if y <= 2565 else "bma-2567") for y in range(first, 2569)]
    t0 = time.perf_counter()
    scores = synthetic_scores(con, dataset=DATASET, unit_ids=list(unit_frame["unit_id"]),
                              year_frameworks=plan, seed=seed)
    con.execute("BEGIN")
    insert_frame(con, "scores", scores)
    refresh_derived(con, DATASET)
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    info = {"scores": len(scores), "build_s": time.perf_counter() - t0,
            "node_values": con.execute("SELECT count(*) FROM node_values").fetchall()[0][0],
            "unit_id": "n00042", "municipality": "municipality"}
    con.close()
    return info


@dataclass(frozen=True)
class Case:
    """One timed call: the query function's name and its keyword arguments."""

    function: str
    kwargs: dict[str, Any]


def cases(unit_id: str, dataset: str = DATASET, year: int = 2568,
          group_set: str = "bench") -> dict[str, Case]:
    """One call (or two) per query function, on the benchmark dataset."""
    d, y = dataset, year
    big = Scope("unit_type", "municipality")
    grp = Scope("group", "bench-g7")
    calls: dict[str, dict[str, Any]] = {
        "rankings (municipalities)": dict(dataset=d, year=y, scope=big),
        "rankings (group)": dict(dataset=d, year=y, scope=grp),
        "scope_summary": dict(dataset=d, year=y, scope=big),
        "rating_counts": dict(dataset=d, year=y, scope=big),
        "group_comparison": dict(dataset=d, year=y, group_set=group_set),
        "group_trend": dict(dataset=d, group_set=group_set),
        "group_spread": dict(dataset=d, year=y, group_set=group_set),
        "unit_history": dict(dataset=d, unit_id=unit_id),
        "radar (group mean)": dict(dataset=d, year=y, unit_id=unit_id, compare="group_mean",
                                   scope=grp),
        "radar (previous year)": dict(dataset=d, year=y, unit_id=unit_id,
                                      compare="previous_year"),
        "indicator_deltas": dict(dataset=d, unit_id=unit_id),
        "indicator_matrix": dict(dataset=d, year=y, scope=grp),
        "weakest_indicators": dict(dataset=d, year=y, scope=big),
        "weakest_indicator_frequency": dict(dataset=d, year=y, scope=big),
        "unit_items": dict(dataset=d, year=y, unit_id=unit_id),
        "weakest_items": dict(dataset=d, year=y, unit_id=unit_id),
        "points_recoverable": dict(dataset=d, year=y, unit_id=unit_id),
        "total_from_items": dict(dataset=d, year=y, unit_id=unit_id),
        "open_item_grid (group)": dict(dataset=d, year=y, scope=grp),
        "zero_items (group)": dict(dataset=d, year=y, scope=grp),
        "item_miss_counts (municipalities)": dict(dataset=d, year=y, scope=big),
        "consecutive_zero_items (group)": dict(dataset=d, year=y, scope=grp),
        "recomputed_values": dict(dataset=d, year=y, unit_id=unit_id),
        "consistency_checks (year)": dict(dataset=d, year=y),
        "available_years": dict(dataset=d),
        "units_in_scope (group)": dict(dataset=d, scope=grp),
        "find_unit": dict(name="หน่วย 42"),
        "units_per_year": dict(dataset=d),
        "units_with_scores": dict(dataset=d),
        "scope_options": dict(dataset=d),
        "unit_groups_of": dict(unit_id=unit_id),
        "unit_measures": dict(dataset=d, unit_id=unit_id),
        "reference_scores": dict(dataset=d, year=y, unit_id=unit_id),
        "year_sources (group)": dict(dataset=d, year=y, scope=grp),
        "figure_sources (year)": dict(dataset=d, year=y),
        "conflicts": dict(dataset=d),
        "frameworks_overview": {},
        "rating_scale": dict(framework_id="bma-2567"),
        "dataset_info": dict(dataset=d),
    }
    # a function removed from the query layer is skipped, not an error
    return {name: Case(name.split(" ")[0], kw) for name, kw in calls.items()
            if callable(getattr(queries, name.split(" ")[0], None))}
# Not timed: export_scores (a bulk export of every stored score, not a dashboard query).


@dataclass
class Row:
    name: str
    query: Timing
    reference: Timing | None
    check: str  # "equal", "no reference" or what differs

    @property
    def ratio(self) -> float | None:
        return None if self.reference is None else self.query.median_ms / self.reference.median_ms

    @property
    def slower_beyond_noise(self) -> bool:
        return self.reference is not None and self.query.min_ms > self.reference.max_ms


def bench_queries(con: duckdb.DuckDBPyConnection, unit_id: str, repeats: int) -> list[Row]:
    rows = []
    for name, case in cases(unit_id).items():
        function: Callable[..., object] = getattr(queries, case.function)
        query = time_calls(functools.partial(function, con, **case.kwargs), repeats)
        check = bench_reference.REFERENCES.get(case.function)
        if check is None:
            rows.append(Row(name, query, None, "no reference"))
            continue
        reference_call = functools.partial(check.reference, con, **case.kwargs)
        reference = time_calls(reference_call, repeats)
        problem = bench_reference.mismatch(case.function, function(con, **case.kwargs),
                                           reference_call())
        rows.append(Row(name, query, reference, problem or "equal"))
    return rows


def print_rows(rows: list[Row], repeats: int) -> None:
    print(f"{'query function':36s} {'query ms: median (min-max)':>28s} "
          f"{'reference ms':>24s} {'ratio':>6s}  check   (n={repeats} warm runs each)")
    for row in rows:
        ref = row.reference.text() if row.reference else "-"
        ratio = f"{row.ratio:6.2f}" if row.ratio is not None else "     -"
        flag = " slower beyond noise" if row.slower_beyond_noise else ""
        print(f"{row.name:36s} {row.query.text():>28s} {ref:>24s} {ratio}  {row.check}{flag}")


def summary_line(rows: list[Row]) -> str:
    slowest = max(rows, key=lambda r: r.query.median_ms)
    checked = [r for r in rows if r.reference is not None]
    equal = sum(r.check == "equal" for r in checked)
    slower = [r.name for r in checked if r.slower_beyond_noise]
    return (f"bench: slowest query {slowest.query.median_ms:.1f} ms ({slowest.name}); "
            f"{equal}/{len(checked)} equal to their reference; slower than the reference "
            f"beyond noise: {', '.join(slower) or 'none'}")


def run_bench(*, units: int, years: int, repeats: int, db_path: Path | None = None,
              with_import: bool = True, json_path: Path | None = None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = db_path or Path(tmp) / "bench.duckdb"
        path.unlink(missing_ok=True)
        t0 = time.perf_counter()
        info = build_bench_db(path, units=units, years=years)
        print(f"bench dataset: {units} units x {years} fiscal years, {info['scores']:,} item "
              f"scores, {info['node_values']:,} node values; generated and derived in "
              f"{time.perf_counter() - t0:.1f} s", flush=True)
        con = open_duckdb(path, read_only=True)
        try:
            rows = bench_queries(con, str(info["unit_id"]), repeats)
        finally:
            con.close()
        print_rows(rows, repeats)
        imports = _bench_import_if_available(units) if with_import else {}
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of this process (max RSS, all of the above): {peak:,.0f} MiB")
        print(summary_line(rows))
        if json_path:
            _write_json(json_path, {"units": units, "years": years, "repeats": repeats,
                                    "queries": [_row_dict(r) for r in rows],
                                    "import_s": imports})
    failed = [r for r in rows if r.check not in ("equal", "no reference")]
    return 1 if failed else 0


def _row_dict(row: Row) -> dict[str, object]:
    return {"name": row.name, "query": vars(row.query),
            "reference": vars(row.reference) if row.reference else None,
            "ratio": row.ratio, "check": row.check,
            "slower_beyond_noise": row.slower_beyond_noise}


def _write_json(path: Path, payload: dict[str, object]) -> None:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"figures written to {path}")


def _bench_import_if_available(units: int) -> dict[str, float]:
    try:
        from ita_dash.bench_import import bench_import
    except ModuleNotFoundError:
        return {}
    return bench_import(units=units)


# ------------------------------------------------------------------------ pages

def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def run_page_bench(*, dataset: str, baseline: str, units: int, seed: int = 21,
                   empty: bool = False, json_path: Path | None = None) -> int:
    """Every page's server CPU, cold (a new session on a unit nobody has opened, drawn
    uniformly from the whole dataset, a random scored year) and warm (the same session
    rerun): median and p95 over ``units`` views, on ``dataset`` next to ``baseline``."""
    for name in (dataset, baseline):
        if name not in config.dataset_names():
            print(f"bench --pages: dataset {name!r} is not declared in data/datasets.csv")
            return 2
    from ita_dash.ui.page_cold import PAGES, cold_and_warm  # Streamlit lives in ui/ only

    kind = "caches emptied" if empty else "a unit nobody has opened, the server's other caches warm"
    print(f"page server CPU (the page's script thread and DuckDB's, AppTest), ms over {units} "
          f"views per dataset; cold: "
          f"{kind}; warm: the same session rerun", flush=True)
    figures = {name: cold_and_warm(name, units, seed=seed, empty=empty)
               for name in dict.fromkeys((baseline, dataset))}
    stats = {name: {page: {"cold_p50": _pct(f.cold, 50), "cold_p95": _pct(f.cold, 95),
                           "warm_p50": _pct(f.warm, 50), "warm_p95": _pct(f.warm, 95)}
                    for page, f in by_page.items()}
             for name, by_page in figures.items()}
    print(f"{'':20s} {baseline:>29s}  | {dataset:>29s}")
    print(f"{'page':20s} {'cold p50':>9s} {'cold p95':>9s} {'warm p50':>9s}  |"
          f" {'cold p50':>9s} {'cold p95':>9s} {'warm p50':>9s} {'cold x':>7s}  errors")
    for page in PAGES:
        b, n = stats[baseline][page], stats[dataset][page]
        problems = figures[baseline][page].problems + figures[dataset][page].problems
        print(f"{page:20s} {b['cold_p50']:9.0f} {b['cold_p95']:9.0f} {b['warm_p50']:9.0f}  |"
              f" {n['cold_p50']:9.0f} {n['cold_p95']:9.0f} {n['warm_p50']:9.0f} "
              f"{n['cold_p50'] / b['cold_p50']:7.2f}  {len(problems) or 'none'}", flush=True)
        for problem in problems[:3]:
            print(f"    {problem}")
    big = stats[dataset]
    worst = max(PAGES, key=lambda p: big[p]["cold_p50"])
    over = [p for p in PAGES if big[p]["cold_p50"] > 150]
    print(f"bench --pages: slowest cold page {worst} {big[worst]['cold_p50']:.0f} ms median on "
          f"{dataset} (largest p95 {max(big[p]['cold_p95'] for p in PAGES):.0f} ms); pages over "
          f"150 ms median: {', '.join(over) or 'none'}")
    results = [{"page": page, **{name: {**stats[name][page], "cold": figures[name][page].cold,
                                        "warm": figures[name][page].warm,
                                        "problems": figures[name][page].problems}
                                 for name in (baseline, dataset)}} for page in PAGES]
    if json_path:
        _write_json(json_path, {"dataset": dataset, "baseline": baseline, "units": units,
                                "empty_caches": empty, "pages": results})
    return 0
