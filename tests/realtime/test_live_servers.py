"""Reliability with real server processes and real Socket.IO clients.

- one server killed and restarted while two clients send: nothing acknowledged is lost, nothing
  is stored or shown twice, every client ends with the same messages in seq order;
- two server processes on different ports sharing PostgreSQL and the Redis message queue: a
  client on each sees the other's messages, in order.
"""

from __future__ import annotations

import gc
import threading
import time
import uuid

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.config import TestingConfig, normalize_database_url
from app.extensions import db
from app.models import Message, Role
from app.services import accounts, excerpts
from tests import factories
from tests.conftest import SERVICES, require_service
from tests.realtime.live import ServerProcess, ThreadClient, migrate, server_env

pytestmark = [
    pytest.mark.slow,
    # python-socketio's client threads can drop a reconnecting socket to the garbage collector
    # after the test has finished with it; that is the client library's housekeeping, not ours.
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
]


def seed(database_url: str, instance) -> tuple[int, list[str]]:
    """Two members of a room with one excerpt; returns the excerpt id and their tokens."""
    app = create_app(TestingConfig(database_url=database_url, instance=str(instance)))
    with app.app_context():
        owner = factories.user(display_name="Ola Owner")
        room = factories.room(owner)
        other = factories.member(room, Role.MEMBER)
        excerpt = excerpts.post_excerpt(
            owner, room.id, excerpts.ExcerptDraft(title="Live", text="T: hi\nC: hello", attest=True)
        )
        tokens = [accounts.create_token(person, "live")[1] for person in (owner, other)]
        excerpt_id = excerpt.id
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return excerpt_id, tokens


def stored_messages(database_url: str) -> int:
    engine = create_engine(normalize_database_url(database_url))
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(Message)).scalar_one()
    engine.dispose()
    return count


def send_many(client: ThreadClient, prefix: str, count: int, pause: float) -> None:
    for i in range(count):
        client.send(f"{prefix} {i}")
        time.sleep(pause)


def assert_complete(clients: list[ThreadClient], total: int) -> None:
    reference = None
    for client in clients:
        seqs = sorted(client.messages)
        assert seqs == list(range(1, total + 1)), "a message is missing or out of order"
        ids = [client.messages[s]["id"] for s in seqs]
        assert len(set(ids)) == total, "a message was stored twice"
        for client_id, (message_id, seq) in client.acked.items():
            assert client.messages[seq]["id"] == message_id
            assert client.messages[seq]["client_id"] == client_id
        bodies = [client.messages[s]["body"] for s in seqs]
        reference = reference or bodies
        assert bodies == reference, "clients disagree on the order"


def test_restart_while_clients_send_loses_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    env = server_env(url, tmp_path)
    migrate(env)
    excerpt_id, tokens = seed(url, tmp_path)
    server = ServerProcess(env, log=tmp_path / "server.log").start()
    clients = [ThreadClient(server.url, token, excerpt_id).connect() for token in tokens]
    per_client = 25
    try:
        senders = [
            threading.Thread(target=send_many, args=(c, f"c{i}", per_client, 0.03))
            for i, c in enumerate(clients)
        ]
        for sender in senders:
            sender.start()
        time.sleep(0.3)
        server.kill()  # mid-stream, without warning
        time.sleep(0.5)
        server = ServerProcess(env, port=server.port, log=tmp_path / "server.log").start()
        for sender in senders:
            sender.join(timeout=60)
        total = per_client * len(clients)
        for client in clients:
            client.settle(total)
        assert_complete(clients, total)
        assert stored_messages(url) == total
        assert sum(len(c.acked) for c in clients) == total
        assert all(c.connections >= 2 for c in clients), "the restart did not cut the clients off"
    finally:
        for client in clients:
            client.close()
        server.stop()
        gc.collect()  # let the clients' dropped sockets surface here, under this test's filter


@pytest.fixture
def shared_postgres():
    """A fresh PostgreSQL database for two server processes."""
    base = SERVICES["database_url"]
    require_service("PostgreSQL", bool(base), "set TEST_DATABASE_URL")
    admin_url = make_url(normalize_database_url(base)).set(database="postgres")
    name = f"parallel_live_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_two_processes_share_rooms_through_redis(shared_postgres, tmp_path):
    redis_url = SERVICES["redis_url"]
    require_service("Redis", bool(redis_url), "set REDIS_URL")
    env = server_env(shared_postgres, tmp_path, redis_url=redis_url)
    migrate(env)
    excerpt_id, tokens = seed(shared_postgres, tmp_path)
    # The documented production setup: gunicorn's gevent worker, one worker per process.
    servers = [
        ServerProcess(env, log=tmp_path / f"server{i}.log", worker="gevent").start()
        for i in range(2)
    ]
    assert servers[0].port != servers[1].port
    clients = [
        ThreadClient(server.url, token, excerpt_id).connect()
        for server, token in zip(servers, tokens, strict=True)
    ]
    per_client = 20
    try:
        senders = [
            threading.Thread(target=send_many, args=(c, f"p{i}", per_client, 0.01))
            for i, c in enumerate(clients)
        ]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join(timeout=60)
        total = per_client * len(clients)
        for client in clients:
            client.settle(total)
        assert_complete(clients, total)
        # Each client heard the other process's messages live, not only through catch-up.
        other_bodies = [
            m["body"] for m in clients[0].messages.values() if m["body"].startswith("p1")
        ]
        assert len(other_bodies) == per_client
        assert stored_messages(shared_postgres) == total
    finally:
        for client in clients:
            client.close()
        for server in servers:
            server.stop()
        gc.collect()
