"""Writes the append-only audit trail."""

from __future__ import annotations

import logging

from app.extensions import db
from app.models import AuditEvent, User

log = logging.getLogger(__name__)

# Only these keys may appear in ``details``: ids, role names and counts, never typed text.
ALLOWED_DETAIL_KEYS = frozenset(
    {"role", "old_role", "new_role", "user_id", "token_id", "invite_id", "reason", "count", "via"}
)


def record(
    action: str,
    *,
    actor: User | None = None,
    actor_id: int | None = None,
    room_id: int | None = None,
    target_type: str | None = None,
    target_id: int | None = None,
    ip: str | None = None,
    **details: object,
) -> AuditEvent:
    """Append one audit event to the session (committed with the change it describes)."""
    unknown = set(details) - ALLOWED_DETAIL_KEYS
    if unknown:
        raise ValueError(f"audit details may not carry {sorted(unknown)}")
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor is not None else actor_id,
        room_id=room_id,
        target_type=target_type,
        target_id=target_id,
        ip=ip,
        details=dict(details),
    )
    db.session.add(event)
    log.info(
        "audit %s actor=%s room=%s target=%s:%s",
        action,
        event.actor_id,
        room_id,
        target_type,
        target_id,
    )
    return event
