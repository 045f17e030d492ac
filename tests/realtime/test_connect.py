"""Sockets authenticate at connect: a session cookie or a personal token, nothing else."""

from __future__ import annotations

import pytest

from app.extensions import socketio


@pytest.mark.parametrize("auth", [None, {"token": "par_nope"}, {"token": 42}, "token"])
def test_connection_without_valid_credentials_is_refused(app, client, auth):
    socket = socketio.test_client(app, flask_test_client=client, auth=auth)
    assert not socket.is_connected()


def test_session_cookie_connects(app, client, login, user):
    login(user)
    socket = socketio.test_client(app, flask_test_client=client)
    assert socket.is_connected()
    socket.disconnect()


def test_token_connects_without_cookie(app, client, user, token_for):
    header = token_for(user)["Authorization"]
    socket = socketio.test_client(app, auth={"token": header.removeprefix("Bearer ")})
    assert socket.is_connected()
    socket.disconnect()
