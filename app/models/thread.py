"""Live discussion: one thread per excerpt, messages ordered by a per-thread sequence number."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.excerpt import Excerpt
from app.models.moment import Moment
from app.models.user import User
from app.orm import UTCDateTime, utcnow


class ThreadCounter(db.Model):
    """The last sequence number handed out in an excerpt's thread.

    Incrementing this row inside the posting transaction locks it until COMMIT, so sequence
    numbers are committed in order even with several server processes.
    """

    __tablename__ = "thread_counters"

    excerpt_id: Mapped[int] = mapped_column(
        ForeignKey("excerpts.id", ondelete="CASCADE"), primary_key=True
    )
    last_seq: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"<ThreadCounter excerpt={self.excerpt_id} {self.last_seq}>"


class Message(db.Model):
    __tablename__ = "messages"
    # Named by hand: the naming convention names a unique constraint after its first column only.
    __table_args__ = (
        UniqueConstraint("excerpt_id", "seq", name="uq_messages_excerpt_id_seq"),
        UniqueConstraint(
            "excerpt_id",
            "author_id",
            "client_id",
            name="uq_messages_excerpt_id_author_id_client_id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    excerpt_id: Mapped[int] = mapped_column(
        ForeignKey("excerpts.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int]
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # Chosen by the client so a message resent after a reconnect is stored once.
    client_id: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    moment_id: Mapped[int | None] = mapped_column(
        ForeignKey("moments.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    excerpt: Mapped[Excerpt] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    moment: Mapped[Moment | None] = relationship()
    edits: Mapped[list[MessageEdit]] = relationship(
        back_populates="message",
        order_by="MessageEdit.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return f"<Message {self.id} excerpt={self.excerpt_id} seq={self.seq}>"


class MessageEdit(db.Model):
    """A previous version of an edited message (the visible edit history)."""

    __tablename__ = "message_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    message: Mapped[Message] = relationship(back_populates="edits")

    def __repr__(self) -> str:
        return f"<MessageEdit {self.id} message={self.message_id}>"


class ThreadState(db.Model):
    """What one member has read of a thread, and whether they follow it."""

    __tablename__ = "thread_states"
    __table_args__ = (UniqueConstraint("user_id", "excerpt_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    excerpt_id: Mapped[int] = mapped_column(
        ForeignKey("excerpts.id", ondelete="CASCADE"), index=True
    )
    last_read_seq: Mapped[int] = mapped_column(default=0)
    following: Mapped[bool] = mapped_column(default=True)

    def __repr__(self) -> str:
        return f"<ThreadState user={self.user_id} excerpt={self.excerpt_id}>"
