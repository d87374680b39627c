"""The Import page's mapping (AppTest): an ambiguous file is refused with its question; the
editor's choice in a column's select changes what is stored."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ita_dash.publish import Places
from tests.importer import offices_corpus as corpus
from tests.importer.test_page import open_page, sign_in


def test_override_on_the_page_changes_what_is_stored(places: Places, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    data = corpus.silent_tools(tmp_path, weighted=True, with_total=False).read_bytes()
    at = sign_in(open_page(places.db_path, monkeypatch, password=True))
    at.get("file_uploader")[0].set_value(("tools.csv", data, "text/csv"))
    at.checkbox(key="import-add-units").check()
    at.run()
    at.button(key="import-check").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    mapping = at.dataframe[0].value
    assert mapping["หัวคอลัมน์ในไฟล์"].tolist() == ["หน่วยงาน", "ปี", "IIT", "EIT", "OIT"]
    assert mapping["เป็นข้อมูล"].tolist()[2:] == ["ต้องเลือก"] * 3
    problems = at.dataframe[1].value["ปัญหา"].tolist()
    assert any("คอลัมน์ IIT, EIT, OIT เป็นคะแนนเต็ม 100 หรือคะแนนถ่วงน้ำหนัก" in p for p in problems)
    assert "import-confirm" not in [b.key for b in at.button]
    for header, target in (("IIT", "IIT_W"), ("EIT", "EIT_W"), ("OIT", "OIT_W")):
        [select] = [s for s in at.selectbox if s.label == header]
        select.set_value(target)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    mapping = at.dataframe[0].value
    assert mapping["เป็นข้อมูล"].tolist()[2:] == [
        "IIT คะแนนถ่วงน้ำหนัก · IIT_W", "EIT คะแนนถ่วงน้ำหนัก · EIT_W", "OIT คะแนนถ่วงน้ำหนัก · OIT_W"]
    assert mapping["เหตุผล"].tolist()[2] == "กำหนดโดยผู้นำเข้า"
    # the new units with the type their name says, changeable
    new_units = next(d.value for d in at.dataframe if "ประเภท" in d.value.columns)
    assert new_units.values.tolist() == [["กรมทดสอบระบบ", "ส่วนราชการระดับกรม"],
                                         ["องค์การบริหารส่วนตำบลทดสอบ",
                                          "องค์การบริหารส่วนตำบล (อบต.)"]]
    [select] = [s for s in at.selectbox if s.label == "องค์การบริหารส่วนตำบลทดสอบ"]
    select.set_value("special_local")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.button(key="import-confirm").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    con = duckdb.connect(str(places.db_path), read_only=True)
    try:
        stored = con.execute("""
            SELECT s.code, s.score FROM scores s JOIN units u USING (unit_id)
            WHERE u.name_th = 'กรมทดสอบระบบ' ORDER BY s.code""").fetchall()
        tools = con.execute("""
            SELECT round(y.score, 2), round(y.iit, 4), round(y.eit, 4), round(y.oit, 4)
            FROM unit_years y JOIN units u USING (unit_id)
            WHERE u.name_th = 'กรมทดสอบระบบ'""").fetchall()
        types = con.execute("SELECT name_th, unit_type FROM units WHERE origin = 'import' "
                            "ORDER BY name_th").fetchall()
    finally:
        con.close()
    assert stored == [("EIT_W", 26.1), ("IIT_W", 27.3), ("OIT_W", 38.0)]
    assert types == [("กรมทดสอบระบบ", "department"), ("องค์การบริหารส่วนตำบลทดสอบ", "special_local")]
    assert tools == [(91.4, 91.0, 87.0, 95.0)]
