"""Transcription drafts: upload, read, edit, share through the gate, export, delete, expire.

A draft is private to its owner (``access.transcription_for``) until it is shared; sharing runs
the same de-identification gate as a pasted excerpt. Segment text is never logged or audited.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, BinaryIO

from flask import current_app
from sqlalchemy import delete, func, select

from app.extensions import db
from app.models import Excerpt, Transcription, User
from app.models.transcription import Status
from app.orm import utcnow
from app.services import access, audit, deid, excerpts, uploads
from app.services.errors import Conflict, Gone, Invalid
from app.services.pagination import Page, paginate

log = logging.getLogger(__name__)

MAX_SEGMENTS = 2000
SEGMENT_TEXT_MAX = 2000
SPEAKER_MAX = 60
# Unlabelled segments are one unnamed speaker, in the talk-time figures and in a shared excerpt.
UNLABELLED = "Speaker A"
LANGUAGE = re.compile(r"^(auto|[a-z]{2,3})$")
EXPORT_FORMATS = ("srt", "vtt", "json")


@dataclass(frozen=True)
class Export:
    body: str
    mimetype: str
    filename: str


def _config():
    return current_app.config


def create_from_upload(
    user: User,
    stream: BinaryIO,
    *,
    language: str | None = None,
    keep_audio: bool = False,
) -> Transcription:
    """Store and check an uploaded clip, create its queued job; the job runs after commit.

    Raises TooLarge (413), UnsupportedMedia (415) or Invalid (422: empty, damaged, truncated,
    too long); after a refusal nothing of the upload is left on disk.
    """
    config = _config()
    language = (language or "").strip().lower() or None
    if language is not None and not LANGUAGE.match(language):
        raise Invalid("Give the language as a code such as en, de or fr.", {"language": "Code."})
    name = uploads.store(config, stream, config["UPLOAD_MAX_MB"] * 1024 * 1024)
    try:
        info = uploads.probe(uploads.path_for(config, name), config["AUDIO_MAX_SECONDS"])
        now = utcnow()
        transcription = Transcription(
            owner_id=user.id,
            status=Status.QUEUED,
            progress=0.0,
            attempts=0,
            audio_path=name,
            keep_audio=bool(keep_audio),
            duration=info.duration,
            requested_language=language,
            created_at=now,
            queued_at=now,
            expires_at=now + timedelta(days=config["DRAFT_DAYS"]),
        )
        db.session.add(transcription)
        db.session.flush()
    except BaseException:
        uploads.remove(config, name)
        raise
    from app.jobs import queue

    queue.enqueue_after_commit(transcription.id)
    log.info("transcription %s queued (%.1f s of audio)", transcription.id, info.duration)
    return transcription


def get(user: User, transcription_id: int) -> Transcription:
    """Return the user's own draft (404 for anyone else, 410 once it has expired)."""
    transcription = access.transcription_for(user, transcription_id)
    if transcription.expires_at <= utcnow():
        raise Gone("This draft has expired and is being deleted.")
    return transcription


def list_mine(user: User, *, limit: int = 50, before: int | None = None) -> Page:
    """Return a page of the user's drafts, newest first."""
    stmt = select(Transcription).where(
        Transcription.owner_id == user.id, Transcription.expires_at > utcnow()
    )
    return paginate(stmt, Transcription.id, limit=limit, before=before)


def queue_position(transcription: Transcription) -> int | None:
    """Return 1 for the next job to start, 2 for the one after, …; None unless queued."""
    if transcription.status != Status.QUEUED:
        return None
    ahead = db.session.scalar(
        select(func.count())
        .select_from(Transcription)
        .where(Transcription.status == Status.QUEUED, Transcription.id < transcription.id)
    )
    return int(ahead or 0) + 1


def text_of(segments: list[dict] | None) -> str:
    """Return the draft as plain text (speakers omitted)."""
    return " ".join(segment["text"] for segment in segments or [])


def talk_time(segments: list[dict] | None) -> dict[str, float]:
    """Return seconds spoken per speaker, from segment durations."""
    totals: dict[str, float] = {}
    for segment in segments or []:
        speaker = segment.get("speaker") or UNLABELLED
        totals[speaker] = totals.get(speaker, 0.0) + max(0.0, segment["end"] - segment["start"])
    return {speaker: round(seconds, 3) for speaker, seconds in totals.items()}


def _check_done(transcription: Transcription) -> list[dict]:
    if transcription.status != Status.DONE:
        raise Conflict(f"The transcription is {transcription.status}; wait until it is done.")
    return list(transcription.segments or [])


def check_segments(segments: list[dict[str, Any]], duration: float) -> list[dict]:
    """Validate an edited segment list: ordered, non-overlapping, within the clip, non-empty."""
    if len(segments) > MAX_SEGMENTS:
        raise Invalid(f"A draft holds at most {MAX_SEGMENTS} segments.", {"segments": "Too many."})
    if not segments:
        raise Invalid("Keep at least one segment (or delete the draft).", {"segments": "Empty."})
    errors: dict[str, str] = {}
    cleaned: list[dict] = []
    previous_end = 0.0
    limit = round(duration + 0.5, 3)
    for i, segment in enumerate(segments):
        key = f"segments.{i}"
        start, end = round(float(segment["start"]), 3), round(float(segment["end"]), 3)
        text = " ".join(str(segment.get("text") or "").split())
        speaker = segment.get("speaker")
        speaker = (
            " ".join(speaker.split()) if isinstance(speaker, str) and speaker.strip() else None
        )
        if not text:
            errors[f"{key}.text"] = "A segment needs some text."
        elif len(text) > SEGMENT_TEXT_MAX:
            errors[f"{key}.text"] = f"Use at most {SEGMENT_TEXT_MAX} characters per segment."
        if speaker is not None and not excerpts.SPEAKER_CHOICES.match(speaker):
            errors[f"{key}.speaker"] = "Use a role label: T, C, Supervisor, Member 2, Speaker B …"
        if not 0 <= start < end:
            errors[f"{key}.end"] = "A segment ends after it starts (0 <= start < end)."
        elif end > limit:
            errors[f"{key}.end"] = f"The clip lasts {duration:.1f} s."
        elif start < previous_end:
            errors[f"{key}.start"] = "Segments are in order and do not overlap."
        previous_end = max(previous_end, end)
        cleaned.append(
            {"start": start, "end": min(end, round(duration, 3)), "text": text, "speaker": speaker}
        )
    if errors:
        raise Invalid("Some segments are not valid.", errors)
    return cleaned


def edit(user: User, transcription_id: int, segments: list[dict[str, Any]]) -> Transcription:
    """Replace the draft's segments (speakers, text, merges and splits) after validation."""
    transcription = get(user, transcription_id)
    _check_done(transcription)
    transcription.segments = check_segments(segments, transcription.duration or 0.0)
    transcription.edited_at = utcnow()
    db.session.flush()
    return transcription


def clock(seconds: float, separator: str = ".") -> str:
    """Return ``HH:MM:SS.mmm`` (``,`` before the milliseconds for SRT)."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def share_text(segments: list[dict]) -> str:
    """Build the excerpt text: one ``[HH:MM:SS.mmm] Speaker: text`` line per segment.

    Gate findings and resolutions refer to offsets in exactly this text.
    """
    return "\n".join(
        f"[{clock(s['start'])}] {s.get('speaker') or UNLABELLED}: {s['text']}" for s in segments
    )


def share(
    user: User,
    transcription_id: int,
    room_id: int,
    *,
    title: str,
    context: str = "",
    case: int | str | None = None,
    resolutions: list[deid.Resolution] | None = None,
    attest: bool = False,
) -> Excerpt:
    """Post the draft to a room as an excerpt through the gate; lines keep segment times.

    When the gate blocks, the 422 carries ``text``: the built transcript its offsets refer to.
    """
    transcription = get(user, transcription_id)
    segments = _check_done(transcription)
    if not segments:
        raise Invalid("There is no speech in this transcription to share.", {"segments": "Empty."})
    text = share_text(segments)
    draft = excerpts.ExcerptDraft(
        title=title,
        text=text,
        context=context,
        case=case,
        resolutions=resolutions or [],
        attest=attest,
    )
    try:
        excerpt = excerpts.post_excerpt(user, room_id, draft)
    except Invalid as exc:
        exc.extensions["text"] = text
        raise
    # The parser gives each line the next line's start as its end; the segments know better.
    if len(excerpt.lines) == len(segments):
        for line, segment in zip(excerpt.lines, segments, strict=True):
            line.start, line.end = segment["start"], segment["end"]
    audit.record(
        "transcription.shared",
        actor=user,
        room_id=room_id,
        target_type="transcription",
        target_id=transcription.id,
        count=len(segments),
    )
    db.session.flush()
    return excerpt


def delete_draft(user: User, transcription_id: int, *, ip: str | None = None) -> None:
    """Delete the draft and any audio left of it."""
    transcription = access.transcription_for(user, transcription_id)
    uploads.remove(_config(), transcription.audio_path)
    audit.record(
        "transcription.deleted",
        actor=user,
        target_type="transcription",
        target_id=transcription.id,
        ip=ip,
    )
    db.session.delete(transcription)
    db.session.flush()


def export(user: User, transcription_id: int, fmt: str) -> Export:
    """Return the draft as SRT, WebVTT or JSON (the owner's copy: not de-identified)."""
    if fmt not in EXPORT_FORMATS:
        raise Invalid("format must be srt, vtt or json.", {"format": "Unknown format."})
    transcription = get(user, transcription_id)
    segments = _check_done(transcription)
    base = f"transcription-{transcription.id}"
    audit.record(
        "transcription.exported",
        actor=user,
        target_type="transcription",
        target_id=transcription.id,
        via=fmt,
    )
    if fmt == "srt":
        blocks = [
            f"{n}\n{clock(s['start'], ',')} --> {clock(s['end'], ',')}\n{_labelled(s)}\n"
            for n, s in enumerate(segments, start=1)
        ]
        return Export("\n".join(blocks), "application/x-subrip", base + ".srt")
    if fmt == "vtt":
        blocks = ["WEBVTT\n"]
        for s in segments:
            cue = f"<v {s['speaker']}>{_vtt_escape(s['text'])}" if s.get("speaker") else None
            blocks.append(
                f"{clock(s['start'])} --> {clock(s['end'])}\n{cue or _vtt_escape(s['text'])}\n"
            )
        return Export("\n".join(blocks), "text/vtt", base + ".vtt")
    document = {
        "id": transcription.id,
        "duration": transcription.duration,
        "language": transcription.language,
        "model": transcription.model,
        "segments": segments,
        "talk_time": talk_time(segments),
    }
    body = json.dumps(document, ensure_ascii=False, indent=2)
    return Export(body, "application/json", base + ".json")


def _labelled(segment: dict) -> str:
    return f"{segment['speaker']}: {segment['text']}" if segment.get("speaker") else segment["text"]


def _vtt_escape(text: str) -> str:
    # "-->" would end a cue timing line; < and & start markup.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("-->", "->")


def purge_expired(now: datetime | None = None) -> int:
    """Delete expired drafts with their audio, and clips no row points at; return drafts removed."""
    config = _config()
    now = now or utcnow()
    expired = list(
        db.session.execute(
            select(Transcription.id, Transcription.audio_path).where(
                Transcription.expires_at <= now, Transcription.status != Status.RUNNING
            )
        )
    )
    for _id, audio_path in expired:
        uploads.remove(config, audio_path)
    if expired:
        db.session.execute(
            delete(Transcription).where(Transcription.id.in_([row[0] for row in expired]))
        )
    referenced = set(
        db.session.scalars(
            select(Transcription.audio_path).where(Transcription.audio_path.is_not(None))
        )
    )
    uploads.sweep_orphans(config, referenced)
    db.session.flush()
    if expired:
        log.info("purged %s expired transcription draft(s)", len(expired))
    return len(expired)
