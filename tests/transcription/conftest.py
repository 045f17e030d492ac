"""Transcription fixtures: espeak-ng clips made on the spot, a fake transcriber, jobs."""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

import pytest

from app.extensions import db
from app.models import Transcription
from app.models.transcription import Status
from app.orm import utcnow
from app.services import uploads
from app.transcribe import Result, Segment
from tests.api.conftest import problem  # noqa: F401 - the problem-detail assertion fixture
from tests.conftest import require_service

ESPEAK = shutil.which("espeak-ng")
SENTENCE = (
    "The client said she felt anxious before every session, "
    "and the therapist noticed a strong wish to rescue her."
)
SESSION = [
    "Therapist: Last week you mentioned that mornings have been the hardest part of the day.",
    "Client: Yes. I wake up early and the quiet makes everything feel heavier than it is.",
    "Therapist: What goes through your mind in that quiet hour before anyone else is awake?",
    "Client: Mostly lists. Things I should have done, and things I still have to do at work.",
    "Therapist: It sounds like the lists keep you company, but they are harsh company.",
    "Client: That is true. I never thought of them as company before, but they are always there.",
    "Therapist: I notice that I want to give you a plan for the mornings, and I wonder about that.",
    "Client: Maybe everyone wants to fix me. My family does it too, and I end up feeling small.",
    "Therapist: Then let us slow down and stay with how small it feels, before any plan at all.",
]


def speak(text: str, path: Path, words_per_minute: int = 175) -> Path:
    """Write ``text`` spoken by espeak-ng to a WAV file (skips or fails without espeak-ng)."""
    require_service("espeak-ng", ESPEAK is not None, "install Debian's espeak-ng package")
    subprocess.run(
        [ESPEAK, "-s", str(words_per_minute), "-w", str(path), text],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return path


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as clip:
        return clip.getnframes() / clip.getframerate()


@pytest.fixture(scope="session")
def sentence_clip(tmp_path_factory) -> Path:
    """A known sentence of about six seconds."""
    return speak(SENTENCE, tmp_path_factory.mktemp("clips") / "sentence.wav")


@pytest.fixture(scope="session")
def session_clip(tmp_path_factory) -> Path:
    """A fictional exchange of about a minute, for jobs that must run for a while."""
    return speak(" ".join(SESSION), tmp_path_factory.mktemp("clips") / "session.wav")


class FakeTranscriber:
    """Stands in for Whisper in unit tests of the job machinery."""

    name = "fake-model"

    def __init__(self, segments=None, duration=6.0, error=None, pause=None) -> None:
        self.segments = segments or [
            Segment(0.0, 2.5, "I feel anxious before sessions."),
            Segment(2.7, 5.9, "What happens in your body then?"),
        ]
        self.duration, self.error, self.pause = duration, error, pause
        self.calls = 0

    def transcribe(self, path, *, language, on_progress):
        self.calls += 1
        assert Path(path).exists(), "the job must transcribe the stored clip"
        if self.error is not None:
            raise self.error
        for segment in self.segments:
            if self.pause:
                self.pause()
            on_progress(segment.end / self.duration)
        return Result(list(self.segments), self.duration, language or "en", self.name, 0.0, 0.01)


@pytest.fixture
def upload_folder(app) -> Path:
    return uploads.folder(app.config)


@pytest.fixture
def make_job(app):
    """Create a queued job with a (fake) stored clip, as an upload would."""

    def build(owner, *, keep_audio=False, status=Status.QUEUED, attempts=0, **fields):
        name = uploads.store(app.config, _Bytes(b"RIFF fake clip"), 1024)
        now = utcnow()
        job = Transcription(
            owner_id=owner.id,
            status=status,
            attempts=attempts,
            audio_path=name,
            keep_audio=keep_audio,
            duration=6.0,
            created_at=now,
            queued_at=now,
            expires_at=fields.pop("expires_at", None) or now.replace(year=now.year + 1),
            **fields,
        )
        db.session.add(job)
        db.session.commit()
        return job

    return build


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data
