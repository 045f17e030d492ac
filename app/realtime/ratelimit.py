"""Per-user message rate limit for sockets, on the same storage as Flask-Limiter."""

from __future__ import annotations

from flask import current_app
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter


def _limiter() -> MovingWindowRateLimiter:
    cached = current_app.extensions.get("parallel_socket_limiter")
    if cached is None:
        storage = storage_from_string(current_app.config["RATELIMIT_STORAGE_URI"])
        cached = MovingWindowRateLimiter(storage)
        current_app.extensions["parallel_socket_limiter"] = cached
    return cached


def allow_message(user_id: int) -> bool:
    """Count one message against the user's limit; False once it is used up."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    limit = parse(current_app.config["MESSAGE_LIMIT_PER_USER"])
    return _limiter().hit(limit, "socket-message", str(user_id))
