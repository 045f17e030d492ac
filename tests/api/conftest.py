"""API test helpers: fresh request globals and problem-detail assertions."""

from __future__ import annotations

import pytest
from flask import g, request_started


@pytest.fixture(autouse=True)
def fresh_request_globals(app):
    """Give every test request an empty ``g``, as a real server does.

    The shared ``app`` fixture keeps one application context open for the whole test, and Flask
    reuses it for test-client requests, so ``g`` (Flask-Login's cached user, ``g.token_auth``)
    would otherwise leak from one request into the next.
    """

    def reset(sender, **extra):
        for key in list(g):
            g.pop(key)

    request_started.connect(reset, app)
    yield
    request_started.disconnect(reset, app)


@pytest.fixture
def problem():
    """Assert that a response is an RFC 9457 problem with ``status``; return its body."""

    def check(response, status: int) -> dict:
        assert response.status_code == status, response.get_data(as_text=True)
        assert response.mimetype == "application/problem+json"
        body = response.get_json(force=True)
        assert {"type", "title", "status", "detail"} <= body.keys()
        assert body["status"] == status
        assert body["title"] and body["detail"]
        return body

    return check
