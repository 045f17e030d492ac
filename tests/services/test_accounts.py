"""Accounts without HTTP: registration, sign-in, password changes and personal tokens."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import ApiToken, AuditEvent, User
from app.services import accounts
from app.services.errors import Conflict, Invalid, NotFound
from tests import factories

NEW_PASSWORD = "a fresh and long passphrase 7"


def audit_rows(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def row_text(row) -> str:
    """Every column value of a row, as one string, to search for leaked text."""
    return " ".join(repr(getattr(row, c.key)) for c in row.__table__.columns)


def test_register_normalises_the_email_and_audits(app):
    user = accounts.register("  Ana.Lopez@Example.ORG ", factories.PASSWORD, "  Ana   Lopez ")

    assert user.email == "ana.lopez@example.org"
    assert user.display_name == "Ana Lopez"
    assert user.password_hash != factories.PASSWORD
    [created] = audit_rows("account.created")
    assert created.actor_id == user.id


@pytest.mark.parametrize(
    ("email", "password", "field"),
    [
        ("ana@example.org", "short1!", "password"),
        ("ana@example.org", "password123", "password"),
        ("ana@example.org", "aaaaaaaaaaaa", "password"),
        ("robinson@example.org", "robinson-is-my-secret", "password"),
        ("not-an-address", factories.PASSWORD, "email"),
        ("", factories.PASSWORD, "email"),
    ],
)
def test_register_refuses_weak_passwords_and_bad_addresses(app, email, password, field):
    with pytest.raises(Invalid) as caught:
        accounts.register(email, password, "Ana")

    assert field in caught.value.errors
    assert db.session.scalar(select(User)) is None


@pytest.mark.parametrize("name", ["", "   ", "x" * (accounts.NAME_MAX + 1), "Ana\x00"])
def test_register_refuses_bad_display_names(app, name):
    with pytest.raises(Invalid) as caught:
        accounts.register("ana@example.org", factories.PASSWORD, name)

    assert "display_name" in caught.value.errors


@pytest.mark.parametrize("again", ["ana@example.org", "ANA@Example.org", " ana@example.org"])
def test_duplicate_email_is_a_vague_conflict(app, again):
    accounts.register("ana@example.org", factories.PASSWORD, "Ana")

    with pytest.raises(Conflict) as caught:
        accounts.register(again, factories.PASSWORD, "Someone else")

    detail = caught.value.detail.lower()
    assert "ana@example.org" not in detail
    for telltale in ("exists", "taken", "already registered", "in use"):
        assert telltale not in detail


def test_authenticate_with_the_right_password(app):
    user = factories.user(email="ana@example.org")

    assert accounts.authenticate("Ana@Example.org", factories.PASSWORD, ip="10.0.0.1") is user
    [signin] = audit_rows("signin")
    assert (signin.actor_id, signin.ip) == (user.id, "10.0.0.1")
    assert audit_rows("signin.failed") == []


def test_authenticate_with_a_wrong_password(app):
    user = factories.user(email="ana@example.org")

    assert accounts.authenticate("ana@example.org", "not the password at all") is None
    [failed] = audit_rows("signin.failed")
    assert failed.actor_id == user.id
    assert audit_rows("signin") == []


@pytest.mark.parametrize("typed", ["nobody.here@example.org", "nobody here", ""])
def test_failed_signin_for_an_unknown_email_does_not_keep_the_email(app, typed):
    assert accounts.authenticate(typed, factories.PASSWORD, ip="10.0.0.2") is None

    [failed] = audit_rows("signin.failed")
    assert failed.actor_id is None
    text = row_text(failed)
    if typed:
        assert typed not in text
        assert typed.split("@")[0] not in text


def test_change_password_rotates_the_session_key(app):
    user = factories.user()
    old_session = user.get_id()

    accounts.change_password(user, factories.PASSWORD, NEW_PASSWORD)

    assert user.get_id() != old_session
    assert accounts.load_session_user(old_session) is None
    assert accounts.load_session_user(user.get_id()) is user
    assert accounts.authenticate(user.email, factories.PASSWORD) is None
    assert accounts.authenticate(user.email, NEW_PASSWORD) is user
    assert len(audit_rows("account.password_changed")) == 1


@pytest.mark.parametrize(
    ("current", "new", "field"),
    [
        ("wrong current password", NEW_PASSWORD, "current_password"),
        (factories.PASSWORD, "short", "new_password"),
        (factories.PASSWORD, "password123", "new_password"),
    ],
)
def test_change_password_refusals_keep_the_old_password(app, current, new, field):
    user = factories.user()
    key = user.session_key

    with pytest.raises(Invalid) as caught:
        accounts.change_password(user, current, new)

    assert field in caught.value.errors
    assert user.session_key == key


def test_change_password_refuses_one_containing_the_email(app):
    user = factories.user(email="marguerite@example.org")

    with pytest.raises(Invalid):
        accounts.change_password(user, factories.PASSWORD, "marguerite-rules-the-world")


def test_update_display_name(app):
    user = factories.user()

    accounts.update_display_name(user, "  Dr.   Ana  ")

    assert user.display_name == "Dr. Ana"
    with pytest.raises(Invalid):
        accounts.update_display_name(user, " ")


def test_create_token_returns_the_plain_token_once_and_stores_its_hash(app):
    user = factories.user()

    token, plain = accounts.create_token(user, "  export   script ")

    assert plain.startswith(accounts.TOKEN_PREFIX)
    assert token.name == "export script"
    assert token.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    stored = db.session.scalar(select(ApiToken).where(ApiToken.id == token.id))
    assert plain not in row_text(stored)
    assert not hasattr(stored, "token")
    assert accounts.user_for_token(plain) is user
    assert accounts.list_tokens(user) == [token]


def test_tokens_are_unique_and_unnamed_ones_get_a_name(app):
    user = factories.user()

    first, plain1 = accounts.create_token(user)
    second, plain2 = accounts.create_token(user, "\x00")

    assert plain1 != plain2
    assert first.name == "API token"
    assert "\x00" not in second.name
    assert accounts.list_tokens(user) == [second, first]


BAD_TOKENS = ["", "par_", "par_not-a-real-token", "Bearer x", "par_" + "x" * 300, "par_\x00"]


def test_user_for_token_refuses_unknown_tokens(app):
    factories.user()

    for plain in BAD_TOKENS:
        assert accounts.user_for_token(plain) is None, plain


def test_user_for_token_records_last_use(app):
    user = factories.user()
    token, plain = accounts.create_token(user)
    assert token.last_used_at is None

    accounts.user_for_token(plain)

    assert token.last_used_at is not None


def test_revoke_token(app):
    user = factories.user()
    token, plain = accounts.create_token(user)

    accounts.revoke_token(user, token.id)

    assert accounts.user_for_token(plain) is None
    assert accounts.list_tokens(user) == []
    assert len(audit_rows("token.revoked")) == 1


def test_revoking_someone_elses_token_is_not_found(app):
    owner, other = factories.user(), factories.user()
    token, plain = accounts.create_token(owner)

    with pytest.raises(NotFound):
        accounts.revoke_token(other, token.id)
    with pytest.raises(NotFound):
        accounts.revoke_token(other, token.id + 1000)

    assert accounts.user_for_token(plain) is owner


def test_load_session_user_refuses_malformed_ids(app):
    factories.user()

    for session_id in ["", "abc", "1", "1:", ":key", "99:whatever", "x:y:z", "²:key"]:
        assert accounts.load_session_user(session_id) is None, session_id
