"""Keep a password-signed-in editor signed in across page reloads (no Streamlit here).

A reload starts a new Streamlit session, so the sign-in kept in ``st.session_state`` is
lost. After a password sign-in the page stores a short-lived signed token in a cookie;
a new session that finds a valid token restores the editor. The key is derived from the
configured password hash, so changing the password signs every editor out; tokens
expire after :data:`TTL_SECONDS`. (OIDC sign-in keeps its own cookie.)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Mapping

COOKIE = "ita_editor"
TTL_SECONDS = 8 * 3600


def key_from(editors: Mapping[str, object]) -> bytes | None:
    """The signing key: a digest of the configured password hash (None when none is set)."""
    stored = editors.get("password_pbkdf2") or editors.get("password_sha256")
    if not isinstance(stored, str) or not stored:
        return None
    return hashlib.sha256(b"ita-editor-session\0" + stored.encode()).digest()


def _sign(key: bytes, payload: str) -> str:
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def make_token(name: str, key: bytes, now: float | None = None) -> str:
    """'<name, base64url>.<expiry>.<signature>' for a cookie value."""
    encoded = base64.urlsafe_b64encode(name.encode()).decode().rstrip("=")
    payload = f"{encoded}.{int((now or time.time()) + TTL_SECONDS)}"
    return f"{payload}.{_sign(key, payload)}"


def read_token(token: object, key: bytes, now: float | None = None) -> str | None:
    """The editor's name when ``token`` is genuine and unexpired, else None."""
    if not isinstance(token, str) or token.count(".") != 2:
        return None
    encoded, expiry, signature = token.split(".")
    if not hmac.compare_digest(_sign(key, f"{encoded}.{expiry}"), signature):
        return None
    if not expiry.isdigit() or int(expiry) < (now or time.time()):
        return None
    try:
        return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except ValueError:
        return None


def cookie_script(token: str | None) -> str:
    """JavaScript for ``st.html`` that stores ``token`` (or clears the cookie when None)."""
    value = token or ""
    age = TTL_SECONDS if token else 0
    # the token holds only [A-Za-z0-9_.-]: safe inside a JavaScript string
    assert all(c.isalnum() or c in "_.-" for c in value)
    return ("<script>(function(){var s=location.protocol==='https:'?';Secure':'';"
            f"document.cookie='{COOKIE}={value};Path=/;Max-Age={age};SameSite=Strict'+s;"
            "})();</script>")
