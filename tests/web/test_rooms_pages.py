"""Room pages: my rooms, creating one, a room with members and invites, joining, leaving."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import Role
from app.services import access, rooms
from tests import factories


def text(response) -> str:
    return response.get_data(as_text=True)


def test_rooms_need_sign_in(client):
    response = client.get("/rooms")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_rooms_index_lists_my_rooms_only(client, login, room_with):
    _, people = room_with(Role.TRAINEE)
    factories.room(factories.user(), "Somebody else's room")
    db.session.commit()
    login(people[Role.TRAINEE])

    page = text(client.get("/rooms"))

    assert "Case consultation" in page
    assert "Somebody else&#39;s room" not in page
    assert "Trainee" in page


def test_create_a_room(app, client, login):
    user = login(factories.user())
    db.session.commit()

    response = client.post("/rooms", data={"name": "Thursday group", "description": "Peers"})

    assert response.status_code == 302
    room_id = int(response.headers["Location"].rsplit("/", 1)[-1])
    assert access.role_in(user, room_id) is Role.OWNER
    page = text(client.get(f"/rooms/{room_id}"))
    assert "Thursday group" in page
    assert "Your room is ready" in page


@pytest.mark.parametrize("name", ["", "x" * 121])
def test_create_a_room_with_a_bad_name_is_422(app, client, login, name):
    login(factories.user())
    db.session.commit()

    response = client.post("/rooms", data={"name": name})

    assert response.status_code == 422
    assert 'role="alert"' in text(response)


def test_show_a_room_with_its_members(client, login, room_with):
    room, people = room_with(Role.MEMBER)
    login(people[Role.MEMBER])

    page = text(client.get(f"/rooms/{room.id}"))

    assert "Owner" in page and people[Role.MEMBER].display_name in page
    assert "Invite colleagues" not in page
    assert "Leave room" in page


@pytest.mark.parametrize("room_id", ["{missing}", "{other}", str(2**31), str(2**64)])
def test_a_room_i_am_not_in_is_a_404_page(client, login, room_with, room_id):
    room, _ = room_with()
    other = factories.room(factories.user(), "Hidden")
    login(factories.user())
    db.session.commit()
    path = "/rooms/" + room_id.format(missing=room.id + 100, other=other.id)

    response = client.get(path)

    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "Hidden" not in text(response)


def test_owner_creates_an_invite_and_sees_the_link(client, login, room_with):
    room, people = room_with()
    login(people[Role.OWNER])

    response = client.post(
        f"/rooms/{room.id}/invites",
        data={"role": "supervisor", "days": "3", "max_uses": "2"},
        follow_redirects=True,
    )

    page = text(response)
    [link] = re.findall(r'id="invite-link">([^<]+)<', page)
    code = link.rsplit("/join/", 1)[1]
    invite = rooms.find_invite(code)
    assert (invite.role, invite.max_uses, invite.room_id) == (Role.SUPERVISOR, 2, room.id)
    assert code in page


@pytest.mark.parametrize(
    "data",
    [{"role": "owner"}, {"role": "member", "days": "90"}, {"role": "member", "max_uses": "0"}],
)
def test_bad_invites_are_refused_with_a_message(client, login, room_with, data):
    room, people = room_with()
    login(people[Role.OWNER])

    response = client.post(f"/rooms/{room.id}/invites", data=data, follow_redirects=True)

    assert "Choose a role" in text(response)
    assert rooms.list_invites(people[Role.OWNER], room.id) == []


def test_a_member_cannot_invite(client, login, room_with):
    room, people = room_with(Role.MEMBER)
    login(people[Role.MEMBER])

    response = client.post(
        f"/rooms/{room.id}/invites", data={"role": "member"}, follow_redirects=True
    )

    assert "Only owners and supervisors" in text(response)
    assert rooms.list_invites(people[Role.OWNER], room.id) == []


def test_a_second_user_joins_with_the_link(app, client, login, room_with):
    room, people = room_with()
    invite = rooms.create_invite(people[Role.OWNER], room.id, "trainee")
    guest = factories.user()
    db.session.commit()
    login(guest)

    preview = client.get(f"/join/{invite.code}")
    joined = client.post(f"/join/{invite.code}")
    clicked_again = client.post(f"/join/{invite.code}")

    assert preview.status_code == 200
    assert "Join “Case consultation”" in text(preview)
    assert "invited as <strong>trainee</strong>" in text(preview)
    assert joined.headers["Location"] == f"/rooms/{room.id}"
    assert clicked_again.headers["Location"] == f"/rooms/{room.id}"
    assert access.role_in(guest, room.id) is Role.TRAINEE


def test_the_join_page_tells_a_member_they_are_in(client, login, room_with):
    room, people = room_with(Role.MEMBER)
    invite = rooms.create_invite(people[Role.OWNER], room.id, "supervisor")
    db.session.commit()
    login(people[Role.MEMBER])

    page = text(client.get(f"/join/{invite.code}"))

    assert "already a member" in page
    assert access.role_in(people[Role.MEMBER], room.id) is Role.MEMBER


def test_join_with_a_pasted_link(client, login, room_with):
    room, people = room_with()
    invite = rooms.create_invite(people[Role.OWNER], room.id, "member")
    login(factories.user())
    db.session.commit()

    response = client.post("/join", data={"code": f"  http://localhost/join/{invite.code}/ "})

    assert response.headers["Location"] == f"/join/{invite.code}"


@pytest.mark.parametrize(("code", "status"), [("nope", 404), ("revoked", 410)])
def test_join_with_a_bad_code_shows_an_error_page(client, login, room_with, code, status):
    room, people = room_with()
    invite = rooms.create_invite(people[Role.OWNER], room.id, "member")
    rooms.revoke_invite(people[Role.OWNER], room.id, invite.id)
    login(factories.user())
    db.session.commit()

    response = client.get(f"/join/{invite.code if code == 'revoked' else code}")

    assert response.status_code == status
    assert response.mimetype == "text/html"


def test_owner_changes_a_role_and_removes_a_member(client, login, room_with):
    room, people = room_with(Role.TRAINEE, Role.MEMBER)
    login(people[Role.OWNER])
    trainee, member = people[Role.TRAINEE], people[Role.MEMBER]

    changed = client.post(
        f"/rooms/{room.id}/members/{trainee.id}/role",
        data={"role": "supervisor"},
        follow_redirects=True,
    )
    removed = client.post(f"/rooms/{room.id}/members/{member.id}/remove", follow_redirects=True)

    assert "The role is changed." in text(changed)
    assert "The member is removed." in text(removed)
    assert access.role_in(trainee, room.id) is Role.SUPERVISOR
    assert access.role_in(member, room.id) is None


def test_a_member_cannot_change_roles_or_remove_others(client, login, room_with):
    room, people = room_with(Role.TRAINEE, Role.MEMBER)
    login(people[Role.MEMBER])
    trainee = people[Role.TRAINEE]

    changed = client.post(
        f"/rooms/{room.id}/members/{trainee.id}/role", data={"role": "owner"}, follow_redirects=True
    )
    removed = client.post(f"/rooms/{room.id}/members/{trainee.id}/remove", follow_redirects=True)

    assert "Only the room&#39;s owners" in text(changed)
    assert "Only the room&#39;s owners" in text(removed)
    assert access.role_in(trainee, room.id) is Role.TRAINEE


def test_leave_a_room(client, login, room_with):
    room, people = room_with(Role.MEMBER)
    member = login(people[Role.MEMBER])

    response = client.post(f"/rooms/{room.id}/members/{member.id}/remove")

    assert response.headers["Location"] == "/rooms"
    assert access.role_in(member, room.id) is None
    assert client.get(f"/rooms/{room.id}").status_code == 404


def test_the_last_owner_cannot_leave(client, login, room_with):
    room, people = room_with(Role.MEMBER)
    owner = login(people[Role.OWNER])

    response = client.post(f"/rooms/{room.id}/members/{owner.id}/remove", follow_redirects=True)

    assert "A room needs an owner" in text(response)
    assert access.role_in(owner, room.id) is Role.OWNER
