"""Room taxonomies, countertransference moments and supervisors' annotations.

Moments and annotations anchor to a span of an immutable excerpt: from (``line``, ``start``) to
(``end_line``, ``end``), offsets in Unicode code points of the lines' text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.excerpt import Excerpt
from app.models.user import User
from app.orm import UTCDateTime, utcnow


class Tag(db.Model):
    """A tag of one room's taxonomy (the built-in tags are copied into every room)."""

    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("room_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(60))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tags.id", ondelete="SET NULL"))
    colour: Mapped[str] = mapped_column(String(7))
    definition: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(default=False)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("tags.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    parent: Mapped[Tag | None] = relationship(remote_side=[id], foreign_keys=[parent_id])

    @property
    def active(self) -> bool:
        return self.retired_at is None and self.merged_into_id is None

    def __repr__(self) -> str:
        return f"<Tag {self.id} {self.slug} room={self.room_id}>"


class Moment(db.Model):
    __tablename__ = "moments"
    __table_args__ = (
        CheckConstraint("intensity IS NULL OR (intensity BETWEEN 1 AND 5)", name="intensity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    excerpt_id: Mapped[int] = mapped_column(
        ForeignKey("excerpts.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), index=True)
    line: Mapped[int]
    start: Mapped[int]
    end_line: Mapped[int]
    end: Mapped[int]
    intensity: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    almost_said: Mapped[str] = mapped_column(Text, default="")
    instead: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    excerpt: Mapped[Excerpt] = relationship()
    author: Mapped[User | None] = relationship()
    tag: Mapped[Tag] = relationship()

    def __repr__(self) -> str:
        return f"<Moment {self.id} excerpt={self.excerpt_id}>"


class Annotation(db.Model):
    """A supervisor's anchored comment, for the room or only for the excerpt's author."""

    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(primary_key=True)
    excerpt_id: Mapped[int] = mapped_column(
        ForeignKey("excerpts.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    line: Mapped[int]
    start: Mapped[int]
    end_line: Mapped[int]
    end: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    visibility: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    excerpt: Mapped[Excerpt] = relationship()
    author: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Annotation {self.id} excerpt={self.excerpt_id} {self.visibility}>"
