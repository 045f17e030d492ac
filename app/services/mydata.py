"""My data: export everything that is mine as one document; delete my account.

On deletion the private things (journal, templates, personal tags, transcription drafts,
tokens, read markers, memberships) always go, and so do rooms the user is alone in. The last
owner of a room with other members must hand ownership over first (409).
Shared things follow the user's choice:

- ``keep_shared=True``: excerpts, moments, annotations and messages stay where colleagues
  rely on them, re-attributed to "Former member" (their author becomes NULL).
- ``keep_shared=False``: the user's excerpts are deleted together with everything anchored in
  them (moments, annotations and discussion by anyone: an anchor cannot outlive the text it
  points into); the user's own moments and annotations on colleagues' excerpts are deleted;
  their messages elsewhere are blanked as "removed", keeping each thread's sequence intact.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from app.extensions import db
from app.models import (
    Annotation,
    Excerpt,
    JournalEntry,
    Membership,
    Message,
    MessageEdit,
    Moment,
    Role,
    Room,
    Tag,
    Transcription,
    User,
)
from app.orm import utcnow
from app.services import audit, journal, transcriptions
from app.services.errors import Conflict, Invalid
from app.services.passwords import verify_password

EXPORT_FORMAT = "parallel-my-data"


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export(user: User) -> dict:
    """Return everything that is the user's, the journal decrypted, as one JSON-ready dict."""
    entries = journal.list_entries(user)
    my_excerpts = db.session.scalars(
        select(Excerpt).where(Excerpt.author_id == user.id).order_by(Excerpt.id)
    )
    moments = db.session.execute(
        select(Moment, Tag.slug)
        .join(Tag, Tag.id == Moment.tag_id)
        .where(Moment.author_id == user.id)
        .order_by(Moment.id)
    )
    messages = db.session.scalars(
        select(Message)
        .where(Message.author_id == user.id, Message.deleted_at.is_(None))
        .order_by(Message.id)
    )
    drafts = db.session.scalars(
        select(Transcription).where(Transcription.owner_id == user.id).order_by(Transcription.id)
    )
    audit.record("account.exported", actor=user, target_type="user", target_id=user.id)
    return {
        "format": EXPORT_FORMAT,
        "version": 1,
        "exported_at": utcnow().isoformat(),
        "account": {
            "id": user.id,
            "email": user.email,
            "display_name": user.display_name,
            "created_at": _iso(user.created_at),
        },
        "journal": [
            {
                "id": e.row.id,
                "body": e.body,
                "tags": e.row.tag_slugs,
                "intensity": e.row.intensity,
                "excerpt_id": e.row.excerpt_id,
                "case_id": e.row.case_id,
                "created_at": _iso(e.row.created_at),
                "edited_at": _iso(e.row.edited_at),
            }
            for e in reversed(entries)
        ],
        "journal_templates": [
            {"id": t.id, "name": t.name, "prompts": list(t.prompts)}
            for t in journal.list_templates(user)
        ],
        "journal_tags": [{"slug": t.slug, "name": t.name} for t in journal.personal_tags(user)],
        "excerpts": [
            {
                "id": x.id,
                "room_id": x.room_id,
                "title": x.title,
                "context": x.context,
                "case": x.case.pseudonym if x.case else None,
                "lines": [
                    {
                        "n": ln.n,
                        "speaker": ln.speaker,
                        "text": ln.text,
                        "start": ln.start,
                        "end": ln.end,
                    }
                    for ln in x.lines
                ],
                "withdrawn": x.withdrawn_at is not None,
                "created_at": _iso(x.created_at),
            }
            for x in my_excerpts
        ],
        "moments": [
            {
                "id": m.id,
                "excerpt_id": m.excerpt_id,
                "tag": slug,
                "line": m.line,
                "start": m.start,
                "end_line": m.end_line,
                "end": m.end,
                "intensity": m.intensity,
                "note": m.note,
                "almost_said": m.almost_said,
                "instead": m.instead,
                "created_at": _iso(m.created_at),
            }
            for m, slug in moments
        ],
        "messages": [
            {
                "id": m.id,
                "excerpt_id": m.excerpt_id,
                "seq": m.seq,
                "body": m.body,
                "moment_id": m.moment_id,
                "created_at": _iso(m.created_at),
            }
            for m in messages
        ],
        "transcriptions": [
            {
                "id": t.id,
                "status": str(t.status),
                "duration": t.duration,
                "segments": t.segments,
                "created_at": _iso(t.created_at),
            }
            for t in drafts
        ],
    }


def _settle_rooms(user: User) -> None:
    """Refuse while the user is a room's last owner with others in it; delete rooms of one."""
    for membership in db.session.scalars(
        select(Membership).where(Membership.user_id == user.id)
    ).all():
        people = db.session.scalar(
            select(func.count()).where(Membership.room_id == membership.room_id)
        )
        if people <= 1:
            db.session.execute(delete(Room).where(Room.id == membership.room_id))
            continue
        owners = db.session.scalar(
            select(func.count()).where(
                Membership.room_id == membership.room_id, Membership.role == Role.OWNER
            )
        )
        if membership.role == Role.OWNER and owners <= 1:
            raise Conflict(
                f"You are the last owner of “{membership.room.name}”: make someone else "
                "owner there first."
            )


def delete_account(user: User, password: str, *, keep_shared: bool, ip: str | None = None) -> None:
    """Delete the account after checking the password; see the module notes for what stays."""
    if not verify_password(user.password_hash, password or ""):
        raise Invalid("Your password is not correct.", {"password": "Not correct."})
    user_id = user.id
    _settle_rooms(user)
    db.session.execute(delete(JournalEntry).where(JournalEntry.author_id == user_id))
    for draft_id in db.session.scalars(
        select(Transcription.id).where(Transcription.owner_id == user_id)
    ).all():
        transcriptions.delete_draft(user, draft_id, ip=ip)
    if not keep_shared:
        own = select(Excerpt.id).where(Excerpt.author_id == user_id)
        db.session.execute(delete(Excerpt).where(Excerpt.id.in_(own)))
        db.session.execute(delete(Moment).where(Moment.author_id == user_id))
        db.session.execute(delete(Annotation).where(Annotation.author_id == user_id))
        mine = select(Message.id).where(Message.author_id == user_id)
        db.session.execute(delete(MessageEdit).where(MessageEdit.message_id.in_(mine)))
        db.session.execute(
            update(Message)
            .where(Message.author_id == user_id, Message.deleted_at.is_(None))
            .values(body="", body_html="", deleted_at=utcnow())
        )
    # Explicit rather than trusting ON DELETE SET NULL, so both backends behave alike.
    for model in (Excerpt, Moment, Annotation, Message):
        db.session.execute(update(model).where(model.author_id == user_id).values(author_id=None))
    db.session.delete(user)
    db.session.flush()
    audit.record(
        "account.deleted",
        actor_id=user_id,
        target_type="user",
        target_id=user_id,
        ip=ip,
        reason="keep_shared" if keep_shared else "remove_shared",
    )
    db.session.expire_all()
