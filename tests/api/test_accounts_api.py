"""Accounts and personal tokens over /api/v1."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import ApiToken, AuditEvent
from tests import factories

NEW_PASSWORD = "a fresh and long passphrase 7"


def register(client, **fields):
    body = {"email": "ana@example.org", "password": factories.PASSWORD, "display_name": "Ana"}
    return client.post("/api/v1/users", json={**body, **fields})


def test_register_returns_the_user(client):
    response = register(client, email="  Ana@Example.ORG ")

    assert response.status_code == 201
    assert response.json["email"] == "ana@example.org"
    assert response.json["display_name"] == "Ana"
    assert set(response.json) == {"id", "email", "display_name", "created_at"}
    assert response.json["created_at"].endswith("Z") or "+00:00" in response.json["created_at"]


def test_register_then_sign_in_with_basic_then_use_the_token(client):
    register(client)

    issued = client.post(
        "/api/v1/tokens",
        auth=("ana@example.org", factories.PASSWORD),
        json={"name": "export script"},
    )

    assert issued.status_code == 201
    assert set(issued.json) >= {"token", "id"}
    assert issued.json["name"] == "export script"
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {issued.json['token']}"})
    assert me.status_code == 200
    assert me.json["email"] == "ana@example.org"


def test_register_is_refused_when_registration_is_closed(make_app, problem):
    client = make_app(REGISTRATION_OPEN=False).test_client()

    body = problem(register(client), 403)

    assert "closed" in body["detail"].lower()


@pytest.mark.parametrize(
    ("fields", "error_key"),
    [
        ({"password": "short"}, "password"),
        ({"password": "password123"}, "password"),
        ({"email": "ana.lindqvist@example.org", "password": "ana.lindqvist-2024"}, "password"),
        ({"email": "not-an-email"}, "email"),
        ({"display_name": "   "}, "display_name"),
        ({"email": None}, "email"),
        ({"display_name": 12}, "display_name"),
        ({"surprise": "field"}, "surprise"),
        ({"email": "x" * 255}, "email"),
    ],
)
def test_register_validation_is_422_with_errors(client, problem, fields, error_key):
    body = problem(register(client, **fields), 422)

    assert error_key in body["errors"]


def test_register_twice_is_a_vague_conflict(client, problem):
    register(client)

    body = problem(register(client, email="ANA@example.org", display_name="Other"), 409)

    assert "ana@example.org" not in body["detail"].lower()
    assert "exist" not in body["detail"].lower()


WRONG_CREDENTIALS = [
    ("ana@example.org", "wrong password here"),
    ("nobody@example.org", factories.PASSWORD),
    ("", ""),
    ("ana@example.org", ""),
]


def test_tokens_with_wrong_credentials_are_401(app, client, problem):
    factories.user(email="ana@example.org")
    db.session.commit()

    for auth in WRONG_CREDENTIALS:
        problem(client.post("/api/v1/tokens", auth=auth), 401)

    assert db.session.scalar(select(ApiToken)) is None


def test_tokens_without_basic_are_401(app, client, problem):
    for headers in [
        {},
        {"Authorization": "Bearer par_whatever"},
        {"Authorization": "Digest username=x"},
    ]:
        body = problem(client.post("/api/v1/tokens", headers=headers), 401)

        assert "basic" in body["detail"].lower(), headers


def test_failed_token_request_is_audited(app, client):
    user = factories.user(email="ana@example.org")
    db.session.commit()

    client.post("/api/v1/tokens", auth=("ana@example.org", "wrong password here"))

    [failed] = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "signin.failed")
    ).all()
    assert failed.actor_id == user.id


def test_list_tokens_shows_prefixes_not_tokens(app, client, token_for):
    user = factories.user()
    headers = token_for(user)
    plain = headers["Authorization"].removeprefix("Bearer ")

    response = client.get("/api/v1/tokens", headers=headers)

    assert response.status_code == 200
    [item] = response.json["items"]
    assert response.json["next"] is None
    assert set(item) == {"id", "name", "prefix", "created_at", "last_used_at"}
    assert plain.startswith(item["prefix"])
    assert plain not in response.get_data(as_text=True)


def test_revoked_token_no_longer_works(app, client, token_for, problem):
    user = factories.user()
    headers = token_for(user)
    [token] = client.get("/api/v1/tokens", headers=headers).json["items"]

    response = client.delete(f"/api/v1/tokens/{token['id']}", headers=headers)

    assert response.status_code == 204
    body = problem(client.get("/api/v1/me", headers=headers), 401)
    assert "revoked" in body["detail"]


def test_revoking_someone_elses_token_is_404(app, client, token_for, problem):
    mine, theirs = token_for(factories.user()), token_for(factories.user())
    [their_token] = client.get("/api/v1/tokens", headers=theirs).json["items"]

    problem(client.delete(f"/api/v1/tokens/{their_token['id']}", headers=mine), 404)

    assert client.get("/api/v1/me", headers=theirs).status_code == 200


def test_me_and_patch_me(app, client, token_for, problem):
    user = factories.user(email="ana@example.org")
    headers = token_for(user)

    patched = client.patch("/api/v1/me", json={"display_name": "  Dr.  Ana "}, headers=headers)

    assert patched.status_code == 200
    assert patched.json["display_name"] == "Dr. Ana"
    assert client.get("/api/v1/me", headers=headers).json == patched.json
    problem(client.patch("/api/v1/me", json={"display_name": ""}, headers=headers), 422)
    problem(client.patch("/api/v1/me", json={"email": "x@example.org"}, headers=headers), 422)


def test_me_needs_authentication(client, problem):
    response = client.get("/api/v1/me")

    problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_change_password(app, client, token_for, problem):
    user = factories.user(email="ana@example.org")
    headers = token_for(user)

    wrong = client.post(
        "/api/v1/me/password",
        headers=headers,
        json={"current_password": "not it at all", "new_password": NEW_PASSWORD},
    )
    weak = client.post(
        "/api/v1/me/password",
        headers=headers,
        json={"current_password": factories.PASSWORD, "new_password": "short"},
    )
    done = client.post(
        "/api/v1/me/password",
        headers=headers,
        json={"current_password": factories.PASSWORD, "new_password": NEW_PASSWORD},
    )

    assert "current_password" in problem(wrong, 422)["errors"]
    assert "new_password" in problem(weak, 422)["errors"]
    assert done.status_code == 204
    old = client.post("/api/v1/tokens", auth=("ana@example.org", factories.PASSWORD))
    new = client.post("/api/v1/tokens", auth=("ana@example.org", NEW_PASSWORD))
    assert (old.status_code, new.status_code) == (401, 201)


def test_change_password_keeps_this_browser_signed_in(app, client, login):
    user = login(factories.user())
    db.session.commit()

    response = client.post(
        "/api/v1/me/password",
        json={"current_password": factories.PASSWORD, "new_password": NEW_PASSWORD},
    )

    assert response.status_code == 204
    assert client.get("/api/v1/me").json["id"] == user.id


def test_change_password_signs_out_other_browsers(app, client, login):
    user = factories.user()
    db.session.commit()
    other = app.test_client()
    login(user)
    login(user, target=other)

    client.post(
        "/api/v1/me/password",
        json={"current_password": factories.PASSWORD, "new_password": NEW_PASSWORD},
    )

    assert other.get("/api/v1/me").status_code == 401
