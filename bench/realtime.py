"""Delivery latency and throughput of Parallel's live threads, against a bare server.

Run: .venv/bin/python bench/realtime.py [--clients 10 50 200] [--rate 20] [--seconds 5]

For each client count N, N Socket.IO clients (websocket transport) join one excerpt's thread;
one of them sends messages at a fixed rate; every client records when each message arrives.
The same run measures, on the same machine and transport (gunicorn + gevent worker):
  - bare: a bare Flask-SocketIO broadcast server (bench/bare_server.py), the ceiling;
  - parallel: Parallel itself (token auth, access checks, the gate, a committed row per
    message, seq, emit after commit), one process on SQLite;
  - parallel x2: two Parallel processes on PostgreSQL sharing the Redis message queue, clients
    split between them (needs TEST_DATABASE_URL-style PG_URL and REDIS_URL, else skipped).
It prints delivery latency p50/p95/p99, delivered messages per second, connect time, and the
ratios parallel/bare. Traffic stays on 127.0.0.1; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import socketio  # noqa: E402

from tests.realtime.live import ServerProcess, free_port, migrate, server_env  # noqa: E402


def seed(database_url: str, instance: Path) -> tuple[int, str]:
    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db
    from app.services import accounts, excerpts, rooms

    app = create_app(TestingConfig(database_url=database_url, instance=str(instance)))
    with app.app_context():
        user = accounts.register(
            f"bench-{uuid.uuid4().hex[:8]}@example.org",
            "quiet harbour lantern 42",
            "Benchmark runner",
        )
        room = rooms.create_room(user, "Bench room")
        excerpt = excerpts.post_excerpt(
            user,
            room.id,
            excerpts.ExcerptDraft(title="Bench", text="T: hello\nC: quiet", attest=True),
        )
        _, token = accounts.create_token(user, "bench")
        excerpt_id = excerpt.id
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return excerpt_id, token


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


async def run_load(
    urls: list[str], token: str | None, excerpt_id: int, clients: int, rate: float, seconds: float
) -> dict:
    """Connect ``clients`` clients spread over ``urls``, send at ``rate``, measure arrivals."""
    sent_at: dict[str, float] = {}
    latencies: list[float] = []
    last_arrival = [0.0]
    connected: list[socketio.AsyncClient] = []
    connect_times: list[float] = []

    async def open_client(index: int) -> None:
        sio = socketio.AsyncClient(reconnection=False)

        @sio.on("message")
        async def on_message(data):
            stamp = sent_at.get(data.get("client_id"))
            if stamp is not None:
                now = time.perf_counter()
                latencies.append(now - stamp)
                last_arrival[0] = max(last_arrival[0], now)

        start = time.perf_counter()
        await sio.connect(
            urls[index % len(urls)],
            transports=["websocket"],
            auth={"token": token} if token else None,
            wait_timeout=30,
        )
        await sio.call("join", {"excerpt_id": excerpt_id, "after": 0}, timeout=30)
        connect_times.append(time.perf_counter() - start)
        connected.append(sio)

    started = time.perf_counter()
    # Connect in batches so the connect figure measures the server, not a thundering herd.
    for batch in range(0, clients, 25):
        await asyncio.gather(*(open_client(i) for i in range(batch, min(clients, batch + 25))))
    connect_all = time.perf_counter() - started

    sender = connected[0]
    # Warm-up, not measured: the first messages pay for lazy loading on both servers.
    for i in range(5):
        await _send(sender, excerpt_id, f"warm-{uuid.uuid4().hex}", -i)
    await asyncio.sleep(0.5)
    total = int(rate * seconds)
    in_flight: set[asyncio.Task] = set()
    first_send = time.perf_counter()
    for i in range(total):
        target = first_send + i / rate
        delay = target - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        client_id = uuid.uuid4().hex
        sent_at[client_id] = time.perf_counter()
        task = asyncio.ensure_future(_send(sender, excerpt_id, client_id, i))
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)
    expected = total * clients
    deadline = time.perf_counter() + 30
    while len(latencies) < expected and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
    delivered = len(latencies)
    elapsed = max(last_arrival[0] - first_send, 1e-9)
    for sio in connected:
        await sio.disconnect()
    return {
        "clients": clients,
        "sent": total,
        "expected": expected,
        "delivered": delivered,
        "per_second": delivered / elapsed,
        "p50": percentile(latencies, 50) * 1000,
        "p95": percentile(latencies, 95) * 1000,
        "p99": percentile(latencies, 99) * 1000,
        "connect_p50": percentile(connect_times, 50) * 1000,
        "connect_all": connect_all,
    }


async def _send(sio: socketio.AsyncClient, excerpt_id: int, client_id: str, i: int) -> None:
    with contextlib.suppress(socketio.exceptions.TimeoutError):
        await sio.call(
            "message",
            {"excerpt_id": excerpt_id, "body": f"bench message {i}", "client_id": client_id},
            timeout=30,
        )


def gevent_server(env: dict, app_path: str, log: Path) -> ServerProcess:
    server = ServerProcess(env, port=free_port(), log=log)
    server.command = [
        "gunicorn",
        "-k",
        "gevent",
        "-w",
        "1",
        "--bind",
        f"127.0.0.1:{server.port}",
        app_path,
    ]
    return server.start()


def row(name: str, r: dict) -> str:
    return (
        f"{name:<12} {r['clients']:>4} {r['delivered']:>7}/{r['expected']:<7} "
        f"{r['per_second']:>9.0f} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['p99']:>8.1f} "
        f"{r['connect_p50']:>9.1f} {r['connect_all']:>8.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--rate", type=float, default=20.0, help="messages per second sent")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="parallel-bench-"))
    sqlite_url = f"sqlite:///{work / 'bench.db'}"
    env = server_env(sqlite_url, work)
    migrate(env)
    excerpt_id, token = seed(sqlite_url, work)
    bare = gevent_server({**env}, "bench.bare_server:app", work / "bare.log")
    parallel = gevent_server(env, "wsgi:app", work / "parallel.log")

    pg_url, redis_url = (
        os.environ.get("PG_URL") or os.environ.get("TEST_DATABASE_URL"),
        os.environ.get("REDIS_URL"),
    )
    pair: list[ServerProcess] = []
    pair_excerpt = pair_token = None
    if pg_url and redis_url:
        pair_env = server_env(pg_url, work, redis_url=redis_url)
        migrate(pair_env)
        pair_excerpt, pair_token = seed(pg_url, work)
        pair = [gevent_server(pair_env, "wsgi:app", work / f"pair{i}.log") for i in range(2)]

    results = []
    try:
        for clients in args.clients:
            b = asyncio.run(
                run_load([bare.url], None, excerpt_id, clients, args.rate, args.seconds)
            )
            p = asyncio.run(
                run_load([parallel.url], token, excerpt_id, clients, args.rate, args.seconds)
            )
            two = None
            if pair:
                two = asyncio.run(
                    run_load(
                        [s.url for s in pair],
                        pair_token,
                        pair_excerpt,
                        clients,
                        args.rate,
                        args.seconds,
                    )
                )
            results.append((clients, b, p, two))
    finally:
        for server in [bare, parallel, *pair]:
            server.stop()

    print(
        f"rate {args.rate:g} msg/s for {args.seconds:g} s; gunicorn -k gevent; websocket; "
        f"latency in ms; connect p50 in ms, all in s"
    )
    print(
        f"{'server':<12} {'N':>4} {'delivered':>15} {'deliv/s':>9} {'p50':>8} {'p95':>8} "
        f"{'p99':>8} {'conn p50':>9} {'conn all':>8}"
    )
    for clients, b, p, two in results:
        print(row("bare", b))
        print(row("parallel", p))
        if two:
            print(row("parallel x2", two))
        print(
            f"{'':<12} {clients:>4} throughput parallel/bare = "
            f"{p['per_second'] / b['per_second']:.2f}x, p99 parallel/bare = "
            f"{p['p99'] / b['p99']:.2f}x"
        )
    if not pair:
        print(
            "parallel x2 (PostgreSQL + Redis) skipped: set PG_URL (or TEST_DATABASE_URL) "
            "and REDIS_URL"
        )
    print(f"scratch files: {work}")


if __name__ == "__main__":
    main()
