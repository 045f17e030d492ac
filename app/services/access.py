"""The one permission choke point: every layer loads rooms and their content through here.

A user who may not know an object exists gets ``NotFound`` (404), never ``Forbidden``: ids must
not leak. ``Forbidden`` (403) is for members who can see a thing but may not change it.
"""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import JournalEntry, Membership, Role, Room, Transcription, User
from app.services.errors import Forbidden, NotFound


def membership_for(user: User | None, room_id: int) -> Membership:
    """Return the user's membership of the room, or raise NotFound."""
    if user is None or not getattr(user, "is_authenticated", False):
        raise NotFound()
    membership = db.session.scalar(
        select(Membership).where(Membership.room_id == room_id, Membership.user_id == user.id)
    )
    if membership is None:
        raise NotFound()
    return membership


def room_for(user: User | None, room_id: int) -> tuple[Room, Membership]:
    """Return a room the user belongs to, with their membership, or raise NotFound."""
    membership = membership_for(user, room_id)
    return membership.room, membership


def check_room_permission(
    user: User | None, room_id: int, permission: str, message: str
) -> tuple[Room, Membership]:
    """Return the room when the user's role grants ``permission`` (a ``Role.can_*`` name).

    Non-members get NotFound; members without the permission get Forbidden with ``message``.
    """
    room, membership = room_for(user, room_id)
    if not getattr(Role(membership.role), permission):
        raise Forbidden(message)
    return room, membership


def role_in(user: User | None, room_id: int) -> Role | None:
    """Return the user's role in the room, or None when they are not a member."""
    try:
        return membership_for(user, room_id).role
    except NotFound:
        return None


def transcription_for(user: User | None, transcription_id: int) -> Transcription:
    """Return the user's own transcription; anyone else's (or none) is NotFound."""
    if user is None or not getattr(user, "is_authenticated", False):
        raise NotFound()
    transcription = db.session.get(Transcription, transcription_id)
    if transcription is None or transcription.owner_id != user.id:
        raise NotFound()
    return transcription


def journal_entry_for(user: User | None, entry_id: int) -> JournalEntry:
    """Return the user's own journal entry; anyone else (room owners, admins too) gets NotFound."""
    if user is None or not getattr(user, "is_authenticated", False):
        raise NotFound()
    entry = db.session.get(JournalEntry, entry_id)
    if entry is None or entry.author_id != user.id:
        raise NotFound()
    return entry
