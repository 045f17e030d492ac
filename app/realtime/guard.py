"""Turn a socket handler's failures into error acks; the connection stays usable."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from app.extensions import db
from app.realtime.connection import socket_user
from app.services.errors import ServiceError

log = logging.getLogger(__name__)


class BadEvent(ServiceError):
    status = 400
    title = "Bad event"


def event_handler(handler: Callable[..., dict]) -> Callable[..., dict]:
    """Run a handler for the socket's user; answer ``{ok: false, error}`` instead of raising."""

    @functools.wraps(handler)
    def wrapper(data: Any = None, *rest: Any) -> dict:
        user = socket_user()
        if user is None:
            return {"ok": False, "error": "Your session has ended; sign in again.", "status": 401}
        if not isinstance(data, dict):
            return {"ok": False, "error": "The event needs a JSON object.", "status": 400}
        try:
            return handler(user, data)
        except ServiceError as exc:
            db.session.rollback()
            answer = {"ok": False, "error": exc.detail, "status": exc.status}
            for key in ("errors", "findings"):
                if key in exc.extensions:
                    answer[key] = exc.extensions[key]
            return answer
        except Exception as exc:
            db.session.rollback()
            # Never the exception text: it may quote what the user wrote.
            log.error("socket handler %s failed with %s", handler.__name__, type(exc).__name__)
            return {"ok": False, "error": "Something went wrong; nothing was saved.", "status": 500}

    return wrapper


def int_field(data: dict, name: str, *, required: bool = True, default: int = 0) -> int:
    """Read a non-negative integer field of an event."""
    value = data.get(name, None if required else default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > 2**53:
        raise BadEvent(f"{name} must be a whole number ≥ 0.")
    return value
