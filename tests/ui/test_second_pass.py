"""Issue 19, the journeys' second pass: each defect found, caught (AppTest and queries)."""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from ita_dash import charts
from ita_dash import queries as q
from ita_dash.build import build_database
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.i18n import STRINGS
from ita_dash.scope import Scope
from tests.ui.conftest import assert_no_exception, run_page, texts

NATIONAL = "national-demo"


@pytest.fixture(scope="session")
def national_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real and national-demo datasets built once for the whole run (about half a
    minute): the first worker to need it builds it under a lock, the others read it."""
    # a build file itself (…/x.builds/…): the app reads it as it is, never rebuilds it
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, common to its workers
    folder = shared / "national" / "ita.builds"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "national.duckdb"
    with (folder.parent / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder.parent / "built").exists():
            build_database(path, DEFAULT_DATA_DIR, datasets=["real", NATIONAL])
            (folder.parent / "built").touch()
    return path


def test_national_demo_a_picked_unit_and_a_95_rated_good(national_db, monkeypatch) -> None:
    """The two checks of the national build in one test, so that the build is made once on
    one worker while the other goes on (pytest-xdist's loadgroup does not group tests under
    this pytest: tried)."""
    a_unit_picked_by_search_opens_its_own_agency_type(national_db, monkeypatch)
    national_95_plus_without_excellent_says_which_tool_is_short(national_db)


def a_unit_picked_by_search_opens_its_own_agency_type(national_db: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """National demo: the municipality แม่ขาว found by search and picked (the pick goes to the
    URL, as the sidebar's search does) in a session that showed another type: the ranking
    within agency type moves to its type and names its rank (it stayed on departments)."""
    monkeypatch.setenv("ITA_DB_PATH", str(national_db))
    at = run_page("overview", dataset=NATIONAL)
    assert_no_exception(at)
    assert at.selectbox(key="type-ranking_type").value == "department"
    con = duckdb.connect(str(national_db), read_only=True)
    found = q.search_units(con, dataset=NATIONAL, text="แม่ขาว", limit=60)
    unit_id = "nd-town_municipality-0002"  # ทม.แม่ขาว (เชียงใหม่)
    assert unit_id in set(found["unit_id"])
    at.query_params["unit"] = unit_id
    at.run()
    assert_no_exception(at)
    assert at.selectbox(key="type-ranking_type").value == "town_municipality"
    n_in_type = con.execute("SELECT count(*) FROM unit_years y JOIN units u USING (unit_id) "
                            "WHERE y.dataset = ? AND y.fiscal_year = 2568 AND y.score IS NOT NULL "
                            "AND u.unit_type = 'town_municipality'", [NATIONAL]).fetchone()[0]
    assert n_in_type == 189
    assert any(re.search(rf"อันดับ \d+ จาก {n_in_type}", c) for c in texts(at.caption))


def test_zero_items_chart_names_its_axis(con) -> None:
    miss = q.item_miss_counts(con, dataset="demo", year=2567, scope=Scope())
    for lang, title in (("th", "จำนวนหน่วยงานที่ได้ศูนย์"), ("en", "Units at zero")):
        assert charts.miss_count_bars(miss, lang).layout.yaxis.title.text == title


def test_change_of_mean_compares_the_same_units(con) -> None:
    """Real 2565: Dusit has no earlier year; the ten districts of 2564 are other units, so
    there is no change of mean to show (it read ▲22.90)."""
    got = q.slice_summary(con, dataset="real", year=2565, scope=Scope(), by="group")
    assert got["delta_mean"].isna().all() and (got["n_prev"].fillna(0) == 0).all()
    demo = q.slice_summary(con, dataset="demo", year=2568, scope=Scope(), by="unit_type")
    pairs = con.execute("""
        SELECT count(*), round(avg(c.score - p.score), 2) FROM unit_years c JOIN unit_years p
          ON p.dataset = c.dataset AND p.unit_id = c.unit_id AND p.fiscal_year = c.prev_year
        WHERE c.dataset = 'demo' AND c.fiscal_year = 2568""").fetchone()
    assert (int(demo.iloc[0]["n_prev"]), float(demo.iloc[0]["delta_mean"])) == pairs


def test_weakest_means_below_the_pass_mark(con) -> None:
    """Samphanthawong 2567: 99.76 (I3, I6, I9) is never 'weakest'; the lowest item of an
    indicator is weak only below the year's pass mark (85, frameworks.csv)."""
    items = q.unit_items(con, dataset="real", year=2567, unit_id="bkk-samphanthawong")
    mark = con.execute("SELECT pass_mark FROM frameworks WHERE framework_id = 'bma-2567'"
                       ).fetchone()[0]
    lowest = items.groupby("indicator")["score"].transform("min")
    expected = items.loc[(items["score"] == lowest) & (items["score"] < mark), "code"]
    assert sorted(items.loc[items["is_weakest"], "code"]) == sorted(expected) == \
        ["O15", "O18", "O19", "O22", "O5"]
    assert not items.loc[items["score"] >= mark, "is_weakest"].any()


def test_zero_items_heading_names_the_oit_tool_not_indicator_9() -> None:
    at = run_page("zero_items", dataset="real", year="2567", unit="bkk-samphanthawong")
    title = texts(at.title)[0]
    assert "(การเปิดเผยข้อมูล)" not in title and "OIT" in title


def test_ranking_value_labels_readable_and_clear_of_the_pass_line(con) -> None:
    frame = q.rankings(con, dataset="demo", year=2568, scope=Scope())
    for fig in (charts.ranking_bar(frame, "th"),
                charts.ranking_focus_bar(frame.rename_axis("position").reset_index(), "th",
                                         None)):
        bars = [tr for tr in fig.data if tr.type == "bar"]
        assert all(tr.textfont.size >= 12 and tr.insidetextanchor == "start" for tr in bars)
        # the pass mark is a legend entry (flows with the legend), not a label over it
        assert "เกณฑ์ผ่าน 85" in [tr.name for tr in fig.data if tr.type == "scatter"]
        assert not [a for a in fig.layout.annotations if "เกณฑ์ผ่าน" in (a.text or "")]


# ------------------------------------------------------------------- the scan test

_KEY = re.compile(r"\b(" + "|".join(sorted({k.split(".")[0] for k in STRINGS})) +
                  r")\.[a-z][a-z0-9_\-]*(\.[a-z0-9_\-]+)*\b")
_PATH = re.compile(r"(\b[\w\-]+/)+[\w\-]+\.(md|py|csv|duckdb|json|toml)\b|\bdocs/")
SCANNED = ("overview", "groups", "unit_profile", "weakest_indicators", "zero_items", "about",
           "data", "presentation", "compare")


def _shown(at: AppTest) -> Iterator[tuple[str, str]]:
    """(kind, text) of everything the page shows: texts, labels, tables, chart specs."""
    def walk(node) -> Iterator[tuple[str, str]]:
        kind = getattr(node, "type", "")
        if kind == "plotly_chart":
            spec = json.loads(node.proto.spec)
            yield kind, json.dumps(spec.get("layout", {}), ensure_ascii=False)
            for trace in spec.get("data", []):
                for field in ("name", "text", "x", "y", "theta", "customdata", "hovertemplate",
                              "header", "cells"):
                    if field in trace:
                        yield kind, json.dumps(trace[field], ensure_ascii=False)
        elif kind in ("dataframe", "table"):
            frame = node.value
            values = frame.data if hasattr(frame, "data") else frame
            yield kind, " | ".join(map(str, values.columns))
            yield kind, " | ".join(map(str, values.astype(str).to_numpy().ravel()))
        else:
            for attr in ("value", "label", "body", "help", "placeholder"):
                v = getattr(node, attr, None)
                if isinstance(v, str):
                    yield kind or attr, v
            for option in getattr(node, "options", None) or []:
                yield kind, str(option)
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    yield from walk(at._tree)


VIEWS = {"real": {"dataset": "real", "year": "2567", "unit": "bkk-samphanthawong"},
         "demo": {"dataset": "demo", "year": "2568", "unit": "bkk-dusit",
                  "scope": "group:bkk-centralbangkok"}}


@pytest.mark.parametrize("page", SCANNED)
@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_no_raw_key_none_or_path_on_any_page(page: str, lang: str, view: str) -> None:
    params = {**VIEWS[view], "lang": lang}
    if page == "compare":
        params["scope"] = "units:bkk-samphanthawong,bkk-dusit"
    if page == "unit_profile":  # the what-if's figures and table are scanned too
        params["whatif"] = "O5,O15,O18,O19,O22"
    at = run_page(page, **params)
    assert_no_exception(at)
    bad = []
    for kind, text in _shown(at):
        if kind == "plotly_chart":
            text = re.sub(r'"(hovertemplate|texttemplate|meta|uid|type|mode|font|family|'
                          r'fill|xref|yref|xanchor|yanchor|hoverinfo)":\s*"[^"]*"', "", text)
        hit = _KEY.search(text) or re.search(r"\bNone\b|\bnan\b", text) or _PATH.search(text)
        if hit:
            bad.append((kind, text[max(0, hit.start() - 60):hit.end() + 30]))
    assert not bad, bad


def national_95_plus_without_excellent_says_which_tool_is_short(national_db: Path) -> None:
    """National demo: a total of 95 or more rated ผ่านดี (not ผ่านดีเยี่ยม) — the why table
    shows ผ่านดีเยี่ยม's tool condition failing, with the tool below 95."""
    from ita_dash.ui import levels

    con = duckdb.connect(str(national_db), read_only=True)
    unit_id, year = con.execute(
        "SELECT unit_id, fiscal_year FROM unit_years WHERE dataset = ? AND level_code = 'GOOD' "
        "AND round(score, 2) >= 95 ORDER BY fiscal_year DESC, unit_id LIMIT 1",
        [NATIONAL]).fetchone()
    rows = q.level_conditions(con, dataset=NATIONAL, unit_id=unit_id, year=year)
    top = rows.iloc[0]
    assert (top["level_code"], bool(top["total_ok"]), bool(top["tools_ok"])) == \
        ("EXCELLENT", True, False)
    assert min(top["iit"], top["eit"], top["oit"]) < 95
    assert bool(rows.set_index("level_code").loc["GOOD", "chosen"])
    table = levels.why_table(rows, "th")
    assert table.iloc[0, 4] == "✗ ไม่ได้" and table.iloc[1, 5] == "◀ ระดับที่ได้"
