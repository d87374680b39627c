"""Downloadable import templates (XLSX and CSV), with Thai headers and an example row.

The example figures are stored real figures, so importing a template
unchanged changes nothing.
"""

from __future__ import annotations

import io

import duckdb
import pandas as pd

from ita_dash import safe_files
from ita_dash.importer.columns import TEMPLATE_HEADERS as H
from ita_dash.thailand import UNIT_TYPES

LONG_FIELDS = ("unit", "year", "framework", "code", "score", "unit_type", "parent")
WIDE_FIELDS = ("unit", "year", "framework", "unit_type", "parent")
HELP_ROWS = [
    (H["unit"], "unit_name_th", "ชื่อหน่วยงานหรือชื่อย่อที่ระบบรู้จัก (จำเป็น)",
     "unit name or a known alias (required)"),
    (H["year"], "fiscal_year", "ปีงบประมาณ พ.ศ. เช่น 2567 (จำเป็น)",
     "Buddhist-Era fiscal year, e.g. 2567 (required)"),
    (H["framework"], "framework", "ชื่อกรอบการประเมิน (ตามที่แสดงในหน้าเกี่ยวกับข้อมูล) "
     "ถ้าเว้นว่างใช้กรอบของปีนั้น",
     "framework name (as on the About page); when blank, the framework covering the year"),
    (H["code"], "code", "รหัส เช่น ITA, IIT, 1, 9.1, I1, O22 (แบบแถวยาว)",
     "code such as ITA, IIT, 1, 9.1, I1, O22 (long layout)"),
    (H["score"], "score", "คะแนน 0-100 (คะแนนถ่วงน้ำหนัก IIT_W ฯลฯ 0-น้ำหนัก) ว่างหรือ - คือไม่มีค่า",
     "score 0-100 (weighted points IIT_W etc.: 0-weight); blank or - means missing"),
    (H["unit_type"], "unit_type", "ประเภทหน่วยงาน เช่น สำนักงานเขต เทศบาล "
     "(ใช้เมื่อเพิ่มหน่วยงานใหม่)",
     "unit type, e.g. สำนักงานเขต (District offices) (used when adding a new unit)"),
    (H["parent"], "parent_org", "หน่วยงานต้นสังกัด (ใช้เมื่อเพิ่มหน่วยงานใหม่)",
     "parent organisation (used when adding a new unit)"),
]


def default_framework(con: duckdb.DuckDBPyConnection) -> str:
    """The latest framework that knows its tools (a year known only by its total, such as
    2569 before its framework is entered, makes a poor template)."""
    row = con.execute("""
        SELECT f.framework_id FROM frameworks f
        ORDER BY EXISTS (SELECT 1 FROM framework_nodes n
                         WHERE n.framework_id = f.framework_id AND n.kind = 'tool') DESC,
                 f.last_year DESC, f.first_year DESC, f.framework_id
        LIMIT 1""").fetchall()
    return str(row[0][0])


def example_unit_year(con: duckdb.DuckDBPyConnection,
                      framework_id: str | None) -> tuple[str, int, str, str, str] | None:
    """(unit name, year, framework, unit type, parent) of the best-covered real unit-year."""
    row = con.execute("""
        SELECT u.name_th, s.fiscal_year, f.name_th, u.unit_type, u.parent_org
        FROM scores s JOIN units u USING (unit_id) JOIN frameworks f USING (framework_id)
        WHERE s.dataset = 'real' AND ($fid IS NULL OR s.framework_id = $fid)
        GROUP BY ALL ORDER BY count(*) DESC, s.fiscal_year DESC, u.name_th LIMIT 1""",
                      {"fid": framework_id}).fetchone()
    if row is None:
        return None
    label = UNIT_TYPES.get(str(row[3]), (str(row[3]), ""))[0]  # the Thai label, not the id
    return (row[0], int(row[1]), row[2], label, row[4] or "")


def example_scores(con: duckdb.DuckDBPyConnection, name: str, year: int) -> pd.DataFrame:
    return con.execute("""
        SELECT s.code, s.score FROM scores s JOIN units u USING (unit_id)
        JOIN framework_nodes n USING (framework_id, code)
        WHERE s.dataset = 'real' AND u.name_th = ? AND s.fiscal_year = ?
        ORDER BY n.seq""", [name, year]).df()


def long_template(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    columns = [H[f] for f in LONG_FIELDS]
    example = example_unit_year(con, None)
    if example is None:
        return pd.DataFrame(columns=columns)
    name, year, fid, unit_type, parent = example
    scores = example_scores(con, name, year).head(5)
    return pd.DataFrame([[name, year, fid, r.code, r.score, unit_type, parent]
                         for r in scores.itertuples()], columns=columns)


def wide_template(con: duckdb.DuckDBPyConnection, framework_id: str | None) -> pd.DataFrame:
    fid = framework_id or default_framework(con)
    codes = [r[0] for r in con.execute(
        "SELECT code FROM framework_nodes WHERE framework_id = ? ORDER BY seq", [fid]).fetchall()]
    if not codes:
        raise ValueError(f"unknown framework {fid!r}")
    columns = [H[f] for f in WIDE_FIELDS] + codes
    example = example_unit_year(con, fid)
    if example is None:
        return pd.DataFrame(columns=columns)
    name, year, fname, unit_type, parent = example
    stored = dict(example_scores(con, name, year).itertuples(index=False))
    row = [name, year, fname, unit_type, parent] + [stored.get(c) for c in codes]
    return pd.DataFrame([row], columns=columns)


def template_bytes(con: duckdb.DuckDBPyConnection, *, layout: str, fmt: str,
                   framework_id: str | None = None) -> bytes:
    """A template file: ``layout`` 'long' or 'wide', ``fmt`` 'xlsx' or 'csv'."""
    frame = long_template(con) if layout == "long" else wide_template(con, framework_id)
    if fmt == "csv":
        return safe_files.csv_bytes(frame)
    frame = safe_files.inert_frame(frame)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": safe_files.XLSXWRITER_OPTIONS}) as writer:
        frame.to_excel(writer, index=False, sheet_name="คะแนน")
        sheet = writer.sheets["คะแนน"]
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, len(frame.columns), 14)
        help_frame = pd.DataFrame(HELP_ROWS, columns=["หัวคอลัมน์", "column (English)",
                                                      "คำอธิบาย", "description"])
        help_frame.to_excel(writer, index=False, sheet_name="คำอธิบาย")
        writer.sheets["คำอธิบาย"].set_column(0, 3, 40)
    return buffer.getvalue()
