"""The job queue adapter."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def redis_ok(url: str) -> bool:
    """Return whether Redis answers a PING within a second."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        return bool(client.ping())
    except redis.RedisError:
        log.warning("redis did not answer the health check")
        return False
