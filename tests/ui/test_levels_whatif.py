"""Levels explained (each level's conditions, one pass rule) and the what-if on the unit
profile, recomputed with the framework's points (issue 19)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ita_dash import queries as q
from ita_dash import tables
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.derive import refresh_derived
from ita_dash.scope import Scope
from ita_dash.ui import levels
from ita_dash.whatif import scenario
from tests.ui.conftest import assert_no_exception, run_page, texts

SAMPHAN = {"dataset": "real", "unit_id": "bkk-samphanthawong", "year": 2567}
ZERO_O = ["O5", "O15", "O18", "O19", "O22"]


def expected_total(full_marks: list[str]) -> tuple[float, dict[str, float]]:
    """Independently of the app: the Samphanthawong 2567 items (as printed, the five zero
    O-items at 100) aggregated up the bma-2567 tree with the points of nodes.csv; IIT and
    EIT from their printed indicators (their items are untouched)."""
    nodes = pd.read_csv(DEFAULT_DATA_DIR / "frameworks" / "bma-2567" / "nodes.csv", dtype=str)
    nodes["points"] = pd.to_numeric(nodes["points"])
    printed = {"1": 99.84, "2": 95.18, "3": 97.26, "4": 99.90, "5": 94.45, "6": 97.88,
               "7": 95.24, "8": 95.82}
    o_items = {f"O{i}": 100.0 for i in range(1, 23)} | {"O5": 0.0, "O9": 50.0, "O15": 0.0,
                                                       "O18": 0.0, "O19": 0.0, "O22": 0.0}
    value = {**printed, **o_items, **{c: 100.0 for c in full_marks}}
    children: dict[str, list[str]] = {}
    for code, parent, kind in zip(nodes["code"], nodes["parent_code"], nodes["kind"],
                                  strict=True):
        if isinstance(parent, str) and kind not in ("tool_points", "tool_part", "index"):
            children.setdefault(parent, []).append(code)
    printed_points = dict(zip(nodes["code"], nodes["points"], strict=True))

    def pts(code: str) -> float:  # a node without printed points weighs its parts' sum
        own = printed_points[code]
        return float(own) if pd.notna(own) else sum(pts(c) for c in children[code])

    points = {code: pts(code) for code in nodes["code"] if code in children
              or pd.notna(printed_points[code])}

    def val(code: str) -> float:
        if code in value:
            return value[code]
        parts = children[code]
        return sum(points[c] * val(c) for c in parts) / sum(points[c] for c in parts)

    tools = {t: val(t) for t in ("IIT", "EIT", "OIT")}
    return val("ITA"), tools


def test_samphanthawong_2567_zero_o_items_at_full_marks(con) -> None:
    total, tools = expected_total(ZERO_O)
    assert round(total, 2) == 97.17 and round(tools["OIT"], 2) == 97.5
    got = scenario(con, **SAMPHAN, full_marks=ZERO_O)
    assert got is not None
    assert round(float(got.after["score"]), 2) == round(total, 2)
    for tool, v in tools.items():
        assert round(float(got.after[tool.lower()]), 2) == round(v, 2)
    # the level under the year's scale (rating_levels.csv of bma-2567): each tool >= 95
    scale = pd.read_csv(DEFAULT_DATA_DIR / "frameworks" / "bma-2567" / "rating_levels.csv")
    first = next(r for r in scale.itertuples()
                 if r.min_total <= round(total, 2) <= r.max_total
                 and (pd.isna(r.min_each_tool) or min(tools.values()) >= r.min_each_tool))
    assert got.after["level_code"] == first.level_code == "EXCELLENT"
    assert got.after["level_th"] == "ผ่านดีเยี่ยม" and got.before["level_th"] == "ผ่าน"
    moved = dict(zip(got.nodes["code"], got.nodes["after"].round(2), strict=True))
    assert (moved["9"], moved["10"], moved["9.2"], moved["O5"]) == (96.67, 100.0, 93.75, 100.0)
    # nothing ticked: the unit-year as stored
    same = scenario(con, **SAMPHAN, full_marks=[])
    assert same is not None and same.nodes.empty and same.after["score"] == 87.67


def test_what_if_on_the_profile_is_kept_in_the_url() -> None:
    at = run_page("unit_profile", dataset="real", year="2567", unit="bkk-samphanthawong",
                  whatif="O5,O15,O18,O19,O22")
    assert_no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["คะแนน ITA ใหม่"], metrics["ระดับใหม่"]) == ("97.17", "ผ่านดีเยี่ยม")
    assert at.query_params["whatif"] == "O5,O15,O18,O19,O22"
    at.button(key="whatif_bkk-samphanthawong_2567_clear").click().run()
    assert "whatif" not in at.query_params and "คะแนน ITA ใหม่" not in \
        [m.label for m in at.metric]
    at.button(key="whatif_bkk-samphanthawong_2567_zero").click().run()
    assert at.query_params["whatif"] == "O5,O15,O18,O19,O22"


def test_why_a_level_each_condition_against_the_figures(con) -> None:
    """Samphanthawong 2567: ผ่าน as printed; ผ่านดี fails on a tool (OIT 73.75 < 85)."""
    rows = q.level_conditions(con, **SAMPHAN).set_index("level_code")
    assert bool(rows.loc["PASS", "chosen"]) and bool(rows.loc["PASS", "passed"])
    assert not rows.loc["GOOD", "tools_ok"] and rows.loc["GOOD", "total_ok"]
    assert not rows.loc["EXCELLENT", "total_ok"]
    table = levels.why_table(rows.reset_index(), "th")
    assert table.iloc[1].tolist() == ["ผ่านดี", "85.00–100.00", "✓ ได้", "85", "✗ ไม่ได้", ""]
    assert table.iloc[2, -1] == "◀ ระดับที่ได้"


def test_a_total_without_tools_passes_and_says_why_its_level_is_unknown(db_copy: Path) -> None:
    """An imported 86.25 (total only) in 2568: it passes (the one rule: total >= 85) and
    its level cannot be told (ผ่านดี needs each tool); the pages say both."""
    con = duckdb.connect(str(db_copy))
    con.execute("INSERT INTO scores (dataset, unit_id, fiscal_year, framework_id, code, score) "
                "VALUES ('real', 'bkk-bangrak', 2568, 'nacc-2568', 'ITA', 86.25)")
    refresh_derived(con, "real", [2568])
    rows = q.level_conditions(con, dataset="real", unit_id="bkk-bangrak", year=2568)
    assert bool(rows["passed"].iloc[0]) and not rows["chosen"].fillna(False).any()
    assert "ระบุระดับไม่ได้" in levels.level_sentence(rows, "th")
    ranking = tables.with_pass_labels(q.rankings(con, dataset="real", year=2568, scope=Scope()))
    row = ranking.set_index("unit_id").loc["bkk-bangrak"]
    assert (row["passed_th"], pd.isna(row["level_th"])) == ("ผ่าน", True)
    con.close()


def test_rankings_carry_a_pass_column_and_the_year_legend() -> None:
    at = run_page("overview", dataset="real", year="2564", scope="group:peer-2564-ten")
    assert_no_exception(at)
    ranking = next(d.value for d in at.dataframe if "อันดับ" in d.value.columns)
    assert set(ranking["ผ่านเกณฑ์"]) == {"ไม่ผ่าน"}  # ten districts, all below 85
    assert any("ระดับผลการประเมินและเกณฑ์ผ่านของปี พ.ศ. 2564" in e.label for e in at.expander)
    legend = next(d.value for d in at.dataframe if "คะแนนรวมที่ต้องได้" in d.value.columns)
    assert legend.iloc[0].tolist()[:2] == ["AA", "95.00–100.00"]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_profile_has_why_this_level(lang: str) -> None:
    at = run_page("unit_profile", dataset="real", year="2567", unit="bkk-samphanthawong",
                  lang=lang)
    assert_no_exception(at)
    label = "ทำไมได้ระดับนี้" if lang == "th" else "Why this level"
    assert any(e.label == label for e in at.expander)
    shown = " ".join(texts(at.markdown))
    assert ("87.67 ≥ เกณฑ์ผ่าน 85" if lang == "th" else "87.67 ≥ the pass mark 85") in shown


def test_my_unit_remembered_opens_the_next_visit_on_it() -> None:
    """A first visit without parameters, with 'my unit' remembered by the browser (the
    cookie as read): the overview opens on its dataset, group and unit, and says first where
    it stands in the group."""
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import APP, PAGES

    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["_ita_mine"] = "demo~bkk-dusit~group:bkk-centralbangkok"
    at.switch_page(PAGES["overview"])
    at.run()
    assert_no_exception(at)
    assert (at.query_params["dataset"], at.query_params["unit"], at.query_params["scope"]) == \
        ("demo", "bkk-dusit", "group:bkk-centralbangkok")
    con_rank = next(d.value for d in at.dataframe if "อันดับ" in d.value.columns)
    row = con_rank.set_index("หน่วยงาน").loc["ดุสิต"]
    first = texts(at.success)[0]
    assert first.startswith(f"หน่วยงานของฉัน **ดุสิต**: อันดับ {row['อันดับ']} จาก {len(con_rank)}")
    assert "ผ่านเกณฑ์: ผ่าน" in first
    assert f"คะแนน {row['คะแนน']:.2f}" in first
    assert [b.key for b in at.sidebar.button if b.key == "mine_forget"] == ["mine_forget"]
