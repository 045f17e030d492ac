"""An excerpt's live thread over plain HTTP (the same services as the Socket.IO events)."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from app.api import bp
from app.api.schemas import (
    MessageCreate,
    MessageEditList,
    MessageList,
    MessageOut,
    MessageUpdate,
    ReadIn,
    ThreadStateOut,
    WhatsNew,
)
from app.api.serialize import dump
from app.api.spec import endpoint
from app.api.views_excerpts import resolutions_from
from app.extensions import db
from app.services import threads
from app.services.pagination import parse_cursor, parse_limit

EXCERPT_ERRORS = {404: "No such excerpt (or not a member)", 410: "Withdrawn"}


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/messages",
    "GET",
    summary="Messages in order of seq (after=SEQ for catch-up)",
    response=MessageList,
    query={"after": "Only messages with a larger seq", "limit": "1-200, default 50"},
    errors=EXCERPT_ERRORS,
)
def list_messages(excerpt_id: int):
    limit = parse_limit(request.args.get("limit"))
    after = parse_cursor("after", request.args.get("after")) or 0
    messages, last_seq = threads.messages_after(current_user, excerpt_id, after, limit + 1)
    more = len(messages) > limit
    messages = messages[:limit]
    return {
        "items": [threads.payload(m) for m in messages],
        "next": str(messages[-1].seq) if more else None,
        "last_seq": last_seq,
    }


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/messages",
    "POST",
    summary="Post (and broadcast) a markdown message; a repeated client_id is stored once",
    body=MessageCreate,
    response=MessageOut,
    status=201,
    errors={**EXCERPT_ERRORS, 422: "Empty, too long, or possible identifiers (findings)"},
)
def post_message(excerpt_id: int, body: MessageCreate):
    posted = threads.post_message(
        current_user,
        excerpt_id,
        body.body,
        moment_id=body.moment_id,
        client_id=body.client_id,
        resolutions=resolutions_from(body.resolutions),
        attest=body.attest,
    )
    db.session.commit()
    return dump(MessageOut, **threads.payload(posted.message)), 201 if posted.created else 200


@endpoint(
    bp,
    "/messages/<int:message_id>",
    "PATCH",
    summary="Edit my message (history kept)",
    body=MessageUpdate,
    response=MessageOut,
    errors={403: "Not yours", 404: "No such message"},
)
def edit_message(message_id: int, body: MessageUpdate):
    message = threads.edit_message(
        current_user, message_id, body.body, resolutions_from(body.resolutions), body.attest
    )
    db.session.commit()
    return dump(MessageOut, **threads.payload(message))


@endpoint(
    bp,
    "/messages/<int:message_id>",
    "DELETE",
    summary="Delete my message (room owners: any message; audited)",
    status=204,
    errors={403: "Not allowed", 404: "No such message"},
)
def delete_message(message_id: int):
    threads.delete_message(current_user, message_id)
    db.session.commit()
    return "", 204


@endpoint(
    bp,
    "/messages/<int:message_id>/edits",
    "GET",
    summary="Earlier versions of an edited message",
    response=MessageEditList,
    errors={404: "No such message"},
)
def message_edits(message_id: int):
    items = [
        {"body": e.body, "body_html": e.body_html, "replaced_at": e.replaced_at}
        for e in threads.edit_history(current_user, message_id)
    ]
    return dump(MessageEditList, items=items)


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/read",
    "POST",
    summary="Mark the thread read up to seq",
    body=ReadIn,
    response=ThreadStateOut,
    errors=EXCERPT_ERRORS,
)
def mark_read(excerpt_id: int, body: ReadIn):
    state = threads.mark_read(current_user, excerpt_id, body.seq)
    db.session.commit()
    return state_out(excerpt_id, state)


def state_out(excerpt_id: int, state) -> dict:
    return dump(
        ThreadStateOut,
        excerpt_id=excerpt_id,
        last_read_seq=state.last_read_seq,
        following=state.following,
    )


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/follow",
    "PUT",
    summary="Follow the thread",
    response=ThreadStateOut,
    errors=EXCERPT_ERRORS,
)
def follow(excerpt_id: int):
    state = threads.set_following(current_user, excerpt_id, True)
    db.session.commit()
    return state_out(excerpt_id, state)


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/follow",
    "DELETE",
    summary="Unfollow the thread",
    response=ThreadStateOut,
    errors=EXCERPT_ERRORS,
)
def unfollow(excerpt_id: int):
    state = threads.set_following(current_user, excerpt_id, False)
    db.session.commit()
    return state_out(excerpt_id, state)


@endpoint(
    bp,
    "/me/new",
    "GET",
    summary="What's new: followed threads with unread messages",
    response=WhatsNew,
)
def whats_new():
    items = [
        {
            "excerpt_id": e.id,
            "title": e.title,
            "room_id": e.room_id,
            "room_name": e.room.name,
            "unread": count,
        }
        for e, count in threads.whats_new(current_user)
    ]
    return dump(WhatsNew, items=items)
