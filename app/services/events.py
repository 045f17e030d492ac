"""Socket.IO events, sent only after the transaction that caused them commits."""

from __future__ import annotations

from typing import Any

from app.extensions import db, socketio
from app.services.after_commit import on_commit


def excerpt_room(excerpt_id: int) -> str:
    return f"excerpt:{excerpt_id}"


def user_room(user_id: int) -> str:
    return f"user:{user_id}"


def emit_after_commit(event: str, payload: dict[str, Any], to: str) -> None:
    """Queue an event for the Socket.IO room ``to``; it is sent once the session commits.

    With REDIS_URL set, ``socketio.emit`` publishes through the Redis message queue, so every
    server process (and workers) reach their own clients.
    """
    on_commit(db.session(), lambda: socketio.emit(event, payload, to=to))
