"""The private journal, my insights and my data under /api/v1 (author only; others get 404)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import request
from flask_login import current_user, logout_user

from app.api import bp
from app.api.schemas_journal import (
    AccountDelete,
    EntryIn,
    EntryList,
    EntryOut,
    EntryPatch,
    EntryShare,
    Insights,
    SharedOut,
    TagIn,
    TagList,
    TagOut,
    TemplateIn,
    TemplateList,
    TemplateOut,
)
from app.api.serialize import dump
from app.api.spec import endpoint
from app.extensions import db
from app.markdown import render
from app.services import deid, insights, journal, mydata
from app.services.errors import Invalid
from app.services.pagination import parse_cursor, parse_limit

MINE = {404: "No such entry of mine"}


def entry_out(entry: journal.Entry) -> dict:
    row = entry.row
    return dump(
        EntryOut,
        id=row.id,
        body=entry.body,
        body_html=render(entry.body),
        tags=row.tag_slugs,
        intensity=row.intensity,
        excerpt_id=row.excerpt_id,
        case_id=row.case_id,
        created_at=row.created_at,
        edited_at=row.edited_at,
    )


def template_out(template) -> dict:
    return dump(TemplateOut, id=template.id, name=template.name, prompts=list(template.prompts))


def parse_since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid("since is a date (YYYY-MM-DD).", {"since": "Not a date."}) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@endpoint(
    bp,
    "/journal",
    "POST",
    summary="Write a private journal entry",
    body=EntryIn,
    response=EntryOut,
    status=201,
)
def create_journal_entry(body: EntryIn):
    entry = journal.create_entry(current_user, journal.EntryDraft(**body.model_dump()))
    db.session.commit()
    return entry_out(entry), 201


@endpoint(
    bp,
    "/journal",
    "GET",
    summary="My journal, newest first (search with ?q=, filter with ?tag=)",
    response=EntryList,
    query={
        "q": "Words that must all appear",
        "tag": "Only entries with this tag slug",
        "limit": "Page size (default 50, max 200)",
        "before": "Entries older than this entry id (the previous page's `next`)",
    },
)
def list_journal_entries():
    limit = parse_limit(request.args.get("limit"))
    before = parse_cursor("before", request.args.get("before"))
    found = journal.list_entries(
        current_user, tag=request.args.get("tag") or None, q=request.args.get("q")
    )
    found.sort(key=lambda e: e.id, reverse=True)
    if before is not None:
        found = [e for e in found if e.id < before]
    page = found[:limit]
    more = len(found) > limit
    return {"items": [entry_out(e) for e in page], "next": str(page[-1].id) if more else None}


@endpoint(bp, "/journal/<int:entry_id>", "GET", summary="One entry", response=EntryOut, errors=MINE)
def get_journal_entry(entry_id: int):
    return entry_out(journal.get_entry(current_user, entry_id))


@endpoint(
    bp,
    "/journal/<int:entry_id>",
    "PATCH",
    summary="Edit an entry (fields left out stay as they are)",
    body=EntryPatch,
    response=EntryOut,
    errors=MINE,
)
def update_journal_entry(entry_id: int, body: EntryPatch):
    current = journal.get_entry(current_user, entry_id)
    given = body.model_dump(exclude_unset=True)
    draft = journal.EntryDraft(
        body=given.get("body") if given.get("body") is not None else current.body,
        tags=given.get("tags") if given.get("tags") is not None else current.row.tag_slugs,
        intensity=given.get("intensity", current.row.intensity),
        excerpt_id=given.get("excerpt_id", current.row.excerpt_id),
        case_id=given.get("case_id", current.row.case_id),
    )
    entry = journal.update_entry(current_user, entry_id, draft)
    db.session.commit()
    return entry_out(entry)


@endpoint(
    bp, "/journal/<int:entry_id>", "DELETE", summary="Delete an entry", status=204, errors=MINE
)
def delete_journal_entry(entry_id: int):
    journal.delete_entry(current_user, entry_id)
    db.session.commit()
    return "", 204


@endpoint(
    bp,
    "/journal/<int:entry_id>/share",
    "POST",
    summary="Share a de-identified copy as a note in an excerpt's discussion (entry stays private)",
    body=EntryShare,
    response=SharedOut,
    status=201,
    errors={
        404: "No such entry, room or excerpt",
        422: "Findings to resolve or attestation missing (see `findings`; offsets refer to `text`)",
    },
)
def share_journal_entry(entry_id: int, body: EntryShare):
    resolutions = [
        deid.Resolution(start=r.start, end=r.end, action=r.action, field=r.field, type=r.type)
        for r in body.resolutions
    ]
    message = journal.share_entry(
        current_user, entry_id, body.room_id, body.excerpt_id, resolutions, body.attest
    )
    db.session.commit()
    return dump(
        SharedOut, message_id=message.id, excerpt_id=message.excerpt_id, seq=message.seq
    ), 201


@endpoint(bp, "/journal/templates", "GET", summary="My guided templates", response=TemplateList)
def list_journal_templates():
    items = [template_out(t) for t in journal.list_templates(current_user)]
    db.session.commit()  # the built-ins are copied on first use
    return {"items": items, "next": None}


@endpoint(
    bp,
    "/journal/templates",
    "POST",
    summary="Add a template",
    body=TemplateIn,
    response=TemplateOut,
    status=201,
)
def create_journal_template(body: TemplateIn):
    template = journal.create_template(current_user, body.name, body.prompts)
    db.session.commit()
    return template_out(template), 201


@endpoint(
    bp,
    "/journal/templates/<int:template_id>",
    "PUT",
    summary="Replace a template's name and prompts",
    body=TemplateIn,
    response=TemplateOut,
    errors={404: "No such template of mine"},
)
def update_journal_template(template_id: int, body: TemplateIn):
    template = journal.update_template(current_user, template_id, body.name, body.prompts)
    db.session.commit()
    return template_out(template)


@endpoint(
    bp,
    "/journal/templates/<int:template_id>",
    "DELETE",
    summary="Delete a template",
    status=204,
    errors={404: "No such template of mine"},
)
def delete_journal_template(template_id: int):
    journal.delete_template(current_user, template_id)
    db.session.commit()
    return "", 204


@endpoint(bp, "/journal/tags", "GET", summary="Tags I may use in my journal", response=TagList)
def list_journal_tags():
    own = {t.slug for t in journal.personal_tags(current_user)}
    items = [
        dump(TagOut, slug=slug, name=name, builtin=slug not in own)
        for slug, name in journal.tag_choices(current_user)
    ]
    return {"items": items, "next": None}


@endpoint(
    bp,
    "/journal/tags",
    "POST",
    summary="Add a tag of my own",
    body=TagIn,
    response=TagOut,
    status=201,
)
def create_journal_tag(body: TagIn):
    tag = journal.add_personal_tag(current_user, body.name)
    db.session.commit()
    return dump(TagOut, slug=tag.slug, name=tag.name, builtin=False), 201


@endpoint(
    bp,
    "/insights",
    "GET",
    summary="My own patterns: tags over time, intensity, talk share, recurring words",
    response=Insights,
    query={"since": "Only data from this date on (YYYY-MM-DD)"},
)
def get_insights():
    return dump(Insights, **insights.insights(current_user, parse_since(request.args.get("since"))))


@endpoint(bp, "/me/export", "GET", summary="Everything of mine, as one JSON document")
def export_me():
    data = mydata.export(current_user)
    db.session.commit()
    return data


@endpoint(
    bp,
    "/me",
    "DELETE",
    summary="Delete my account and my private data; keep or remove what I shared",
    body=AccountDelete,
    status=204,
    errors={409: "Last owner of a room with other members", 422: "Password not correct"},
)
def delete_me(body: AccountDelete):
    mydata.delete_account(
        current_user, body.password, keep_shared=body.keep_shared, ip=request.remote_addr
    )
    db.session.commit()
    logout_user()
    return "", 204
