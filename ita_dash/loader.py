"""Read and validate the source files in ``data/``.

The figures are checked by the rules shared with the importer
(:mod:`ita_dash.rules`); every problem names the file, the line, the column and
the value, in Thai and English. :func:`load_source_data` raises
:class:`DataError` when any file has an error, before anything is written to a
database.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from ita_dash import rules
from ita_dash.problems import Problems
from ita_dash.registry import compute_points, node_depths, unit_type_list
from ita_dash.rules import Frameworks, UnitResolver
from ita_dash.thai import name_key, normalize_text
from ita_dash.thailand import region_of

NODE_KINDS = ("total", "tool", "tool_points", "tool_part", "index", "indicator", "subindicator",
              "heading", "item")
AGGREGATIONS = ("points", "equal_split", "unknown")
# how sure a node, level or framework is: printed in a seed report, stated by a cited public
# source, derived by arithmetic from stated figures, plausible but unproven, not known
STATUSES = ("printed", "sourced", "derived", "unconfirmed", "unknown")
# the kind a node's parent must have
PARENT_KIND = {"tool": "total", "index": "total", "tool_points": "tool", "tool_part": "tool"}
BANGKOK = "กรุงเทพมหานคร"
# the columns of data/ files named as the shared rules name them
FIELDS = {"unit": "unit", "fiscal_year": "year", "framework_id": "framework", "code": "code",
          "score": "score"}
Record = dict[str, object]


@dataclass
class Rows:
    """The rows of one CSV file, with their line numbers."""

    path: str
    records: list[tuple[int, dict[str, str]]]  # normalised text (Thai digits, spaces)
    raw: list[dict[str, str]] = field(default_factory=list)  # as written

    def frame(self) -> pd.DataFrame:
        """The rows as a frame: ``row`` (the line) and the columns as the rules name them;
        the fields the rules check are as written, so that a problem shows them so."""
        columns = list(self.records[0][1]) if self.records else []
        written = [{**r, **{k: raw[k] for k in FIELDS if k in raw}}
                   for (_, r), raw in zip(self.records, self.raw, strict=True)]
        frame = pd.DataFrame(written, columns=columns, dtype=object)
        frame = frame.rename(columns=FIELDS)
        frame.insert(0, "row", [line for line, _ in self.records])
        return frame.assign(column="score")


@dataclass
class SourceData:
    """Everything read from ``data/``, validated and ready to insert."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    fingerprint: str = ""


def error(out: Problems, where: Rows | str, line: int | None, column: str | None,
          value: object, th: str, en: str) -> None:
    """Report an error in one place of a file under ``data/``."""
    out.add("error", line, column, value, th, en, file=where.path if isinstance(where, Rows)
            else where)


def fingerprint_files(root: Path) -> str:
    """A hash of every CSV file under ``root`` (detects edited data)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.csv")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_rows(root: Path, relative: str, required: list[str], out: Problems, *,
              label: str = "data") -> Rows:
    """Read one UTF-8 CSV file; report missing files or columns (the file shown as
    ``label/relative``)."""
    path = root / relative
    shown = f"{label}/{relative}"
    if not path.exists():
        error(out, shown, None, None, None, "ไม่พบไฟล์", "file not found")
        return Rows(shown, [])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        error(out, shown, None, None, None, "ไฟล์ไม่ได้เข้ารหัส UTF-8",
              f"file is not UTF-8 ({exc.reason})")
        return Rows(shown, [])
    reader = csv.DictReader(text.splitlines())
    written = [(reader.line_num, {k: v or "" for k, v in record.items() if k is not None})
               for record in reader]
    return rows_of(shown, list(reader.fieldnames or []), written, required, out)


def rows_of(shown: str, columns: list[str], written: list[tuple[int, dict[str, str]]],
            required: list[str], out: Problems, *, header_line: int = 1) -> Rows:
    """Rows from any source (a CSV file under ``data/``, a sheet of an uploaded template):
    ``written`` holds (line, {column: text as written}); missing columns are reported."""
    missing = [c for c in required if c not in columns]
    if missing:
        error(out, shown, header_line, ", ".join(missing), None, "ไม่มีคอลัมน์ที่ต้องมี",
              "required columns are missing")
        return Rows(shown, [])
    records = [(line, {k: normalize_text(v) for k, v in r.items()}) for line, r in written]
    return Rows(shown, records, [r for _, r in written])


def number_at(rows: Rows, line: int, column: str, raw: str, out: Problems, *,
              required: bool = True) -> float | None:
    value, th, en = rules.number(raw, required=required)
    if th:
        error(out, rows, line, column, raw, th, en)
    return value


def year_at(rows: Rows, line: int, column: str, raw: str, out: Problems) -> int | None:
    year, th, en = rules.be_year(raw)
    if year is None:
        error(out, rows, line, column, raw, th, en)
    return year


# --------------------------------------------------------------------------- units


def read_units(root: Path, out: Problems) -> dict[str, pd.DataFrame]:
    bkk = read_rows(root, "units/bangkok_districts.csv",
                    ["unit_id", "name_th", "name_en", "district_group_th", "district_group_en"], out)
    other = read_rows(root, "units/other_units.csv",
                      ["unit_id", "name_th", "name_en", "short_th", "short_en", "unit_type"], out)
    units: list[Record] = []
    aliases: list[Record] = []
    groups: dict[str, Record] = {}
    members: list[Record] = []
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
            error(out, explicit, line, "unit_id", r["unit_id"], "ไม่รู้จักรหัสหน่วยงาน",
                  "unknown unit id")
            continue
        aliases.append({"alias": r["alias"], "unit_id": r["unit_id"],
                        "source_id": r.get("source_id"), "note": r.get("note")})
    return {
        "units": pd.DataFrame(units),
        "unit_aliases": alias_frame(aliases, out),
        "unit_groups": pd.DataFrame(list(groups.values())),
        "group_members": pd.DataFrame(members),
    }


def alias_frame(aliases: list[Record], out: Problems) -> pd.DataFrame:
    seen: dict[str, object] = {}
    rows = []
    for a in aliases:
        key = name_key(str(a["alias"]))
        if not key:
            continue
        if key in seen:
            if seen[key] != a["unit_id"]:
                error(out, "data/units/aliases.csv", None, "alias", a["alias"],
                      "ชื่อนี้ใช้กับหน่วยงานมากกว่าหนึ่งแห่ง", "alias names two different units")
            continue
        seen[key] = a["unit_id"]
        rows.append({"alias_key": key, **a})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------- frameworks


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


FRAMEWORK_COLUMNS = ["framework_id", "assessor", "first_year", "last_year", "name_th", "name_en",
                     "aggregation", "pass_mark", "status"]
NODE_COLUMNS = ["code", "parent_code", "kind", "label_th", "label_en", "points", "status"]
LEVEL_COLUMNS = ["seq", "level_code", "label_th", "label_en", "min_total", "max_total",
                 "min_each_tool", "color", "status"]


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


# ------------------------------------------------------------------------- figures


def figures(rows: Rows, resolver: UnitResolver, index: Frameworks, out: Problems, *,
            code: Literal["required", "optional"] | None = None,
            score: bool = False) -> pd.DataFrame:
    """The rows of a per unit-year file that pass the shared rules, with ``unit_id``,
    ``fiscal_year``, ``framework_id`` (when the file has one), ``code`` (as the framework
    spells it, when checked) and ``score`` (a number, when checked)."""
    frame = rows.frame()
    if frame.empty:
        return pd.DataFrame()
    out = out.for_file(rows.path)
    ids = rules.units(frame, resolver, out, "unit")
    frame = frame[ids.notna()].assign(unit_id=ids[ids.notna()])
    frame = rules.years(frame, out, "fiscal_year")
    if "framework" in frame:
        frame = rules.frameworks(frame, index, out, year_column="fiscal_year",
                                 framework_column="framework_id")
    if code is not None:
        frame = rules.codes(frame, index, out, column="code", required=code == "required")
    if score:
        frame = rules.scores(frame, out, missing="error")
        frame = rules.ranges(frame, index, out)
        frame["score"] = frame.pop("value")
    frame = frame.drop(columns=["unit", "year", "framework", "column"], errors="ignore")
    text = [c for c in frame.columns if frame[c].dtype == object]
    frame[text] = frame[text].where(frame[text].notna() & (frame[text] != ""), None)
    return frame


def records(frame: pd.DataFrame) -> list[Record]:
    """The checked rows as records for the database (``row`` left out)."""
    if frame.empty:
        return []
    return [{str(k): v for k, v in r.items()}
            for r in frame.drop(columns="row").assign(dataset="real").to_dict("records")]


def read_scores(root: Path, resolver: UnitResolver, index: Frameworks,
                out: Problems) -> pd.DataFrame:
    rows = read_rows(root, "real/scores.csv",
                     ["unit", "fiscal_year", "framework_id", "code", "score", "source_id"], out)
    frame = figures(rows, resolver, index, out, code="required", score=True)
    if frame.empty:
        return frame
    out = out.for_file(rows.path)
    frame = frame.assign(value=frame["score"].astype(float), column="score")
    frame = rules.duplicates(frame, out)
    frame = rules.one_framework_per_unit_year(frame, out, "framework_id")
    return pd.DataFrame({
        "dataset": "real", "unit_id": frame["unit_id"], "fiscal_year": frame["fiscal_year"],
        "framework_id": frame["framework_id"], "code": frame["code"], "score": frame["value"],
        "source_id": frame["source_id"], "source_ref": frame.get("source_ref"),
        "note": frame.get("note"), "import_id": None}).reset_index(drop=True)


def read_unit_year_file(root: Path, relative: str, required: list[str], resolver: UnitResolver,
                        index: Frameworks, out: Problems, *,
                        code: Literal["required", "optional"] | None = None,
                        score: bool = False) -> list[Record]:
    """Shared reader for the per unit-year files (ratings, references, conflicts...)."""
    rows = read_rows(root, relative, ["unit", "fiscal_year", *required], out)
    return records(figures(rows, resolver, index, out, code=code, score=score))


def read_real_figures(root: Path, resolver: UnitResolver, index: Frameworks,
                      out: Problems) -> dict[str, pd.DataFrame]:
    ratings = read_unit_year_file(root, "real/printed_ratings.csv", ["framework_id", "level_code"],
                                  resolver, index, out)
    refs = read_unit_year_file(root, "real/reference_scores.csv",
                               ["framework_id", "code", "ref_kind", "score"], resolver, index, out,
                               code="required", score=True)
    conflicts = read_unit_year_file(root, "real/conflicts.csv", ["printed_values", "rule"],
                                    resolver, index, out)
    unplaced = read_unit_year_file(root, "real/unplaced_figures.csv", ["framework_id", "score"],
                                   resolver, index, out, score=True)
    measures = read_unit_year_file(root, "real/measures.csv", ["measure"], resolver, index, out,
                                   code="optional")
    for i, m in enumerate(measures, 1):
        m["measure_id"] = i
    return {"printed_ratings": pd.DataFrame(ratings), "reference_scores": pd.DataFrame(refs),
            "conflicts": pd.DataFrame(conflicts), "unplaced_figures": pd.DataFrame(unplaced),
            "measures": pd.DataFrame(measures)}


CROSSWALK_SIDES = (("from_framework", "from_code"), ("to_framework", "to_code"))


def read_crosswalk(root: Path, index: Frameworks, items: set[tuple[str, str]], out: Problems,
                   sources: set[str] | None = None) -> pd.DataFrame:
    """``frameworks/crosswalk.csv``: an item of one framework <-> an item of another, with a
    status and a source. Both frameworks must be known and both codes items of them (the
    shared code rule); a pair within one framework, or given twice, is refused."""
    rows = read_rows(root, "frameworks/crosswalk.csv",
                     ["from_framework", "from_code", "to_framework", "to_code", "status",
                      "source_id", "note"], out)
    known = set(index.frameworks["framework_id"])
    kept: list[Record] = []
    seen: set[tuple[str, ...]] = set()
    for (line, r), written in zip(rows.records, rows.raw, strict=True):
        check_status(rows, line, r, out, sources)
        codes: list[str] = []
        for fw_col, code_col in CROSSWALK_SIDES:
            if r[fw_col] not in known:
                error(out, rows, line, fw_col, r[fw_col],
                      f"ไม่รู้จักกรอบการประเมิน (ที่มี: {', '.join(sorted(known))})",
                      f"unknown framework (known: {', '.join(sorted(known))})")
                continue
            side = pd.DataFrame({"row": [line], "framework_id": [r[fw_col]],
                                 "code": [written[code_col]],
                                 "column": [code_col]})
            checked = rules.codes(side, index, out.for_file(rows.path), column=code_col)
            if checked.empty:
                continue
            code = str(checked.iloc[0]["code"])
            if (r[fw_col], code) not in items:
                error(out, rows, line, code_col, code, f"{code} ไม่ใช่ข้อในกรอบการประเมิน {r[fw_col]}",
                      f"{code} is not an item of framework {r[fw_col]}")
                continue
            codes.append(code)
        if len(codes) < 2:
            continue
        key = (r["from_framework"], codes[0], r["to_framework"], codes[1])
        if r["from_framework"] == r["to_framework"]:
            error(out, rows, line, "to_framework", r["to_framework"],
                  "จับคู่ข้อได้เฉพาะระหว่างกรอบการประเมินที่ต่างกัน",
                  "a crosswalk pairs items of two different frameworks")
        elif key in seen:
            error(out, rows, line, "to_code", codes[1], "คู่นี้ซ้ำ", "duplicate pair")
        else:
            seen.add(key)
            kept.append({"from_framework": key[0], "from_code": key[1], "to_framework": key[2],
                         "to_code": key[3], "status": r["status"],
                         "source_id": r.get("source_id") or None, "note": r.get("note") or None})
    return pd.DataFrame(kept, columns=["from_framework", "from_code", "to_framework", "to_code",
                                       "status", "source_id", "note"])


def read_groups(root: Path, resolver: UnitResolver, out: Problems) -> dict[str, pd.DataFrame]:
    groups = read_rows(root, "groups/peer_groups.csv", ["group_id", "name_th", "name_en"], out)
    members = read_rows(root, "groups/peer_group_members.csv", ["group_id", "unit"], out)
    ids = {r["group_id"] for _, r in groups.records}
    frame = members.frame()
    out = out.for_file(members.path)
    if not frame.empty:
        unknown = ~frame["group_id"].isin(ids)
        rules.row_errors(out, frame, unknown, "group_id", frame["group_id"], "ไม่รู้จักกลุ่ม",
                         "unknown group")
        frame = frame[~unknown]
        unit_ids = rules.units(frame, resolver, out, "unit")
        frame = frame.assign(unit_id=unit_ids)[unit_ids.notna()]
    rows = frame[["group_id", "unit_id"]] if not frame.empty else pd.DataFrame()
    group_rows = [{**r, "group_set": "peer"} for _, r in groups.records]
    return {"unit_groups": pd.DataFrame(group_rows), "group_members": rows.reset_index(drop=True)}


def read_sources(root: Path, out: Problems) -> pd.DataFrame:
    rows = read_rows(root, "sources.csv", ["source_id", "file", "title_th"], out)
    records: list[Record] = [
        {**r, "fiscal_year": year_at(rows, line, "fiscal_year", r["fiscal_year"], out)
         if r.get("fiscal_year") else None, "url": r.get("url") or None}
        for line, r in rows.records]
    records.append({"source_id": "bangkok_districts", "file": "data/units/bangkok_districts.csv",
                    "title_th": "รายชื่อสำนักงานเขตและกลุ่มเขต", "unit_th": None,
                    "fiscal_year": None, "note": "See data/units/SOURCES.md"})
    records.append({"source_id": "demo-synthetic", "file": "data/demo/demo.csv",
                    "title_th": "ข้อมูลสาธิต สังเคราะห์จากเลขสุ่มที่กำหนดค่าเริ่มต้น (ไม่ใช่ผลจริง)",
                    "unit_th": None, "fiscal_year": None,
                    "note": "Synthetic demo data generated by ita_dash/demo.py; not real results"})
    return pd.DataFrame(records)


def read_national_results(root: Path, out: Problems, sources: set[str]) -> pd.DataFrame:
    """``real/national_results.csv``: the published national results of a year (agencies
    assessed, mean total, number and share passed), each with its source."""
    rows = read_rows(root, "real/national_results.csv",
                     ["fiscal_year", "n_units", "mean_score", "source_id"], out)
    records: list[Record] = []
    for line, r in rows.records:
        year = year_at(rows, line, "fiscal_year", r["fiscal_year"], out)
        values = {c: number_at(rows, line, c, r[c], out) if r.get(c) else None
                  for c in ("n_units", "mean_score", "n_passed", "pass_rate")}
        if r["source_id"] not in sources:
            error(out, rows, line, "source_id", r["source_id"],
                  "ไม่รู้จักแหล่งที่มา (ดู data/sources.csv)", "unknown source (see data/sources.csv)")
            continue
        if year is None or values["mean_score"] is None:
            continue
        records.append({"fiscal_year": year, **values, "source_id": r["source_id"],
                        "note": r.get("note") or None})
    frame = pd.DataFrame(records, columns=["fiscal_year", "n_units", "mean_score", "n_passed",
                                           "pass_rate", "source_id", "note"])
    for column in ("n_units", "n_passed"):
        frame[column] = frame[column].astype("Int64")
    return frame


def read_demo_years(root: Path, index: Frameworks, out: Problems) -> pd.DataFrame:
    """The years of the demo dataset; a year may reuse a framework outside its own years."""
    rows = read_rows(root, "demo/demo.csv", ["fiscal_year", "framework_id"], out)
    known = set(index.frameworks["framework_id"])
    records: list[Record] = []
    for line, r in rows.records:
        year = year_at(rows, line, "fiscal_year", r["fiscal_year"], out)
        if r["framework_id"] not in known:
            error(out, rows, line, "framework_id", r["framework_id"],
                  f"ไม่รู้จักกรอบการประเมิน (ที่มี: {', '.join(sorted(known))})",
                  f"unknown framework (known: {', '.join(sorted(known))})")
        elif year is not None:
            records.append({"fiscal_year": year, "framework_id": r["framework_id"],
                            "note": r.get("note")})
    return pd.DataFrame(records)


def read_datasets(root: Path, out: Problems) -> pd.DataFrame:
    """``datasets.csv``: each dataset's name, labels, synthetic flag and generator."""
    rows = read_rows(root, "datasets.csv", ["dataset", "seq", "label_th", "label_en",
                                            "is_synthetic", "generator", "build_by_default",
                                            "default_year", "description_th",
                                            "description_en"], out)
    records: list[Record] = []
    for line, r in rows.records:
        flags = {}
        for column in ("is_synthetic", "build_by_default"):
            value = r[column].strip().lower()
            if value not in ("true", "false"):
                error(out, rows, line, column, r[column], "ต้องเป็น true หรือ false",
                      "must be true or false")
            flags[column] = value == "true"
        year = year_at(rows, line, "default_year", r["default_year"], out) \
            if r["default_year"] else None
        records.append({**r, **flags, "seq": int(number_at(rows, line, "seq", r["seq"], out) or 0),
                        "default_year": year, "generator": r["generator"] or None})
    return pd.DataFrame(records)


def load_source_data(root: Path, store: Path | None = None,
                     extra: list[FrameworkParts] | None = None) -> SourceData:
    """Read every file under ``root``, with the frameworks imported into ``store`` (in log
    order, after ``data/frameworks/``) and ``extra`` ones (a framework being checked);
    raise :class:`DataError` on any problem."""
    from ita_dash.store.frameworks import active_framework_parts

    out = Problems()
    tables: dict[str, pd.DataFrame] = {"sources": read_sources(root, out),
                                       "datasets": read_datasets(root, out)}
    tables.update(read_units(root, out))
    later = [*(active_framework_parts(store, out) if store is not None else []), *(extra or [])]
    tables.update(read_frameworks(root, out, set(tables["sources"]["source_id"]), later))
    out.raise_errors()
    resolver = UnitResolver(tables["unit_aliases"])
    index = Frameworks.from_frames(tables["frameworks"], tables["framework_nodes"])
    peer = read_groups(root, resolver, out)
    tables["unit_groups"] = pd.concat([tables["unit_groups"], peer["unit_groups"]], ignore_index=True)
    tables["group_members"] = pd.concat([tables["group_members"], peer["group_members"]],
                                        ignore_index=True)
    tables["scores"] = read_scores(root, resolver, index, out)
    tables.update(read_real_figures(root, resolver, index, out))
    tables["demo_years"] = read_demo_years(root, index, out)
    nodes = tables["framework_nodes"]
    items = set(zip(nodes.loc[nodes["kind"] == "item", "framework_id"],
                    nodes.loc[nodes["kind"] == "item", "code"], strict=True))
    tables["item_crosswalk"] = read_crosswalk(root, index, items, out,
                                              set(tables["sources"]["source_id"]))
    tables["national_results"] = read_national_results(root, out,
                                                       set(tables["sources"]["source_id"]))
    out.raise_errors()
    return SourceData(tables=tables, fingerprint=fingerprint_files(root))
