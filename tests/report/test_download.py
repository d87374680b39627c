"""The unit profile's report download in Chromium: built when clicked, a DOCX with the
unit-year's figures; screenshots of the button at 1440 and 390 px (``screenshots/report``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.conftest import publish_copy
from tests.report.conftest import docx_text
from tests.ui.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    free_port,
    start_server,
    stop_server,
    wait_for_app,
    wait_until_up,
)

pytestmark = pytest.mark.e2e
PROFILE = "/unit_profile?dataset=real&year=2567&unit=bkk-samphanthawong"
BUTTON = "ดาวน์โหลดรายงานวิเคราะห์ (Word)"


@pytest.fixture(scope="module")
def server(published, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard on a published copy of the session's build, with a store of its own."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (/usr/bin/chromium)")
    db = publish_copy(published, tmp_path_factory.mktemp("report-browser") / "ita.duckdb")
    port = int(os.environ.get("ITA_TEST_PORT") or free_port())
    process = start_server(db, port, db.with_name("streamlit.log"), store=db.with_name("store"))
    try:
        wait_until_up(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(process)


def test_profile_downloads_the_report(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    out = SCREENSHOTS / "report"
    out.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                context = chromium.new_context(viewport=viewport, locale="th-TH",
                                               accept_downloads=True)
                page = context.new_page()
                page.goto(server + PROFILE)
                wait_for_app(page)
                button = page.get_by_role("button", name=BUTTON)
                button.scroll_into_view_if_needed()
                page.screenshot(path=str(out / f"profile-report-button-{name}.png"))
                if name == "desktop":
                    with page.expect_download(timeout=90_000) as caught:
                        button.click()
                    download = caught.value
                    assert download.suggested_filename == \
                        "ita-report-bkk-samphanthawong-2567-real.docx"
                    saved = tmp_path / download.suggested_filename
                    download.save_as(saved)
                    text, _ = docx_text(saved)
                    assert "ได้คะแนนรวม 87.67 คะแนน อยู่ในระดับ ผ่าน" in text
                    assert "O5, O15, O18, O19, O22" in text
                context.close()
        finally:
            chromium.close()
