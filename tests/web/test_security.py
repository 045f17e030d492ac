"""Security headers, cookies, CSRF, sign-in rate limits and script-free templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.config import PROJECT_ROOT
from app.extensions import db
from tests import factories

TEMPLATES = sorted((PROJECT_ROOT / "templates").rglob("*.html"))
PAGES = ["/", "/login", "/register", "/rooms", "/account", "/no-such-page"]


def signed_in_client(app, **cookies):
    """A test client of ``app`` with a fresh user signed in through the login form."""
    with app.app_context():
        user = factories.user()
        email = user.email
        db.session.commit()
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = csrf_from(page)
    response = client.post(
        "/login", data={"email": email, "password": factories.PASSWORD, "csrf_token": token or ""}
    )
    assert response.status_code == 302
    return client


def csrf_from(page: str) -> str | None:
    found = re.search(r'<meta name="csrf-token" content="([^"]*)"', page)
    return found.group(1) if found else None


def test_pages_send_security_headers(app, client, login):
    login(factories.user())
    db.session.commit()

    for path in PAGES:
        response = client.get(path)

        assert response.mimetype == "text/html", path
        csp = response.headers["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
        assert directives["script-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert directives["object-src"] == "'none'"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] in {
            "same-origin",
            "no-referrer",
            "strict-origin-when-cross-origin",
        }
        assert "Strict-Transport-Security" not in response.headers


def test_api_responses_send_nosniff_too(client):
    response = client.get("/api/v1/me")

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def session_cookie(client):
    cookie = client.get_cookie("session")
    assert cookie is not None, "no session cookie was set"
    return cookie


def test_session_cookie_is_httponly_and_lax(app):
    client = signed_in_client(app)

    cookie = session_cookie(client)

    assert cookie.http_only
    assert cookie.same_site == "Lax"
    assert not cookie.secure


def test_secure_cookie_and_hsts_over_https(make_app):
    app = make_app(SESSION_COOKIE_SECURE=True)
    client = signed_in_client(app)

    cookie = session_cookie(client)
    response = client.get("/rooms")

    assert cookie.secure and cookie.http_only
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert int(re.search(r"max-age=(\d+)", response.headers["Strict-Transport-Security"])[1]) >= (
        180 * 24 * 3600
    )


@pytest.fixture
def csrf_app(make_app):
    return make_app(WTF_CSRF_ENABLED=True)


def test_session_api_write_without_csrf_header_is_403(csrf_app):
    client = signed_in_client(csrf_app)

    response = client.post("/api/v1/rooms", json={"name": "Thursday"})
    wrong = client.post(
        "/api/v1/rooms", json={"name": "Thursday"}, headers={"X-CSRFToken": "not-the-token"}
    )

    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert "X-CSRFToken" in response.json["detail"]
    assert wrong.status_code == 403
    assert client.get("/api/v1/rooms").json["items"] == []


def test_session_api_write_with_csrf_header_succeeds(csrf_app):
    client = signed_in_client(csrf_app)
    token = csrf_from(client.get("/rooms").get_data(as_text=True))

    response = client.post(
        "/api/v1/rooms", json={"name": "Thursday"}, headers={"X-CSRFToken": token}
    )

    assert response.status_code == 201
    assert client.get("/api/v1/me").status_code == 200


def test_bearer_writes_need_no_csrf(csrf_app):
    with csrf_app.app_context():
        factories.user(email="ana@example.org")
        db.session.commit()
    client = csrf_app.test_client()
    issued = client.post("/api/v1/tokens", auth=("ana@example.org", factories.PASSWORD))
    headers = {"Authorization": f"Bearer {issued.json['token']}"}

    response = client.post("/api/v1/rooms", json={"name": "Thursday"}, headers=headers)

    assert issued.status_code == 201
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/login", {"email": "a@example.org", "password": "whatever 12"}),
        (
            "/register",
            {
                "display_name": "A",
                "email": "a@example.org",
                "password": "x" * 12,
                "confirm": "x" * 12,
            },
        ),
        ("/rooms", {"name": "Thursday"}),
        ("/logout", {}),
    ],
)
def test_form_posts_without_csrf_token_are_refused(csrf_app, path, data):
    client = (
        signed_in_client(csrf_app) if path in ("/rooms", "/logout") else (csrf_app.test_client())
    )

    response = client.post(path, data=data)

    assert response.status_code == 400
    assert response.mimetype == "text/html"
    if path == "/logout":
        assert client.get("/api/v1/me").status_code == 200


def test_api_token_requests_are_rate_limited_per_account(make_app):
    app = make_app(SIGNIN_LIMIT_PER_ACCOUNT="3/minute")
    with app.app_context():
        factories.user(email="ana@example.org")
        db.session.commit()
    client = app.test_client()

    statuses = [
        client.post("/api/v1/tokens", auth=("ana@example.org", "wrong password 1")).status_code
        for _ in range(3)
    ]
    limited = client.post("/api/v1/tokens", auth=("ANA@example.org ", factories.PASSWORD))
    someone_else = client.post("/api/v1/tokens", auth=("bo@example.org", "wrong password 1"))

    assert statuses == [401, 401, 401]
    assert limited.status_code == 429
    assert limited.mimetype == "application/problem+json"
    assert limited.json["status"] == 429
    assert "Too many attempts" in limited.json["detail"]
    assert "wait" in limited.json["detail"]
    assert someone_else.status_code == 401


def test_successful_sign_ins_do_not_count_against_the_limit(make_app):
    app = make_app(SIGNIN_LIMIT_PER_ACCOUNT="2/minute")
    with app.app_context():
        factories.user(email="ana@example.org")
        db.session.commit()
    client = app.test_client()

    statuses = [
        client.post("/api/v1/tokens", auth=("ana@example.org", factories.PASSWORD)).status_code
        for _ in range(4)
    ]

    assert statuses == [201] * 4


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_templates_have_no_inline_script(template: Path):
    source = template.read_text()

    for tag in re.findall(r"<script\b[^>]*>", source, flags=re.IGNORECASE):
        assert re.search(r"\ssrc=", tag), f"inline <script> in {template.name}: {tag}"
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", source, flags=re.IGNORECASE), template.name
    assert not re.search(r"javascript:", source, flags=re.IGNORECASE), template.name
    assert not re.search(r"\sstyle\s*=", source, flags=re.IGNORECASE), template.name


def test_the_template_scan_finds_templates():
    assert len(TEMPLATES) >= 8
