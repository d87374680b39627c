"""What-if: a unit-year's scores with some items at full marks, recomputed under that
year's framework — every node (item, sub-indicator, indicator, tool, total) and the level.

Pure: a read-only connection and keyword parameters in, frames out. The recomputation is
the build's own (:func:`ita_dash.derive.refresh_derived`), run on a private in-memory
database holding only this unit-year and its framework: no second aggregation. A printed
figure is kept where no ticked item lies below it; the ticked items' ancestors (and the
total) lose their printed value and are recomputed from their parts with the framework's
points; the level is then decided by the year's scale, as the build decides it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import duckdb
import pandas as pd

from ita_dash.config import open_duckdb
from ita_dash.derive import refresh_derived
from ita_dash.queries import level_conditions
from ita_dash.schema import create_schema

FULL = 100.0
# the tables copied, each with its fixed statement (no identifier is built from a value)
_COPIED = {name: f"INSERT INTO {name} BY NAME SELECT * FROM incoming"  # noqa: S608
           for name in ("frameworks", "framework_nodes", "rating_levels")}
_NODES = ("framework_id", "code", "parent_code", "kind", "seq", "depth", "tool", "indicator",
          "label_th", "label_en", "points_printed", "points", "status", "source_id", "note")


@dataclass(frozen=True)
class Scenario:
    """The result: ``nodes`` (code, kind, label, points, before, after, change) for every
    node whose value moved or was ticked, ``totals`` (before / after of the total and the
    tools, with the level), ``conditions`` (each level of the year against the new figures,
    as :func:`ita_dash.queries.level_conditions`)."""

    nodes: pd.DataFrame
    before: pd.Series
    after: pd.Series
    conditions: pd.DataFrame


def _ancestors(nodes: pd.DataFrame, codes: Iterable[str]) -> set[str]:
    parent = dict(zip(nodes["code"], nodes["parent_code"], strict=True))
    found: set[str] = set()
    for code in codes:
        at = parent.get(code)
        while isinstance(at, str) and at and at not in found:
            found.add(at)
            at = parent.get(at)
    return found


def _copy(con: duckdb.DuckDBPyConnection, mem: duckdb.DuckDBPyConnection, table: str,
          sql: str, params: Mapping[str, object]) -> pd.DataFrame:
    if table not in _COPIED:  # identifiers only from this whitelist
        raise ValueError(f"not a table the what-if copies: {table!r}")
    frame = con.execute(sql, params).df()
    if not frame.empty:
        mem.register("incoming", frame)
        mem.execute(_COPIED[table])
        mem.unregister("incoming")
    return frame


def scenario(con: duckdb.DuckDBPyConnection, *, dataset: str, unit_id: str, year: int,
             full_marks: Iterable[str]) -> Scenario | None:
    """The unit-year with the items ``full_marks`` at 100; None when it has no scores."""
    key = {"dataset": dataset, "unit_id": unit_id, "year": year}
    row = con.execute("SELECT framework_id FROM unit_years WHERE dataset = $dataset "
                      "AND unit_id = $unit_id AND fiscal_year = $year", key).fetchone()
    if row is None:
        return None
    framework = str(row[0])
    mem = open_duckdb()
    try:
        create_schema(mem)
        fw: dict[str, object] = {"framework_id": framework}
        _copy(con, mem, "frameworks", "SELECT * FROM frameworks WHERE framework_id = $framework_id", fw)
        nodes = _copy(con, mem, "framework_nodes",
                      "SELECT * FROM framework_nodes WHERE framework_id = $framework_id", fw)
        _copy(con, mem, "rating_levels",
              "SELECT * FROM rating_levels WHERE framework_id = $framework_id", fw)
        scores = con.execute("SELECT * FROM scores WHERE dataset = $dataset AND unit_id = $unit_id "
                             "AND fiscal_year = $year", key).df()
        items = set(nodes.loc[nodes["kind"] == "item", "code"])
        ticked = sorted(set(full_marks) & items)
        unprinted = _ancestors(nodes, ticked) if ticked else set()
        tools = set(nodes.loc[nodes["kind"] == "tool", "code"]) & unprinted
        unprinted |= {f"{t}_W" for t in tools}  # a tool's printed weighted points go too
        changed = scores[~scores["code"].isin(unprinted)].copy()
        changed.loc[changed["code"].isin(ticked), "score"] = FULL
        missing = [c for c in ticked if c not in set(changed["code"])]
        if missing:  # an item not printed at all, now at full marks
            extra = pd.DataFrame({"code": missing, "score": FULL})
            for column in ("dataset", "unit_id", "fiscal_year", "framework_id"):
                extra[column] = {"dataset": dataset, "unit_id": unit_id, "fiscal_year": year,
                                 "framework_id": framework}[column]
            changed = pd.concat([changed, extra], ignore_index=True)
        mem.register("incoming", changed)
        mem.execute("INSERT INTO scores BY NAME SELECT * FROM incoming")
        mem.unregister("incoming")
        refresh_derived(mem, dataset, page_tables=False)  # the build's own recomputation
        after_nodes = mem.execute("SELECT code, value AS after FROM node_values").df()
        after_year = mem.execute("SELECT * FROM unit_years").df()
        conditions = level_conditions(mem, dataset=dataset, unit_id=unit_id, year=year)
    finally:
        mem.close()
    before_nodes = con.execute(
        "SELECT code, value AS before FROM node_values WHERE dataset = $dataset "
        "AND unit_id = $unit_id AND fiscal_year = $year", key).df()
    table = (nodes[["code", "kind", "seq", "tool", "indicator", "label_th", "label_en", "points"]]
             .merge(before_nodes, on="code", how="left").merge(after_nodes, on="code", how="left"))
    table["change"] = (table["after"] - table["before"]).round(4)
    moved = table["code"].isin(ticked) | (table["change"].abs() > 1e-9)
    table = table[moved & (table["kind"] != "tool_points")].sort_values("seq")
    before = con.execute("SELECT y.*, l.label_th AS level_th, l.label_en AS level_en "
                         "FROM unit_years y LEFT JOIN rating_levels l ON l.framework_id = "
                         "y.framework_id AND l.seq = y.level_seq WHERE y.dataset = $dataset "
                         "AND y.unit_id = $unit_id AND y.fiscal_year = $year", key).df().iloc[0]
    after = after_year.iloc[0].copy()
    chosen = conditions[conditions["chosen"].fillna(False).astype(bool)]
    after["level_th"] = chosen.iloc[0]["label_th"] if not chosen.empty else None
    after["level_en"] = chosen.iloc[0]["label_en"] if not chosen.empty else None
    return Scenario(nodes=table.reset_index(drop=True), before=before, after=after,
                    conditions=conditions)
