"""Header families (headers.toml): headers, year cells, printed levels and unit names as real
files write them (no database)."""

from __future__ import annotations

import pandas as pd
import pytest

from ita_dash.importer import headers
from ita_dash.importer.unit_names import CloseNames
from ita_dash.rules import UnitResolver
from ita_dash.thai import name_key

SPLIT_AM = "\u0e4d\u0e32"


@pytest.mark.parametrize(("header", "target", "kind", "weight"), [
    ("หน่วยงาน", "unit", "field", None), ("ส่วนราชการ", "unit", "field", None),
    ("คณะ/หน่วยงาน", "unit", "field", None), ("อปท.", "unit", "field", None),
    ("  ชื่อ หน่วยงาน ", "unit", "field", None), ("ปีงบประมาณ", "year", "field", None),
    ("พ.ศ.", "year", "field", None), ("ปี", "year", "field", None),
    ("คะแนน ITA", "ITA", "total", None), ("คะเเนนรวม", "ITA", "total", None),
    ("ผลสรุปการประเมิน", "ITA", "total", None), ("คะแนน ITA 2566", "ITA", "total", None),
    ("ระดับผลการประเมิน ITA", "level", "field", None), ("Grade", "level", "field", None),
    ("ผลการประเมิน", "level", "field", None), ("rate", "level", "field", None),
    ("IIT", "IIT", "tool", None), ("iit_w", "IIT_W", "tool", None),
    ("IIT (30)", "IIT", "tool", 30.0), ("EIT ร้อยละ 30", "EIT", "tool", 30.0),
    ("OIT /40", "OIT", "tool", 40.0), ("คะแนน IIT", "IIT", "tool", None),
    ("IIT (0-100)", "IIT", "tool", 100.0),
    ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)", "EIT", "tool", None),
    ("ตัวชี้วัดที่ 1", "1", "indicator", None), ("ตัวชี้วัดที่ ๑๐", "10", "indicator", None),
    ("1. การปฏิบัติหน้าที่", "1", "indicator", None), ("ลำดับ", "ignore", "field", None),
    ("9.1 ข้อมูลพื้นฐาน", "9.1", "indicator", None), ("O1 โครงสร้าง", "O1", "indicator", None),
    ("คะแนนเต็ม", "ignore", "field", None), ("คะแนน (ถ่วงน้ำหนัก)", "tool_points", "field", None),
])
def test_headers_as_people_write_them(header: str, target: str, kind: str,
                                      weight: float | None) -> None:
    found = headers.recognise(header)
    assert found is not None
    assert (found.target, found.kind, found.weight) == (target, kind, weight)


@pytest.mark.parametrize("header", ["9.1", "I12", "o11", "ITA_X", "2566"])
def test_codes_stay_codes(header: str) -> None:
    assert headers.recognise(header) is None


def test_indicator_name_alone() -> None:
    found = headers.recognise("การปรับปรุงการท" + SPLIT_AM + "งาน")
    assert found is not None and found.kind == "indicator_name"
    assert found.name == name_key("การปรับปรุงการทำงาน")


@pytest.mark.parametrize(("cell", "year"), [
    ("2564", "2564"), ("ปี 2564", "2564"), ("พ.ศ. 2564", "2564"), ("พ.ศ.2564", "2564"),
    ("ปีงบประมาณ พ.ศ. ๒๕๖๔", "2564"), ("ปีงบประมาณ 2564", "2564"), ("ปี 25 64", "ปี 25 64")])
def test_year_cells(cell: str, year: str) -> None:
    assert headers.year_text(cell) == year


@pytest.mark.parametrize(("printed", "code"), [
    ("AA", "AA"), ("a", "A"), ("ระดับ A", "A"), ("A (Very Good)", "A"), ("ผ่านดีเยี่ยม", "EXCELLENT"),
    ("ผ่านดี", "GOOD"), ("ผ่าน", "PASS"), ("ไม่ผ่าน", "FAIL"), ("สูงมาก", "VERY_HIGH"),
    ("สูง", "HIGH"), ("ต้องปรับปรุงโดยด่วน", "URGENT"), ("–", None), ("", None), ("-", None)])
def test_printed_levels(printed: str, code: str | None) -> None:
    assert headers.level_of(printed) == (code, True)


def test_unknown_level() -> None:
    assert headers.level_of("ดีมาก") == (None, False)


@pytest.mark.parametrize(("name", "unit_type"), [
    ("จังหวัดตราด", "province"), ("เทศบาลนครขอนแก่น", "city_municipality"),
    ("เทศบาลเมืองทดสอบ", "town_municipality"), ("เทศบาลตำบลเขวาใหญ่", "subdistrict_municipality"),
    ("องค์การบริหารส่วนตำบลบางพลี", "sao"), ("อบต.บางพลี", "sao"),
    ("องค์การบริหารส่วนจังหวัดตราด", "pao"), ("อบจ.ตราด", "pao"), ("กรมสรรพากร", "department"),
    ("กระทรวงการคลัง", "ministry"), ("มหาวิทยาลัยทดสอบ", None)])
def test_unit_type_from_the_name(name: str, unit_type: str | None) -> None:
    assert headers.unit_type_of(name) == unit_type


def test_close_names_are_the_known_unit() -> None:
    known = {"u-trat": "จังหวัดตราด", "u-pao": "องค์การบริหารส่วนจังหวัดตราด",
             "u-bp": "องค์การบริหารส่วนตำบลบางพลี"}
    aliases = pd.DataFrame({"alias_key": [name_key(n) for n in known.values()],
                            "alias": list(known.values()), "unit_id": list(known)})
    close = CloseNames(UnitResolver(aliases))
    assert close.known("ตราด") is None  # the province and the PAO: two fit, none offered
    assert close.known("จังหวัด ตราด") == "u-trat"
    assert close.known("อบจ.ตราด") == "u-pao"
    assert close.known("องค์การบริหารส่วนจังหวัดตราด (อบจ.ตราด)") == "u-pao"
    assert close.known("อบต.บางพลี") == "u-bp"
    assert close.known("บางพลี") == "u-bp"
    assert close.known("เทศบาลตำบลบางพลี") is None  # another type is another unit
