"""Moments, the room taxonomy, annotations, supervision review and exports under /api/v1."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Response, request
from flask_login import current_user

from app.api import bp
from app.api.schemas import (
    AgreementOut,
    AnnotationCreate,
    AnnotationList,
    AnnotationOut,
    CodebookImportOut,
    MomentCreate,
    MomentList,
    MomentOut,
    ReviewOut,
    ReviewSettle,
    TagCreate,
    TagList,
    TagMerge,
    TagOut,
    TagUpdate,
)
from app.api.serialize import dump
from app.api.spec import BadRequest, UnsupportedMedia, endpoint
from app.api.views_excerpts import excerpt_summary, resolutions_from
from app.api.views_rooms import PAGE_QUERY
from app.extensions import db
from app.models import Annotation, Excerpt, Moment, Tag, User
from app.services import annotations, excerpts, exports, moments, reviews, spans, tags
from app.services.errors import Invalid
from app.services.pagination import parse_cursor, parse_limit

ROOM_ERRORS = {403: "Your role does not allow this", 404: "No such room (or not a member)"}
EXCERPT_ERRORS = {
    403: "Your role does not allow this",
    404: "No such excerpt (or not a member)",
    410: "Withdrawn",
}


def person(user: User | None) -> dict:
    return (
        {"id": user.id, "name": user.display_name}
        if user
        else {"id": None, "name": "Former member"}
    )


def moment_out(moment: Moment) -> dict:
    span = spans.Span(moment.line, moment.start, moment.end_line, moment.end)
    return dump(
        MomentOut,
        id=moment.id,
        excerpt_id=moment.excerpt_id,
        line=moment.line,
        start=moment.start,
        end_line=moment.end_line,
        end=moment.end,
        quote=spans.quote(moment.excerpt, span),
        tag={
            "id": moment.tag.id,
            "slug": moment.tag.slug,
            "name": moment.tag.name,
            "colour": moment.tag.colour,
        },
        intensity=moment.intensity,
        note=moment.note,
        almost_said=moment.almost_said,
        instead=moment.instead,
        author=person(moment.author),
        created_at=moment.created_at,
    )


def tag_out(tag: Tag, parents: dict[int, str], counts: dict[int, int]) -> dict:
    return dump(
        TagOut,
        id=tag.id,
        slug=tag.slug,
        name=tag.name,
        parent=parents.get(tag.parent_id),
        colour=tag.colour,
        definition=tag.definition,
        example=tag.example,
        builtin=tag.builtin,
        active=tag.active,
        count=counts.get(tag.id, 0),
    )


def annotation_out(annotation: Annotation) -> dict:
    span = spans.Span(annotation.line, annotation.start, annotation.end_line, annotation.end)
    return dump(
        AnnotationOut,
        id=annotation.id,
        excerpt_id=annotation.excerpt_id,
        line=annotation.line,
        start=annotation.start,
        end_line=annotation.end_line,
        end=annotation.end,
        quote=spans.quote(annotation.excerpt, span),
        body=annotation.body,
        body_html=annotation.body_html,
        visibility=annotation.visibility,
        author=person(annotation.author),
        created_at=annotation.created_at,
    )


def review_out(excerpt: Excerpt) -> dict:
    return dump(
        ReviewOut,
        excerpt_id=excerpt.id,
        status=excerpt.review_status,
        note=excerpt.review_note,
        requested_at=excerpt.review_requested_at,
        reviewed_at=excerpt.reviewed_at,
        reviewed_by=person(excerpt.reviewed_by) if excerpt.reviewed_by else None,
    )


def _date(name: str) -> datetime | None:
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise Invalid(f"{name} must be an ISO 8601 date.", {name: "Not a date."}) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/moments",
    "POST",
    summary="Tag a countertransference moment on a span",
    body=MomentCreate,
    response=MomentOut,
    status=201,
    errors={**EXCERPT_ERRORS, 422: "Bad span, unknown or retired tag, or findings"},
)
def create_moment(excerpt_id: int, body: MomentCreate):
    moment = moments.add_moment(
        current_user,
        excerpt_id,
        moments.MomentDraft(
            line=body.line,
            start=body.start,
            end=body.end,
            end_line=body.end_line,
            tag=body.tag,
            intensity=body.intensity,
            note=body.note,
            almost_said=body.almost_said,
            instead=body.instead,
            resolutions=resolutions_from(body.resolutions),
            attest=body.attest,
        ),
    )
    db.session.commit()
    return moment_out(moment), 201


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/moments",
    "GET",
    summary="An excerpt's moments",
    response=MomentList,
    errors=EXCERPT_ERRORS,
)
def list_excerpt_moments(excerpt_id: int):
    return {
        "items": [moment_out(m) for m in moments.excerpt_moments(current_user, excerpt_id)],
        "next": None,
    }


@endpoint(
    bp,
    "/moments/<int:moment_id>",
    "DELETE",
    summary="Delete my moment",
    status=204,
    errors={403: "Not yours", 404: "No such moment"},
)
def delete_moment(moment_id: int):
    moments.delete_moment(current_user, moment_id)
    db.session.commit()
    return "", 204


@endpoint(
    bp,
    "/rooms/<int:room_id>/moments",
    "GET",
    summary="The room's moments, filtered by tag (with its children), author, case, date",
    response=MomentList,
    query={
        **PAGE_QUERY,
        "tag": "Tag slug",
        "author": "User id",
        "case": "Case id",
        "since": "ISO date",
        "until": "ISO date",
    },
    errors=ROOM_ERRORS,
)
def list_room_moments(room_id: int):
    page = moments.room_moments(
        current_user,
        room_id,
        tag=request.args.get("tag") or None,
        author_id=parse_cursor("author", request.args.get("author")),
        case_id=parse_cursor("case", request.args.get("case")),
        since=_date("since"),
        until=_date("until"),
        limit=parse_limit(request.args.get("limit")),
        before=parse_cursor("before", request.args.get("before")),
    )
    return {"items": [moment_out(m) for m in page.items], "next": page.next}


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/agreement",
    "GET",
    summary="Where the members who tagged this excerpt agree",
    response=AgreementOut,
    errors=EXCERPT_ERRORS,
)
def agreement(excerpt_id: int):
    report = moments.excerpt_agreement(current_user, excerpt_id)
    people = {u.id: u for u in db.session.query(User).filter(User.id.in_(report.raters))}
    return dump(
        AgreementOut,
        raters=[person(people.get(r)) for r in report.raters],
        per_line=[
            {
                "line": row.line,
                "agree": row.agree,
                "tags_by_rater": {str(k): v for k, v in row.tags_by_rater.items()},
            }
            for row in report.per_line
        ],
        alpha=report.alpha,
        kappa=report.kappa,
        observed=report.observed,
        units=report.units,
    )


@endpoint(
    bp,
    "/rooms/<int:room_id>/tags",
    "GET",
    summary="The room's taxonomy with counts",
    response=TagList,
    query={"all": "1 to include retired and merged tags"},
    errors=ROOM_ERRORS,
)
def list_tags(room_id: int):
    everything = tags.room_tags(current_user, room_id, include_inactive=True)
    parents = {t.id: t.slug for t in everything}
    items = everything if request.args.get("all") == "1" else [t for t in everything if t.active]
    counts = tags.tag_counts(room_id)
    return {"items": [tag_out(t, parents, counts) for t in items], "next": None}


def _tag_reply(room_id: int, tag: Tag, status: int = 200):
    parents = {t.id: t.slug for t in tags.room_tags(current_user, room_id, include_inactive=True)}
    return tag_out(tag, parents, tags.tag_counts(room_id)), status


@endpoint(
    bp,
    "/rooms/<int:room_id>/tags",
    "POST",
    summary="Add a tag (owners, supervisors)",
    body=TagCreate,
    response=TagOut,
    status=201,
    errors={**ROOM_ERRORS, 409: "Slug taken"},
)
def create_tag(room_id: int, body: TagCreate):
    tag = tags.add_tag(
        current_user,
        room_id,
        body.name,
        parent=body.parent,
        colour=body.colour,
        definition=body.definition,
        example=body.example,
        slug=body.slug,
    )
    db.session.commit()
    return _tag_reply(room_id, tag, 201)


@endpoint(
    bp,
    "/rooms/<int:room_id>/tags/<slug>",
    "PATCH",
    summary="Rename a tag or change it (owners, supervisors)",
    body=TagUpdate,
    response=TagOut,
    errors=ROOM_ERRORS,
)
def update_tag(room_id: int, slug: str, body: TagUpdate):
    tag = tags.update_tag(
        current_user,
        room_id,
        slug,
        name=body.name,
        colour=body.colour,
        definition=body.definition,
        example=body.example,
        parent=body.parent,
    )
    db.session.commit()
    return _tag_reply(room_id, tag)


@endpoint(
    bp,
    "/rooms/<int:room_id>/tags/<slug>/merge",
    "POST",
    summary="Merge a tag into another; its moments move",
    body=TagMerge,
    response=TagOut,
    errors=ROOM_ERRORS,
)
def merge_tag(room_id: int, slug: str, body: TagMerge):
    target = tags.merge_tags(current_user, room_id, slug, body.into)
    db.session.commit()
    return _tag_reply(room_id, target)


@endpoint(
    bp,
    "/rooms/<int:room_id>/tags/<slug>/retire",
    "POST",
    summary="Retire a tag: no new moments use it",
    response=TagOut,
    errors=ROOM_ERRORS,
)
def retire_tag(room_id: int, slug: str):
    tag = tags.retire_tag(current_user, room_id, slug)
    db.session.commit()
    return _tag_reply(room_id, tag)


@endpoint(
    bp,
    "/rooms/<int:room_id>/codebook",
    "GET",
    summary="The room's taxonomy as a codebook JSON document",
    errors=ROOM_ERRORS,
)
def export_codebook(room_id: int):
    return tags.export_codebook(current_user, room_id)


@endpoint(
    bp,
    "/rooms/<int:room_id>/codebook",
    "POST",
    summary="Import a codebook: new tags are added, existing slugs updated",
    response=CodebookImportOut,
    request_media="application/json",
    errors=ROOM_ERRORS,
)
def import_codebook(room_id: int):
    if not request.is_json:
        raise UnsupportedMedia("Send the codebook as JSON.")
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise BadRequest("The body must be a codebook JSON object.")
    added, updated = tags.import_codebook(current_user, room_id, data)
    db.session.commit()
    return {"added": added, "updated": updated}


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/annotations",
    "POST",
    summary="A supervisor's anchored comment, for the room or only the author",
    body=AnnotationCreate,
    response=AnnotationOut,
    status=201,
    errors=EXCERPT_ERRORS,
)
def create_annotation(excerpt_id: int, body: AnnotationCreate):
    annotation = annotations.add_annotation(
        current_user,
        excerpt_id,
        line=body.line,
        start=body.start,
        end=body.end,
        end_line=body.end_line,
        body=body.body,
        visibility=body.visibility,
        resolutions=resolutions_from(body.resolutions),
        attest=body.attest,
    )
    db.session.commit()
    return annotation_out(annotation), 201


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/annotations",
    "GET",
    summary="The annotations of an excerpt that I may read",
    response=AnnotationList,
    errors=EXCERPT_ERRORS,
)
def list_annotations(excerpt_id: int):
    items = annotations.excerpt_annotations(current_user, excerpt_id)
    return {"items": [annotation_out(a) for a in items], "next": None}


@endpoint(
    bp,
    "/annotations/<int:annotation_id>",
    "DELETE",
    summary="Delete my annotation",
    status=204,
    errors={403: "Not yours", 404: "No such annotation"},
)
def delete_annotation(annotation_id: int):
    annotations.delete_annotation(current_user, annotation_id)
    db.session.commit()
    return "", 204


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/review",
    "POST",
    summary="Ask the room's supervisors to review my excerpt",
    response=ReviewOut,
    errors={**EXCERPT_ERRORS, 409: "Already requested"},
)
def request_review(excerpt_id: int):
    excerpt = reviews.request_review(current_user, excerpt_id)
    db.session.commit()
    return review_out(excerpt)


@endpoint(
    bp,
    "/excerpts/<int:excerpt_id>/review",
    "PUT",
    summary="Mark reviewed, or ask for a revision with a note (supervisors, owners)",
    body=ReviewSettle,
    response=ReviewOut,
    errors={**EXCERPT_ERRORS, 409: "No review requested"},
)
def settle_review(excerpt_id: int, body: ReviewSettle):
    excerpt = reviews.settle_review(
        current_user,
        excerpt_id,
        body.status,
        body.note,
        resolutions_from(body.resolutions),
        body.attest,
    )
    db.session.commit()
    return review_out(excerpt)


@endpoint(
    bp,
    "/reviews/waiting",
    "GET",
    summary="Excerpts waiting for my review across my rooms",
    response=None,
)
def waiting_reviews():
    items = reviews.waiting_for(current_user)
    counts = excerpts.line_counts([e.id for e in items])
    return {"items": [excerpt_summary(e, counts.get(e.id, 0)) for e in items], "next": None}


@endpoint(
    bp,
    "/rooms/<int:room_id>/export",
    "GET",
    summary="The room's excerpts, moments and annotations I may read (json, md, csv)",
    query={"format": "json (default), md or csv"},
    errors=ROOM_ERRORS,
)
def export_room(room_id: int):
    fmt = request.args.get("format", "json")
    if fmt not in exports.FORMATS:
        raise Invalid("format is json, md or csv.", {"format": "Unknown format."})
    result = exports.export_room(current_user, room_id, fmt, ip=request.remote_addr)
    db.session.commit()
    if fmt == "json":
        return result
    mimetype = "text/markdown" if fmt == "md" else "text/csv"
    filename = f"room-{room_id}.{fmt}"
    return Response(
        result,
        mimetype=mimetype + "; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
