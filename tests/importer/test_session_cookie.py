"""Reloading the page keeps a password-signed-in editor signed in: the signed cookie."""

from __future__ import annotations

from ita_dash import session_cookie as sc

EDITORS = {"password_sha256": "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"}


def test_a_token_names_the_editor_until_it_expires() -> None:
    key = sc.key_from(EDITORS)
    assert key is not None
    token = sc.make_token("สมชาย ใจดี", key, now=1_000_000)
    assert sc.read_token(token, key, now=1_000_000 + 60) == "สมชาย ใจดี"
    assert sc.read_token(token, key, now=1_000_000 + sc.TTL_SECONDS + 1) is None


def test_a_forged_or_foreign_token_is_refused() -> None:
    key = sc.key_from(EDITORS)
    token = sc.make_token("editor", key, now=1_000_000)
    name, expiry, signature = token.split(".")
    assert sc.read_token(f"{name}.{int(expiry) + 999}.{signature}", key, now=1_000_000) is None
    other = sc.key_from({"password_sha256": "0" * 64})
    assert sc.read_token(token, other, now=1_000_000) is None  # a new password signs out
    assert sc.read_token("not a token", key) is None and sc.read_token(None, key) is None
    assert sc.key_from({}) is None


def test_cookie_script_sets_and_clears_a_strict_cookie() -> None:
    key = sc.key_from(EDITORS)
    token = sc.make_token("editor", key)
    assert f"ita_editor={token};Path=/;Max-Age={sc.TTL_SECONDS};SameSite=Strict" in \
        sc.cookie_script(token)
    assert "ita_editor=;Path=/;Max-Age=0" in sc.cookie_script(None)
