"""Schemas of the transcription endpoints (``/api/v1/transcriptions``)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.api.schemas import ResolutionIn, Strict

Status = Literal["queued", "running", "done", "failed"]


class TranscriptionQueued(BaseModel):
    id: int
    status: Status
    position: int | None = None


class SegmentIn(Strict):
    start: float = Field(ge=0, description="Seconds from the start of the clip")
    end: float = Field(ge=0)
    text: str = Field(max_length=2000)
    speaker: str | None = Field(
        default=None, max_length=60, description="A role label: T, C, Supervisor, Member 2 …"
    )


class SegmentOut(BaseModel):
    start: float
    end: float
    text: str
    speaker: str | None = None


class TranscriptionSummary(BaseModel):
    id: int
    status: Status
    progress: float = Field(ge=0, le=1)
    position: int | None = Field(default=None, description="Queue position while queued (1 next)")
    duration: float | None
    language: str | None
    model: str | None
    error: str | None = None
    attempts: int
    keep_audio: bool
    created_at: datetime
    expires_at: datetime


class TranscriptionOut(TranscriptionSummary):
    segments: list[SegmentOut]
    text: str
    talk_time: dict[str, float] = Field(description="Seconds spoken per speaker")
    started_at: datetime | None
    finished_at: datetime | None
    load_seconds: float | None
    transcribe_seconds: float | None


class TranscriptionList(BaseModel):
    items: list[TranscriptionSummary]
    next: str | None


class TranscriptionEdit(Strict):
    segments: list[SegmentIn] = Field(max_length=2000)


class TranscriptionShare(Strict):
    room_id: int
    title: str = Field(max_length=200)
    context: str = Field(default="", max_length=10_000)
    case: int | str | None = Field(default=None, description="Case id or pseudonym")
    resolutions: list[ResolutionIn] = Field(
        default_factory=list,
        max_length=2000,
        description="Offsets refer to the built text returned as `text` in the gate's 422",
    )
    attest: bool = False
