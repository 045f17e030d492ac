"""Transcription pages: upload a clip, follow the job, edit the draft, share it through the gate.

The pages only translate: every rule (ownership, sizes, the gate) lives in
``app/services/transcriptions.py``. The upload and the editor are plain forms that
``static/js/upload.js`` and ``static/js/draft.js`` turn into XHR/fetch calls to the API.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.datastructures import CombinedMultiDict, MultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms.fields.choices import SelectChoice

from app.extensions import csrf, db
from app.models.transcription import Status
from app.services import access, deid, rooms, transcriptions
from app.services.errors import Invalid, ServiceError
from app.web.auth.forms import ConfirmForm
from app.web.converters import use_id_converter
from app.web.excerpts import review
from app.web.excerpts.forms import ReviewForm
from app.web.transcriptions.forms import SegmentsForm, ShareForm, UploadForm

bp = Blueprint("transcriptions", __name__)
use_id_converter(bp)

MB = 1024 * 1024
ENVELOPE = 64 * 1024  # the multipart envelope and the small fields around the file
SPEAKERS = [("", "—"), ("T", "T"), ("C", "C"), ("Other", "Other")]
# Drafts hold unreviewed text: no cache keeps a copy of these pages.
NO_STORE = {"Cache-Control": "no-store"}


@bp.context_processor
def helpers() -> dict:
    return {"clip_time": clip_time, "clip_length": clip_length}


def clip_time(seconds: float | None) -> str:
    """``MM:SS.s`` (``H:MM:SS.s`` past an hour) for a position in the clip."""
    tenths = round((seconds or 0.0) * 10)
    hours, tenths = divmod(tenths, 36000)
    minutes, tenths = divmod(tenths, 600)
    text = f"{minutes:02d}:{tenths // 10:02d}.{tenths % 10}"
    return f"{hours}:{text}" if hours else text


def clip_length(seconds: float | None) -> str:
    """``M:SS`` for a clip's duration."""
    if seconds is None:
        return "—"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _render_index(form: UploadForm, message: str | None = None, status: int = 200):
    page = transcriptions.list_mine(current_user, limit=200)
    return (
        render_template(
            "transcriptions/index.html",
            page=page,
            form=form,
            message=message,
            max_mb=current_app.config["UPLOAD_MAX_MB"],
            max_minutes=current_app.config["AUDIO_MAX_SECONDS"] // 60,
            positions={t.id: transcriptions.queue_position(t) for t in page.items},
        ),
        status,
        NO_STORE,
    )


@bp.get("/transcriptions")
@login_required
def index():
    return _render_index(UploadForm(formdata=None))


@bp.post("/transcriptions")
@csrf.exempt  # the form checks its own token after the upload limit is raised
@login_required
def upload():
    """The plain upload form (without JavaScript); the page's script posts to the API."""
    limit = current_app.config["UPLOAD_MAX_MB"] * MB
    # Only uploads accept large bodies; every other page keeps MAX_REQUEST_MB.
    request.max_content_length = limit + ENVELOPE
    too_large = (
        f"The clip is larger than {current_app.config['UPLOAD_MAX_MB']} MB; upload a shorter "
        "part or a compressed format (MP3, M4A, Opus)."
    )
    if request.content_length is not None and request.content_length > limit + ENVELOPE:
        # Refuse before parsing: nothing of the body is spooled to disk.
        return _render_index(UploadForm(formdata=None), too_large, 413)
    try:
        form = UploadForm()
        valid = form.validate_on_submit()
    except RequestEntityTooLarge:
        return _render_index(UploadForm(formdata=None), too_large, 413)
    if not valid:
        return _render_index(form, "Please check the form.", 422)
    upload_file = form.file.data
    try:
        transcription = transcriptions.create_from_upload(
            current_user,
            upload_file.stream,
            language=form.language.data,
            keep_audio=bool(form.keep_audio.data),
        )
    except RequestEntityTooLarge:
        db.session.rollback()
        return _render_index(form, too_large, 413)
    except ServiceError as exc:
        db.session.rollback()
        return _render_index(form, exc.detail, exc.status)
    finally:
        upload_file.close()
    db.session.commit()
    flash("Your clip is queued. This page follows the transcription.", "success")
    return redirect(url_for("transcriptions.show", transcription_id=transcription.id))


def _speaker_choices(segments: list[dict]) -> list[tuple[str, str]]:
    known = {value for value, _label in SPEAKERS}
    extra = sorted({s["speaker"] for s in segments if s.get("speaker")} - known)
    return SPEAKERS + [(name, name) for name in extra]


def _render_show(transcription, segments=None, message=None, errors=None, status=200):
    segments = transcription.segments or [] if segments is None else segments
    return (
        render_template(
            "transcriptions/show.html",
            t=transcription,
            segments=segments,
            speakers=_speaker_choices(segments),
            talk=_talk_shares(transcriptions.talk_time(segments)),
            position=transcriptions.queue_position(transcription),
            form=SegmentsForm(formdata=None),
            confirm=ConfirmForm(formdata=None),
            live=_socket_client_available(),
            message=message,
            errors=errors or {},
        ),
        status,
        NO_STORE,
    )


def _socket_client_available() -> bool:
    from app.web.threads.routes import SOCKET_CLIENT

    return (SOCKET_CLIENT / "socket.io.min.js").is_file()


def _talk_shares(totals: dict[str, float]) -> list[dict]:
    whole = sum(totals.values()) or 1.0
    return [
        {"speaker": speaker, "seconds": seconds, "share": round(100 * seconds / whole)}
        for speaker, seconds in sorted(totals.items(), key=lambda item: -item[1])
    ]


@bp.get("/transcriptions/<int:transcription_id>")
@login_required
def show(transcription_id: int):
    return _render_show(transcriptions.get(current_user, transcription_id))


def _segments_from(form: MultiDict) -> list[dict]:
    segments = []
    for i in range(transcriptions.MAX_SEGMENTS + 1):
        start = form.get(f"seg-{i}-start")
        if start is None:
            break
        try:
            times = float(start), float(form.get(f"seg-{i}-end", ""))
        except ValueError:
            raise Invalid("Some segments are not valid.", {f"segments.{i}.end": "Time."}) from None
        segments.append(
            {
                "start": times[0],
                "end": times[1],
                "text": form.get(f"seg-{i}-text", ""),
                "speaker": form.get(f"seg-{i}-speaker") or None,
            }
        )
    return segments


@bp.post("/transcriptions/<int:transcription_id>")
@login_required
def save(transcription_id: int):
    """Save the plain editor (without JavaScript the page posts the rows here)."""
    transcription = transcriptions.get(current_user, transcription_id)
    if not SegmentsForm().validate_on_submit():
        return redirect(url_for("transcriptions.show", transcription_id=transcription_id))
    segments: list[dict] | None = None
    try:
        segments = _segments_from(request.form)
        transcriptions.edit(current_user, transcription_id, segments)
    except Invalid as exc:
        db.session.rollback()
        transcription = transcriptions.get(current_user, transcription_id)
        return _render_show(
            transcription,
            segments=segments,
            message=exc.detail,
            errors=exc.errors,
            status=422,
        )
    db.session.commit()
    flash("Draft saved. It stays private to you.", "success")
    return redirect(url_for("transcriptions.show", transcription_id=transcription_id))


@bp.post("/transcriptions/<int:transcription_id>/delete")
@login_required
def delete(transcription_id: int):
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("transcriptions.show", transcription_id=transcription_id))
    transcriptions.delete_draft(current_user, transcription_id, ip=request.remote_addr)
    db.session.commit()
    flash("The draft and any audio left of it are deleted.", "success")
    return redirect(url_for("transcriptions.index"))


def _room_choices() -> list[SelectChoice]:
    memberships = rooms.list_rooms(current_user, limit=200).items
    return [SelectChoice(m.room.id, m.room.name) for m in memberships if m.role.can_post]


def _share_form() -> ShareForm:
    # The review screen posts to this page with the room in its address.
    formdata = CombinedMultiDict([request.form, request.args]) if request.method == "POST" else None
    form = ShareForm(formdata=formdata)
    form.room_id.choices = _room_choices()
    return form


def _fields(form: ShareForm, text: str) -> dict[str, str]:
    return {"title": form.title.data or "", "text": text, "context": form.context.data or ""}


def _render_review(transcription, form, room, review_form, resolutions, chosen, **extra):
    fields = _fields(form, transcriptions.share_text(transcription.segments or []))
    return (
        render_template(
            "excerpts/review.html",
            room=room,
            form=form,
            review_form=review_form,
            review_action=url_for(
                "transcriptions.share", transcription_id=transcription.id, room_id=room.id
            ),
            message=extra.get("message"),
            **review.screen(fields, resolutions, chosen, extra.get("findings")),
        ),
        extra.get("status", 200),
        NO_STORE,
    )


@bp.route("/transcriptions/<int:transcription_id>/share", methods=["GET", "POST"])
@login_required
def share(transcription_id: int):
    """Choose a room → the excerpt review screen → post through ``transcriptions.share``."""
    transcription = transcriptions.get(current_user, transcription_id)
    if transcription.status != Status.DONE:
        flash("Wait until the transcription is done before sharing it.", "error")
        return redirect(url_for("transcriptions.show", transcription_id=transcription_id))
    form = _share_form()
    if request.method == "GET" or not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("transcriptions/share.html", t=transcription, form=form), status
    room, _membership = access.room_for(current_user, form.room_id.data)
    resolutions, chosen = review.decisions_from(request.form)
    if request.form.get("step") != "post":
        return _render_review(
            transcription, form, room, ReviewForm(formdata=None), resolutions, chosen
        )
    review_form = ReviewForm()
    try:
        excerpt = transcriptions.share(
            current_user,
            transcription_id,
            room.id,
            title=form.title.data or "",
            context=form.context.data or "",
            case=(form.new_case.data or "").strip() or form.case.data or None,
            resolutions=resolutions,
            attest=bool(review_form.attest.data),
        )
    except deid.GateBlocked as exc:
        db.session.rollback()
        findings = exc.field_findings()
        return _render_review(
            transcription,
            form,
            room,
            review_form,
            resolutions,
            chosen,
            findings=findings,
            message=exc.detail,
            status=422,
        )
    except Invalid as exc:
        db.session.rollback()
        return _render_review(
            transcription,
            form,
            room,
            review_form,
            resolutions,
            chosen,
            message=exc.detail,
            status=422,
        )
    db.session.commit()
    flash("Shared. Only the de-identified text was stored; your draft stays private.", "success")
    return redirect(url_for("excerpts.show", excerpt_id=excerpt.id))
