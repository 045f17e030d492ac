"""Speech to text behind a small protocol: faster-whisper in production, fakes in unit tests.

Nothing here knows about Flask, rows or users: a transcriber turns an audio file into segments
and reports progress; ``app/jobs/tasks.py`` does the bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

ProgressCallback = Callable[[float], None]


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str


@dataclass
class Result:
    segments: list[Segment]
    duration: float
    language: str
    model: str
    load_seconds: float = 0.0
    transcribe_seconds: float = 0.0
    extra: dict = field(default_factory=dict)


class Transcriber(Protocol):
    """Turns an audio file into timed segments, calling ``on_progress`` with 0..1 as it goes."""

    name: str

    def transcribe(
        self, path: str, *, language: str | None, on_progress: ProgressCallback
    ) -> Result: ...


def transcriber_from_config(config) -> Transcriber:
    """Return the configured transcriber: a test's fake, or faster-whisper with the settings."""
    custom = config.get("TRANSCRIBER")
    if custom is not None:
        return custom
    from app.transcribe.whisper import WhisperTranscriber

    return WhisperTranscriber(
        model=config.get("WHISPER_MODEL"),
        device=config.get("WHISPER_DEVICE", "cpu"),
        compute_type=config.get("WHISPER_COMPUTE_TYPE", "int8"),
        beam_size=int(config.get("WHISPER_BEAM_SIZE", 5)),
    )
