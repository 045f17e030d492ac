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
