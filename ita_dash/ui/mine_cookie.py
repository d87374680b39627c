"""The 'my unit' cookie: its name and how it is read (the sidebar writes it, see
:mod:`ita_dash.ui.mine`). ``dataset~unit~scope``, each in a safe alphabet."""

from __future__ import annotations

import re

import streamlit as st

COOKIE = "ita_mine"
MAX_AGE = 400 * 24 * 3600  # the longest a browser keeps a cookie
_SAFE = re.compile(r"[A-Za-z0-9_.:,\-]{1,300}")
_HELD = "_ita_mine"  # this session's value (the cookie as read, or as just set)
PARAMS = ("dataset", "unit", "scope")


def _decode(value: object) -> dict[str, str]:
    if not isinstance(value, str):
        return {}
    parts = value.split("~")
    if len(parts) != len(PARAMS) or not all(_SAFE.fullmatch(p) for p in parts):
        return {}
    return dict(zip(PARAMS, parts, strict=True))


def remembered() -> dict[str, str]:
    """dataset, unit and scope of the viewer's unit ({} when none is remembered)."""
    if _HELD not in st.session_state:
        try:
            st.session_state[_HELD] = st.context.cookies.get(COOKIE) or ""
        except Exception:  # noqa: BLE001 - no request (tests, bare mode): nothing remembered
            st.session_state[_HELD] = ""
    return _decode(st.session_state[_HELD])


