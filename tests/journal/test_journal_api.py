"""The journal API: CRUD, search, templates, tags, sharing through the gate, privacy."""

from __future__ import annotations

import pytest

from app.models import Message, Role
from tests import factories


@pytest.fixture
def me(app, token_for):
    person = factories.user(display_name="Me")
    return person, token_for(person)


def write(client, headers, body, **extra):
    response = client.post("/api/v1/journal", json={"body": body, **extra}, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_crud_and_render(client, me):
    _person, headers = me
    entry = write(
        client, headers, "I felt *pulled* to fix it.", tags=["rescue-fantasy"], intensity=4
    )
    assert entry["tags"] == ["rescue-fantasy"]
    assert "<em>pulled</em>" in entry["body_html"]
    assert entry["edited_at"] is None
    url = f"/api/v1/journal/{entry['id']}"
    changed = client.patch(url, json={"intensity": 2}, headers=headers).get_json()
    assert changed["intensity"] == 2 and changed["body"] == entry["body"]
    assert changed["edited_at"] is not None
    assert client.get(url, headers=headers).get_json()["intensity"] == 2
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url, headers=headers).status_code == 404


def test_validation(client, me):
    _person, headers = me
    bad_tag = client.post("/api/v1/journal", json={"body": "x", "tags": ["nope"]}, headers=headers)
    assert bad_tag.status_code == 422
    bad_intensity = client.post(
        "/api/v1/journal", json={"body": "x", "intensity": 9}, headers=headers
    )
    assert bad_intensity.status_code == 422
    assert client.post("/api/v1/journal", json={"body": "  "}, headers=headers).status_code == 422
    foreign = client.post("/api/v1/journal", json={"body": "x", "excerpt_id": 999}, headers=headers)
    assert foreign.status_code == 422


def test_search_and_tag_filter(client, me):
    _person, headers = me
    write(client, headers, "The silence felt heavy today", tags=["anxiety-in-silence"])
    write(client, headers, "Irritated by the lateness", tags=["irritation"])
    write(client, headers, "Heavy silence again, and irritation")
    found = client.get("/api/v1/journal?q=SILENCE heavy", headers=headers).get_json()["items"]
    assert len(found) == 2
    tagged = client.get("/api/v1/journal?tag=irritation", headers=headers).get_json()["items"]
    assert [e["body"] for e in tagged] == ["Irritated by the lateness"]
    assert client.get("/api/v1/journal?q=zebra", headers=headers).get_json()["items"] == []


def test_templates_seeded_and_editable(client, me):
    _person, headers = me
    items = client.get("/api/v1/journal/templates", headers=headers).get_json()["items"]
    names = [t["name"] for t in items]
    assert names == ["Before a session", "After a session", "Before supervision"]
    after = items[1]
    assert "What did I almost say?" in after["prompts"]
    url = f"/api/v1/journal/templates/{after['id']}"
    edited = client.put(url, json={"name": "After", "prompts": ["Felt?"]}, headers=headers)
    assert edited.get_json()["prompts"] == ["Felt?"]
    created = client.post(
        "/api/v1/journal/templates", json={"name": "Mine", "prompts": ["Q"]}, headers=headers
    )
    assert created.status_code == 201
    assert len(client.get("/api/v1/journal/templates", headers=headers).get_json()["items"]) == 4


def test_personal_tags(client, me):
    _person, headers = me
    created = client.post(
        "/api/v1/journal/tags", json={"name": "Sleepy after lunch"}, headers=headers
    )
    assert created.get_json()["slug"] == "sleepy-after-lunch"
    entry = write(client, headers, "Yawning", tags=["sleepy-after-lunch"])
    assert entry["tags"] == ["sleepy-after-lunch"]
    tags = client.get("/api/v1/journal/tags", headers=headers).get_json()["items"]
    assert {"slug": "sleepy-after-lunch", "name": "Sleepy after lunch", "builtin": False} in tags


def test_privacy_matrix(app, client, setting, token_for):
    me = setting["me"]
    mine = token_for(me)
    entry = write(
        client, mine, "Private thought about the hard week", excerpt_id=setting["excerpt"].id
    )
    url = f"/api/v1/journal/{entry['id']}"
    template = client.get("/api/v1/journal/templates", headers=mine).get_json()["items"][0]
    template_url = f"/api/v1/journal/templates/{template['id']}"
    stranger = factories.user()
    room = setting["room"]
    member = factories.member(room, Role.MEMBER)
    from app.extensions import db

    db.session.commit()
    for other in (setting["owner"], setting["supervisor"], member, stranger):
        headers = token_for(other)
        assert client.get(url, headers=headers).status_code == 404
        assert client.patch(url, json={"body": "x"}, headers=headers).status_code == 404
        assert client.delete(url, headers=headers).status_code == 404
        edit = client.put(template_url, json={"name": "x", "prompts": ["y"]}, headers=headers)
        assert edit.status_code == 404
        assert client.delete(template_url, headers=headers).status_code == 404
        share = client.post(
            f"{url}/share", json={"room_id": room.id, "attest": True}, headers=headers
        )
        assert share.status_code == 404
        assert client.get("/api/v1/journal", headers=headers).get_json()["items"] == []
        insights = client.get("/api/v1/insights", headers=headers).get_json()
        assert insights["journal_entries"] == 0
    assert client.get(url).status_code == 401
    owner = token_for(setting["owner"])
    for fmt in ("json", "md", "csv"):
        exported = client.get(f"/api/v1/rooms/{room.id}/export?format={fmt}", headers=owner)
        assert exported.status_code == 200
        assert b"Private thought" not in exported.data


def test_share_goes_through_the_gate(app, client, setting, token_for):
    me = setting["me"]
    headers = token_for(me)
    entry = write(
        client,
        headers,
        "After the call with Margaret Thompson I felt like rescuing.",
        excerpt_id=setting["excerpt"].id,
    )
    url = f"/api/v1/journal/{entry['id']}/share"
    room_id = setting["room"].id
    blocked = client.post(url, json={"room_id": room_id, "attest": True}, headers=headers)
    assert blocked.status_code == 422
    problem = blocked.get_json()
    names = [f for f in problem["findings"] if f["type"] == "NAME"]
    assert names and problem["text"].startswith("After the call")
    resolutions = [
        {"start": f["start"], "end": f["end"], "action": "redact"} for f in problem["findings"]
    ]
    unattested = client.post(
        url, json={"room_id": room_id, "resolutions": resolutions}, headers=headers
    )
    assert unattested.status_code == 422
    shared = client.post(
        url, json={"room_id": room_id, "resolutions": resolutions, "attest": True}, headers=headers
    )
    assert shared.status_code == 201, shared.get_json()
    from app.extensions import db

    message = db.session.get(Message, shared.get_json()["message_id"])
    assert "Margaret" not in message.body and "[NAME-1]" in message.body
    # The entry itself stays as written, and private.
    assert (
        "Margaret"
        in client.get(f"/api/v1/journal/{entry['id']}", headers=headers).get_json()["body"]
    )
    # The wrong room for that excerpt is 404.
    other_room = factories.room(me)
    db.session.commit()
    wrong = client.post(
        url,
        json={"room_id": other_room.id, "resolutions": resolutions, "attest": True},
        headers=headers,
    )
    assert wrong.status_code == 404


def test_pages_with_cursor(client, me):
    _person, headers = me
    ids = [write(client, headers, f"Entry {n}")["id"] for n in range(3)]
    first = client.get("/api/v1/journal?limit=2", headers=headers).get_json()
    assert [e["id"] for e in first["items"]] == [ids[2], ids[1]]
    second = client.get(f"/api/v1/journal?limit=2&before={first['next']}", headers=headers)
    assert [e["id"] for e in second.get_json()["items"]] == [ids[0]]
    assert second.get_json()["next"] is None
