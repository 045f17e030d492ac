"""The job state machine with a fake transcriber: claim, progress, settle, audio, recovery."""

from __future__ import annotations

import os
import time
from datetime import timedelta

import pytest
from sqlalchemy import update

from app.extensions import db
from app.jobs import tasks
from app.models import Transcription
from app.models.transcription import Status
from app.orm import utcnow
from app.services import uploads
from tests import factories
from tests.transcription.conftest import FakeTranscriber, _Bytes


@pytest.fixture
def events(monkeypatch):
    """Every ``transcription`` event the jobs send, in order."""
    sent: list[tuple[dict, int]] = []
    monkeypatch.setattr(tasks, "_emit", lambda payload, owner: sent.append((payload, owner)))
    return sent


def _reload(job_id: int) -> Transcription:
    db.session.expire_all()
    return db.session.get(Transcription, job_id)


def test_claim_moves_queued_to_running_once(app, make_job):
    owner = factories.user()
    job = make_job(owner)
    claimed = tasks.claim(job.id)
    assert claimed is not None
    assert (claimed.status, claimed.attempts) == (Status.RUNNING, 1)
    assert claimed.started_at is not None and claimed.heartbeat_at is not None
    assert tasks.claim(job.id) is None, "a second worker must not claim a running job"
    assert _reload(job.id).attempts == 1


def test_done_stores_segments_deletes_audio_and_tells_the_owner(app, make_job, events):
    owner = factories.user()
    job = make_job(owner)
    path = app.config["UPLOAD_FOLDER"] + "/" + job.audio_path
    fake = FakeTranscriber()
    assert tasks.run_transcription(job.id, fake) == Status.DONE
    job = _reload(job.id)
    assert (job.status, job.progress, job.attempts) == (Status.DONE, 1.0, 1)
    assert [s["text"] for s in job.segments] == [s.text for s in fake.segments]
    assert job.model == "fake-model" and job.finished_at is not None
    assert job.audio_path is None
    assert not os.path.exists(path)
    statuses = [payload["status"] for payload, owner_id in events if owner_id == owner.id]
    assert statuses[0] == Status.RUNNING and statuses[-1] == Status.DONE


def test_failure_is_settled_and_the_audio_deleted(app, make_job, upload_folder, events):
    owner = factories.user()
    job = make_job(owner)
    fake = FakeTranscriber(error=RuntimeError("decoder exploded on 'Maria'"))
    assert tasks.run_transcription(job.id, fake) == Status.FAILED
    job = _reload(job.id)
    assert job.status == Status.FAILED and "RuntimeError" in job.error
    assert "Maria" not in job.error, "error texts never quote what the engine said"
    assert list(upload_folder.iterdir()) == []
    assert events[-1][0] == {"id": job.id, "status": "failed", "progress": 0.0}


@pytest.mark.parametrize("fails", [False, True])
def test_keep_audio_is_honoured(app, make_job, upload_folder, fails):
    owner = factories.user()
    job = make_job(owner, keep_audio=True)
    fake = FakeTranscriber(error=RuntimeError("x") if fails else None)
    tasks.run_transcription(job.id, fake)
    job = _reload(job.id)
    assert job.audio_path and (upload_folder / job.audio_path).exists()


def test_progress_is_stored_and_sent_while_running(make_app, events):
    app = make_app(JOB_STALE_SECONDS=1)  # heartbeat every 0.25 s
    with app.app_context():
        owner = factories.user()
        db.session.commit()
        name = uploads.store(app.config, _Bytes(b"RIFF"), 100)
        now = utcnow()
        job = Transcription(
            owner_id=owner.id,
            audio_path=name,
            duration=6.0,
            created_at=now,
            queued_at=now,
            expires_at=now + timedelta(days=1),
        )
        db.session.add(job)
        db.session.commit()
        fake = FakeTranscriber(pause=lambda: time.sleep(0.6))
        tasks.run_transcription(job.id, fake)
        running = [p["progress"] for p, _ in events if p["status"] == "running"]
        assert any(0 < value < 1 for value in running), running
        assert running == sorted(running), "progress only moves forward"


def test_run_next_takes_the_oldest_and_reports_positions(app, make_job, events):
    owner = factories.user()
    first, second, third = (make_job(owner) for _ in range(3))
    assert tasks.run_next(FakeTranscriber()) == first.id
    positions = {p["id"]: p.get("position") for p, _ in events if p["status"] == "queued"}
    assert positions == {second.id: 1, third.id: 2}
    assert _reload(second.id).status == Status.QUEUED


def test_a_deleted_draft_does_not_break_the_job(app, make_job, upload_folder):
    owner = factories.user()
    job = make_job(owner)

    class DeletesMidway(FakeTranscriber):
        def transcribe(self, path, *, language, on_progress):
            result = super().transcribe(path, language=language, on_progress=on_progress)
            db.session.query(Transcription).filter_by(id=job.id).delete()
            db.session.commit()
            return result

    tasks.run_transcription(job.id, DeletesMidway())
    assert _reload(job.id) is None
    assert list(upload_folder.iterdir()) == []


def _go_stale(job_id: int, seconds: int = 600) -> None:
    db.session.execute(
        update(Transcription)
        .where(Transcription.id == job_id)
        .values(heartbeat_at=utcnow() - timedelta(seconds=seconds))
    )
    db.session.commit()


def test_stale_jobs_are_retried_then_failed_with_bounded_attempts(app, make_job, upload_folder):
    owner = factories.user()
    job = make_job(owner, status=Status.RUNNING, attempts=1)
    fresh = make_job(owner, status=Status.RUNNING, attempts=1, heartbeat_at=utcnow())
    _go_stale(job.id)
    requeued, failed = tasks.recover_stale()
    db.session.commit()
    assert (requeued, failed) == ([job.id], [])
    assert _reload(job.id).status == Status.QUEUED
    assert _reload(fresh.id).status == Status.RUNNING, "a job with a recent heartbeat stays"
    # The last allowed attempt dies too: the job fails and its audio goes.
    db.session.execute(
        update(Transcription)
        .where(Transcription.id == job.id)
        .values(status=Status.RUNNING, attempts=app.config["JOB_MAX_ATTEMPTS"])
    )
    db.session.commit()
    _go_stale(job.id)
    requeued, failed = tasks.recover_stale()
    db.session.commit()
    assert (requeued, failed) == ([], [job.id])
    job = _reload(job.id)
    assert job.status == Status.FAILED and job.audio_path is None
    assert sorted(p.name for p in upload_folder.iterdir()) == [fresh.audio_path]
    assert tasks.recover_stale() == ([], []), "recovery is idempotent"
