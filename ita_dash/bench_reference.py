"""Independent reference implementations of the query functions, for the benchmark.

Each reference reads the stored tables with plain filtering SQL (``SELECT columns FROM
table WHERE column = ?``) and computes the result in pandas: ranks, lags, joins, means,
streaks are written here again, not taken from :mod:`ita_dash.queries`. The benchmark
checks every query function equal to its reference (on the reference's columns, rows in
the reference's order where order matters) and times the two side by side, so a slow or
wrong SQL statement shows as a ratio or a mismatch.

A reference returns only the columns it recomputes (ids, figures, ranks): labels are
copied from the tables either way and would prove nothing. Ids, counts, ranks, codes and
flags must be identical; a rounded figure may differ by one unit of its last printed digit
(:data:`ROUNDED`): DuckDB and pandas sum floats in a different order, so a mean that lies
on a half (75.255) can round either way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from ita_dash.scope import Scope

Con = duckdb.DuckDBPyConnection


def rnd(values: Any, digits: int = 2) -> Any:
    """Round as DuckDB's ``round`` on DOUBLE: the exact binary value, ties away from zero.

    (2.675 is stored as 2.67499999... and gives 2.67; 87.125 is exact and gives 87.13.)
    Values near a half are decided exactly with :class:`~decimal.Decimal`.
    """
    array = np.atleast_1d(np.asarray(values, dtype=float))
    factor = 10.0 ** digits
    out = np.sign(array) * np.floor(np.abs(array) * factor + 0.5) / factor
    near_half = np.abs(np.abs(array) * factor % 1 - 0.5) < 1e-6
    quantum = Decimal(1).scaleb(-digits)
    for i in np.flatnonzero(near_half & np.isfinite(array)):
        out[i] = float(Decimal(float(array[i])).quantize(quantum, rounding=ROUND_HALF_UP))
    if isinstance(values, pd.Series):
        return pd.Series(out, index=values.index, name=values.name)
    return float(out[0]) if np.ndim(values) == 0 else out


def _df(con: Con, sql: str, params: list[object] | None = None) -> pd.DataFrame:
    return con.execute(sql, params or []).df()


def scope_units(con: Con, scope: Scope) -> set[str]:
    """The unit ids of a scope, from ``units`` and ``group_members`` (pandas filtering)."""
    units = _df(con, "SELECT unit_id, unit_type, parent_org FROM units")
    if scope.kind == "all":
        return set(units["unit_id"])
    if scope.kind == "group":
        members = _df(con, "SELECT unit_id FROM group_members WHERE group_id = ?", [scope.value])
        return set(members["unit_id"])
    if scope.kind == "unit_type":
        return set(units.loc[units["unit_type"] == scope.value, "unit_id"])
    if scope.kind == "parent":
        return set(units.loc[units["parent_org"] == scope.value, "unit_id"])
    return set(scope.units) & set(units["unit_id"])


def _unit_years(con: Con, dataset: str, years: list[int] | None = None) -> pd.DataFrame:
    sql = ("SELECT unit_id, fiscal_year, framework_id, score, iit, eit, oit, level_seq, "
           "level_code FROM unit_years WHERE dataset = ?")
    params: list[object] = [dataset]
    if years is not None:
        sql += " AND fiscal_year IN (SELECT unnest(?))"
        params.append(years)
    return _df(con, sql, params)


def _pass_marks(con: Con) -> pd.Series:
    return _df(con, "SELECT framework_id, pass_mark FROM frameworks").set_index(
        "framework_id")["pass_mark"]


def _indicators(con: Con, dataset: str, *, year: int | None = None,
                unit_id: str | None = None) -> pd.DataFrame:
    sql = ("SELECT unit_id, fiscal_year, code AS indicator, value FROM node_values "
           "WHERE dataset = ? AND kind = 'indicator' AND value IS NOT NULL")
    params: list[object] = [dataset]
    if year is not None:
        sql += " AND fiscal_year = ?"
        params.append(year)
    if unit_id is not None:
        sql += " AND unit_id = ?"
        params.append(unit_id)
    values = _df(con, sql, params)
    seqs = _df(con, "SELECT code AS indicator, seq FROM indicators")
    return values.merge(seqs, on="indicator")


def _items(con: Con, dataset: str, *, years: list[int] | None = None,
           unit_id: str | None = None, tool: str | None = None,
           units: list[str] | None = None) -> pd.DataFrame:
    sql = ("SELECT unit_id, fiscal_year, framework_id, code, value AS score FROM node_values "
           "WHERE dataset = ? AND kind = 'item' AND value IS NOT NULL")
    params: list[object] = [dataset]
    if years is not None:
        sql += " AND fiscal_year IN (SELECT unnest(?))"
        params.append(years)
    if unit_id is not None:
        sql += " AND unit_id = ?"
        params.append(unit_id)
    if units is not None:
        sql += " AND unit_id IN (SELECT unnest(?))"
        params.append(units)
    items = _df(con, sql, params)
    nodes = _df(con, "SELECT framework_id, code, seq, tool, indicator, points "
                     "FROM framework_nodes")
    items = items.merge(nodes, on=["framework_id", "code"])
    return items[items["tool"] == tool] if tool else items


def _short(con: Con) -> pd.DataFrame:
    return _df(con, "SELECT unit_id, short_th FROM units")


# ------------------------------------------------------------------------ units, rankings


def available_years(con: Con, *, dataset: str) -> pd.DataFrame:
    years = sorted(set(_unit_years(con, dataset)["fiscal_year"]))
    return pd.DataFrame({"fiscal_year": years})


def units_per_year(con: Con, *, dataset: str) -> pd.DataFrame:
    uy = _unit_years(con, dataset)
    out = uy.groupby("fiscal_year")["score"].count().rename("n_units").reset_index()
    return out.sort_values("fiscal_year")


def units_in_scope(con: Con, *, dataset: str, scope: Scope) -> pd.DataFrame:
    uy = _unit_years(con, dataset)
    ids = sorted(set(uy["unit_id"]) & scope_units(con, scope))
    return pd.DataFrame({"unit_id": ids})


def rankings(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    uy = _unit_years(con, dataset, [year - 1, year])
    uy = uy[uy["score"].notna() & uy["unit_id"].isin(scope_units(con, scope))].copy()
    uy["r2"] = rnd(uy["score"])
    uy["rank"] = uy.groupby("fiscal_year")["r2"].rank(method="min", ascending=False)
    uy["n_units"] = uy.groupby("fiscal_year")["unit_id"].transform("count")
    now = uy[uy["fiscal_year"] == year].set_index("unit_id")
    before = uy[uy["fiscal_year"] == year - 1].set_index("unit_id")
    out = pd.DataFrame({"unit_id": now.index, "rank": now["rank"].to_numpy(),
                        "score": now["r2"].to_numpy(), "n_units": now["n_units"].to_numpy()})
    prev = before.reindex(now.index)
    out["prev_score"] = rnd(prev["score"]).to_numpy()
    out["delta_points"] = rnd(now["score"] - prev["score"]).to_numpy()
    out["prev_rank"] = prev["rank"].to_numpy()
    out["delta_rank"] = (prev["rank"] - now["rank"]).to_numpy()
    return out.sort_values(["rank", "unit_id"])


def scope_summary(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    uy = _unit_years(con, dataset, [year])
    uy = uy[uy["score"].notna() & uy["unit_id"].isin(scope_units(con, scope))]
    passed = rnd(uy["score"]) >= uy["framework_id"].map(_pass_marks(con))
    n = len(uy)
    return pd.DataFrame([{"n_units": n, "mean": rnd(uy["score"].mean()),
                          "median": rnd(uy["score"].median()), "min": rnd(uy["score"].min()),
                          "max": rnd(uy["score"].max()), "n_pass": int(passed.sum()),
                          "pass_rate": rnd(100.0 * passed.sum() / n, 1) if n else np.nan}])


def rating_counts(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    uy = _unit_years(con, dataset, [year])
    uy = uy[uy["score"].notna() & uy["unit_id"].isin(scope_units(con, scope))]
    levels = _df(con, "SELECT framework_id, seq FROM rating_levels")
    levels = levels[levels["framework_id"].isin(set(uy["framework_id"]))]
    counts = uy.groupby(["framework_id", "level_seq"]).size()
    levels["n_units"] = [int(counts.get((f, s), 0)) for f, s in
                         zip(levels["framework_id"], levels["seq"], strict=True)]
    return levels.sort_values(["framework_id", "seq"])


# ------------------------------------------------------------------------------ groups


def _group_scores(con: Con, dataset: str, group_set: str, years: list[int] | None) -> pd.DataFrame:
    groups = _df(con, "SELECT group_id FROM unit_groups WHERE group_set = ?", [group_set])
    members = _df(con, "SELECT group_id, unit_id FROM group_members")
    members = members[members["group_id"].isin(groups["group_id"])]
    uy = _unit_years(con, dataset, years)
    return members.merge(uy[uy["score"].notna()], on="unit_id")


def group_comparison(con: Con, *, dataset: str, year: int, group_set: str) -> pd.DataFrame:
    scores = _group_scores(con, dataset, group_set, [year])
    scores["passed"] = rnd(scores["score"]) >= scores["framework_id"].map(_pass_marks(con))
    out = scores.groupby("group_id").agg(n_units=("score", "count"), mean=("score", "mean"),
                                         median=("score", "median"), min=("score", "min"),
                                         max=("score", "max"), n_pass=("passed", "sum"))
    for column in ("mean", "median", "min", "max"):
        out[column] = rnd(out[column])
    out["pass_rate"] = rnd(100.0 * out["n_pass"] / out["n_units"], 1)
    return out.drop(columns="n_pass").reset_index().sort_values("group_id")


def group_trend(con: Con, *, dataset: str, group_set: str) -> pd.DataFrame:
    scores = _group_scores(con, dataset, group_set, None)
    out = scores.groupby(["group_id", "fiscal_year"]).agg(n_units=("score", "count"),
                                                          mean=("score", "mean"))
    out["mean"] = rnd(out["mean"])
    return out.reset_index().sort_values(["group_id", "fiscal_year"])


def group_spread(con: Con, *, dataset: str, year: int, group_set: str) -> pd.DataFrame:
    scores = _group_scores(con, dataset, group_set, [year])
    scores["score"] = rnd(scores["score"])
    return scores[["group_id", "unit_id", "score"]].sort_values(["group_id", "unit_id"])


# ------------------------------------------------------------------------ unit profile


def unit_history(con: Con, *, dataset: str, unit_id: str) -> pd.DataFrame:
    uy = _unit_years(con, dataset)
    uy = uy[uy["unit_id"] == unit_id].sort_values("fiscal_year")
    out = pd.DataFrame({"fiscal_year": uy["fiscal_year"], "score": rnd(uy["score"]),
                        "iit": rnd(uy["iit"]), "eit": rnd(uy["eit"]), "oit": rnd(uy["oit"]),
                        "level_code": uy["level_code"]})
    out["prev_year"] = uy["fiscal_year"].shift(1)
    out["delta_points"] = rnd(uy["score"] - uy["score"].shift(1))
    return out


def indicator_deltas(con: Con, *, dataset: str, unit_id: str) -> pd.DataFrame:
    iv = _indicators(con, dataset, unit_id=unit_id).sort_values(["indicator", "fiscal_year"])
    by = iv.groupby("indicator")
    iv["prev_year"] = by["fiscal_year"].shift(1)
    iv["delta"] = rnd(iv["value"] - by["value"].shift(1))
    iv["value"] = rnd(iv["value"])
    return iv[["indicator", "fiscal_year", "value", "prev_year", "delta"]].sort_values(
        ["fiscal_year", "indicator"])


def radar(con: Con, *, dataset: str, year: int, unit_id: str, compare: str,
          scope: Scope | None = None, other_unit: str | None = None) -> pd.DataFrame:
    mine = _indicators(con, dataset, year=year, unit_id=unit_id).set_index("indicator")["value"]
    if compare in ("group_mean", "group_median"):
        iv = _indicators(con, dataset, year=year)
        iv = iv[iv["unit_id"].isin(scope_units(con, scope or Scope()))]
        stat = iv.groupby("indicator")["value"]
        other = stat.mean() if compare == "group_mean" else stat.median()
        n_units = stat.count()
    else:
        who, when = (unit_id, year - 1) if compare == "previous_year" else (other_unit, year)
        other = _indicators(con, dataset, year=when, unit_id=who).set_index(
            "indicator")["value"]
        n_units = pd.Series(1, index=other.index)
    codes = _df(con, "SELECT code AS indicator FROM indicators ORDER BY seq")["indicator"]
    return pd.DataFrame({"indicator": codes.to_numpy(),
                         "value": rnd(mine.reindex(codes)).to_numpy(),
                         "comparison": rnd(other.reindex(codes)).to_numpy(),
                         "n_units": n_units.reindex(codes).to_numpy()})


# ------------------------------------------------------------------- weakest indicators


def indicator_matrix(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    iv = _indicators(con, dataset, year=year)
    iv = iv[iv["unit_id"].isin(scope_units(con, scope))]
    uy = _unit_years(con, dataset, [year])[["unit_id", "score"]]
    out = iv.merge(uy, on="unit_id")
    out["value"], out["score"] = rnd(out["value"]), rnd(out["score"])
    return out[["unit_id", "indicator", "value", "score"]].sort_values(["unit_id", "indicator"])


def weakest_indicators(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    iv = _indicators(con, dataset, year=year)
    iv = iv[iv["unit_id"].isin(scope_units(con, scope))].copy()
    iv["value"] = rnd(iv["value"])
    iv["n_indicators"] = iv.groupby("unit_id")["indicator"].transform("count")
    first = iv.sort_values(["unit_id", "value", "seq"]).drop_duplicates("unit_id")
    return first[["unit_id", "indicator", "value", "n_indicators"]].sort_values("unit_id")


def weakest_indicator_frequency(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    weakest = weakest_indicators(con, dataset=dataset, year=year, scope=scope)
    codes = _df(con, "SELECT code AS indicator FROM indicators")["indicator"]
    counts = weakest["indicator"].value_counts()
    return pd.DataFrame({"indicator": codes, "n_units": [int(counts.get(c, 0)) for c in codes]}
                        ).sort_values("indicator")


# ------------------------------------------------------------------------------- items


def unit_items(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    items = _items(con, dataset, years=[year], unit_id=unit_id).sort_values("seq")
    items["score"] = rnd(items["score"])
    lowest = items.groupby("indicator", dropna=False)["score"].transform("min")
    mark = items["framework_id"].map(_pass_marks(con))
    items["is_weakest"] = ((items["score"] == lowest) & (items["score"] < mark)).fillna(False)
    return items[["code", "score", "points", "is_weakest"]]


def weakest_items(con: Con, *, dataset: str, year: int, unit_id: str, n: int = 5) -> pd.DataFrame:
    items = _items(con, dataset, years=[year], unit_id=unit_id)
    items["score"] = rnd(items["score"])
    return items.sort_values(["score", "seq"]).head(n)[["code", "score", "points"]]


def points_recoverable(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    items = _items(con, dataset, years=[year], unit_id=unit_id)
    items = items[(items["score"] < 100) & items["points"].notna()].copy()
    items["recoverable"] = rnd((100 - items["score"]) / 100 * items["points"], 4)
    items["score"] = rnd(items["score"])
    return items.sort_values(["recoverable", "seq"], ascending=[False, True])[
        ["code", "score", "points", "recoverable"]]


def total_from_items(con: Con, *, dataset: str, year: int, unit_id: str) -> pd.DataFrame:
    items = _items(con, dataset, years=[year], unit_id=unit_id)
    items["pts"] = items["score"] / 100 * items["points"]
    rows = [{"tool": tool, "n_items": len(g), "points_max": g["points"].sum(),
             "points": rnd(g["pts"].sum(), 4)} for tool, g in items.groupby("tool")]
    rows.append({"tool": "ITA", "n_items": len(items), "points_max": items["points"].sum(),
                 "points": rnd(items["pts"].sum(), 4)})
    return pd.DataFrame(rows)


def _open_items(con: Con, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    items = _items(con, dataset, years=[year], tool="OIT")
    items = items[items["unit_id"].isin(scope_units(con, scope))].copy()
    items["status"] = np.where(items["score"] >= 100, "full",
                               np.where(items["score"] <= 0, "zero", "partial"))
    return items


def open_item_grid(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    items = _open_items(con, dataset, year, scope)
    return items[["unit_id", "code", "score", "status"]].sort_values(["unit_id", "code"])


def zero_items(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    items = _open_items(con, dataset, year, scope)
    zero = items[items["status"] == "zero"]
    return zero[["unit_id", "code", "points"]].sort_values(["unit_id", "code"])


def item_miss_counts(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    items = _open_items(con, dataset, year, scope)
    items["is_zero"] = items["status"] == "zero"
    items["is_partial"] = items["status"] == "partial"
    out = items.groupby(["framework_id", "code"]).agg(
        n_units=("unit_id", "count"), n_zero=("is_zero", "sum"), n_partial=("is_partial", "sum"))
    out["pct_zero"] = rnd(100.0 * out["n_zero"] / out["n_units"], 1)
    return out.reset_index().sort_values(["framework_id", "code"])


def consecutive_zero_items(con: Con, *, dataset: str, year: int, scope: Scope) -> pd.DataFrame:
    """Walk back year by year from ``year`` while the item stays at zero (same framework)."""
    now = _open_items(con, dataset, year, scope)
    now = now[now["status"] == "zero"]
    if now.empty:
        return pd.DataFrame(columns=["unit_id", "code", "first_year", "last_year", "zero_streak"])
    history = _items(con, dataset, tool="OIT", units=sorted(set(now["unit_id"])))
    zero = {(u, f, c, y) for u, f, c, y, s in history[
        ["unit_id", "framework_id", "code", "fiscal_year", "score"]].itertuples(index=False)
        if s <= 0}
    rows = []
    for u, f, c in now[["unit_id", "framework_id", "code"]].itertuples(index=False):
        first = year
        while (u, f, c, first - 1) in zero:
            first -= 1
        if year - first + 1 >= 2:
            rows.append({"unit_id": u, "code": c, "first_year": first, "last_year": year,
                         "zero_streak": year - first + 1})
    out = pd.DataFrame(rows, columns=["unit_id", "code", "first_year", "last_year",
                                      "zero_streak"])
    return out.sort_values(["unit_id", "code"])


# ------------------------------------------------------------------- registry of checks


@dataclass(frozen=True)
class Check:
    """How to compare a query's frame with its reference."""

    reference: Callable[..., pd.DataFrame]
    keys: tuple[str, ...] = ()      # sort both on these before comparing; () = keep order


REFERENCES: dict[str, Check] = {
    "available_years": Check(available_years),
    "units_per_year": Check(units_per_year),
    "units_in_scope": Check(units_in_scope, ("unit_id",)),
    "rankings": Check(rankings, ("rank", "unit_id")),
    "scope_summary": Check(scope_summary),
    "rating_counts": Check(rating_counts, ("framework_id", "seq")),
    "group_comparison": Check(group_comparison, ("group_id",)),
    "group_trend": Check(group_trend, ("group_id", "fiscal_year")),
    "group_spread": Check(group_spread, ("group_id", "unit_id")),
    "unit_history": Check(unit_history),
    "indicator_deltas": Check(indicator_deltas, ("fiscal_year", "indicator")),
    "radar": Check(radar),
    "indicator_matrix": Check(indicator_matrix, ("unit_id", "indicator")),
    "weakest_indicators": Check(weakest_indicators, ("unit_id",)),
    "weakest_indicator_frequency": Check(weakest_indicator_frequency, ("indicator",)),
    "unit_items": Check(unit_items),
    "weakest_items": Check(weakest_items),
    "points_recoverable": Check(points_recoverable),
    "total_from_items": Check(total_from_items, ("tool",)),
    "open_item_grid": Check(open_item_grid, ("unit_id", "code")),
    "zero_items": Check(zero_items, ("unit_id", "code")),
    "item_miss_counts": Check(item_miss_counts, ("framework_id", "code")),
    "consecutive_zero_items": Check(consecutive_zero_items, ("unit_id", "code")),
}


# Columns printed rounded, with their decimals: compared to within one unit of the last digit.
ROUNDED = {"score": 2, "prev_score": 2, "delta_points": 2, "mean": 2, "median": 2, "min": 2,
           "max": 2, "iit": 2, "eit": 2, "oit": 2, "value": 2, "comparison": 2, "delta": 2,
           "pass_rate": 1, "pct_zero": 1, "recoverable": 4, "points": 4}


def as_frame(result: object) -> pd.DataFrame:
    """A query's result as a frame (``available_years`` returns a list)."""
    if isinstance(result, pd.DataFrame):
        return result
    return pd.DataFrame({"fiscal_year": list(result)})  # type: ignore[call-overload]


def mismatch(name: str, got: object, want: pd.DataFrame) -> str | None:
    """None when the query's result equals the reference on the reference's columns."""
    check = REFERENCES[name]
    frame = as_frame(got)
    missing = [c for c in want.columns if c not in frame.columns]
    if missing:
        return f"columns missing from the query's result: {missing}"
    left, right = frame[list(want.columns)], want
    if check.keys:
        left = left.sort_values(list(check.keys), kind="stable")
        right = right.sort_values(list(check.keys), kind="stable")
    left, right = left.reset_index(drop=True), right.reset_index(drop=True)
    if len(left) != len(right):
        return f"{len(left)} rows, reference {len(right)}"
    for column in want.columns:
        a, b = left[column], right[column]
        if pd.api.types.is_numeric_dtype(a.dtype) or pd.api.types.is_bool_dtype(a.dtype):
            x = pd.to_numeric(a, errors="coerce").astype(float).to_numpy()
            y = pd.to_numeric(b, errors="coerce").astype(float).to_numpy()
            atol = 10.0 ** -ROUNDED[column] + 1e-9 if column in ROUNDED else 1e-9
            close = np.isclose(x, y, rtol=0, atol=atol, equal_nan=True)
            if not close.all():
                bad = int(np.flatnonzero(~close)[0])
                return f"{column}: row {bad} is {x[bad]!r}, reference {y[bad]!r}"
        elif not (a.astype(object).where(a.notna(), None).tolist()
                  == b.astype(object).where(b.notna(), None).tolist()):
            return f"{column}: values differ from the reference"
    return None
