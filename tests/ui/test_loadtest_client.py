"""The load-test client speaks Streamlit's websocket protocol: a page request gets the page.

Uses the dashboard served once per session (tests/ui/conftest.py) and drives it with two sessions for two seconds;
no timing is asserted, only that every interaction finished without an error shown.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from types import ModuleType
from typing import Any

import pytest
import websockets

from tests.ui.browser import PROJECT_DIR


def _loadtest() -> ModuleType:
    spec = importlib.util.spec_from_file_location("loadtest", PROJECT_DIR / "scripts/loadtest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["loadtest"] = module
    spec.loader.exec_module(module)
    return module


lt = _loadtest()


pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def app_url(app_server: str) -> str:
    return app_server


def test_only_loopback_addresses_are_accepted():
    assert lt.ws_url("http://127.0.0.1:8610") == "ws://127.0.0.1:8610/_stcore/stream"
    with pytest.raises(SystemExit, match="only loopback"):
        lt.ws_url("http://example.org:8610")


def test_a_page_request_returns_the_page_run_to_its_end(app_url: str):
    async def one() -> Any:
        async with websockets.connect(lt.ws_url(app_url), subprotocols=["streamlit"],  # type: ignore[list-item]
                                      max_size=None) as ws:
            return await lt.interact(ws, "overview", {"dataset": "demo", "year": "2567"},
                                     "first", 60)

    sample = asyncio.run(one())
    assert sample.ok and sample.errors == 0
    assert sample.bytes > 20_000  # the ranking table and two charts of 50 districts


def test_sessions_act_until_the_level_ends(app_url: str):
    level = asyncio.run(lt.run_level(lt.ws_url(app_url), lt.DEMO, 2, duration=2.0, every=1.0,
                                     timeout=60, seed=1, pids=[]))
    summary = lt.summarize(level)
    assert level.failed_sessions == 0
    assert summary["interactions"] >= 2
    assert all(s.ok for s in level.samples)
    assert {s.action for s in level.samples} >= {"first"}
