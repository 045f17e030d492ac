"""The private journal: encrypted entries, their tags, the owner's own tags and templates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.orm import UTCDateTime, utcnow


class JournalEntry(db.Model):
    """One entry; the markdown body exists only as AES-GCM ciphertext (see services.crypto)."""

    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    key_id: Mapped[str] = mapped_column(String(16))
    intensity: Mapped[int | None]
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    excerpt_id: Mapped[int | None] = mapped_column(ForeignKey("excerpts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    tags: Mapped[list[JournalTag]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="JournalTag.slug"
    )

    @property
    def tag_slugs(self) -> list[str]:
        return [t.slug for t in self.tags]

    def __repr__(self) -> str:
        return f"<JournalEntry {self.id} author={self.author_id}>"


class JournalTag(db.Model):
    """A tag on an entry; slugs are taxonomy names, not secrets."""

    __tablename__ = "journal_tags"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True
    )
    slug: Mapped[str] = mapped_column(String(60), primary_key=True)

    def __repr__(self) -> str:
        return f"<JournalTag {self.entry_id}:{self.slug}>"


class PersonalTag(db.Model):
    """A tag the owner added to their own journal taxonomy."""

    __tablename__ = "personal_tags"
    __table_args__ = (UniqueConstraint("owner_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<PersonalTag {self.id} {self.slug}>"


class JournalTemplate(db.Model):
    """A guided template: a name and its prompts, seeded from the built-ins, editable."""

    __tablename__ = "journal_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    prompts: Mapped[list] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<JournalTemplate {self.id} owner={self.owner_id}>"
