"""The health check reports the database and the queue, and fails loudly when one is down."""

from __future__ import annotations

from tests.conftest import SERVICES, require_service


def test_embedded_defaults(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "queue": "embedded"}


def test_redis_queue_ok(make_app):
    require_service("Redis", bool(SERVICES["redis_url"]), "set REDIS_URL")
    app = make_app(REDIS_URL=SERVICES["redis_url"])
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json["queue"] == "ok"


def test_unreachable_redis_is_503(make_app):
    app = make_app(REDIS_URL="redis://127.0.0.1:1/0")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["queue"] == "unavailable"
    assert response.json["status"] == "degraded"
