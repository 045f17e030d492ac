"""Cases (room-scoped pseudonyms) and excerpts: de-identified, immutable transcript fragments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.room import Room
from app.models.user import User
from app.orm import UTCDateTime, utcnow


class Case(db.Model):
    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("room_id", "pseudonym"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    pseudonym: Mapped[str] = mapped_column(String(60))
    # De-identified through the gate like every other text that enters a room.
    concerns: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<Case {self.id} room={self.room_id}>"


class Excerpt(db.Model):
    """Stored only in its de-identified form; never edited after posting (anchors stay true)."""

    __tablename__ = "excerpts"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    context: Mapped[str] = mapped_column(Text, default="")
    context_html: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revises_id: Mapped[int | None] = mapped_column(
        ForeignKey("excerpts.id", ondelete="SET NULL"), index=True
    )
    # The record of the de-identification review: counts and types only, never the raw text.
    deid_record: Mapped[dict] = mapped_column(JSON, default=dict)
    attested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Supervision review: None, "requested", "reviewed" or "revision_requested".
    review_status: Mapped[str | None] = mapped_column(String(20), index=True)
    review_note: Mapped[str] = mapped_column(Text, default="")
    review_note_html: Mapped[str] = mapped_column(Text, default="")
    review_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    room: Mapped[Room] = relationship()
    case: Mapped[Case | None] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])
    lines: Mapped[list[ExcerptLine]] = relationship(
        back_populates="excerpt",
        order_by="ExcerptLine.n",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    revises: Mapped[Excerpt | None] = relationship(remote_side=[id])

    def __repr__(self) -> str:
        return f"<Excerpt {self.id} room={self.room_id}>"


class ExcerptLine(db.Model):
    __tablename__ = "excerpt_lines"
    __table_args__ = (UniqueConstraint("excerpt_id", "n"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    excerpt_id: Mapped[int] = mapped_column(
        ForeignKey("excerpts.id", ondelete="CASCADE"), index=True
    )
    n: Mapped[int]
    speaker: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[float | None]
    end: Mapped[float | None]

    excerpt: Mapped[Excerpt] = relationship(back_populates="lines")

    def __repr__(self) -> str:
        return f"<ExcerptLine {self.excerpt_id}:{self.n}>"
