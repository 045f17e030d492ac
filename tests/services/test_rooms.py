"""Rooms, invites and memberships without HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Role
from app.orm import utcnow
from app.services import access, rooms
from app.services.errors import Conflict, Forbidden, Gone, Invalid, NotFound
from tests import factories


def role_of(user, room) -> Role | None:
    return access.role_in(user, room.id)


def test_create_room_makes_the_creator_owner(app):
    user = factories.user()

    room = rooms.create_room(user, "  Thursday   group ", "  For Thursdays.  ")

    assert (room.name, room.description) == ("Thursday group", "For Thursdays.")
    assert role_of(user, room) is Role.OWNER
    assert [m.room for m in rooms.list_rooms(user).items] == [room]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "room.created"))
    assert (event.actor_id, event.room_id) == (user.id, room.id)


@pytest.mark.parametrize(
    ("name", "description", "field"),
    [
        ("", "", "name"),
        ("   ", "", "name"),
        ("x" * (rooms.NAME_MAX + 1), "", "name"),
        ("Fine", "x" * (rooms.DESCRIPTION_MAX + 1), "description"),
        ("Bad\x00name", "", "name"),
        ("Fine", "bad\x00description", "description"),
    ],
)
def test_create_room_refuses_bad_fields(app, name, description, field):
    with pytest.raises(Invalid) as caught:
        rooms.create_room(factories.user(), name, description)

    assert field in caught.value.errors


def test_only_owners_update_a_room(app, room_with):
    room, people = room_with(Role.SUPERVISOR)

    with pytest.raises(Forbidden):
        rooms.update_room(people[Role.SUPERVISOR], room.id, "Renamed", "")
    with pytest.raises(NotFound):
        rooms.update_room(factories.user(), room.id, "Renamed", "")
    rooms.update_room(people[Role.OWNER], room.id, "Renamed", "New")

    assert (room.name, room.description) == ("Renamed", "New")


@pytest.mark.parametrize("role", ["supervisor", "member", "trainee"])
def test_invite_brings_people_in_with_its_role(app, room_with, role):
    room, people = room_with()
    newcomer = factories.user()

    invite = rooms.create_invite(people[Role.OWNER], room.id, role, days=3, max_uses=1)
    membership = rooms.accept_invite(newcomer, invite.code)

    assert membership.role is Role(role)
    assert role_of(newcomer, room) is Role(role)
    assert invite.uses == 1
    assert timedelta(days=2, hours=23) < invite.expires_at - utcnow() <= timedelta(days=3)


def test_invite_uses_the_default_lifetime(app, room_with):
    room, people = room_with()

    invite = rooms.create_invite(people[Role.OWNER], room.id, "member", default_days=5)

    assert timedelta(days=4, hours=23) < invite.expires_at - utcnow() <= timedelta(days=5)
    assert invite.max_uses == 1


# Each refusal is a cheap call on the same room, so one test walks the whole table.
BAD_INVITES = [
    ({"role": "owner"}, "role"),
    ({"role": "admin"}, "role"),
    ({"role": ""}, "role"),
    ({"role": "Owner"}, "role"),
    ({"role": None}, "role"),
    ({"days": 0}, "days"),
    ({"days": 31}, "days"),
    ({"days": -1}, "days"),
    ({"max_uses": 0}, "max_uses"),
    ({"max_uses": 101}, "max_uses"),
]


def test_bad_invites_are_refused(app, room_with):
    room, people = room_with()

    for fields, field in BAD_INVITES:
        kwargs = {"role": "member", **fields}
        with pytest.raises(Invalid) as caught:
            rooms.create_invite(people[Role.OWNER], room.id, kwargs.pop("role"), **kwargs)
        assert field in caught.value.errors, fields
    assert rooms.list_invites(people[Role.OWNER], room.id) == []


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.SUPERVISOR, True),
        (Role.MEMBER, False),
        (Role.TRAINEE, False),
    ],
)
def test_who_may_invite(app, room_with, role, allowed):
    room, people = room_with(role)

    if allowed:
        assert rooms.create_invite(people[role], room.id, "trainee").room_id == room.id
    else:
        with pytest.raises(Forbidden):
            rooms.create_invite(people[role], room.id, "trainee")
    with pytest.raises(NotFound):
        rooms.create_invite(factories.user(), room.id, "trainee")


def test_accepting_twice_is_idempotent(app, room_with):
    room, people = room_with()
    invite = rooms.create_invite(people[Role.OWNER], room.id, "member", max_uses=1)
    newcomer = factories.user()

    first = rooms.accept_invite(newcomer, invite.code)
    second = rooms.accept_invite(newcomer, invite.code)

    assert first is second
    assert invite.uses == 1
    assert len(rooms.members(newcomer, room.id)) == 2


def test_accepting_as_an_existing_member_keeps_the_role(app, room_with):
    room, people = room_with(Role.TRAINEE)
    invite = rooms.create_invite(people[Role.OWNER], room.id, "supervisor")

    rooms.accept_invite(people[Role.TRAINEE], invite.code)

    assert role_of(people[Role.TRAINEE], room) is Role.TRAINEE
    assert invite.uses == 0


def test_a_multi_use_invite_is_used_up(app, room_with):
    room, people = room_with()
    invite = rooms.create_invite(people[Role.OWNER], room.id, "member", max_uses=2)

    rooms.accept_invite(factories.user(), invite.code)
    rooms.accept_invite(factories.user(), invite.code)
    with pytest.raises(Gone):
        rooms.accept_invite(factories.user(), invite.code)

    assert invite.uses == 2
    assert rooms.list_invites(people[Role.OWNER], room.id) == []


def expire(invite):
    invite.expires_at = utcnow() - timedelta(seconds=1)


def revoke(invite):
    invite.revoked_at = utcnow()


def use_up(invite):
    invite.uses = invite.max_uses


@pytest.mark.parametrize("spoil", [expire, revoke, use_up])
def test_spoiled_invites_are_gone(app, room_with, spoil):
    room, people = room_with()
    invite = rooms.create_invite(people[Role.OWNER], room.id, "member")
    spoil(invite)
    db.session.flush()
    newcomer = factories.user()

    with pytest.raises(Gone):
        rooms.find_invite(invite.code)
    with pytest.raises(Gone):
        rooms.accept_invite(newcomer, invite.code)

    assert role_of(newcomer, room) is None
    assert rooms.list_invites(people[Role.OWNER], room.id) == []


def test_unknown_invite_codes_are_not_found(app):
    user = factories.user()

    for code in ["", "nope", "x" * 65, "a\x00b"]:
        with pytest.raises(NotFound):
            rooms.accept_invite(user, code)


def test_revoke_invite(app, room_with):
    room, people = room_with(Role.SUPERVISOR, Role.MEMBER)
    invite = rooms.create_invite(people[Role.OWNER], room.id, "member")

    with pytest.raises(Forbidden):
        rooms.revoke_invite(people[Role.MEMBER], room.id, invite.id)
    rooms.revoke_invite(people[Role.SUPERVISOR], room.id, invite.id)

    with pytest.raises(Gone):
        rooms.accept_invite(factories.user(), invite.code)


def test_revoking_another_rooms_invite_is_not_found(app, room_with):
    room, people = room_with()
    other = factories.room(people[Role.OWNER], "Other")
    invite = rooms.create_invite(people[Role.OWNER], other.id, "member")

    with pytest.raises(NotFound):
        rooms.revoke_invite(people[Role.OWNER], room.id, invite.id)

    assert invite.revoked_at is None


def test_owner_changes_roles(app, room_with):
    room, people = room_with(Role.TRAINEE)

    rooms.change_role(people[Role.OWNER], room.id, people[Role.TRAINEE].id, "supervisor")

    assert role_of(people[Role.TRAINEE], room) is Role.SUPERVISOR
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "membership.role_changed")
    )
    assert event.details == {"old_role": "trainee", "new_role": "supervisor"}


def test_change_role_refuses_unknown_roles(app, room_with):
    room, people = room_with(Role.MEMBER)

    for role in ["boss", "", "OWNER ", None]:
        with pytest.raises(Invalid):
            rooms.change_role(people[Role.OWNER], room.id, people[Role.MEMBER].id, role)
    assert access.role_in(people[Role.MEMBER], room.id) is Role.MEMBER


def test_only_owners_change_roles(app, room_with):
    room, people = room_with(Role.SUPERVISOR, Role.MEMBER)

    with pytest.raises(Forbidden):
        rooms.change_role(people[Role.SUPERVISOR], room.id, people[Role.MEMBER].id, "owner")
    with pytest.raises(NotFound):
        rooms.change_role(people[Role.OWNER], room.id, factories.user().id, "member")

    assert role_of(people[Role.MEMBER], room) is Role.MEMBER


def test_last_owner_cannot_step_down_or_leave(app, room_with):
    room, people = room_with(Role.MEMBER)
    owner = people[Role.OWNER]

    with pytest.raises(Conflict):
        rooms.change_role(owner, room.id, owner.id, "member")
    with pytest.raises(Conflict):
        rooms.remove_member(owner, room.id, owner.id)

    assert role_of(owner, room) is Role.OWNER


def test_an_owner_can_leave_once_there_is_another(app, room_with):
    room, people = room_with(Role.MEMBER)
    owner, member = people[Role.OWNER], people[Role.MEMBER]

    rooms.change_role(owner, room.id, member.id, "owner")
    rooms.change_role(owner, room.id, owner.id, "supervisor")
    rooms.remove_member(owner, room.id, owner.id)

    assert role_of(owner, room) is None
    assert role_of(member, room) is Role.OWNER


def test_owner_removes_a_member(app, room_with):
    room, people = room_with(Role.MEMBER)

    rooms.remove_member(people[Role.OWNER], room.id, people[Role.MEMBER].id)

    assert role_of(people[Role.MEMBER], room) is None
    with pytest.raises(NotFound):
        rooms.remove_member(people[Role.OWNER], room.id, people[Role.MEMBER].id)


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.MEMBER, Role.TRAINEE])
def test_anyone_may_leave_but_only_owners_remove_others(app, room_with, role):
    room, people = room_with(Role.SUPERVISOR, Role.MEMBER, Role.TRAINEE)
    others = [p for r, p in people.items() if r is not role]

    for other in others:
        with pytest.raises(Forbidden):
            rooms.remove_member(people[role], room.id, other.id)
    rooms.remove_member(people[role], room.id, people[role].id)

    assert role_of(people[role], room) is None
    assert all(role_of(other, room) is not None for other in others)


def test_members_are_listed_owners_first_for_members_only(app, room_with):
    room, people = room_with(Role.TRAINEE, Role.SUPERVISOR, Role.MEMBER)

    listed = [m.role for m in rooms.members(people[Role.TRAINEE], room.id)]

    assert listed == [Role.OWNER, Role.SUPERVISOR, Role.MEMBER, Role.TRAINEE]
    with pytest.raises(NotFound):
        rooms.members(factories.user(), room.id)


def test_list_rooms_shows_only_mine(app, room_with):
    room, people = room_with(Role.MEMBER)
    factories.room(factories.user(), "Not mine")

    page = rooms.list_rooms(people[Role.MEMBER])

    assert [(m.room_id, m.role) for m in page.items] == [(room.id, Role.MEMBER)]
    assert page.next is None
