"""The transcription job: claim the row, heartbeat, transcribe, settle in ``finally``.

The row is the truth. Claiming is a conditional UPDATE (queued → running), so two workers can
never both run a job. While it runs, a heartbeat thread stamps ``heartbeat_at`` and stores the
progress; a worker that dies stops the heartbeat, and ``recover_stale`` re-queues the row while
attempts remain. Whatever happens, the audio is deleted when the job ends (unless the owner
asked to keep it). Progress reaches the owner as ``transcription`` events on ``user:<id>``.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from flask import Flask, current_app, has_app_context
from sqlalchemy import or_, select, update

from app.extensions import db, socketio
from app.models import Transcription
from app.models.transcription import Status
from app.orm import utcnow
from app.services import uploads
from app.services.after_commit import on_commit
from app.services.events import user_room
from app.transcribe import Transcriber, transcriber_from_config

log = logging.getLogger(__name__)
EVENT = "transcription"
POSITION_UPDATES_MAX = 200
_external_emitter = None


class AudioMissing(Exception):
    """The clip is gone (deleted with its draft, or a worker without the shared folder)."""


def use_message_queue(redis_url: str) -> None:
    """In a worker process, emit through Redis to whichever web process holds the owner."""
    global _external_emitter
    from flask_socketio import SocketIO

    _external_emitter = SocketIO(message_queue=redis_url)


def _emit(payload: dict, owner_id: int) -> None:
    emitter = _external_emitter or socketio
    try:
        emitter.emit(EVENT, payload, to=user_room(owner_id))
    except Exception:
        # Progress is a courtesy; the row (GET) is what the page trusts after a reload.
        log.warning("could not emit transcription progress for job %s", payload.get("id"))


def payload(transcription: Transcription, position: int | None = None) -> dict:
    """Build the ``transcription`` event: ``{id, status, progress, position?}``."""
    data = {
        "id": transcription.id,
        "status": transcription.status,
        "progress": round(float(transcription.progress or 0.0), 4),
    }
    if position is not None:
        data["position"] = position
    return data


def notify_after_commit(transcription: Transcription, position: int | None = None) -> None:
    """Queue the owner's event for after COMMIT."""
    data, owner_id = payload(transcription, position), transcription.owner_id
    on_commit(db.session(), lambda: _emit(data, owner_id))


def notify_positions() -> None:
    """Tell the owners of queued jobs where they now stand (after a job left the queue)."""
    rows = db.session.execute(
        select(Transcription.id, Transcription.owner_id)
        .where(Transcription.status == Status.QUEUED)
        .order_by(Transcription.id)
        .limit(POSITION_UPDATES_MAX)
    ).all()
    for position, (job_id, owner_id) in enumerate(rows, start=1):
        _emit(
            {"id": job_id, "status": Status.QUEUED, "progress": 0.0, "position": position}, owner_id
        )


def claim(transcription_id: int) -> Transcription | None:
    """Move a queued job to running (attempts + 1) and commit; None if someone else has it."""
    now = utcnow()
    result = db.session.execute(
        update(Transcription)
        .where(Transcription.id == transcription_id, Transcription.status == Status.QUEUED)
        .values(
            status=Status.RUNNING,
            attempts=Transcription.attempts + 1,
            started_at=now,
            heartbeat_at=now,
            progress=0.0,
            error=None,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if result.rowcount != 1:
        return None
    return db.session.get(Transcription, transcription_id, populate_existing=True)


def run_next(transcriber: Transcriber | None = None) -> int | None:
    """Claim the oldest queued job and run it; return its id, or None when the queue is empty."""
    candidates = db.session.scalars(
        select(Transcription.id)
        .where(Transcription.status == Status.QUEUED)
        .order_by(Transcription.id)
        .limit(5)
    ).all()
    db.session.commit()
    for candidate in candidates:
        if run_transcription(candidate, transcriber) is not None:
            return candidate
    return None


def run_job(transcription_id: int) -> str | None:
    """The RQ entry point: run the job inside the worker's application context."""
    if has_app_context():
        try:
            return run_transcription(transcription_id)
        finally:
            db.session.remove()
    from app import create_app  # a worker entry of its own, like wsgi.py

    with create_app().app_context():
        try:
            return run_transcription(transcription_id)
        finally:
            db.session.remove()


class _Heartbeat(threading.Thread):
    """Stamp ``heartbeat_at`` and store progress while the job runs; emit when progress moves."""

    def __init__(self, app: Flask, job_id: int, owner_id: int, interval: float) -> None:
        super().__init__(name=f"heartbeat-{job_id}", daemon=True)
        self.app, self.job_id, self.owner_id, self.interval = app, job_id, owner_id, interval
        self.progress = 0.0
        self._stopped = threading.Event()

    def report(self, fraction: float) -> None:
        self.progress = max(self.progress, min(1.0, fraction))

    def stop(self) -> None:
        self._stopped.set()
        self.join(timeout=10)

    def run(self) -> None:
        sent = -1.0
        with self.app.app_context():
            try:
                while not self._stopped.wait(self.interval):
                    fraction = round(self.progress, 4)
                    db.session.execute(
                        update(Transcription)
                        .where(
                            Transcription.id == self.job_id,
                            Transcription.status == Status.RUNNING,
                        )
                        .values(heartbeat_at=utcnow(), progress=fraction)
                        .execution_options(synchronize_session=False)
                    )
                    db.session.commit()
                    if fraction != sent:
                        _emit(
                            {"id": self.job_id, "status": Status.RUNNING, "progress": fraction},
                            self.owner_id,
                        )
                        sent = fraction
            except Exception:
                db.session.rollback()
                log.exception("heartbeat of job %s stopped", self.job_id)
            finally:
                db.session.remove()


def run_transcription(transcription_id: int, transcriber: Transcriber | None = None) -> str | None:
    """Run one job end to end; return its final status, or None when it was not claimable."""
    app = current_app._get_current_object()
    transcription = claim(transcription_id)
    if transcription is None:
        return None
    owner_id = transcription.owner_id
    audio_name, keep_audio = transcription.audio_path, transcription.keep_audio
    language = transcription.requested_language
    log.info("transcription %s started (attempt %s)", transcription_id, transcription.attempts)
    _emit(payload(transcription), owner_id)
    notify_positions()
    interval = max(0.2, min(1.0, float(app.config["JOB_STALE_SECONDS"]) / 4))
    heartbeat = _Heartbeat(app, transcription_id, owner_id, interval)
    heartbeat.start()
    result, error = None, None
    try:
        try:
            path = uploads.path_for(app.config, audio_name) if audio_name else None
            if path is None or not path.exists():
                raise AudioMissing()
            engine = transcriber or transcriber_from_config(app.config)
            result = engine.transcribe(
                str(path),
                language=None if language == "auto" else (language or "en"),
                on_progress=heartbeat.report,
            )
        except AudioMissing:
            error = "The audio was no longer there to transcribe; upload it again."
        except Exception as exc:
            # The message may quote the file or its contents; log the type only.
            log.warning("transcription %s failed: %s", transcription_id, type(exc).__name__)
            error = f"The audio could not be transcribed ({type(exc).__name__})."
    finally:
        # A BaseException (worker shutdown) propagates from here and leaves the row running
        # without a heartbeat: recover_stale retries it like a crashed worker's job.
        heartbeat.stop()
    return _settle(app, transcription_id, result, error, audio_name, keep_audio)


def _settle(app: Flask, job_id: int, result, error: str | None, audio_name, keep_audio) -> str:
    """Record the outcome, delete the audio unless kept, commit, tell the owner."""
    db.session.rollback()
    if not keep_audio:
        uploads.remove(app.config, audio_name)
    transcription = db.session.get(Transcription, job_id, populate_existing=True)
    if transcription is None:  # the owner deleted the draft meanwhile
        uploads.remove(app.config, audio_name)
        db.session.commit()
        return Status.FAILED
    transcription.finished_at = utcnow()
    if not keep_audio:
        transcription.audio_path = None
    if result is not None and error is None:
        transcription.status = Status.DONE
        transcription.progress = 1.0
        transcription.segments = [
            {"start": s.start, "end": s.end, "text": s.text, "speaker": None}
            for s in result.segments
        ]
        transcription.duration = round(result.duration, 3) or transcription.duration
        transcription.language = (result.language or "")[:8] or None
        transcription.model = result.model[:120]
        transcription.load_seconds = round(result.load_seconds, 3)
        transcription.transcribe_seconds = round(result.transcribe_seconds, 3)
    else:
        transcription.status = Status.FAILED
        transcription.error = (error or "The transcription failed.")[:300]
    notify_after_commit(transcription)
    db.session.commit()
    log.info("transcription %s %s", job_id, transcription.status)
    return transcription.status


def recover_stale() -> tuple[list[int], list[int]]:
    """Re-queue running jobs whose heartbeat stopped (attempts left), else fail them.

    Returns (re-queued ids, failed ids). Each change is a conditional UPDATE, so several
    workers recovering at once do not double a job.
    """
    config = current_app.config
    now = utcnow()
    cutoff = now - timedelta(seconds=float(config["JOB_STALE_SECONDS"]))
    stale_rule = (
        Transcription.status == Status.RUNNING,
        or_(Transcription.heartbeat_at.is_(None), Transcription.heartbeat_at < cutoff),
    )
    rows = db.session.execute(
        select(Transcription.id, Transcription.attempts, Transcription.audio_path)
        .where(*stale_rule)
        .order_by(Transcription.id)
    ).all()
    requeued, failed = [], []
    from app.jobs import queue

    for job_id, attempts, audio_path in rows:
        retry = attempts < int(config["JOB_MAX_ATTEMPTS"])
        values = (
            {"status": Status.QUEUED, "queued_at": now, "progress": 0.0}
            if retry
            else {
                "status": Status.FAILED,
                "finished_at": now,
                "error": "The worker stopped during this job too many times.",
            }
        )
        result = db.session.execute(
            update(Transcription)
            .where(Transcription.id == job_id, *stale_rule)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            continue
        if retry:
            requeued.append(job_id)
            queue.enqueue_after_commit(job_id)
        else:
            failed.append(job_id)
            keep = db.session.scalar(
                select(Transcription.keep_audio).where(Transcription.id == job_id)
            )
            if not keep:
                uploads.remove(config, audio_path)
                db.session.execute(
                    update(Transcription)
                    .where(Transcription.id == job_id)
                    .values(audio_path=None)
                    .execution_options(synchronize_session=False)
                )
    db.session.flush()
    for job_id in requeued + failed:
        transcription = db.session.get(Transcription, job_id, populate_existing=True)
        if transcription is not None:
            notify_after_commit(transcription)
    if requeued or failed:
        log.warning("stale jobs: %s re-queued, %s failed", len(requeued), len(failed))
    return requeued, failed


def requeue_waiting() -> int:
    """Push every queued job onto the queue again (Redis may have lost them); claims dedupe."""
    config = current_app.config
    cutoff = utcnow() - timedelta(seconds=float(config["JOB_STALE_SECONDS"]))
    ids = db.session.scalars(
        select(Transcription.id).where(
            Transcription.status == Status.QUEUED, Transcription.queued_at < cutoff
        )
    ).all()
    from app.jobs import queue

    for job_id in ids:
        queue.enqueue_after_commit(job_id)
    return len(ids)


def preload(app: Flask) -> None:
    """Load the configured model before the first job (workers only; tests use fakes)."""
    if app.config.get("TRANSCRIBER") is not None:
        return
    from app.transcribe.whisper import load_model, model_label, resolve_model

    path = resolve_model(app.config.get("WHISPER_MODEL"))
    _model, seconds = load_model(
        path, app.config["WHISPER_DEVICE"], app.config["WHISPER_COMPUTE_TYPE"]
    )
    log.warning("worker ready: %s loaded in %.1f s", model_label(path), seconds)
