"""Thai-capable fonts in PowerPoint XML.

python-pptx's ``font.name`` writes only ``a:latin``; PowerPoint picks the face
for Thai from the complex-script slot ``a:cs`` (and for CJK from ``a:ea``). So
every run, paragraph default and chart text property gets all three, the
complex-script one marked with the Thai charset so that PowerPoint substitutes
a Thai font when Sarabun is missing, and the theme lists Tahoma as the Thai
script font (the fallback for any text without an explicit face).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation

FONT = "Sarabun"
FALLBACK_FONT = "Tahoma"
THAI_CHARSET = "-34"  # THAI_CHARSET (222) as the signed byte OOXML stores
SWISS_VARIABLE_PITCH = "34"
_PROPERTY_TAGS = ("a:rPr", "a:defRPr", "a:endParaRPr")


def set_fonts(rpr: etree._Element, face: str = FONT) -> None:
    """Give a text-properties element ``a:latin``, ``a:ea`` and ``a:cs`` set to ``face``."""
    for tag in ("a:latin", "a:ea", "a:cs"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    latin = rpr.get_or_add_latin()  # puts it in schema order
    latin.set("typeface", face)
    ea = etree.SubElement(rpr, qn("a:ea"), typeface=face)
    cs = etree.SubElement(rpr, qn("a:cs"), typeface=face, pitchFamily=SWISS_VARIABLE_PITCH,
                          charset=THAI_CHARSET)
    latin.addnext(ea)
    ea.addnext(cs)


def apply_fonts(root: etree._Element, face: str = FONT) -> int:
    """Set the fonts on every text-properties element below ``root``; returns how many."""
    found = [el for tag in _PROPERTY_TAGS for el in root.iter(qn(tag))]
    for el in found:
        set_fonts(el, face)
    return len(found)


def patch_theme(prs: Presentation, face: str = FONT, fallback: str = FALLBACK_FONT) -> None:
    """Theme fonts: ``face`` for Latin and complex script, ``fallback`` as the Thai script font."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = re.sub(r'(<a:(?:major|minor)Font><a:latin typeface=")[^"]*"', rf'\g<1>{face}"', xml)
    xml = re.sub(r'(<a:(?:major|minor)Font><a:latin typeface="[^"]*"/><a:ea typeface="[^"]*"/>'
                 r'<a:cs typeface=")[^"]*"', rf'\g<1>{face}"', xml)
    xml = re.sub(r'<a:font script="Thai" typeface="[^"]*"/>',
                 f'<a:font script="Thai" typeface="{fallback}"/>', xml)
    theme._blob = xml.encode("utf-8")  # a generic Part keeps its XML as bytes


# ---------------------------------------------------------------- the font bundle

BUNDLE_FONTS = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")
BUNDLE_README = {
    "th": "สไลด์นี้ใช้ฟอนต์ Sarabun (สัญญาอนุญาต SIL Open Font License อยู่ในโฟลเดอร์ fonts)\n"
          "ถ้าเครื่องที่ใช้นำเสนอยังไม่มีฟอนต์นี้ ให้ติดตั้งไฟล์ .ttf ในโฟลเดอร์ fonts ก่อนเปิดไฟล์ "
          "PowerPoint (ดับเบิลคลิกไฟล์แล้วกด ติดตั้ง) ข้อความภาษาไทยจะแสดงตรงตามที่ออกแบบไว้\n"
          "ถ้าไม่ได้ติดตั้ง PowerPoint จะแสดงข้อความภาษาไทยด้วยฟอนต์ Tahoma แทน\n",
    "en": "These slides use the Sarabun font (SIL Open Font License, in the fonts folder).\n"
          "If the presenting machine lacks it, install the .ttf files of the fonts folder before "
          "opening the PowerPoint file (double-click a file, then Install); the Thai text then "
          "looks as designed.\nWithout it, PowerPoint shows the Thai text in Tahoma instead.\n",
}


def font_dir() -> Path:
    """The Sarabun files of the installed ``fontpkg-sarabun`` package."""
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT)


def bundle_bytes(pptx: bytes, stem: str, lang: str = "th") -> bytes:
    """A ZIP of the deck with the Sarabun files and their licence, so the slides look the
    same on a machine without Sarabun (PowerPoint does not embed this font itself)."""
    root = font_dir()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(f"{stem}.pptx", pptx)
        for name in BUNDLE_FONTS:
            bundle.write(root / "files" / name, f"fonts/{name}")
        if (root / "LICENSE").exists():
            bundle.write(root / "LICENSE", "fonts/OFL.txt")
        bundle.writestr("README.txt", BUNDLE_README.get(lang, BUNDLE_README["th"]))
    return buffer.getvalue()
