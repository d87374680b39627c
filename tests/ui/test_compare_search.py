"""The compare page of a dataset with thousands of units offers the chosen units and a
search's matches, not every unit's name with every run (8,300 names: 658 KiB a view)."""

from __future__ import annotations

import pytest

from ita_dash.ui import compare
from ita_dash.ui.state import SEARCH_LIMIT
from tests.ui.conftest import assert_no_exception, run_page

SCOPE = "units:bkk-dusit,bkk-bangsue,bkk-pathumwan"


def test_a_small_dataset_offers_every_unit() -> None:
    at = run_page("compare", dataset="demo", year="2568", scope=SCOPE)
    assert_no_exception(at)
    assert len(at.multiselect(key="compare_units").options) == 50


def test_a_large_dataset_offers_the_chosen_units_and_the_search_matches(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare, "OPTIONS_MAX", 10)  # demo's 50 districts count as "large"
    at = run_page("compare", dataset="demo", year="2568", scope=SCOPE)
    assert_no_exception(at)
    picker = at.multiselect(key="compare_units")
    assert picker.value == ["bkk-dusit", "bkk-bangsue", "bkk-pathumwan"]
    assert 3 < len(picker.options) <= 3 + SEARCH_LIMIT
    at.text_input(key="compare_units_search").input("บางซื่อ").run()
    assert_no_exception(at)
    picker = at.multiselect(key="compare_units")
    assert picker.options == ["ดุสิต", "บางซื่อ", "ปทุมวัน"]  # the chosen three; the match is one
    assert at.query_params["scope"] == SCOPE
