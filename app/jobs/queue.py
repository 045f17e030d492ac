"""The job queue adapter: an in-process worker by default, RQ on Redis when REDIS_URL is set.

Jobs are transcription ids; the database row is the truth. The embedded worker does not even
need a queue of its own: it claims the oldest ``queued`` row, so jobs survive a restart. With
RQ, an id is pushed after the row commits, and ``recover_stale`` pushes it again when needed.
"""

from __future__ import annotations

import logging
import threading
import time

from flask import Flask, current_app

from app.extensions import db
from app.services.after_commit import on_commit

log = logging.getLogger(__name__)
_EXTENSION = "parallel_jobs"


def redis_ok(url: str) -> bool:
    """Return whether Redis answers a PING within a second."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        return bool(client.ping())
    except redis.RedisError:
        log.warning("redis did not answer the health check")
        return False


def register_jobs(app: Flask) -> None:
    """Attach the embedded worker (without REDIS_URL); it starts with the first request or job.

    Starting lazily keeps `flask db upgrade` and other commands free of worker threads.
    """
    if app.config.get("REDIS_URL"):
        return
    worker = EmbeddedWorker(app, max(1, int(app.config.get("TRANSCRIPTION_WORKERS", 1))))
    app.extensions[_EXTENSION] = worker
    if app.config.get("EMBEDDED_WORKER"):
        app.before_request(worker.start)


def embedded_worker(app: Flask) -> EmbeddedWorker | None:
    return app.extensions.get(_EXTENSION)


def enqueue_after_commit(transcription_id: int) -> None:
    """Hand the job to a worker once the row is committed (never a row that rolled back)."""
    app = current_app._get_current_object()
    on_commit(db.session(), lambda: enqueue(app, transcription_id))


def enqueue(app: Flask, transcription_id: int) -> None:
    """Push a committed job: onto RQ, or wake the embedded worker."""
    if app.config.get("REDIS_URL"):
        rq_queue(app).enqueue_call(
            "app.jobs.tasks.run_job",
            args=(transcription_id,),
            timeout=job_timeout(app),
            result_ttl=0,
            failure_ttl=7 * 24 * 3600,
            description=f"transcription {transcription_id}",
        )
        return
    worker = embedded_worker(app)
    if worker is not None:
        if app.config.get("EMBEDDED_WORKER"):
            worker.start()
        worker.wake()


def job_timeout(app: Flask) -> int:
    """Allow a slow CPU several times real time for the longest clip."""
    return int(app.config["AUDIO_MAX_SECONDS"]) * 4 + 600


def rq_queue(app: Flask):
    import redis
    from rq import Queue

    connection = redis.Redis.from_url(app.config["REDIS_URL"])
    return Queue(app.config["RQ_QUEUE"], connection=connection)


def maintenance_interval(app: Flask) -> float:
    """How often workers look for stale jobs: a few times per stale period."""
    return max(0.5, min(30.0, float(app.config["JOB_STALE_SECONDS"]) / 3))


def run_maintenance(app: Flask) -> None:
    """Retry or fail stale jobs and purge expired drafts (each worker may do it; it is safe)."""
    from app.jobs import tasks
    from app.services import transcriptions

    with app.app_context():
        try:
            tasks.recover_stale()
            transcriptions.purge_expired()
            db.session.commit()
        except Exception:
            db.session.rollback()
            log.exception("job maintenance failed")
        finally:
            db.session.remove()


class EmbeddedWorker:
    """Daemon threads in the web process that run queued jobs one at a time each."""

    def __init__(self, app: Flask, threads: int = 1, poll: float = 5.0) -> None:
        self.app = app
        self.threads = threads
        self.poll = poll
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._started: list[threading.Thread] = []

    def start(self) -> None:
        """Start the threads once (later calls do nothing)."""
        if self._started:
            return
        with self._lock:
            if self._started:
                return
            for n in range(self.threads):
                thread = threading.Thread(
                    target=self.loop, args=(n == 0,), name=f"transcription-{n}", daemon=True
                )
                thread.start()
                self._started.append(thread)
            log.info("embedded transcription worker started (%s thread(s))", self.threads)
            if _gevent_patched():
                # Greenlets cannot run CPU-bound inference beside the event loop.
                log.warning("under gevent, set REDIS_URL and run `flask worker` for transcription")

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the threads to finish their current job and stop."""
        self._stop.set()
        self._wake.set()
        for thread in self._started:
            thread.join(timeout)

    def loop(self, maintains: bool = True) -> None:
        """Claim and run jobs until stopped; the first thread also recovers stale jobs."""
        from app.jobs import tasks

        interval = maintenance_interval(self.app)
        last_maintenance = 0.0
        while not self._stop.is_set():
            if maintains and time.monotonic() - last_maintenance >= interval:
                run_maintenance(self.app)
                last_maintenance = time.monotonic()
            ran = None
            with self.app.app_context():
                try:
                    ran = tasks.run_next()
                except Exception:
                    db.session.rollback()
                    log.exception("embedded worker: job loop error")
                finally:
                    db.session.remove()
            if ran is None:
                self._wake.wait(min(self.poll, interval))
                self._wake.clear()


def _gevent_patched() -> bool:
    try:
        from gevent import monkey
    except ImportError:
        return False
    return monkey.is_module_patched("threading")


def run_rq_worker(app: Flask, burst: bool = False) -> None:
    """Run an RQ worker in this process (no fork: the loaded model stays between jobs)."""
    import redis
    from rq import SimpleWorker

    from app.jobs import tasks

    tasks.use_message_queue(app.config["REDIS_URL"])
    tasks.preload(app)
    run_maintenance(app)
    with app.app_context():
        tasks.requeue_waiting()
        db.session.commit()
        db.session.remove()
    stop = threading.Event()

    def maintain() -> None:
        while not stop.wait(maintenance_interval(app)):
            run_maintenance(app)

    keeper = threading.Thread(target=maintain, name="job-maintenance", daemon=True)
    keeper.start()
    connection = redis.Redis.from_url(app.config["REDIS_URL"])
    worker = SimpleWorker([app.config["RQ_QUEUE"]], connection=connection)
    try:
        worker.work(burst=burst, with_scheduler=False, logging_level="WARNING")
    finally:
        stop.set()


def run_embedded_foreground(app: Flask) -> None:
    """Without Redis: run the embedded worker loop in the foreground (Ctrl-C stops it)."""
    from app.jobs import tasks

    tasks.preload(app)
    worker = EmbeddedWorker(app, max(1, int(app.config.get("TRANSCRIPTION_WORKERS", 1))))
    worker.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        worker.stop()
