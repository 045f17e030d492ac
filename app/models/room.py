"""Case-consultation rooms, memberships with a role, and invites."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.user import User
from app.orm import UTCDateTime, utcnow


class Role(enum.StrEnum):
    """A member's role in one room; the predicates are the only place roles mean something."""

    OWNER = "owner"
    SUPERVISOR = "supervisor"
    MEMBER = "member"
    TRAINEE = "trainee"

    @property
    def can_invite(self) -> bool:
        return self in (Role.OWNER, Role.SUPERVISOR)

    @property
    def can_manage_members(self) -> bool:
        return self is Role.OWNER

    @property
    def can_edit_room(self) -> bool:
        return self is Role.OWNER

    @property
    def can_annotate(self) -> bool:
        return self in (Role.OWNER, Role.SUPERVISOR)

    @property
    def can_manage_tags(self) -> bool:
        return self in (Role.OWNER, Role.SUPERVISOR)

    @property
    def can_post(self) -> bool:
        return True

    @property
    def label(self) -> str:
        return self.value.capitalize()


INVITABLE_ROLES = (Role.SUPERVISOR, Role.MEMBER, Role.TRAINEE)

role_enum = Enum(
    Role,
    name="room_role",
    values_callable=lambda roles: [r.value for r in roles],
    validate_strings=True,
)


class Room(db.Model):
    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="room", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<Room {self.id}>"


class Membership(db.Model):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("room_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(role_enum)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    room: Mapped[Room] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<Membership room={self.room_id} user={self.user_id} {self.role.value}>"


class Invite(db.Model):
    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(role_enum)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    max_uses: Mapped[int] = mapped_column(default=1)
    uses: Mapped[int] = mapped_column(default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    room: Mapped[Room] = relationship()

    def is_usable(self, now: datetime) -> bool:
        """Return whether the invite can still bring someone in."""
        return self.revoked_at is None and self.uses < self.max_uses and now < self.expires_at

    def __repr__(self) -> str:
        return f"<Invite {self.id} room={self.room_id} {self.role.value}>"
