"""Who may write: viewing is open, importing and undoing need an editor.

Two ways to be an editor in the web app (see docs/IMPORT.md):

* OIDC sign-in with Streamlit's ``st.login`` when ``[auth]`` is configured in
  ``.streamlit/secrets.toml``; the signed-in e-mail must be listed in
  ``[editors] emails``.
* A local fallback for one machine: an editor password whose hash is in
  ``[editors] password_pbkdf2`` (or ``password_sha256``), compared with
  :func:`hmac.compare_digest`.

The command line runs as the operating-system user who can write the database
file, and is trusted as an editor. The write functions themselves call
:func:`require_editor`; the page only hides controls.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from ita_dash.importer import session_cookie

PBKDF2_ITERATIONS = 600_000
SESSION_KEY = "_ita_editor_session"  # never used as a widget key: clients cannot set it
COOKIE_KEY = "_ita_editor_cookie"  # the cookie to write on the next run (None clears it)
SIGNED_OUT_KEY = "_ita_editor_signed_out"
MAX_FAILURES = 10
FAILURE_WINDOW_S = 300.0
_failures: deque[float] = deque()
_lock = threading.Lock()


class NotAuthorized(PermissionError):
    """The session may not write."""

    def __init__(self) -> None:
        super().__init__("sign in as an editor to import or undo / "
                         "ต้องเข้าสู่ระบบในฐานะผู้แก้ไขข้อมูลก่อนนำเข้าหรือยกเลิก")


@dataclass(frozen=True)
class Actor:
    """Who is acting: ``name`` is recorded with every import."""

    name: str
    method: str  # "oidc", "password", "cli" or "anonymous"
    is_editor: bool


ANONYMOUS = Actor("anonymous", "anonymous", False)


def require_editor(actor: Actor | None) -> None:
    """Raise :class:`NotAuthorized` unless ``actor`` is an editor."""
    if actor is None or not actor.is_editor:
        raise NotAuthorized()


def cli_actor() -> Actor:
    """The operating-system user running the command line."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return Actor(f"cli:{user}@{socket.gethostname()}", "cli", True)


# --------------------------------------------------------------------- passwords


def hash_password(password: str, *, iterations: int = PBKDF2_ITERATIONS,
                  salt: bytes | None = None) -> str:
    """'pbkdf2_sha256$ITERATIONS$SALT_HEX$HASH_HEX' for ``[editors] password_pbkdf2``."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, editors: Mapping[str, object]) -> bool:
    """Check ``password`` against the hash configured in ``[editors]``."""
    stored = editors.get("password_pbkdf2")
    if isinstance(stored, str) and stored.startswith("pbkdf2_sha256$"):
        try:
            _, iterations, salt_hex, hash_hex = stored.split("$")
            digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt_hex),
                                         int(iterations))
        except ValueError:
            return False
        return hmac.compare_digest(digest.hex(), hash_hex.lower())
    stored = editors.get("password_sha256")
    if isinstance(stored, str) and stored:
        digest = hashlib.sha256(password.encode()).hexdigest()
        return hmac.compare_digest(digest, stored.lower())
    return False


def throttled() -> bool:
    """True while too many wrong passwords were tried recently (on this server)."""
    now = time.monotonic()
    with _lock:
        while _failures and now - _failures[0] > FAILURE_WINDOW_S:
            _failures.popleft()
        return len(_failures) >= MAX_FAILURES


def record_failure() -> None:
    with _lock:
        _failures.append(time.monotonic())


def password_configured(editors: Mapping[str, object]) -> bool:
    return bool(editors.get("password_pbkdf2") or editors.get("password_sha256"))


def editor_emails(editors: Mapping[str, object]) -> set[str]:
    emails = editors.get("emails") or []
    if isinstance(emails, str):
        emails = [emails]
    return {str(e).strip().lower() for e in emails}


# --------------------------------------------------------------------- streamlit


def secrets_section(name: str) -> Mapping[str, object]:
    """A section of ``st.secrets`` ({} when there is no secrets file or no section)."""
    import streamlit as st

    try:
        section = st.secrets.get(name)
    except Exception:  # noqa: BLE001 - no secrets file is not an error
        return {}
    return section if isinstance(section, Mapping) else {}


def oidc_configured() -> bool:
    return bool(secrets_section("auth"))


def session_actor() -> Actor:
    """The editor signed in to this Streamlit session, or :data:`ANONYMOUS`."""
    import streamlit as st

    editors = secrets_section("editors")
    if oidc_configured():
        user = st.user
        if getattr(user, "is_logged_in", False):
            email = str(user.get("email") or "").strip().lower()
            allowed = bool(email) and email in editor_emails(editors)
            return Actor(f"oidc:{email}", "oidc", allowed)
        return ANONYMOUS
    marker = st.session_state.get(SESSION_KEY) or restore_from_cookie(editors)
    if isinstance(marker, dict) and marker.get("ok") and password_configured(editors):
        return Actor(f"password:{marker.get('name') or 'editor'}", "password", True)
    return ANONYMOUS


def sign_in_with_password(password: str, name: str = "") -> bool:
    """Check the password and mark this session as an editor's."""
    import streamlit as st

    if throttled():
        return False
    editors = secrets_section("editors")
    if not password_configured(editors) or not verify_password(password, editors):
        record_failure()
        return False
    st.session_state[SESSION_KEY] = {"ok": True, "name": name.strip()[:60]}
    key = session_cookie.key_from(editors)
    if key is not None:  # the page writes the cookie (a reload keeps the editor signed in)
        st.session_state[COOKIE_KEY] = session_cookie.make_token(name.strip()[:60], key)
    return True


def restore_from_cookie(editors: Mapping[str, object]) -> dict | None:
    """A new session (a reload) of a password-signed-in editor: the signed cookie's name."""
    import streamlit as st

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
    marker = {"ok": True, "name": name}
    st.session_state[SESSION_KEY] = marker
    return marker


def pending_cookie_script() -> str | None:
    """The script that stores or clears the sign-in cookie, once, after a sign-in or out."""
    import streamlit as st

    if COOKIE_KEY not in st.session_state:
        return None
    return session_cookie.cookie_script(st.session_state.pop(COOKIE_KEY))


def sign_out() -> None:
    import streamlit as st

    st.session_state.pop(SESSION_KEY, None)
    st.session_state[SIGNED_OUT_KEY] = True
    st.session_state[COOKIE_KEY] = None  # clears the cookie
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()
