"""Socket.IO event handlers. Sockets authenticate at connect; every event re-checks access."""

from __future__ import annotations

from flask_socketio import SocketIO


def register_handlers(socketio: SocketIO) -> None:
    """Attach the handlers to the server ``init_app`` just built for this application.

    Handlers are attached per application rather than with import-time decorators: a decorator
    runs once per process and would bind only to the first application's server.
    """
    from app.realtime import connection, threads

    socketio.on_event("connect", connection.on_connect)
    socketio.on_event("disconnect", connection.on_disconnect)
    socketio.on_event("join", threads.on_join)
    socketio.on_event("leave", threads.on_leave)
    socketio.on_event("message", threads.on_message)
    socketio.on_event("typing", threads.on_typing)
