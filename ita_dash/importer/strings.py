"""The Data page's text, Thai first, registered into :mod:`ita_dash.i18n`."""

from __future__ import annotations

from ita_dash import i18n

STRINGS: dict[str, dict[str, str]] = {
    "data.title": {"th": "นำเข้าผลคะแนนจาก Excel หรือ CSV", "en": "Import results from Excel or CSV"},
    "data.intro": {
        "th": "ตรวจสอบไฟล์ก่อนบันทึกทุกครั้ง ถ้ามีข้อผิดพลาดแม้แต่แถวเดียวจะไม่บันทึกอะไรเลย "
              "การนำเข้าแต่ละครั้งยกเลิกได้",
        "en": "Every file is checked before anything is saved; a file with any error saves "
              "nothing. Each import can be undone.",
    },
    "data.templates": {"th": "แบบฟอร์มสำหรับกรอกข้อมูล", "en": "Templates"},
    "data.templates.help": {
        "th": "แบบแถวยาว: หนึ่งแถวต่อหน่วยงาน ปี และรหัส  แบบตาราง: หนึ่งแถวต่อหน่วยงานและปี "
              "หนึ่งคอลัมน์ต่อรหัส (ของกรอบการประเมินที่เลือก)",
        "en": "Long: one row per unit, year and code. Wide: one row per unit and year, one "
              "column per code (of the chosen framework).",
    },
    "data.template.long": {"th": "แบบแถวยาว", "en": "Long layout"},
    "data.template.wide": {"th": "แบบตาราง", "en": "Wide layout"},
    "data.template.framework": {"th": "กรอบการประเมินของแบบตาราง",
                                "en": "Framework of the wide template"},
    "data.signin": {"th": "เข้าสู่ระบบสำหรับผู้แก้ไขข้อมูล", "en": "Editor sign-in"},
    "data.signin.why": {
        "th": "ทุกคนดูข้อมูลได้ แต่การนำเข้าและการยกเลิกต้องเข้าสู่ระบบในฐานะผู้แก้ไขข้อมูล",
        "en": "Anyone can view; importing and undoing need a signed-in editor.",
    },
    "data.signin.oidc": {"th": "เข้าสู่ระบบ", "en": "Sign in"},
    "data.signin.password": {"th": "รหัสผ่านผู้แก้ไขข้อมูล", "en": "Editor password"},
    "data.signin.name": {"th": "ชื่อของคุณ (บันทึกไว้กับการนำเข้า)",
                         "en": "Your name (recorded with imports)"},
    "data.signin.submit": {"th": "เข้าสู่ระบบ", "en": "Sign in"},
    "data.signin.failed": {"th": "รหัสผ่านไม่ถูกต้อง หรือลองผิดหลายครั้งเกินไป กรุณารอสักครู่",
                           "en": "Wrong password, or too many attempts: wait a few minutes."},
    "data.template.file": {"th": "แม่แบบนำเข้า ITA", "en": "ITA import template"},
    "data.signin.none": {
        "th": "ยังไม่ได้ตั้งค่าผู้แก้ไขข้อมูล จึงนำเข้าทางหน้านี้ไม่ได้ "
              "ให้ผู้ดูแลระบบกำหนดรหัสผ่านผู้แก้ไข หรือการลงชื่อเข้าใช้ขององค์กรก่อน",
        "en": "No editor is configured, so this page cannot import: the administrator "
              "must first set an editor password or the organisation's sign-in.",
    },
    "data.signin.not_editor": {"th": "บัญชี {who} ไม่ได้อยู่ในรายชื่อผู้แก้ไขข้อมูล",
                               "en": "{who} is not on the list of editors."},
    "data.signed_in": {"th": "เข้าสู่ระบบแล้ว: {who}", "en": "Signed in: {who}"},
    "data.signout": {"th": "ออกจากระบบ", "en": "Sign out"},
    "data.upload": {"th": "นำเข้าไฟล์", "en": "Import a file"},
    "data.upload.file": {"th": "ไฟล์ .xlsx หรือ .csv (ไม่เกิน {mb} MB)",
                         "en": ".xlsx or .csv file (at most {mb} MB)"},
    "data.upload.dataset": {"th": "นำเข้าในชุดข้อมูล", "en": "Import into dataset"},
    "data.upload.add_units": {"th": "เพิ่มหน่วยงานที่ยังไม่มีในระบบ",
                              "en": "Add units the database does not know"},
    "data.upload.replace": {"th": "แทนที่คะแนนที่บันทึกไว้แล้วถ้าต่างกัน",
                            "en": "Replace stored figures that differ"},
    "data.upload.drop": {"th": "ลากไฟล์มาวางที่นี่", "en": "Drag and drop the file here"},
    "data.upload.limit": {"th": "ไฟล์ละไม่เกิน {mb} MB · .xlsx หรือ .csv",
                          "en": "At most {mb} MB per file · .xlsx or .csv"},
    "data.upload.browse": {"th": "เลือกไฟล์", "en": "Browse files"},
    "data.upload.check": {"th": "ตรวจสอบไฟล์", "en": "Check the file"},
    "data.progress.read": {"th": "กำลังอ่านไฟล์…", "en": "Reading the file…"},
    "data.progress.validate": {"th": "กำลังตรวจสอบ…", "en": "Checking…"},
    "data.progress.compare": {"th": "กำลังเทียบกับข้อมูลที่บันทึกไว้…",
                              "en": "Comparing with the stored figures…"},
    "data.progress.preview": {"th": "กำลังตรวจผลรวม…", "en": "Checking totals…"},
    "data.progress.write": {"th": "กำลังบันทึก…", "en": "Saving…"},
    "data.progress.done": {"th": "เสร็จแล้ว", "en": "Done"},
    "data.summary": {
        "th": "{file}: {scores} คะแนน ใหม่ {new} แทนที่ {replace} เหมือนเดิม {same} "
              "หน่วยงานใหม่ {units_new} ข้อผิดพลาด {errors} คำเตือน {warnings}",
        "en": "{file}: {scores} figures; {new} new, {replace} to replace, {same} unchanged, "
              "{units_new} new units; {errors} errors, {warnings} warnings",
    },
    "data.has_errors": {"th": "ไฟล์มีข้อผิดพลาด จึงไม่บันทึกอะไรเลย แก้ไขแล้วอัปโหลดใหม่",
                        "en": "The file has errors, so nothing will be saved: fix it and "
                              "upload it again."},
    "data.nothing": {"th": "ทุกคะแนนในไฟล์ตรงกับที่บันทึกไว้แล้ว ไม่มีอะไรต้องเปลี่ยน",
                     "en": "Every figure in the file is already stored: nothing to change."},
    "data.preview": {"th": "ตัวอย่างคะแนนที่จะบันทึก", "en": "Preview of the figures to save"},
    "data.report": {"th": "รายงานผลการตรวจสอบ", "en": "Validation report"},
    "data.report.none": {"th": "ไม่พบปัญหา", "en": "No problems found."},
    "data.report.csv": {"th": "ดาวน์โหลดรายงาน (CSV)", "en": "Download the report (CSV)"},
    "data.report.xlsx": {"th": "ดาวน์โหลดรายงาน (Excel)", "en": "Download the report (Excel)"},
    "data.confirm": {"th": "ยืนยันการนำเข้า {n} คะแนน", "en": "Confirm: import {n} figures"},
    "data.done": {"th": "นำเข้าแล้ว {n} คะแนน รหัสการนำเข้า {id}",
                  "en": "Imported {n} figures as {id}"},
    "data.stale": {"th": "ข้อมูลที่บันทึกไว้เปลี่ยนไประหว่างตรวจสอบ กรุณาตรวจสอบไฟล์อีกครั้ง",
                   "en": "The stored figures changed meanwhile: check the file again."},
    "data.history": {"th": "ประวัติการนำเข้า", "en": "Import history"},
    "data.history.none": {"th": "ยังไม่มีการนำเข้า", "en": "No imports yet."},
    "data.undo": {"th": "ยกเลิกการนำเข้า", "en": "Undo an import"},
    "data.undo.pick": {"th": "รายการนำเข้าที่จะยกเลิก", "en": "Import to undo"},
    "data.undo.sure": {"th": "ยืนยัน: ลบคะแนนของรายการนี้และคืนค่าที่ถูกแทนที่",
                       "en": "Yes: remove its figures and restore what it replaced"},
    "data.undo.button": {"th": "ยกเลิกรายการนี้", "en": "Undo this import"},
    "data.undo.done": {"th": "ยกเลิก {id} แล้ว: ลบ {removed} คะแนน คืนค่า {restored} คะแนน",
                       "en": "Undone {id}: removed {removed} figures, restored {restored}"},
    "data.undo.none": {"th": "ไม่มีรายการที่ยกเลิกได้", "en": "Nothing to undo."},
    "data.failed": {"th": "บันทึกไม่สำเร็จ ไม่มีข้อมูลใดถูกเปลี่ยน ลองอีกครั้ง (รายละเอียดอยู่ในบันทึกของระบบ)",
                    "en": "Saving failed and nothing was changed: try again (details are in the "
                          "server log)."},
    "data.refused": {"th": "ต้องเข้าสู่ระบบในฐานะผู้แก้ไขข้อมูล",
                     "en": "Sign in as an editor first."},
    "data.col.status": {"th": "สถานะ", "en": "Status"},
    "data.status.new": {"th": "ใหม่", "en": "new"},
    "data.status.replace": {"th": "แทนที่", "en": "replace"},
    "data.status.same": {"th": "เหมือนเดิม", "en": "unchanged"},
    "data.severity.error": {"th": "ข้อผิดพลาด", "en": "error"},
    "data.severity.warning": {"th": "คำเตือน", "en": "warning"},
    "data.severity.info": {"th": "ข้อมูล", "en": "info"},
    # frameworks entered by editors (docs/FRAMEWORKS.md)
    "data.kind": {"th": "สิ่งที่จะนำเข้า", "en": "What to import"},
    "data.kind.scores": {"th": "ผลคะแนน", "en": "Scores"},
    "data.kind.framework": {"th": "กรอบการประเมิน (แม่แบบกรอบการประเมิน)",
                            "en": "A framework (the framework template)"},
    "data.fw.file": {"th": "แม่แบบกรอบการประเมิน: ไฟล์ .xlsx หนึ่งไฟล์ หรือ .zip หรือไฟล์ .csv ทีละส่วน",
                     "en": "Framework template: one .xlsx, a .zip, or one .csv per part"},
    "data.fw.check": {"th": "ตรวจสอบกรอบการประเมิน", "en": "Check the framework"},
    "data.fw.summary": {
        "th": "{file}: กรอบการประเมิน {name} รายการ {nodes} ระดับผลการประเมิน {levels} "
              "ข้อผิดพลาด {errors} คำเตือน {warnings}",
        "en": "{file}: framework {name}; {nodes} nodes, {levels} rating levels; {errors} errors, "
              "{warnings} warnings"},
    "data.fw.new": {"th": "เป็นกรอบการประเมินใหม่", "en": "This is a new framework."},
    "data.fw.replaces": {
        "th": "จะแทนที่กรอบการประเมินเดิมที่มีรหัสเดียวกัน คะแนนที่บันทึกไว้ทั้งหมดยังใช้ได้",
        "en": "It replaces the framework of the same id; every stored score still fits."},
    "data.fw.broken": {"th": "คะแนนที่บันทึกไว้ซึ่งจะใช้ไม่ได้กับกรอบที่แก้ไข",
                       "en": "Stored scores that the corrected framework would break"},
    "data.fw.nodes": {"th": "รายการในกรอบการประเมิน", "en": "The framework's nodes"},
    "data.fw.levels": {"th": "ระดับผลการประเมิน", "en": "Rating levels"},
    "data.fw.confirm": {"th": "ยืนยันการนำเข้ากรอบการประเมิน", "en": "Confirm: import the framework"},
    "data.fw.done": {"th": "นำเข้ากรอบการประเมินแล้ว รหัสการนำเข้า {id}",
                     "en": "Imported the framework as {id}"},
    "data.fw.stale": {"th": "ข้อมูลเปลี่ยนไประหว่างตรวจสอบ กรอบนี้ไม่ผ่านการตรวจสอบแล้ว "
                            "กรุณาตรวจสอบไฟล์อีกครั้ง",
                      "en": "The data changed meanwhile and the framework no longer passes: "
                            "check the file again."},
    "data.fw.undo.done": {"th": "ยกเลิก {id} แล้ว กรอบการประเมินกลับเป็นแบบก่อนนำเข้า",
                          "en": "Undone {id}: the framework is as it was before"},
    "data.fw.templates": {"th": "แม่แบบกรอบการประเมิน", "en": "Framework template"},
    "data.fw.templates.help": {
        "th": "สำหรับเพิ่มกรอบการประเมินของปีใหม่ (แบบว่าง) หรือแก้ไขกรอบที่มีอยู่ (กรอกข้อมูลเดิมไว้แล้ว) "
              "มีสามส่วน: กรอบการประเมิน รายการ และระดับผลการประเมิน แต่ละแผ่นในแม่แบบมีคำอธิบาย",
        "en": "To add a new year's framework (blank) or correct an existing one (pre-filled): "
              "three parts, the framework, its nodes and its rating levels, each sheet "
              "of the template explaining its columns."},
    "data.fw.template.pick": {"th": "กรอบการประเมินที่จะกรอกไว้ในแม่แบบ",
                              "en": "Framework to pre-fill the template with"},
    "data.fw.template.blank": {"th": "แบบว่าง (กรอบใหม่)", "en": "Blank (a new framework)"},
    "data.fw.template.xlsx": {"th": "แม่แบบกรอบการประเมิน (Excel)",
                              "en": "Framework template (Excel)"},
    "data.fw.template.zip": {"th": "แม่แบบกรอบการประเมิน (CSV ใน ZIP)",
                             "en": "Framework template (CSVs in a ZIP)"},
    "data.kind.col": {"th": "ประเภท", "en": "Kind"},
    "data.kind.value.scores": {"th": "ผลคะแนน", "en": "scores"},
    "data.kind.value.framework": {"th": "กรอบการประเมิน", "en": "framework"},
    "data.node.total": {"th": "คะแนนรวม", "en": "total"},
    "data.node.tool": {"th": "เครื่องมือ", "en": "tool"},
    "data.node.tool_points": {"th": "คะแนนถ่วงน้ำหนักของเครื่องมือ", "en": "weighted tool points"},
    "data.node.tool_part": {"th": "ส่วนของเครื่องมือ", "en": "tool part"},
    "data.node.index": {"th": "ดัชนี", "en": "index"},
    "data.node.indicator": {"th": "ตัวชี้วัด", "en": "indicator"},
    "data.node.subindicator": {"th": "ตัวชี้วัดย่อย", "en": "sub-indicator"},
    "data.node.heading": {"th": "หัวข้อ", "en": "heading"},
    "data.node.item": {"th": "ข้อคำถาม", "en": "item"},
}

HISTORY_COLUMNS = {
    "import_id": {"th": "รหัสการนำเข้า", "en": "Import"},
    "kind": {"th": "ประเภท", "en": "Kind"},
    "dataset": {"th": "ชุดข้อมูล", "en": "Dataset"},
    "file_name": {"th": "ไฟล์", "en": "File"},
    "imported_at": {"th": "เวลา", "en": "Time"},
    "imported_by": {"th": "ผู้นำเข้า", "en": "By"},
    "row_count": {"th": "คะแนนที่บันทึก", "en": "Figures written"},
    "rows_stored": {"th": "ยังใช้อยู่", "en": "Still stored"},
    "rows_replaced": {"th": "ค่าที่ถูกแทนที่", "en": "Replaced"},
    "undone_at": {"th": "ยกเลิกเมื่อ", "en": "Undone at"},
}
REPORT_COLUMNS = {
    "severity": {"th": "ระดับ", "en": "Severity"},
    "row": {"th": "แถว", "en": "Row"},
    "column": {"th": "คอลัมน์", "en": "Column"},
    "value": {"th": "ค่าในไฟล์", "en": "Value"},
    "stored": {"th": "ค่าที่บันทึกไว้", "en": "Stored"},
    "problem": {"th": "ปัญหา", "en": "Problem"},
}
FRAMEWORK_REPORT_COLUMNS = {"file": {"th": "ไฟล์", "en": "File"}, **REPORT_COLUMNS}
BROKEN_COLUMNS = {
    "unit_name_th": {"th": "หน่วยงาน", "en": "Unit"},
    "fiscal_year": {"th": "ปีงบประมาณ", "en": "Fiscal year"},
    "code": {"th": "รหัส", "en": "Code"},
    "score": {"th": "คะแนน", "en": "Score"},
    "import_id": {"th": "รหัสการนำเข้า", "en": "Import"},
}
NODE_PREVIEW = {
    "code": {"th": "รหัส", "en": "Code"},
    "parent_code": {"th": "รหัสรายการแม่", "en": "Parent"},
    "kind": {"th": "ชนิด", "en": "Kind"},
    "label_th": {"th": "ชื่อภาษาไทย", "en": "Thai label"},
    "points": {"th": "คะแนนเต็ม", "en": "Points"},
    "status": {"th": "สถานะ", "en": "Status"},
}
LEVEL_PREVIEW = {
    "seq": {"th": "ลำดับ", "en": "Seq"},
    "label_th": {"th": "ชื่อระดับ", "en": "Level"},
    "min_total": {"th": "คะแนนรวมต่ำสุด", "en": "Lowest total"},
    "max_total": {"th": "คะแนนรวมสูงสุด", "en": "Highest total"},
    "min_each_tool": {"th": "ต่ำสุดของทุกเครื่องมือ", "en": "Each tool at least"},
    "status": {"th": "สถานะ", "en": "Status"},
}
PREVIEW_COLUMNS = {
    "row": {"th": "แถว", "en": "Row"},
    "unit_name": {"th": "หน่วยงาน", "en": "Unit"},
    "fiscal_year": {"th": "ปีงบประมาณ", "en": "Fiscal year"},
    "framework_id": {"th": "กรอบการประเมิน", "en": "Framework"},
    "code": {"th": "รหัส", "en": "Code"},
    "score": {"th": "คะแนน", "en": "Score"},
    "stored": {"th": "ค่าที่บันทึกไว้", "en": "Stored"},
    "status": {"th": "สถานะ", "en": "Status"},
}


def register() -> None:
    i18n.register(STRINGS)


# the file's columns (template headers) in words
FILE_COLUMNS = {
    "unit_name_th": {"th": "ชื่อหน่วยงาน", "en": "Unit name"},
    "unit_name": {"th": "ชื่อหน่วยงาน", "en": "Unit name"},
    "unit_name_en": {"th": "ชื่อหน่วยงาน (อังกฤษ)", "en": "Unit name (English)"},
    "fiscal_year": {"th": "ปีงบประมาณ", "en": "Fiscal year"},
    "framework": {"th": "กรอบการประเมิน", "en": "Framework"},
    "framework_id": {"th": "กรอบการประเมิน", "en": "Framework"},
    "code": {"th": "รหัส", "en": "Code"},
    "score": {"th": "คะแนน", "en": "Score"},
    "source": {"th": "แหล่งที่มา", "en": "Source"},
    "unit_type": {"th": "ประเภทหน่วยงาน", "en": "Unit type"},
}


def file_column(name: object, lang: str) -> str:
    """A file column in words ('unit_name_th' -> 'ชื่อหน่วยงาน'); other headers as in the file."""
    if name is None or (isinstance(name, float) and name != name):
        return ""
    entry = FILE_COLUMNS.get(str(name))
    return entry.get(lang, entry["th"]) if entry else str(name)


def heading(columns: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    return {k: v.get(lang, v["th"]) for k, v in columns.items()}
