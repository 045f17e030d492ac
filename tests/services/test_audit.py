"""The audit trail keeps structured facts and never what people typed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Role
from app.services import accounts, audit, rooms
from tests import factories


def all_audit_text() -> str:
    rows = db.session.scalars(select(AuditEvent))
    return " ".join(
        repr(getattr(row, column.key)) for row in rows for column in AuditEvent.__table__.columns
    )


@pytest.mark.parametrize("key", ["email", "name", "text", "body", "password", "note"])
def test_details_refuse_unknown_keys(app, key):
    with pytest.raises(ValueError, match=key):
        audit.record("room.updated", **{key: "anything"})

    assert db.session.scalar(select(AuditEvent)) is None


def test_details_keep_allowed_facts(app):
    user = factories.user()

    event = audit.record(
        "membership.role_changed",
        actor=user,
        room_id=7,
        target_type="user",
        target_id=3,
        old_role="member",
        new_role="owner",
        ip="10.0.0.9",
    )
    db.session.flush()

    stored = db.session.get(AuditEvent, event.id)
    assert (stored.actor_id, stored.room_id, stored.target_id) == (user.id, 7, 3)
    assert stored.details == {"old_role": "member", "new_role": "owner"}
    assert stored.at is not None


def test_services_never_write_typed_text_to_the_trail(app):
    user = accounts.register("wren@example.org", "a quiet harbour at dusk 9", "Wren Typed")
    room = rooms.create_room(user, "Ward Seven Secrets", "Mrs Typed-Description")
    rooms.update_room(user, room.id, "Renamed Typed Room", "Another typed description")
    invite = rooms.create_invite(user, room.id, Role.MEMBER)
    accounts.create_token(user, "Typed Token Name")
    accounts.update_display_name(user, "Wren Retyped")
    accounts.authenticate("wren@example.org", "typed wrong password")
    db.session.flush()

    text = all_audit_text()
    for typed in (
        "wren@example.org",
        "Wren Typed",
        "Ward Seven",
        "Typed-Description",
        "Renamed Typed",
        "Another typed",
        "Typed Token",
        "Wren Retyped",
        "harbour",
        "typed wrong",
        invite.code,
    ):
        assert typed not in text
    assert "room.created" in text
