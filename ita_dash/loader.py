"""Read and validate the source files in ``data/``.

The figures are checked by the rules shared with the importer
(:mod:`ita_dash.rules`); every problem names the file, the line, the column and
the value, in Thai and English. :func:`load_source_data` raises
:class:`DataError` when any file has an error, before anything is written to a
database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from ita_dash import rules
from ita_dash.framework.checks import check_status, read_frameworks
from ita_dash.framework.index import Frameworks
from ita_dash.framework.model import FrameworkParts
from ita_dash.problems import Problems
from ita_dash.rows import Record, Rows, error, number_at, read_rows, year_at
from ita_dash.rules import UnitResolver
from ita_dash.thai import name_key
from ita_dash.thailand import region_of

BANGKOK = "กรุงเทพมหานคร"


@dataclass
class SourceData:
    """Everything read from ``data/``, validated and ready to insert."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    fingerprint: str = ""


def fingerprint_files(root: Path) -> str:
    """A hash of every CSV file under ``root`` (detects edited data)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.csv")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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


def copied(source: SourceData) -> SourceData:
    """A copy whose tables can be changed without changing ``source``'s."""
    return SourceData(tables={k: v.copy(deep=True) for k, v in source.tables.items()},
                      fingerprint=source.fingerprint)


# ``data/`` as last read, by folder and the hash of its files' contents: a process that runs
# many commands (the dashboard's Data page, the tests) reads an unchanged folder once
_LOADED: dict[tuple[str, str], SourceData] = {}
_LOADED_MAX = 4


def load_source_data(root: Path, later: list[FrameworkParts] | None = None) -> SourceData:
    """Read every file under ``root``, with ``later`` frameworks applied after
    ``data/frameworks/`` (the store's in log order, then one being checked); raise
    :class:`DataError` on any problem. Without ``later``, an unchanged folder is read from
    memory (a copy of what was read, keyed on the hash of every file's bytes)."""
    if later:
        return _read_source_data(root, later)
    key = (str(root.resolve()), fingerprint_files(root))
    known = _LOADED.get(key)
    if known is None:
        known = _read_source_data(root, [])
        if known.fingerprint != key[1]:  # a file changed while it was read: not kept
            return known
        if len(_LOADED) >= _LOADED_MAX:
            _LOADED.clear()
        _LOADED[key] = copied(known)
        return known
    return copied(known)


def _read_source_data(root: Path, later: list[FrameworkParts]) -> SourceData:
    out = Problems()
    tables: dict[str, pd.DataFrame] = {"sources": read_sources(root, out),
                                       "datasets": read_datasets(root, out)}
    tables.update(read_units(root, out))
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
