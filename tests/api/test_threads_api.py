"""The thread over HTTP: catch-up, idempotent posting, edits with history, deletes, unread."""

from __future__ import annotations

import pytest

from app.models import AuditEvent, Role
from app.services import excerpts
from tests.conftest import db


@pytest.fixture
def thread(client, room_with, token_for):
    room, people = room_with(Role.MEMBER, Role.TRAINEE)
    people[Role.MEMBER].display_name = "Rosa Member"
    excerpt = excerpts.post_excerpt(
        people[Role.TRAINEE],
        room.id,
        excerpts.ExcerptDraft(title="Silence", text="T: hello\nC: quiet", attest=True),
    )
    db.session.commit()
    headers = {role: token_for(user) for role, user in people.items()}
    return excerpt, people, headers


def post(client, excerpt_id, headers, body, **extra):
    return client.post(
        f"/api/v1/excerpts/{excerpt_id}/messages", json={"body": body, **extra}, headers=headers
    )


def test_post_and_catch_up_in_seq_order(client, thread):
    excerpt, _people, headers = thread
    for i in range(5):
        assert post(client, excerpt.id, headers[Role.MEMBER], f"m{i}").status_code == 201
    page = client.get(
        f"/api/v1/excerpts/{excerpt.id}/messages?after=2&limit=2", headers=headers[Role.TRAINEE]
    ).json
    assert [m["seq"] for m in page["items"]] == [3, 4]
    assert page["next"] == "4" and page["last_seq"] == 5


def test_repeated_client_id_returns_the_first_message(client, thread):
    excerpt, _people, headers = thread
    first = post(client, excerpt.id, headers[Role.MEMBER], "hello", client_id="abc-1")
    again = post(client, excerpt.id, headers[Role.MEMBER], "hello", client_id="abc-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json["id"] == first.json["id"]


def test_edit_keeps_history_and_delete_leaves_a_tombstone(client, thread):
    excerpt, _people, headers = thread
    message = post(client, excerpt.id, headers[Role.MEMBER], "first words").json
    url = f"/api/v1/messages/{message['id']}"
    assert client.patch(url, json={"body": "x"}, headers=headers[Role.TRAINEE]).status_code == 403
    edited = client.patch(url, json={"body": "better words"}, headers=headers[Role.MEMBER])
    assert edited.json["body"] == "better words" and edited.json["edited_at"]
    history = client.get(f"{url}/edits", headers=headers[Role.TRAINEE]).json["items"]
    assert [h["body"] for h in history] == ["first words"]
    assert client.delete(url, headers=headers[Role.TRAINEE]).status_code == 403
    assert client.delete(url, headers=headers[Role.OWNER]).status_code == 204
    listing = client.get(
        f"/api/v1/excerpts/{excerpt.id}/messages", headers=headers[Role.MEMBER]
    ).json["items"]
    assert listing[0]["deleted"] is True and listing[0]["body"] == ""
    actions = [e.action for e in db.session.query(AuditEvent).filter_by(action="message.deleted")]
    assert actions == ["message.deleted"]


def test_unread_follow_and_whats_new(client, thread):
    excerpt, _people, headers = thread
    post(client, excerpt.id, headers[Role.MEMBER], "one")
    post(client, excerpt.id, headers[Role.MEMBER], "two")
    # The author follows automatically? Not until they post or are mentioned.
    assert client.get("/api/v1/me/new", headers=headers[Role.TRAINEE]).json["items"] == []
    client.put(f"/api/v1/excerpts/{excerpt.id}/follow", headers=headers[Role.TRAINEE])
    new = client.get("/api/v1/me/new", headers=headers[Role.TRAINEE]).json["items"]
    assert [(n["excerpt_id"], n["unread"]) for n in new] == [(excerpt.id, 2)]
    read = client.post(
        f"/api/v1/excerpts/{excerpt.id}/read", json={"seq": 2}, headers=headers[Role.TRAINEE]
    )
    assert read.json["last_read_seq"] == 2
    assert client.get("/api/v1/me/new", headers=headers[Role.TRAINEE]).json["items"] == []
    gone = client.delete(f"/api/v1/excerpts/{excerpt.id}/follow", headers=headers[Role.TRAINEE])
    assert gone.json["following"] is False


def test_mentions_highlight_and_make_the_member_follow(client, thread):
    excerpt, _people, headers = thread
    message = post(client, excerpt.id, headers[Role.TRAINEE], "What do you think, @[Rosa Member]?")
    assert '<span class="mention">@Rosa Member</span>' in message.json["body_html"]
    new = client.get("/api/v1/me/new", headers=headers[Role.MEMBER]).json["items"]
    assert [n["excerpt_id"] for n in new] == [excerpt.id]


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"body": ""}, 422),
        ({"body": "x" * 10_001}, 422),
        ({"body": "x", "moment_id": 999}, 422),
        ({"body": "x", "client_id": "has spaces"}, 422),
        ({}, 422),
    ],
)
def test_bad_messages(client, thread, payload, status):
    excerpt, _people, headers = thread
    response = client.post(
        f"/api/v1/excerpts/{excerpt.id}/messages", json=payload, headers=headers[Role.MEMBER]
    )
    assert response.status_code == status
    assert (
        client.get(f"/api/v1/excerpts/{excerpt.id}/messages", headers=headers[Role.MEMBER]).json[
            "items"
        ]
        == []
    )


def test_non_member_gets_404(client, thread, token_for):
    from tests import factories

    excerpt, _people, _headers = thread
    stranger = factories.user()
    db.session.commit()
    headers = token_for(stranger)
    assert client.get(f"/api/v1/excerpts/{excerpt.id}/messages", headers=headers).status_code == 404
    assert post(client, excerpt.id, headers, "hi").status_code == 404
