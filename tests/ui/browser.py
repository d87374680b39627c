"""Start the dashboard with ``streamlit run`` and drive it with headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = PROJECT_DIR / "screenshots"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


def new_page(context, viewport: dict):
    """A new page of the module's browser context (the ``browser`` fixture) at ``viewport``:
    a session of the app of its own."""
    page = context.new_page()
    page.set_viewport_size(viewport)
    return page


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_path: Path, port: int, log: Path,
                 store: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "ITA_DB_PATH": str(db_path)}
    if store is not None:
        env["ITA_STORE_DIR"] = str(store)
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    with log.open("wb") as out:
        return subprocess.Popen(cmd, cwd=PROJECT_DIR, env=env, stdout=out,
                                stderr=subprocess.STDOUT)


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    url = f"http://127.0.0.1:{port}/_stcore/health"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - localhost
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer on port {port}")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


# Every wait asks the page every 50 ms: Playwright's default asks on every animation frame,
# which keeps the browser drawing 60 frames a second for as long as the server takes (on a
# busy machine, the browser's largest cost in the suite)
POLL_MS = 50

# The page is ready when the script run is over, every element of it is drawn (no lazily
# loaded element still shows its skeleton, none is left stale from an earlier run, every
# chart has its SVG) and the fonts are loaded; and it stays so for a quarter of a second
# (a rerun that starts just after a run ended is waited for, not missed).
_READY = """([heading, sidebar, hold]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const ok = app && app.getAttribute('data-test-script-state') === 'notRunning'
    && (!heading || document.querySelector('[data-testid="stMain"] h1'))
    && (!sidebar || document.querySelector('[data-testid="stSidebar"] [data-testid="stWidgetLabel"]'))
    && !document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
         .every(c => c.querySelector('.main-svg'))
    && document.fonts.status === 'loaded';
  const now = performance.now();
  if (!ok) { window.__itaReadySince = undefined; return false; }
  if (window.__itaReadySince === undefined) window.__itaReadySince = now;
  return now - window.__itaReadySince >= hold;
}"""


def ready(page, *, heading: bool = True, sidebar: bool = False, hold_ms: int = 250,
          timeout: float = 60_000) -> None:
    """Wait until the page's script run is over and all it drew is shown, steadily."""
    page.evaluate("() => { window.__itaReadySince = undefined; }")
    page.wait_for_function(_READY, arg=[heading, sidebar, hold_ms], timeout=timeout,
                           polling=POLL_MS)
    settled(page)


def after_click(page, click, *, heading: bool = True, sidebar: bool = False,
                timeout: float = 60_000) -> None:
    """Do ``click`` (a rerun of the page) and wait until that rerun is over and drawn."""
    page.evaluate("() => { window.__itaRerun = false; new MutationObserver((_, o) => {"
                  " window.__itaRerun = true; o.disconnect(); }).observe(document.querySelector("
                  "'[data-testid=\"stApp\"]'), {attributeFilter: ['data-test-script-state']}); }")
    click()
    page.wait_for_function("() => window.__itaRerun === true", timeout=timeout,
                           polling=POLL_MS)
    ready(page, heading=heading, sidebar=sidebar, timeout=timeout)


# The app's own way to another page of the same session (as its page links and the browser's
# back button do): the URL changes, the page's script runs again, the app's code is not
# loaded again (a full load costs the browser 1-3 s of CPU per page, most of a walk's time)
_MOVE = """(url) => { history.pushState({}, '', url);
  window.dispatchEvent(new PopStateEvent('popstate', {state: {}})); }"""


def visit(page, url: str, *, heading: bool = True, sidebar: bool = False,
          timeout: float = 60_000) -> None:
    """Show ``url`` (an address of the app) and wait until it is drawn: a page already showing
    the app at that address's origin moves there in the same session (its switches and
    choices kept, as a user's clicks keep them); any other loads it."""
    here, there = urlsplit(page.url), urlsplit(url)
    if (here.scheme, here.netloc) == (there.scheme, there.netloc) and page.locator(
            '[data-testid="stApp"]').count():
        path = urlunsplit(("", "", there.path or "/", there.query, ""))
        after_click(page, lambda: page.evaluate(_MOVE, path), heading=heading,
                    sidebar=sidebar, timeout=timeout)
        page.wait_for_function("(p) => location.pathname === p", arg=there.path or "/",
                               timeout=timeout, polling=POLL_MS)
    else:
        page.goto(url)
        ready(page, heading=heading, sidebar=sidebar, timeout=timeout)


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until the script run finished, the title is there and the charts are drawn."""
    ready(page, timeout=timeout)


def settled(page) -> None:
    """Wait until the browser has laid out and painted the current content (two frames)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def full_screenshot(page, path: Path, viewport: dict) -> None:
    """Screenshot of the whole page: the viewport is stretched to the content's height."""
    height = page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]');
                   return Math.ceil(m ? m.scrollHeight : document.body.scrollHeight); }""")
    page.set_viewport_size({"width": viewport["width"], "height": min(max(height, 400), 12000)})
    settled(page)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    page.set_viewport_size(viewport)
