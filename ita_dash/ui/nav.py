"""Pages: the files ``pages/<n>_<slug>.py``, titled through i18n (``page.<slug>``).

Streamlit serves each file at ``/<slug>``. Its own page list is hidden
(``client.showSidebarNavigation = false``) and replaced by :func:`page_links`,
whose titles follow the chosen language and whose links carry the filters. A new
page needs only its file (and, for a translated title, an i18n entry ``page.<slug>``
and optionally an icon in :data:`ICONS`).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ita_dash.config import PROJECT_DIR
from ita_dash.i18n import has, t
from ita_dash.ui.state import Filters, remember, with_unit

PAGES_DIR = PROJECT_DIR / "pages"
ICONS = {
    "overview": ":material/leaderboard:", "groups": ":material/workspaces:",
    "unit_profile": ":material/account_balance:", "weakest_indicators": ":material/grid_on:",
    "zero_items": ":material/rule:", "about": ":material/info:",
    "data": ":material/upload_file:", "presentation": ":material/slideshow:",
    "compare": ":material/compare_arrows:",
}


def page_files() -> list[Path]:
    return sorted(PAGES_DIR.glob("[0-9]*_*.py"), key=lambda p: (int(p.stem.split("_")[0]), p))


def slug(path: Path) -> str:
    return path.stem.split("_", 1)[1]


def title(page_slug: str, lang: str) -> str:
    key = f"page.{page_slug}"
    return t(key, lang) if has(key) else page_slug.replace("_", " ").capitalize()


def page_path(page_slug: str) -> Path:
    for path in page_files():
        if slug(path) == page_slug:
            return path
    raise KeyError(page_slug)


def page_links(filters: Filters) -> None:
    """The localized page list; each link keeps the current filters in its URL."""
    for path in page_files():
        st.page_link(str(path), label=title(slug(path), filters.lang),
                     icon=ICONS.get(slug(path), ":material/article:"),
                     query_params=filters.params())


def open_page(page_slug: str, filters: Filters) -> None:
    """Switch to another page, carrying the filters in its URL."""
    remember(filters)
    st.switch_page(str(page_path(page_slug)), query_params=filters.params())


def open_profile(filters: Filters, unit: str) -> None:
    """Open the unit profile of ``unit`` (sets the ``unit`` query parameter)."""
    open_page("unit_profile", with_unit(filters, unit))
