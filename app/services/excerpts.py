"""Excerpts and cases: posting through the gate, reading, withdrawing and revising."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import markdown
from app.extensions import db
from app.models import Case, Excerpt, ExcerptLine, Role, ThreadCounter, User
from app.orm import utcnow
from app.services import access, audit, deid, transcript
from app.services.errors import Forbidden, Gone, Invalid, NotFound
from app.services.pagination import Page, paginate

log = logging.getLogger(__name__)

TITLE_MAX = 200
TEXT_MAX = 50_000
CONTEXT_MAX = 10_000
PSEUDONYM_MAX = 60
CONCERNS_MAX = 2_000
SPEAKER_CHOICES = re.compile(
    r"^(T|C|Supervisor|Group|Partner|Parent|Other|(Member|Client|Participant|Speaker|Partner|"
    r"Parent) ([A-Z]|\d{1,2}))$"
)


@dataclass
class ExcerptDraft:
    """What an author submits; raw text that exists only until the gate has run."""

    title: str
    text: str
    context: str = ""
    case: int | str | None = None
    resolutions: list[deid.Resolution] | None = None
    attest: bool = False
    speakers: dict[str, str] | None = None


def _check_sizes(draft: ExcerptDraft) -> None:
    errors = {}
    if not draft.title.strip():
        errors["title"] = "Give the excerpt a title."
    elif len(draft.title) > TITLE_MAX:
        errors["title"] = f"Use at most {TITLE_MAX} characters."
    if not draft.text.strip():
        errors["text"] = "Paste or type the transcript."
    elif len(draft.text) > TEXT_MAX:
        errors["text"] = f"An excerpt holds at most {TEXT_MAX:,} characters; post a shorter part."
    if len(draft.context) > CONTEXT_MAX:
        errors["context"] = f"Use at most {CONTEXT_MAX:,} characters."
    if errors:
        raise Invalid(next(iter(errors.values())), errors)


def _apply_speakers(lines: list[transcript.Line], speakers: dict[str, str] | None) -> None:
    """Let the author name who is who (Speaker A → T); only role labels are accepted."""
    if not speakers:
        return
    for label, role in speakers.items():
        if not SPEAKER_CHOICES.match(role):
            raise Invalid(
                "Speakers can only be given role labels (T, C, Supervisor, Member 2 …).",
                {f"speakers.{label}": "Not a role label."},
            )
    for line in lines:
        line.speaker = speakers.get(line.speaker, line.speaker)


def find_case(room_id: int, case: int | str | None) -> Case | None:
    """Return the room's case by id or pseudonym (None when no case is given)."""
    if case is None or case == "":
        return None
    if isinstance(case, int) or (isinstance(case, str) and case.isdigit()):
        found = db.session.get(Case, int(case))
        if found is None or found.room_id != room_id:
            raise Invalid("That case is not in this room.", {"case": "Unknown case."})
        return found
    return db.session.scalar(
        select(Case).where(Case.room_id == room_id, Case.pseudonym == " ".join(case.split()))
    )


def create_case(
    user: User,
    room_id: int,
    pseudonym: str,
    concerns: str = "",
    resolutions: list[deid.Resolution] | None = None,
    attest: bool = False,
) -> Case:
    """Create a room-scoped pseudonym; the pseudonym must scan clean, concerns pass the gate."""
    access.room_for(user, room_id)
    pseudonym = " ".join(pseudonym.split())
    if not pseudonym or len(pseudonym) > PSEUDONYM_MAX:
        raise Invalid(f"A pseudonym has 1 to {PSEUDONYM_MAX} characters.", {"pseudonym": "Length."})
    if len(concerns) > CONCERNS_MAX:
        raise Invalid(f"Use at most {CONCERNS_MAX} characters.", {"concerns": "Too long."})
    if deid.scan_fields({"title": pseudonym}):
        raise Invalid(
            "A pseudonym must not look like a real name or place: use e.g. “Client A”.",
            {"pseudonym": "Looks identifying."},
        )
    if find_case(room_id, pseudonym) is not None:
        raise Invalid("This room already has a case with that pseudonym.", {"pseudonym": "Taken."})
    clean_concerns = ""
    if concerns.strip():
        result = deid.check_gate({"context": concerns}, resolutions or [], attest)
        clean_concerns = result.clean["context"]
    case = Case(
        room_id=room_id, pseudonym=pseudonym, concerns=clean_concerns, created_by_id=user.id
    )
    db.session.add(case)
    db.session.flush()
    audit.record("case.created", actor=user, room_id=room_id, target_type="case", target_id=case.id)
    return case


def list_cases(user: User, room_id: int) -> list[Case]:
    """Return the room's cases by pseudonym."""
    access.room_for(user, room_id)
    return list(
        db.session.scalars(select(Case).where(Case.room_id == room_id).order_by(Case.pseudonym))
    )


def post_excerpt(
    user: User, room_id: int, draft: ExcerptDraft, *, revises: Excerpt | None = None
) -> Excerpt:
    """Pass the draft through the gate and store only its de-identified form."""
    room, _membership = access.check_room_permission(
        user, room_id, "can_post", "You cannot post in this room."
    )
    _check_sizes(draft)
    case = find_case(room_id, draft.case)
    result = deid.check_gate(
        {"title": draft.title, "text": draft.text, "context": draft.context},
        draft.resolutions or [],
        draft.attest,
    )
    lines = transcript.parse(result.clean["text"])
    if not lines:
        raise Invalid("No transcript lines were found.", {"text": "Empty."})
    if len(lines) > transcript.MAX_LINES:
        raise Invalid(
            f"An excerpt holds at most {transcript.MAX_LINES} lines.", {"text": "Too many lines."}
        )
    _apply_speakers(lines, draft.speakers)
    if case is None and isinstance(draft.case, str) and draft.case.strip():
        case = create_case(user, room_id, draft.case)
    excerpt = Excerpt(
        room_id=room.id,
        case_id=case.id if case else None,
        author_id=user.id,
        title=" ".join(result.clean["title"].split()),
        context=result.clean.get("context", ""),
        context_html=markdown.render(result.clean.get("context", "")),
        deid_record=result.record,
        attested_at=utcnow(),
        revises_id=revises.id if revises else None,
        lines=[
            ExcerptLine(
                n=i, speaker=line.speaker[:60], text=line.text, start=line.start, end=line.end
            )
            for i, line in enumerate(lines, start=1)
        ],
    )
    db.session.add(excerpt)
    db.session.flush()
    db.session.add(ThreadCounter(excerpt_id=excerpt.id, last_seq=0))
    audit.record(
        "excerpt.revised" if revises else "excerpt.posted",
        actor=user,
        room_id=room.id,
        target_type="excerpt",
        target_id=excerpt.id,
        count=len(lines),
    )
    log.info("excerpt %s posted in room %s (%s lines)", excerpt.id, room.id, len(lines))
    return excerpt


def get_excerpt(
    user: User | None, excerpt_id: int, *, include_withdrawn: bool = False
) -> tuple[Excerpt, Role]:
    """Return an excerpt the user may read, with their role in its room."""
    excerpt = db.session.get(Excerpt, excerpt_id)
    if excerpt is None:
        raise NotFound()
    membership = access.membership_for(user, excerpt.room_id)
    if excerpt.withdrawn_at is not None and not include_withdrawn:
        raise Gone("This excerpt was withdrawn by its author.")
    return excerpt, Role(membership.role)


def list_excerpts(
    user: User,
    room_id: int,
    *,
    case_id: int | None = None,
    author_id: int | None = None,
    limit: int = 50,
    before: int | None = None,
) -> Page:
    """Return a page of the room's current excerpts, newest first."""
    access.room_for(user, room_id)
    stmt = (
        select(Excerpt)
        .where(Excerpt.room_id == room_id, Excerpt.withdrawn_at.is_(None))
        .options(selectinload(Excerpt.author), selectinload(Excerpt.case))
    )
    if case_id is not None:
        stmt = stmt.where(Excerpt.case_id == case_id)
    if author_id is not None:
        stmt = stmt.where(Excerpt.author_id == author_id)
    return paginate(stmt, Excerpt.id, limit=limit, before=before)


def line_counts(excerpt_ids: list[int]) -> dict[int, int]:
    """Return how many lines each excerpt has (one query for a whole page)."""
    from sqlalchemy import func

    if not excerpt_ids:
        return {}
    rows = db.session.execute(
        select(ExcerptLine.excerpt_id, func.count())
        .where(ExcerptLine.excerpt_id.in_(excerpt_ids))
        .group_by(ExcerptLine.excerpt_id)
    )
    return dict(rows.all())


def newer_version(excerpt: Excerpt) -> Excerpt | None:
    """Return the revision that replaced this excerpt, if any."""
    return db.session.scalar(
        select(Excerpt)
        .where(Excerpt.revises_id == excerpt.id, Excerpt.withdrawn_at.is_(None))
        .order_by(Excerpt.id.desc())
    )


def withdraw(user: User, excerpt_id: int, *, ip: str | None = None) -> Excerpt:
    """Withdraw one's own excerpt: hidden from everyone, kept so anchors stay valid (audited)."""
    excerpt, role = get_excerpt(user, excerpt_id, include_withdrawn=True)
    if excerpt.author_id != user.id and role is not Role.OWNER:
        raise Forbidden("Only the author (or a room owner) can withdraw an excerpt.")
    if excerpt.withdrawn_at is None:
        excerpt.withdrawn_at = utcnow()
        audit.record(
            "excerpt.withdrawn",
            actor=user,
            room_id=excerpt.room_id,
            target_type="excerpt",
            target_id=excerpt.id,
            ip=ip,
        )
    db.session.flush()
    return excerpt


def revise(user: User, excerpt_id: int, draft: ExcerptDraft) -> Excerpt:
    """Post a revised version linked to the original (the original stays immutable)."""
    original, _role = get_excerpt(user, excerpt_id)
    if original.author_id != user.id:
        raise Forbidden("Only the author can post a revised version.")
    if draft.case is None and original.case_id is not None:
        draft.case = original.case_id
    return post_excerpt(user, original.room_id, draft, revises=original)
