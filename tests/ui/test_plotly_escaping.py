"""Every chart builder's figure, fed frames whose every text from the data is hostile markup:
no tag of the data's survives anywhere in the figure (labels, ticks, legends, hover text,
annotations, the PNG title), so Plotly draws it as the characters typed."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from ita_dash import charts, queries
from ita_dash.deck import model as m
from ita_dash.deck.figures import chart_figure, table_figure
from ita_dash.deck.slides import build_deck
from ita_dash.images import export_title
from ita_dash.scope import Scope

CENTRAL = Scope("group", "bkk-centralbangkok")
PEERS = Scope("group", "peer-2564-ten")
# columns whose values are keys or colours, never shown as text
KEYS = {"unit_id", "group_id", "dataset", "level_color", "color", "status", "framework_id",
        "group_set", "kind", "unit_type", "compare"}
TAGS = ("<img", "<a ", "<a>", "<b>!", "<i>", "</a>")


def hostile(value: object) -> str:
    """A value turned into markup around it (one-to-one, so groupings keep their shape)."""
    return f"<img src=http://127.0.0.1:9/t.png><a href='http://127.0.0.1:9/x'>{value}</a><b>!</b>"


def poisoned(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text column that is not a key made hostile."""
    out = frame.copy()
    for column in out.columns:
        if column in KEYS or column.endswith("_id"):
            continue
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: v if v is None or v != v else hostile(v))
    return out


def texts(node: object) -> list[str]:
    """Every string anywhere in a figure's JSON."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in texts(v)]
    if isinstance(node, list | tuple):
        return [s for v in node for s in texts(v)]
    if hasattr(node, "tolist"):
        return texts(node.tolist())
    return []


def assert_inert(name: str, fig: go.Figure) -> None:
    found = texts(fig.to_plotly_json())
    assert any("&lt;img" in s for s in found), (name, "the hostile text is not in the figure")
    leaks = [s for s in found if any(tag in s for tag in TAGS)]
    assert not leaks, (name, leaks[:3])


def figures(con) -> dict[str, go.Figure]:
    demo = {"dataset": "demo", "year": 2567}

    def q(query, **params) -> pd.DataFrame:
        return poisoned(query(con, **params))

    vs_group = q(queries.radar, **demo, unit_id="bkk-dusit", compare="group_mean", scope=CENTRAL)
    vs_prev = q(queries.radar, **demo, unit_id="bkk-dusit", compare="previous_year")
    deltas = q(queries.indicator_deltas, dataset="demo", unit_id="bkk-dusit")
    ranking = q(queries.rankings, dataset="real", year=2564, scope=PEERS)
    scope = Scope.of_units(("bkk-dusit", "bkk-bangrak", "bkk-pathumwan"))
    return {
        "ranking": charts.ranking_bar(ranking, "th", highlight=ranking["unit_id"].iloc[0]),
        "focus": charts.ranking_focus_bar(charts.focus_rows(ranking, ranking["unit_id"].iloc[3],
                                                            top=2), "en",
                                          ranking["unit_id"].iloc[3]),
        "ratings": charts.rating_bar(q(queries.rating_counts, **demo, scope=Scope()), "th"),
        "trend": charts.group_trend_lines(
            q(queries.group_trend, dataset="demo", group_set="bkk_district_group"), "en"),
        "spread": charts.group_spread_box(
            q(queries.group_spread, **demo, group_set="bkk_district_group"), "th"),
        "radar": charts.radar_chart(vs_group, charts.radar_series(
            vs_group, vs_prev, "th", hostile("กลุ่ม"), 2566), "th"),
        "deltas": charts.indicator_delta_bars(charts.year_changes(deltas, 2567), "th"),
        "recoverable": charts.recoverable_bars(q(
            queries.points_recoverable, dataset="real", year=2567,
            unit_id="bkk-samphanthawong"), "th"),
        "heatmap": charts.indicator_heatmap(q(queries.indicator_matrix, **demo, scope=CENTRAL),
                                            "th", focus_unit="bkk-dusit"),
        "frequency": charts.weakest_frequency_bars(
            q(queries.weakest_indicator_frequency, **demo, scope=CENTRAL), "en"),
        "grid": charts.open_item_grid(q(queries.open_item_grid, **demo, scope=CENTRAL), "th",
                                      focus_unit="bkk-dusit"),
        "misses": charts.miss_count_bars(q(queries.item_miss_counts, **demo, scope=CENTRAL),
                                         "th"),
        "slice-heatmap": charts.indicator_slice_heatmap(
            q(queries.indicator_slice_matrix, **demo, scope=Scope(), by="province"), "province",
            "th", focus=hostile("กรุงเทพมหานคร")),
        "slice-grid": charts.open_item_slice_heatmap(
            q(queries.open_item_slice_grid, **demo, scope=Scope(), by="province"), "province",
            "en"),
        "compare-lines": charts.compare_lines(
            q(queries.compare_history, dataset="demo", scope=scope), "score", "th", "คะแนน"),
        "compare-radar": charts.compare_radar(
            q(queries.compare_indicators, dataset="demo", scope=scope).query(
                "fiscal_year == 2567"), "th"),
        "png-title": export_title(charts.unit_history_lines(
            q(queries.unit_history, dataset="demo", unit_id="bkk-dusit"), "th"),
            hostile("title"), hostile("หน่วย"), hostile("source"), hostile("mark")),
    }


def test_no_tag_from_the_data_survives_in_any_chart(con) -> None:
    built = figures(con)
    assert len(built) == 17
    for name, fig in built.items():
        assert_inert(name, fig)


def test_the_deck_figures_draw_names_as_text(con) -> None:
    deck = build_deck(con, dataset="real", unit_id="bkk-samphanthawong", year=2567,
                      scope=Scope(), lang="th")
    seen = 0
    for slide in deck.slides:
        if slide.chart is not None:
            spec = slide.chart
            spec = replace(spec, categories=tuple(hostile(c) for c in spec.categories),
                           series=tuple(replace(s, name=hostile(s.name)) for s in spec.series))
            assert_inert(slide.key, chart_figure(spec))
            seen += 1
        if slide.table is not None and slide.table.rows:
            table = slide.table
            table = replace(table, columns=tuple(hostile(c) for c in table.columns),
                            rows=tuple(tuple(hostile(v) for v in row) for row in table.rows))
            assert_inert(slide.key, table_figure(table))
            seen += 1
    assert seen >= 4
    assert isinstance(deck, m.Deck)


def test_report_charts_draw_dollar_signs_as_typed() -> None:
    """The report's matplotlib charts: no mathtext from a name such as "$x^2$"."""
    from matplotlib.figure import Figure

    from ita_dash.report import charts as report_charts

    png = report_charts.bar_chart(["$x^2$ <b>หนา</b>", "บางรัก"], [("$s$", [70.0, 80.0],
                                                                    "#1f4e79")], "คะแนน")
    assert png.startswith(b"\x89PNG")
    text = Figure().subplots().set_title("$x^2$")
    assert text._preprocess_math(text.get_text()) == ("$x^2$", False)
