"""The report layout: a block per unit (its row: unit, total, level; then a row per indicator
or tool with its score, tools named on their first row with their points) as long rows."""

from __future__ import annotations

import pandas as pd

from ita_dash.cells import numbers, texts
from ita_dash.importer import headers
from ita_dash.importer.catalog import Catalog
from ita_dash.importer.mapped import (
    FIELDS,
    ColumnMap,
    Mapped,
    indicator_by_name,
    scale_from_values,
    weights_of_years,
)
from ita_dash.importer.readers import RawTable
from ita_dash.importer.report import Report
from ita_dash.thai import name_key

REPORT_HEADERS = ["unit", "year", "code", "score", "level", "framework", "source", "note",
                  "unit_type", "parent", "province"]


def report_layout(raw: RawTable, columns: list[ColumnMap], catalog: Catalog,
                   report: Report, tool_targets: dict[str, str]) -> Mapped | None:
    """A block per unit (its row: unit, total, level; then a row per indicator or tool) as
    long rows: unit, year, code, score, level."""
    at = {c.target: i for i, c in enumerate(columns) if c.target in FIELDS or c.target == "ITA"}
    frame = raw.frame
    text = {k: texts(frame[i]) for k, i in at.items()}
    score_at = at.get("score", at.get("ITA"))
    if score_at is None and "tool_points" not in at:
        report.add("error", raw.header_row, None, None,
                   "รูปแบบรายงาน: ไม่พบคอลัมน์คะแนน", "report layout: no score column")
        return None
    out: list[dict[str, object]] = []
    tools: dict[tuple[str, str, str], tuple[object, str, int, float | None]] = {}
    bad: list[tuple[int, str, str]] = []
    previous_unit = ""
    for n in range(len(frame)):
        row = int(frame["_row"].iloc[n])
        unit = text["unit"].iloc[n] if "unit" in text else ""
        year = text["year"].iloc[n] if "year" in text else ""
        label = text["label"].iloc[n] if "label" in text else ""
        score = frame[score_at].iloc[n] if score_at is not None else None
        level = text["level"].iloc[n] if "level" in text else ""
        base: dict[str, object] = {k: text[k].iloc[n] for k in ("framework", "source", "note", "unit_type",
                                             "parent", "province") if k in text}
        if "unit" not in text and label and not _is_part(label, catalog):
            unit, label = label, ""  # the unit's own row names it in the label column
        unit = unit or previous_unit
        previous_unit = unit
        if "tool" in text and text["tool"].iloc[n]:
            found = headers.tool_of(text["tool"].iloc[n])
            points = frame[at["tool_points"]].iloc[n] if "tool_points" in at else None
            if found is not None and points is not None and str(points).strip() != "":
                tool, weight, _ = found
                tools.setdefault((unit, year, tool), (points, text["tool"].iloc[n], row, weight))
        if not label:
            if score is not None and str(score).strip() != "" or level:
                out.append({"unit": unit, "year": year, "code": "ITA", "score": score,
                            "level": level, "_row": row, **base})
            continue
        code = _label_code(label, catalog)
        if code is None:
            bad.append((row, label, columns[at["label"]].header if "label" in at else ""))
            continue
        out.append({"unit": unit, "year": year, "code": code, "score": score, "level": level,
                    "_row": row, **base})
    for row, label, header in bad:
        report.add("error", row, header, label,
                   "รูปแบบรายงาน: ไม่รู้จักตัวชี้วัดหรือเครื่องมือนี้ (ระบุหมายเลข ชื่อตามกรอบการประเมิน หรือ IIT/EIT/OIT)",
                   "report layout: unknown indicator or tool (write its number, its name in the "
                   "framework, or IIT/EIT/OIT)")
    if bad:
        return None
    long = pd.DataFrame(out, columns=[*REPORT_HEADERS, "_row"])
    long = _report_tools(long, tools, raw, columns, catalog, report, tool_targets)
    if long is None:
        return None
    long = long.astype(object).fillna("")
    present = [h for h in REPORT_HEADERS if h in ("unit", "year", "code", "score")
               or (long[h] != "").any()]
    body = long[present].copy()
    body.columns = list(range(len(present)))
    body["_row"] = long["_row"].astype(int).to_numpy()
    # messages name the file's own columns (the label column holds the codes)
    written = {"code": "label", "score": "score" if "score" in at else "ITA"}
    shown = [columns[at[written.get(h, h)]].header if written.get(h, h) in at else h
             for h in present]
    if len({name_key(h) for h in shown}) < len(shown):
        shown = list(present)
    mapped = RawTable(raw.file_name, raw.kind, raw.encoding, raw.sheet, raw.header_row,
                      shown, body.reset_index(drop=True), targets=list(present))
    return Mapped(mapped, columns, "report")


def _is_part(label: str, catalog: Catalog) -> bool:
    return _label_code(label, catalog) is not None


def _label_code(label: str, catalog: Catalog) -> str | None:
    """The code a report row's label names: a tool ('?IIT': scale to decide, 'IIT_W'),
    an indicator by number or name, the total, or an item code."""
    tool = headers.tool_of(label)
    if tool is not None:
        name, weight, weighted = tool
        if weighted or (weight is not None and weight != 100):
            return name + "_W"
        return name if weight == 100 else "?" + name
    found = headers.recognise(label)
    if found is not None and found.kind == "total":
        return "ITA"
    if found is not None and found.kind == "indicator":
        return found.target
    if found is not None and found.kind == "indicator_name":
        return indicator_by_name(found.name, catalog)
    key = label.replace(" ", "").upper()
    if key.isascii() and any(c.isdigit() for c in key) and len(key) <= 8:
        return key
    return None


def _report_tools(long: pd.DataFrame, tools: dict[tuple[str, str, str],
                                                  tuple[object, str, int, float | None]],
                  raw: RawTable, columns: list[ColumnMap], catalog: Catalog,
                  report: Report, tool_targets: dict[str, str]) -> pd.DataFrame | None:
    """Tool rows named on their first row (tool column + points), and the scale of tool
    rows whose label does not say it."""
    extra = []
    for (unit, year, tool), (points, _label, row, weight) in tools.items():
        code = tool if weight == 100 else (tool + "_W" if weight is not None else "?" + tool)
        if "tool_points" in {c.target for c in columns} and weight is None:
            code = "?" + tool
        extra.append({"unit": unit, "year": year, "code": code, "score": points, "level": "",
                      "_row": row})
    if extra:
        long = pd.concat([long, pd.DataFrame(extra)], ignore_index=True)
    for tool, target in tool_targets.items():  # the editor's word on a tool's scale
        long.loc[long["code"].isin(["?" + tool, tool, tool + "_W"]), "code"] = target
    silent = long["code"].astype(str).str.startswith("?")
    if not silent.any():
        return long
    keyed = long.assign(value=numbers(long["score"])[0])
    wide = keyed.pivot_table(index=["unit", "year"], columns="code", values="value",
                             aggfunc="first")
    years = pd.Series(wide.index.get_level_values("year"), index=wide.index)
    weights = weights_of_years(years, catalog)
    values = {t: wide["?" + t] for t in headers.TOOLS if "?" + t in wide}
    fixed = {t: wide[t + "_W"] for t in headers.TOOLS if t + "_W" in wide and t not in values}
    fixed.update({t: wide[t] * weights[t] / 100 for t in headers.TOOLS
                  if t in wide and t not in values and t not in fixed})
    total = wide["ITA"] if "ITA" in wide else None
    unknown_weights = all(weights[t].isna().all() for t in values)
    scale = "percent" if unknown_weights else scale_from_values(values, weights, fixed, total)
    if scale is None:
        named = ", ".join(sorted({c.header for c in columns
                                  if c.target in ("label", "tool", "tool_points")}))
        report.add("error", raw.header_row, named, ", ".join(values),
                   f"คะแนนเครื่องมือ ({', '.join(values)}) ในคอลัมน์ {named} เป็นคะแนนเต็ม 100 "
                   "หรือคะแนนถ่วงน้ำหนัก? ค่าในไฟล์ไม่ได้บอก ระบุด้วย --map เช่น 'IIT=IIT_W' หรือ 'IIT=IIT'",
                   f"are the tool scores ({', '.join(values)}) in columns {named} 0-100 or "
                   "weighted points? The values do not say: tell with --map, e.g. "
                   "'IIT=IIT_W' or 'IIT=IIT'")
        return None
    suffix = "_W" if scale == "points" else ""
    long.loc[silent, "code"] = long.loc[silent, "code"].str[1:] + suffix
    for c in columns:
        if c.target in ("label", "tool", "tool_points"):
            c.why_th += (" (เครื่องมือเป็นคะแนนถ่วงน้ำหนัก ตัดสินจากค่า)" if suffix
                         else " (เครื่องมือเป็นคะแนนเต็ม 100 ตัดสินจากค่า)")
            c.why_en += (" (tools as weighted points, decided from the values)" if suffix
                         else " (tools on 0-100, decided from the values)")
    return long
