"""Wiring for Flask-Login (session cookie and bearer tokens) and SQLite connection settings."""

from __future__ import annotations

from flask import Flask, g
from sqlalchemy import event

from app.extensions import db


def configure_login(login_manager) -> None:
    """Load users from the session cookie, or from a bearer token for API calls."""
    from app.api.auth import bearer_token
    from app.services import accounts

    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to continue."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(session_id: str):
        return accounts.load_session_user(session_id)

    @login_manager.request_loader
    def load_from_token(request):
        plain = bearer_token()
        if not plain:
            return None
        user = accounts.user_for_token(plain)
        if user is not None:
            g.token_auth = True
            if db.session.dirty:
                db.session.commit()  # the token's last-used time, written at most once a minute
        return user


def configure_sqlite(app: Flask) -> None:
    """Turn on foreign keys and WAL for SQLite, which has both off by default."""
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if ":memory:" not in str(engine.url):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
