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
:func:`require_editor`; the page only hides controls. The session side (``st.login``,
``st.secrets``, the signed-in marker) is :mod:`ita_dash.ui.auth`.
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

PBKDF2_ITERATIONS = 600_000
SESSION_KEY = "_ita_editor_session"  # never used as a widget key: clients cannot set it
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
        return hmac.compare_digest(hashlib.sha256(password.encode()).hexdigest(),
                                   stored.lower())
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
    listed = [emails] if isinstance(emails, str) else emails
    return {str(e).strip().lower() for e in listed} if isinstance(listed, list | tuple) else set()
