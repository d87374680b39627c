"""The checks of a framework, wherever it is read from (``data/frameworks/``, the store, an
uploaded template): one set of rules, every problem naming file, line, column and value."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ita_dash.framework.model import (
    AGGREGATIONS,
    FRAMEWORK_COLUMNS,
    LEVEL_COLUMNS,
    NODE_COLUMNS,
    NODE_KINDS,
    PARENT_KIND,
    STATUSES,
    FrameworkParts,
    compute_points,
    node_depths,
    unit_type_list,
)
from ita_dash.problems import Problems
from ita_dash.rows import Record, Rows, error, number_at, read_rows, year_at


def check_status(rows: Rows, line: int, r: dict[str, str], out: Problems,
                 sources: set[str] | None) -> None:
    """A row's ``status`` is one of :data:`STATUSES` and its ``source_id`` a known source."""
    if r.get("status") not in STATUSES:
        error(out, rows, line, "status", r.get("status"), "สถานะไม่ถูกต้อง",
                  f"status must be one of {', '.join(STATUSES)}")
    source = r.get("source_id") or ""
    if sources is not None and source and source not in sources:
        error(out, rows, line, "source_id", source, "ไม่รู้จักแหล่งที่มา (ดู data/sources.csv)",
                  "unknown source (see data/sources.csv)")


def check_overlaps(lines: list[tuple[Rows, int]], frameworks: list[Record],
                   out: Problems) -> None:
    """One framework per (assessor, year), and one default per (unit type, year).

    A unit-year without a framework named takes the framework of its year whose
    ``unit_types`` lists the unit's type, else the one with no ``unit_types``;
    two candidates for the same year would make that choice ambiguous.
    """
    by_assessor: dict[tuple[str, int], str] = {}
    by_scope: dict[tuple[str, int], str] = {}
    for (rows, line), f in zip(lines, frameworks, strict=True):
        first, last, fid = f["first_year"], f["last_year"], str(f["framework_id"])
        if not isinstance(first, int) or not isinstance(last, int):
            continue
        if first > last:
            error(out, rows, line, "last_year", last, "ปีสุดท้ายมาก่อนปีแรก",
                      "the last year comes before the first year")
            continue
        for year in range(first, last + 1):
            key = (str(f["assessor"]).lower(), year)
            if key in by_assessor:
                error(out, rows, line, "first_year", year,
                          f"ผู้ประเมิน {f['assessor']} มีกรอบการประเมินปี {year} อยู่แล้ว "
                          f"({by_assessor[key]})",
                          f"assessor {f['assessor']} already has a framework for {year} "
                          f"({by_assessor[key]})")
            by_assessor.setdefault(key, fid)
            for scope in unit_type_list(f.get("unit_types")) or ["*"]:
                if (scope, year) in by_scope:
                    error(out, rows, line, "unit_types", f.get("unit_types") or "",
                              f"ปี {year} มีกรอบตั้งต้นสำหรับหน่วยงานกลุ่มนี้อยู่แล้ว "
                              f"({by_scope[(scope, year)]})",
                              f"{year} already has a default framework for these units "
                              f"({by_scope[(scope, year)]})")
                by_scope.setdefault((scope, year), fid)


def data_framework_parts(root: Path, out: Problems) -> list[FrameworkParts]:
    """Every framework of ``data/frameworks/`` as read rows (not yet checked)."""
    fw_rows = read_rows(root, "frameworks/frameworks.csv", FRAMEWORK_COLUMNS, out)
    return [FrameworkParts(fw_rows, line, r,
                           read_rows(root, f"frameworks/{r['framework_id']}/nodes.csv",
                                     NODE_COLUMNS, out),
                           read_rows(root, f"frameworks/{r['framework_id']}/rating_levels.csv",
                                     LEVEL_COLUMNS, out))
            for line, r in fw_rows.records]


def merge_framework_parts(base: list[FrameworkParts],
                          later: list[FrameworkParts]) -> list[FrameworkParts]:
    """``base`` with ``later`` applied in order: a framework id already present is replaced
    in place, a new one is added at the end."""
    merged = list(base)
    for parts in later:
        at = [i for i, p in enumerate(merged) if p.framework_id == parts.framework_id]
        if at:
            merged[at[0]] = parts
        else:
            merged.append(parts)
    return merged


def check_frameworks(parts: list[FrameworkParts], out: Problems,
                     sources: set[str] | None = None) -> dict[str, pd.DataFrame]:
    """The frameworks, their nodes and levels checked by one set of rules, wherever they were
    read from; every problem names the file, line, column and value."""
    frameworks: list[Record] = []
    lines: list[tuple[Rows, int]] = []
    nodes: list[Record] = []
    levels: list[Record] = []
    for p in parts:
        fw_rows, line, r = p.frameworks, p.line, p.row
        first = year_at(fw_rows, line, "first_year", r["first_year"], out)
        last = year_at(fw_rows, line, "last_year", r["last_year"], out)
        if r["aggregation"] not in AGGREGATIONS:
            error(out, fw_rows, line, "aggregation", r["aggregation"], "วิธีรวมคะแนนไม่ถูกต้อง",
                  f"aggregation must be one of {', '.join(AGGREGATIONS)}")
        check_status(fw_rows, line, r, out, sources)
        pass_mark = number_at(fw_rows, line, "pass_mark", r["pass_mark"], out, required=False)
        frameworks.append({**{k: r.get(k) for k in ("framework_id", "assessor", "name_th", "name_en",
                                                     "aggregation", "source_id", "note",
                                                     "status")},
                           "unit_types": ";".join(unit_type_list(r.get("unit_types"))) or None,
                           "first_year": first, "last_year": last, "pass_mark": pass_mark})
        lines.append((fw_rows, line))
        fid = r["framework_id"]
        nodes.extend(check_nodes(p.nodes, fid, r["aggregation"], out, sources))
        levels.extend(check_levels(p.levels, fid, out, sources))
    check_overlaps(lines, frameworks, out)
    return {"frameworks": pd.DataFrame(frameworks), "framework_nodes": pd.DataFrame(nodes),
            "rating_levels": pd.DataFrame(levels)}


def read_frameworks(root: Path, out: Problems, sources: set[str] | None = None,
                    later: list[FrameworkParts] | None = None) -> dict[str, pd.DataFrame]:
    """``data/frameworks/``, then ``later`` frameworks (the store's, in log order), checked."""
    parts = merge_framework_parts(data_framework_parts(root, out), later or [])
    tables = check_frameworks(parts, out, sources)
    ind = read_rows(root, "frameworks/indicators.csv", ["code", "tool", "label_th", "label_en"], out)
    tools = read_rows(root, "frameworks/tools.csv", ["code", "label_th", "label_en"], out)
    return {
        **tables,
        "indicators": pd.DataFrame([{**r, "seq": i} for i, (_, r) in enumerate(ind.records, 1)]),
        "tools": pd.DataFrame([{**r, "seq": i} for i, (_, r) in enumerate(tools.records, 1)]),
    }


def check_nodes(rows: Rows, fid: str, aggregation: str, out: Problems,
                sources: set[str] | None = None) -> list[Record]:
    nodes: dict[str, Record] = {}
    for seq, (line, r) in enumerate(rows.records, 1):
        if not r["code"]:
            error(out, rows, line, "code", r["code"], "ไม่มีรหัส", "the code is missing")
            continue
        if r["code"] in nodes:
            error(out, rows, line, "code", r["code"], "รหัสซ้ำ", "duplicate code")
            continue
        if r["kind"] not in NODE_KINDS:
            error(out, rows, line, "kind", r["kind"], "ชนิดของรายการไม่ถูกต้อง",
                  f"kind must be one of {', '.join(NODE_KINDS)}")
        if r["parent_code"] and r["parent_code"] not in nodes:
            error(out, rows, line, "parent_code", r["parent_code"],
                      "ไม่พบรายการแม่ (ต้องอยู่บรรทัดก่อนหน้า)", "parent not defined on an earlier line")
        elif r["kind"] in PARENT_KIND and (
                nodes.get(r["parent_code"], {}).get("kind") != PARENT_KIND[r["kind"]]):
            error(out, rows, line, "parent_code", r["parent_code"],
                      f"รายการชนิด {r['kind']} ต้องอยู่ใต้รายการชนิด {PARENT_KIND[r['kind']]}",
                      f"a {r['kind']} must sit under a {PARENT_KIND[r['kind']]}")
        check_status(rows, line, r, out, sources)
        points = number_at(rows, line, "points", r["points"], out, required=False)
        nodes[r["code"]] = {"framework_id": fid, "code": r["code"],
                            "parent_code": r["parent_code"] or None, "kind": r["kind"], "seq": seq,
                            "label_th": r["label_th"] or None, "label_en": r["label_en"] or None,
                            "points_printed": points, "status": r["status"],
                            "source_id": r.get("source_id"), "note": r.get("note")}
    node_list = list(nodes.values())
    if out.has_errors:
        return node_list
    for th, en in compute_points(node_list, aggregation):
        error(out, rows, None, "points", None, th, en)
    depths = node_depths(node_list)
    for n in node_list:
        n["depth"] = depths[str(n["code"])]
    return node_list


def check_levels(rows: Rows, fid: str, out: Problems,
                 sources: set[str] | None = None) -> list[Record]:
    levels: list[Record] = []
    seen: set[float | None] = set()
    for line, r in rows.records:
        check_status(rows, line, r, out, sources)
        seq = number_at(rows, line, "seq", r["seq"], out)
        if seq is not None and seq in seen:
            error(out, rows, line, "seq", r["seq"], "ลำดับซ้ำ", "duplicate seq")
        seen.add(seq)
        levels.append({
            "framework_id": fid, "seq": int(seq or 0),
            "level_code": r["level_code"], "label_th": r["label_th"], "label_en": r["label_en"],
            "min_total": number_at(rows, line, "min_total", r["min_total"], out),
            "max_total": number_at(rows, line, "max_total", r["max_total"], out),
            "min_each_tool": number_at(rows, line, "min_each_tool", r["min_each_tool"], out,
                                       required=False),
            "color": r["color"], "status": r["status"], "source_id": r.get("source_id"),
            "note": r.get("note"),
        })
    return levels
