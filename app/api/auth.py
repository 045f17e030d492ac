"""How API callers are recognised: the browser session (with CSRF on writes) or a bearer token."""

from __future__ import annotations

from flask import current_app, g, request
from flask_login import current_user
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError as CSRFInvalid

from app.services.errors import Forbidden, Unauthorized

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def bearer_token() -> str | None:
    """Return the bearer token of the request, if any."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def require_user():
    """Return the signed-in user or raise Unauthorized; session writes must carry the CSRF token."""
    if not current_user.is_authenticated:
        if bearer_token():
            raise Unauthorized("This token is not valid or has been revoked.")
        raise Unauthorized("Sign in, or send a personal token as 'Authorization: Bearer …'.")
    if (
        request.method in WRITE_METHODS
        and not g.get("token_auth")
        and current_app.config.get("WTF_CSRF_ENABLED", True)
    ):
        token = request.headers.get("X-CSRFToken") or request.headers.get("X-CSRF-Token")
        try:
            validate_csrf(token)
        except CSRFInvalid as exc:
            raise Forbidden(
                "This write came with the browser session but without a valid X-CSRFToken "
                "header; reload the page, or use a personal token."
            ) from exc
    return current_user._get_current_object()
