"""The presentation page (Streamlit AppTest): slides step by step, downloads, messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ita_dash.config import PROJECT_DIR
from ita_dash.publish import Places
from tests.conftest import publish_copy

APP = PROJECT_DIR / "app.py"
PAGE = "pages/8_presentation.py"


@pytest.fixture
def app_db(published: Places, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A published copy of the session's build (current: the page builds nothing)."""
    path = publish_copy(published, tmp_path / "db" / "ita.duckdb")
    monkeypatch.setenv("ITA_DB_PATH", str(path))
    return path


def _open(**params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(params)
    at.switch_page(PAGE)
    return at.run()


def _html(at: AppTest) -> str:
    return "\n".join(str(h.proto.body) for h in at.get("html"))


def test_steps_through_the_deck(app_db):
    """Samphanthawong 2567: 8 slides less the two with nothing to show (the only unit of its
    group scored that year; no earlier year for indicator changes) — issue 19."""
    at = _open(dataset="real", unit="bkk-samphanthawong", year="2567",
               scope="group:bkk-centralbangkok")
    assert not at.exception
    assert "สำนักงานเขตสัมพันธวงศ์" in _html(at) and "1 / 6" in at.markdown[0].value
    assert [b.label for b in at.get("download_button")] == [
        "ดาวน์โหลด PowerPoint", "PowerPoint พร้อมฟอนต์ (ZIP)", "ดาวน์โหลด Excel"]
    seen = [_html(at)]
    at = next(b for b in at.button if b.label == "ถัดไป").click().run()
    assert "2 / 6" in at.markdown[0].value and at.get("plotly_chart")  # the history slide
    at = next(b for b in at.button if b.label == "ก่อนหน้า").click().run()
    assert "1 / 6" in at.markdown[0].value
    for _ in range(5):
        at = next(b for b in at.button if b.label == "ถัดไป").click().run()
        seen.append(_html(at))
    assert "6 / 6" in at.markdown[0].value
    # no slide that only says there is nothing to show (the page's message box)
    assert not any("class='slide-msg'" in h for h in seen)
    assert not at.exception


def test_demo_source_line_is_marked_synthetic(app_db):
    at = _open(dataset="demo", unit="bkk-samphanthawong", year="2567")
    assert not at.exception
    assert "slide-source synthetic" in _html(at) and "สังเคราะห์" in _html(at)
