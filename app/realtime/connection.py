"""Connect and disconnect: who is on the other end of a socket."""

from __future__ import annotations

import logging

from flask import session
from flask_socketio import ConnectionRefusedError, join_room

from app.extensions import db
from app.models import User
from app.services import accounts

log = logging.getLogger(__name__)
SOCKET_USER_KEY = "socket_user"


def socket_user() -> User | None:
    """Return the user this socket authenticated as, re-checked against the database."""
    session_id = session.get(SOCKET_USER_KEY)
    return accounts.load_session_user(session_id) if session_id else None


def on_connect(auth=None):
    """Sent by a browser (session cookie) or script (``auth={"token": …}``) when it connects."""
    # The browser's signed session cookie, read directly: the socket has no Flask-Login request.
    session_id = session.get("_user_id")
    user = accounts.load_session_user(session_id) if isinstance(session_id, str) else None
    if user is None and isinstance(auth, dict) and isinstance(auth.get("token"), str):
        user = accounts.user_for_token(auth["token"])
        if db.session.dirty:
            db.session.commit()
    if user is None:
        raise ConnectionRefusedError("Sign in first: send the session cookie or a token.")
    session[SOCKET_USER_KEY] = user.get_id()
    join_room(f"user:{user.id}")
    log.debug("socket connected user=%s", user.id)


def on_disconnect(reason=None):
    """Sent by Socket.IO when a client goes away; the excerpts it viewed hear new presence."""
    from app.realtime.threads import on_disconnect_presence

    try:
        on_disconnect_presence()
    finally:
        session.pop(SOCKET_USER_KEY, None)
