"""Real faster-whisper with the bundled model on clips espeak-ng speaks for the test."""

from __future__ import annotations

import re
import time

import pytest

from app.transcribe.whisper import WhisperTranscriber, is_loaded, load_model
from tests.transcription.conftest import SENTENCE, wav_seconds
from tests.transcription.test_uploads import member, post

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def whisper() -> WhisperTranscriber:
    """The production transcriber with its model loaded once for the whole session."""
    transcriber = WhisperTranscriber()
    load_model(transcriber.path, transcriber.device, transcriber.compute_type)
    return transcriber


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))


def test_a_known_sentence(whisper, sentence_clip):
    progress: list[float] = []
    result = whisper.transcribe(str(sentence_clip), language="en", on_progress=progress.append)
    duration = wav_seconds(sentence_clip)
    heard = words(" ".join(s.text for s in result.segments))
    expected = words(SENTENCE)
    assert len(heard & expected) >= 0.8 * len(expected), sorted(expected - heard)
    assert result.duration == pytest.approx(duration, abs=0.05)
    previous_end = 0.0
    for segment in result.segments:
        assert 0.0 <= segment.start < segment.end <= duration + 1e-6
        assert segment.start >= previous_end - 1e-6, "segments are ordered and do not overlap"
        previous_end = segment.end
    assert abs(result.segments[-1].end - duration) <= 1.5
    assert progress == sorted(progress) and progress[-1] == pytest.approx(1.0, abs=0.3)
    assert result.model.startswith("whisper-tiny.en") and result.language == "en"
    assert is_loaded(whisper.path, whisper.device, whisper.compute_type)


def test_embedded_worker_end_to_end(make_app, login, whisper, sentence_clip):
    """Upload through the API; the in-process worker transcribes with the real model."""
    app = make_app(EMBEDDED_WORKER=True)
    client = app.test_client()
    with app.app_context():
        owner = login(member(), client)
        job = post(client, sentence_clip.read_bytes()).get_json()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            state = client.get(f"/api/v1/transcriptions/{job['id']}").get_json()
            if state["status"] in ("done", "failed"):
                break
            time.sleep(0.2)
        from app.jobs.queue import embedded_worker

        embedded_worker(app).stop()
        assert state["status"] == "done", state
        assert state["attempts"] == 1 and state["progress"] == 1.0
        assert "anxious" in state["text"].lower()
        assert state["load_seconds"] == 0.0, "the model stays loaded between jobs"
        assert list(factories_folder(app).iterdir()) == []
        assert owner.id


def factories_folder(app):
    from app.services import uploads

    return uploads.folder(app.config)
