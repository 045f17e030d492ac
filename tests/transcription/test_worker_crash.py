"""A worker killed mid-job: the row is retried by another worker and ends done, audio gone."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.config import PROJECT_ROOT, TestingConfig, normalize_database_url
from app.extensions import db
from app.jobs import queue
from app.models import Transcription
from app.services import transcriptions, uploads
from tests import factories
from tests.conftest import SERVICES, require_service
from tests.realtime.live import BIN, migrate, server_env

pytestmark = pytest.mark.slow


@pytest.fixture
def scratch_postgres():
    base = SERVICES["database_url"]
    require_service("PostgreSQL", bool(base), "set TEST_DATABASE_URL")
    admin_url = make_url(normalize_database_url(base)).set(database="postgres")
    name = f"parallel_jobs_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def start_worker(env: dict, log) -> subprocess.Popen:
    with open(log, "ab") as output:
        return subprocess.Popen(
            [str(BIN / "flask"), "--app", "wsgi", "worker"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=output,
            stderr=output,
            start_new_session=True,
        )


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def wait_for(engine, job_id: int, statuses: set[str], timeout: float) -> tuple:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with engine.connect() as connection:
            row = connection.execute(
                select(
                    Transcription.status,
                    Transcription.attempts,
                    Transcription.audio_path,
                    Transcription.progress,
                ).where(Transcription.id == job_id)
            ).one()
        if row.status in statuses:
            return row
        time.sleep(0.1)
    raise TimeoutError(f"job never reached {statuses}; last {row}")


def test_killed_worker_job_is_retried_and_finishes(scratch_postgres, tmp_path, session_clip):
    redis_url = SERVICES["redis_url"]
    require_service("Redis", bool(redis_url), "set REDIS_URL")
    env = server_env(scratch_postgres, tmp_path, redis_url=redis_url)
    env.update(JOB_STALE_SECONDS="2", RQ_QUEUE=f"test-{uuid.uuid4().hex[:8]}", LOG_LEVEL="INFO")
    migrate(env)
    app = create_app(TestingConfig(database_url=scratch_postgres, instance=str(tmp_path)))
    with app.app_context():
        owner = factories.user()
        with open(session_clip, "rb") as clip:
            job = transcriptions.create_from_upload(owner, clip)
        db.session.commit()
        job_id = job.id
        app.config.update(REDIS_URL=redis_url, RQ_QUEUE=env["RQ_QUEUE"])
        queue.enqueue(app, job_id)
        folder = uploads.folder(app.config)
        db.session.remove()
        db.engine.dispose()
    engine = create_engine(normalize_database_url(scratch_postgres))
    log = tmp_path / "worker.log"
    first = start_worker(env, log)
    second = None
    try:
        wait_for(engine, job_id, {"running"}, timeout=60)
        time.sleep(0.5)
        stop(first, signal.SIGKILL)  # mid-job, without warning
        assert wait_for(engine, job_id, {"running"}, timeout=1).status == "running"
        assert len(list(folder.iterdir())) == 1, "the audio waits for the retry"
        second = start_worker(env, log)
        row = wait_for(engine, job_id, {"done", "failed"}, timeout=120)
        assert row.status == "done", log.read_text()[-3000:]
        assert row.attempts == 2
        assert row.audio_path is None and list(folder.iterdir()) == []
    finally:
        stop(first, signal.SIGKILL)
        if second is not None:
            stop(second)
        engine.dispose()
