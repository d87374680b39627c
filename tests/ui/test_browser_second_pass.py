"""Issue 19 in Chromium: the radar keeps its labels and note, phone slides cut nothing and
hide the sidebar, the chart toolbar speaks Thai."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.ui.browser import (
    CHROMIUM,
    DESKTOP,
    PHONE,
    POLL_MS,
    after_click,
    new_page,
    ready,
    settled,
    visit,
)

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")]
PROFILE = "unit_profile?dataset=real&year=2567&unit=bkk-samphanthawong"
SLIDES = "presentation?dataset=real&year=2567&unit=bkk-samphanthawong"
# every text of a chart's SVG outside the chart's own box (cut off by its edges)
OUTSIDE = """(box) => { const b = box.getBoundingClientRect(); const out = [];
  for (const t of box.querySelectorAll('svg text')) { const r = t.getBoundingClientRect();
    if (!r.width || !t.textContent.trim() || getComputedStyle(t).visibility === 'hidden') continue;
    if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1)
      out.push(t.textContent); }
  return out; }"""


@pytest.fixture(scope="module")
def server(app_server: str) -> str:
    return app_server


@pytest.fixture(scope="module")
def pages(browser) -> Iterator[Callable[[dict], object]]:
    """One page per screen size for the module's tests (the app's scripts loaded once per
    size); each test opens its own address on it."""
    opened: dict[tuple[int, int], object] = {}

    def page_at(viewport: dict):
        key = (viewport["width"], viewport["height"])
        if key not in opened:
            opened[key] = new_page(browser, viewport)
        return opened[key]

    yield page_at
    for page in opened.values():
        page.close()

def _open(pages, url: str, viewport: dict):
    page = pages(viewport)
    visit(page, url, heading=False)
    return page


def _radar_on(page) -> None:
    """Switch the profile's radar on (drawn only when asked for: ``ui.render.shown``)."""
    after_click(page, page.locator(".st-key-show-radar label").first.click, heading=False)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_radar_keeps_label_6_and_its_note(server, pages, viewport) -> None:
    """At 1440 px the same opened profile then shows the toolbar's Thai tips and prints
    (:func:`toolbar_tips_in_thai_and_printing_drops_the_sidebar_and_buttons`)."""
    page = _open(pages, f"{server}/{PROFILE}", viewport)
    _radar_on(page)
    radar = page.locator(".st-key-chart-radar .js-plotly-plot").first
    radar.wait_for(timeout=30_000)
    radar.scroll_into_view_if_needed()
    texts = radar.evaluate("(el) => [...el.querySelectorAll('svg text')].map(t => t.textContent)")
    assert "6" in texts and any("แกนเริ่มที่ 30" in t for t in texts)
    assert radar.evaluate(OUTSIDE) == []
    if viewport is DESKTOP:
        toolbar_tips_in_thai_and_printing_drops_the_sidebar_and_buttons(page)


def test_phone_slides_cut_nothing_and_hide_the_sidebar(server, pages) -> None:
    page = _open(pages, f"{server}/{SLIDES}&whatif=O5,O15,O18,O19,O22", PHONE)  # 5 columns
    count = page.locator(".slide-count").first.inner_text()
    n = int(count.split("/")[1])
    for i in range(n):
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        for chart in page.locator(".st-key-slide-compact .js-plotly-plot").all():
            assert chart.evaluate(OUTSIDE) == [], (i, chart.evaluate(OUTSIDE))
        for table in page.locator(".slide-table").all():  # inside the screen's width
            box = table.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 391, (i, box)
        if i < n - 1:
            after_click(page, page.locator(".st-key-deck_next button").click, heading=False)
            assert page.locator(".slide-count").first.inner_text().startswith(f"{i + 2} ")


def test_my_unit_is_remembered_by_the_browser(server, browser) -> None:
    """'Make ดุสิต my unit' in the sidebar; a later visit to the bare address (same browser)
    opens on that dataset, group and unit, saying where it stands first."""
    page = new_page(browser, DESKTOP)  # a session of its own, from its first visit
    page.goto(f"{server}/overview?dataset=demo&year=2568&scope=group:bkk-centralbangkok"
              "&unit=bkk-dusit")
    ready(page, heading=False)
    page.locator(".st-key-mine_set button").first.click()
    page.locator(".st-key-mine_forget").wait_for(timeout=30_000)
    page.wait_for_function("() => document.cookie.includes('ita_mine=')", timeout=10_000,
                           polling=POLL_MS)
    later = page.context.new_page()
    later.goto(server)
    later.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                            timeout=60_000)
    later.wait_for_function("() => location.search.includes('unit=bkk-dusit')", timeout=30_000,
                            polling=POLL_MS)
    assert "scope=group%3Abkk-centralbangkok" in later.url or \
        "scope=group:bkk-centralbangkok" in later.url
    later.locator('[data-testid="stAlert"]', has_text="หน่วยงานของฉัน ดุสิต").wait_for(
        timeout=30_000)


def test_projector_mode_fills_1920_by_1080(server, pages) -> None:
    """?projector=1&theme=dark: no app header, sidebar or controls, the counter in a corner,
    a chart slide's chart at least 700 px tall on a dark page."""
    page = _open(pages, f"{server}/{SLIDES}&projector=1&theme=dark",
                 {"width": 1920, "height": 1080})
    assert page.locator(".slide-count-corner").inner_text().strip().startswith("1 / ")
    for hidden in ('[data-testid="stHeader"]', '[data-testid="stSidebar"]', ".st-key-deck_bar"):
        assert not page.locator(hidden).first.is_visible(), hidden
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.slide-count-corner')"
                           "?.textContent.startsWith('2 ')", timeout=30_000,
                           polling=POLL_MS)
    chart = page.locator(".st-key-slide-wide .js-plotly-plot").first
    chart.wait_for(timeout=30_000)
    box = chart.bounding_box()
    assert box is not None and box["height"] >= 700 and box["width"] >= 1700
    background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    assert background == "rgb(17, 24, 39)"


def toolbar_tips_in_thai_and_printing_drops_the_sidebar_and_buttons(page) -> None:
    """The chart toolbar speaks Thai (the radar's: the unit's one year has no lines chart);
    print media (A4): no sidebar, header or download buttons; charts not split."""
    page.locator(".modebar-btn").first.wait_for(state="attached", timeout=30_000)
    titles = page.evaluate("() => [...document.querySelectorAll('.modebar-btn')]"
                           ".map(b => b.getAttribute('data-title'))")
    assert titles and "ดาวน์โหลดแผนภูมิเป็นภาพ PNG" in titles
    assert not [t for t in titles if t not in ("Fullscreen",) and t.isascii()], titles
    page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=30_000)
    page.emulate_media(media="print")
    settled(page)
    for hidden in ('[data-testid="stSidebar"]', '[data-testid="stHeader"]',
                   '[data-testid="stDownloadButton"]'):
        assert not page.locator(hidden).first.is_visible(), hidden
    breaks = page.evaluate("getComputedStyle(document.querySelector("
                           "'[data-testid=\"stPlotlyChart\"]')).breakInside")
    assert breaks == "avoid"
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 20_000
    page.emulate_media(media="screen")
