"""Threads: live discussion of an excerpt, with per-thread sequence numbers and catch-up."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from app import markdown
from app.extensions import db
from app.models import (
    Excerpt,
    Membership,
    Message,
    MessageEdit,
    Moment,
    Role,
    ThreadCounter,
    ThreadState,
    User,
)
from app.orm import utcnow
from app.services import audit, deid, events, excerpts
from app.services.errors import Forbidden, Invalid, NotFound

BODY_MAX = 10_000
PAGE_MAX = 500
CLIENT_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
MENTION = re.compile(r"@\[([^\[\]\n]{1,80})\]|(?<![\w@])@([A-Za-z][\w.-]{1,40})")


@dataclass
class Posted:
    message: Message
    created: bool


def ensure_counter(excerpt_id: int) -> None:
    """Create the thread's sequence counter if the excerpt has none yet."""
    if db.session.get(ThreadCounter, excerpt_id) is None:
        db.session.add(ThreadCounter(excerpt_id=excerpt_id, last_seq=0))
        db.session.flush()


def _check_body(body: object) -> str:
    if not isinstance(body, str) or not body.strip():
        raise Invalid("Write a message first.", {"body": "Empty."})
    if len(body) > BODY_MAX:
        raise Invalid(f"A message has at most {BODY_MAX:,} characters.", {"body": "Too long."})
    return body.strip()


def _members(room_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.room_id == room_id)
        )
    )


def mentioned(body: str, room_id: int) -> list[User]:
    """Return the room members a message mentions (``@[Full Name]`` or a unique ``@First``)."""
    members = _members(room_id)
    found: dict[int, User] = {}
    for full, short in MENTION.findall(body):
        if full:
            for member in members:
                if member.display_name.casefold() == full.strip().casefold():
                    found[member.id] = member
        else:
            matches = [
                m for m in members if m.display_name.split()[0].casefold() == short.casefold()
            ]
            if len(matches) == 1:
                found[matches[0].id] = matches[0]
    return list(found.values())


def mention_spans(room_id: int):
    """Return a function finding the mentions of this room's members in a text.

    Members are clinicians, not clients: their names in a mention are not identifiers.
    """
    full_names = {m.display_name.casefold() for m in _members(room_id)}
    first_names = {name.split()[0] for name in full_names}

    def spans(text: str) -> list[tuple[int, int]]:
        found = []
        for match in MENTION.finditer(text):
            full, short = match.group(1), match.group(2)
            if (full and full.strip().casefold() in full_names) or (
                short and short.casefold() in first_names
            ):
                found.append(match.span())
        return found

    return spans


def _render(body: str, people: list[User]) -> str:
    """Render the message, marking each mention of a member (one pass, longest form first)."""
    html = markdown.render(body)
    if not people:
        return html
    names: dict[str, str] = {}
    for person in people:
        names[markdown.escape(f"@[{person.display_name}]")] = person.display_name
        names.setdefault(markdown.escape(f"@{person.display_name.split()[0]}"), person.display_name)
    pattern = re.compile(
        "|".join(
            re.escape(written) + r"(?![\w\]])" for written in sorted(names, key=len, reverse=True)
        )
    )
    return pattern.sub(
        lambda m: f'<span class="mention">@{markdown.escape(names[m.group(0)])}</span>', html
    )


def payload(message: Message) -> dict:
    """The ``message`` event and API representation of a message."""
    deleted = message.deleted_at is not None
    author = message.author
    return {
        "type": "message",
        "id": message.id,
        "seq": message.seq,
        "excerpt_id": message.excerpt_id,
        "author": {"id": author.id, "name": author.display_name}
        if author
        else {"id": None, "name": "Former member"},
        "body": "" if deleted else message.body,
        "body_html": "" if deleted else message.body_html,
        "moment_id": message.moment_id,
        "client_id": message.client_id,
        "created_at": message.created_at.isoformat(),
        "edited_at": message.edited_at.isoformat() if message.edited_at else None,
        "deleted": deleted,
    }


def _state(user_id: int, excerpt_id: int) -> ThreadState:
    state = db.session.scalar(
        select(ThreadState).where(
            ThreadState.user_id == user_id, ThreadState.excerpt_id == excerpt_id
        )
    )
    if state is None:
        state = ThreadState(user_id=user_id, excerpt_id=excerpt_id, last_read_seq=0, following=True)
        db.session.add(state)
    return state


def post_message(
    user: User,
    excerpt_id: int,
    body: object,
    *,
    moment_id: int | None = None,
    client_id: str | None = None,
    resolutions: list[deid.Resolution] | None = None,
    attest: bool = False,
) -> Posted:
    """Post a message to an excerpt's thread; a repeated ``client_id`` returns the first one."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    text = _check_body(body)
    if client_id is not None and not (isinstance(client_id, str) and CLIENT_ID.match(client_id)):
        raise Invalid("client_id is 1-64 letters, digits or -_.:", {"client_id": "Invalid."})
    if moment_id is not None:
        moment = db.session.get(Moment, moment_id) if isinstance(moment_id, int) else None
        if moment is None or moment.excerpt_id != excerpt.id:
            raise Invalid("That moment is not on this excerpt.", {"moment_id": "Unknown."})
    ensure_counter(excerpt.id)
    # Lock the thread's counter first (PostgreSQL: FOR UPDATE), then look for a resend.
    db.session.execute(
        select(ThreadCounter).where(ThreadCounter.excerpt_id == excerpt.id).with_for_update()
    )
    if client_id is not None:
        existing = _by_client_id(excerpt.id, user.id, client_id)
        if existing is not None:
            return Posted(existing, created=False)
    text = deid.check_short_texts(
        {"body": text}, resolutions, attest, mention_spans(excerpt.room_id)
    )["body"]
    people = mentioned(text, excerpt.room_id)
    seq = db.session.execute(
        update(ThreadCounter)
        .where(ThreadCounter.excerpt_id == excerpt.id)
        .values(last_seq=ThreadCounter.last_seq + 1)
        .returning(ThreadCounter.last_seq)
    ).scalar_one()
    message = Message(
        excerpt_id=excerpt.id,
        seq=seq,
        author_id=user.id,
        client_id=client_id,
        body=text,
        body_html=_render(text, people),
        moment_id=moment_id,
    )
    db.session.add(message)
    state = _state(user.id, excerpt.id)
    state.last_read_seq = max(state.last_read_seq, seq)
    state.following = True
    for person in people:
        if person.id != user.id:
            _state(person.id, excerpt.id).following = True
    db.session.flush()
    data = payload(message)
    events.emit_after_commit("message", data, events.excerpt_room(excerpt.id))
    for person in people:
        if person.id != user.id:
            events.emit_after_commit(
                "mention",
                {
                    "type": "mention",
                    "excerpt_id": excerpt.id,
                    "message_id": message.id,
                    "seq": seq,
                    "by": data["author"],
                    "title": excerpt.title,
                },
                events.user_room(person.id),
            )
    return Posted(message, created=True)


def _by_client_id(excerpt_id: int, author_id: int, client_id: str) -> Message | None:
    return db.session.scalar(
        select(Message).where(
            Message.excerpt_id == excerpt_id,
            Message.author_id == author_id,
            Message.client_id == client_id,
        )
    )


def recover_duplicate(user: User, excerpt_id: int, client_id: str | None) -> Message | None:
    """After an IntegrityError on commit, return the message a concurrent resend stored."""
    if client_id is None:
        return None
    return _by_client_id(excerpt_id, user.id, client_id)


def messages_after(
    user: User, excerpt_id: int, after: int = 0, limit: int = PAGE_MAX
) -> tuple[list[Message], int]:
    """Return the thread's messages with seq > after (tombstones included) and the last seq."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    if not isinstance(after, int) or after < 0:
        raise Invalid("after must be a whole number ≥ 0.", {"after": "Invalid."})
    rows = list(
        db.session.scalars(
            select(Message)
            .where(Message.excerpt_id == excerpt.id, Message.seq > after)
            .options(selectinload(Message.author))
            .order_by(Message.seq)
            .limit(limit)
        )
    )
    counter = db.session.get(ThreadCounter, excerpt.id)
    return rows, counter.last_seq if counter else 0


def _own_message(user: User, message_id: int) -> tuple[Message, Role]:
    message = db.session.get(Message, message_id)
    if message is None:
        raise NotFound()
    _excerpt, role = excerpts.get_excerpt(user, message.excerpt_id)
    if message.deleted_at is not None:
        raise NotFound("This message was deleted.")
    return message, role


def edit_message(
    user: User,
    message_id: int,
    body: object,
    resolutions: list[deid.Resolution] | None = None,
    attest: bool = False,
) -> Message:
    """Change one's own message, keeping the earlier version in its history."""
    message, _role = _own_message(user, message_id)
    if message.author_id != user.id:
        raise Forbidden("Only its author can edit a message.")
    text = deid.check_short_texts(
        {"body": _check_body(body)}, resolutions, attest, mention_spans(message.excerpt.room_id)
    )["body"]
    if text == message.body:
        return message
    db.session.add(
        MessageEdit(message_id=message.id, body=message.body, body_html=message.body_html)
    )
    people = mentioned(text, message.excerpt.room_id)
    message.body, message.body_html = text, _render(text, people)
    message.edited_at = utcnow()
    db.session.flush()
    events.emit_after_commit(
        "message_edited", payload(message), events.excerpt_room(message.excerpt_id)
    )
    return message


def delete_message(user: User, message_id: int) -> Message:
    """Delete one's own message, or any message as a room owner (audited); a tombstone stays."""
    message, role = _own_message(user, message_id)
    if message.author_id != user.id and role is not Role.OWNER:
        raise Forbidden("Only its author or a room owner can delete a message.")
    message.deleted_at = utcnow()
    message.deleted_by_id = user.id
    message.body = ""
    message.body_html = ""
    for edit in list(message.edits):
        db.session.delete(edit)
    audit.record(
        "message.deleted",
        actor=user,
        room_id=message.excerpt.room_id,
        target_type="message",
        target_id=message.id,
        reason="own" if message.author_id == user.id else "moderation",
    )
    db.session.flush()
    events.emit_after_commit(
        "message_deleted", payload(message), events.excerpt_room(message.excerpt_id)
    )
    return message


def edit_history(user: User, message_id: int) -> list[MessageEdit]:
    """Return the earlier versions of a message, oldest first."""
    message, _role = _own_message(user, message_id)
    return list(message.edits)


def mark_read(user: User, excerpt_id: int, seq: int) -> ThreadState:
    """Record that the user has read the thread up to ``seq``."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    counter = db.session.get(ThreadCounter, excerpt.id)
    last = counter.last_seq if counter else 0
    state = _state(user.id, excerpt.id)
    state.last_read_seq = max(state.last_read_seq, min(seq, last))
    db.session.flush()
    return state


def thread_state(user: User, excerpt_id: int) -> ThreadState | None:
    """Return what the user has read of a thread and whether they follow it (None: never)."""
    return db.session.scalar(
        select(ThreadState).where(
            ThreadState.user_id == user.id, ThreadState.excerpt_id == excerpt_id
        )
    )


def set_following(user: User, excerpt_id: int, following: bool) -> ThreadState:
    """Follow or unfollow an excerpt's thread."""
    excerpt, _role = excerpts.get_excerpt(user, excerpt_id)
    state = _state(user.id, excerpt.id)
    state.following = following
    db.session.flush()
    return state


def unread_counts(user: User, excerpt_ids: list[int]) -> dict[int, int]:
    """Return unread message counts for the given excerpts (one query)."""
    if not excerpt_ids:
        return {}
    rows = db.session.execute(
        select(
            ThreadCounter.excerpt_id,
            ThreadCounter.last_seq - func.coalesce(ThreadState.last_read_seq, 0),
        )
        .outerjoin(
            ThreadState,
            (ThreadState.excerpt_id == ThreadCounter.excerpt_id) & (ThreadState.user_id == user.id),
        )
        .where(ThreadCounter.excerpt_id.in_(excerpt_ids))
    )
    return {excerpt_id: max(0, count) for excerpt_id, count in rows}


def whats_new(user: User, limit: int = 50) -> list[tuple[Excerpt, int]]:
    """Return followed threads in my rooms with unread messages, most recent activity first."""
    rooms = select(Membership.room_id).where(Membership.user_id == user.id)
    rows = db.session.execute(
        select(Excerpt, ThreadCounter.last_seq - ThreadState.last_read_seq)
        .join(ThreadCounter, ThreadCounter.excerpt_id == Excerpt.id)
        .join(
            ThreadState, (ThreadState.excerpt_id == Excerpt.id) & (ThreadState.user_id == user.id)
        )
        .where(
            Excerpt.room_id.in_(rooms),
            Excerpt.withdrawn_at.is_(None),
            ThreadState.following.is_(True),
            ThreadCounter.last_seq > ThreadState.last_read_seq,
        )
        .options(selectinload(Excerpt.room))
        .order_by(ThreadCounter.last_seq.desc())
        .limit(limit)
    )
    return [(excerpt, count) for excerpt, count in rows]
