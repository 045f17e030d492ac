"""Thread events through Flask-SocketIO's test client: join, message, typing, presence, errors."""

from __future__ import annotations

import pytest

from app.extensions import socketio
from app.models import Message, Role
from app.services import excerpts
from tests import factories
from tests.conftest import db


@pytest.fixture
def thread(app, room_with):
    room, people = room_with(Role.MEMBER, Role.TRAINEE)
    excerpt = excerpts.post_excerpt(
        people[Role.MEMBER],
        room.id,
        excerpts.ExcerptDraft(title="Silence", text="T: hello\nC: quiet", attest=True),
    )
    db.session.commit()
    return room, people, excerpt


@pytest.fixture
def sockets(app, login, thread):
    made = []

    def open_for(user):
        client = app.test_client()
        login(user, client)
        socket = socketio.test_client(app, flask_test_client=client)
        assert socket.is_connected()
        made.append(socket)
        return socket

    yield open_for
    for socket in made:
        if socket.is_connected():
            socket.disconnect()


def events(socket, name):
    found = []
    for event in socket.get_received():
        if event["name"] == name:
            args = event["args"]
            found.append(args[0] if isinstance(args, list) else args)
    return found


def test_join_message_and_catch_up(thread, sockets):
    _room, people, excerpt = thread
    alice, bob = sockets(people[Role.MEMBER]), sockets(people[Role.TRAINEE])
    assert alice.emit("join", {"excerpt_id": excerpt.id, "after": 0}, callback=True) == {
        "ok": True,
        "messages": [],
        "last_seq": 0,
    }
    bob.emit("join", {"excerpt_id": excerpt.id}, callback=True)
    bob.get_received()
    acks = [
        alice.emit(
            "message",
            {"excerpt_id": excerpt.id, "body": f"note {i}", "client_id": f"c{i}"},
            callback=True,
        )
        for i in range(3)
    ]
    assert [a["seq"] for a in acks] == [1, 2, 3] and all(a["ok"] for a in acks)
    received = events(bob, "message")
    assert [m["seq"] for m in received] == [1, 2, 3]
    assert received[0]["body_html"] == "<p>note 0</p>"
    assert received[0]["author"]["id"] == people[Role.MEMBER].id
    # The sender hears its own message too: one update path for the page.
    assert [m["seq"] for m in events(alice, "message")] == [1, 2, 3]
    catch_up = bob.emit("join", {"excerpt_id": excerpt.id, "after": 1}, callback=True)
    assert [m["seq"] for m in catch_up["messages"]] == [2, 3]


def test_repeated_client_id_is_stored_once(thread, sockets):
    _room, people, excerpt = thread
    alice = sockets(people[Role.MEMBER])
    first = alice.emit(
        "message", {"excerpt_id": excerpt.id, "body": "hi", "client_id": "x1"}, callback=True
    )
    again = alice.emit(
        "message", {"excerpt_id": excerpt.id, "body": "hi", "client_id": "x1"}, callback=True
    )
    assert (again["id"], again["seq"]) == (first["id"], first["seq"])
    assert again["duplicate"] is True
    assert db.session.query(Message).count() == 1


def test_non_member_learns_nothing(thread, sockets):
    _room, _people, excerpt = thread
    stranger = factories.user()
    db.session.commit()
    socket = sockets(stranger)
    for event, payload in [
        ("join", {"excerpt_id": excerpt.id}),
        ("message", {"excerpt_id": excerpt.id, "body": "hi"}),
        ("join", {"excerpt_id": 999_999}),
    ]:
        ack = socket.emit(event, payload, callback=True)
        assert ack["ok"] is False and ack["status"] == 404
    assert db.session.query(Message).count() == 0


@pytest.mark.parametrize(
    "payload",
    [
        None,
        "a string",
        {},
        {"excerpt_id": "1", "body": "x"},
        {"excerpt_id": -1, "body": "x"},
        {"excerpt_id": True, "body": "x"},
        {"excerpt_id": "EXCERPT", "body": ""},
        {"excerpt_id": "EXCERPT", "body": "   "},
        {"excerpt_id": "EXCERPT", "body": 42},
        {"excerpt_id": "EXCERPT", "body": "x" * 10_001},
        {"excerpt_id": "EXCERPT", "body": "x", "client_id": "bad id with spaces"},
        {"excerpt_id": "EXCERPT", "body": "x", "client_id": ["list"]},
        {"excerpt_id": "EXCERPT", "body": "x", "moment_id": 123456},
        {"excerpt_id": "EXCERPT", "body": "x", "resolutions": "nope"},
    ],
)
def test_malformed_messages_get_an_error_ack_and_nothing_is_stored(thread, sockets, payload):
    _room, people, excerpt = thread
    if isinstance(payload, dict) and payload.get("excerpt_id") == "EXCERPT":
        payload = {**payload, "excerpt_id": excerpt.id}
    alice = sockets(people[Role.MEMBER])
    ack = alice.emit("message", payload, callback=True)
    assert ack["ok"] is False and ack["error"]
    assert db.session.query(Message).count() == 0
    # The connection stays usable.
    good = alice.emit("message", {"excerpt_id": excerpt.id, "body": "still here"}, callback=True)
    assert good["ok"] is True


def test_identifying_message_is_held_until_resolved(thread, sockets):
    _room, people, excerpt = thread
    alice = sockets(people[Role.MEMBER])
    body = "It reminds me of Bartholomew from Dayton."
    ack = alice.emit("message", {"excerpt_id": excerpt.id, "body": body}, callback=True)
    assert ack["ok"] is False and {f["text"] for f in ack["findings"]} >= {"Bartholomew"}
    resolutions = [
        {"start": f["start"], "end": f["end"], "action": "redact"} for f in ack["findings"]
    ]
    ok = alice.emit(
        "message",
        {"excerpt_id": excerpt.id, "body": body, "resolutions": resolutions, "attest": True},
        callback=True,
    )
    assert ok["ok"] is True
    stored = db.session.get(Message, ok["id"])
    assert "Bartholomew" not in stored.body and "[NAME-1]" in stored.body


def test_typing_and_presence(thread, sockets):
    _room, people, excerpt = thread
    alice, bob = sockets(people[Role.MEMBER]), sockets(people[Role.TRAINEE])
    alice.emit("join", {"excerpt_id": excerpt.id}, callback=True)
    bob.emit("join", {"excerpt_id": excerpt.id}, callback=True)
    presence = events(alice, "presence")[-1]
    assert {u["id"] for u in presence["users"]} == {people[Role.MEMBER].id, people[Role.TRAINEE].id}
    bob.get_received()
    assert alice.emit("typing", {"excerpt_id": excerpt.id}, callback=True) == {"ok": True}
    assert events(bob, "typing") == [
        {
            "type": "typing",
            "excerpt_id": excerpt.id,
            "user": {"id": people[Role.MEMBER].id, "name": people[Role.MEMBER].display_name},
        }
    ]
    assert events(alice, "typing") == []
    bob.emit("leave", {"excerpt_id": excerpt.id}, callback=True)
    assert {u["id"] for u in events(alice, "presence")[-1]["users"]} == {people[Role.MEMBER].id}


def test_message_rate_limit(make_app, room_with, login):
    app = make_app(MESSAGE_LIMIT_PER_USER="3/minute")
    with app.app_context():
        room, people = room_with(Role.MEMBER)
        excerpt = excerpts.post_excerpt(
            people[Role.MEMBER],
            room.id,
            excerpts.ExcerptDraft(title="t", text="T: hello", attest=True),
        )
        db.session.commit()
        client = app.test_client()
        login(people[Role.MEMBER], client)
        socket = socketio.test_client(app, flask_test_client=client)
        acks = [
            socket.emit("message", {"excerpt_id": excerpt.id, "body": f"m{i}"}, callback=True)
            for i in range(4)
        ]
        assert [a["ok"] for a in acks] == [True, True, True, False]
        assert acks[-1]["status"] == 429 and "fast" in acks[-1]["error"]
        socket.disconnect()
