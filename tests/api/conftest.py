"""API test helpers: problem-detail assertions."""

from __future__ import annotations

import pytest


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
