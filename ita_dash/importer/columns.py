"""The columns an import file may have, in English or Thai, and cell values as text."""

from __future__ import annotations

from ita_dash.importer import headers

# field -> accepted headers (compared by name_key: case, spaces, Thai digits and spelling
# variants ignored): the families of headers.toml
FIELD_HEADERS: dict[str, tuple[str, ...]] = headers.families().field_headers
REQUIRED = ("unit", "year")
# a header row names at least two of these, one of them the unit, the year or a label column
_ANCHORS = {"unit", "year", "label"}
_HEADER_KINDS = {"field", "total", "tool", "indicator"}

# Thai headers of the templates
TEMPLATE_HEADERS = {"unit": "หน่วยงาน", "year": "ปีงบประมาณ", "framework": "กรอบการประเมิน",
                    "code": "รหัส", "score": "คะแนน", "unit_type": "ประเภทหน่วยงาน",
                    "parent": "สังกัด"}


def field_of(header: str) -> str | None:
    """The field a header names (None for anything else, e.g. a code column)."""
    return headers.field_of(header)



def is_header_row(cells: list[str]) -> bool:
    """A row naming the unit and the year columns, or naming two columns of the header
    families (headers.toml) one of which is the unit, the year or a label column (a file
    without a year or a unit column, a report layout)."""
    found = [r for c in cells if c and (r := headers.recognise(c)) is not None
             and r.kind in _HEADER_KINDS and not (r.kind == "field" and r.target == "ignore")]
    fields = {r.target for r in found if r.kind == "field"}
    if all(f in fields for f in REQUIRED):
        return True
    return len(found) >= 2 and bool(fields & _ANCHORS)
