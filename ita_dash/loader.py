"""Read and validate the source files in ``data/``.

Every problem is reported with the file, the line and what is wrong, in Thai
and English; :func:`load_source_data` raises :class:`DataError` when any file
has an error, before anything is written to a database.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ita_dash.problems import DataError, Problem
from ita_dash.registry import compute_points, node_depths
from ita_dash.thai import district_short_name, name_key, normalize_text
from ita_dash.thailand import region_of

NODE_KINDS = ("total", "tool", "tool_points", "indicator", "subindicator", "heading", "item")
AGGREGATIONS = ("points", "equal_split", "unknown")
BANGKOK = "กรุงเทพมหานคร"


@dataclass
class Rows:
    """The rows of one CSV file, with their line numbers."""

    path: str
    records: list[tuple[int, dict[str, str]]]


@dataclass
class SourceData:
    """Everything read from ``data/``, validated and ready to insert."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    fingerprint: str = ""


class Collector:
    """Collects problems while files are read."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, rows: Rows | str, line: int | None, column: str | None,
              value: object, th: str, en: str) -> None:
        path = rows.path if isinstance(rows, Rows) else rows
        shown = None if value is None else str(value)
        self.problems.append(Problem(path, line, column, shown, th, en))


def fingerprint_files(root: Path) -> str:
    """A hash of every CSV file under ``root`` (detects edited data)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.csv")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_rows(root: Path, relative: str, required: list[str], out: Collector) -> Rows:
    """Read one UTF-8 CSV file; report missing files or columns."""
    path = root / relative
    shown = f"data/{relative}"
    if not path.exists():
        out.error(shown, None, None, None, "ไม่พบไฟล์", "file not found")
        return Rows(shown, [])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        out.error(shown, None, None, None, "ไฟล์ไม่ได้เข้ารหัส UTF-8", f"file is not UTF-8 ({exc.reason})")
        return Rows(shown, [])
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        out.error(shown, 1, ", ".join(missing), None, "ไม่มีคอลัมน์ที่ต้องมี", "required columns are missing")
        return Rows(shown, [])
    records = []
    for record in reader:
        clean = {k: normalize_text(v or "") for k, v in record.items() if k is not None}
        records.append((reader.line_num, clean))
    return Rows(shown, records)


def parse_number(rows: Rows, line: int, column: str, raw: str, out: Collector,
                 *, required: bool = True) -> float | None:
    text = raw.replace(",", "").strip()
    if not text:
        if required:
            out.error(rows, line, column, raw, "ไม่มีค่า", "value is missing")
        return None
    try:
        return float(text)
    except ValueError:
        out.error(rows, line, column, raw, "ไม่ใช่ตัวเลข", "not a number")
        return None


def parse_year(rows: Rows, line: int, raw: str, out: Collector) -> int | None:
    if not raw.isdigit() or not 2500 <= int(raw) <= 2700:
        out.error(rows, line, "fiscal_year", raw, "ปีงบประมาณต้องเป็น พ.ศ. 4 หลัก",
                  "fiscal year must be a 4-digit Buddhist-Era year")
        return None
    return int(raw)


# --------------------------------------------------------------------------- units


def read_units(root: Path, out: Collector) -> dict[str, pd.DataFrame]:
    bkk = read_rows(root, "units/bangkok_districts.csv",
                    ["unit_id", "name_th", "name_en", "district_group_th", "district_group_en"], out)
    other = read_rows(root, "units/other_units.csv",
                      ["unit_id", "name_th", "name_en", "short_th", "short_en", "unit_type"], out)
    units, aliases, groups, members = [], [], {}, []
    for _, r in bkk.records:
        units.append({
            "unit_id": r["unit_id"], "name_th": f"สำนักงานเขต{r['name_th']}",
            "name_en": f"{r['name_en']} District Office", "short_th": r["name_th"],
            "short_en": r["name_en"], "unit_type": "district_office", "parent_org": BANGKOK,
            "province": BANGKOK, "region": region_of(BANGKOK), "origin": "reference",
            "source_id": "bangkok_districts",
            "note": r.get("source", ""),
        })
        for alias in (r["name_th"], f"เขต{r['name_th']}", f"สำนักงานเขต{r['name_th']}",
                      r["name_en"], f"{r['name_en']} District", f"{r['name_en']} District Office"):
            aliases.append({"alias": alias, "unit_id": r["unit_id"], "source_id": "bangkok_districts",
                            "note": "derived from the district name"})
        group_id = "bkk-" + name_key(r["district_group_en"]).replace(" ", "-")
        groups[group_id] = {"group_id": group_id, "group_set": "bkk_district_group",
                            "name_th": f"กลุ่มเขต{r['district_group_th']}",
                            "name_en": r["district_group_en"], "source_id": "bangkok_districts",
                            "note": "data/units/SOURCES.md"}
        members.append({"group_id": group_id, "unit_id": r["unit_id"]})
    for _, r in other.records:
        units.append({**{k: r.get(k, "") for k in ("unit_id", "name_th", "name_en", "short_th",
                                                     "short_en", "unit_type", "parent_org",
                                                     "province", "source_id", "note")},
                      "region": region_of(r.get("province")), "origin": "reference"})
        for alias in (r["name_th"], r["short_th"], r["name_en"]):
            aliases.append({"alias": alias, "unit_id": r["unit_id"], "source_id": r.get("source_id"),
                            "note": "derived from the unit name"})
    for u in units:
        aliases.append({"alias": u["unit_id"], "unit_id": u["unit_id"], "source_id": None,
                        "note": "unit id"})
    explicit = read_rows(root, "units/aliases.csv", ["alias", "unit_id"], out)
    known = {u["unit_id"] for u in units}
    for line, r in explicit.records:
        if r["unit_id"] not in known:
            out.error(explicit, line, "unit_id", r["unit_id"], "ไม่รู้จักรหัสหน่วยงาน", "unknown unit id")
            continue
        aliases.append({"alias": r["alias"], "unit_id": r["unit_id"],
                        "source_id": r.get("source_id"), "note": r.get("note")})
    return {
        "units": pd.DataFrame(units),
        "unit_aliases": alias_frame(aliases, out),
        "unit_groups": pd.DataFrame(list(groups.values())),
        "group_members": pd.DataFrame(members),
    }


def alias_frame(aliases: list[dict], out: Collector) -> pd.DataFrame:
    seen: dict[str, str] = {}
    rows = []
    for a in aliases:
        key = name_key(a["alias"])
        if not key:
            continue
        if key in seen:
            if seen[key] != a["unit_id"]:
                out.error("data/units/aliases.csv", None, "alias", a["alias"],
                          "ชื่อนี้ใช้กับหน่วยงานมากกว่าหนึ่งแห่ง", "alias names two different units")
            continue
        seen[key] = a["unit_id"]
        rows.append({"alias_key": key, **a})
    return pd.DataFrame(rows)


class UnitResolver:
    """Resolves a unit name as printed (or an alias) to its unit id."""

    def __init__(self, aliases: pd.DataFrame):
        self.by_key = dict(zip(aliases["alias_key"], aliases["unit_id"], strict=True))
        self.names = dict(zip(aliases["alias_key"], aliases["alias"], strict=True))

    def resolve(self, name: str) -> str | None:
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        return self.by_key.get(name_key(district_short_name(name)))

    def suggest(self, name: str, n: int = 3) -> list[str]:
        keys = difflib.get_close_matches(name_key(name), list(self.by_key), n=n, cutoff=0.5)
        return [self.names[k] for k in keys]


def resolve_unit(resolver: UnitResolver, rows: Rows, line: int, raw: str, out: Collector) -> str | None:
    unit_id = resolver.resolve(raw)
    if unit_id is None:
        hint = ", ".join(resolver.suggest(raw)) or "-"
        out.error(rows, line, "unit", raw, f"ไม่รู้จักหน่วยงาน (ชื่อใกล้เคียง: {hint})",
                  f"unknown unit (closest known names: {hint})")
    return unit_id


# ----------------------------------------------------------------------- frameworks


def read_frameworks(root: Path, out: Collector) -> dict[str, pd.DataFrame]:
    fw_rows = read_rows(root, "frameworks/frameworks.csv",
                        ["framework_id", "assessor", "first_year", "last_year", "name_th",
                         "name_en", "aggregation", "pass_mark"], out)
    frameworks, nodes, levels = [], [], []
    for line, r in fw_rows.records:
        first = parse_year(fw_rows, line, r["first_year"], out)
        last = parse_year(fw_rows, line, r["last_year"], out)
        if r["aggregation"] not in AGGREGATIONS:
            out.error(fw_rows, line, "aggregation", r["aggregation"], "วิธีรวมคะแนนไม่ถูกต้อง",
                      f"aggregation must be one of {', '.join(AGGREGATIONS)}")
        pass_mark = parse_number(fw_rows, line, "pass_mark", r["pass_mark"], out)
        frameworks.append({**{k: r.get(k) for k in ("framework_id", "assessor", "name_th", "name_en",
                                                     "aggregation", "source_id", "note")},
                           "first_year": first, "last_year": last, "pass_mark": pass_mark})
        fid = r["framework_id"]
        nodes.extend(read_nodes(root, fid, r["aggregation"], out))
        levels.extend(read_levels(root, fid, out))
    ind = read_rows(root, "frameworks/indicators.csv", ["code", "tool", "label_th", "label_en"], out)
    tools = read_rows(root, "frameworks/tools.csv", ["code", "label_th", "label_en"], out)
    return {
        "frameworks": pd.DataFrame(frameworks),
        "framework_nodes": pd.DataFrame(nodes),
        "rating_levels": pd.DataFrame(levels),
        "indicators": pd.DataFrame([{**r, "seq": i} for i, (_, r) in enumerate(ind.records, 1)]),
        "tools": pd.DataFrame([{**r, "seq": i} for i, (_, r) in enumerate(tools.records, 1)]),
    }


def read_nodes(root: Path, fid: str, aggregation: str, out: Collector) -> list[dict]:
    rows = read_rows(root, f"frameworks/{fid}/nodes.csv",
                     ["code", "parent_code", "kind", "label_th", "label_en", "points", "status"], out)
    nodes: dict[str, dict] = {}
    for seq, (line, r) in enumerate(rows.records, 1):
        if r["code"] in nodes:
            out.error(rows, line, "code", r["code"], "รหัสซ้ำ", "duplicate code")
            continue
        if r["kind"] not in NODE_KINDS:
            out.error(rows, line, "kind", r["kind"], "ชนิดของรายการไม่ถูกต้อง",
                      f"kind must be one of {', '.join(NODE_KINDS)}")
        if r["parent_code"] and r["parent_code"] not in nodes:
            out.error(rows, line, "parent_code", r["parent_code"],
                      "ไม่พบรายการแม่ (ต้องอยู่บรรทัดก่อนหน้า)", "parent not defined on an earlier line")
        points = parse_number(rows, line, "points", r["points"], out, required=False)
        nodes[r["code"]] = {"framework_id": fid, "code": r["code"],
                            "parent_code": r["parent_code"] or None, "kind": r["kind"], "seq": seq,
                            "label_th": r["label_th"] or None, "label_en": r["label_en"] or None,
                            "points_printed": points, "status": r["status"],
                            "source_id": r.get("source_id"), "note": r.get("note")}
    node_list = list(nodes.values())
    if out.problems:
        return node_list
    for problem in compute_points(node_list, aggregation):
        out.error(rows, None, "points", None, problem[0], problem[1])
    depths = node_depths(node_list)
    for n in node_list:
        n["depth"] = depths[n["code"]]
    return node_list


def read_levels(root: Path, fid: str, out: Collector) -> list[dict]:
    rows = read_rows(root, f"frameworks/{fid}/rating_levels.csv",
                     ["seq", "level_code", "label_th", "label_en", "min_total", "max_total",
                      "min_each_tool", "color", "status"], out)
    levels = []
    for line, r in rows.records:
        levels.append({
            "framework_id": fid, "seq": int(parse_number(rows, line, "seq", r["seq"], out) or 0),
            "level_code": r["level_code"], "label_th": r["label_th"], "label_en": r["label_en"],
            "min_total": parse_number(rows, line, "min_total", r["min_total"], out),
            "max_total": parse_number(rows, line, "max_total", r["max_total"], out),
            "min_each_tool": parse_number(rows, line, "min_each_tool", r["min_each_tool"], out,
                                          required=False),
            "color": r["color"], "status": r["status"], "source_id": r.get("source_id"),
            "note": r.get("note"),
        })
    return levels


# ------------------------------------------------------------------------- figures


class FrameworkIndex:
    """Fast checks of framework ids, years and codes while reading figures."""

    def __init__(self, frameworks: pd.DataFrame, nodes: pd.DataFrame):
        self.years = {r.framework_id: (r.first_year, r.last_year) for r in frameworks.itertuples()}
        self.nodes = {(r.framework_id, r.code): r for r in nodes.itertuples()}
        self.weights = {(r.framework_id, r.code): r.points for r in nodes.itertuples()
                        if r.kind == "tool"}

    def check(self, rows: Rows, line: int, fid: str, year: int | None, code: str | None,
              out: Collector) -> bool:
        if fid not in self.years:
            out.error(rows, line, "framework_id", fid, "ไม่รู้จักกรอบการประเมิน", "unknown framework")
            return False
        first, last = self.years[fid]
        if year is not None and not first <= year <= last:
            out.error(rows, line, "fiscal_year", year,
                      f"ปีนี้ไม่อยู่ในกรอบการประเมิน {fid} (พ.ศ. {first}-{last})",
                      f"year is outside framework {fid} ({first}-{last})")
            return False
        if code is not None and (fid, code) not in self.nodes:
            out.error(rows, line, "code", code, f"ไม่มีรหัสนี้ในกรอบการประเมิน {fid}",
                      f"code is not in framework {fid}")
            return False
        return True

    def max_score(self, fid: str, code: str) -> float:
        node = self.nodes[(fid, code)]
        if node.kind == "tool_points":
            return float(self.weights.get((fid, node.parent_code), 100.0))
        return 100.0


def check_score_range(rows: Rows, line: int, value: float, maximum: float, out: Collector) -> bool:
    if not 0 <= value <= maximum:
        out.error(rows, line, "score", value, f"คะแนนต้องอยู่ระหว่าง 0 ถึง {maximum:g}",
                  f"score must be between 0 and {maximum:g}")
        return False
    return True


def figure_rows(rows: Rows) -> Iterator[tuple[int, dict[str, str]]]:
    yield from rows.records


def read_scores(root: Path, resolver: UnitResolver, index: FrameworkIndex,
                out: Collector) -> pd.DataFrame:
    rows = read_rows(root, "real/scores.csv",
                     ["unit", "fiscal_year", "framework_id", "code", "score", "source_id"], out)
    seen: dict[tuple, tuple[int, float]] = {}
    records = []
    for line, r in figure_rows(rows):
        unit_id = resolve_unit(resolver, rows, line, r["unit"], out)
        year = parse_year(rows, line, r["fiscal_year"], out)
        value = parse_number(rows, line, "score", r["score"], out)
        ok = index.check(rows, line, r["framework_id"], year, r["code"], out)
        if None in (unit_id, year, value) or not ok:
            continue
        if not check_score_range(rows, line, value, index.max_score(r["framework_id"], r["code"]), out):
            continue
        key = (unit_id, year, r["code"])
        if key in seen:
            first_line, first_value = seen[key]
            if first_value != value:
                out.error(rows, line, "score", value,
                          f"ซ้ำกับบรรทัด {first_line} แต่คะแนนต่างกัน ({first_value:g})",
                          f"duplicates line {first_line} with a different score ({first_value:g})")
            continue
        seen[key] = (line, value)
        records.append({"dataset": "real", "unit_id": unit_id, "fiscal_year": year,
                        "framework_id": r["framework_id"], "code": r["code"], "score": value,
                        "source_id": r["source_id"], "source_ref": r.get("source_ref"),
                        "note": r.get("note") or None, "import_id": None})
    return pd.DataFrame(records)


def read_unit_year_file(root: Path, relative: str, required: list[str], resolver: UnitResolver,
                        index: FrameworkIndex, out: Collector, *, has_code: bool,
                        has_score: bool) -> list[dict]:
    """Shared reader for the per unit-year files (ratings, references, conflicts...)."""
    rows = read_rows(root, relative, ["unit", "fiscal_year", *required], out)
    records = []
    for line, r in figure_rows(rows):
        unit_id = resolve_unit(resolver, rows, line, r["unit"], out)
        year = parse_year(rows, line, r["fiscal_year"], out)
        fid = r.get("framework_id")
        code = r.get("code") or None if has_code else None
        if fid is not None and not index.check(rows, line, fid, year, code, out):
            continue
        value = parse_number(rows, line, "score", r["score"], out) if has_score else None
        if value is not None and not check_score_range(rows, line, value, 100.0, out):
            continue
        if unit_id is None or year is None:
            continue
        rec = {k: (v or None) for k, v in r.items() if k != "unit"}
        rec.update({"dataset": "real", "unit_id": unit_id, "fiscal_year": year})
        if has_score:
            rec["score"] = value
        records.append(rec)
    return records


def read_real_figures(root: Path, resolver: UnitResolver, index: FrameworkIndex,
                      out: Collector) -> dict[str, pd.DataFrame]:
    ratings = read_unit_year_file(root, "real/printed_ratings.csv", ["framework_id", "level_code"],
                                  resolver, index, out, has_code=False, has_score=False)
    refs = read_unit_year_file(root, "real/reference_scores.csv",
                               ["framework_id", "code", "ref_kind", "score"], resolver, index, out,
                               has_code=True, has_score=True)
    conflicts = read_unit_year_file(root, "real/conflicts.csv", ["printed_values", "rule"],
                                    resolver, index, out, has_code=False, has_score=False)
    unplaced = read_unit_year_file(root, "real/unplaced_figures.csv", ["framework_id", "score"],
                                   resolver, index, out, has_code=False, has_score=True)
    measures = read_unit_year_file(root, "real/measures.csv", ["measure"], resolver, index, out,
                                   has_code=True, has_score=False)
    for i, m in enumerate(measures, 1):
        m["measure_id"] = i
    return {"printed_ratings": pd.DataFrame(ratings), "reference_scores": pd.DataFrame(refs),
            "conflicts": pd.DataFrame(conflicts), "unplaced_figures": pd.DataFrame(unplaced),
            "measures": pd.DataFrame(measures)}


def read_groups(root: Path, resolver: UnitResolver, out: Collector) -> dict[str, pd.DataFrame]:
    groups = read_rows(root, "groups/peer_groups.csv", ["group_id", "name_th", "name_en"], out)
    members = read_rows(root, "groups/peer_group_members.csv", ["group_id", "unit"], out)
    ids = {r["group_id"] for _, r in groups.records}
    rows = []
    for line, r in members.records:
        if r["group_id"] not in ids:
            out.error(members, line, "group_id", r["group_id"], "ไม่รู้จักกลุ่ม", "unknown group")
            continue
        unit_id = resolve_unit(resolver, members, line, r["unit"], out)
        if unit_id:
            rows.append({"group_id": r["group_id"], "unit_id": unit_id})
    group_rows = [{**r, "group_set": "peer"} for _, r in groups.records]
    return {"unit_groups": pd.DataFrame(group_rows), "group_members": pd.DataFrame(rows)}


def read_sources(root: Path, out: Collector) -> pd.DataFrame:
    rows = read_rows(root, "sources.csv", ["source_id", "file", "title_th"], out)
    records = [{**r, "fiscal_year": int(r["fiscal_year"]) if r.get("fiscal_year") else None}
               for _, r in rows.records]
    records.append({"source_id": "bangkok_districts", "file": "data/units/bangkok_districts.csv",
                    "title_th": "รายชื่อสำนักงานเขตและกลุ่มเขต", "unit_th": None,
                    "fiscal_year": None, "note": "See data/units/SOURCES.md"})
    records.append({"source_id": "demo-synthetic", "file": "data/demo/demo.csv",
                    "title_th": "ข้อมูลสาธิต สังเคราะห์จากเลขสุ่มที่กำหนดค่าเริ่มต้น (ไม่ใช่ผลจริง)",
                    "unit_th": None, "fiscal_year": None,
                    "note": "Synthetic demo data generated by ita_dash/demo.py; not real results"})
    return pd.DataFrame(records)


def read_demo_years(root: Path, index: FrameworkIndex, out: Collector) -> pd.DataFrame:
    rows = read_rows(root, "demo/demo.csv", ["fiscal_year", "framework_id"], out)
    records = []
    for line, r in rows.records:
        year = parse_year(rows, line, r["fiscal_year"], out)
        if year is not None and index.check(rows, line, r["framework_id"], None, None, out):
            records.append({"fiscal_year": year, "framework_id": r["framework_id"],
                            "note": r.get("note")})
    return pd.DataFrame(records)


def read_datasets(root: Path, out: Collector) -> pd.DataFrame:
    """``datasets.csv``: each dataset's name, labels, synthetic flag and generator."""
    rows = read_rows(root, "datasets.csv", ["dataset", "seq", "label_th", "label_en",
                                            "is_synthetic", "generator", "build_by_default",
                                            "default_year", "description_th",
                                            "description_en"], out)
    records = []
    for line, r in rows.records:
        flags = {}
        for column in ("is_synthetic", "build_by_default"):
            value = r[column].strip().lower()
            if value not in ("true", "false"):
                out.error(rows, line, column, r[column], "ต้องเป็น true หรือ false",
                          "must be true or false")
            flags[column] = value == "true"
        year = parse_year(rows, line, r["default_year"], out) if r["default_year"] else None
        records.append({**r, **flags, "seq": int(r["seq"] or 0), "default_year": year,
                        "generator": r["generator"] or None})
    return pd.DataFrame(records)


def load_source_data(root: Path) -> SourceData:
    """Read every file under ``root``; raise :class:`DataError` on any problem."""
    out = Collector()
    tables: dict[str, pd.DataFrame] = {"sources": read_sources(root, out),
                                       "datasets": read_datasets(root, out)}
    tables.update(read_units(root, out))
    tables.update(read_frameworks(root, out))
    if out.problems:
        raise DataError(out.problems)
    resolver = UnitResolver(tables["unit_aliases"])
    index = FrameworkIndex(tables["frameworks"], tables["framework_nodes"])
    peer = read_groups(root, resolver, out)
    tables["unit_groups"] = pd.concat([tables["unit_groups"], peer["unit_groups"]], ignore_index=True)
    tables["group_members"] = pd.concat([tables["group_members"], peer["group_members"]],
                                        ignore_index=True)
    tables["scores"] = read_scores(root, resolver, index, out)
    tables.update(read_real_figures(root, resolver, index, out))
    tables["demo_years"] = read_demo_years(root, index, out)
    if out.problems:
        raise DataError(out.problems)
    return SourceData(tables=tables, fingerprint=fingerprint_files(root))
