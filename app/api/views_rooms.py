"""Rooms, members and invites under /api/v1."""

from __future__ import annotations

from flask import current_app, request, url_for
from flask_login import current_user

from app.api import bp
from app.api.schemas import (
    AcceptOut,
    InviteCreate,
    InviteList,
    InviteOut,
    InvitePreview,
    MemberOut,
    MemberUpdate,
    RoomCreate,
    RoomList,
    RoomOut,
    RoomSummary,
    RoomUpdate,
)
from app.api.serialize import dump
from app.api.spec import endpoint
from app.extensions import db
from app.models import Invite, Membership, Role
from app.services import access, rooms
from app.services.pagination import parse_cursor, parse_limit

PAGE_QUERY = {
    "limit": "Items per page (1-200, default 50)",
    "before": "Cursor from a previous page's `next`",
    "after": "Walk forward from this cursor",
}
MEMBER_ERRORS = {403: "Your role does not allow this", 404: "No such room (or not a member)"}


def room_summary(room, role) -> dict:
    return dump(
        RoomSummary,
        id=room.id,
        name=room.name,
        description=room.description,
        role=Role(role).value,
        created_at=room.created_at,
    )


def member_out(membership: Membership) -> dict:
    user = membership.user
    return dump(
        MemberOut,
        user={"id": user.id, "display_name": user.display_name},
        role=Role(membership.role).value,
        joined_at=membership.joined_at,
    )


def invite_out(invite: Invite) -> dict:
    return dump(
        InviteOut,
        id=invite.id,
        code=invite.code,
        role=Role(invite.role).value,
        room_id=invite.room_id,
        expires_at=invite.expires_at,
        max_uses=invite.max_uses,
        uses=invite.uses,
        url=url_for("rooms.join", code=invite.code, _external=True),
    )


def room_out(room, membership) -> dict:
    data = room_summary(room, membership.role)
    data["members"] = [member_out(m) for m in rooms.members(current_user, room.id)]
    return dump(RoomOut, **data)


@endpoint(
    bp,
    "/rooms",
    "POST",
    summary="Create a room (I become its owner)",
    body=RoomCreate,
    response=RoomOut,
    status=201,
)
def create_room(body: RoomCreate):
    room = rooms.create_room(current_user, body.name, body.description, ip=request.remote_addr)
    db.session.commit()
    room, membership = access.room_for(current_user, room.id)
    return room_out(room, membership), 201


@endpoint(
    bp,
    "/rooms",
    "GET",
    summary="Rooms I belong to, with my role",
    response=RoomList,
    query=PAGE_QUERY,
)
def list_rooms():
    page = rooms.list_rooms(
        current_user,
        limit=parse_limit(request.args.get("limit")),
        before=parse_cursor("before", request.args.get("before")),
        after=parse_cursor("after", request.args.get("after")),
    )
    return {"items": [room_summary(m.room, m.role) for m in page.items], "next": page.next}


@endpoint(
    bp,
    "/rooms/<int:room_id>",
    "GET",
    summary="A room and its members (members only)",
    response=RoomOut,
    errors={404: "No such room (or not a member)"},
)
def get_room(room_id: int):
    room, membership = access.room_for(current_user, room_id)
    return room_out(room, membership)


@endpoint(
    bp,
    "/rooms/<int:room_id>",
    "PATCH",
    summary="Rename or describe a room (owners)",
    body=RoomUpdate,
    response=RoomOut,
    errors=MEMBER_ERRORS,
)
def update_room(room_id: int, body: RoomUpdate):
    room, membership = access.room_for(current_user, room_id)
    rooms.update_room(
        current_user,
        room_id,
        body.name if body.name is not None else room.name,
        body.description if body.description is not None else room.description,
    )
    db.session.commit()
    return room_out(room, membership)


@endpoint(
    bp,
    "/rooms/<int:room_id>/invites",
    "POST",
    summary="Create an invite code for supervisor, member or trainee (owners, supervisors)",
    body=InviteCreate,
    response=InviteOut,
    status=201,
    errors=MEMBER_ERRORS,
)
def create_invite(room_id: int, body: InviteCreate):
    invite = rooms.create_invite(
        current_user,
        room_id,
        body.role,
        days=body.days,
        max_uses=body.max_uses,
        default_days=current_app.config["INVITE_DEFAULT_DAYS"],
        ip=request.remote_addr,
    )
    db.session.commit()
    return invite_out(invite), 201


@endpoint(
    bp,
    "/rooms/<int:room_id>/invites",
    "GET",
    summary="Invites that can still be used (owners, supervisors)",
    response=InviteList,
    errors=MEMBER_ERRORS,
)
def list_invites(room_id: int):
    return {
        "items": [invite_out(i) for i in rooms.list_invites(current_user, room_id)],
        "next": None,
    }


@endpoint(
    bp,
    "/rooms/<int:room_id>/invites/<int:invite_id>",
    "DELETE",
    summary="Revoke an invite (owners, supervisors)",
    status=204,
    errors=MEMBER_ERRORS,
)
def revoke_invite(room_id: int, invite_id: int):
    rooms.revoke_invite(current_user, room_id, invite_id, ip=request.remote_addr)
    db.session.commit()
    return "", 204


@endpoint(
    bp,
    "/invites/<code>",
    "GET",
    summary="What an invite code leads to",
    response=InvitePreview,
    errors={404: "Unknown code", 410: "Expired or used up"},
)
def preview_invite(code: str):
    invite = rooms.find_invite(code)
    return dump(
        InvitePreview,
        room={"id": invite.room.id, "name": invite.room.name},
        role=Role(invite.role).value,
        expires_at=invite.expires_at,
    )


@endpoint(
    bp,
    "/invites/<code>/accept",
    "POST",
    summary="Join a room with the invite's role",
    response=AcceptOut,
    errors={404: "Unknown code", 410: "Expired or used up"},
)
def accept_invite(code: str):
    membership = rooms.accept_invite(current_user, code, ip=request.remote_addr)
    db.session.commit()
    return dump(
        AcceptOut,
        room=room_summary(membership.room, membership.role),
        role=Role(membership.role).value,
    )


@endpoint(
    bp,
    "/rooms/<int:room_id>/members/<int:user_id>",
    "PATCH",
    summary="Change a member's role (owners)",
    body=MemberUpdate,
    response=MemberOut,
    errors={**MEMBER_ERRORS, 409: "The room would have no owner"},
)
def update_member(room_id: int, user_id: int, body: MemberUpdate):
    membership = rooms.change_role(
        current_user, room_id, user_id, body.role, ip=request.remote_addr
    )
    db.session.commit()
    return member_out(membership)


@endpoint(
    bp,
    "/rooms/<int:room_id>/members/<int:user_id>",
    "DELETE",
    summary="Remove a member (owners) or leave (anyone)",
    status=204,
    errors={**MEMBER_ERRORS, 409: "The room would have no owner"},
)
def remove_member(room_id: int, user_id: int):
    rooms.remove_member(current_user, room_id, user_id, ip=request.remote_addr)
    db.session.commit()
    return "", 204
