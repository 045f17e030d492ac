"""Who may do what to a room: every persona against every room endpoint, exact statuses."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Role
from app.services import rooms
from tests import factories

PERSONAS = ["anonymous", "non-member", "trainee", "member", "supervisor", "owner"]

# endpoint: (method, path template, body, {persona: status}); members not listed use "others".
MATRIX = {
    "get room": (
        "get",
        "/rooms/{room}",
        None,
        {"trainee": 200, "member": 200, "supervisor": 200, "owner": 200},
    ),
    "patch room": (
        "patch",
        "/rooms/{room}",
        {"name": "Renamed"},
        {"trainee": 403, "member": 403, "supervisor": 403, "owner": 200},
    ),
    "create invite": (
        "post",
        "/rooms/{room}/invites",
        {"role": "member"},
        {"trainee": 403, "member": 403, "supervisor": 201, "owner": 201},
    ),
    "list invites": (
        "get",
        "/rooms/{room}/invites",
        None,
        {"trainee": 403, "member": 403, "supervisor": 200, "owner": 200},
    ),
    "revoke invite": (
        "delete",
        "/rooms/{room}/invites/{invite}",
        None,
        {"trainee": 403, "member": 403, "supervisor": 204, "owner": 204},
    ),
    "change role": (
        "patch",
        "/rooms/{room}/members/{target}",
        {"role": "member"},
        {"trainee": 403, "member": 403, "supervisor": 403, "owner": 200},
    ),
    "remove member": (
        "delete",
        "/rooms/{room}/members/{target}",
        None,
        {"trainee": 403, "member": 403, "supervisor": 403, "owner": 204},
    ),
}
OUTSIDERS = {"anonymous": 401, "non-member": 404}


def expected_status(endpoint: str, persona: str) -> int:
    return OUTSIDERS.get(persona) or MATRIX[endpoint][3][persona]


@pytest.fixture
def setting(app, room_with):
    """A room with one person per role, a target trainee to act on, and an open invite."""
    room, people = room_with(Role.TRAINEE, Role.MEMBER, Role.SUPERVISOR)
    target = factories.member(room, Role.TRAINEE)
    invite = rooms.create_invite(people[Role.OWNER], room.id, Role.MEMBER)
    outsider = factories.user()
    db.session.commit()
    actors = {role.value: user for role, user in people.items()}
    actors["non-member"] = outsider
    return room, actors, target, invite


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", list(MATRIX))
def test_permission_matrix(client, token_for, problem, setting, endpoint, persona):
    room, actors, target, invite = setting
    method, template, body, _ = MATRIX[endpoint]
    path = "/api/v1" + template.format(room=room.id, target=target.id, invite=invite.id)
    headers = token_for(actors[persona]) if persona in actors else {}
    kwargs = {"headers": headers} if body is None else {"headers": headers, "json": body}

    response = getattr(client, method)(path, **kwargs)

    status = expected_status(endpoint, persona)
    if status >= 400:
        problem(response, status)
    else:
        assert response.status_code == status, response.get_data(as_text=True)


def test_a_missing_room_looks_like_a_hidden_one(client, token_for, problem, setting):
    room, actors, target, invite = setting
    headers = token_for(actors["owner"])

    for method, template, body, _ in MATRIX.values():
        path = "/api/v1" + template.format(room=room.id + 100, target=target.id, invite=invite.id)
        kwargs = {"headers": headers} if body is None else {"headers": headers, "json": body}

        problem(getattr(client, method)(path, **kwargs), 404)


@pytest.mark.parametrize("persona", ["trainee", "member", "supervisor"])
def test_every_member_may_leave(client, token_for, setting, persona):
    room, actors, _, _ = setting
    user = actors[persona]

    response = client.delete(f"/api/v1/rooms/{room.id}/members/{user.id}", headers=token_for(user))

    assert response.status_code == 204
    assert rooms_of(client, token_for(user)) == []


def rooms_of(client, headers) -> list[int]:
    return [r["id"] for r in client.get("/api/v1/rooms", headers=headers).json["items"]]


@pytest.mark.parametrize("persona", PERSONAS)
def test_accepting_an_invite(client, token_for, setting, persona):
    _, actors, _, invite = setting
    headers = token_for(actors[persona]) if persona in actors else {}

    response = client.post(f"/api/v1/invites/{invite.code}/accept", headers=headers)

    if persona == "anonymous":
        assert response.status_code == 401
    else:
        assert response.status_code == 200
        expected_role = "member" if persona == "non-member" else persona
        assert response.json["role"] == expected_role
