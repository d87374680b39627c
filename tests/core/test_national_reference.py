"""The published national results as sourced reference data: query, charts and deck."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_dash import charts, queries
from ita_dash.deck.slides import build_deck
from ita_dash.escape import plotly

NATION_2565 = "https://nationthailand.com/in-focus/40018394"
NATION_2568 = "https://nationthailand.com/blogs/news/general/40054201"


def test_national_results_with_their_sources(con: duckdb.DuckDBPyConnection) -> None:
    frame = queries.national_reference(con, dataset="real")
    got = [(r.fiscal_year, r.n_units, r.mean_score,
            None if pd.isna(r.n_passed) else int(r.n_passed),
            None if pd.isna(r.pass_rate) else r.pass_rate,
            None if pd.isna(r.source_url) else r.source_url) for r in frame.itertuples()]
    assert got == [(2564, 8300, 81.25, None, None, None),
                   (2565, 8303, 87.57, 5855, 70.52, NATION_2565),
                   (2566, 8323, 90.19, 6737, 80.94, None),
                   (2568, 8317, 93.82, 7832, 94.17, NATION_2568)]
    assert queries.national_reference(con, dataset="demo").empty  # synthetic: no reference


def test_ranking_and_history_draw_the_national_mean(con: duckdb.DuckDBPyConnection) -> None:
    national = queries.national_reference(con, dataset="real")
    mark = national[national["fiscal_year"] == 2566].iloc[0]
    rows = pd.DataFrame({"unit_id": ["a", "b"], "rank": [1, 2], "short_th": ["ก", "ข"],
                         "short_en": ["A", "B"], "score": [93.9, 88.0], "level_th": ["ผ่านดี", "ผ่าน"],
                         "level_en": ["Good", "Pass"], "level_color": ["#2e7d32", "#66bb6a"],
                         "pass_mark": [85.0, 85.0]})
    fig = charts.ranking_focus_bar(rows, "th", None, mark)
    line = next(t for t in fig.data if t.name == "ค่าเฉลี่ยทั้งประเทศ 90.19")
    assert set(line.x) == {90.19} and list(line.y) == ["1. ก", "2. ข"]
    assert line.line.dash == "dot"
    hover = line.hovertemplate
    assert "ค่าเฉลี่ยทั้งประเทศ พ.ศ. 2566: 90.19 (8,323 หน่วยงาน, ผ่าน 6,737 (80.94 %))" in hover
    assert plotly(mark["source_title"]) in hover and "ไม่ทราบ URL" in hover
    history = pd.DataFrame({"fiscal_year": [2564, 2565, 2567], "score": [80.0, 85.0, 90.0],
                            "iit": [80.0] * 3, "eit": [80.0] * 3, "oit": [80.0] * 3})
    fig = charts.unit_history_lines(history, "en", national)
    line = next(t for t in fig.data if t.name == "National mean")
    assert list(line.x) == [2564, 2565] and list(line.y) == [81.25, 87.57]
    assert NATION_2565 in line.hovertext[1]


def test_deck_draws_and_cites_the_national_mean(con: duckdb.DuckDBPyConnection) -> None:
    unit = queries.find_unit(con, name="บางรัก")
    assert unit is not None
    deck = build_deck(con, dataset="real", unit_id=unit, year=2564)
    history = next(s for s in deck.slides if s.key == "history")
    assert history.chart is not None
    national = [s for s in history.chart.series if s.name == "ค่าเฉลี่ยทั้งประเทศ"]
    assert [s.values for s in national] == [(81.25,)]
    note = ("ค่าเฉลี่ยทั้งประเทศ 2564: 81.25 (8,300 หน่วยงาน) · ที่มา: "
            "ประกาศของ ป.ป.ช. ตามที่สื่อรายงาน (ไม่ทราบ URL)")
    assert note in history.notes
    ranking = next(s for s in deck.slides if s.key == "ranking")
    assert note in ranking.notes
