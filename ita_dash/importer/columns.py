"""The columns an import file may have, in English or Thai, and cell values as text."""

from __future__ import annotations

from ita_dash.thai import name_key

# field -> accepted headers (compared by name_key: case, spaces and Thai digits ignored)
FIELD_HEADERS: dict[str, tuple[str, ...]] = {
    "unit": ("unit_name_th", "unit_name", "unit", "หน่วยงาน", "ชื่อหน่วยงาน"),
    "year": ("fiscal_year", "year", "ปีงบประมาณ", "ปีงบประมาณ (พ.ศ.)", "ปี พ.ศ.", "ปี"),
    "code": ("code", "รหัส", "รหัสตัวชี้วัด"),
    "score": ("score", "คะแนน"),
    "framework": ("framework", "framework_id", "กรอบการประเมิน", "เกณฑ์การประเมิน"),
    "unit_type": ("unit_type", "ประเภทหน่วยงาน"),
    "parent": ("parent_org", "parent", "สังกัด", "หน่วยงานต้นสังกัด"),
    "province": ("province", "จังหวัด"),
    "source": ("source", "แหล่งที่มา"),
    "note": ("note", "หมายเหตุ"),
    # the level and where it came from (as in ``export --totals``): read but not imported,
    # the level is computed under the year's rules
    "level": ("level_th", "level_en", "level", "ระดับ", "ระดับผลการประเมิน"),
    "level_source": ("level_source", "ที่มาของระดับ"),
}
_BY_KEY = {name_key(h): f for f, headers in FIELD_HEADERS.items() for h in headers}
REQUIRED = ("unit", "year")

# Thai headers of the templates
TEMPLATE_HEADERS = {"unit": "หน่วยงาน", "year": "ปีงบประมาณ", "framework": "กรอบการประเมิน",
                    "code": "รหัส", "score": "คะแนน", "unit_type": "ประเภทหน่วยงาน",
                    "parent": "สังกัด"}


def field_of(header: str) -> str | None:
    """The field a header names (None for anything else, e.g. a code column)."""
    return _BY_KEY.get(name_key(header))



def is_header_row(cells: list[str]) -> bool:
    """A row naming at least the unit and the year columns."""
    fields = {field_of(c) for c in cells if c}
    return all(f in fields for f in REQUIRED)
