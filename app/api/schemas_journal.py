"""Schemas of the private journal, insights and my-data endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.api.schemas import Strict


class EntryIn(Strict):
    body: str = Field(max_length=20_000, description="Markdown")
    tags: list[str] = Field(default_factory=list, max_length=12)
    intensity: int | None = Field(default=None, ge=1, le=5)
    excerpt_id: int | None = Field(default=None, description="One of the excerpts in my rooms")
    case_id: int | None = Field(default=None, description="A case in one of my rooms")


class EntryPatch(Strict):
    body: str | None = Field(default=None, max_length=20_000)
    tags: list[str] | None = Field(default=None, max_length=12)
    intensity: int | None = Field(default=None, ge=1, le=5)
    excerpt_id: int | None = None
    case_id: int | None = None


class EntryOut(BaseModel):
    id: int
    body: str
    body_html: str
    tags: list[str]
    intensity: int | None
    excerpt_id: int | None
    case_id: int | None
    created_at: datetime
    edited_at: datetime | None


class EntryList(BaseModel):
    items: list[EntryOut]
    next: str | None


class JournalResolutionIn(Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    action: Literal["redact", "keep"]
    field: Literal["body"] = "body"
    type: str | None = Field(default=None, max_length=20)


class EntryShare(Strict):
    room_id: int
    excerpt_id: int | None = Field(
        default=None, description="The excerpt whose discussion gets the note (default: linked)"
    )
    resolutions: list[JournalResolutionIn] = Field(default_factory=list, max_length=2000)
    attest: bool = False


class SharedOut(BaseModel):
    message_id: int
    excerpt_id: int
    seq: int


class TemplateIn(Strict):
    name: str = Field(max_length=80)
    prompts: list[str] = Field(max_length=20)


class TemplateOut(BaseModel):
    id: int
    name: str
    prompts: list[str]


class TemplateList(BaseModel):
    items: list[TemplateOut]
    next: str | None = None


class TagIn(Strict):
    name: str = Field(max_length=60)


class TagOut(BaseModel):
    slug: str
    name: str
    builtin: bool


class TagList(BaseModel):
    items: list[TagOut]
    next: str | None = None


class Insights(BaseModel):
    since: str | None
    journal_entries: int
    moments: int
    tags: dict
    intensity: list[dict]
    talk: dict
    words: list[dict]


class AccountDelete(Strict):
    password: str = Field(max_length=1024)
    keep_shared: bool = Field(
        description="true: my shared excerpts, moments and messages stay, shown as 'Former "
        "member'; false: they are removed (with the discussion anchored in my excerpts)"
    )
