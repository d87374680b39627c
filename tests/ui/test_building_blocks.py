"""Charts, tables, i18n, fonts and page hygiene, without running the app."""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import tomllib

import openpyxl
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from ita_dash import charts, i18n, palette, tables
from ita_dash.queries import (
    group_spread,
    group_trend,
    indicator_deltas,
    indicator_matrix,
    item_miss_counts,
    open_item_grid,
    points_recoverable,
    radar,
    rankings,
    rating_counts,
    unit_history,
    weakest_indicator_frequency,
)
from ita_dash.scope import Scope
from ita_dash.ui.fonts import FONT_FILES, ensure_static_fonts
from tests.ui.browser import PROJECT_DIR

PEERS = Scope("group", "peer-2564-ten")
CENTRAL = Scope("group", "bkk-centralbangkok")


def all_figures(con) -> dict[str, object]:
    demo = {"dataset": "demo", "year": 2567}
    vs_group = radar(con, **demo, unit_id="bkk-dusit", compare="group_mean", scope=CENTRAL)
    vs_prev = radar(con, **demo, unit_id="bkk-dusit", compare="previous_year")
    deltas = indicator_deltas(con, dataset="demo", unit_id="bkk-dusit")
    return {
        "ranking": charts.ranking_bar(rankings(con, dataset="real", year=2564, scope=PEERS), "th"),
        "ratings": charts.rating_bar(rating_counts(con, **demo, scope=Scope()), "th"),
        "trend": charts.group_trend_lines(
            group_trend(con, dataset="demo", group_set="bkk_district_group"), "en"),
        "spread": charts.group_spread_box(
            group_spread(con, **demo, group_set="bkk_district_group"), "th"),
        "history": charts.unit_history_lines(unit_history(con, dataset="demo",
                                                          unit_id="bkk-dusit"), "th"),
        "radar": charts.radar_chart(vs_group, charts.radar_series(
            vs_group, vs_prev, "th", "กลุ่มเขตกรุงเทพกลาง", 2566), "th"),
        "deltas": charts.indicator_delta_bars(charts.year_changes(deltas, 2567), "th"),
        "recoverable": charts.recoverable_bars(points_recoverable(
            con, dataset="real", year=2567, unit_id="bkk-samphanthawong"), "th"),
        "heatmap": charts.indicator_heatmap(indicator_matrix(con, **demo, scope=CENTRAL), "th"),
        "frequency": charts.weakest_frequency_bars(
            weakest_indicator_frequency(con, **demo, scope=CENTRAL), "th"),
        "grid": charts.open_item_grid(open_item_grid(con, **demo, scope=CENTRAL), "th"),
        "misses": charts.miss_count_bars(item_miss_counts(con, **demo, scope=CENTRAL), "th"),
    }


def test_every_chart_uses_sarabun_and_shows_exact_figures_on_hover(con) -> None:
    import streamlit.elements.plotly_chart  # noqa: F401  (makes Streamlit's template the default)

    for name, fig in all_figures(con).items():
        # the figure's own setting, else its template's (the dashboard's default template)
        look = fig.layout.template.layout
        assert (fig.layout.font.family or look.font.family).startswith("Sarabun"), name
        assert (fig.layout.hoverlabel.font.family or look.hoverlabel.font.family) \
            .startswith("Sarabun"), name
        templates = [tr.hovertemplate or "" for tr in fig.data]
        assert any(".2f" in h or ".4f" in h or "%{x}" in h or "%{y}" in h for h in templates), name


def test_ranking_bars_take_level_colours_from_the_data_and_draw_the_pass_line(con) -> None:
    frame = rankings(con, dataset="real", year=2564, scope=PEERS)
    fig = charts.ranking_bar(frame, "th")
    colours = {tr.name: tr.marker.color for tr in fig.data if tr.type == "bar"}
    expected = dict(zip(frame["level_th"], frame["level_color"], strict=False))
    assert colours == expected
    assert [s.x0 for s in fig.layout.shapes] == [85.0]
    assert list(fig.layout.yaxis.categoryarray)[-1] == "บางซื่อ"  # rank 1 drawn at the top


def test_the_radar_leaves_out_a_group_made_only_of_the_unit_itself(con) -> None:
    args = {"dataset": "real", "year": 2567, "unit_id": "bkk-samphanthawong"}
    vs_group = radar(con, **args, compare="group_mean", scope=CENTRAL)
    vs_prev = radar(con, **args, compare="previous_year")
    assert charts.radar_series(vs_group, vs_prev, "th", "x", 2566) == []


def test_only_ui_app_and_pages_import_streamlit() -> None:
    """No module of ita_dash outside ita_dash/ui names Streamlit, nor loads it on import."""
    package = PROJECT_DIR / "ita_dash"
    outside = sorted(p for p in package.rglob("*.py") if "ui" not in p.relative_to(package).parts)
    naming = []
    for path in outside:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] == "streamlit" for n in names):
                naming.append(str(path.relative_to(PROJECT_DIR)))
    assert naming == []
    assert len(outside) > 40
    modules = [".".join(p.relative_to(PROJECT_DIR).with_suffix("").parts).removesuffix(".__init__")
               for p in outside if p.name != "__main__.py"]
    code = f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n" \
           "print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PROJECT_DIR, check=True)
    assert out.stdout.strip() == "False"


def test_localized_table_has_thai_headers_and_numbers_as_numbers(con) -> None:
    frame = rankings(con, dataset="real", year=2564, scope=PEERS)
    shown = tables.localize(frame, tables.RANKING, "th")
    assert list(shown.columns[:4]) == ["อันดับ", "หน่วยงาน", "คะแนน", "ระดับ"]
    assert shown["คะแนน"].dtype == "Float64"
    book = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx_bytes(shown, "ranking")))
    sheet = book.active
    assert [c.value for c in sheet[1]][:4] == ["อันดับ", "หน่วยงาน", "คะแนน", "ระดับ"]
    assert [c.value for c in sheet[2]][:4] == [1, "บางซื่อ", 72.45, "C"]
    assert isinstance(sheet["C2"].value, float)
    assert sheet["E2"].value is None  # no previous year: an empty cell, not "None"
    csv = tables.to_csv_bytes(shown)
    assert csv.startswith(b"\xef\xbb\xbf")
    assert "บางซื่อ,72.45,C" in csv.decode("utf-8-sig")


def test_display_shows_two_decimals_and_coloured_arrows() -> None:
    frame = pd.DataFrame({"rank": [1, 2], "short_th": ["ก", "ข"], "short_en": ["A", "B"],
                          "score": [90.5, 80.0], "level_th": ["ผ่าน", None],
                          "level_en": ["Pass", None], "level_color": ["#7cb342", None],
                          "delta_points": [1.234, -0.5], "delta_rank": [2, None],
                          "prev_score": [None, 80.5], "iit": [1.0, 2.0], "eit": [1.0, 2.0],
                          "oit": [1.0, 2.0]})
    shown = tables.localize(frame, tables.RANKING, "en")
    styled = tables.style(shown, tables.RANKING, "en", level_colors=frame["level_color"])
    html = styled.to_html()
    assert "90.50" in html and "80.00" in html
    assert "▲ 1.23" in html and "▼ 0.50" in html and "▲ 2" in html
    assert "#1b7f3b" in html and "#c62828" in html
    assert "background-color: #7cb342" in html
    assert "None" not in html and "nan" not in html.lower().replace("nan-", "")


@pytest.mark.parametrize(("value", "text"), [(5.744, "▲ 5.74"), (-2.45, "▼ 2.45"),
                                             (0.001, "0.00"), (None, "")])
def test_format_delta(value, text) -> None:
    assert tables.format_delta(value) == text


def test_text_on_rating_colours_stays_readable() -> None:
    assert tables.text_color_for("#fbc02d") == "#000000"  # yellow C
    assert tables.text_color_for("#1a7f37") == "#ffffff"  # dark green


def test_every_string_has_thai_and_english() -> None:
    missing = [k for k, v in i18n.STRINGS.items() if not v.get("th") or not v.get("en")]
    assert not missing
    assert i18n.t("page.overview", "en") == "Overview"
    assert i18n.t("no.such.key", "th") == "no.such.key"
    assert i18n.year_label(2567, "th") == "พ.ศ. 2567"
    assert i18n.year_label(2567, "en") == "B.E. 2567 (2024)"
    assert "ข้อมูลสังเคราะห์ ไม่ใช่ผลการประเมินจริง" in i18n.t("demo.banner", "th")
    assert "ข้อมูลสังเคราะห์ ไม่ใช่ผลการประเมินจริง" in i18n.t("demo.banner", "en")


def test_table_headers_are_unique_in_both_languages() -> None:
    specs = [v for v in vars(tables).values()
             if isinstance(v, tuple) and v and all(isinstance(c, tables.Col) for c in v)]
    for spec in specs:
        for lang in i18n.LANGS:
            headers = [i18n.t(c.header, lang) for c in spec]
            assert len(headers) == len(set(headers)), headers


def test_sarabun_is_served_from_the_installed_package(tmp_path) -> None:
    copied = ensure_static_fonts(tmp_path)
    assert sorted(p.name for p in copied) == sorted(FONT_FILES)
    assert ensure_static_fonts(tmp_path) == []  # already there
    config = tomllib.loads((PROJECT_DIR / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableStaticServing"] is True
    assert config["theme"]["base"] == "light"
    assert config["theme"]["font"].startswith("Sarabun")
    urls = {face["url"] for face in config["theme"]["fontFaces"]}
    assert urls == {f"app/static/{name}" for name in FONT_FILES}
    assert all(face["family"] == "Sarabun" for face in config["theme"]["fontFaces"])


def test_every_colour_is_defined_once_in_the_palette() -> None:
    hexa = re.compile(r"#[0-9a-fA-F]{6}\b")
    elsewhere = {str(p.relative_to(PROJECT_DIR)): hexa.findall(p.read_text(encoding="utf-8"))
                 for p in [*sorted((PROJECT_DIR / "ita_dash").rglob("*.py")),
                           *sorted((PROJECT_DIR / "pages").glob("*.py")), PROJECT_DIR / "app.py"]
                 if p.name != "palette.py"}
    assert {k: v for k, v in elsewhere.items() if v} == {}
    theme = tomllib.loads((PROJECT_DIR / ".streamlit" / "config.toml").read_text())["theme"]
    assert (theme["primaryColor"], theme["textColor"], theme["backgroundColor"],
            theme["secondaryBackgroundColor"]) == (palette.PRIMARY, palette.TEXT,
                                                   palette.BACKGROUND, palette.PANEL)


def test_pages_are_thin_and_free_of_sql() -> None:
    sql = re.compile(r"\b(select|insert|update|delete)\b.+\b(from|into|set)\b", re.IGNORECASE)
    pages = sorted((PROJECT_DIR / "pages").glob("*.py"))
    assert len(pages) >= 6
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 70, page.name
        assert not sql.search(text), page.name
        assert "import duckdb" not in text and "queries" not in text, page.name
    assert (PROJECT_DIR / "app.py").exists()


@pytest.mark.parametrize("dataset", ["real", "demo"])
def test_recoverable_outlook_from_its_cached_parts_as_the_query(con, dataset, monkeypatch):
    """The unit profile's outlook is made from parts read once (the page's own items below
    full marks, each framework's weights and levels): the frame of the whole query, for
    every scored unit-year of real, a third of demo's."""
    from ita_dash import queries
    from ita_dash.ui import data

    for name in ("outlook_head", "points_recoverable", "tool_weights", "outlook_levels"):
        query = getattr(queries, name)
        monkeypatch.setattr(data, name, lambda query=query, **params: query(con, **params))
    years = queries.unit_years_scored(con, dataset=dataset)
    if dataset == "demo":  # regular by construction: one unit-year in three
        years = years.iloc[::3]
    shown = 0
    for r in years.itertuples():
        params = {"dataset": dataset, "year": int(r.fiscal_year), "unit_id": r.unit_id}
        got, whole = data.recoverable_outlook(**params), queries.recoverable_outlook(con, **params)
        assert_frame_equal(got, whole)
        shown += len(got)
    assert shown > 0
