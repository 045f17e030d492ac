"""Models, one module per aggregate; importing this package registers every table."""

from app.models.audit import AuditEvent
from app.models.room import INVITABLE_ROLES, Invite, Membership, Role, Room
from app.models.user import ApiToken, User

__all__ = [
    "INVITABLE_ROLES",
    "ApiToken",
    "AuditEvent",
    "Invite",
    "Membership",
    "Role",
    "Room",
    "User",
]
