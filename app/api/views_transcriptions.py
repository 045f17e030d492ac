"""Transcriptions under /api/v1: upload a clip, follow the job, edit, share, export, delete."""

from __future__ import annotations

from flask import current_app, request, url_for
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from app.api import bp
from app.api.schemas_transcription import (
    TranscriptionEdit,
    TranscriptionList,
    TranscriptionOut,
    TranscriptionQueued,
    TranscriptionShare,
    TranscriptionSummary,
)
from app.api.serialize import dump
from app.api.spec import endpoint
from app.api.views_excerpts import GATE_ERRORS, excerpt_out, resolutions_from
from app.api.views_rooms import PAGE_QUERY
from app.extensions import db
from app.models import Transcription
from app.services import transcriptions
from app.services.errors import Invalid, TooLarge, UnsupportedMedia
from app.services.pagination import parse_cursor, parse_limit

MB = 1024 * 1024
# Room for the multipart envelope and the small form fields around the file.
ENVELOPE = 64 * 1024
OWNER_ONLY = {404: "No such transcription (or not yours)", 410: "The draft expired"}
TRUE, FALSE = {"1", "true", "yes", "on"}, {"", "0", "false", "no", "off"}
# Drafts are private and may hold identifiers: no cache keeps a copy.
NO_STORE = {"Cache-Control": "no-store"}


def summary(transcription: Transcription) -> dict:
    return dump(TranscriptionSummary, **_summary_fields(transcription))


def _summary_fields(transcription: Transcription) -> dict:
    return {
        "id": transcription.id,
        "status": transcription.status,
        "progress": transcription.progress,
        "position": transcriptions.queue_position(transcription),
        "duration": transcription.duration,
        "language": transcription.language or transcription.requested_language,
        "model": transcription.model,
        "error": transcription.error,
        "attempts": transcription.attempts,
        "keep_audio": transcription.keep_audio,
        "created_at": transcription.created_at,
        "expires_at": transcription.expires_at,
    }


def transcription_out(transcription: Transcription) -> dict:
    segments = transcription.segments or []
    return dump(
        TranscriptionOut,
        **_summary_fields(transcription),
        segments=segments,
        text=transcriptions.text_of(segments),
        talk_time=transcriptions.talk_time(segments),
        started_at=transcription.started_at,
        finished_at=transcription.finished_at,
        load_seconds=transcription.load_seconds,
        transcribe_seconds=transcription.transcribe_seconds,
    )


def _flag(name: str) -> bool:
    value = request.form.get(name, "").strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise Invalid(f"{name} must be true or false.", {name: "Not a boolean."})


@endpoint(
    bp,
    "/transcriptions",
    "POST",
    summary="Upload a clip (multipart `file`, `language?`, `keep_audio?`) to transcribe",
    response=TranscriptionQueued,
    status=202,
    request_media="multipart/form-data",
    errors={
        413: "Larger than UPLOAD_MAX_MB",
        415: "Not multipart, or not an audio file",
        422: "Empty, damaged, truncated or too long (AUDIO_MAX_SECONDS)",
    },
)
def create_transcription():
    limit = current_app.config["UPLOAD_MAX_MB"] * MB
    # Only this route accepts large bodies; everything else keeps MAX_REQUEST_MB.
    request.max_content_length = limit + ENVELOPE
    if request.mimetype != "multipart/form-data":
        raise UnsupportedMedia("Send the clip as multipart/form-data with a `file` field.")
    too_large = TooLarge(
        f"The clip is larger than {current_app.config['UPLOAD_MAX_MB']} MB; upload a shorter "
        "part or a compressed format (MP3, M4A, Opus)."
    )
    if request.content_length is not None and request.content_length > limit + ENVELOPE:
        raise too_large
    try:
        upload = request.files.get("file")
        language = request.form.get("language")
        keep_audio = _flag("keep_audio")
    except RequestEntityTooLarge:
        raise too_large from None
    if upload is None:
        raise Invalid("Attach the clip as the `file` field.", {"file": "Missing."})
    try:
        transcription = transcriptions.create_from_upload(
            current_user, upload.stream, language=language, keep_audio=keep_audio
        )
    except RequestEntityTooLarge:
        raise too_large from None
    finally:
        upload.close()
    db.session.commit()
    body = dump(
        TranscriptionQueued,
        id=transcription.id,
        status=transcription.status,
        position=transcriptions.queue_position(transcription),
    )
    location = url_for("api.get_transcription", transcription_id=transcription.id)
    return body, 202, {"Location": location}


@endpoint(
    bp,
    "/transcriptions",
    "GET",
    summary="My transcriptions, newest first",
    response=TranscriptionList,
    query={"limit": PAGE_QUERY["limit"], "before": PAGE_QUERY["before"]},
)
def list_transcriptions():
    page = transcriptions.list_mine(
        current_user,
        limit=parse_limit(request.args.get("limit")),
        before=parse_cursor("before", request.args.get("before")),
    )
    return {"items": [summary(t) for t in page.items], "next": page.next}


@endpoint(
    bp,
    "/transcriptions/<int:transcription_id>",
    "GET",
    summary="One transcription: status, progress, queue position, segments (owner only)",
    response=TranscriptionOut,
    errors=OWNER_ONLY,
)
def get_transcription(transcription_id: int):
    return transcription_out(transcriptions.get(current_user, transcription_id)), 200, NO_STORE


@endpoint(
    bp,
    "/transcriptions/<int:transcription_id>",
    "PATCH",
    summary="Edit the draft: send the whole new segment list (speakers, text, merges, splits)",
    body=TranscriptionEdit,
    response=TranscriptionOut,
    errors={**OWNER_ONLY, 409: "Not done yet"},
)
def edit_transcription(transcription_id: int, body: TranscriptionEdit):
    transcription = transcriptions.edit(
        current_user, transcription_id, [s.model_dump() for s in body.segments]
    )
    db.session.commit()
    return transcription_out(transcription), 200, NO_STORE


@endpoint(
    bp,
    "/transcriptions/<int:transcription_id>/share",
    "POST",
    summary="Share the draft to a room as an excerpt, through the de-identification gate",
    body=TranscriptionShare,
    status=201,
    errors={
        **GATE_ERRORS,
        **OWNER_ONLY,
        409: "Not done yet",
        422: "Findings to resolve (offsets refer to the problem's `text`), or invalid fields",
    },
)
def share_transcription(transcription_id: int, body: TranscriptionShare):
    excerpt = transcriptions.share(
        current_user,
        transcription_id,
        body.room_id,
        title=body.title,
        context=body.context,
        case=body.case,
        resolutions=resolutions_from(body.resolutions),
        attest=body.attest,
    )
    db.session.commit()
    return excerpt_out(excerpt), 201


@endpoint(
    bp,
    "/transcriptions/<int:transcription_id>",
    "DELETE",
    summary="Delete the draft and any audio left",
    status=204,
    errors={404: OWNER_ONLY[404]},
)
def delete_transcription(transcription_id: int):
    transcriptions.delete_draft(current_user, transcription_id, ip=request.remote_addr)
    db.session.commit()
    return "", 204


@endpoint(
    bp,
    "/transcriptions/<int:transcription_id>/export",
    "GET",
    summary="Download the draft as SRT, WebVTT or JSON",
    query={"format": "srt, vtt or json (default json)"},
    errors={**OWNER_ONLY, 409: "Not done yet", 422: "Unknown format"},
)
def export_transcription(transcription_id: int):
    export = transcriptions.export(
        current_user, transcription_id, request.args.get("format", "json")
    )
    db.session.commit()  # the audit event
    response = current_app.response_class(export.body, mimetype=export.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response.headers.update(NO_STORE)
    return response
