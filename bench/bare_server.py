"""The ceiling for bench/realtime.py: a bare Flask-SocketIO broadcast server.

Same events and the same transport as Parallel's thread handlers, with no authentication,
database, access checks or gate: ``join`` joins a room and acks, ``message`` broadcasts to the
room and acks. Served by gunicorn exactly like Parallel (``bench.bare_server:app``).
"""

from __future__ import annotations

import itertools

from flask import Flask
from flask_socketio import SocketIO, emit, join_room

from app import socketio_async_mode

app = Flask(__name__)
app.secret_key = "bench-only"  # noqa: S105 - a throwaway benchmark server
socketio = SocketIO(app, async_mode=socketio_async_mode("auto"), cors_allowed_origins=[])
_seq = itertools.count(1)


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@socketio.on("join")
def join(data):
    join_room(f"excerpt:{data['excerpt_id']}")
    return {"ok": True, "messages": [], "last_seq": 0}


@socketio.on("message")
def message(data):
    seq = next(_seq)
    emit(
        "message",
        {
            "seq": seq,
            "excerpt_id": data["excerpt_id"],
            "body": data["body"],
            "client_id": data.get("client_id"),
        },
        to=f"excerpt:{data['excerpt_id']}",
    )
    return {"ok": True, "id": seq, "seq": seq}
