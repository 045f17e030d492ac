"""Models, one module per aggregate; importing this package registers every table."""

from app.models.audit import AuditEvent
from app.models.excerpt import Case, Excerpt, ExcerptLine
from app.models.journal import JournalEntry, JournalTag, JournalTemplate, PersonalTag
from app.models.moment import Annotation, Moment, Tag
from app.models.room import INVITABLE_ROLES, Invite, Membership, Role, Room
from app.models.thread import Message, MessageEdit, ThreadCounter, ThreadState
from app.models.transcription import Transcription
from app.models.user import ApiToken, User

__all__ = [
    "INVITABLE_ROLES",
    "Annotation",
    "ApiToken",
    "AuditEvent",
    "Case",
    "Excerpt",
    "ExcerptLine",
    "Invite",
    "JournalEntry",
    "JournalTag",
    "JournalTemplate",
    "Membership",
    "Message",
    "MessageEdit",
    "Moment",
    "PersonalTag",
    "Role",
    "Room",
    "Tag",
    "ThreadCounter",
    "ThreadState",
    "Transcription",
    "User",
]
