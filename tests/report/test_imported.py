"""Reports on imported years: a year with a total only gets the short document; a unit with
item scores but no measures of its own gets suggestions from other units' measures for the
same items."""

from __future__ import annotations

import csv
from pathlib import Path

from ita_dash.cli import main
from ita_dash.config import DEFAULT_DATA_DIR
from tests.report.conftest import docx_text

LONG = "หน่วยงาน,ปีงบประมาณ,กรอบการประเมิน,รหัส,คะแนน\n"


def _measure(code: str) -> str:
    with open(DEFAULT_DATA_DIR / "real" / "measures.csv", encoding="utf-8") as f:
        return next(r["measure"] for r in csv.DictReader(f)
                    if r["unit"] == "สำนักงานเขตสัมพันธวงศ์" and r["code"] == code)


def test_imported_years(places, tmp_path: Path, capsys) -> None:
    rows = ["บางรัก,2567,bma-2567,ITA,80", "ปทุมวัน,2567,bma-2567,I5,50",
            "ปทุมวัน,2567,bma-2567,I6,100", "ปทุมวัน,2567,bma-2567,O18,0",
            "ปทุมวัน,2567,bma-2567,O20,100"]
    source = tmp_path / "imported 2567.csv"
    source.write_text(LONG + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["import", str(source), "--dataset", "real"]) == 0
    capsys.readouterr()

    short = tmp_path / "bangrak.docx"
    assert main(["report", "--dataset", "real", "--unit", "บางรัก", "--year", "2567",
                 "--out", str(short)]) == 0
    assert "ฉบับย่อ" in capsys.readouterr().out
    text, tables = docx_text(short)
    assert "ได้คะแนนรวม 80.00 คะแนน อยู่ในระดับ ต้องปรับปรุง" in text
    assert "คะแนนรายเครื่องมือ (IIT, EIT, OIT) บางส่วนหรือทั้งหมด" in text  # what is missing
    assert "คะแนนรายตัวชี้วัด" in text and "คะแนนรายข้อ" in text
    total = next(t for t in tables if t[0][0] == "เครื่องมือ" and t[0][2] == "คะแนน")
    # no tool rows of dashes; the previous scored year (2564, 62.19 printed) beside it
    assert total[1:] == [["คะแนนรวม ITA", "100", "80.00", "80.00", "62.19", "+17.81"]]
    assert all(len(t) > 1 for t in tables)

    items = tmp_path / "pathumwan.docx"
    assert main(["report", "--dataset", "real", "--unit", "ปทุมวัน", "--year", "2567",
                 "--out", str(items)]) == 0
    text, tables = docx_text(items)
    weak = next(t for t in tables if t[0][:2] == ["ข้อ", "มาตรการ / กิจกรรม"])
    suggested = {row[0].split("\n")[0]: row for row in weak[1:]}
    assert set(suggested) == {"I5", "O18"}  # the weakest of indicator 2 and the zero O-item
    assert all("(ข้อเสนอจาก สัมพันธวงศ์ ปี 2567)" in row[0] for row in weak[1:])
    flat = " ".join(text.split())
    for code in ("I5", "O18"):
        assert " ".join(_measure(code).split()) in flat
    assert "หน่วยงานยังไม่ได้บันทึกมาตรการของปี พ.ศ. 2567 ในข้อมูล" in text
