"""Hostile unit names and URL values on every page, in headless Chromium (Thai and English,
1440 and 390 px): no link, image or bold text of the data's reaches the DOM or a chart's SVG,
and no request reaches the address the names point at (a local listener counts hits)."""

from __future__ import annotations

import csv
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from ita_dash.ui.render import LAZY_SECTIONS
from tests.ui.browser import (
    CHROMIUM,
    DESKTOP,
    PHONE,
    PROJECT_DIR,
    SCREENSHOTS,
    after_click,
    free_port,
    full_screenshot,
    new_page,
    start_server,
    stop_server,
    visit,
    wait_until_up,
)

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")]

PAGES = ("home", "overview", "groups", "unit_profile", "weakest_indicators", "zero_items",
         "about", "compare", "presentation", "data")
CODES = ["ITA"] + [str(i) for i in range(1, 11)]


def names(port: int) -> list[str]:
    return [f"<img src=http://127.0.0.1:{port}/t.png>",
            f'<a href="http://127.0.0.1:{port}/x">ลิงก์</a>',
            "<b>หนา</b>"]


class Listener(http.server.ThreadingHTTPServer):
    """A local HTTP server that counts every request it gets."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                listener.hits.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", int(os.environ.get("ITA_TEST_LISTENER_PORT", 0))),
                         Handler)


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def hostile_app(listener: Listener,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """The app on a private build and store into which hostile names were imported by the
    command line; the URL and the hostile units' ids."""
    root = tmp_path_factory.mktemp("hostile")
    env = {**os.environ, "ITA_DB_PATH": str(root / "db" / "ita.duckdb"),
           "ITA_STORE_DIR": str(root / "store")}
    port = listener.server_address[1]
    source = root / "hostile.csv"
    with source.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["หน่วยงาน", "ปีงบประมาณ", "รหัส", "คะแนน"])
        for k, name in enumerate(names(port)):
            for year in (2566, 2567):
                for j, code in enumerate(CODES):
                    writer.writerow([name, year, code, 60 + 5 * k + j + 3 * (year - 2566)])
    done = subprocess.run([sys.executable, "-m", "ita_dash", "import", str(source),
                           "--dataset", "real", "--add-units"], cwd=PROJECT_DIR, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(env["ITA_DB_PATH"], read_only=True)
    ids = [r[0] for r in con.execute(
        "SELECT unit_id FROM units WHERE name_th LIKE '<%' ORDER BY name_th").fetchall()]
    con.close()
    assert len(ids) == 3
    app_port = int(os.environ.get("ITA_TEST_APP_PORT") or free_port())
    process = start_server(Path(env["ITA_DB_PATH"]), app_port, root / "streamlit.log",
                           store=root / "store")
    try:
        wait_until_up(app_port, process)
        yield f"http://127.0.0.1:{app_port}", ids
    finally:
        stop_server(process)


# every <a>, <img>, bold element (HTML or SVG) that carries the data's markup; Streamlit's own
# heading anchors (href="#…") are in-page links named after the heading, not the data's
LIVE_MARKUP = """(port) => {
  const hit = (s) => s.includes(port) || /หนา|ลิงก์/.test(s);
  const found = [];
  for (const el of document.querySelectorAll('a, img, image, iframe, object, source')) {
    const href = el.getAttribute('href') || el.getAttribute('xlink:href') || '';
    if (el.tagName.toLowerCase() === 'a' && href.startsWith('#')) continue;
    if (hit(el.outerHTML)) found.push(el.outerHTML.slice(0, 160));
  }
  // bold from the data: the name's own <b> became bold (the product may bold a whole
  // label, whose text then still shows the data's tags as typed)
  for (const el of document.querySelectorAll('b, strong')) {
    const text = el.textContent;
    if ((text.includes('หนา') && !text.includes('<b>หนา</b>'))
        || (text.includes('ลิงก์') && !text.includes('<a href')))
      found.push(el.outerHTML.slice(0, 160));
  }
  for (const el of document.querySelectorAll('svg text')) {  // Plotly draws tags it knows
    const text = el.textContent;
    if ((text.includes('หนา') && !text.includes('<b>หนา</b>'))
        || (text.includes('ลิงก์') && !text.includes('<a href')))
      found.push('svg: ' + text.slice(0, 160));
    for (const span of el.querySelectorAll('tspan')) {
      const weight = span.getAttribute('style') || '';
      if (/font-weight: ?bold/.test(weight) && span.textContent.trim() === 'หนา')
        found.push('bold svg: ' + span.textContent);
    }
  }
  return found;
}"""
SHOWN = """() => document.body.innerText + [...document.querySelectorAll('svg text')]
                     .map(e => e.textContent).join(' ')"""


# Thai at desktop width, English on the phone: both languages and both widths, every page,
# in half the time of all four pairs (the escaping does not depend on the pairing); the
# deck's every slide and the URL's values once, in Thai (the same escaping in either language)
@pytest.mark.parametrize(("lang", "label", "viewport", "walk_all"),
                         [("th", "desktop", DESKTOP, True), ("en", "phone", PHONE, False)])
def test_hostile_names_are_text_on_every_page(hostile_app, listener, browser, lang, label,
                                              viewport, walk_all) -> None:
    url, ids = hostile_app
    port = str(listener.server_address[1])
    scope = "units:" + ",".join([*ids, "bkk-samphanthawong"])
    page = new_page(browser, viewport)
    named: list[str] = []
    try:
        for slug in PAGES:
            path = "" if slug == "home" else slug
            visit(page, f"{url}/{path}?dataset=real&year=2567&scope={scope}&unit={ids[0]}"
                  f"&lang={lang}", heading=False, sidebar=True)
            assert page.locator('[data-testid="stException"]').count() == 0, slug
            assert page.evaluate(LIVE_MARKUP, port) == [], (slug, lang, label)
            # the sections drawn when switched on (once, in Thai: the same escaping)
            if slug in ("unit_profile", "compare") and walk_all:
                for name in LAZY_SECTIONS:
                    switch = page.locator(f".st-key-show-{name}")
                    if switch.count() and not switch.locator("input").first.is_checked():
                        after_click(page, switch.locator("label").first.click, heading=False,
                                    sidebar=True)
                assert page.evaluate(LIVE_MARKUP, port) == [], (slug, lang, label, "sections")
            # nothing wider than the screen, even with the names' long markup (the phone
            # walk of every page: see tests/ui/test_browser.py)
            overflow = page.evaluate(
                """() => document.querySelector('[data-testid="stMain"]').scrollWidth""")
            assert overflow <= viewport["width"] + 1, (slug, label, overflow)
            shown = page.evaluate(SHOWN)
            if any(n in shown for n in (f"127.0.0.1:{port}/t.png>", "<b>หนา</b>", "ลิงก์</a>")):
                named.append(slug)
            if slug == "presentation" and walk_all:  # every slide of the deck
                slides = 0
                while page.locator(".st-key-deck_next button").is_enabled():
                    after_click(page, page.locator(".st-key-deck_next button").click,
                                heading=False, sidebar=True)
                    slides += 1
                    assert page.evaluate(LIVE_MARKUP, port) == [], (slug, slides, lang, label)
                    shown = page.evaluate(SHOWN)
                    if "ลิงก์</a>" in shown or "<b>หนา</b>" in shown:
                        named.append(f"slide-{slides}")
                assert slides >= 5
            if label == "phone" or slug in ("unit_profile", "weakest_indicators", "overview",
                                            "presentation"):
                full_screenshot(page, SCREENSHOTS / "hostile" / f"{label}-{lang}-{slug}.png",
                                viewport)
        # URL values with markup: shown as text (or replaced by a default, with a note)
        for slug in ("overview", "unit_profile", "weakest_indicators", "compare") if walk_all \
                else ():
            visit(page, f"{url}/{slug}?dataset=real&year=<b>2567</b>"
                  f"&scope=group:<img src=http://127.0.0.1:{port}/s.png>"
                  f"&unit=<a href='http://127.0.0.1:{port}/u'>ลิงก์</a>&lang={lang}",
                  heading=False, sidebar=True)
            assert page.locator('[data-testid="stException"]').count() == 0, slug
            assert page.evaluate(LIVE_MARKUP, port) == [], (slug, lang, label, "url")
    finally:
        page.close()
    # the names are on the pages, as typed
    assert set(named) >= {"overview", "unit_profile", "weakest_indicators", "compare"}, named
    if walk_all:
        assert any(n.startswith("slide-") for n in named), named  # the deck's charts name them
    assert listener.hits == [], listener.hits
