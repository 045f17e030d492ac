"""Accounts: registration, sign-in checks, profile changes and personal API tokens."""

from __future__ import annotations

import hashlib
import secrets

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select

from app.extensions import db
from app.models import ApiToken, User
from app.orm import utcnow
from app.services import audit
from app.services.errors import Conflict, Invalid, NotFound
from app.services.passwords import (
    dummy_hash,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)

TOKEN_PREFIX = "par_"  # noqa: S105 - a public marker, not a secret
NAME_MAX = 80


def normalize_email(email: str) -> str:
    """Return the canonical form of an address, or raise Invalid."""
    try:
        result = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise Invalid("Enter a valid email address.", {"email": str(exc)}) from None
    return result.normalized.lower()


def clean_display_name(name: str) -> str:
    """Return a trimmed display name, or raise Invalid."""
    name = " ".join(name.split())
    if not name:
        raise Invalid("Enter a display name.", {"display_name": "Enter a display name."})
    if "\x00" in name:
        # PostgreSQL cannot store NUL in text; refuse it here rather than fail at the database.
        raise Invalid(
            "That display name contains an invalid character.",
            {"display_name": "Remove the invalid character."},
        )
    if len(name) > NAME_MAX:
        raise Invalid(
            "That display name is too long.",
            {"display_name": f"Use at most {NAME_MAX} characters."},
        )
    return name


def find_by_email(email: str) -> User | None:
    """Return the user with this address, if any."""
    return db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))


def register(email: str, password: str, display_name: str, *, ip: str | None = None) -> User:
    """Create an account; the error for a taken address does not say it is taken."""
    email = normalize_email(email)
    display_name = clean_display_name(display_name)
    problem = password_problem(password, email=email, name=display_name)
    if problem:
        raise Invalid(problem, {"password": problem})
    if find_by_email(email) is not None:
        # Deliberately vague: confirming the address has an account would leak who uses Parallel.
        raise Conflict(
            "An account could not be created with these details. If you already have one, "
            "sign in instead."
        )
    user = User(
        email=email,
        display_name=display_name,
        password_hash=hash_password(password),
        session_key=secrets.token_hex(16),
    )
    db.session.add(user)
    db.session.flush()
    audit.record("account.created", actor=user, target_type="user", target_id=user.id, ip=ip)
    return user


def authenticate(email: str, password: str, *, ip: str | None = None) -> User | None:
    """Return the user for these credentials, or None; failures are audited without the email."""
    try:
        user = find_by_email(normalize_email(email))
    except Invalid:
        user = None
    if user is None:
        verify_password(dummy_hash(), password)
        audit.record("signin.failed", ip=ip, reason="credentials")
        return None
    if not verify_password(user.password_hash, password):
        audit.record("signin.failed", actor=user, ip=ip, reason="credentials")
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    audit.record("signin", actor=user, ip=ip)
    return user


def update_display_name(user: User, display_name: str) -> User:
    """Change how the user is shown to colleagues."""
    user.display_name = clean_display_name(display_name)
    db.session.flush()
    return user


def change_password(user: User, current: str, new: str, *, ip: str | None = None) -> None:
    """Set a new password after checking the current one; signs out other browsers."""
    if not verify_password(user.password_hash, current):
        raise Invalid("Your current password is not correct.", {"current_password": "Not correct."})
    problem = password_problem(new, email=user.email, name=user.display_name)
    if problem:
        raise Invalid(problem, {"new_password": problem})
    user.password_hash = hash_password(new)
    user.session_key = secrets.token_hex(16)
    audit.record(
        "account.password_changed", actor=user, target_type="user", target_id=user.id, ip=ip
    )
    db.session.flush()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user: User, name: str = "", *, ip: str | None = None) -> tuple[ApiToken, str]:
    """Issue a personal token; the plain token is returned once and only its hash is kept."""
    name = " ".join(name.replace("\x00", "").split())[:NAME_MAX] or "API token"
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, token_hash=_digest(plain), prefix=plain[:10])
    db.session.add(token)
    db.session.flush()
    audit.record("token.created", actor=user, target_type="token", target_id=token.id, ip=ip)
    return token, plain


def list_tokens(user: User) -> list[ApiToken]:
    """Return the user's tokens, newest first."""
    return list(
        db.session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())
        )
    )


def revoke_token(user: User, token_id: int, *, ip: str | None = None) -> None:
    """Delete one of the user's tokens; someone else's token is not found."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound()
    db.session.delete(token)
    audit.record("token.revoked", actor=user, target_type="token", target_id=token_id, ip=ip)
    db.session.flush()


def user_for_token(plain: str) -> User | None:
    """Return the owner of a bearer token, recording its use; None for unknown tokens."""
    if not plain.startswith(TOKEN_PREFIX) or len(plain) > 200:
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(plain)))
    if token is None:
        return None
    now = utcnow()
    # Write at most once a minute: a busy script must not turn every read into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        token.last_used_at = now
    return token.user


def load_session_user(session_id: str) -> User | None:
    """Return the user for a Flask-Login session id of the form ``<id>:<session_key>``."""
    user_id, _, key = session_id.partition(":")
    if not (user_id.isascii() and user_id.isdigit()) or not key:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not secrets.compare_digest(user.session_key, key):
        return None
    return user
