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
from collections.abc import Callable, Mapping
from dataclasses import dataclass

PBKDF2_ITERATIONS = 600_000
SESSION_KEY = "_ita_editor_session"  # never used as a widget key: clients cannot set it
COOKIE_KEY = "_ita_editor_cookie"  # the cookie to write on the next run (None clears it)
SIGNED_OUT_KEY = "_ita_editor_signed_out"
MAX_FAILURES = 10  # wrong passwords per client (network address) in the window
MAX_ACCOUNT_FAILURES = 30  # wrong passwords per account name, from all clients together
FAILURE_WINDOW_S = 300.0
MAX_TRACKED = 10_000  # keys remembered at most (the oldest are forgotten first)


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
    plain = editors.get("password_sha256")
    if isinstance(plain, str) and plain:
        hexdigest = hashlib.sha256(password.encode()).hexdigest()
        return hmac.compare_digest(hexdigest, plain.lower())
    return False


class Throttle:
    """Wrong-password throttle per client and per account, never for the whole server:
    wrong passwords from one client cannot lock out an editor signing in from another."""

    def __init__(self, *, per_client: int = MAX_FAILURES,
                 per_account: int = MAX_ACCOUNT_FAILURES, window_s: float = FAILURE_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_client, self.per_account, self.window_s = per_client, per_account, window_s
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _keys(client: str, account: str) -> tuple[str, str]:
        return f"client:{client}", f"account:{account.strip().lower()}"

    def _recent(self, key: str, now: float) -> int:
        times = self._failures.get(key)
        if times is None:
            return 0
        while times and now - times[0] > self.window_s:
            times.popleft()
        if not times:
            del self._failures[key]
            return 0
        return len(times)

    def blocked(self, client: str, account: str = "") -> bool:
        """True while this client, or this account, had too many wrong passwords."""
        client_key, account_key = self._keys(client, account)
        now = self.clock()
        with self._lock:
            return (self._recent(client_key, now) >= self.per_client
                    or self._recent(account_key, now) >= self.per_account)

    def failure(self, client: str, account: str = "") -> None:
        now = self.clock()
        with self._lock:
            for key in [k for k, times in self._failures.items()
                        if not times or now - times[-1] > self.window_s]:
                del self._failures[key]  # forget expired keys: memory stays bounded
            for key in self._keys(client, account):
                self._failures.setdefault(key, deque()).append(now)
            while len(self._failures) > MAX_TRACKED:
                del self._failures[next(iter(self._failures))]

    def success(self, client: str, account: str = "") -> None:
        """A right password clears this client's and this account's failures."""
        with self._lock:
            for key in self._keys(client, account):
                self._failures.pop(key, None)


THROTTLE = Throttle()


def password_configured(editors: Mapping[str, object]) -> bool:
    return bool(editors.get("password_pbkdf2") or editors.get("password_sha256"))


def editor_emails(editors: Mapping[str, object]) -> set[str]:
    emails = editors.get("emails") or []
    if isinstance(emails, str):
        emails = [emails]
    if not isinstance(emails, list | tuple | set | frozenset):
        return set()
    return {str(e).strip().lower() for e in emails}


def email_verified(claim: object) -> bool:
    """The OIDC ``email_verified`` claim: only a true boolean (or "true") counts."""
    return claim is True or (isinstance(claim, str) and claim.strip().lower() == "true")
