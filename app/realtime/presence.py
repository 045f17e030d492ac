"""Who is viewing each excerpt: in memory for one process, in Redis when processes share rooms."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict

from flask import current_app

# A Redis entry not refreshed for this long is dropped (a process that died without saying so).
STALE_AFTER = 120


class MemoryPresence:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rooms: dict[int, dict[str, dict]] = defaultdict(dict)

    def add(self, excerpt_id: int, sid: str, user: dict) -> None:
        with self._lock:
            self._rooms[excerpt_id][sid] = user

    def remove(self, excerpt_id: int, sid: str) -> None:
        with self._lock:
            self._rooms[excerpt_id].pop(sid, None)

    def users(self, excerpt_id: int) -> list[dict]:
        with self._lock:
            return _unique(self._rooms[excerpt_id].values())


class RedisPresence:
    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=2)

    def _key(self, excerpt_id: int) -> str:
        return f"parallel:presence:{excerpt_id}"

    def add(self, excerpt_id: int, sid: str, user: dict) -> None:
        entry = json.dumps({**user, "at": time.time()})
        self._redis.hset(self._key(excerpt_id), sid, entry)
        self._redis.expire(self._key(excerpt_id), STALE_AFTER * 10)

    def remove(self, excerpt_id: int, sid: str) -> None:
        self._redis.hdel(self._key(excerpt_id), sid)

    def users(self, excerpt_id: int) -> list[dict]:
        now = time.time()
        entries = []
        for sid, raw in self._redis.hgetall(self._key(excerpt_id)).items():
            entry = json.loads(raw)
            if now - entry.pop("at", now) > STALE_AFTER:
                self._redis.hdel(self._key(excerpt_id), sid)
                continue
            entries.append(entry)
        return _unique(entries)


def _unique(entries) -> list[dict]:
    seen: dict[int, dict] = {}
    for entry in entries:
        seen.setdefault(entry["id"], {"id": entry["id"], "name": entry["name"]})
    return sorted(seen.values(), key=lambda e: e["name"].casefold())


_memory = MemoryPresence()


def store():
    """Return the presence store for this application's configuration."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return _memory
    extension = current_app.extensions.setdefault("parallel_presence", RedisPresence(url))
    return extension
