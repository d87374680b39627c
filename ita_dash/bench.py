"""``python -m ita_dash bench``: time every query function on a national-scale dataset.

Builds a throw-away database with the framework files of ``data/`` and a
synthetic dataset ``bench`` of about 8,300 units x 10 fiscal years with every
item, then prints, for each query function, its warm median time next to the
same SQL statements run bare in DuckDB (fetched as Arrow, no pandas), and a
last line ``bench: slowest query X ms, worst ratio to bare DuckDB Y``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from ita_dash import config, queries
from ita_dash.build import build_database, insert_frame
from ita_dash.demo import synthetic_scores
from ita_dash.derive import refresh_derived
from ita_dash.scope import Scope

UNIT_TYPES = ("ministry", "department", "province", "municipality", "subdistrict_admin",
              "district_office", "university", "state_enterprise")
DATASET = "bench"


@dataclass
class Recorder:
    """Wraps a connection and records the statements a query function executes."""

    con: duckdb.DuckDBPyConnection
    statements: list[tuple[str, object]]

    def execute(self, sql: str, params: object = None) -> duckdb.DuckDBPyConnection:
        self.statements.append((sql, params))
        return self.con.execute(sql, params)


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
    con = duckdb.connect(str(path))
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
            "node_values": (con.execute("SELECT count(*) FROM node_values").fetchone() or (0,))[0],
            "unit_id": "n00042", "municipality": "municipality"}
    con.close()
    return info


def cases(unit_id: str) -> dict[str, Callable[[object], object]]:
    """One call per query function, on the benchmark dataset (year 2568)."""
    d, y = DATASET, 2568
    big = Scope("unit_type", "municipality")
    grp = Scope("group", "bench-g7")
    return {
        "rankings (municipalities)": lambda c: queries.rankings(c, dataset=d, year=y, scope=big),
        "rankings (group)": lambda c: queries.rankings(c, dataset=d, year=y, scope=grp),
        "scope_summary": lambda c: queries.scope_summary(c, dataset=d, year=y, scope=big),
        "rating_counts": lambda c: queries.rating_counts(c, dataset=d, year=y, scope=big),
        "group_comparison": lambda c: queries.group_comparison(c, dataset=d, year=y,
                                                               group_set="bench"),
        "group_trend": lambda c: queries.group_trend(c, dataset=d, group_set="bench"),
        "group_spread": lambda c: queries.group_spread(c, dataset=d, year=y, group_set="bench"),
        "unit_history": lambda c: queries.unit_history(c, dataset=d, unit_id=unit_id),
        "radar (group mean)": lambda c: queries.radar(c, dataset=d, year=y, unit_id=unit_id,
                                                      compare="group_mean", scope=grp),
        "radar (previous year)": lambda c: queries.radar(c, dataset=d, year=y, unit_id=unit_id,
                                                         compare="previous_year"),
        "indicator_deltas": lambda c: queries.indicator_deltas(c, dataset=d, unit_id=unit_id),
        "indicator_matrix": lambda c: queries.indicator_matrix(c, dataset=d, year=y, scope=grp),
        "weakest_indicators": lambda c: queries.weakest_indicators(c, dataset=d, year=y,
                                                                   scope=big),
        "weakest_indicator_frequency": lambda c: queries.weakest_indicator_frequency(
            c, dataset=d, year=y, scope=big),
        "unit_items": lambda c: queries.unit_items(c, dataset=d, year=y, unit_id=unit_id),
        "weakest_items": lambda c: queries.weakest_items(c, dataset=d, year=y, unit_id=unit_id),
        "points_recoverable": lambda c: queries.points_recoverable(c, dataset=d, year=y,
                                                                   unit_id=unit_id),
        "total_from_items": lambda c: queries.total_from_items(c, dataset=d, year=y,
                                                               unit_id=unit_id),
        "open_item_grid (group)": lambda c: queries.open_item_grid(c, dataset=d, year=y,
                                                                   scope=grp),
        "zero_items (group)": lambda c: queries.zero_items(c, dataset=d, year=y, scope=grp),
        "item_miss_counts (municipalities)": lambda c: queries.item_miss_counts(
            c, dataset=d, year=y, scope=big),
        "consecutive_zero_items (group)": lambda c: queries.consecutive_zero_items(
            c, dataset=d, year=y, scope=grp),
        "recomputed_values": lambda c: queries.recomputed_values(c, dataset=d, year=y,
                                                                 unit_id=unit_id),
        "consistency_checks (year)": lambda c: queries.consistency_checks(c, dataset=d, year=y),
        "available_years": lambda c: queries.available_years(c, dataset=d),
        "units_in_scope (group)": lambda c: queries.units_in_scope(c, dataset=d, scope=grp),
        "find_unit": lambda c: queries.find_unit(c, name="หน่วย 42"),
        "units_per_year": lambda c: queries.units_per_year(c, dataset=d),
        "units_with_scores": lambda c: queries.units_with_scores(c, dataset=d),
        "scope_options": lambda c: queries.scope_options(c, dataset=d),
        "unit_groups_of": lambda c: queries.unit_groups_of(c, unit_id=unit_id),
        "unit_measures": lambda c: queries.unit_measures(c, dataset=d, unit_id=unit_id),
        "reference_scores": lambda c: queries.reference_scores(c, dataset=d, year=y,
                                                               unit_id=unit_id),
        "year_sources (group)": lambda c: queries.year_sources(c, dataset=d, year=y, scope=grp),
        "figure_sources (year)": lambda c: queries.figure_sources(c, dataset=d, year=y),
        "conflicts": lambda c: queries.conflicts(c, dataset=d),
        "frameworks_overview": lambda c: queries.frameworks_overview(c),
        "rating_scale": lambda c: queries.rating_scale(c, framework_id="bma-2567"),
        "dataset_info": lambda c: queries.dataset_info(c, dataset=d),
    }
# Not timed: export_scores (a bulk export of every stored score, not a dashboard query).


def _median_ms(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def time_case(con: duckdb.DuckDBPyConnection, call: Callable[[object], object],
              repeats: int) -> tuple[float, float]:
    recorder = Recorder(con, [])
    call(recorder)
    statements = list(recorder.statements)

    def bare() -> None:
        for sql, params in statements:
            con.sql(sql, params=params).to_arrow_table()

    return _median_ms(lambda: call(con), repeats), _median_ms(bare, repeats)


def run_bench(*, units: int, years: int, repeats: int, db_path: Path | None = None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = db_path or Path(tmp) / "bench.duckdb"
        path.unlink(missing_ok=True)
        t0 = time.perf_counter()
        info = build_bench_db(path, units=units, years=years)
        print(f"bench dataset: {units} units x {years} fiscal years, {info['scores']:,} item "
              f"scores, {info['node_values']:,} node values; generated and derived in "
              f"{time.perf_counter() - t0:.1f} s")
        con = duckdb.connect(str(path), read_only=True)
        print(f"{'query function':40s} {'median ms':>10s} {'bare ms':>9s} {'ratio':>6s}")
        slowest, worst = 0.0, 0.0
        for name, call in cases(str(info["unit_id"])).items():
            ms, bare = time_case(con, call, repeats)
            ratio = ms / bare if bare > 0 else float("nan")
            slowest, worst = max(slowest, ms), max(worst, ratio)
            print(f"{name:40s} {ms:10.1f} {bare:9.1f} {ratio:6.2f}")
        con.close()
        _bench_import_if_available(units)
        print(f"bench: slowest query {slowest:.1f} ms, worst ratio to bare DuckDB {worst:.1f}")
    return 0


def _bench_import_if_available(units: int) -> None:
    try:
        from ita_dash.importer.bench import bench_import
    except ModuleNotFoundError:
        return
    bench_import(units=units)
