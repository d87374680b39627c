"""Editor passwords and the session check."""

from __future__ import annotations

import hashlib

import pytest

from ita_dash import auth


@pytest.fixture(autouse=True)
def no_failures() -> None:
    auth.THROTTLE = auth.Throttle()


def test_pbkdf2_password() -> None:
    stored = auth.hash_password("correct horse battery", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$")
    editors = {"password_pbkdf2": stored}
    assert auth.verify_password("correct horse battery", editors)
    assert not auth.verify_password("correct horse batter", editors)
    assert not auth.verify_password("", editors)
    assert not auth.verify_password("x", {"password_pbkdf2": "pbkdf2_sha256$zz$yy"})


def test_sha256_password() -> None:
    editors = {"password_sha256": hashlib.sha256(b"s3cret-editor").hexdigest().upper()}
    assert auth.verify_password("s3cret-editor", editors)
    assert not auth.verify_password("s3cret-editor ", editors)


def test_no_password_configured_means_no_editor() -> None:
    assert not auth.verify_password("anything", {})
    assert not auth.password_configured({"emails": ["a@b.c"]})


def test_throttle_is_per_client_and_per_account_never_global() -> None:
    now = [0.0]
    throttle = auth.Throttle(per_client=10, per_account=30, window_s=300, clock=lambda: now[0])
    for _ in range(10):
        assert not throttle.blocked("203.0.113.9", "mallory")
        throttle.failure("203.0.113.9", "mallory")
    assert throttle.blocked("203.0.113.9", "mallory")
    assert throttle.blocked("203.0.113.9", "editor")  # that client, whatever name it types
    assert not throttle.blocked("198.51.100.7", "editor")  # the real editor elsewhere: not
    # many clients guessing one account lock that account only
    for i in range(30):
        throttle.failure(f"192.0.2.{i}", "Editor ")
    assert throttle.blocked("198.51.100.7", "editor")
    assert not throttle.blocked("198.51.100.7", "other")
    now[0] = 301.0  # failures expire after the window
    assert not throttle.blocked("203.0.113.9", "mallory")
    assert not throttle.blocked("198.51.100.7", "editor")
    throttle.failure("203.0.113.9", "mallory")
    throttle.success("203.0.113.9", "mallory")
    assert throttle._failures == {}


def test_editor_emails() -> None:
    assert auth.editor_emails({"emails": ["A@X.go.th ", "b@y.th"]}) == {"a@x.go.th", "b@y.th"}
    assert auth.editor_emails({"emails": "c@z.th"}) == {"c@z.th"}
    assert auth.editor_emails({}) == set()


def test_require_editor() -> None:
    auth.require_editor(auth.cli_actor())
    for actor in (None, auth.ANONYMOUS, auth.Actor("oidc:x@y", "oidc", False)):
        with pytest.raises(auth.NotAuthorized):
            auth.require_editor(actor)


class FakeUser(dict):
    def __init__(self, logged_in: bool, email: str = "", verified: object = True) -> None:
        super().__init__(email=email, email_verified=verified)
        self.is_logged_in = logged_in


@pytest.mark.parametrize(("user", "expected"), [
    (FakeUser(False), auth.ANONYMOUS),
    (FakeUser(True, "Editor@Example.go.th"),
     auth.Actor("oidc:editor@example.go.th", "oidc", True)),
    (FakeUser(True, "someone@example.com"),
     auth.Actor("oidc:someone@example.com", "oidc", False)),
    (FakeUser(True, "editor@example.go.th", verified=False),
     auth.Actor("oidc:editor@example.go.th", "oidc", False)),
    (FakeUser(True, "editor@example.go.th", verified=None),
     auth.Actor("oidc:editor@example.go.th", "oidc", False)),
    (FakeUser(True, "editor@example.go.th", verified="false"),
     auth.Actor("oidc:editor@example.go.th", "oidc", False)),
])
def test_oidc_session(monkeypatch: pytest.MonkeyPatch, user: FakeUser,
                      expected: auth.Actor) -> None:
    import streamlit

    from ita_dash.ui import auth as session

    sections = {"auth": {"client_id": "x"}, "editors": {"emails": ["editor@example.go.th"],
                                                        "password_sha256": "ab"}}
    monkeypatch.setattr(session, "secrets_section", lambda name: sections.get(name, {}))
    monkeypatch.setattr(streamlit, "user", user)
    monkeypatch.setitem(streamlit.session_state, auth.SESSION_KEY, {"ok": True, "name": "x"})
    assert session.session_actor() == expected  # the password marker does not count with OIDC
