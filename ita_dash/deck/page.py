"""HTML and strings of the presentation page (``pages/8_presentation.py``); no Streamlit here.

The page shows the slides of :func:`ita_dash.deck.slides.build_deck` one at a time:
titles, key lines, messages, notes and the source line as large HTML, charts and
tables as Plotly figures (:mod:`ita_dash.deck.figures`).
"""

from __future__ import annotations

from ita_dash import i18n
from ita_dash.deck import model as m
from ita_dash.escape import html as escape

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

STRINGS = {
    "deck.previous": {"th": "ก่อนหน้า", "en": "Previous"},
    "deck.next": {"th": "ถัดไป", "en": "Next"},
    "deck.pptx": {"th": "ดาวน์โหลด PowerPoint", "en": "Download PowerPoint"},
    "deck.xlsx": {"th": "ดาวน์โหลด Excel", "en": "Download Excel"},
    "deck.hint": {
        "th": "สไลด์ของหน่วยงาน ปี และขอบเขตที่เลือกไว้ในหน้าอื่น ไฟล์ PowerPoint แก้ไขกราฟได้",
        "en": "Slides of the unit, year and scope chosen on the other pages; the PowerPoint "
              "charts are editable."},
}
i18n.register(STRINGS)

# No sidebar (the slides use the whole width), large type for a projector.
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarCollapseButton"], [data-testid="stExpandSidebarButton"] {
  display: none !important; }
.block-container { max-width: 1500px; padding-top: 1.2rem; }
.slide-count { font-size: 1.4rem; text-align: center; margin: 0; }
.slide-title { font-size: 2.8rem; font-weight: 700; color: #1F4E79; line-height: 1.3;
  border-bottom: 5px solid #1F4E79; padding-bottom: .3rem; margin: .6rem 0 .4rem; }
.slide-big .slide-title { font-size: 3.4rem; margin-top: 3rem; }
.slide-sub { font-size: 1.7rem; color: #595959; margin: 0 0 .6rem; }
.slide-line { font-size: 1.9rem; margin: .3rem 0; }
.slide-line.first { font-size: 2.4rem; font-weight: 700; }
.slide-msg { font-size: 2.1rem; padding: 3rem 2rem; margin: 2.5rem 6%; background: #F2F5F9;
  border: 1px solid #BFBFBF; border-radius: 14px; text-align: center; }
.slide-note { font-size: 1.35rem; color: #595959; margin: .2rem 0; }
.slide-source { font-size: 1.05rem; color: #595959; border-top: 1px solid #D0D0D0;
  padding-top: .4rem; margin-top: .8rem; }
.slide-source.synthetic { color: #B00020; font-weight: 700; }
</style>
"""


def header_html(slide: m.Slide) -> str:
    """Title, subtitle, the title slide's key lines, or the empty-slide message."""
    parts = [f"<div class='slide-title'>{escape(slide.title)}</div>"]
    if slide.subtitle:
        parts.append(f"<p class='slide-sub'>{escape(slide.subtitle)}</p>")
    for i, line in enumerate(slide.lines):
        parts.append(f"<p class='slide-line{' first' if i == 0 else ''}'>{escape(line)}</p>")
    if slide.message:
        parts.append(f"<div class='slide-msg'>{escape(slide.message)}</div>")
    kind = "slide-big" if slide.key == "title" else "slide"
    return f"<div class='{kind}'>{''.join(parts)}</div>"


def footer_html(slide: m.Slide, synthetic: bool) -> str:
    """The notes and the one source line."""
    notes = "".join(f"<p class='slide-note'>{escape(n)}</p>" for n in slide.notes)
    css = "slide-source synthetic" if synthetic else "slide-source"
    return f"{notes}<div class='{css}'>{escape(slide.source)}</div>"
