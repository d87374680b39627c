"""The PowerPoint deck: native charts, radar values, Thai text and fonts, one source line."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches

from ita_dash.deck.notes import shown_slides
from ita_dash.deck.pptx_deck import SOURCE_SHAPE, fit_title, pptx_bytes
from tests.deck.test_slides import SAMPHANTHAWONG_2567

THAI = re.compile(r"[\u0E00-\u0E7F]")


@pytest.fixture(scope="module")
def real_prs(real_deck):
    return Presentation(io.BytesIO(pptx_bytes(real_deck)))


@pytest.fixture(scope="module")
def demo_prs(demo_deck):
    return Presentation(io.BytesIO(pptx_bytes(demo_deck)))


def _charts(prs):
    return [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]


def test_sixteen_by_nine(real_prs):
    assert (real_prs.slide_width, real_prs.slide_height) == (Inches(13.333), Inches(7.5))
    assert len(real_prs.slides) == 6  # 8 less the two with nothing to show (issue 19)


def test_native_charts_not_pictures(real_prs, demo_prs):
    types = {chart.chart_type for chart in _charts(real_prs)}
    assert {XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.RADAR_MARKERS,
            XL_CHART_TYPE.LINE_MARKERS} <= types
    assert {chart.chart_type for chart in _charts(demo_prs)} == {
        XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.RADAR_MARKERS, XL_CHART_TYPE.LINE_MARKERS}
    for prs in (real_prs, demo_prs):
        for slide in prs.slides:
            assert not [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_radar_values_are_the_indicator_scores(real_prs):
    radar = next(c for c in _charts(real_prs) if c.chart_type == XL_CHART_TYPE.RADAR_MARKERS)
    series = radar.plots[0].series[0]
    assert [round(v, 2) for v in series.values] == SAMPHANTHAWONG_2567
    assert series.name == "สัมพันธวงศ์ 2567"
    assert list(radar.plots[0].categories)[9] == "10 การป้องกันการทุจริต"


def test_demo_radar_has_group_mean_and_previous_year(demo_prs):
    radar = next(c for c in _charts(demo_prs) if c.chart_type == XL_CHART_TYPE.RADAR_MARKERS)
    names = [s.name for s in radar.plots[0].series]
    assert names == ["สัมพันธวงศ์ 2567", "ค่าเฉลี่ยกลุ่ม (9 หน่วยงาน)", "สัมพันธวงศ์ 2566"]


def test_thai_titles(real_prs, real_deck):
    for slide, spec in zip(real_prs.slides, shown_slides(real_deck), strict=True):
        titles = [s for s in slide.shapes if s.name == "Title"]
        assert len(titles) == 1 and THAI.search(titles[0].text_frame.text)
        assert titles[0].text_frame.text == spec.title


def test_exactly_one_source_line_per_slide(real_prs, demo_prs):
    for prs, start in ((real_prs, "ที่มา: ข้อมูลจริงจากรายงาน"),
                       (demo_prs, "ที่มา: ข้อมูลสาธิต (สังเคราะห์)")):
        for slide in prs.slides:
            named = [s for s in slide.shapes if s.name == SOURCE_SHAPE]
            assert len(named) == 1 and named[0].text_frame.text.startswith(start)
            texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
            assert sum(text.startswith("ที่มา") for text in texts) == 1


def test_every_text_run_names_a_thai_capable_font(real_prs):
    for slide in real_prs.slides:
        roots = [slide.shapes._spTree] + [s.chart._chartSpace for s in slide.shapes
                                          if s.has_chart]
        for root in roots:
            runs = list(root.iter(qn("a:rPr"))) + list(root.iter(qn("a:defRPr")))
            assert runs
            for rpr in runs:
                cs = rpr.find(qn("a:cs"))
                assert cs is not None and cs.get("typeface") == "Sarabun"
                assert rpr.find(qn("a:ea")).get("typeface") == "Sarabun"
                assert cs.get("charset") == "-34"


def test_theme_falls_back_to_tahoma_for_thai(real_prs):
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = real_prs.slide_master.part.part_related_by(RT.THEME).blob.decode()
    assert theme.count('<a:font script="Thai" typeface="Tahoma"/>') == 2
    assert '<a:latin typeface="Sarabun"/>' in theme


def test_large_type(real_prs):
    sizes = [run.font.size.pt for slide in real_prs.slides for shape in slide.shapes
             if shape.has_text_frame and shape.name != SOURCE_SHAPE and shape.name != "Slide number"
             for para in shape.text_frame.paragraphs for run in para.runs]
    assert min(sizes) >= 16


def test_long_titles_shrink_then_shorten():
    assert fit_title("อันดับในกลุ่มเขตกรุงเทพกลาง", (36, 30, 26)) == (
        "อันดับในกลุ่มเขตกรุงเทพกลาง", 36)
    text, size = fit_title("ก" * 80, (36, 30, 26))
    assert size == 26 and text.endswith("…")


def test_the_bundle_carries_the_deck_sarabun_and_its_licence(real_deck):
    import io
    import zipfile

    from ita_dash.deck.pptx_deck import pptx_bytes
    from ita_dash.deck.pptx_fonts import bundle_bytes

    data = bundle_bytes(pptx_bytes(real_deck), "deck", "th")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names == ["deck.pptx", "fonts/Sarabun-Regular.ttf", "fonts/Sarabun-Bold.ttf",
                     "fonts/OFL.txt", "README.txt"]
    readme = zipfile.ZipFile(io.BytesIO(data)).read("README.txt").decode()
    assert "Sarabun" in readme and "Tahoma" in readme


def test_no_slide_with_nothing_to_show_and_speaker_notes_with_figures(real_prs, real_deck):
    """Samphanthawong 2567: the ranking (alone in its scope) and the indicator changes (no
    earlier year) have nothing to show and are left out; every slide has speaker notes
    naming what it shows, its figures and its source."""
    assert [s.key for s in real_deck.slides if s.is_empty] == ["ranking", "deltas"]
    notes = [slide.notes_slide.notes_text_frame.text for slide in real_prs.slides]
    assert all(n.strip() for n in notes)
    history = notes[1]
    assert "87.67" in history and "ที่มา: ข้อมูลจริงจากรายงาน" in history
    radar = next(n for n in notes if "10 การป้องกันการทุจริต 40.00" in n)
    assert "9 การเปิดเผยข้อมูล 85.00" in radar


def test_a_deck_of_several_units_compares_them(con):
    """The compare page's slides (scope units:a,b,c): totals over the years and the ten
    indicators, one series per unit, right after the ranking; the figures are the units'."""
    from ita_dash.deck.slides import build_deck
    from ita_dash.scope import Scope

    units = ("bkk-dusit", "bkk-phranakhon", "bkk-samphanthawong")
    deck = build_deck(con, dataset="demo", unit_id="bkk-dusit", year=2568,
                      scope=Scope.of_units(units))
    keys = [s.key for s in deck.slides]
    assert keys[1:4] == ["ranking", "compare_history", "compare_radar"]
    history = deck.slide("compare_history").chart
    assert [s.name for s in history.series] == ["ดุสิต", "พระนคร", "สัมพันธวงศ์"]
    totals = dict(con.execute("SELECT unit_id, round(score, 2) FROM unit_years WHERE "
                              "dataset = 'demo' AND fiscal_year = 2568").fetchall())
    assert [s.values[-1] for s in history.series] == [totals[u] for u in units]
    radar = deck.slide("compare_radar").chart
    assert len(radar.categories) == 10 and len(radar.series) == 3
    one = build_deck(con, dataset="demo", unit_id="bkk-dusit", year=2568)
    assert not {"compare_history", "compare_radar"} & {s.key for s in one.slides}


def test_the_what_if_is_offered_as_a_slide(con):
    """Samphanthawong 2567 with its five zero O-items at full marks (whatif= in the link):
    a last slide with the new total and level and the nodes that move, in the PowerPoint."""
    from ita_dash.deck.slides import build_deck

    deck = build_deck(con, dataset="real", unit_id="bkk-samphanthawong", year=2567,
                      whatif=("O5", "O15", "O18", "O19", "O22"))
    slide = deck.slides[-1]
    assert slide.key == "whatif" and slide.table is not None
    assert slide.lines == ("คะแนนรวม 87.67 → 97.17 · ระดับ ผ่าน → ผ่านดีเยี่ยม",)
    assert slide.table.rows[0] == ("ITA", "คะแนน ITA", "87.67", "97.17", "+9.50")
    prs = Presentation(io.BytesIO(pptx_bytes(deck)))
    assert "97.17" in prs.slides[-1].notes_slide.notes_text_frame.text
