"""Rooms, invites and members over /api/v1."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models import Invite, Role
from tests import factories


@pytest.fixture
def owner(app):
    user = factories.user(display_name="Olive Owner")
    db.session.commit()
    return user


def create_room(client, headers, **fields):
    response = client.post("/api/v1/rooms", json={"name": "Thursday", **fields}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def test_create_room_makes_me_owner(client, owner, token_for):
    headers = token_for(owner)

    room = create_room(client, headers, name="  Thursday  group ", description="Peer group")

    assert (room["name"], room["description"], room["role"]) == (
        "Thursday group",
        "Peer group",
        "owner",
    )
    assert room["members"] == [
        {
            "user": {"id": owner.id, "display_name": "Olive Owner"},
            "role": "owner",
            "joined_at": room["members"][0]["joined_at"],
        }
    ]
    fetched = client.get(f"/api/v1/rooms/{room['id']}", headers=headers)
    assert fetched.status_code == 200
    assert fetched.json == room


BAD_ROOMS = [
    ({"name": ""}, "name"),
    ({"name": "x" * 121}, "name"),
    ({}, "name"),
    ({"name": "ok", "description": "x" * 2001}, "description"),
    ({"name": None}, "name"),
    ({"name": "ok", "owner": 1}, "owner"),
]


def test_create_room_validation(client, owner, token_for, problem):
    headers = token_for(owner)

    for body, field in BAD_ROOMS:
        response = client.post("/api/v1/rooms", json=body, headers=headers)

        assert field in problem(response, 422)["errors"], body
    assert client.get("/api/v1/rooms", headers=headers).json["items"] == []


def test_patch_room(client, owner, token_for, problem):
    headers = token_for(owner)
    room = create_room(client, headers, description="Old")

    renamed = client.patch(f"/api/v1/rooms/{room['id']}", json={"name": "Friday"}, headers=headers)
    described = client.patch(
        f"/api/v1/rooms/{room['id']}", json={"description": "New"}, headers=headers
    )

    assert (renamed.json["name"], renamed.json["description"]) == ("Friday", "Old")
    assert (described.json["name"], described.json["description"]) == ("Friday", "New")
    problem(client.patch(f"/api/v1/rooms/{room['id']}", json={"name": " "}, headers=headers), 422)


def test_list_rooms_with_my_role(client, room_with, token_for):
    room, people = room_with(Role.TRAINEE)
    factories.room(factories.user(), "Someone else's")
    db.session.commit()

    response = client.get("/api/v1/rooms", headers=token_for(people[Role.TRAINEE]))

    assert response.status_code == 200
    assert [(r["id"], r["role"]) for r in response.json["items"]] == [(room.id, "trainee")]
    assert response.json["next"] is None


def test_list_rooms_pages_with_a_cursor(client, owner, token_for):
    for n in range(5):
        factories.room(owner, f"Room {n}")
    db.session.commit()
    headers = token_for(owner)

    first = client.get("/api/v1/rooms?limit=2", headers=headers).json
    second = client.get(f"/api/v1/rooms?limit=2&before={first['next']}", headers=headers).json
    third = client.get(f"/api/v1/rooms?limit=2&before={second['next']}", headers=headers).json

    names = [r["name"] for page in (first, second, third) for r in page["items"]]
    assert names == [f"Room {n}" for n in reversed(range(5))]
    assert third["next"] is None
    forward = client.get("/api/v1/rooms?limit=3&after=0", headers=headers).json
    assert [r["name"] for r in forward["items"]] == ["Room 0", "Room 1", "Room 2"]


def test_list_rooms_default_and_maximum_limit(client, owner, token_for, problem):
    for n in range(51):
        factories.room(owner, f"Room {n}")
    db.session.commit()
    headers = token_for(owner)

    default = client.get("/api/v1/rooms", headers=headers).json
    maximum = client.get("/api/v1/rooms?limit=200", headers=headers).json

    assert len(default["items"]) == 50
    assert default["next"] is not None
    assert (len(maximum["items"]), maximum["next"]) == (51, None)
    assert "limit" in problem(client.get("/api/v1/rooms?limit=201", headers=headers), 422)["errors"]


BAD_PAGING = [
    "limit=0",
    "limit=abc",
    "before=abc",
    "after=-1",
    "before=1&after=1",
    "before=99999999999999999999",
    f"before={2**31}",
    "before=%C2%B2",
]


def test_list_rooms_refuses_bad_paging(client, owner, token_for, problem):
    headers = token_for(owner)

    for query in BAD_PAGING:
        problem(client.get(f"/api/v1/rooms?{query}", headers=headers), 422)


def test_invite_create_list_preview_accept(client, owner, token_for):
    headers = token_for(owner)
    room = create_room(client, headers)
    guest = factories.user(display_name="Gil Guest")
    db.session.commit()
    guest_headers = token_for(guest)

    invite = client.post(
        f"/api/v1/rooms/{room['id']}/invites",
        json={"role": "supervisor", "days": 2, "max_uses": 3},
        headers=headers,
    )
    listed = client.get(f"/api/v1/rooms/{room['id']}/invites", headers=headers)
    preview = client.get(f"/api/v1/invites/{invite.json['code']}", headers=guest_headers)
    accepted = client.post(f"/api/v1/invites/{invite.json['code']}/accept", headers=guest_headers)

    assert invite.status_code == 201
    assert (invite.json["role"], invite.json["max_uses"], invite.json["uses"]) == (
        "supervisor",
        3,
        0,
    )
    assert invite.json["url"].endswith(f"/join/{invite.json['code']}")
    expires = datetime.fromisoformat(invite.json["expires_at"].replace("Z", "+00:00"))
    assert timedelta(days=1, hours=23) < expires - datetime.now(UTC) <= timedelta(days=2)
    assert [i["id"] for i in listed.json["items"]] == [invite.json["id"]]
    assert preview.json["room"] == {"id": room["id"], "name": "Thursday"}
    assert preview.json["role"] == "supervisor"
    assert accepted.status_code == 200
    assert (accepted.json["role"], accepted.json["room"]["id"]) == ("supervisor", room["id"])
    members = client.get(f"/api/v1/rooms/{room['id']}", headers=guest_headers).json["members"]
    assert [(m["user"]["display_name"], m["role"]) for m in members] == [
        ("Olive Owner", "owner"),
        ("Gil Guest", "supervisor"),
    ]


def test_accepting_twice_is_idempotent(client, owner, token_for):
    room = create_room(client, token_for(owner))
    code = client.post(
        f"/api/v1/rooms/{room['id']}/invites", json={"role": "member"}, headers=token_for(owner)
    ).json["code"]
    guest = token_for(factories.user())

    first = client.post(f"/api/v1/invites/{code}/accept", headers=guest)
    second = client.post(f"/api/v1/invites/{code}/accept", headers=guest)

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json == second.json


BAD_INVITES = [
    ({"role": "owner"}, "role"),
    ({"role": "admin"}, "role"),
    ({}, "role"),
    ({"role": "member", "days": 0}, "days"),
    ({"role": "member", "days": 10**30}, "days"),
    ({"role": "member", "max_uses": 101}, "max_uses"),
    ({"role": "member", "max_uses": "many"}, "max_uses"),
]


def test_invite_validation(client, owner, token_for, problem):
    headers = token_for(owner)
    room = create_room(client, headers)

    for body, field in BAD_INVITES:
        response = client.post(f"/api/v1/rooms/{room['id']}/invites", json=body, headers=headers)

        assert field in problem(response, 422)["errors"], body
    assert client.get(f"/api/v1/rooms/{room['id']}/invites", headers=headers).json["items"] == []


def test_revoked_used_up_and_expired_invites_are_gone(client, owner, token_for, problem):
    headers = token_for(owner)
    room = create_room(client, headers)
    codes = [
        client.post(
            f"/api/v1/rooms/{room['id']}/invites", json={"role": "member"}, headers=headers
        ).json
        for _ in range(3)
    ]
    revoked, used, expired = codes
    client.delete(f"/api/v1/rooms/{room['id']}/invites/{revoked['id']}", headers=headers)
    client.post(f"/api/v1/invites/{used['code']}/accept", headers=token_for(factories.user()))
    db.session.get(Invite, expired["id"]).expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    guest = token_for(factories.user())

    for invite in codes:
        problem(client.get(f"/api/v1/invites/{invite['code']}", headers=guest), 410)
        problem(client.post(f"/api/v1/invites/{invite['code']}/accept", headers=guest), 410)
    assert client.get(f"/api/v1/rooms/{room['id']}/invites", headers=headers).json["items"] == []
    problem(client.get(f"/api/v1/rooms/{room['id']}", headers=guest), 404)


def test_unknown_invite_code_is_404(client, owner, token_for, problem):
    problem(client.post("/api/v1/invites/not-a-code/accept", headers=token_for(owner)), 404)


def test_members_patch_and_delete(client, room_with, token_for, problem):
    room, people = room_with(Role.TRAINEE, Role.MEMBER)
    headers = token_for(people[Role.OWNER])
    trainee, member = people[Role.TRAINEE], people[Role.MEMBER]

    promoted = client.patch(
        f"/api/v1/rooms/{room.id}/members/{trainee.id}",
        json={"role": "supervisor"},
        headers=headers,
    )
    removed = client.delete(f"/api/v1/rooms/{room.id}/members/{member.id}", headers=headers)

    assert promoted.status_code == 200
    assert (promoted.json["user"]["id"], promoted.json["role"]) == (trainee.id, "supervisor")
    assert removed.status_code == 204
    problem(client.get(f"/api/v1/rooms/{room.id}", headers=token_for(member)), 404)
    problem(client.delete(f"/api/v1/rooms/{room.id}/members/{member.id}", headers=headers), 404)
    problem(
        client.patch(
            f"/api/v1/rooms/{room.id}/members/{trainee.id}", json={"role": "chief"}, headers=headers
        ),
        422,
    )


def test_a_member_may_leave(client, room_with, token_for):
    room, people = room_with(Role.MEMBER)
    headers = token_for(people[Role.MEMBER])

    left = client.delete(
        f"/api/v1/rooms/{room.id}/members/{people[Role.MEMBER].id}", headers=headers
    )

    assert left.status_code == 204
    assert client.get("/api/v1/rooms", headers=headers).json["items"] == []


def test_the_last_owner_cannot_leave_or_step_down(client, room_with, token_for, problem):
    room, people = room_with(Role.MEMBER)
    owner = people[Role.OWNER]
    headers = token_for(owner)

    problem(client.delete(f"/api/v1/rooms/{room.id}/members/{owner.id}", headers=headers), 409)
    problem(
        client.patch(
            f"/api/v1/rooms/{room.id}/members/{owner.id}", json={"role": "member"}, headers=headers
        ),
        409,
    )

    assert client.get(f"/api/v1/rooms/{room.id}", headers=headers).json["role"] == "owner"
