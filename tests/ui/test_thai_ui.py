"""The Thai UI means Thai: on every page, for both datasets, no English sentence and no
internal id (source ids, framework ids, level codes, column names, ``None``)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import PAGES, assert_no_exception, run_page

# ids that must never reach a Thai (or English) screen
INTERNAL = re.compile(
    r"\bseed\d{3}\b|shared/seeds|\bnacc-\d{4}\b|\bbma-\d{4}\b|\btool_points\b|"
    r"\bEXCELLENT\b|\bIMPROVE\b|\bTARGET\b|\bunit_name_th\b|\bbkk-[a-z]+\b|\bNone\b|"
    r"\bnan\b|\bNaN\b|\bdemo-synthetic\b|--[a-z]+-?[a-z]*\b|\bequal_split\b|\bdistrict_office\b")
# four or more English words in a row is a sentence, not a name or an acronym
ENGLISH = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,;:'’-]+[A-Za-z][a-z]+){3,}")
# English printed in the reports themselves (kept as printed), and product names
ALLOWED = ("Lunch Meeting", "No Gift Policy", "Service mind", "e-service")


def _visible_texts(at: AppTest) -> list[str]:
    texts: list[str] = []
    for kind in ("title", "subheader", "header", "caption", "markdown", "info", "warning",
                 "error", "success"):
        texts += [str(e.value) for e in getattr(at, kind)]
    for metric in at.metric:
        texts += [str(metric.label), str(metric.value)]
    for widget in (*at.selectbox, *at.multiselect, *at.radio):
        texts.append(str(widget.label))
        if widget.label != "ภาษา / Language":
            texts += [str(o) for o in widget.options]
    for button in at.button:
        texts.append(str(button.label))
    for frame in at.dataframe:
        value = frame.value
        texts += [str(c) for c in value.columns]
        for column in value.columns:
            texts += [str(v) for v in value[column].tolist() if isinstance(v, str)]
            if value[column].dtype == object:  # Streamlit shows a missing text cell as "None"
                texts += ["None" for v in value[column].tolist() if v is None]
    texts += [str(h.proto.body) for h in at.get("html") if "<style>" not in str(h.proto.body)
              and "<script>" not in str(h.proto.body)]
    return texts


def _offending(texts: list[str]) -> list[str]:
    bad = []
    for text in texts:
        cleaned = text
        for allowed in ALLOWED:
            cleaned = cleaned.replace(allowed, "")
        cleaned = re.sub(r"<[^>]+>", " ", cleaned)  # HTML tags of the slides
        cleaned = re.sub(r"https?://\S+", " ", cleaned)  # a source's web address is no id
        if INTERNAL.search(cleaned) or ENGLISH.search(cleaned):
            bad.append(text[:160])
    return bad


@pytest.mark.parametrize("dataset", ["real", "demo"])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_thai_ui_has_no_english_sentence_or_internal_id(page: str, dataset: str) -> None:
    at = run_page(page, dataset=dataset)
    assert_no_exception(at)
    assert _offending(_visible_texts(at)) == []
    # an empty multiselect shows its placeholder (Streamlit's own is English)
    assert [box.proto.placeholder for box in at.multiselect
            if not re.search("[\u0e00-\u0e7f]", box.proto.placeholder)] == []


@pytest.mark.parametrize("page", ["about", "unit_profile", "compare"])
def test_english_ui_shows_no_internal_id_either(page: str) -> None:
    at = run_page(page, dataset="real", lang="en")
    assert_no_exception(at)
    assert [t for t in _visible_texts(at)
            if INTERNAL.search(re.sub(r"https?://\S+", " ", t))] == []


def test_the_checker_catches_what_it_should() -> None:
    assert _offending(["ที่มา seed000", "nacc-2563", "tool_points", "EXCELLENT", "None",
                       "use --add-units", "The results table wins over the narrative",
                       "จึงเลือกใช้ nan ตามหลักการ"]) == [
        "ที่มา seed000", "nacc-2563", "tool_points", "EXCELLENT", "None", "use --add-units",
        "The results table wins over the narrative", "จึงเลือกใช้ nan ตามหลักการ"]
    assert _offending(["คะแนน ITA 87.67", "IIT · EIT · OIT", "ดาวน์โหลด PowerPoint"]) == []
