"""Warm page time in Streamlit's AppTest, for ``python -m ita_dash bench --pages``."""

from __future__ import annotations

from ita_dash import config
from ita_dash.timing import Timing, time_calls


def time_page(page_file: str, params: dict[str, str], repeats: int) -> tuple[Timing, str]:
    """Warm reruns of one page in AppTest (first run fills the caches, not counted)."""
    import logging

    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's bare-mode warnings
    at = AppTest.from_file(str(config.PROJECT_DIR / "app.py"), default_timeout=600)
    at.query_params.update(params)
    at.switch_page(page_file)
    at.run()
    problem = "; ".join(str(e.value)[:80] for e in at.exception) or "ok"
    timing = time_calls(at.run, repeats)
    return timing, problem
