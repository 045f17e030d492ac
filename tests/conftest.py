"""Shared fixtures: an app per test on SQLite and (when configured) PostgreSQL, clients, users.

Every test that uses ``app`` runs once per database backend. PostgreSQL comes from
``TEST_DATABASE_URL``; without it those runs are skipped on a developer's machine and fail in CI
(``CI=true``), where the real services must be there.
"""

from __future__ import annotations

import os

import pytest
from flask import g, request_started
from sqlalchemy import create_engine, text

from app import create_app
from app.config import TestingConfig, testing_services
from app.extensions import db
from app.models import Role
from app.services import accounts
from tests import factories

SERVICES = testing_services()
IN_CI = SERVICES["ci"] is not None


def require_service(name: str, available: bool, how: str) -> None:
    """Skip when a real service is missing locally; fail when it is missing in CI."""
    if available:
        return
    message = f"{name} is not available: {how}"
    if IN_CI:
        pytest.fail(f"CI must provide {name}. {message}")
    pytest.skip(message)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """A database with the current schema, once per backend for the whole session."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    else:
        url = SERVICES["database_url"]
        require_service("PostgreSQL", bool(url), "set TEST_DATABASE_URL to a scratch database")
    app = create_app(TestingConfig(database_url=url))
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()
    return url


def _empty_tables(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    tables = list(reversed(db.metadata.sorted_tables))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())
    engine.dispose()


def _fresh_globals(sender, **extra) -> None:
    """Give every test request an empty ``g``, as a real server does.

    Test requests reuse the fixture's application context, so ``g`` (Flask-Login's cached user,
    ``g.token_auth``) would otherwise leak from one request into the next.
    """
    for key in list(g):
        g.pop(key)


@pytest.fixture
def make_app(database_url, tmp_path):
    """Build an app with extra settings; every app of a test shares the test's database."""
    apps = []

    def build(**overrides):
        overrides.setdefault("instance", str(tmp_path / "instance"))
        app = create_app(TestingConfig(database_url=database_url, **overrides))
        request_started.connect(_fresh_globals, app)
        apps.append(app)
        return app

    yield build
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    _empty_tables(database_url)


@pytest.fixture
def app(make_app):
    app = make_app()
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def user(app):
    person = factories.user()
    db.session.commit()
    return person


@pytest.fixture
def login(client):
    """Sign a user in on the test client's session (the sign-in form is tested on its own)."""

    def sign_in(user, target=None):
        target = target or client
        with target.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return user

    return sign_in


@pytest.fixture
def token_for(app):
    """Issue a personal token and return the Authorization header for it."""

    def issue(user) -> dict[str, str]:
        _, plain = accounts.create_token(user, "tests")
        db.session.commit()
        return {"Authorization": f"Bearer {plain}"}

    return issue


@pytest.fixture
def room_with(app):
    """Create a room and a member for each given role; returns (room, {role: user})."""

    def build(*roles: Role | str):
        owner = factories.user(display_name="Owner")
        room = factories.room(owner)
        people = {Role.OWNER: owner}
        for role in roles:
            role = Role(role)
            if role is Role.OWNER:
                continue
            people[role] = factories.member(room, role)
        db.session.commit()
        return room, people

    return build


def pytest_collection_modifyitems(config, items):
    # Browser tests are slower; keep them last so a failure elsewhere shows first.
    items.sort(key=lambda item: "browser" in item.keywords)


os.environ.setdefault("PARALLEL_TESTING", "1")
