"""Helpers for the journal tests: an excerpt of mine in a room, and moments on it."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Role
from app.services import excerpts, moments, tags
from tests import factories

EXCERPT_TEXT = (
    "T: How was the week for you since we last met?\n"
    "C: Hard.\n"
    "T: I wonder whether we could make a plan together, step by step, today.\n"
    "C: Maybe we could."
)


@pytest.fixture
def setting(app):
    """A room owned by someone else; ``me`` is a member with an excerpt and a moment."""
    owner = factories.user(display_name="Room Owner")
    room = factories.room(owner)
    me = factories.member(room, Role.MEMBER)
    supervisor = factories.member(room, Role.SUPERVISOR)
    tags.seed_room(room.id)
    excerpt = excerpts.post_excerpt(
        me,
        room.id,
        excerpts.ExcerptDraft(title="Week", text=EXCERPT_TEXT, context="", attest=True),
    )
    moment = moments.add_moment(
        me,
        excerpt.id,
        moments.MomentDraft(line=3, start=0, end=8, tag="over-functioning", intensity=4),
    )
    db.session.commit()
    return {
        "owner": owner,
        "room": room,
        "me": me,
        "supervisor": supervisor,
        "excerpt": excerpt,
        "moment": moment,
    }
