"""Word XML that python-docx has no API for: Thai fonts, fields, table details.

Word picks the face for Thai from the complex-script slot of ``w:rFonts`` (``w:cs``) and the
size and weight from ``w:szCs`` / ``w:bCs``; ``w:hint="cs"`` and ``w:lang w:bidi="th-TH"``
tell Word and LibreOffice that the complex-script text is Thai (Latin text stays en-US). Every style and run gets all four slots
(ascii, hAnsi, eastAsia, cs) set to Sarabun, so neither falls back to a Latin face.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

FONT = "Sarabun"
THAI = "th-TH"
LATIN = "en-US"  # the language of Latin text (codes, IIT, English names)


def _child(parent: object, tag: str) -> object:
    """The first ``tag`` child of ``parent``, added when missing."""
    found = parent.find(qn(tag))  # type: ignore[attr-defined]
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)  # type: ignore[attr-defined]
    return found


def set_fonts(rpr: object, size_pt: float | None = None, bold: bool | None = None,
              face: str = FONT) -> None:
    """Sarabun in all four ``w:rFonts`` slots (theme fonts removed), the complex-script hint,
    Thai as the complex-script language, and the size/bold for complex script too."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attr in list(fonts.attrib):
        if "heme" in attr:  # asciiTheme, hAnsiTheme, eastAsiaTheme, cstheme
            del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), face)
    fonts.set(qn("w:hint"), "cs")
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            _child(rpr, tag).set(qn("w:val"), "1" if bold else "0")  # type: ignore[attr-defined]
    if size_pt is not None:
        half = str(int(round(size_pt * 2)))
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), half)  # type: ignore[attr-defined]
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), LATIN)  # type: ignore[attr-defined]
    lang.set(qn("w:bidi"), THAI)  # type: ignore[attr-defined]
    _order(rpr)


# schema order of the rPr children we touch (Word rejects out-of-order elements)
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
              "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
              "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
              "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
              "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _order(rpr: object) -> None:
    rank = {qn(tag): i for i, tag in enumerate(_RPR_ORDER)}
    children = list(rpr)  # type: ignore[call-overload]
    children.sort(key=lambda el: rank.get(el.tag, len(rank)))
    for el in children:
        rpr.append(el)  # type: ignore[attr-defined]


def style_fonts(style: object, size_pt: float, bold: bool = False, color: str | None = None) -> None:
    """A paragraph or character style in Sarabun at ``size_pt``."""
    style.font.size = Pt(size_pt)  # type: ignore[attr-defined]
    style.font.bold = bold  # type: ignore[attr-defined]
    if color is not None:
        from docx.shared import RGBColor

        style.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())  # type: ignore[attr-defined]
    set_fonts(style.element.get_or_add_rPr(), size_pt, bold)  # type: ignore[attr-defined]


def doc_defaults(document: object, size_pt: float) -> None:
    """The document defaults (``w:docDefaults``): Sarabun for text without a style."""
    styles = document.styles.element  # type: ignore[attr-defined]
    defaults = _child(styles, "w:docDefaults")
    rpr_default = _child(defaults, "w:rPrDefault")
    set_fonts(_child(rpr_default, "w:rPr"), size_pt)
    if defaults is not styles[0]:
        styles.insert(0, defaults)


def add_field(paragraph: Paragraph, instruction: str, cached: str = "") -> None:
    """A complex field (``PAGE``, ``SEQ ตารางที่``, ``TOC``) with ``cached`` as its shown text
    (what a reader shows before updating fields)."""
    def char(kind: str) -> None:
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    if cached:
        paragraph.add_run(cached)
    char("end")


# the children of w:settings that come after w:updateFields (schema order)
_AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                        "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                        "w:themeFontLang", "w:clrSchemeMapping",
                        "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
                        "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
                        "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
                        "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")


def update_fields_on_open(document: object) -> None:
    """Ask Word to update the fields (the table of contents' page numbers) when opened;
    ``w:updateFields`` put in its place in the schema order of the settings."""
    settings = document.settings.element  # type: ignore[attr-defined]
    if settings.find(qn("w:updateFields")) is not None:
        return
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    later = {qn(tag) for tag in _AFTER_UPDATE_FIELDS}
    for child in settings:
        if child.tag in later:
            child.addprevious(el)
            return
    settings.append(el)


def shade(cell: object, color: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color.lstrip("#").upper())
    tcpr.append(shd)


def repeat_header(row: object) -> None:
    """The row repeats at the top of every page the table spans; it never splits."""
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    for tag in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def keep_with_next(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True
