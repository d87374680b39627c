"""Image downloads of Plotly charts: PNG, presentation size, Thai font (no Streamlit here).

Use for every chart of the app::

    st.plotly_chart(fig, config=plotly_config("ita-ranking-2567"), ...)

The toolbar's camera button then saves a 1600 x 900 PNG. Plotly draws the image
in the browser from the figure's own fonts, so figures should name a Thai
font first and Thai-capable fallbacks after it (:data:`FONT_FAMILY`).
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

from ita_dash.escape import plotly
from ita_dash.palette import WARNING

PNG_WIDTH, PNG_HEIGHT, PNG_SCALE = 1600, 900, 1
# Sarabun (served by the app, installed with fontpkg-sarabun), then fonts with Thai glyphs
# found on Windows (Tahoma, Leelawadee UI), macOS (Thonburi) and Linux (Noto Sans Thai, Loma).
FONT_FAMILY = ("Sarabun, Tahoma, 'Leelawadee UI', Thonburi, 'Noto Sans Thai', Loma, "
               "sans-serif")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def file_stem(name: str) -> str:
    """A safe download file name without extension: 'ita ranking/2567' -> 'ita-ranking-2567'."""
    return _UNSAFE.sub("-", name).strip("-") or "ita-chart"


# Plotly's toolbar tips and messages in Thai, given with each chart (``config.locales``):
# plotly.js reads a locale from the config, so nothing is registered or downloaded.
THAI_PLOTLY: dict[str, str] = {
    "Download plot as a png": "ดาวน์โหลดแผนภูมิเป็นภาพ PNG",
    "Download plot as a PNG": "ดาวน์โหลดแผนภูมิเป็นภาพ PNG",
    "Download plot": "ดาวน์โหลดแผนภูมิ",
    "Zoom": "ซูม", "Pan": "เลื่อน", "Zoom in": "ขยาย", "Zoom out": "ย่อ",
    "Autoscale": "ปรับมาตราส่วนอัตโนมัติ", "Reset axes": "คืนค่าแกน",
    "Reset view": "คืนค่ามุมมอง", "Reset views": "คืนค่ามุมมอง",
    "Toggle Spike Lines": "เปิด/ปิดเส้นชี้ค่า",
    "Show closest data on hover": "แสดงค่าที่ใกล้ที่สุดเมื่อชี้",
    "Compare data on hover": "เปรียบเทียบค่าเมื่อชี้",
    "Toggle show closest data on hover": "เปิด/ปิดการแสดงค่าเมื่อชี้",
    "Box Select": "เลือกเป็นกรอบ", "Lasso Select": "เลือกแบบอิสระ",
    "Double-click to zoom back out": "ดับเบิลคลิกเพื่อกลับขนาดเดิม",
    "Double-click on legend to isolate one trace": "ดับเบิลคลิกคำอธิบายเพื่อแสดงเส้นเดียว",
    "Taking snapshot - this may take a few seconds": "กำลังสร้างภาพ อาจใช้เวลาสักครู่",
    "Snapshot succeeded": "สร้างภาพเสร็จแล้ว",
    "Sorry, there was a problem downloading your snapshot!": "ขออภัย ดาวน์โหลดภาพไม่สำเร็จ",
    "Toggle attribution": "เปิด/ปิดที่มา",
}
PLOTLY_LOCALES = {"th": {"dictionary": THAI_PLOTLY}}


def plotly_config(filename: str = "ita-chart", *, lang: str = "th",
                  **extra: object) -> dict[str, object]:
    """``config`` for ``st.plotly_chart`` / ``fig.show``: PNG download at 1600 x 900, scale 1,
    toolbar tips in ``lang`` (Thai from :data:`THAI_PLOTLY`; Plotly's own English otherwise).

    ``extra`` keys are merged into the config (e.g. ``responsive=True``).
    """
    config: dict[str, object] = {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {"format": "png", "filename": file_stem(filename),
                                 "width": PNG_WIDTH, "height": PNG_HEIGHT, "scale": PNG_SCALE},
    }
    if lang in PLOTLY_LOCALES:
        config.update(locale=lang, locales=PLOTLY_LOCALES)
    config.update(extra)
    return config



def export_title(fig: go.Figure, title: str, context: str, source: str,
                 synthetic_mark: str = "") -> go.Figure:
    """Title, unit/scope and year, source and (on synthetic data) the synthetic mark, for
    the PNG export. The page hides ``.gtitle`` inside its own charts (the page already
    names the chart), while Plotly draws the exported image from a copy outside them, so
    the PNG carries the title and the screen does not repeat it. Every text is escaped
    for Plotly (the unit or scope name comes from the data)."""
    title, context, source = plotly(title), plotly(context), plotly(source)
    mark = f" · <b style='color:{WARNING}'>{plotly(synthetic_mark)}</b>" if synthetic_mark else ""
    fig.update_layout(title={"text": f"<b>{title}</b> · {context}", "x": 0.01,
                             "xanchor": "left", "y": 0.985, "yref": "container",
                             "yanchor": "top", "font": {"size": 19},
                             "subtitle": {"text": f"{source}{mark}", "font": {"size": 13}}})
    top = fig.layout.margin.t if fig.layout.margin.t is not None else 36
    # room for the title and source line, and for the legend above the plot when shown
    needed = 80 if fig.layout.showlegend is False else 124
    fig.update_layout(margin={"t": max(int(top), needed)})
    return fig
