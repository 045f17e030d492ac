"""The permission choke point: non-members learn nothing, members learn what they may not do."""

from __future__ import annotations

import pytest
from flask_login import AnonymousUserMixin

from app.models import Role
from app.services import access
from app.services.errors import Forbidden, NotFound
from tests import factories

PERMISSIONS = {
    "can_invite": {Role.OWNER, Role.SUPERVISOR},
    "can_manage_members": {Role.OWNER},
    "can_edit_room": {Role.OWNER},
    "can_annotate": {Role.OWNER, Role.SUPERVISOR},
    "can_manage_tags": {Role.OWNER, Role.SUPERVISOR},
    "can_post": set(Role),
}


@pytest.mark.parametrize("outsider", ["nobody", "anonymous", "stranger"])
def test_non_members_get_not_found(app, room_with, outsider):
    room, _ = room_with()
    user = {"nobody": None, "anonymous": AnonymousUserMixin(), "stranger": factories.user()}[
        outsider
    ]

    with pytest.raises(NotFound):
        access.room_for(user, room.id)
    with pytest.raises(NotFound):
        access.check_room_permission(user, room.id, "can_post", "never shown")
    assert access.role_in(user, room.id) is None


def test_a_missing_room_looks_like_a_forbidden_one(app, room_with):
    room, people = room_with()

    with pytest.raises(NotFound) as missing:
        access.room_for(people[Role.OWNER], room.id + 1000)
    with pytest.raises(NotFound) as hidden:
        access.room_for(factories.user(), room.id)

    assert missing.value.detail == hidden.value.detail


@pytest.mark.parametrize("role", list(Role))
def test_members_get_forbidden_without_the_permission(app, room_with, role):
    room, people = room_with(role)
    user = people[role]

    for permission, granted_to in PERMISSIONS.items():
        if role in granted_to:
            found, membership = access.check_room_permission(user, room.id, permission, "no")
            assert (found, membership.role) == (room, role), permission
        else:
            with pytest.raises(Forbidden) as caught:
                access.check_room_permission(user, room.id, permission, "Only owners, sorry.")
            assert caught.value.detail == "Only owners, sorry.", permission


def test_room_for_returns_the_membership(app, room_with):
    room, people = room_with(Role.TRAINEE)

    found, membership = access.room_for(people[Role.TRAINEE], room.id)

    assert found == room
    assert (membership.user_id, membership.role) == (people[Role.TRAINEE].id, Role.TRAINEE)
    assert access.role_in(people[Role.TRAINEE], room.id) is Role.TRAINEE
