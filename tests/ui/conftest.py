"""UI fixtures: a private copy of the built database, and AppTest runs of the app's pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ita_dash.publish import Places
from ita_dash.ui.render import LAZY_EXPANDERS, LAZY_SECTIONS
from tests.conftest import publish_copy
from tests.ui.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PROJECT_DIR,
    free_port,
    start_server,
    stop_server,
    wait_until_up,
)

APP = PROJECT_DIR / "app.py"
# url path -> file, e.g. "overview" -> "pages/1_overview.py" (app.py lists them)
PAGES = {path.stem.split("_", 1)[1]: f"pages/{path.name}"
         for path in sorted((PROJECT_DIR / "pages").glob("[0-9]*_*.py"))}
# the analysis pages tested here (the Data and Presentation pages have their own tests)
ANALYSIS_PAGES = ("overview", "groups", "unit_profile", "weakest_indicators", "zero_items",
                  "about")


@pytest.fixture(scope="session")
def ui_db(published: Places, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's database: a published copy of the session's build, with a store of its
    own (:func:`ui_store`): current, so no page run builds again."""
    return publish_copy(published, tmp_path_factory.mktemp("ui") / "ita.duckdb")


@pytest.fixture(scope="session")
def ui_store(ui_db: Path) -> Path:
    """The app's import store (empty unless a UI test imports): not the session's, which
    other tests write to."""
    return ui_db.with_name("store")


@pytest.fixture(scope="session")
def app_server(ui_db: Path, ui_store: Path,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard served once per session (about 5 s to start), for the browser tests
    and the load-test client: its URL."""
    port = free_port()
    process = start_server(ui_db, port, tmp_path_factory.mktemp("server") / "streamlit.log",
                           store=ui_store)
    try:
        wait_until_up(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(process)


@pytest.fixture(autouse=True)
def _app_database(ui_db: Path, ui_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITA_DB_PATH", str(ui_db))
    monkeypatch.setenv("ITA_STORE_DIR", str(ui_store))


def run_page(page: str, *, closed: bool = False, hidden: bool = False,
             **params: str) -> AppTest:
    """Open ``page`` (a slug of ``pages/``) with URL query parameters ``params``; the
    expanders drawn only when open (``ui.render.LAZY_EXPANDERS``) are open unless
    ``closed``, and the sections drawn only when switched on (``ui.render.LAZY_SECTIONS``)
    are on unless ``hidden``, so their tables are there to check."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(params)
    if not closed:
        for name in LAZY_EXPANDERS:
            at.session_state[f"open-{name}"] = True
    if not hidden:
        for name in LAZY_SECTIONS:
            at.session_state[f"show-{name}"] = True
    at.switch_page(PAGES[page])
    return at.run()


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    return run_page


def shown(markdown: str) -> str:
    """The text a Markdown source shows: backslash escapes resolved, zero-width spaces
    (which ita_dash.escape.md puts in to break autolinks) dropped."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u200b", "")


def texts(elements) -> list[str]:
    """What the elements show (their Markdown sources, as rendered text)."""
    return [shown(str(e.value)) for e in elements]


def assert_no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian Chromium (Playwright), one per test module (Playwright's loop would
    stop other modules' asyncio, the load-test client's): one browser context, Thai, that
    takes downloads. Each test opens its own pages (:func:`tests.ui.browser.new_page`), each
    a session of the app of its own; a context per test loaded and compiled the app's
    scripts again each time (about 1 s of a test's time)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = chromium.new_context(viewport=DESKTOP, locale="th-TH", accept_downloads=True)
        yield context
        context.close()
        chromium.close()


@pytest.fixture(autouse=True)
def _no_cookie_left(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test's cookies (the remembered unit) never reach the next test's pages."""
    yield
    if "browser" in request.fixturenames:
        request.getfixturevalue("browser").clear_cookies()
