"""Page test helpers: fresh request globals, as for the API tests."""

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
