"""The unit profile's report download in Chromium: built when clicked, a DOCX with the
unit-year's figures; screenshots of the button at 1440 and 390 px (``screenshots/report``)."""

from __future__ import annotations

import pytest

from tests.report.conftest import docx_text
from tests.ui.browser import CHROMIUM, DESKTOP, PHONE, SCREENSHOTS, new_page, visit

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")]
PROFILE = "/unit_profile?dataset=real&year=2567&unit=bkk-samphanthawong"
BUTTON = "ดาวน์โหลดรายงานวิเคราะห์ (Word)"


def test_profile_downloads_the_report(app_server, browser, tmp_path):
    """The dashboard as served to the browser tests (a published copy of the session's build
    with a store of its own)."""
    out = SCREENSHOTS / "report"
    out.mkdir(parents=True, exist_ok=True)
    page = new_page(browser, PHONE)  # one page: the phone's view, then the desktop's
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        visit(page, app_server + PROFILE)
        button = page.get_by_role("button", name=BUTTON)
        button.scroll_into_view_if_needed()
        page.screenshot(path=str(out / f"profile-report-button-{name}.png"))
    with page.expect_download(timeout=90_000) as caught:
        button.click()
    download = caught.value
    assert download.suggested_filename == "ita-report-bkk-samphanthawong-2567-real.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text, _ = docx_text(saved)
    assert "ได้คะแนนรวม 87.67 คะแนน อยู่ในระดับ ผ่าน" in text
    assert "O5, O15, O18, O19, O22" in text
