"""The deck as an editable 16:9 PowerPoint file with native charts (python-pptx).

Charts are PowerPoint chart objects (bar, radar, line) whose data can be
edited in PowerPoint; tables are PowerPoint tables. Every text uses a
Thai-capable face (see :mod:`ita_dash.deck.pptx_fonts`) in large sizes, and
every slide carries exactly one source line (shape name ``Source line``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from pptx import Presentation
from pptx.chart.axis import ValueAxis
from pptx.chart.chart import Chart as PptxChart
from pptx.chart.data import CategoryChartData, ChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide as PptxSlide
from pptx.table import Table as PptxTable
from pptx.table import _Cell
from pptx.util import Emu, Inches, Length, Pt

from ita_dash import palette
from ita_dash.deck import model as m
from ita_dash.deck.notes import shown_slides, speaker_notes
from ita_dash.deck.pptx_fonts import FONT, apply_fonts, patch_theme
from ita_dash.deck.text import shorten, width
from ita_dash.safe_files import inert

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
CONTENT_TOP = Inches(1.85)
NOTES_H = Inches(0.62)
SOURCE_TOP, SOURCE_H = Inches(6.82), Inches(0.55)  # room for two lines at 12 pt
TITLE_PT, SUBTITLE_PT, BODY_PT, TABLE_PT = 36, 22, 24, 18
AXIS_PT, LABEL_PT, NOTE_PT, SOURCE_PT = 16, 16, 16, 12
SOURCE_SHAPE = "Source line"
CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
               "radar": XL_CHART_TYPE.RADAR_MARKERS, "line": XL_CHART_TYPE.LINE_MARKERS}


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    def lengths(self) -> tuple[Length, Length, Length, Length]:
        return Emu(self.left), Emu(self.top), Emu(self.width), Emu(self.height)


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def _text(slide: PptxSlide, box: Box, lines: list[str] | tuple[str, ...], *, size: int,
          bold: bool = False, color: str = palette.TEXT, align: PP_ALIGN = PP_ALIGN.LEFT,
          anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, name: str = "", space: int = 0) -> Shape:
    shape = slide.shapes.add_textbox(*box.lengths())
    if name:
        shape.name = name
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.vertical_anchor = anchor
    for i, line in enumerate(lines):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        para.alignment = align
        if space:
            para.space_after = Pt(space)
        run = para.add_run()
        run.text = line
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
        run.font.color.rgb = _rgb(color)
    return shape


def _accent(slide: PptxSlide, top: int, height: int = Inches(0.06)) -> None:
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE,
                                 *Box(MARGIN, top, SLIDE_W - 2 * MARGIN, height).lengths())
    bar.fill.solid()
    bar.fill.fore_color.rgb = _rgb(palette.PRIMARY)
    bar.line.fill.background()


def _source(slide: PptxSlide, s: m.Slide, number: str, synthetic: bool) -> None:
    span = SLIDE_W - 2 * MARGIN - Inches(1.0)
    _text(slide, Box(MARGIN, SOURCE_TOP, span, SOURCE_H), [s.source], size=SOURCE_PT,
          bold=synthetic, color=palette.WARNING if synthetic else palette.MUTED, name=SOURCE_SHAPE,
          anchor=MSO_ANCHOR.BOTTOM)
    _text(slide, Box(SLIDE_W - MARGIN - Inches(0.9), SOURCE_TOP, Inches(0.9), SOURCE_H), [number],
          size=SOURCE_PT, color=palette.MUTED, align=PP_ALIGN.RIGHT, name="Slide number",
          anchor=MSO_ANCHOR.BOTTOM)


# How many character cells fit on one line of the slide width, per font size (measured on
# LibreOffice renders of Sarabun bold, with a margin).
CELLS_PER_LINE = {48: 36, 40: 44, 36: 48, 30: 58, 26: 66}


def fit_title(text: str, sizes: tuple[int, ...]) -> tuple[str, int]:
    """The largest of ``sizes`` at which ``text`` fits one line; else the smallest, shortened."""
    for size in sizes:
        if width(text) <= CELLS_PER_LINE[size]:
            return text, size
    return shorten(text, CELLS_PER_LINE[sizes[-1]]), sizes[-1]


def _header(slide: PptxSlide, s: m.Slide) -> None:
    span = SLIDE_W - 2 * MARGIN
    title, size = fit_title(s.title, (TITLE_PT, 30, 26))
    _text(slide, Box(MARGIN, Inches(0.3), span, Inches(0.8)), [title], size=size,
          bold=True, color=palette.PRIMARY, anchor=MSO_ANCHOR.BOTTOM, name="Title")
    _accent(slide, Inches(1.15))
    if s.subtitle:
        _text(slide, Box(MARGIN, Inches(1.22), span, Inches(0.55)), [s.subtitle],
              size=SUBTITLE_PT, color=palette.MUTED, name="Subtitle")


NOTE_CHARS_PER_LINE = 100  # at NOTE_PT across the slide
NOTE_LINE_H, NOTES_MAX_H = Inches(0.29), Inches(1.6)


def _notes_height(s: m.Slide) -> int:
    """Room for the notes: two lines, more when they are longer (the chart gives way)."""
    lines = -(-width(" · ".join(s.notes)) // NOTE_CHARS_PER_LINE)
    return int(min(NOTES_MAX_H, max(NOTES_H, lines * NOTE_LINE_H)))


def _content_box(s: m.Slide) -> Box:
    bottom = SOURCE_TOP - (_notes_height(s) + Inches(0.05) if s.notes else Inches(0.1))
    return Box(MARGIN, CONTENT_TOP, SLIDE_W - 2 * MARGIN, bottom - CONTENT_TOP)


# -------------------------------------------------------------------------- charts


def _chart_data(chart: m.Chart) -> CategoryChartData:
    data = CategoryChartData(number_format=chart.number_format)
    data.categories = [inert(c) for c in chart.categories]  # the embedded workbook is
    for s in chart.series:                                   # written by xlsxwriter
        data.add_series(inert(s.name), list(s.values))
    return data


def _style_series(chart: PptxChart, spec: m.Chart) -> None:
    for series, s in zip(chart.plots[0].series, spec.series, strict=True):
        if spec.kind in ("bar", "column"):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(s.color)
            series.invert_if_negative = False
            for i, color in enumerate(s.point_colors):
                point = series.points[i]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = _rgb(color)
            continue
        series.smooth = False
        series.format.line.color.rgb = _rgb(s.color)
        series.format.line.width = Pt(3.5 if s is spec.series[0] else 2.5)
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 9 if spec.kind == "line" else 7
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = _rgb(s.color)
        series.marker.format.line.color.rgb = _rgb(s.color)


def _style_bars(chart: PptxChart, spec: m.Chart) -> None:
    plot = chart.plots[0]
    plot.gap_width = 35
    plot.vary_by_categories = False
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = spec.number_format, False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(LABEL_PT)
    labels.font.bold = True
    cat = chart.category_axis
    cat.tick_labels.font.size = Pt(AXIS_PT)
    cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    cat.has_major_gridlines = False
    cat.format.line.color.rgb = _rgb(palette.RULE)
    if spec.kind == "bar":
        cat.reverse_order = True  # first category on top
    val = chart.value_axis
    val.visible = False
    val.has_major_gridlines = False
    _scale(val, spec)


def _scale(axis: ValueAxis, spec: m.Chart) -> None:
    if spec.value_min is not None:
        axis.minimum_scale = spec.value_min
    if spec.value_max is not None:
        top = spec.value_max
        if spec.kind == "bar":  # room for the value labels right of the bars
            top = spec.value_max * 1.12
        axis.maximum_scale = top


def _style_value_axis(chart: PptxChart, spec: m.Chart) -> None:
    val = chart.value_axis
    _scale(val, spec)
    val.major_unit = 20 if spec.kind == "radar" else 10
    val.has_major_gridlines = True
    val.major_gridlines.format.line.color.rgb = _rgb(palette.GRID)
    val.tick_labels.font.size = Pt(AXIS_PT - 2)
    val.tick_labels.number_format, val.tick_labels.number_format_is_linked = "0", False
    chart.category_axis.tick_labels.font.size = Pt(AXIS_PT)
    if spec.kind == "line" and spec.data_labels:
        labels = chart.plots[0].series[0].data_labels
        labels.number_format, labels.number_format_is_linked = spec.number_format, False
        labels.position = XL_LABEL_POSITION.ABOVE
        labels.font.size, labels.font.bold = Pt(LABEL_PT), True
        labels.show_value = True


def _radar_layout(chart: PptxChart) -> None:
    """A fixed, large plot area for the radar (automatic layout leaves it small, crowded by the
    ten indicator labels); the legend sits to the right."""
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    for old in plot_area.findall(qn("c:layout")):
        plot_area.remove(old)
    plot_area.insert(0, parse_xml(
        f"<c:layout {nsdecls('c')}><c:manualLayout><c:layoutTarget val=\"inner\"/>"
        "<c:xMode val=\"edge\"/><c:yMode val=\"edge\"/><c:x val=\"0.30\"/><c:y val=\"0.10\"/>"
        "<c:w val=\"0.34\"/><c:h val=\"0.80\"/></c:manualLayout></c:layout>"))


def add_chart(slide: PptxSlide, spec: m.Chart, box: Box) -> PptxChart:
    """A native PowerPoint chart for ``spec`` in ``box``."""
    frame = cast(GraphicFrame, slide.shapes.add_chart(CHART_TYPES[spec.kind], *box.lengths(),
                                                      cast(ChartData, _chart_data(spec))))
    frame.name = f"Chart {spec.kind}"
    chart = frame.chart
    chart.font.size = Pt(AXIS_PT)
    chart.font.name = FONT
    chart.has_title = False  # the slide title says it; no automatic series-name title
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = (XL_LEGEND_POSITION.RIGHT if spec.kind == "radar"
                                 else XL_LEGEND_POSITION.BOTTOM)
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(AXIS_PT)
    _style_series(chart, spec)
    if spec.kind in ("bar", "column"):
        _style_bars(chart, spec)
    else:
        _style_value_axis(chart, spec)
    if spec.kind == "radar":
        _radar_layout(chart)
    return chart


# --------------------------------------------------------------------------- tables


def _cell(cell: _Cell, text: str, *, size: int, bold: bool, color: str, fill: str,
          align: PP_ALIGN) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb(fill)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Inches(0.1)
    cell.margin_top = cell.margin_bottom = Inches(0.04)
    tf = cell.text_frame
    tf.word_wrap = True
    para = tf.paragraphs[0]
    para.alignment = align
    run = para.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = _rgb(color)


def add_table(slide: PptxSlide, spec: m.Table, box: Box) -> PptxTable:
    """A PowerPoint table for ``spec`` in ``box`` (header row in the deck colour)."""
    n_rows = len(spec.rows) + 1
    row_h = min(Inches(0.62), int(box.height / n_rows))
    frame = slide.shapes.add_table(n_rows, len(spec.columns),
                                   *Box(box.left, box.top, box.width, row_h * n_rows).lengths())
    frame.name = "Table"
    table = frame.table
    for i, share in enumerate(spec.widths):
        table.columns[i].width = Emu(int(box.width * share))
    for r in range(n_rows):
        table.rows[r].height = row_h
    for c, name in enumerate(spec.columns):
        _cell(table.cell(0, c), name, size=TABLE_PT, bold=True, color=palette.WHITE,
              fill=palette.PRIMARY, align=PP_ALIGN.RIGHT if spec.numeric[c] else PP_ALIGN.LEFT)
    for r, row in enumerate(spec.rows, start=1):
        fill = palette.PANEL if r % 2 else palette.WHITE
        for c, value in enumerate(row):
            _cell(table.cell(r, c), value, size=TABLE_PT, bold=False, color=palette.TEXT,
                  fill=fill, align=PP_ALIGN.RIGHT if spec.numeric[c] else PP_ALIGN.LEFT)
    return table


# --------------------------------------------------------------------------- slides


def _message(slide: PptxSlide, text: str, box: Box) -> None:
    panel = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *Box(
        box.left + Inches(1), box.top + Inches(0.8), box.width - Inches(2), Inches(2.2)).lengths())
    panel.name = "Message"
    panel.fill.solid()
    panel.fill.fore_color.rgb = _rgb(palette.PANEL)
    panel.line.color.rgb = _rgb(palette.RULE)
    tf = panel.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    para = tf.paragraphs[0]
    para.alignment = PP_ALIGN.CENTER
    run = para.add_run()
    run.text = text
    run.font.size, run.font.name = Pt(28), FONT
    run.font.color.rgb = _rgb(palette.TEXT)


def _title_slide(slide: PptxSlide, s: m.Slide) -> None:
    span = SLIDE_W - 2 * MARGIN
    title, size = fit_title(s.title, (48, 40, 30))
    _text(slide, Box(MARGIN, Inches(1.2), span, Inches(1.1)), [title], size=size, bold=True,
          color=palette.PRIMARY, anchor=MSO_ANCHOR.BOTTOM, name="Title")
    _accent(slide, Inches(2.4), Inches(0.08))
    _text(slide, Box(MARGIN, Inches(2.55), span, Inches(0.7)), [s.subtitle], size=28,
          color=palette.MUTED, name="Subtitle")
    _text(slide, Box(MARGIN, Inches(3.45), span, Inches(0.7)), s.lines[:1], size=32, bold=True,
          color=palette.TEXT, name="Headline")
    _text(slide, Box(MARGIN, Inches(4.2), span, Inches(2.5)), s.lines[1:], size=BODY_PT,
          name="Key figures", space=4)


def _body(slide: PptxSlide, s: m.Slide) -> None:
    _header(slide, s)
    box = _content_box(s)
    if s.is_empty:
        _message(slide, s.message, box)
    elif s.chart is not None:
        add_chart(slide, s.chart, box)
    elif s.table is not None:
        add_table(slide, s.table, box)
    if s.notes:
        height = _notes_height(s)
        _text(slide, Box(MARGIN, SOURCE_TOP - height - Inches(0.05), SLIDE_W - 2 * MARGIN,
                         height),
              [" · ".join(s.notes)], size=NOTE_PT, color=palette.MUTED, name="Notes")


def build_presentation(deck: m.Deck) -> PptxPresentation:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    patch_theme(prs)
    blank = prs.slide_layouts[6]
    slides = shown_slides(deck)  # a slide with nothing to show is left out
    for i, s in enumerate(slides, start=1):
        slide = prs.slides.add_slide(blank)
        if s.key == "title":
            _title_slide(slide, s)
        else:
            _body(slide, s)
        _source(slide, s, f"{i}/{len(slides)}", deck.is_synthetic)
        slide.notes_slide.notes_text_frame.text = speaker_notes(s)
        apply_fonts(slide.shapes._spTree)
        for shape in slide.shapes:
            if shape.has_chart:
                apply_fonts(shape.chart._chartSpace)
    prs.core_properties.title = f"{deck.unit_name} ITA {deck.year}"
    prs.core_properties.language = "th-TH" if deck.lang == "th" else "en-US"
    return prs


def write_pptx(deck: m.Deck, out: str | Path | IO[bytes]) -> None:
    """Write the deck to a file path or a binary stream."""
    build_presentation(deck).save(str(out) if isinstance(out, Path) else out)


def pptx_bytes(deck: m.Deck) -> bytes:
    buffer = io.BytesIO()
    write_pptx(deck, buffer)
    return buffer.getvalue()
