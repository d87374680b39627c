"""The real app in headless Chromium: every page at desktop width with the reports' figures
(screenshots in ``screenshots/``; at phone width: tests/ui/test_hostile_browser.py), Sarabun
served and used, filters in the URL surviving a reload."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from tests.ui.browser import (
    CHROMIUM,
    DESKTOP,
    SCREENSHOTS,
    full_screenshot,
    new_page,
    visit,
    wait_for_app,
)

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")]

VIEWS = {  # page -> a URL that shows real content, and a text that must appear
    "overview": ("dataset=real&year=2564&scope=group:peer-2564-ten&lang=th", "บางซื่อ"),
    "groups": ("dataset=demo&year=2567&scope=group:bkk-centralbangkok&lang=th",
               "กลุ่มเขตกรุงเทพกลาง"),
    "unit_profile": ("dataset=real&year=2567&unit=bkk-samphanthawong&lang=th",
                     "ข้อ O ที่ได้ศูนย์: O5, O15, O18, O19, O22"),
    "weakest_indicators": ("dataset=demo&year=2567&scope=group:bkk-centralbangkok&lang=th",
                           "ตัวชี้วัดที่อ่อนที่สุดของแต่ละหน่วยงาน"),
    "zero_items": ("dataset=demo&year=2567&scope=group:bkk-centralbangkok&lang=th",
                   "ข้อที่ได้ศูนย์ติดต่อกันหลายปี"),
    "about": ("dataset=real&year=2564&lang=th", "ข้อขัดแย้งในรายงานและการเลือกค่า"),
}


@pytest.fixture(scope="module")
def server(app_server: str) -> str:
    return app_server


@pytest.fixture(scope="module")
def desktop(browser) -> Iterator[object]:
    """One page at 1440 px for the module's tests, each opening its own address on it (the
    app's scripts loaded once): every test's address names every filter it relies on, as
    the same session carries the last values over."""
    page = new_page(browser, DESKTOP)
    yield page
    page.close()


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


# at desktop width; every page at phone width (390 px, no overflow, photographed) is walked
# by tests/ui/test_hostile_browser.py, with long hostile names in every table and chart
def test_every_page_renders_and_is_photographed(server, desktop) -> None:
    for slug, (params, expected) in VIEWS.items():
        visit(desktop, f"{server}/{slug}?{params}")
        assert desktop.locator('[data-testid="stException"]').count() == 0, slug
        desktop.get_by_text(expected).filter(visible=True).first.wait_for(timeout=20_000)
        overflow = desktop.evaluate(
            """() => document.querySelector('[data-testid="stMain"]').scrollWidth""")
        assert overflow <= DESKTOP["width"] + 1, (slug, overflow)
        full_screenshot(desktop, SCREENSHOTS / "desktop" / f"{slug}.png", DESKTOP)


def test_english_view_in_sarabun(server, desktop) -> None:
    font_url = f"{server}/app/static/Sarabun-Regular.ttf"
    with urllib.request.urlopen(font_url) as response:  # noqa: S310 - the local test server
        assert response.status == 200
        assert len(response.read()) > 50_000
    visit(desktop, f"{server}/overview?dataset=real&year=2564&scope=group:peer-2564-ten&lang=en")
    assert desktop.get_by_text("ITA results overview").filter(visible=True).count() > 0
    assert desktop.get_by_text("B.E. 2564 (2021)").filter(visible=True).count() > 0
    assert desktop.evaluate("document.fonts.check('16px Sarabun', 'ภาพรวม')")
    loaded = desktop.evaluate(
        "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Sarabun" in family for family in loaded)
    family = desktop.evaluate(
        """() => getComputedStyle(document.querySelector('[data-testid="stMain"] h1'))
                 .fontFamily""")
    assert family.startswith("Sarabun") or family.startswith('"Sarabun"')
    full_screenshot(desktop, SCREENSHOTS / "desktop" / "overview-en.png", DESKTOP)


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the sidebar select box labelled ``label`` (opened again if a rerun
    closed its list before the option was clicked)."""
    box = page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=label)
    item = page.get_by_role("option", name=option, exact=True)
    for attempt in range(3):
        box.click()
        try:
            item.click(timeout=10_000)
            return
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: try again, then raise
            if attempt == 2:
                raise


def test_a_changed_filter_goes_to_the_url_and_a_reload_shows_the_same_view(server,
                                                                           desktop) -> None:
    visit(desktop, f"{server}/overview?dataset=demo&year=2567&scope=all&unit=bkk-dusit&lang=th")
    choose(desktop, "ขอบเขตการเปรียบเทียบ", "กลุ่มเขตกรุงเทพกลาง (9 แห่ง)")
    desktop.wait_for_url(lambda url: "bkk-centralbangkok" in url)
    wait_for_app(desktop)
    choose(desktop, "ปีงบประมาณ", "พ.ศ. 2565")
    desktop.wait_for_url(lambda url: "year=2565" in url)
    wait_for_app(desktop)
    url = desktop.url
    assert query(url)["scope"] == "group:bkk-centralbangkok"
    caption = desktop.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first
    before = caption.inner_text()
    desktop.reload()
    wait_for_app(desktop)
    assert query(desktop.url) == query(url)
    assert caption.inner_text() == before
    assert "พ.ศ. 2565" in before and "กลุ่มเขตกรุงเทพกลาง" in before
    sidebar = desktop.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_role("combobox", name="ปีงบประมาณ").input_value() == "พ.ศ. 2565"


def test_the_page_links_carry_the_filters(server, desktop) -> None:
    visit(desktop, f"{server}/overview?dataset=demo&year=2566&scope=group:bkk-eastbangkok"
                   "&unit=bkk-dusit&lang=th")
    desktop.locator('[data-testid="stSidebar"]').get_by_text("ข้อมูลรายหน่วยงาน").click()
    desktop.wait_for_url(lambda url: "/unit_profile" in url)
    wait_for_app(desktop)
    params = query(desktop.url)
    assert (params["dataset"], params["year"], params["unit"]) == ("demo", "2566", "bkk-dusit")
    assert desktop.get_by_text("ดุสิต · พ.ศ. 2566").filter(visible=True).count() > 0
