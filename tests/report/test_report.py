"""The analysis report of เขตสัมพันธวงศ์ 2567 (real) read back from the DOCX and the PDF:
the report's figures, every indicator and item score, the zero O-items and the unit's own
measures; a unit-year with totals only gets the shorter document."""

from __future__ import annotations

import re
import subprocess

import pytest
from docx import Document

from ita_dash.report.content import build_report
from ita_dash.report.docx_writer import write_docx
from ita_dash.report.model import Table
from tests.report.conftest import (
    SAM_TH,
    TODAY,
    docx_text,
    printed_measures,
    printed_scores,
)

ZERO_O = ["O5", "O15", "O18", "O19", "O22"]
INDICATORS = [str(i) for i in range(1, 11)]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _table(tables: list, first_header: str, contains: str) -> list[list[str]]:
    return next(t for t in tables if t[0][0] == first_header and any(
        contains in c for row in t for c in row))


def test_total_level_and_tools_are_the_reports(sam_docx):
    text, tables = docx_text(sam_docx)
    assert "ได้คะแนนรวม 87.67 คะแนน อยู่ในระดับ ผ่าน" in text
    tools = {row[0]: row for row in _table(tables, "เครื่องมือ", "คะแนนรวม ITA")[1:]}
    assert tools["IIT"][2] == "97.14" and tools["EIT"][2] == "96.75"
    assert tools["OIT"][2] == "73.75" and tools["คะแนนรวม ITA"][2] == "87.67"
    assert [tools[t][1] for t in ("IIT", "EIT", "OIT")] == ["30", "30", "40"]  # weights
    # how the level was decided: the scale's band, and printed in the report
    assert "ระดับ ผ่าน คือคะแนนรวม 85.00 ถึง 100.00" in text
    assert "ระดับนี้พิมพ์ในรายงานของหน่วยงาน" in text
    # and why not one level higher: ผ่านดี needs every tool at 85, OIT has 73.75
    assert "ไม่ถึงระดับ ผ่านดี เพราะระดับนั้นต้องได้ทุกเครื่องมืออย่างน้อย 85 คะแนน แต่ได้ OIT 73.75" \
        in text


def test_every_indicator_and_item_score_as_printed(sam_docx):
    printed = printed_scores(SAM_TH, 2567)
    _, tables = docx_text(sam_docx)
    indicators = next(t for t in tables if t[0][0] == "ตัวชี้วัด" and t[0][3] == "คะแนน")
    scores = {row[0]: row[3] for row in indicators[1:]}
    assert scores == {code: printed[code] for code in INDICATORS}
    items = {row[0]: row[4] for t in tables if t[0][:2] == ["ข้อ", "ประเด็นการประเมิน"]
             and t[0][4] == "คะแนน" for row in t[1:]}
    item_codes = [c for c in printed if re.fullmatch(r"[IEO]\d+", c)]
    assert len(item_codes) == 40
    assert items == {code: printed[code] for code in item_codes}


def test_zero_o_items_are_named_and_marked(sam_docx):
    text, tables = docx_text(sam_docx)
    assert "ข้อ O ที่ได้ศูนย์ 5 ข้อ: O5, O15, O18, O19, O22 (เสีย 9.50 คะแนน ITA)" in text
    oit = next(t for t in tables if t[0][:2] == ["ข้อ", "ประเด็นการประเมิน"]
               and any(row[0] == "O1" for row in t))
    marked = [row[0] for row in oit[1:] if row[-1] == "ได้ศูนย์"]
    assert marked == ZERO_O
    assert all(row[4] == "0.00" for row in oit[1:] if row[0] in ZERO_O)
    # an indicator's lowest item is marked only below the pass mark (the one rule of the
    # query layer): I5 86.32, the lowest of indicator 2, is above 85
    iit = next(t for t in tables if any(row[0] == "I5" for row in t))
    assert next(row for row in iit if row[0] == "I5")[-1] == ""
    assert "ต่ำกว่าเกณฑ์ผ่าน (85 คะแนน)" in text


def test_the_units_own_measures_are_all_in_the_document(sam_docx):
    text, _ = docx_text(sam_docx)
    flat = _one_line(text)
    measures = [m for m in printed_measures(SAM_TH, 2567) if m["measure"].strip()]
    assert len(measures) == 42
    for m in measures:
        assert _one_line(m["measure"]) in flat, m["code"]
        if m["responsible"].strip():
            assert _one_line(m["responsible"]) in flat


def test_measures_of_weak_items_come_first_with_their_codes(sam_docx):
    _, tables = docx_text(sam_docx)
    weak = next(t for t in tables if t[0][:2] == ["ข้อ", "มาตรการ / กิจกรรม"])
    codes = [row[0] for row in weak[1:]]
    assert sorted(set(codes)) == sorted(ZERO_O)  # the unit's own measure of each zero item
    own = {m["code"]: m["measure"] for m in printed_measures(SAM_TH, 2567)}
    assert [row[1] for row in weak[1:]] == [own[c] for c in codes]
    # the unit's own analysis of each weak item, as recorded, before the table
    text, _ = docx_text(sam_docx)
    analysis = next(m["analysis"] for m in printed_measures(SAM_TH, 2567) if m["code"] == "O5")
    assert f"O5: {' '.join(analysis.split())}" in " ".join(text.split())


def test_structure_title_contents_numbered_headings_captions(sam_report, sam_docx):
    doc = Document(str(sam_docx))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:5] == ["1. ความเป็นมา", "1.1 เครื่องมือการประเมินและน้ำหนักคะแนน",
                            "1.2 ตัวชี้วัด", "1.3 เกณฑ์ระดับผลการประเมิน", "2. ผลการประเมิน"]
    assert "3. มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in headings
    assert headings[-1] == "4. ที่มาของข้อมูลและสิ่งที่คำนวณ"
    xml = doc.element.xml
    assert 'TOC \\o "1-2"' in xml and "SEQ ตารางที่" in xml and "SEQ แผนภาพที่" in xml
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    n_tables, n_figures = len(sam_report.tables()), len(sam_report.figures())
    assert [c.split(" ")[1] for c in captions if c.startswith("ตารางที่")] == \
        [str(i) for i in range(1, n_tables + 1)]
    assert sum(c.startswith("แผนภาพที่") for c in captions) == n_figures >= 2
    sources = [p.text for p in doc.paragraphs if p.text.startswith("ที่มา: ")]
    assert len(sources) >= n_tables + n_figures  # every table and chart names its source
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert 'w:cs="Sarabun"' in doc.styles.element.xml and 'w:bidi="th-TH"' in xml + \
        doc.styles.element.xml


def test_charts_are_sharp_pngs(sam_report):
    import io

    from PIL import Image

    for figure in sam_report.figures():
        image = Image.open(io.BytesIO(figure.png))
        dpi = image.info.get("dpi", (0, 0))[0]
        assert image.format == "PNG" and round(dpi) >= 200


def test_totals_only_unit_gets_the_short_document(ro_con, tmp_path):
    report = build_report(ro_con, dataset="real", unit_id="bkk-bangrak", year=2564, today=TODAY)
    assert report.is_short
    out = write_docx(report, tmp_path / "bangrak.docx")
    text, tables = docx_text(out)
    assert "ข้อมูลของปีนี้มีเฉพาะคะแนนรวม จึงเป็นรายงานฉบับย่อ" in text
    assert "คะแนนรายตัวชี้วัด" in text and "คะแนนรายข้อ" in text  # what is missing, in words
    assert "ได้คะแนนรวม 62.19 คะแนน อยู่ในระดับ D" in text
    assert all(len(t) > 1 for t in tables)  # never an empty table
    assert not any(t[0][:2] == ["ข้อ", "ประเด็นการประเมิน"] for t in tables)
    assert "ไม่มีคะแนนรายข้อของปีนี้ จึงระบุข้อที่อ่อนหรือข้อที่ได้ศูนย์ไม่ได้" in text
    full = build_report(ro_con, dataset="real", unit_id="bkk-samphanthawong", year=2567,
                        today=TODAY)
    assert len(report.tables()) < len(full.tables()) / 2 and not report.figures()


def test_a_table_without_rows_is_refused():
    with pytest.raises(ValueError, match="no rows"):
        Table("x", "y", ("a",), (), (1.0,), (False,))


@pytest.mark.e2e  # LibreOffice in a subprocess, twice
def test_pdf_carries_the_figures_in_sarabun(sam_pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(sam_pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    for figure in ("87.67", "97.14", "96.75", "73.75", "ผ่าน", *ZERO_O):
        assert figure in text, figure
    printed = printed_scores(SAM_TH, 2567)
    for code in INDICATORS + [c for c in printed if re.fullmatch(r"[IEO]\d+", c)]:
        assert printed[code] in text, code
    assert "9.50 คะแนน ITA" in text
    fonts = subprocess.run(["pdffonts", str(sam_pdf)], check=True, capture_output=True,
                           text=True).stdout
    embedded = [line for line in fonts.splitlines() if "Sarabun" in line]
    assert embedded and all(" yes " in line for line in embedded)
    assert "Loma" not in fonts and "DejaVu" not in fonts  # no Thai text in a fallback face
    # the contents got the page numbers of the layout
    contents = text.split("\f")[1]
    assert re.search(r"1\. ความเป็นมา\.*\s*3", contents)


def test_text_from_data_with_control_characters_is_written_safely(tmp_path):
    from ita_dash.escape import xml_text
    from ita_dash.report.model import Para, Report, Section

    assert xml_text("ก\x00ข\x0bค\x1f\r\nง\tจ") == "กขค\nง\tจ"
    bad = "มาตรการ\x01 ทดสอบ\x0c =SUM(A1)"
    table = Table("ตาราง", "ที่มา", ("ข้อ",), ((bad,),), (16.0,), (False,))
    section = Section("1", "หัวข้อ", (Para(bad), table))
    report = Report(dataset="real", unit_id="u", unit_name="หน่วย\x02งาน", year=2567,
                    lang="th", title=("ชื่อ\x03",), cover_notes=(), sections=(section,),
                    is_short=False)
    text, tables = docx_text(write_docx(report, tmp_path / "safe.docx"))
    assert "มาตรการ ทดสอบ =SUM(A1)" in text and "หน่วยงาน" in text
    assert tables[0][1] == ["มาตรการ ทดสอบ =SUM(A1)"]  # text, never a formula


def test_a_failed_draft_is_a_document_that_says_why(tmp_path):
    from ita_dash.report.content import failure_report

    report = failure_report(dataset="real", unit_id="bkk-x", year=2567, lang="th",
                            reason="ไม่พบหน่วยงาน")
    text, tables = docx_text(write_docx(report, tmp_path / "failed.docx"))
    assert "สร้างรายงานของ bkk-x ปี 2567 ไม่สำเร็จ: ไม่พบหน่วยงาน" in text and not tables


def test_english_on_request(ro_con, tmp_path):
    report = build_report(ro_con, dataset="real", unit_id="bkk-samphanthawong", year=2567,
                          lang="en", today=TODAY)
    text, _ = docx_text(write_docx(report, tmp_path / "en.docx"))
    assert [s.heading for s in report.sections if s.level == 1] == [
        "1. Background", "2. The result", "3. Measures to promote integrity and transparency",
        "4. Sources and what was computed"]
    assert "Samphanthawong District Office scored 87.67, rated Pass." in text
    assert "Not Pass – good: that level needs every tool at 85 or more, and the unit has OIT " \
           "73.75." in text


def test_measures_recorded_per_indicator_serve_its_weak_items(ro_con, tmp_path):
    """เขตคลองสามวา 2564 recorded its measures per indicator (seed 000): the first weak item
    of an indicator lists them, the later ones point to them (no suggestions from others)."""
    report = build_report(ro_con, dataset="real", unit_id="bkk-khlongsamwa", year=2564,
                          today=TODAY)
    _, tables = docx_text(write_docx(report, tmp_path / "ksw.docx"))
    weak = next(t for t in tables if t[0][:2] == ["ข้อ", "มาตรการ / กิจกรรม"])
    first = [row[0] for row in weak[1:] if "\n" in row[0]]
    assert first == ["O1\n(มาตรการของตัวชี้วัด 9)", "O34\n(มาตรการของตัวชี้วัด 10)"]
    later = {row[0]: row[1] for row in weak[1:] if "\n" not in row[0]}
    assert later["O2"] == "(ใช้มาตรการของตัวชี้วัด 9 ข้างต้น)"
    assert later["O43"] == "(ใช้มาตรการของตัวชี้วัด 10 ข้างต้น)"
    assert not any("ข้อเสนอจาก" in row[0] for row in weak[1:])
