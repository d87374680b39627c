"""The report as an editable Word document (python-docx): A4, Sarabun, a title page, a table
of contents (a TOC field), headings numbered 1, 1.1 …, tables and charts numbered (SEQ
fields: ตารางที่ n, แผนภาพที่ n) and captioned with their source."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt, RGBColor

from ita_dash import palette
from ita_dash.escape import xml_text
from ita_dash.i18n import t
from ita_dash.report import docx_xml as x
from ita_dash.report.model import Figure, Para, Report, Section, Table

BODY_PT, TABLE_PT, NOTE_PT = 12, 10, 9.5
HEADING_PT = {1: 16, 2: 14}
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def _setup(doc: DocumentType) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.different_first_page_header_footer = True  # no page number on the title page
    x.doc_defaults(doc, BODY_PT)
    styles = doc.styles
    x.style_fonts(styles["Normal"], BODY_PT)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Normal"].paragraph_format.line_spacing = 1.1
    for level, size in HEADING_PT.items():
        style = styles[f"Heading {level}"]
        x.style_fonts(style, size, bold=True, color=palette.BLACK)
        style.paragraph_format.space_before = Pt(12 if level == 1 else 8)
        style.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 20), ("Caption", TABLE_PT), ("List Bullet", BODY_PT),
                       ("TOC Heading", 16)):
        x.style_fonts(styles[name], size, bold=name in ("Title", "Caption", "TOC Heading"),
                      color=palette.BLACK)
    for level in (1, 2):
        style = styles.add_style(f"TOC {level}", 1) if f"TOC {level}" not in styles else \
            styles[f"TOC {level}"]
        x.style_fonts(style, BODY_PT)
        style.paragraph_format.left_indent = Cm(0.0 if level == 1 else 0.8)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT,
                                                      WD_TAB_LEADER.DOTS)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    x.add_field(footer, "PAGE", "2")


def _orientation(doc: DocumentType, landscape: bool) -> None:
    """A new page section, A4 landscape (the wide measure tables) or portrait again."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.different_first_page_header_footer = False


def _text(paragraph: object, text: str, size: float | None = None, bold: bool | None = None,
          color: str | None = None) -> None:
    run = paragraph.add_run(xml_text(text))  # type: ignore[attr-defined]
    if size is not None or bold is not None:
        x.set_fonts(run._r.get_or_add_rPr(), size, bold)
    if color is not None:
        run.font.color.rgb = _rgb(color)


def _title_page(doc: DocumentType, report: Report) -> None:
    for _ in range(5):
        doc.add_paragraph()
    for i, line in enumerate(report.title):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _text(p, line, 20 if i == 0 else 16, True)
    for _ in range(6):
        doc.add_paragraph()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(p, report.unit_name, 18, True)
    for note in report.cover_notes:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        synthetic = note == report.cover_notes[0] and len(report.cover_notes) > 2
        _text(p, note, NOTE_PT + 1, color=palette.WARNING if synthetic else palette.MUTED)


def _entry(section: Section, pages: dict[str, int]) -> str:
    page = pages.get(section.number)
    return xml_text(section.heading + ("" if page is None else f"\t{page}"))


def _contents(doc: DocumentType, report: Report, pages: dict[str, int]) -> None:
    """A TOC field whose shown result lists the headings, with the page numbers LibreOffice
    laid them out on when known (:mod:`ita_dash.report.pdf`); Word updates it on opening."""
    doc.add_page_break()
    p = doc.add_paragraph(style="TOC Heading")
    _text(p, t("report.contents", report.lang))
    entries = list(report.sections)
    first = doc.add_paragraph(style="TOC 1")
    x.add_field(first, 'TOC \\o "1-2" \\h \\z \\u', _entry(entries[0], pages))
    for s in entries[1:]:
        p = doc.add_paragraph(style=f"TOC {min(s.level, 2)}")
        _text(p, _entry(s, pages))
    _move_field_end(first, p)


def _move_field_end(first: object, last: object) -> None:
    """Close the TOC field after the last cached entry (its result spans paragraphs)."""
    from docx.oxml.ns import qn

    runs = first._p.findall(qn("w:r"))  # type: ignore[attr-defined]
    end = runs[-1]
    first._p.remove(end)  # type: ignore[attr-defined]
    last._p.append(end)  # type: ignore[attr-defined]


def _caption(doc: DocumentType, label: str, caption: str, number: int) -> None:
    p = doc.add_paragraph(style="Caption")
    p.paragraph_format.space_before = Pt(6)
    _text(p, f"{label} ")
    x.add_field(p, f"SEQ {label} \\* ARABIC", str(number))
    _text(p, f" {caption}", bold=False)
    x.keep_with_next(p)


def _source(doc: DocumentType, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(8)
    _text(p, text, NOTE_PT, color=palette.MUTED)


def _table(doc: DocumentType, table: Table, number: int, lang: str) -> None:
    _caption(doc, t("report.table_label", lang), table.caption, number)
    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False  # w:tblLayout fixed: the widths as given, in Word and LibreOffice
    for j, width in enumerate(table.widths):
        grid.columns[j].width = Cm(width)
    x.repeat_header(grid.rows[0])
    for i, values in enumerate((table.columns, *table.rows)):
        row = grid.rows[i]
        for j, value in enumerate(values):
            cell = row.cells[j]
            cell.width = Cm(table.widths[j])
            p = cell.paragraphs[0]
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = 1.0
            if i == 0:
                _text(p, value, TABLE_PT, True, palette.WHITE)
                x.shade(cell, palette.PRIMARY)
                continue
            if table.numeric[j]:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if i == len(table.rows):  # the last row stays with the source line under it
                x.keep_with_next(p)
            _text(p, value, TABLE_PT, bold=(i - 1) in table.marked and j == 0 or None)
            if (i - 1) in table.marked:
                x.shade(cell, palette.HIGHLIGHT)
    _source(doc, table.source)


def _figure(doc: DocumentType, figure: Figure, number: int, lang: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run().add_picture(io.BytesIO(figure.png), width=Cm(figure.width_cm))
    x.keep_with_next(p)
    _caption(doc, t("report.figure_label", lang), figure.caption, number)
    doc.paragraphs[-1].paragraph_format.keep_with_next = False
    _source(doc, figure.source)


def _para(doc: DocumentType, para: Para) -> None:
    if para.kind == "bullet":
        p = doc.add_paragraph(style="List Bullet")
        _text(p, para.text)
        return
    p = doc.add_paragraph()
    if para.kind == "note":
        _text(p, para.text, NOTE_PT, color=palette.MUTED)
    elif para.kind == "missing":
        p.paragraph_format.left_indent = Cm(0.6)
        _text(p, para.text, color=palette.WARNING)
    else:
        p.paragraph_format.first_line_indent = Cm(1.25)
        _text(p, para.text)


def document(report: Report, pages: dict[str, int] | None = None) -> DocumentType:
    """The Word document; ``pages``: the page of each section number, for the contents."""
    doc = Document()
    _setup(doc)
    core = doc.core_properties
    core.title = xml_text(" ".join(report.title[:2]))
    core.author = "ITA Dashboard"
    core.language = "th-TH" if report.lang == "th" else "en-GB"
    _title_page(doc, report)
    _contents(doc, report, pages or {})
    tables = figures = 0
    landscape = False
    for section in report.sections:
        turned = section.landscape != landscape
        if turned:
            _orientation(doc, section.landscape)
            landscape = section.landscape
        heading = doc.add_heading(level=section.level)
        _text(heading, section.heading)
        if section.level == 1 and not turned:
            heading.paragraph_format.page_break_before = True
        for block in section.blocks:
            if isinstance(block, Table):
                tables += 1
                _table(doc, block, tables, report.lang)
            elif isinstance(block, Figure):
                figures += 1
                _figure(doc, block, figures, report.lang)
            else:
                _para(doc, block)
    x.update_fields_on_open(doc)
    return doc


def docx_bytes(report: Report, pages: dict[str, int] | None = None) -> bytes:
    buffer = io.BytesIO()
    document(report, pages).save(buffer)
    return buffer.getvalue()


def write_docx(report: Report, out: Path, pages: dict[str, int] | None = None) -> Path:
    """Write the document; a temporary file renamed into place, never half-written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(docx_bytes(report, pages))
    tmp.replace(out)
    return out


__all__ = ["DOCX_MIME", "docx_bytes", "document", "write_docx"]
