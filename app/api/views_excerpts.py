"""The de-identification gate, cases and excerpts under /api/v1."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from app.api import bp
from app.api.schemas import (
    CaseCreate,
    CaseList,
    CaseOut,
    ExcerptCreate,
    ExcerptList,
    ExcerptOut,
    ExcerptSummary,
    PreviewIn,
    PreviewOut,
    ScanIn,
    ScanOut,
)
from app.api.serialize import dump
from app.api.spec import endpoint
from app.api.views_rooms import PAGE_QUERY
from app.extensions import db
from app.models import Excerpt
from app.services import deid, excerpts, transcript
from app.services.pagination import parse_cursor, parse_limit

GATE_ERRORS = {
    403: "Your role does not allow this",
    404: "No such room (or not a member)",
    422: "Findings to resolve, attestation missing, or invalid fields (see `findings`)",
}


def resolutions_from(items) -> list[deid.Resolution]:
    return [
        deid.Resolution(start=r.start, end=r.end, action=r.action, field=r.field, type=r.type)
        for r in items
    ]


def author_of(excerpt: Excerpt) -> dict:
    if excerpt.author is None:
        return {"id": None, "name": "Former member"}
    return {"id": excerpt.author.id, "name": excerpt.author.display_name}


def case_of(excerpt: Excerpt) -> dict | None:
    return {"id": excerpt.case.id, "pseudonym": excerpt.case.pseudonym} if excerpt.case else None


def excerpt_summary(excerpt: Excerpt, line_count: int) -> dict:
    return dump(
        ExcerptSummary,
        id=excerpt.id,
        room_id=excerpt.room_id,
        title=excerpt.title,
        case=case_of(excerpt),
        author=author_of(excerpt),
        created_at=excerpt.created_at,
        line_count=line_count,
        revises_id=excerpt.revises_id,
    )


def excerpt_out(excerpt: Excerpt) -> dict:
    newer = excerpts.newer_version(excerpt)
    return dump(
        ExcerptOut,
        **excerpt_summary(excerpt, len(excerpt.lines)),
        context=excerpt.context,
        context_html=excerpt.context_html,
        lines=[
            {
                "n": line.n,
                "speaker": line.speaker,
                "text": line.text,
                "start": line.start,
                "end": line.end,
            }
            for line in excerpt.lines
        ],
        withdrawn=excerpt.withdrawn_at is not None,
        revised_by_id=newer.id if newer else None,
        deid=excerpt.deid_record,
    )


def draft_from(body: ExcerptCreate) -> excerpts.ExcerptDraft:
    return excerpts.ExcerptDraft(
        title=body.title,
        text=body.text,
        context=body.context,
        case=body.case,
        resolutions=resolutions_from(body.resolutions),
        attest=body.attest,
        speakers=body.speakers,
    )


@endpoint(
    bp,
    "/deid/scan",
    "POST",
    summary="Find possible identifiers in a text",
    body=ScanIn,
    response=ScanOut,
)
def scan(body: ScanIn):
    findings = deid.scan_fields({"text": body.text})
    return dump(ScanOut, findings=[f.as_dict() for f in findings])


@endpoint(
    bp,
    "/deid/preview",
    "POST",
    summary="The text as it would be stored with these resolutions (nothing is stored)",
    body=PreviewIn,
    response=PreviewOut,
)
def preview(body: PreviewIn):
    fields = {"title": body.title, "text": body.text, "context": body.context}
    clean = deid.preview(fields, resolutions_from(body.resolutions))
    lines = [
        {"n": i, "speaker": line.speaker, "text": line.text, "start": line.start, "end": line.end}
        for i, line in enumerate(transcript.parse(clean["text"]), start=1)
    ]
    return dump(PreviewOut, **clean, lines=lines)


@endpoint(
    bp,
    "/rooms/<int:room_id>/excerpts",
    "POST",
    summary="Post an excerpt through the de-identification gate",
    body=ExcerptCreate,
    response=ExcerptOut,
    status=201,
    errors=GATE_ERRORS,
)
def create_excerpt(room_id: int, body: ExcerptCreate):
    excerpt = excerpts.post_excerpt(current_user, room_id, draft_from(body))
    db.session.commit()
    return excerpt_out(excerpt), 201


@endpoint(
    bp,
    "/rooms/<int:room_id>/excerpts",
    "GET",
    summary="The room's excerpts, newest first",
    response=ExcerptList,
    query={**PAGE_QUERY, "case": "Only this case id", "author": "Only this author id"},
    errors={404: "No such room (or not a member)"},
)
def list_excerpts(room_id: int):
    page = excerpts.list_excerpts(
        current_user,
        room_id,
        case_id=parse_cursor("case", request.args.get("case")),
        author_id=parse_cursor("author", request.args.get("author")),
        limit=parse_limit(request.args.get("limit")),
        before=parse_cursor("before", request.args.get("before")),
    )
    counts = excerpts.line_counts([e.id for e in page.items])
    return {
        "items": [excerpt_summary(e, counts.get(e.id, 0)) for e in page.items],
        "next": page.next,
    }


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>",
    "GET",
    summary="One excerpt with its lines",
    response=ExcerptOut,
    errors={404: "No such excerpt (or not a member)", 410: "Withdrawn"},
)
def get_excerpt(excerpt_id: int):
    excerpt, _role = excerpts.get_excerpt(current_user, excerpt_id)
    return excerpt_out(excerpt)


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/withdraw",
    "POST",
    summary="Withdraw my excerpt (hidden from everyone; audited)",
    status=204,
    errors={403: "Not the author", 404: "No such excerpt (or not a member)"},
)
def withdraw_excerpt(excerpt_id: int):
    excerpts.withdraw(current_user, excerpt_id, ip=request.remote_addr)
    db.session.commit()
    return "", 204


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/revisions",
    "POST",
    summary="Post a revised version linked to this excerpt",
    body=ExcerptCreate,
    response=ExcerptOut,
    status=201,
    errors={**GATE_ERRORS, 403: "Not the author", 410: "Withdrawn"},
)
def revise_excerpt(excerpt_id: int, body: ExcerptCreate):
    excerpt = excerpts.revise(current_user, excerpt_id, draft_from(body))
    db.session.commit()
    return excerpt_out(excerpt), 201


def case_out(case) -> dict:
    return dump(
        CaseOut,
        id=case.id,
        pseudonym=case.pseudonym,
        concerns=case.concerns,
        created_at=case.created_at,
    )


@endpoint(
    bp,
    "/rooms/<int:room_id>/cases",
    "GET",
    summary="The room's case pseudonyms",
    response=CaseList,
    errors={404: "No such room (or not a member)"},
)
def list_cases(room_id: int):
    return {
        "items": [case_out(c) for c in excerpts.list_cases(current_user, room_id)],
        "next": None,
    }


@endpoint(
    bp,
    "/rooms/<int:room_id>/cases",
    "POST",
    summary="Add a case pseudonym (presenting concerns pass the gate)",
    body=CaseCreate,
    response=CaseOut,
    status=201,
    errors=GATE_ERRORS,
)
def create_case(room_id: int, body: CaseCreate):
    case = excerpts.create_case(
        current_user,
        room_id,
        body.pseudonym,
        body.concerns,
        resolutions_from(body.resolutions),
        body.attest,
    )
    db.session.commit()
    return case_out(case), 201
