"""Sign-in and registration rate limits shared by the pages and the API."""

from __future__ import annotations

import hashlib

from flask import current_app, request


def signin_limit_address() -> str:
    return current_app.config["SIGNIN_LIMIT_PER_ADDRESS"]


def signin_limit_account() -> str:
    return current_app.config["SIGNIN_LIMIT_PER_ACCOUNT"]


def register_limit_address() -> str:
    return current_app.config["REGISTER_LIMIT_PER_ADDRESS"]


def signin_account_key() -> str:
    """Key the per-account limit on a hash of the address tried (from a form or HTTP Basic)."""
    if request.authorization and request.authorization.type == "basic":
        email = request.authorization.username or ""
    else:
        email = request.form.get("email", "")
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    return f"signin-account:{digest}"


def failed_attempt(response) -> bool:
    """Count only failed sign-ins against the limits, so colleagues behind one NAT are spared."""
    return response.status_code in (400, 401, 422)
