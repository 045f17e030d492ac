"""Supervision review of an excerpt: requested by its author, settled by a supervisor."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import markdown
from app.extensions import db
from app.models import Excerpt, Membership, Role, User
from app.orm import utcnow
from app.services import audit, deid, excerpts
from app.services.errors import Conflict, Forbidden, Invalid

REQUESTED = "requested"
REVIEWED = "reviewed"
REVISION = "revision_requested"
OUTCOMES = (REVIEWED, REVISION)
NOTE_MAX = 5000


def request_review(user: User, excerpt_id: int) -> Excerpt:
    """Ask the room's supervisors to review one's own excerpt."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    if excerpt.author_id != user.id:
        raise Forbidden("Only the author can ask for a review of an excerpt.")
    if excerpt.review_status == REQUESTED:
        raise Conflict("A review of this excerpt is already requested.")
    excerpt.review_status = REQUESTED
    excerpt.review_requested_at = utcnow()
    audit.record(
        "review.requested",
        actor=user,
        room_id=excerpt.room_id,
        target_type="excerpt",
        target_id=excerpt.id,
    )
    db.session.flush()
    return excerpt


def settle_review(
    user: User,
    excerpt_id: int,
    outcome: str,
    note: str = "",
    resolutions: list[deid.Resolution] | None = None,
    attest: bool = False,
) -> Excerpt:
    """Mark an excerpt reviewed, or ask for a revision with a note (supervisors, owners)."""
    excerpt, role = excerpts.get_excerpt(user, excerpt_id)
    if not role.can_annotate:
        raise Forbidden("Only supervisors and owners review excerpts.")
    if outcome not in OUTCOMES:
        raise Invalid("status is 'reviewed' or 'revision_requested'.", {"status": "Unknown."})
    if excerpt.review_status != REQUESTED:
        raise Conflict("Nobody has asked for a review of this excerpt.")
    if len(note) > NOTE_MAX:
        raise Invalid(f"Use at most {NOTE_MAX} characters.", {"note": "Too long."})
    if outcome == REVISION and not note.strip():
        raise Invalid("Say what should change when asking for a revision.", {"note": "Required."})
    note = deid.check_short_texts({"note": note}, resolutions, attest)["note"].strip()
    excerpt.review_status = outcome
    excerpt.review_note = note
    excerpt.review_note_html = markdown.render(note)
    excerpt.reviewed_at = utcnow()
    excerpt.reviewed_by_id = user.id
    audit.record(
        f"review.{outcome}",
        actor=user,
        room_id=excerpt.room_id,
        target_type="excerpt",
        target_id=excerpt.id,
    )
    db.session.flush()
    return excerpt


def waiting_for(user: User) -> list[Excerpt]:
    """Return excerpts waiting for review in the rooms where the user reviews."""
    rooms = select(Membership.room_id).where(
        Membership.user_id == user.id, Membership.role.in_([Role.OWNER, Role.SUPERVISOR])
    )
    return list(
        db.session.scalars(
            select(Excerpt)
            .where(
                Excerpt.room_id.in_(rooms),
                Excerpt.review_status == REQUESTED,
                Excerpt.withdrawn_at.is_(None),
                Excerpt.author_id != user.id,
            )
            .options(selectinload(Excerpt.room), selectinload(Excerpt.author))
            .order_by(Excerpt.review_requested_at)
        )
    )
