"""What each column of a file becomes, and why: the mapping the editor sees and can change.

``decide`` reads the headers with the header families (:mod:`ita_dash.importer.headers`),
applies the editor's overrides (``--map 'คะแนนรวม=ITA,ระดับ=level'``, the page's selects),
decides a tool column's scale (0-100 or weighted points) from its header or, when the header
is silent, from its values, fills down a unit or year written only on its first row, adds the
year or unit the editor gives for a file without one, and reshapes a report layout (a block
per unit) into long rows. What cannot be settled is refused with a question naming the
columns, never guessed.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from ita_dash.cells import numbers, texts
from ita_dash.importer import headers
from ita_dash.importer.catalog import Catalog
from ita_dash.importer.mapped import (
    FIELDS,
    ColumnMap,
    MapOptions,
    Mapped,
    indicator_by_name,
    scale_from_values,
    weights_of_years,
)
from ita_dash.importer.readers import RawTable
from ita_dash.importer.report import Report
from ita_dash.importer.report_layout import report_layout
from ita_dash.thai import name_key

__all__ = ["FIELDS", "ColumnMap", "MapOptions", "Mapped", "decide", "parse_overrides",
           "scale_from_values", "summary", "target_of"]
FILLED = ("unit", "year")  # written on the first row only: filled down


def parse_overrides(text: str) -> dict[str, str]:
    """'คะแนนรวม=ITA,ระดับ=level' (or one pair a line, as in a mapping file)."""
    pairs: dict[str, str] = {}
    for part in text.replace("\n", ",").split(","):
        header, sep, target = part.partition("=")
        if sep and header.strip():
            pairs[header.strip()] = target.strip()
    return pairs


def target_of(text: str) -> str:
    """An override's target as a field or a code ('ระดับ' -> 'level', 'ita' -> 'ITA')."""
    key = name_key(text)
    if key in ("ignore", "ไม่นำเข้า", "skip", ""):
        return "ignore"
    if key in FIELDS:
        return key
    found = headers.field_of(text)
    if found is not None:
        return found
    known = headers.recognise(text)
    if known is not None and known.kind in ("total", "tool", "indicator") and known.weight is None:
        return known.target
    return text.strip().upper() if text.strip().isascii() else text.strip()


def _why(th: str, en: str) -> tuple[str, str]:
    return th, en


# ---------------------------------------------------------------------------- decide


def decide(raw: RawTable, catalog: Catalog, report: Report, options: MapOptions) -> Mapped:
    """The mapping of ``raw`` (``ok`` False, reported, when it cannot be settled)."""
    overrides = {name_key(h): t for h, t in options.overrides.items()}
    columns: list[ColumnMap] = []
    weights: dict[int, float | None] = {}
    for i, header in enumerate(raw.headers):
        columns.append(_first_look(i, header, overrides, catalog, weights))
    tool_keys = {name_key(t): t for t in headers.TOOLS}
    unknown_overrides = set(overrides) - {name_key(h) for h in raw.headers} - set(tool_keys)
    if unknown_overrides:
        listed = ", ".join(h for h in options.overrides if name_key(h) in unknown_overrides)
        report.add("error", raw.header_row, listed, None,
                   "ไม่มีคอลัมน์ชื่อนี้ในไฟล์ (การจับคู่คอลัมน์ที่กำหนด)",
                   "no column of this name in the file (the mapping given)")
        return Mapped(raw, columns, "flat", ok=False)
    targets = [c.target for c in columns]
    has = set(targets)
    _context(columns, has)
    _numbers_not_levels(raw, columns)
    if not _no_repeats(raw, columns, report):
        return Mapped(raw, columns, "flat", ok=False)
    frame = raw.frame.copy()
    raw = replace(raw, frame=frame)
    layout = "report" if {"label", "tool"} & {c.target for c in columns} \
        and "code" not in {c.target for c in columns} else "flat"
    if not _given(raw, columns, report, options, unit_required=layout == "flat"):
        return Mapped(raw, columns, layout, ok=False)
    _clean_years(raw, columns)
    if layout == "report":
        tool_targets = {tool_keys[k]: target_of(t) for k, t in overrides.items()
                        if k in tool_keys}
        return report_layout(raw, columns, catalog, report, tool_targets) or \
            Mapped(raw, columns, layout, ok=False)
    _fill_down(raw, columns, report)
    if not _tool_scales(raw, columns, weights, catalog, report):
        return Mapped(raw, columns, layout, ok=False)
    raw.targets = [c.target for c in columns]
    return Mapped(raw, columns, layout)


def _first_look(i: int, header: str, overrides: dict[str, str], catalog: Catalog,
                weights: dict[int, float | None]) -> ColumnMap:
    if not header:
        return ColumnMap(header, "", *_why("ไม่มีหัวคอลัมน์", "no header"))
    key = name_key(header)
    if key in overrides:
        target = target_of(overrides[key])
        return ColumnMap(header, target, *_why("กำหนดโดยผู้นำเข้า", "set by the editor"))
    found = headers.recognise(header)
    if found is None:
        return ColumnMap(header, header, *_why("ไม่รู้จักหัวคอลัมน์ อ่านเป็นรหัส",
                                               "header not recognised: read as a code"))
    if found.kind == "field":
        return ColumnMap(header, found.target, *_why("หัวคอลัมน์ที่รู้จัก", "recognised header"))
    if found.kind == "total":
        return ColumnMap(header, "ITA", *_why("หัวคอลัมน์คะแนนรวม", "a total's header"))
    if found.kind == "tool":
        weights[i] = found.weight
        if found.target.endswith("_W"):
            return ColumnMap(header, found.target, *_why("คะแนนถ่วงน้ำหนัก (หัวคอลัมน์)",
                                                         "weighted points (header)"))
        if found.weight == 100:
            return ColumnMap(header, found.target, *_why("คะแนนเต็ม 100 (หัวคอลัมน์)",
                                                         "a 0-100 score (header)"))
        if found.weight is not None:
            return ColumnMap(header, found.target + "_W",
                             f"คะแนนถ่วงน้ำหนัก เต็ม {found.weight:g} (หัวคอลัมน์)",
                             f"weighted points of {found.weight:g} (header)")
        return ColumnMap(header, "?" + found.target,  # decided from the values
                         "หัวคอลัมน์ไม่บอกว่าเต็ม 100 หรือถ่วงน้ำหนัก: ค่าในไฟล์ไม่ได้บอก เลือกด้านล่าง",
                         "the header does not say 0-100 or weighted points, nor do the values: "
                         "choose below")
    if found.kind == "indicator":
        return ColumnMap(header, found.target, *_why("ตัวชี้วัดตามหมายเลข", "indicator by number"))
    code = indicator_by_name(found.name, catalog)
    if code is not None:
        return ColumnMap(header, code, *_why("ตัวชี้วัดตามชื่อในกรอบการประเมิน",
                                             "indicator by its name in the framework"))
    return ColumnMap(header, header, *_why("ไม่รู้จักหัวคอลัมน์ อ่านเป็นรหัส",
                                           "header not recognised: read as a code"))


def _context(columns: list[ColumnMap], has: set[str]) -> None:
    targets = {c.target for c in columns}
    for c in columns:
        if c.why_en == "set by the editor":
            continue
        if c.target == "score" and "code" not in targets and not {"label", "tool"} & targets:
            c.target, c.why_th, c.why_en = ("ITA", "คะแนนในไฟล์ที่ไม่มีคอลัมน์รหัส คือคะแนนรวม",
                                            "a score column in a file without a code column: "
                                            "the total")
        if c.target == "province" and "unit" not in targets:
            c.target, c.why_th, c.why_en = ("unit", "จังหวัดเป็นหน่วยงาน (ไม่มีคอลัมน์หน่วยงานอื่น)",
                                            "the province is the unit (no other unit column)")


def _numbers_not_levels(raw: RawTable, columns: list[ColumnMap]) -> None:
    """A 'level' column ('ผลการประเมิน') that holds only numbers is the total."""
    if any(c.target == "ITA" for c in columns):
        return
    for i, c in enumerate(columns):
        if c.target != "level" or c.why_en == "set by the editor":
            continue
        values, missing, bad = numbers(raw.frame[i])
        if not bad.any() and (~missing).any() and values.dropna().between(0, 100).all():
            c.target, c.why_th, c.why_en = ("ITA", "คอลัมน์นี้มีแต่ตัวเลข จึงเป็นคะแนนรวม ไม่ใช่ระดับ",
                                            "the column holds only numbers: the total, not a "
                                            "level")


def _no_repeats(raw: RawTable, columns: list[ColumnMap], report: Report) -> bool:
    seen: dict[str, list[str]] = {}
    for c in columns:
        if c.target in FIELDS and c.target not in ("ignore", "tool_points"):
            seen.setdefault(c.target, []).append(c.header)
    # the same header twice is reported by the validation ("the same column header appears
    # twice"); here, two different headers for one field
    repeated = {t: h for t, h in seen.items() if len({name_key(x) for x in h}) > 1}
    for target, named in repeated.items():
        report.add("error", raw.header_row, ", ".join(named), target,
                   f"หลายคอลัมน์เป็นข้อมูลเดียวกัน ({target}) ให้เลือกคอลัมน์เดียว (--map 'หัวคอลัมน์=ignore')",
                   f"several columns hold the same field ({target}): keep one "
                   "(--map 'HEADER=ignore')")
    return not repeated


def _add_column(raw: RawTable, columns: list[ColumnMap], header: str, target: str,
                value: object, th: str, en: str) -> None:
    index = len(raw.headers)
    raw.frame.insert(index, index, value)
    raw.headers = [*raw.headers, header]
    columns.append(ColumnMap(header, target, th, en))


def _given(raw: RawTable, columns: list[ColumnMap], report: Report, options: MapOptions, *,
           unit_required: bool = True) -> bool:
    """The year or unit the editor gives for a file without that column."""
    targets = {c.target for c in columns}
    ok = True
    if "year" not in targets:
        if options.year is None:
            ok = False
            report.add("error", raw.header_row, None, None,
                       "ไฟล์ไม่มีคอลัมน์ปีงบประมาณ: ระบุปีด้วย --year (หรือช่อง ปีงบประมาณ บนหน้านำเข้า)",
                       "the file has no fiscal-year column: give the year with --year "
                       "(or the fiscal-year field on the Import page)")
        else:
            _add_column(raw, columns, f"ปีงบประมาณ {options.year}", "year", str(options.year),
                        "ปีที่ผู้นำเข้าระบุ (ไฟล์ไม่มีคอลัมน์ปี)",
                        "the year the editor gave (the file has no year column)")
    elif options.year is not None:
        report.add("warning", raw.header_row, None, options.year,
                   "ไฟล์มีคอลัมน์ปีงบประมาณแล้ว จึงไม่ใช้ปีที่ระบุ",
                   "the file has a fiscal-year column: the year given is not used")
    if "unit" not in targets:
        if not options.unit and not unit_required:
            pass
        elif not options.unit:
            ok = False
            report.add("error", raw.header_row, None, None,
                       "ไฟล์ไม่มีคอลัมน์หน่วยงาน: ระบุหน่วยงานด้วย --unit (หรือช่อง หน่วยงาน บนหน้านำเข้า)",
                       "the file has no unit column: give the unit with --unit "
                       "(or the unit field on the Import page)")
        else:
            _add_column(raw, columns, f"หน่วยงาน {options.unit}", "unit", options.unit,
                        "หน่วยงานที่ผู้นำเข้าระบุ (ไฟล์ไม่มีคอลัมน์หน่วยงาน)",
                        "the unit the editor gave (the file has no unit column)")
    elif options.unit:
        report.add("warning", raw.header_row, None, options.unit,
                   "ไฟล์มีคอลัมน์หน่วยงานแล้ว จึงไม่ใช้หน่วยงานที่ระบุ",
                   "the file has a unit column: the unit given is not used")
    return ok


def _index(columns: list[ColumnMap], target: str) -> int | None:
    return next((i for i, c in enumerate(columns) if c.target == target), None)


def _clean_years(raw: RawTable, columns: list[ColumnMap]) -> None:
    """'ปี 2564', 'พ.ศ. 2564', 'ปีงบประมาณ พ.ศ. ๒๕๖๔' -> '2564'."""
    i = _index(columns, "year")
    if i is None:
        return
    values = texts(raw.frame[i])
    cleaned = values.map(headers.year_text)
    changed = cleaned != values
    if changed.any():
        raw.frame[i] = cleaned.where(changed, raw.frame[i])
        c = columns[i]
        c.why_th += " (อ่านปีจากข้อความ เช่น ปี 2564)"
        c.why_en += " (years read from text such as 'ปี 2564')"


def _fill_down(raw: RawTable, columns: list[ColumnMap], report: Report) -> None:
    """A unit or year written only on its first row: blank cells below repeat it (a warning
    names the column and the rows)."""
    for target in FILLED:
        i = _index(columns, target)
        if i is None:
            continue
        values = texts(raw.frame[i])
        blank = values == ""
        if not blank.any() or blank.all():
            continue
        filled = values.where(~blank).ffill()
        took = blank & filled.notna()
        if not took.any():
            continue
        raw.frame[i] = raw.frame[i].where(~took, filled)
        rows = raw.frame.loc[took, "_row"].astype(int).tolist()
        shown = ", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else "")
        report.add("warning", rows[0], raw.headers[i], f"{len(rows)}",
                   f"ช่องว่างใช้ค่าจากแถวบน (เขียนไว้เฉพาะแถวแรก): แถว {shown}",
                   f"blank cells take the value above (written on the first row only): "
                   f"rows {shown}")
        c = columns[i]
        c.why_th += " (เติมค่าลงจากแถวแรก)"
        c.why_en += " (filled down from the first row)"


# ----------------------------------------------------------------- tools' scales


def _tool_scales(raw: RawTable, columns: list[ColumnMap], written: dict[int, float | None],
                 catalog: Catalog, report: Report) -> bool:
    silent = {i: c.target[1:] for i, c in enumerate(columns) if c.target.startswith("?")}
    weighted = {c.target[:-2] for c in columns if c.target.endswith("_W")}
    for i, tool in list(silent.items()):  # the file has the tool's weighted points too
        if tool in weighted:
            c = columns[i]
            c.target, c.why_th, c.why_en = (
                tool, f"คะแนนเต็ม 100: ไฟล์มีคอลัมน์คะแนนถ่วงน้ำหนัก {tool}_W แยกไว้",
                f"a 0-100 score: the file has the weighted points {tool}_W in another column")
            del silent[i]
    if not silent:
        return True
    year = _index(columns, "year")
    years = raw.frame[year] if year is not None else pd.Series("", index=raw.frame.index)
    weights = weights_of_years(years, catalog)
    for i, c in enumerate(columns):  # a weight written in a header holds for its tool
        w = written.get(i)
        tool = c.target.lstrip("?").removesuffix("_W")
        if w is not None and w != 100 and tool in weights:
            weights[tool] = pd.Series(w, index=raw.frame.index)
    values = {t: numbers(raw.frame[i])[0] for i, t in silent.items()}
    fixed: dict[str, pd.Series] = {}
    for i, c in enumerate(columns):
        if c.target in headers.TOOLS and i not in silent:
            fixed[c.target] = numbers(raw.frame[i])[0] * weights[c.target] / 100
        elif c.target.removesuffix("_W") in headers.TOOLS and c.target.endswith("_W"):
            fixed[c.target[:-2]] = numbers(raw.frame[i])[0]
    total_at = _index(columns, "ITA")
    total = numbers(raw.frame[total_at])[0] if total_at is not None else None
    unknown_weights = all(weights[t].isna().all() for t in values)
    no_figures = all(values[t].isna().all() for t in values)  # nothing to decide from: the
    # cells are reported as they are by the validation
    scale = "percent" if unknown_weights or no_figures else scale_from_values(
        values, weights, fixed, total)
    named = ", ".join(columns[i].header for i in silent)
    if scale is None:
        report.add("error", raw.header_row, named, None,
                   f"คอลัมน์ {named} เป็นคะแนนเต็ม 100 หรือคะแนนถ่วงน้ำหนัก (เช่น IIT เต็ม 30)? ค่าในไฟล์ไม่ได้บอก "
                   "ระบุด้วย --map เช่น 'IIT=IIT' (เต็ม 100) หรือ 'IIT=IIT_W' (ถ่วงน้ำหนัก) "
                   "หรือเลือกบนหน้านำเข้า",
                   f"are columns {named} scores of 0-100 or weighted points (e.g. IIT of 30)? The "
                   "values do not say: tell with --map, e.g. 'IIT=IIT' (0-100) or "
                   "'IIT=IIT_W' (weighted points), or choose on the Import page")
        return False
    for i, tool in silent.items():
        c = columns[i]
        if scale == "points":
            c.target, c.why_th, c.why_en = (
                tool + "_W", "คะแนนถ่วงน้ำหนัก: ทุกค่าไม่เกินน้ำหนักและรวมกันได้คะแนนรวม (ตัดสินจากค่า)",
                "weighted points: every value within the weight and they sum to the total "
                "(decided from the values)")
        elif unknown_weights:
            c.target, c.why_th, c.why_en = (
                tool, "คะแนนเต็ม 100: กรอบการประเมินของปีนี้ไม่มีน้ำหนักเครื่องมือ",
                "a 0-100 score: the year's framework has no tool weights")
        else:
            c.target, c.why_th, c.why_en = (
                tool, "คะแนนเต็ม 100: ค่าเกินน้ำหนักหรือรวมตามน้ำหนักได้คะแนนรวม (ตัดสินจากค่า)",
                "a 0-100 score: values above the weight, or the weighted sum is the total "
                "(decided from the values)")
    return True


def summary(mapped: Mapped) -> pd.DataFrame:
    """The mapping as a table for the page and ``--dry-run``."""
    frame = mapped.frame()
    return frame.assign(target=np.where(frame["target"] == "", "-", frame["target"]))
