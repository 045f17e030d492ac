"""Supervisors' span-anchored comments, for the whole room or only for the excerpt's author."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app import markdown
from app.extensions import db
from app.models import Annotation, Excerpt, User
from app.services import audit, deid, excerpts, spans
from app.services.errors import Forbidden, Invalid, NotFound

VISIBILITIES = ("room", "author")
BODY_MAX = 5000


def visible_to(user: User, stmt):
    """Limit an annotation query to what this user may read (the one visibility rule)."""
    return stmt.join(Excerpt, Excerpt.id == Annotation.excerpt_id).where(
        or_(
            Annotation.visibility == "room",
            Excerpt.author_id == user.id,
            Annotation.author_id == user.id,
        )
    )


def add_annotation(
    user: User,
    excerpt_id: int,
    *,
    line: int,
    start: int,
    end: int,
    body: str,
    visibility: str,
    end_line: int | None = None,
    resolutions: list[deid.Resolution] | None = None,
    attest: bool = False,
) -> Annotation:
    """Anchor a supervisor's comment to a span (owners and supervisors)."""
    excerpt, role = excerpts.get_excerpt(user, excerpt_id)
    if not role.can_annotate:
        raise Forbidden("Only supervisors and owners can annotate excerpts.")
    if visibility not in VISIBILITIES:
        raise Invalid("visibility is 'room' or 'author'.", {"visibility": "Unknown."})
    if not body.strip() or len(body) > BODY_MAX:
        raise Invalid(f"An annotation has 1 to {BODY_MAX} characters.", {"body": "Length."})
    span = spans.check_span(excerpt, line, start, end, end_line)
    body = deid.check_short_texts({"body": body}, resolutions, attest)["body"].strip()
    annotation = Annotation(
        excerpt_id=excerpt.id,
        author_id=user.id,
        line=span.line,
        start=span.start,
        end_line=span.end_line,
        end=span.end,
        body=body,
        body_html=markdown.render(body),
        visibility=visibility,
    )
    db.session.add(annotation)
    db.session.flush()
    audit.record(
        "annotation.added",
        actor=user,
        room_id=excerpt.room_id,
        target_type="annotation",
        target_id=annotation.id,
        via=visibility,
    )
    return annotation


def excerpt_annotations(user: User, excerpt_id: int) -> list[Annotation]:
    """Return the annotations of an excerpt that this user may read."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    stmt = visible_to(user, select(Annotation)).where(Annotation.excerpt_id == excerpt.id)
    return list(
        db.session.scalars(
            stmt.options(selectinload(Annotation.author)).order_by(Annotation.line, Annotation.id)
        )
    )


def delete_annotation(user: User, annotation_id: int) -> None:
    """Delete one's own annotation."""
    annotation = db.session.get(Annotation, annotation_id)
    if annotation is None:
        raise NotFound()
    visible = [a.id for a in excerpt_annotations(user, annotation.excerpt_id)]
    if annotation.id not in visible:
        raise NotFound()
    if annotation.author_id != user.id:
        raise Forbidden("Only its author can delete an annotation.")
    audit.record(
        "annotation.deleted",
        actor=user,
        room_id=annotation.excerpt.room_id,
        target_type="annotation",
        target_id=annotation.id,
    )
    db.session.delete(annotation)
    db.session.flush()
