"""Socket.IO event handlers. Sockets authenticate at connect; every event re-checks access."""

from __future__ import annotations

from flask_socketio import SocketIO


def register_handlers(socketio: SocketIO) -> None:
    """Attach the handlers to the server ``init_app`` just built for this application.

    Handlers are attached per application rather than with import-time decorators: a decorator
    runs once per process and would bind only to the first application's server.
    """
    from app.realtime import connection

    socketio.on_event("connect", connection.on_connect)
    socketio.on_event("disconnect", connection.on_disconnect)
