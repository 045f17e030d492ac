"""Countertransference moments: a tagged span of an excerpt, with what I almost said."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Excerpt, Moment, Role, Tag, User
from app.services import access, agreement, audit, deid, excerpts, spans, tags
from app.services.errors import Forbidden, Invalid, NotFound
from app.services.pagination import Page, paginate

NOTE_MAX = 2000


@dataclass
class MomentDraft:
    line: int
    start: int
    end: int
    tag: str | int
    end_line: int | None = None
    intensity: int | None = None
    note: str = ""
    almost_said: str = ""
    instead: str = ""
    resolutions: list[deid.Resolution] | None = None
    attest: bool = False


def _check_texts(draft: MomentDraft) -> dict[str, str]:
    errors = {}
    for name in ("note", "almost_said", "instead"):
        if len(getattr(draft, name) or "") > NOTE_MAX:
            errors[name] = f"Use at most {NOTE_MAX} characters."
    if draft.intensity is not None and not 1 <= draft.intensity <= 5:
        errors["intensity"] = "Intensity is 1 (faint) to 5 (overwhelming)."
    if errors:
        raise Invalid(next(iter(errors.values())), errors)
    # What a clinician writes next to an excerpt enters the room too: it passes the gate.
    return deid.check_short_texts(
        {"note": draft.note, "almost_said": draft.almost_said, "instead": draft.instead},
        draft.resolutions,
        draft.attest,
    )


def add_moment(user: User, excerpt_id: int, draft: MomentDraft) -> Moment:
    """Tag a span of an excerpt with a tag of its room's taxonomy."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    span = spans.check_span(excerpt, draft.line, draft.start, draft.end, draft.end_line)
    tag = tags.usable_tag(excerpt.room_id, draft.tag)
    texts = _check_texts(draft)
    moment = Moment(
        excerpt_id=excerpt.id,
        author_id=user.id,
        tag_id=tag.id,
        line=span.line,
        start=span.start,
        end_line=span.end_line,
        end=span.end,
        intensity=draft.intensity,
        note=texts["note"].strip(),
        almost_said=texts["almost_said"].strip(),
        instead=texts["instead"].strip(),
    )
    db.session.add(moment)
    db.session.flush()
    audit.record(
        "moment.added",
        actor=user,
        room_id=excerpt.room_id,
        target_type="moment",
        target_id=moment.id,
    )
    return moment


def excerpt_moments(user: User, excerpt_id: int) -> list[Moment]:
    """Return an excerpt's moments in reading order."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    return list(
        db.session.scalars(
            select(Moment)
            .where(Moment.excerpt_id == excerpt.id)
            .options(selectinload(Moment.tag), selectinload(Moment.author))
            .order_by(Moment.line, Moment.start, Moment.id)
        )
    )


def get_moment(user: User, moment_id: int) -> Moment:
    """Return a moment the user may see."""
    moment = db.session.get(Moment, moment_id)
    if moment is None:
        raise NotFound()
    excerpts.get_excerpt(user, moment.excerpt_id)
    return moment


def delete_moment(user: User, moment_id: int) -> None:
    """Delete one's own moment (room owners may delete any)."""
    moment = get_moment(user, moment_id)
    role = access.role_in(user, moment.excerpt.room_id)
    if moment.author_id != user.id and role is not Role.OWNER:
        raise Forbidden("Only the person who tagged this moment can delete it.")
    audit.record(
        "moment.deleted",
        actor=user,
        room_id=moment.excerpt.room_id,
        target_type="moment",
        target_id=moment.id,
    )
    db.session.delete(moment)
    db.session.flush()


def room_moments(
    user: User,
    room_id: int,
    *,
    tag: str | None = None,
    author_id: int | None = None,
    case_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    before: int | None = None,
) -> Page:
    """Return a page of the room's moments across excerpts, newest first, with filters."""
    access.room_for(user, room_id)
    stmt = (
        select(Moment)
        .join(Excerpt, Excerpt.id == Moment.excerpt_id)
        .where(Excerpt.room_id == room_id, Excerpt.withdrawn_at.is_(None))
        .options(
            selectinload(Moment.tag),
            selectinload(Moment.author),
            selectinload(Moment.excerpt).selectinload(Excerpt.lines),
        )
    )
    if tag:
        found = tags.find_tag(room_id, tag) if tag else None
        family = [found.id] + [
            t.id for t in db.session.scalars(select(Tag).where(Tag.parent_id == found.id))
        ]
        stmt = stmt.where(Moment.tag_id.in_(family))
    if author_id is not None:
        stmt = stmt.where(Moment.author_id == author_id)
    if case_id is not None:
        stmt = stmt.where(Excerpt.case_id == case_id)
    if since is not None:
        stmt = stmt.where(Moment.created_at >= since)
    if until is not None:
        stmt = stmt.where(Moment.created_at < until)
    return paginate(stmt, Moment.id, limit=limit, before=before)


def excerpt_agreement(user: User, excerpt_id: int) -> agreement.AgreementReport:
    """Return how the members who tagged this excerpt agree, line by line."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    moments = excerpt_moments(user, excerpt_id)
    return agreement.line_agreement(
        [line.n for line in excerpt.lines],
        [(m.author_id or 0, m.line, m.end_line, m.tag.slug) for m in moments],
    )
