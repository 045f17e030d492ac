"""Real server processes for reliability tests, and a client that speaks the thread protocol."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import socketio

from app.config import PROJECT_ROOT

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(database_url: str, instance: Path, redis_url: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DATABASE_URL=database_url,
        INSTANCE_PATH=str(instance),
        SECRET_KEY="live-test-secret",
        RATELIMIT_ENABLED="false",
        LOG_LEVEL="WARNING",
        ARGON2_TIME_COST="1",
        ARGON2_MEMORY_KIB="1024",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def migrate(env: dict) -> None:
    """Apply the real migrations to the server's database, as an operator would."""
    subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


class ServerProcess:
    """gunicorn serving wsgi:app the way `make run` does, on a port of its own."""

    def __init__(
        self,
        env: dict,
        port: int | None = None,
        log: Path | None = None,
        worker: str = "gthread",
    ) -> None:
        self.env = env
        self.port = port or free_port()
        self.log = log
        self.process: subprocess.Popen | None = None
        # What `make run` starts; benchmarks swap in the gevent worker.
        self.command = [
            "gunicorn",
            "--worker-class",
            "gthread",
            "--workers",
            "1",
            "--threads",
            "32",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--graceful-timeout",
            "2",
            "wsgi:app",
        ]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> ServerProcess:
        output = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        try:
            self.process = self._spawn(output)
        finally:
            if self.log:
                output.close()  # the child has its own copy of the descriptor
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}")
            try:
                health = self.url + "/healthz"
                with urllib.request.urlopen(health, timeout=1) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("server did not become healthy")

    def _spawn(self, output) -> subprocess.Popen:
        return subprocess.Popen(
            [str(BIN / self.command[0]), *self.command[1:]],
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=output,
            stderr=output,
            start_new_session=True,
        )

    def kill(self) -> None:
        """Stop abruptly, as a crash or a pulled plug would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


class ThreadClient:
    """What the excerpt page's script does: catch up on (re)connect, resend unacked, fill gaps."""

    def __init__(self, url: str, token: str, excerpt_id: int) -> None:
        self.url, self.token, self.excerpt_id = url, token, excerpt_id
        self.lock = threading.RLock()
        self.messages: dict[int, dict] = {}
        self.pending: dict[str, str] = {}
        self.acked: dict[str, tuple[int, int]] = {}
        self.duplicates_received = 0
        self.connections = 0
        self.joined = threading.Event()
        self.sio = socketio.Client(
            reconnection=True,
            reconnection_delay=0.2,
            reconnection_delay_max=1,
            randomization_factor=0,
        )
        self.sio.on("connect", self._on_connect)
        self.sio.on("disconnect", lambda *args: self.joined.clear())
        self.sio.on("message", self._on_message)

    @property
    def last_seq(self) -> int:
        with self.lock:
            seq = 0
            while seq + 1 in self.messages:
                seq += 1
            return seq

    def connect(self) -> ThreadClient:
        self.sio.connect(self.url, auth={"token": self.token}, wait_timeout=10)
        if not self.joined.wait(10):
            raise TimeoutError("join did not complete")
        return self

    def _on_connect(self) -> None:
        self.connections += 1
        threading.Thread(target=self._join_and_resend, daemon=True).start()

    def _join_and_resend(self) -> None:
        try:
            ack = self.sio.call(
                "join", {"excerpt_id": self.excerpt_id, "after": self.last_seq}, timeout=10
            )
        except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
            return
        if ack and ack.get("ok"):
            for message in ack["messages"]:
                self._store(message)
            self.joined.set()
            with self.lock:
                unsent = list(self.pending.items())
            for client_id, body in unsent:
                self._send(client_id, body)

    def _store(self, message: dict) -> None:
        with self.lock:
            if message["seq"] in self.messages:
                self.duplicates_received += 1
            self.messages[message["seq"]] = message

    def _on_message(self, message: dict) -> None:
        if message.get("excerpt_id") != self.excerpt_id:
            return
        gap = message["seq"] > self.last_seq + 1
        self._store(message)
        if gap:
            # Pub/sub is not a delivery guarantee: ask for what is missing at once.
            threading.Thread(target=self._fill_gap, daemon=True).start()

    def _fill_gap(self) -> None:
        try:
            ack = self.sio.call(
                "join", {"excerpt_id": self.excerpt_id, "after": self.last_seq}, timeout=10
            )
        except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
            return
        for message in (ack or {}).get("messages", []):
            with self.lock:
                if message["seq"] not in self.messages:
                    self.messages[message["seq"]] = message

    def send(self, body: str) -> str:
        client_id = uuid.uuid4().hex
        with self.lock:
            self.pending[client_id] = body
        self._send(client_id, body)
        return client_id

    def _send(self, client_id: str, body: str) -> None:
        if not self.joined.is_set():
            return  # resent after the next join
        try:
            ack = self.sio.call(
                "message",
                {"excerpt_id": self.excerpt_id, "body": body, "client_id": client_id},
                timeout=5,
            )
        except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
            return
        if ack and ack.get("ok"):
            with self.lock:
                self.pending.pop(client_id, None)
                self.acked[client_id] = (ack["id"], ack["seq"])

    def settle(self, expected_total: int, timeout: float = 30) -> None:
        """Wait until nothing is pending and every message up to ``expected_total`` is here."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                done = not self.pending and self.last_seq >= expected_total
                unsent = list(self.pending.items())
            if done:
                return
            for client_id, body in unsent:
                self._send(client_id, body)
            if self.joined.is_set() and self.last_seq < expected_total:
                self._fill_gap()
            time.sleep(0.2)
        raise TimeoutError(f"not settled: pending={len(self.pending)} last_seq={self.last_seq}")

    def close(self) -> None:
        self.sio.disconnect()
        # The Engine.IO client keeps a requests session (long-polling) open; close it too.
        http = getattr(self.sio.eio, "http", None)
        if http is not None:
            http.close()
