"""Thread events: join (with catch-up), leave, message, typing, and presence."""

from __future__ import annotations

from flask import request
from flask_socketio import emit, join_room, leave_room, rooms
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import User
from app.realtime import presence
from app.realtime.guard import BadEvent, event_handler, int_field
from app.realtime.ratelimit import allow_message
from app.services import deid, excerpts, threads
from app.services.errors import RateLimited
from app.services.events import excerpt_room


def _person(user: User) -> dict:
    return {"id": user.id, "name": user.display_name}


def _broadcast_presence(excerpt_id: int) -> None:
    users = presence.store().users(excerpt_id)
    emit(
        "presence",
        {"type": "presence", "excerpt_id": excerpt_id, "users": users},
        to=excerpt_room(excerpt_id),
    )


@event_handler
def on_join(user: User, data: dict) -> dict:
    """Sent by a client opening an excerpt; the ack carries every message after ``after``."""
    excerpt_id = int_field(data, "excerpt_id")
    after = int_field(data, "after", required=False, default=0)
    messages, last_seq = threads.messages_after(user, excerpt_id, after)
    join_room(excerpt_room(excerpt_id))
    presence.store().add(excerpt_id, request.sid, _person(user))
    _broadcast_presence(excerpt_id)
    return {"ok": True, "messages": [threads.payload(m) for m in messages], "last_seq": last_seq}


@event_handler
def on_leave(user: User, data: dict) -> dict:
    """Sent by a client leaving an excerpt; the room hears the new presence list."""
    excerpt_id = int_field(data, "excerpt_id")
    if excerpt_room(excerpt_id) in rooms():
        leave_room(excerpt_room(excerpt_id))
        presence.store().remove(excerpt_id, request.sid)
        _broadcast_presence(excerpt_id)
    return {"ok": True}


def _resolutions(data: dict) -> list[deid.Resolution]:
    raw = data.get("resolutions") or []
    if not isinstance(raw, list) or len(raw) > 200:
        raise BadEvent("resolutions must be a list.")
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise BadEvent("Each resolution is an object.")
        start, end = item.get("start"), item.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            raise BadEvent("A resolution needs whole-number start and end.")
        out.append(deid.Resolution(start, end, item.get("action"), "body"))
    return out


@event_handler
def on_message(user: User, data: dict) -> dict:
    """Sent by a member posting; acked with ``{ok, id, seq}``, the room hears ``message``."""
    excerpt_id = int_field(data, "excerpt_id")
    moment_id = data.get("moment_id")
    if moment_id is not None:
        moment_id = int_field(data, "moment_id")
    client_id = data.get("client_id")
    if not allow_message(user.id):
        raise RateLimited("You are sending messages very fast; wait a few seconds.")
    try:
        posted = threads.post_message(
            user,
            excerpt_id,
            data.get("body"),
            moment_id=moment_id,
            client_id=client_id,
            resolutions=_resolutions(data),
            attest=data.get("attest") is True,
        )
        db.session.commit()
    except IntegrityError:
        # A concurrent resend of the same client_id won the race: answer with its message.
        db.session.rollback()
        existing = threads.recover_duplicate(user, excerpt_id, client_id)
        if existing is None:
            raise
        return {"ok": True, "id": existing.id, "seq": existing.seq, "duplicate": True}
    message = posted.message
    return {"ok": True, "id": message.id, "seq": message.seq, "duplicate": not posted.created}


@event_handler
def on_typing(user: User, data: dict) -> dict:
    """Sent while a member types; everyone else in the excerpt hears ``typing``."""
    excerpt_id = int_field(data, "excerpt_id")
    if excerpt_room(excerpt_id) not in rooms():
        raise BadEvent("Join the excerpt first.")
    excerpts.get_excerpt(user, excerpt_id)  # membership may have ended since joining
    emit(
        "typing",
        {"type": "typing", "excerpt_id": excerpt_id, "user": _person(user)},
        to=excerpt_room(excerpt_id),
        include_self=False,
    )
    return {"ok": True}


def on_disconnect_presence() -> None:
    """Remove a closing socket from every excerpt it was viewing."""
    for room in rooms():
        if room.startswith("excerpt:"):
            excerpt_id = int(room.split(":", 1)[1])
            presence.store().remove(excerpt_id, request.sid)
            _broadcast_presence(excerpt_id)
