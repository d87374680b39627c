"""The editor of a Streamlit session: ``st.login`` (OIDC) or the editor password.

The rules (password hashes, throttling, who is an editor) are in
:mod:`ita_dash.importer.auth`; this module reads ``st.secrets``, ``st.user`` and the
session's sign-in marker.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ita_dash.importer import auth as rules
from ita_dash.importer.auth import (
    ANONYMOUS,
    SESSION_KEY,
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
    marker = st.session_state.get(SESSION_KEY)
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
    return True


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()
