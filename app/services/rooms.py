"""Rooms, memberships and invites."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import func, select

from app.extensions import db
from app.models import INVITABLE_ROLES, Invite, Membership, Role, Room, User
from app.orm import utcnow
from app.services import access, audit, tags
from app.services.errors import Conflict, Forbidden, Gone, Invalid, NotFound
from app.services.pagination import Page, paginate

NAME_MAX = 120
DESCRIPTION_MAX = 2000
INVITE_MAX_DAYS = 30
INVITE_MAX_USES = 100


def _clean_room_fields(name: str, description: str) -> tuple[str, str]:
    name = " ".join(name.split())
    description = description.strip()
    errors = {}
    if not name:
        errors["name"] = "Give the room a name."
    elif len(name) > NAME_MAX:
        errors["name"] = f"Use at most {NAME_MAX} characters."
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = f"Use at most {DESCRIPTION_MAX} characters."
    # PostgreSQL cannot store NUL in text; refuse it here rather than fail at the database.
    for field, value in (("name", name), ("description", description)):
        if "\x00" in value:
            errors.setdefault(field, "Remove the invalid character.")
    if errors:
        raise Invalid(next(iter(errors.values())), errors)
    return name, description


def create_room(user: User, name: str, description: str = "", *, ip: str | None = None) -> Room:
    """Create a room with its creator as owner."""
    name, description = _clean_room_fields(name, description)
    room = Room(name=name, description=description)
    db.session.add(room)
    db.session.flush()
    db.session.add(Membership(room=room, user_id=user.id, role=Role.OWNER))
    tags.seed_room(room.id)
    audit.record(
        "room.created", actor=user, room_id=room.id, target_type="room", target_id=room.id, ip=ip
    )
    db.session.flush()
    return room


def update_room(user: User, room_id: int, name: str, description: str) -> Room:
    """Rename a room or change its description (owners)."""
    room, _ = access.check_room_permission(
        user, room_id, "can_edit_room", "Only the room's owners can change its details."
    )
    room.name, room.description = _clean_room_fields(name, description)
    audit.record("room.updated", actor=user, room_id=room.id, target_type="room", target_id=room.id)
    db.session.flush()
    return room


def list_rooms(
    user: User, *, limit: int = 50, before: int | None = None, after: int | None = None
) -> Page:
    """Return a page of the user's memberships (with their rooms), most recently joined first."""
    stmt = select(Membership).where(Membership.user_id == user.id)
    return paginate(stmt, Membership.id, limit=limit, before=before, after=after)


def members(user: User, room_id: int) -> list[Membership]:
    """Return the room's memberships, owners first, for a member of the room."""
    access.membership_for(user, room_id)
    order = {Role.OWNER: 0, Role.SUPERVISOR: 1, Role.MEMBER: 2, Role.TRAINEE: 3}
    rows = db.session.scalars(
        select(Membership)
        .where(Membership.room_id == room_id)
        .join(Membership.user)
        .order_by(User.display_name, Membership.id)
    )
    return sorted(rows, key=lambda m: order[Role(m.role)])


def create_invite(
    user: User,
    room_id: int,
    role: Role | str,
    *,
    days: int | None = None,
    max_uses: int = 1,
    default_days: int = 7,
    ip: str | None = None,
) -> Invite:
    """Create an invite code that brings people into the room with ``role``."""
    access.check_room_permission(
        user, room_id, "can_invite", "Only owners and supervisors can invite people."
    )
    try:
        role = Role(role)
    except ValueError:
        role = None
    if role not in INVITABLE_ROLES:
        allowed = ", ".join(r.value for r in INVITABLE_ROLES)
        raise Invalid(f"An invite's role must be one of: {allowed}.", {"role": "Not invitable."})
    days = default_days if days is None else days
    if not 1 <= days <= INVITE_MAX_DAYS:
        raise Invalid(f"An invite lasts 1 to {INVITE_MAX_DAYS} days.", {"days": "Out of range."})
    if not 1 <= max_uses <= INVITE_MAX_USES:
        raise Invalid(
            f"An invite can be used 1 to {INVITE_MAX_USES} times.", {"max_uses": "Out of range."}
        )
    invite = Invite(
        code=secrets.token_urlsafe(12),
        room_id=room_id,
        role=role,
        created_by_id=user.id,
        expires_at=utcnow() + timedelta(days=days),
        max_uses=max_uses,
    )
    db.session.add(invite)
    db.session.flush()
    audit.record(
        "invite.created",
        actor=user,
        room_id=room_id,
        target_type="invite",
        target_id=invite.id,
        role=role.value,
        count=max_uses,
        ip=ip,
    )
    return invite


def list_invites(user: User, room_id: int) -> list[Invite]:
    """Return the room's invites that can still be used (owners and supervisors)."""
    access.check_room_permission(
        user, room_id, "can_invite", "Only owners and supervisors can see invites."
    )
    now = utcnow()
    rows = db.session.scalars(
        select(Invite).where(Invite.room_id == room_id).order_by(Invite.id.desc())
    )
    return [invite for invite in rows if invite.is_usable(now)]


def revoke_invite(user: User, room_id: int, invite_id: int, *, ip: str | None = None) -> None:
    """Stop an invite from being used."""
    access.check_room_permission(
        user, room_id, "can_invite", "Only owners and supervisors can revoke invites."
    )
    invite = db.session.get(Invite, invite_id)
    if invite is None or invite.room_id != room_id:
        raise NotFound()
    if invite.revoked_at is None:
        invite.revoked_at = utcnow()
        audit.record(
            "invite.revoked",
            actor=user,
            room_id=room_id,
            target_type="invite",
            target_id=invite.id,
            ip=ip,
        )
    db.session.flush()


def _invite_by_code(code: str) -> Invite:
    if not code or len(code) > 64 or "\x00" in code:
        raise NotFound("This invite code is not valid.")
    invite = db.session.scalar(select(Invite).where(Invite.code == code))
    if invite is None:
        raise NotFound("This invite code is not valid.")
    return invite


def find_invite(code: str) -> Invite:
    """Return the invite for a code, or raise NotFound (used-up and expired ones: Gone)."""
    invite = _invite_by_code(code)
    if not invite.is_usable(utcnow()):
        raise Gone("This invite has expired or has already been used. Ask for a new one.")
    return invite


def accept_invite(user: User, code: str, *, ip: str | None = None) -> Membership:
    """Join the invite's room with its role; accepting again as a member changes nothing."""
    invite = _invite_by_code(code)
    existing = db.session.scalar(
        select(Membership).where(
            Membership.room_id == invite.room_id, Membership.user_id == user.id
        )
    )
    if existing is not None:
        # A repeated accept (a double click, a retried request) must not fail because the
        # first one used the invite up.
        return existing
    find_invite(code)
    # Count the use in the same UPDATE that checks it, so two people cannot share a last use.
    claimed = db.session.execute(
        Invite.__table__.update()
        .where(Invite.id == invite.id, Invite.uses < Invite.max_uses)
        .values(uses=Invite.uses + 1)
    ).rowcount
    if claimed != 1:
        raise Gone("This invite has already been used. Ask for a new one.")
    membership = Membership(room_id=invite.room_id, user_id=user.id, role=invite.role)
    db.session.add(membership)
    db.session.flush()
    db.session.refresh(invite)
    audit.record(
        "membership.joined",
        actor=user,
        room_id=invite.room_id,
        target_type="invite",
        target_id=invite.id,
        role=Role(invite.role).value,
        ip=ip,
    )
    return membership


def _owner_count(room_id: int) -> int:
    return db.session.scalar(
        select(func.count()).where(Membership.room_id == room_id, Membership.role == Role.OWNER)
    )


def _target_membership(room_id: int, user_id: int) -> Membership:
    membership = db.session.scalar(
        select(Membership).where(Membership.room_id == room_id, Membership.user_id == user_id)
    )
    if membership is None:
        raise NotFound("That person is not a member of this room.")
    return membership


def change_role(
    actor: User, room_id: int, user_id: int, role: Role | str, *, ip: str | None = None
) -> Membership:
    """Give a member another role (owners); the last owner cannot step down."""
    access.check_room_permission(
        actor, room_id, "can_manage_members", "Only the room's owners can change roles."
    )
    try:
        role = Role(role)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise Invalid(f"A role is one of: {allowed}.", {"role": "Unknown role."}) from None
    target = _target_membership(room_id, user_id)
    old = Role(target.role)
    if old is role:
        return target
    if old is Role.OWNER and _owner_count(room_id) <= 1:
        raise Conflict("A room needs an owner: make someone else owner first.")
    target.role = role
    audit.record(
        "membership.role_changed",
        actor=actor,
        room_id=room_id,
        target_type="user",
        target_id=user_id,
        old_role=old.value,
        new_role=role.value,
        ip=ip,
    )
    db.session.flush()
    return target


def remove_member(actor: User, room_id: int, user_id: int, *, ip: str | None = None) -> None:
    """Remove a member (owners), or leave the room (anyone); the last owner cannot leave."""
    own = access.membership_for(actor, room_id)
    if user_id != actor.id and not Role(own.role).can_manage_members:
        raise Forbidden("Only the room's owners can remove members.")
    target = own if user_id == actor.id else _target_membership(room_id, user_id)
    if Role(target.role) is Role.OWNER and _owner_count(room_id) <= 1:
        raise Conflict("A room needs an owner: make someone else owner before leaving.")
    db.session.delete(target)
    action = "membership.left" if user_id == actor.id else "membership.removed"
    audit.record(
        action,
        actor=actor,
        room_id=room_id,
        target_type="user",
        target_id=user_id,
        role=Role(target.role).value,
        ip=ip,
    )
    db.session.flush()
