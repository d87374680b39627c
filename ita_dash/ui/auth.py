"""The editor of a Streamlit session: ``st.login`` (OIDC) or the editor password.

The rules (password hashes, throttling, who is an editor) are in
:mod:`ita_dash.auth`; this module reads ``st.secrets``, ``st.user`` and the
session's sign-in marker.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ita_dash import auth as rules
from ita_dash import session_cookie
from ita_dash.auth import (
    ANONYMOUS,
    COOKIE_KEY,
    SESSION_KEY,
    SIGNED_OUT_KEY,
    Actor,
    editor_emails,
    email_verified,
    password_configured,
    verify_password,
)


def secrets_section(name: str) -> Mapping[str, object]:
    """A section of ``st.secrets`` ({} when there is no secrets file or no section)."""
    try:
        section = st.secrets.get(name)
    except Exception:  # noqa: BLE001 - no secrets file is not an error
        return {}
    return section if isinstance(section, Mapping) else {}


def oidc_configured() -> bool:
    return bool(secrets_section("auth"))


def session_actor() -> Actor:
    """The editor signed in to this Streamlit session, or :data:`ANONYMOUS`."""
    editors = secrets_section("editors")
    if oidc_configured():
        user = st.user
        if getattr(user, "is_logged_in", False):
            email = str(user.get("email") or "").strip().lower()
            allowed = (bool(email) and email_verified(user.get("email_verified"))
                       and email in editor_emails(editors))
            return Actor(f"oidc:{email}", "oidc", allowed)
        return ANONYMOUS
    marker = st.session_state.get(SESSION_KEY) or restore_from_cookie(editors)
    if isinstance(marker, dict) and marker.get("ok") and password_configured(editors):
        return Actor(f"password:{marker.get('name') or 'editor'}", "password", True)
    return ANONYMOUS


def client_key() -> str:
    """This session's client: the WebSocket's remote address (None from localhost)."""
    try:
        return str(st.context.ip_address or "localhost")
    except Exception:  # noqa: BLE001 - outside a session
        return "unknown"


def throttled(name: str = "") -> bool:
    """True while this client (or the account ``name``) tried too many wrong passwords."""
    return rules.THROTTLE.blocked(client_key(), name)


def sign_in_with_password(password: str, name: str = "") -> bool:
    """Check the password and mark this session as an editor's (throttled per client and
    per account, never for the whole server)."""
    client = client_key()
    if rules.THROTTLE.blocked(client, name):
        return False
    editors = secrets_section("editors")
    if not password_configured(editors) or not verify_password(password, editors):
        rules.THROTTLE.failure(client, name)
        return False
    rules.THROTTLE.success(client, name)
    st.session_state[SESSION_KEY] = {"ok": True, "name": name.strip()[:60]}
    key = session_cookie.key_from(editors)
    if key is not None:  # the page writes the cookie (a reload keeps the editor signed in)
        st.session_state[COOKIE_KEY] = session_cookie.make_token(name.strip()[:60], key)
    return True


def restore_from_cookie(editors: Mapping[str, object]) -> dict[str, object] | None:
    """A new session (a reload) of a password-signed-in editor: the signed cookie's name."""
    key = session_cookie.key_from(editors)
    if key is None or st.session_state.get(SIGNED_OUT_KEY):
        return None
    try:
        token = st.context.cookies.get(session_cookie.COOKIE)
    except Exception:  # noqa: BLE001 - no browser context (tests, bare mode)
        return None
    name = session_cookie.read_token(token, key)
    if name is None:
        return None
    marker: dict[str, object] = {"ok": True, "name": name}
    st.session_state[SESSION_KEY] = marker
    return marker


def pending_cookie_script() -> str | None:
    """The script that stores or clears the sign-in cookie, once, after a sign-in or out."""
    if COOKIE_KEY not in st.session_state:
        return None
    return session_cookie.cookie_script(st.session_state.pop(COOKIE_KEY))


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    st.session_state[SIGNED_OUT_KEY] = True
    st.session_state[COOKIE_KEY] = None  # clears the cookie
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()
