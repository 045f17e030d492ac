"""Request and response schemas of ``/api/v1``; they validate input and document the API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


# Accounts ---------------------------------------------------------------------------------


class UserCreate(Strict):
    email: str = Field(max_length=254)
    password: str = Field(max_length=1024)
    display_name: str = Field(max_length=200)


class UserOut(BaseModel):
    id: int
    email: str
    display_name: str
    created_at: datetime


class UserUpdate(Strict):
    display_name: str = Field(max_length=200)


class PasswordChange(Strict):
    current_password: str = Field(max_length=1024)
    new_password: str = Field(max_length=1024)


class TokenCreate(Strict):
    name: str = Field(default="", max_length=200)


class TokenCreated(BaseModel):
    id: int
    token: str
    name: str
    created_at: datetime


class TokenOut(BaseModel):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None


class TokenList(BaseModel):
    items: list[TokenOut]
    next: str | None = None


# Rooms ------------------------------------------------------------------------------------

RoleName = Literal["owner", "supervisor", "member", "trainee"]
InvitableRole = Literal["supervisor", "member", "trainee"]


class RoomCreate(Strict):
    name: str = Field(max_length=500)
    description: str = Field(default="", max_length=5000)


class RoomUpdate(Strict):
    name: str | None = Field(default=None, max_length=500)
    description: str | None = Field(default=None, max_length=5000)


class RoomSummary(BaseModel):
    id: int
    name: str
    description: str
    role: RoleName
    created_at: datetime


class RoomList(BaseModel):
    items: list[RoomSummary]
    next: str | None


class PersonOut(BaseModel):
    id: int
    display_name: str


class MemberOut(BaseModel):
    user: PersonOut
    role: RoleName
    joined_at: datetime


class RoomOut(RoomSummary):
    members: list[MemberOut]


class InviteCreate(Strict):
    role: InvitableRole
    days: int | None = Field(default=None, description="Days until it expires (1-30)")
    max_uses: int = Field(default=1, description="How many people may use it (1-100)")


class InviteOut(BaseModel):
    id: int
    code: str
    role: InvitableRole
    room_id: int
    expires_at: datetime
    max_uses: int
    uses: int
    url: str


class InviteList(BaseModel):
    items: list[InviteOut]
    next: str | None = None


class RoomRef(BaseModel):
    id: int
    name: str


class InvitePreview(BaseModel):
    room: RoomRef
    role: InvitableRole
    expires_at: datetime


class MemberUpdate(Strict):
    role: RoleName


class AcceptOut(BaseModel):
    room: RoomSummary
    role: RoleName


class Health(BaseModel):
    status: str
    database: str
    queue: str


# De-identification and excerpts ----------------------------------------------------------

FieldName = Literal["title", "text", "context"]


class ScanIn(Strict):
    text: str = Field(max_length=50_000)


class FindingOut(BaseModel):
    start: int
    end: int
    type: str
    label: str
    text: str
    field: FieldName = "text"
    resolved: bool | None = None


class ScanOut(BaseModel):
    findings: list[FindingOut]


class ResolutionIn(Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    action: Literal["redact", "keep"]
    field: FieldName = "text"
    type: str | None = Field(
        default=None, max_length=20, description="For spans the scanner missed: NAME, LOCATION, …"
    )


class PreviewIn(Strict):
    title: str = Field(default="", max_length=200)
    text: str = Field(max_length=50_000)
    context: str = Field(default="", max_length=10_000)
    resolutions: list[ResolutionIn] = Field(default_factory=list, max_length=2000)


class PreviewOut(BaseModel):
    title: str
    text: str
    context: str
    lines: list[LineOut]


class ExcerptCreate(Strict):
    title: str = Field(max_length=200)
    text: str = Field(max_length=50_000)
    context: str = Field(default="", max_length=10_000)
    case: int | str | None = Field(default=None, description="Case id or pseudonym")
    resolutions: list[ResolutionIn] = Field(default_factory=list, max_length=2000)
    attest: bool = False
    speakers: dict[str, str] | None = Field(
        default=None, description="Rename parsed speakers to role labels, e.g. Speaker A → T"
    )


class LineOut(BaseModel):
    n: int
    speaker: str
    text: str
    start: float | None = None
    end: float | None = None


class CaseRef(BaseModel):
    id: int
    pseudonym: str


class AuthorOut(BaseModel):
    id: int | None
    name: str


class ExcerptSummary(BaseModel):
    id: int
    room_id: int
    title: str
    case: CaseRef | None
    author: AuthorOut
    created_at: datetime
    line_count: int
    revises_id: int | None
    review_status: str | None = None


class ExcerptOut(ExcerptSummary):
    context: str
    context_html: str
    lines: list[LineOut]
    withdrawn: bool
    revised_by_id: int | None
    deid: dict


class ExcerptList(BaseModel):
    items: list[ExcerptSummary]
    next: str | None


class CaseCreate(Strict):
    pseudonym: str = Field(max_length=200)
    concerns: str = Field(default="", max_length=2000)
    resolutions: list[ResolutionIn] = Field(default_factory=list, max_length=500)
    attest: bool = False


class CaseOut(BaseModel):
    id: int
    pseudonym: str
    concerns: str
    created_at: datetime


class CaseList(BaseModel):
    items: list[CaseOut]
    next: str | None = None


# Moments, tags, annotations, review, export -----------------------------------------------


class SpanIn(Strict):
    line: int = Field(ge=1, le=100_000)
    start: int = Field(ge=0, le=1_000_000)
    end: int = Field(ge=0, le=1_000_000)
    end_line: int | None = Field(
        default=None, ge=1, le=100_000, description="Last line of a span across lines"
    )


class MomentCreate(SpanIn):
    tag: str | int = Field(description="Tag slug (or id) of the room's taxonomy")
    intensity: int | None = Field(default=None, description="1 (faint) to 5 (overwhelming)")
    note: str = Field(default="", max_length=2000)
    almost_said: str = Field(default="", max_length=2000)
    instead: str = Field(default="", max_length=2000)
    resolutions: list[ResolutionIn] = Field(default_factory=list, max_length=200)
    attest: bool = False


class TagRef(BaseModel):
    id: int
    slug: str
    name: str
    colour: str


class MomentOut(BaseModel):
    id: int
    excerpt_id: int
    line: int
    start: int
    end_line: int
    end: int
    quote: str
    tag: TagRef
    intensity: int | None
    note: str
    almost_said: str
    instead: str
    author: AuthorOut
    created_at: datetime


class MomentList(BaseModel):
    items: list[MomentOut]
    next: str | None = None


class TagOut(BaseModel):
    id: int
    slug: str
    name: str
    parent: str | None
    colour: str
    definition: str
    example: str
    builtin: bool
    active: bool
    count: int


class TagList(BaseModel):
    items: list[TagOut]
    next: str | None = None


class TagCreate(Strict):
    name: str = Field(max_length=200)
    slug: str | None = Field(default=None, max_length=60)
    parent: str | None = Field(default=None, max_length=60)
    colour: str = Field(default="#e8e4dc", max_length=7)
    definition: str = Field(default="", max_length=2000)
    example: str = Field(default="", max_length=2000)


class TagUpdate(Strict):
    name: str | None = Field(default=None, max_length=200)
    parent: str | None = Field(default=None, max_length=60, description="'' for top level")
    colour: str | None = Field(default=None, max_length=7)
    definition: str | None = Field(default=None, max_length=2000)
    example: str | None = Field(default=None, max_length=2000)


class TagMerge(Strict):
    into: str = Field(max_length=60)


class CodebookImportOut(BaseModel):
    added: int
    updated: int


class AnnotationCreate(SpanIn):
    body: str = Field(max_length=5000)
    visibility: Literal["room", "author"]
    resolutions: list[ResolutionIn] = Field(default_factory=list, max_length=200)
    attest: bool = False


class AnnotationOut(BaseModel):
    id: int
    excerpt_id: int
    line: int
    start: int
    end_line: int
    end: int
    quote: str
    body: str
    body_html: str
    visibility: Literal["room", "author"]
    author: AuthorOut
    created_at: datetime


class AnnotationList(BaseModel):
    items: list[AnnotationOut]
    next: str | None = None


class ReviewSettle(Strict):
    status: Literal["reviewed", "revision_requested"]
    note: str = Field(default="", max_length=5000)
    resolutions: list[ResolutionIn] = Field(default_factory=list, max_length=200)
    attest: bool = False


class ReviewOut(BaseModel):
    excerpt_id: int
    status: str | None
    note: str
    requested_at: datetime | None
    reviewed_at: datetime | None
    reviewed_by: AuthorOut | None


class LineAgreementOut(BaseModel):
    line: int
    tags_by_rater: dict[str, list[str]]
    agree: bool


class AgreementOut(BaseModel):
    raters: list[AuthorOut]
    per_line: list[LineAgreementOut]
    alpha: float | None
    kappa: float | None
    observed: float | None
    units: int


# Threads ---------------------------------------------------------------------------------


class MessageCreate(Strict):
    body: str = Field(max_length=10_000)
    moment_id: int | None = None
    client_id: str | None = Field(default=None, max_length=64)
    resolutions: list[ResolutionIn] = Field(default_factory=list, max_length=200)
    attest: bool = False


class MessageUpdate(Strict):
    body: str = Field(max_length=10_000)
    resolutions: list[ResolutionIn] = Field(default_factory=list, max_length=200)
    attest: bool = False


class MessageOut(BaseModel):
    id: int
    seq: int
    excerpt_id: int
    author: AuthorOut
    body: str
    body_html: str
    moment_id: int | None
    client_id: str | None
    created_at: datetime
    edited_at: datetime | None
    deleted: bool


class MessageList(BaseModel):
    items: list[MessageOut]
    next: str | None
    last_seq: int


class MessageEditOut(BaseModel):
    body: str
    body_html: str
    replaced_at: datetime


class MessageEditList(BaseModel):
    items: list[MessageEditOut]
    next: str | None = None


class ReadIn(Strict):
    seq: int = Field(ge=0)


class ThreadStateOut(BaseModel):
    excerpt_id: int
    last_read_seq: int
    following: bool


class NewItem(BaseModel):
    excerpt_id: int
    title: str
    room_id: int
    room_name: str
    unread: int


class WhatsNew(BaseModel):
    items: list[NewItem]
    next: str | None = None
