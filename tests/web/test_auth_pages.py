"""Registration, sign-in, sign-out and account pages."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import ApiToken, User
from app.services import accounts
from tests import factories

NEW_PASSWORD = "a fresh and long passphrase 7"


def register_form(**fields):
    form = {
        "display_name": "Ana",
        "email": "ana@example.org",
        "password": factories.PASSWORD,
        "confirm": factories.PASSWORD,
    }
    return {**form, **fields}


def signed_in_as(client):
    response = client.get("/api/v1/me")
    return response.json["email"] if response.status_code == 200 else None


def test_register_page_creates_the_account_signs_in_and_redirects(client):
    assert client.get("/register").status_code == 200

    response = client.post("/register", data=register_form(email="Ana@Example.org"))

    assert response.status_code == 302
    assert response.headers["Location"] == "/rooms"
    assert signed_in_as(client) == "ana@example.org"
    assert "Welcome to Parallel" in client.get("/rooms").get_data(as_text=True)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"password": "short", "confirm": "short"}, "at least 10 characters"),
        ({"password": "password123", "confirm": "password123"}, "too common"),
        ({"confirm": "something else entirely"}, "The passwords differ."),
        ({"email": "not-an-email"}, "@-sign"),
        ({"display_name": ""}, "This field is required."),
    ],
)
def test_register_errors_are_shown_inline_with_422(client, fields, message):
    response = client.post("/register", data=register_form(**fields))

    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert re.search(r'<p class="error" role="alert">[^<]*' + re.escape(message), page)
    assert db.session.scalar(select(User)) is None
    assert signed_in_as(client) is None


def test_register_twice_shows_a_vague_message(app, client):
    factories.user(email="ana@example.org")
    db.session.commit()

    response = client.post("/register", data=register_form())

    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "could not be created" in page
    assert "already exists" not in page


def test_register_page_when_registration_is_closed(make_app):
    client = make_app(REGISTRATION_OPEN=False).test_client()

    assert client.get("/register").status_code == 403
    assert client.post("/register", data=register_form()).status_code == 403
    assert "Create account" not in client.get("/login").get_data(as_text=True)


def test_login_with_the_right_password(app, client):
    factories.user(email="ana@example.org")
    db.session.commit()

    response = client.post(
        "/login", data={"email": "ana@example.org", "password": factories.PASSWORD}
    )

    assert (response.status_code, response.headers["Location"]) == (302, "/rooms")
    assert signed_in_as(client) == "ana@example.org"


@pytest.mark.parametrize("email", ["ana@example.org", "nobody@example.org"])
def test_login_with_wrong_credentials_is_401_with_a_message(app, client, email):
    factories.user(email="ana@example.org")
    db.session.commit()

    response = client.post("/login", data={"email": email, "password": "wrong password 1"})

    assert response.status_code == 401
    assert "The email or password is not correct." in response.get_data(as_text=True)
    assert signed_in_as(client) is None


NEXT_TARGETS = [
    ("/rooms/7", "/rooms/7"),
    ("/account?tab=tokens", "/account?tab=tokens"),
    ("https://evil.example/", "/rooms"),
    ("//evil.example/path", "/rooms"),
    ("\\\\evil.example", "/rooms"),
    ("javascript:alert(1)", "/rooms"),
    ("", "/rooms"),
]
HOSTILE_TARGETS = ["/\\evil.example", "/\t/evil.example", "/%2F/evil.example", "/\n/evil.example"]


def login_with_next(client, target: str) -> str:
    """Sign in with ``?next=target``, sign out again, and return where sign-in redirected."""
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": "ana@example.org", "password": factories.PASSWORD},
    )
    client.post("/logout")
    assert response.status_code == 302, target
    return response.headers["Location"]


def test_login_next_only_goes_to_same_site_paths(app, client):
    factories.user(email="ana@example.org")
    db.session.commit()

    for target, expected in NEXT_TARGETS:
        assert login_with_next(client, target) == expected, target


def test_login_next_never_leaves_the_site(app, client):
    factories.user(email="ana@example.org")
    db.session.commit()

    for target in HOSTILE_TARGETS:
        location = login_with_next(client, target)

        assert location.startswith("/"), target
        # Browsers read a backslash as a slash and drop tabs and newlines from URLs.
        assert not re.match(r"/[\\/\t\n\r]", location), target
        assert urlsplit(location).netloc == "", target


def test_login_too_often_shows_a_clear_message_with_429(make_app):
    app = make_app(SIGNIN_LIMIT_PER_ACCOUNT="3/minute")
    client = app.test_client()
    with app.app_context():
        factories.user(email="ana@example.org")
        db.session.commit()
    wrong = {"email": "ana@example.org", "password": "wrong password 1"}

    statuses = [client.post("/login", data=wrong).status_code for _ in range(3)]
    limited = client.post("/login", data={**wrong, "password": factories.PASSWORD})

    assert statuses == [401, 401, 401]
    assert limited.status_code == 429
    assert "Too many attempts" in limited.get_data(as_text=True)
    other = client.post("/login", data={"email": "bo@example.org", "password": "wrong one 1"})
    assert other.status_code == 401


def test_logout_is_post_only(app, client, login):
    login(factories.user())
    db.session.commit()

    assert client.get("/logout").status_code == 405
    assert signed_in_as(client) is not None
    response = client.post("/logout")

    assert (response.status_code, response.headers["Location"]) == (302, "/login")
    assert signed_in_as(client) is None


def test_account_page_needs_sign_in(client):
    response = client.get("/account")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_account_change_name(app, client, login):
    user = login(factories.user())
    db.session.commit()

    response = client.post(
        "/account/profile", data={"display_name": "  Dr.  Ana "}, follow_redirects=True
    )

    assert "Your display name is saved." in response.get_data(as_text=True)
    assert client.get("/api/v1/me").json["display_name"] == "Dr. Ana"
    assert user.display_name == "Dr. Ana"


def test_account_change_password(app, client, login):
    user = login(factories.user())
    db.session.commit()
    old_session = user.get_id()

    wrong = client.post(
        "/account/password",
        follow_redirects=True,
        data={
            "current_password": "not it at all",
            "new_password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
    )
    done = client.post(
        "/account/password",
        follow_redirects=True,
        data={
            "current_password": factories.PASSWORD,
            "new_password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
    )

    assert "current password is not correct" in wrong.get_data(as_text=True)
    assert "Your password is changed" in done.get_data(as_text=True)
    assert signed_in_as(client) == user.email
    assert accounts.load_session_user(old_session) is None
    assert accounts.authenticate(user.email, NEW_PASSWORD) is not None


def test_create_token_shows_it_once_then_revoke(app, client, login):
    user = login(factories.user())
    db.session.commit()

    refused = client.post(
        "/account/tokens", data={"name": "script", "password": "wrong"}, follow_redirects=True
    )
    created = client.post(
        "/account/tokens", data={"name": "export script", "password": factories.PASSWORD}
    )

    assert "Enter your password" in refused.get_data(as_text=True)
    [plain] = re.findall(r'id="new-token">([^<]+)<', created.get_data(as_text=True))
    assert accounts.user_for_token(plain) == user
    later = client.get("/account").get_data(as_text=True)
    assert plain not in later
    assert "export script" in later
    token = db.session.scalar(select(ApiToken).where(ApiToken.user_id == user.id))

    revoked = client.post(f"/account/tokens/{token.id}/revoke", follow_redirects=True)

    assert "The token is revoked." in revoked.get_data(as_text=True)
    assert accounts.user_for_token(plain) is None


def test_revoking_someone_elses_token_changes_nothing(app, client, login):
    login(factories.user())
    token, plain = accounts.create_token(factories.user())
    db.session.commit()

    response = client.post(f"/account/tokens/{token.id}/revoke", follow_redirects=True)

    assert "does not exist" in response.get_data(as_text=True)
    assert accounts.user_for_token(plain) is not None
