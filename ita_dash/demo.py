"""Synthetic, seeded scores: the demo dataset and the national-scale benchmark.

Item scores are drawn per unit from a persistent quality, a yearly trend and
noise; O-items are 0, 50 or 100 with a per unit-item habit, so the same
documents go missing in consecutive years. Totals, tools and indicators are
not generated: the build recomputes them from the items with the framework's
points, exactly as for real data. Every row is marked synthetic.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

DEMO_SEED = 2567
DEMO_SOURCE = "demo-synthetic"
DEMO_NOTE = "synthetic (ข้อมูลสังเคราะห์)"


def framework_items(con: duckdb.DuckDBPyConnection, framework_id: str) -> pd.DataFrame:
    return con.execute(
        "SELECT code, tool FROM framework_nodes WHERE framework_id = ? AND kind = 'item' "
        "ORDER BY seq", [framework_id]).df()


def _perception_scores(rng: np.random.Generator, quality: np.ndarray, trend: float,
                       n_items: int, level: float = 82.0) -> np.ndarray:
    item_bias = rng.normal(0, 4, n_items)
    noise = rng.normal(0, 4, (len(quality), n_items))
    raw = level + 7 * quality[:, None] + trend + item_bias[None, :] + noise
    return np.round(np.clip(raw, 35, 100), 2)


def _open_data_scores(rng: np.random.Generator, quality: np.ndarray, habit: np.ndarray,
                      trend: float) -> np.ndarray:
    logit = 1.3 + 1.1 * quality[:, None] + habit + trend / 4
    p_full = 1 / (1 + np.exp(-logit))
    draw = rng.random(p_full.shape)
    half = rng.random(p_full.shape) < 0.08
    scores = np.where(draw < p_full, 100.0, 0.0)
    return np.where((scores == 0) & half, 50.0, scores)


def categorical(codes: np.ndarray, names: list[str]) -> pd.Categorical:
    """A text column stored once per distinct value (``names[code]`` per row)."""
    return pd.Categorical.from_codes(codes, categories=pd.Index(names))


def synthetic_scores(con: duckdb.DuckDBPyConnection, *, dataset: str, unit_ids: list[str],
                     year_frameworks: list[tuple[int, str]], seed: int, level: float = 82.0,
                     trend_step: float = 1.5, shift: np.ndarray | None = None) -> pd.DataFrame:
    """Item scores for every unit and year, reproducible from ``seed``.

    ``level`` is the mean perception score, ``trend_step`` the yearly improvement and
    ``shift`` an optional per-unit offset of quality (e.g. by agency type).

    Text columns are categorical (one copy of each name), so national scale
    (millions of rows) stays small in memory and fast to insert.
    """
    rng = np.random.default_rng(seed)
    n = len(unit_ids)
    quality = rng.normal(0, 1, n)
    offset = np.zeros(n) if shift is None else shift
    habits: dict[str, np.ndarray] = {}
    codes: dict[str, int] = {}
    parts: list[tuple[int, int, np.ndarray, np.ndarray]] = []
    for step, (year, framework_id) in enumerate(year_frameworks):
        quality = 0.85 * quality + 0.35 * rng.normal(0, 1, n)
        trend = trend_step * step
        items = framework_items(con, framework_id)
        is_open = (items["tool"] == "OIT").to_numpy()
        values = np.empty((n, len(items)))
        values[:, ~is_open] = _perception_scores(rng, quality + offset, trend,
                                                 int((~is_open).sum()), level)
        if framework_id not in habits:
            habits[framework_id] = rng.normal(0, 1.2, (n, int(is_open.sum())))
        values[:, is_open] = _open_data_scores(rng, quality + offset, habits[framework_id],
                                               trend)
        item_codes = np.array([codes.setdefault(c, len(codes)) for c in items["code"]])
        parts.append((year, len(items), item_codes, values.reshape(-1)))
    frameworks = list(dict.fromkeys(f for _, f in year_frameworks))
    sizes = [n * k for _, k, _, _ in parts]
    scores = pd.DataFrame({
        "dataset": categorical(np.zeros(sum(sizes), dtype=np.int8), [dataset]),
        "unit_id": categorical(
            np.concatenate([np.repeat(np.arange(n), k) for _, k, _, _ in parts]), unit_ids),
        "fiscal_year": np.repeat([y for y, _, _, _ in parts], sizes),
        "framework_id": categorical(
            np.repeat([frameworks.index(f) for _, f in year_frameworks], sizes), frameworks),
        "code": categorical(
            np.concatenate([np.tile(c, n) for _, _, c, _ in parts]), list(codes)),
        "score": np.concatenate([v for _, _, _, v in parts]),
    })
    scores["source_id"] = categorical(np.zeros(len(scores), dtype=np.int8),
                                                    [DEMO_SOURCE])
    scores["source_ref"] = categorical(np.zeros(len(scores), dtype=np.int8),
                                                     [f"seed={seed}"])
    scores["note"] = categorical(np.zeros(len(scores), dtype=np.int8), [DEMO_NOTE])
    return scores
