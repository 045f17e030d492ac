"""My data: the export document, and deleting an account both ways."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import Excerpt, JournalEntry, Message, Moment, User
from app.services import journal, threads
from tests.factories import PASSWORD


def test_export_contains_everything_mine(client, setting, token_for):
    me = setting["me"]
    journal.create_entry(me, journal.EntryDraft(body="My secret note", tags=["irritation"]))
    threads.post_message(me, setting["excerpt"].id, "A message of mine")
    db.session.commit()
    data = client.get("/api/v1/me/export", headers=token_for(me)).get_json()
    assert data["account"]["email"] == me.email
    assert data["journal"][0]["body"] == "My secret note"
    assert data["journal"][0]["tags"] == ["irritation"]
    assert data["excerpts"][0]["lines"][0]["text"].startswith("How was the week")
    assert data["moments"][0]["tag"] == "over-functioning"
    assert data["messages"][0]["body"] == "A message of mine"
    other = client.get("/api/v1/me/export", headers=token_for(setting["owner"])).get_json()
    assert other["journal"] == [] and other["excerpts"] == []


def _count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_delete_keeping_shared(client, setting, token_for):
    me = setting["me"]
    journal.create_entry(me, journal.EntryDraft(body="Goes away", tags=[]))
    threads.post_message(me, setting["excerpt"].id, "Stays")
    db.session.commit()
    headers = token_for(me)
    wrong = client.delete(
        "/api/v1/me", json={"password": "nope", "keep_shared": True}, headers=headers
    )
    assert wrong.status_code == 422
    gone = client.delete(
        "/api/v1/me", json={"password": PASSWORD, "keep_shared": True}, headers=headers
    )
    assert gone.status_code == 204
    db.session.expire_all()
    assert db.session.get(User, me.id) is None
    assert _count(JournalEntry) == 0
    excerpt = db.session.get(Excerpt, setting["excerpt"].id)
    assert excerpt is not None and excerpt.author_id is None
    assert _count(Moment, Moment.author_id.is_(None)) == 1
    message = db.session.scalar(select(Message))
    assert message.author_id is None and message.body == "Stays"
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    # Colleagues see it from "Former member".
    shown = client.get(f"/api/v1/excerpts/{excerpt.id}", headers=token_for(setting["owner"]))
    assert shown.get_json()["author"] == {"id": None, "name": "Former member"}


def test_delete_removing_shared(client, setting, token_for):
    me, owner = setting["me"], setting["owner"]
    threads.post_message(owner, setting["excerpt"].id, "Owner's reply")
    db.session.commit()
    headers = token_for(me)
    gone = client.delete(
        "/api/v1/me", json={"password": PASSWORD, "keep_shared": False}, headers=headers
    )
    assert gone.status_code == 204
    db.session.expire_all()
    assert _count(Excerpt) == 0
    assert _count(Moment) == 0
    assert _count(Message) == 0  # the discussion was anchored in my excerpt
    assert db.session.get(User, owner.id) is not None


def test_last_owner_must_hand_over_and_lone_rooms_go(client, setting, token_for):
    owner = setting["owner"]
    headers = token_for(owner)
    refused = client.delete(
        "/api/v1/me", json={"password": PASSWORD, "keep_shared": True}, headers=headers
    )
    assert refused.status_code == 409
    assert db.session.get(User, owner.id) is not None

    from app.models import Room
    from tests import factories

    alone = factories.user()
    lone_room = factories.room(alone, "Just me")
    db.session.commit()
    room_id = lone_room.id
    gone = client.delete(
        "/api/v1/me", json={"password": PASSWORD, "keep_shared": True}, headers=token_for(alone)
    )
    assert gone.status_code == 204
    db.session.expire_all()
    assert db.session.get(Room, room_id) is None
