"""Accounts and personal tokens under /api/v1."""

from __future__ import annotations

from flask import current_app, g, request
from flask_login import current_user, login_user

from app.api import bp
from app.api.schemas import (
    PasswordChange,
    TokenCreate,
    TokenCreated,
    TokenList,
    TokenOut,
    UserCreate,
    UserOut,
    UserUpdate,
)
from app.api.serialize import dump
from app.api.spec import endpoint
from app.extensions import db, limiter
from app.services import accounts
from app.services.errors import Forbidden, Unauthorized
from app.web.limits import (
    failed_attempt,
    register_limit_address,
    signin_account_key,
    signin_limit_account,
    signin_limit_address,
)


def user_out(user) -> dict:
    return dump(
        UserOut,
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        created_at=user.created_at,
    )


@endpoint(
    bp,
    "/users",
    "POST",
    summary="Register an account",
    body=UserCreate,
    response=UserOut,
    status=201,
    auth=False,
    errors={403: "Registration is closed", 409: "Cannot register", 429: "Rate limited"},
)
@limiter.limit(register_limit_address)
def register(body: UserCreate):
    if not current_app.config["REGISTRATION_OPEN"]:
        raise Forbidden("Registration is closed here; ask an administrator for an account.")
    user = accounts.register(body.email, body.password, body.display_name, ip=request.remote_addr)
    db.session.commit()
    return user_out(user), 201


@endpoint(
    bp,
    "/tokens",
    "POST",
    summary="Issue a personal token (HTTP Basic email:password)",
    body=TokenCreate,
    body_required=False,
    response=TokenCreated,
    status=201,
    auth=False,
    errors={429: "Rate limited"},
)
@limiter.limit(signin_limit_address, deduct_when=failed_attempt)
@limiter.limit(signin_limit_account, key_func=signin_account_key, deduct_when=failed_attempt)
def create_token(body: TokenCreate | None):
    credentials = request.authorization
    if credentials is None or credentials.type != "basic":
        raise Unauthorized("Send your email and password with HTTP Basic authentication.")
    name = body.name if body is not None else ""
    user = accounts.authenticate(
        credentials.username or "", credentials.password or "", ip=request.remote_addr
    )
    if user is None:
        db.session.commit()  # keep the audit record of the failed attempt
        raise Unauthorized("The email or password is not correct.")
    token, plain = accounts.create_token(user, name, ip=request.remote_addr)
    db.session.commit()
    return dump(
        TokenCreated, id=token.id, token=plain, name=token.name, created_at=token.created_at
    ), 201


@endpoint(bp, "/tokens", "GET", summary="My personal tokens", response=TokenList)
def list_tokens():
    items = [
        dump(
            TokenOut,
            id=t.id,
            name=t.name,
            prefix=t.prefix,
            created_at=t.created_at,
            last_used_at=t.last_used_at,
        )
        for t in accounts.list_tokens(current_user)
    ]
    return {"items": items, "next": None}


@endpoint(
    bp,
    "/tokens/<int:token_id>",
    "DELETE",
    summary="Revoke a personal token",
    status=204,
    errors={404: "No such token of mine"},
)
def revoke_token(token_id: int):
    accounts.revoke_token(current_user, token_id, ip=request.remote_addr)
    db.session.commit()
    return "", 204


@endpoint(bp, "/me", "GET", summary="The signed-in user", response=UserOut)
def me():
    return user_out(current_user)


@endpoint(bp, "/me", "PATCH", summary="Change my display name", body=UserUpdate, response=UserOut)
def update_me(body: UserUpdate):
    accounts.update_display_name(current_user, body.display_name)
    db.session.commit()
    return user_out(current_user)


@endpoint(
    bp,
    "/me/password",
    "POST",
    summary="Change my password (signs out other browsers)",
    body=PasswordChange,
    status=204,
)
def change_password(body: PasswordChange):
    accounts.change_password(
        current_user, body.current_password, body.new_password, ip=request.remote_addr
    )
    db.session.commit()
    if not g.get("token_auth"):
        login_user(current_user)  # keep this browser signed in with the new session key
    return "", 204
