"""The framework registry: indicators, items, labels, weights and rating scales.

The registry is data (``data/frameworks/``), loaded into DuckDB by the build.
This module holds the two rules that turn a framework file into effective
points (:func:`compute_points`) and the read side used by the pages and the deck
(:class:`Registry`: indicator labels, framework names). No label, weight or level is written
anywhere else in the code.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ita_dash.palette import GAIN
from ita_dash.rows import Rows

NODE_KINDS = ("total", "tool", "tool_points", "tool_part", "index", "indicator", "subindicator",
              "heading", "item")
AGGREGATIONS = ("points", "equal_split", "unknown")
# how sure a node, level or framework is: printed in a seed report, stated by a cited public
# source, derived by arithmetic from stated figures, plausible but unproven, not known
STATUSES = ("printed", "sourced", "derived", "unconfirmed", "unknown")
# the kind a node's parent must have
PARENT_KIND = {"tool": "total", "index": "total", "tool_points": "tool", "tool_part": "tool"}
FRAMEWORK_COLUMNS = ["framework_id", "assessor", "first_year", "last_year", "name_th", "name_en",
                     "aggregation", "pass_mark", "status"]
NODE_COLUMNS = ["code", "parent_code", "kind", "label_th", "label_en", "points", "status"]
LEVEL_COLUMNS = ["seq", "level_code", "label_th", "label_en", "min_total", "max_total",
                 "min_each_tool", "color", "status"]
EXTRA_COLUMNS = ["source_id", "note"]
# the files of a framework (data/frameworks/<id>/, a store folder) and their columns
PART_FILES = {"frameworks.csv": FRAMEWORK_COLUMNS + ["unit_types", *EXTRA_COLUMNS],
              "nodes.csv": NODE_COLUMNS + EXTRA_COLUMNS,
              "rating_levels.csv": LEVEL_COLUMNS + EXTRA_COLUMNS}

SCORING_KINDS = ("total", "tool", "indicator", "subindicator", "heading", "item")
# Kinds outside the tree of points: a tool's weighted points (IIT_W), a tool's parts (EIT1, EIT2:
# the tool is their points-weighted mean, see derive.TOOL_FROM_PARTS) and the 2561 indices
# (cross-cutting, never summed into the total).
OFF_TREE_KINDS = ("tool_points", "tool_part", "index")
# Statuses under which a weight or a rating level is not established.
UNSURE_STATUSES = ("unconfirmed", "unknown")


def unit_type_list(raw: object) -> list[str]:
    """A framework's ``unit_types``: unit types separated by ';' (none: every other unit)."""
    if not isinstance(raw, str):
        return []
    return [t.strip() for t in raw.split(";") if t.strip()]


def default_frameworks(frameworks: list[dict], year: int, unit_type: str) -> list[str]:
    """The framework(s) a unit of ``unit_type`` takes in ``year`` when none is named: those of
    the year listing the type in ``unit_types``, else those of the year without ``unit_types``
    (the loader makes sure there is at most one)."""
    of_year = [f for f in frameworks if f["first_year"] <= year <= f["last_year"]]
    own = [f["framework_id"] for f in of_year if unit_type in unit_type_list(f["unit_types"])]
    return own or [f["framework_id"] for f in of_year if not unit_type_list(f["unit_types"])]


def children_of(nodes: list[dict]) -> dict[str | None, list[dict]]:
    children: dict[str | None, list[dict]] = {}
    for n in nodes:
        children.setdefault(n["parent_code"], []).append(n)
    return children


def node_depths(nodes: list[dict]) -> dict[str, int]:
    by_code = {n["code"]: n for n in nodes}
    depths: dict[str, int] = {}

    def depth(code: str) -> int:
        if code not in depths:
            parent = by_code[code]["parent_code"]
            depths[code] = 0 if parent is None else depth(parent) + 1
        return depths[code]

    for n in nodes:
        depth(n["code"])
    return depths


def _items_below(code: str, children: dict[str | None, list[dict]]) -> list[dict]:
    items = []
    for child in children.get(code, []):
        if child["kind"] == "item":
            items.append(child)
        elif child["kind"] not in OFF_TREE_KINDS:
            items.extend(_items_below(child["code"], children))
    return items


def _scoring_children(code: str, children: dict[str | None, list[dict]]) -> list[dict]:
    return [c for c in children.get(code, []) if c["kind"] not in OFF_TREE_KINDS]


def _split_equally(node: dict, children: dict[str | None, list[dict]]) -> None:
    """NACC 2563-2565 rule: a parent's points split equally among its parts.

    A sub-indicator (or an indicator without sub-indicators) splits among all
    questions below it, headings being only groupings; a tool among its
    indicators; the total among the tools by their printed weights.
    """
    points = node["points"]
    kids = _scoring_children(node["code"], children)
    if not kids or points is None:
        return
    has_subs = any(k["kind"] == "subindicator" for k in kids)
    if node["kind"] == "subindicator" or (node["kind"] == "indicator" and not has_subs):
        items = _items_below(node["code"], children)
        for item in items:
            item["points"] = points / len(items)
        return
    for kid in kids:
        if kid["kind"] not in ("tool", "item"):
            kid["points"] = points / len(kids)
        elif kid["kind"] == "tool":
            kid["points"] = kid["points_printed"]
        _split_equally(kid, children)


def _sum_up(node: dict, children: dict[str | None, list[dict]]) -> float | None:
    """Fill a node's points with the sum of its parts (printed item points)."""
    kids = _scoring_children(node["code"], children)
    if not kids:
        return node["points"]
    sums = [_sum_up(k, children) for k in kids]
    known = [s for s in sums if s is not None]
    total = sum(known) if len(known) == len(sums) else None
    if node["points"] is None:
        node["points"] = total
    return total


def compute_points(nodes: list[dict], aggregation: str) -> list[tuple[str, str]]:
    """Set each node's effective ``points`` (share of the 100-point total).

    Returns problems (Thai, English) such as item points that do not add up
    to a tool's printed weight.
    """
    for n in nodes:
        n["points"] = (n["points_printed"] if n["kind"] in ("total", "tool", "tool_part", "item")
                       else None)
    children = children_of(nodes)
    roots = children.get(None, [])
    problems: list[tuple[str, str]] = []
    for root in roots:
        if aggregation == "equal_split":
            for n in nodes:
                if n["kind"] == "item":
                    n["points"] = None
            _split_equally(root, children)
            _sum_up(root, children)
        elif aggregation == "points":
            _sum_up(root, children)
            for tool in _scoring_children(root["code"], children):
                total = sum(i["points"] or 0 for i in _items_below(tool["code"], children))
                if tool["points_printed"] is not None and abs(total - tool["points_printed"]) > 1e-6:
                    problems.append((
                        f"คะแนนรายข้อของ {tool['code']} รวมได้ {total:g} ไม่เท่ากับน้ำหนัก "
                        f"{tool['points_printed']:g}",
                        f"item points of {tool['code']} add up to {total:g}, not its weight "
                        f"{tool['points_printed']:g}"))
        else:
            for n in nodes:
                if n["kind"] not in ("total", "tool"):
                    n["points"] = n["points_printed"]
    for n in nodes:
        n["tool"] = _ancestor_of_kind(n, nodes, "tool")
        n["indicator"] = _ancestor_of_kind(n, nodes, "indicator")
    return problems


def _ancestor_of_kind(node: dict, nodes: list[dict], kind: str) -> str | None:
    by_code = {n["code"]: n for n in nodes}
    current: dict | None = node
    while current is not None:
        if current["kind"] == kind:
            return current["code"]
        parent = current["parent_code"]
        current = by_code.get(parent) if parent else None
    return None


# ---------------------------------------------------------------------- read side


class Registry:
    """Read-only view of the frameworks and indicators stored in the database."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.frameworks = con.execute("SELECT * FROM frameworks ORDER BY first_year").df()
        self.indicators = con.execute("SELECT * FROM indicators ORDER BY seq").df()
        self.levels = con.execute("SELECT * FROM rating_levels ORDER BY framework_id, seq").df()

    def indicator_labels(self, lang: str = "th") -> dict[str, str]:
        col = "label_th" if lang == "th" else "label_en"
        return dict(zip(self.indicators["code"], self.indicators[col], strict=True))

    def framework_name(self, framework_id: str, lang: str = "th") -> str:
        row = self.frameworks[self.frameworks["framework_id"] == framework_id]
        return framework_id if row.empty else str(row.iloc[0]["name_th" if lang == "th" else "name_en"])


@dataclass
class FrameworkParts:
    """One framework as read rows, from ``data/frameworks/`` or an uploaded template: its
    row (a line of ``frameworks``), its nodes and its rating levels."""

    frameworks: Rows  # the file holding the framework's row
    line: int
    row: dict[str, str]
    nodes: Rows
    levels: Rows

    @property
    def framework_id(self) -> str:
        return self.row.get("framework_id", "")

    @property
    def row_written(self) -> dict[str, str]:
        """The framework's row as written (before normalising)."""
        for (line, _), raw in zip(self.frameworks.records, self.frameworks.raw, strict=True):
            if line == self.line:
                return raw
        return self.row


def _one_of(values: tuple[str, ...], word: str, sep: str) -> str:
    """'a b หรือ c' / 'a, b or c': a template column's accepted values in words."""
    return f"{sep.join(values[:-1])} {word} {values[-1]}"


_STATUS_TH, _STATUS_EN = _one_of(STATUSES, "หรือ", " "), _one_of(STATUSES, "or", ", ")
# the framework template (a workbook, or three CSV files) in which editors write a framework:
# part -> (sheet / file name, [(column, Thai header, Thai help, English help)])
Column = tuple[str, str, str, str]
PARTS: dict[str, tuple[str, list[Column]]] = {
    "frameworks": ("กรอบการประเมิน", [
        ("framework_id", "รหัสกรอบการประเมิน", "เช่น nacc-2569 (ใช้รหัสเดิมเพื่อแก้ไขกรอบที่มีอยู่)",
         "e.g. nacc-2569 (an existing id corrects that framework)"),
        ("assessor", "ผู้ประเมิน", "เช่น NACC หรือ BMA", "e.g. NACC or BMA"),
        ("first_year", "ปีแรก", "ปีงบประมาณ พ.ศ. ปีแรกที่ใช้", "first Buddhist-Era year"),
        ("last_year", "ปีสุดท้าย", "ปีงบประมาณ พ.ศ. ปีสุดท้ายที่ใช้", "last Buddhist-Era year"),
        ("name_th", "ชื่อภาษาไทย", "ชื่อกรอบการประเมิน", "Thai name"),
        ("name_en", "ชื่อภาษาอังกฤษ", "ชื่อภาษาอังกฤษ", "English name"),
        ("aggregation", "วิธีรวมคะแนน", _one_of(AGGREGATIONS, "หรือ", " ") + " (points: คะแนนรายข้อรวมเป็นน้ำหนัก)",
         _one_of(AGGREGATIONS, "or", ", ")),
        ("pass_mark", "เกณฑ์ผ่าน", "เช่น 85 (เว้นว่างถ้าไม่ทราบ)", "e.g. 85 (blank when unknown)"),
        ("unit_types", "ประเภทหน่วยงานที่ใช้",
         "เว้นว่าง = ทุกหน่วยงาน หรือเช่น district_office คั่นด้วย ;",
         "blank = every unit, or e.g. district_office, separated by ;"),
        ("status", "สถานะ", _STATUS_TH, _STATUS_EN),
        ("source_id", "แหล่งที่มา", "รหัสแหล่งที่มาใน data/sources.csv", "a source id of data/sources.csv"),
        ("note", "หมายเหตุ", "ที่มาหรือวิธีคิด", "where it comes from, the arithmetic"),
    ]),
    "nodes": ("รายการ", [
        ("code", "รหัส", "เช่น ITA IIT EIT OIT 1-10 9.1 I1 O1", "e.g. ITA, IIT, 1-10, 9.1, I1, O1"),
        ("parent_code", "รหัสรายการแม่", "ต้องอยู่แถวก่อนหน้า (ITA ไม่มีรายการแม่)",
         "defined on an earlier row (ITA has none)"),
        ("kind", "ชนิด", _one_of(NODE_KINDS, "หรือ", " "), _one_of(NODE_KINDS, "or", ", ")),
        ("label_th", "ชื่อภาษาไทย", "ตามที่แหล่งที่มาพิมพ์ (เว้นว่างถ้าไม่ทราบ)",
         "as the source prints it (blank when unknown)"),
        ("label_en", "ชื่อภาษาอังกฤษ", "", ""),
        ("points", "คะแนนเต็ม", "ITA 100 เครื่องมือ = น้ำหนัก เช่น 30 (เว้นว่างถ้าไม่ทราบ)",
         "ITA 100, a tool its weight e.g. 30 (blank when unknown)"),
        ("status", "สถานะ", _STATUS_TH, _STATUS_EN),
        ("source_id", "แหล่งที่มา", "รหัสแหล่งที่มาใน data/sources.csv", "a source id of data/sources.csv"),
        ("note", "หมายเหตุ", "", ""),
    ]),
    "levels": ("ระดับผลการประเมิน", [
        ("seq", "ลำดับ", "1 = ระดับดีที่สุด", "1 = the best level"),
        ("level_code", "รหัสระดับ", "เช่น EXCELLENT หรือ A", "e.g. EXCELLENT or A"),
        ("label_th", "ชื่อระดับภาษาไทย", "เช่น ผ่านดีเยี่ยม", "e.g. ผ่านดีเยี่ยม"),
        ("label_en", "ชื่อระดับภาษาอังกฤษ", "", ""),
        ("min_total", "คะแนนรวมต่ำสุด", "เช่น 95", "e.g. 95"),
        ("max_total", "คะแนนรวมสูงสุด", "เช่น 100", "e.g. 100"),
        ("min_each_tool", "คะแนนต่ำสุดของทุกเครื่องมือ", "IIT EIT OIT แต่ละตัวต้องไม่ต่ำกว่านี้ (เว้นว่างได้)",
         "IIT, EIT and OIT must each reach it (may be blank)"),
        ("color", "สี", f"เช่น {GAIN}", f"e.g. {GAIN}"),
        ("status", "สถานะ", _STATUS_TH, _STATUS_EN),
        ("source_id", "แหล่งที่มา", "รหัสแหล่งที่มาใน data/sources.csv", "a source id of data/sources.csv"),
        ("note", "หมายเหตุ", "", ""),
    ]),
}
REQUIRED = {"frameworks": FRAMEWORK_COLUMNS, "nodes": NODE_COLUMNS, "levels": LEVEL_COLUMNS}
# the header that tells the parts apart
KEY_COLUMN = {"frameworks": "framework_id", "nodes": "kind", "levels": "level_code"}
CSV_NAMES = {"frameworks": "framework.csv", "nodes": "nodes.csv", "levels": "rating_levels.csv"}
