"""Bad input gets an RFC 9457 problem with the right status, never a 500."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Role
from tests import factories


@pytest.fixture
def auth(app, token_for):
    user = factories.user()
    db.session.commit()
    return token_for(user)


def post_raw(client, path, data, content_type, headers):
    return client.post(path, data=data, content_type=content_type, headers=headers)


MALFORMED = [
    ("{", "not valid JSON"),
    ('{"name": }', "not valid JSON"),
    (b"\xff\xfe", "not valid JSON"),
    ("[1, 2]", "JSON object"),
    ('"Thursday"', "JSON object"),
    ("42", "JSON object"),
    ("null", "JSON"),
    ("", "JSON object"),
]


def test_malformed_json_is_400(client, auth, problem):
    for data, detail in MALFORMED:
        response = post_raw(client, "/api/v1/rooms", data, "application/json", auth)

        assert detail in problem(response, 400)["detail"], data


def test_a_body_that_is_not_json_is_415(client, auth, problem):
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        None,
    ]:
        response = post_raw(client, "/api/v1/rooms", '{"name": "Thursday"}', content_type, auth)

        assert "application/json" in problem(response, 415)["detail"], content_type


UNKNOWN_PATHS = [
    "/api/v1/nothing",
    "/api/v1/rooms/abc",
    "/api/v1/rooms/-1",
    "/api/v2/rooms",
    "/api/v1/rooms/99999999999999999999999999",
    f"/api/v1/rooms/{2**31}",
    "/api/v1/rooms/%C2%B2",
    f"/api/v1/rooms/{2**31}/invites",
    "/api/v1/rooms/18446744073709551616/invites",
]


def test_unknown_api_routes_are_a_404_problem(client, auth, problem):
    for path in UNKNOWN_PATHS:
        problem(client.get(path, headers=auth), 404)


WRONG_METHODS = [
    ("put", "/api/v1/rooms", {"GET", "POST"}),
    ("put", "/api/v1/me", {"GET", "PATCH", "DELETE"}),  # DELETE /me deletes the account
    ("get", "/api/v1/tokens/1", {"DELETE"}),
    ("patch", "/api/v1/users", {"POST"}),
]


def test_wrong_method_is_a_405_problem_with_allow(client, auth, problem):
    for method, path, allowed in WRONG_METHODS:
        response = getattr(client, method)(path, headers=auth)

        problem(response, 405)
        assert allowed <= {m.strip() for m in response.headers["Allow"].split(",")}, path


def test_an_oversized_body_is_a_413_problem(make_app, problem):
    client = make_app(MAX_CONTENT_LENGTH=1000).test_client()

    response = client.post(
        "/api/v1/users",
        json={"email": "ana@example.org", "password": "p" * 2000, "display_name": "Ana"},
    )

    problem(response, 413)


def test_validation_is_422_with_errors_per_field(client, problem):
    response = client.post("/api/v1/users", json={"email": 5, "extra": True})

    body = problem(response, 422)
    assert {"email", "password", "display_name", "extra"} <= set(body["errors"])
    assert all(isinstance(message, str) for message in body["errors"].values())


WEIRD_VALUES = [
    None,
    10**40,
    -(10**40),
    -1,
    0,
    1.5,
    True,
    [],
    {},
    "",
    "\x00",
    "\u202e\u0000x",
    "🙂" * 300,
    "x" * 10_000,
    "ｏｗｎｅｒ",
    "owner\n",
    "OWNER",
]


@pytest.mark.parametrize(
    ("method", "template", "field"),
    [
        ("post", "/api/v1/rooms", "name"),
        ("post", "/api/v1/rooms", "description"),
        ("patch", "/api/v1/rooms/{room}", "name"),
        ("post", "/api/v1/rooms/{room}/invites", "role"),
        ("post", "/api/v1/rooms/{room}/invites", "days"),
        ("post", "/api/v1/rooms/{room}/invites", "max_uses"),
        ("patch", "/api/v1/rooms/{room}/members/{member}", "role"),
        ("patch", "/api/v1/me", "display_name"),
        ("post", "/api/v1/users", "email"),
        ("post", "/api/v1/users", "display_name"),
        ("post", "/api/v1/me/password", "new_password"),
    ],
)
def test_never_a_500_for_bad_input(client, room_with, token_for, method, template, field):
    room, people = room_with(Role.MEMBER)
    headers = token_for(people[Role.OWNER])
    body = {
        "/api/v1/rooms": {"name": "Room", "description": ""},
        "/api/v1/rooms/{room}/invites": {"role": "member"},
        "/api/v1/rooms/{room}/members/{member}": {"role": "member"},
        "/api/v1/users": {
            "email": "weird@example.org",
            "password": factories.PASSWORD,
            "display_name": "Weird",
        },
        "/api/v1/me/password": {"current_password": factories.PASSWORD},
    }.get(template, {})
    path = template.format(room=room.id, member=people[Role.MEMBER].id)

    # One test per field, not per value: each value is one cheap request on the same app.
    for value in WEIRD_VALUES:
        response = getattr(client, method)(path, json={**body, field: value}, headers=headers)

        assert response.status_code < 500, (value, response.get_data(as_text=True))
        if response.status_code >= 400:
            assert response.mimetype == "application/problem+json", value


ODD_PATHS = [
    "/api/v1/rooms?limit=%00",
    "/api/v1/rooms?before=%F0%9F%99%82",
    "/api/v1/rooms?after=1e9",
    "/api/v1/invites/%00",
    "/api/v1/invites/" + "x" * 500,
    "/api/v1/invites/%F0%9F%99%82",
    "/api/v1/rooms/0",
    "/api/v1/rooms/00000000000000000000001",
]


def test_never_a_500_for_odd_addresses(client, auth):
    for path in ODD_PATHS:
        response = client.get(path, headers=auth)

        assert 400 <= response.status_code < 500, path
        assert response.mimetype == "application/problem+json", path


ODD_AUTHORIZATION = [
    "Bearer",
    "Bearer ",
    "Bearer par_\x00",
    "Bearer " + "x" * 5000,
    "Basic !!!",
    "Basic",
    "Basic QQ==",
    "Bearer par_🙂",
]


def test_odd_authorization_headers_are_401(client, problem):
    for authorization in ODD_AUTHORIZATION:
        problem(client.get("/api/v1/me", headers={"Authorization": authorization}), 401)


def test_odd_basic_credentials_are_401(client, problem):
    for credentials in [
        ("🙂@example.org", "🙂" * 20),
        ("a" * 400, "b" * 4000),
        ("a\x00@example.org", "x"),
    ]:
        problem(client.post("/api/v1/tokens", auth=credentials), 401)


@pytest.mark.parametrize(
    ("method", "template"),
    [
        ("delete", "/api/v1/tokens/{n}"),
        ("patch", "/api/v1/rooms/{n}"),
        ("delete", "/api/v1/rooms/1/members/{n}"),
        ("patch", "/api/v1/rooms/1/members/{n}"),
        ("delete", "/api/v1/rooms/1/invites/{n}"),
    ],
)
def test_ids_beyond_the_database_range_are_404(
    client, room_with, token_for, problem, method, template
):
    _, people = room_with()
    headers = token_for(people[Role.OWNER])

    for huge in (2**31, 2**63, 10**30):
        response = getattr(client, method)(
            template.format(n=huge), headers=headers, json={"role": "member"}
        )

        problem(response, 404)
