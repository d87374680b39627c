"""The slide model: content from the query layer, empty situations, source lines."""

from __future__ import annotations

import pytest

from ita_dash import queries
from ita_dash.deck.context import DeckError, resolve_unit
from ita_dash.deck.slides import build_deck, ranking_window
from ita_dash.deck.text import shorten, width
from ita_dash.i18n import t
from ita_dash.scope import Scope
from tests.deck.conftest import SAMPHANTHAWONG, TODAY

SAMPHANTHAWONG_2567 = [99.84, 95.18, 97.26, 99.90, 94.45, 97.88, 95.24, 95.82, 85.00, 40.00]
KEYS = ["title", "ranking", "history", "radar", "deltas", "weakest", "zero", "points"]


def test_slide_order_and_title(real_deck):
    assert [s.key for s in real_deck.slides] == KEYS
    title = real_deck.slide("title")
    assert title.title == "สำนักงานเขตสัมพันธวงศ์"
    assert "พ.ศ. 2567" in title.subtitle
    assert title.lines[0] == "คะแนนรวม 87.67 · ผ่าน"
    assert "5 มีนาคม 2568" in title.lines[-1]


def test_radar_is_the_query_layer_scores(real_deck, ro_con):
    chart = real_deck.slide("radar").chart
    assert chart.kind == "radar" and len(chart.categories) == 10
    assert list(chart.series[0].values) == SAMPHANTHAWONG_2567
    frame = queries.radar(ro_con, dataset="real", year=2567, unit_id=SAMPHANTHAWONG,
                          compare="group_mean", scope=Scope("group", "bkk-centralbangkok"))
    assert list(chart.series[0].values) == frame["value"].tolist()
    # the group has no other unit with 2567 data, and there is no 2566: said, not drawn
    assert len(chart.series) == 1
    assert any("2566" in note for note in real_deck.slide("radar").notes)


def test_zero_items_and_points(real_deck):
    zero = real_deck.slide("zero").table
    assert [row[0] for row in zero.rows] == ["O5", "O15", "O18", "O19", "O22"]
    assert real_deck.slide("zero").subtitle == "5 ข้อ · เสียคะแนน ITA รวม 9.50"
    points = real_deck.slide("points").chart
    assert points.kind == "bar" and points.categories[0].startswith("O5 ")
    assert points.series[0].values[:4] == (2.0, 2.0, 2.0, 2.0)


def test_no_previous_year_gives_a_message(real_deck):
    deltas = real_deck.slide("deltas")
    assert deltas.is_empty and deltas.chart is None
    assert deltas.message == t("deck.deltas_missing", "th", prev="พ.ศ. 2566")


def test_demo_deltas_and_ranking_highlight(demo_deck):
    deltas = demo_deck.slide("deltas").chart
    assert len(deltas.categories) == 10 and all(v is not None for v in deltas.series[0].values)
    ranking = demo_deck.slide("ranking").chart
    names = [c.split(". ", 1)[1] for c in ranking.categories]
    colors = ranking.series[0].point_colors
    assert colors[names.index("สัมพันธวงศ์")] != colors[0]
    assert len(set(colors)) == 2


def test_every_slide_has_one_source_and_demo_says_synthetic(real_deck, demo_deck):
    for slide in demo_deck.slides:
        assert slide.source.startswith("ที่มา: ข้อมูลสาธิต (สังเคราะห์)")
        assert "ไม่ใช่ผลการประเมินจริง" in slide.source
    for slide in real_deck.slides:
        assert slide.source.startswith("ที่มา: ข้อมูลจริงจากรายงาน")
        assert "สัมพันธวงศ์" in slide.source and "เกณฑ์การประเมิน" in slide.source


def test_every_real_unit_year_builds(ro_con):
    """Sparse units (a total only, no items, no previous year) give messages, not errors."""
    units = queries.units_with_scores(ro_con, dataset="real")
    for unit_id in units["unit_id"]:
        history = queries.unit_history(ro_con, dataset="real", unit_id=unit_id)
        for year in history["fiscal_year"]:
            deck = build_deck(ro_con, dataset="real", unit_id=unit_id, year=int(year), today=TODAY)
            for slide in deck.slides:
                assert slide.chart or slide.table or slide.message or slide.lines, slide.key


def test_messages_for_sparse_units(ro_con):
    talingchan = build_deck(ro_con, dataset="real", unit_id="bkk-talingchan", year=2565)
    assert talingchan.slide("ranking").message == t(
        "deck.ranking_missing", "th", unit="ตลิ่งชัน", year="พ.ศ. 2565")
    assert talingchan.slide("title").lines[0] == t("deck.no_score", "th")
    khwaoyai = build_deck(ro_con, dataset="real", unit_id="th-mkm-khwaoyai-tm", year=2568)
    assert khwaoyai.slide("points").message == t("deck.points_unknown", "th")
    assert khwaoyai.scope_name == "เทศบาล"


def test_english_deck(ro_con):
    deck = build_deck(ro_con, dataset="demo", unit_id="bkk-bangkhae", year=2568, scope=Scope(),
                      lang="en")
    assert deck.slide("title").title == "Bang Khae District Office"
    assert deck.slide("radar").chart.categories[0] == "1 Performance of duty"
    assert deck.slide("ranking").title == "Ranking in all units"
    assert deck.slide("ranking").notes == ("showing 12 of 50 units",)
    assert deck.slides[0].source.startswith("Source: Demo data (synthetic)")


def test_unknown_unit_and_year(ro_con):
    assert resolve_unit(ro_con, "เขตสัมพันธวงศ์") == SAMPHANTHAWONG
    with pytest.raises(DeckError) as unknown:
        resolve_unit(ro_con, "เขตที่ไม่มีจริง")
    assert "ไม่พบหน่วยงาน" in unknown.value.th and "unknown unit" in unknown.value.en
    with pytest.raises(DeckError) as no_year:
        build_deck(ro_con, dataset="real", unit_id=SAMPHANTHAWONG, year=2560)
    assert "2560" in no_year.value.th and "years with data: 2567" in no_year.value.en


def test_ranking_window():
    assert ranking_window(9, 4) == list(range(9))
    window = ranking_window(50, 30, limit=12)
    assert len(window) == 12 and 30 in window and window[0] == 0
    assert set(range(27, 34)) <= set(window)
    assert ranking_window(50, 0, limit=12) == list(range(12))


def test_shorten_keeps_thai_marks_with_their_consonant():
    text = "การประเมินความเสี่ยงต่อการรับสินบน"
    short = shorten(text, 12)
    assert short.endswith("…") and width(short) == 13
    assert text.startswith(short[:-1])
    assert shorten("สั้น", 10) == "สั้น"
    assert width("ที่") == 1


def test_a_ranking_of_one_unit_is_a_message_not_one_bar(real_deck):
    ranking = real_deck.slide("ranking")  # Samphanthawong is the only unit scored in 2567
    assert ranking.chart is None
    assert ranking.message == \
        "ใน กลุ่มเขตกรุงเทพกลาง มีคะแนนของ พ.ศ. 2567 เพียงหน่วยงานเดียวในชุดข้อมูลนี้"
