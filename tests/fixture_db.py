"""A small deterministic DuckDB built in code, for exact-frame tests of the query layer.

Framework ``fx`` (points rule): IIT 30 (indicators 1-5, one question each, 6
points), EIT 30 (6-8, 10 points each), OIT 40 (9: sub-indicator 9.1 with O1,
O2 at 10 points each; 10: O3, O4 at 10 points each). Scale: the Bangkok 2567
levels (conditions on each tool). Three units in one group, two years.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from ita_dash.build import insert_frame
from ita_dash.config import open_duckdb
from ita_dash.derive import refresh_derived
from ita_dash.framework.model import compute_points, node_depths
from ita_dash.loader import alias_frame
from ita_dash.problems import Problems
from ita_dash.schema import create_schema

UNITS = [
    ("u-a", "สำนักงานเขตเอ", "A District Office", "เอ", "A"),
    ("u-b", "สำนักงานเขตบี", "B District Office", "บี", "B"),
    ("u-c", "สำนักงานเขตซี", "C District Office", "ซี", "C"),
]

NODES = [  # code, parent, kind, points
    ("ITA", None, "total", 100), ("IIT", "ITA", "tool", 30), ("EIT", "ITA", "tool", 30),
    ("OIT", "ITA", "tool", 40), ("IIT_W", "IIT", "tool_points", None),
    *[(str(i), "IIT", "indicator", None) for i in range(1, 6)],
    *[(str(i), "EIT", "indicator", None) for i in range(6, 9)],
    ("9", "OIT", "indicator", None), ("10", "OIT", "indicator", None),
    ("9.1", "9", "subindicator", None),
    *[(f"I{i}", str(i), "item", 6) for i in range(1, 6)],
    *[(f"E{i}", str(i + 5), "item", 10) for i in range(1, 4)],
    ("O1", "9.1", "item", 10), ("O2", "9.1", "item", 10),
    ("O3", "10", "item", 10), ("O4", "10", "item", 10),
]

LEVELS = [
    (1, "EXCELLENT", "ผ่านดีเยี่ยม", "Pass – excellent", 95, 100, 95),
    (2, "GOOD", "ผ่านดี", "Pass – good", 85, 100, 85),
    (3, "PASS", "ผ่าน", "Pass", 85, 100, None),
    (4, "IMPROVE", "ต้องปรับปรุง", "Needs improvement", 70, 84.99, None),
    (5, "URGENT", "ต้องปรับปรุงโดยด่วน", "Needs urgent improvement", 0, 69.99, None),
]

# unit -> year -> item scores (I1..I5, E1..E3, O1..O4)
ITEM_SCORES = {
    "u-a": {2566: [90, 90, 90, 90, 90, 80, 80, 80, 100, 100, 100, 0],
            2567: [96, 96, 96, 96, 96, 97, 97, 97, 100, 100, 100, 100]},
    "u-b": {2566: [80, 80, 80, 80, 80, 90, 90, 90, 100, 0, 0, 0],
            2567: [99, 99, 99, 99, 99, 99, 99, 99, 100, 100, 0, 100]},
    "u-c": {2567: [70, 70, 70, 70, 70, 70, 70, 70, 0, 0, 0, 0]},
}
# A fourth unit, only with ``gap_unit=True``: scored in 2565 and 2567, not 2566.
GAP_UNIT = ("u-d", "สำนักงานเขตดี", "D District Office", "ดี", "D")
GAP_SCORES = {2565: [60, 60, 60, 60, 60, 60, 60, 60, 100, 0, 100, 0],
              2567: [80, 80, 80, 80, 80, 80, 80, 80, 100, 100, 100, 0]}
ITEM_CODES = ["I1", "I2", "I3", "I4", "I5", "E1", "E2", "E3", "O1", "O2", "O3", "O4"]


def _nodes_frame() -> pd.DataFrame:
    nodes = [{"framework_id": "fx", "code": c, "parent_code": p, "kind": k, "seq": i,
              "label_th": f"ข้อ {c}", "label_en": f"Item {c}", "points_printed": pts,
              "status": "printed", "source_id": None, "note": None}
             for i, (c, p, k, pts) in enumerate(NODES, 1)]
    compute_points(nodes, "points")
    depths = node_depths(nodes)
    for n in nodes:
        n["depth"] = depths[n["code"]]
    return pd.DataFrame(nodes)


def _score_rows(gap_unit: bool = False) -> pd.DataFrame:
    rows = []
    scores = {**ITEM_SCORES, GAP_UNIT[0]: GAP_SCORES} if gap_unit else ITEM_SCORES
    for unit, years in scores.items():
        for year, values in years.items():
            for code, value in zip(ITEM_CODES, values, strict=True):
                rows.append({"dataset": "real", "unit_id": unit, "fiscal_year": year,
                             "framework_id": "fx", "code": code, "score": float(value),
                             "source_id": "fixture", "source_ref": None, "note": None,
                             "import_id": None})
    rows.append({"dataset": "real", "unit_id": "u-a", "fiscal_year": 2567, "framework_id": "fx",
                 "code": "IIT_W", "score": 28.0, "source_id": "fixture",
                 "source_ref": "printed weighted points that disagree with the items",
                 "note": None, "import_id": None})
    return pd.DataFrame(rows)


def make_fixture_db(path: Path, *, gap_unit: bool = False) -> duckdb.DuckDBPyConnection:
    """The fixture database; ``gap_unit`` adds u-d, scored in 2565 and 2567 only."""
    con = open_duckdb(path)
    create_schema(con)
    all_units = [*UNITS, GAP_UNIT] if gap_unit else UNITS
    insert_frame(con, "datasets", pd.DataFrame([{
        "dataset": "real", "seq": 1, "is_synthetic": False, "label_th": "ข้อมูลทดสอบ",
        "label_en": "Fixture", "generator": None, "build_by_default": True,
        "default_year": None, "description_th": "ทดสอบ", "description_en": "fixture"}]))
    units = pd.DataFrame([{"unit_id": u, "name_th": th, "name_en": en, "short_th": sth,
                           "short_en": sen, "unit_type": "district_office",
                           "parent_org": "กรุงเทพมหานคร", "province": "กรุงเทพมหานคร",
                           "origin": "reference", "source_id": None, "note": None}
                          for u, th, en, sth, sen in all_units])
    insert_frame(con, "units", units)
    aliases = [{"alias": a, "unit_id": u, "source_id": None, "note": None}
               for u, th, en, sth, _ in all_units for a in (th, sth, u)]
    insert_frame(con, "unit_aliases", alias_frame(aliases, Problems()))
    insert_frame(con, "unit_groups", pd.DataFrame([{
        "group_id": "g1", "group_set": "peer", "name_th": "กลุ่มหนึ่ง", "name_en": "Group one",
        "source_id": None, "note": None}]))
    insert_frame(con, "group_members", pd.DataFrame(
        [{"group_id": "g1", "unit_id": u} for u, *_ in all_units]))
    insert_frame(con, "frameworks", pd.DataFrame([{
        "framework_id": "fx", "assessor": "TEST", "first_year": 2565 if gap_unit else 2566, "last_year": 2567,
        "name_th": "กรอบทดสอบ", "name_en": "Test framework", "aggregation": "points",
        "pass_mark": 85.0, "source_id": None, "note": None}]))
    insert_frame(con, "framework_nodes", _nodes_frame())
    insert_frame(con, "rating_levels", pd.DataFrame([{
        "framework_id": "fx", "seq": s, "level_code": c, "label_th": th, "label_en": en,
        "min_total": lo, "max_total": hi, "min_each_tool": tool, "color": "#000000",
        "status": "printed", "source_id": None, "note": None}
        for s, c, th, en, lo, hi, tool in LEVELS]))
    ind = [(str(i), "IIT" if i <= 5 else "EIT" if i <= 8 else "OIT") for i in range(1, 11)]
    insert_frame(con, "indicators", pd.DataFrame([{
        "code": c, "tool": t, "seq": int(c), "label_th": f"ตัวชี้วัด {c}",
        "label_en": f"Indicator {c}", "source_id": None} for c, t in ind]))
    insert_frame(con, "scores", _score_rows(gap_unit))
    refresh_derived(con, "real")
    return con
