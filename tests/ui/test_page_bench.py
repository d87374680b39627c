"""``bench --pages`` measures what it says: views drawn from the whole dataset, every page
run cold and warm without an error, one row per page (no timing is asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ita_dash.bench import run_page_bench
from ita_dash.ui import page_cold


def test_views_are_drawn_from_every_unit_with_one_of_its_scored_years() -> None:
    views = page_cold.sample_views("demo", 200, seed=1)
    units = {v["unit"] for v in views}
    assert len(units) > 40  # of demo's 50 districts, not a fixed few
    assert all(v["dataset"] == "demo" and v["year"].isdigit() for v in views)
    compare = page_cold.page_params("compare", views[0])
    assert compare["scope"].startswith("units:" + views[0]["unit"] + ",")


@pytest.mark.e2e  # every page three times per view, both columns: about a minute
def test_every_page_cold_and_warm_on_a_view(tmp_path: Path, capsys) -> None:
    out = tmp_path / "pages.json"
    assert run_page_bench(dataset="demo", baseline="demo", units=1, json_path=out) == 0
    printed = capsys.readouterr().out
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert [p["page"] for p in figures["pages"]] == list(page_cold.PAGES)
    for page in figures["pages"]:
        assert page["demo"]["problems"] == []
        assert len(page["demo"]["cold"]) == 1 and page["demo"]["cold"][0] > 0
        assert page["page"] in printed
    assert "bench --pages: slowest cold page" in printed
