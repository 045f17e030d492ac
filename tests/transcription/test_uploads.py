"""The upload validator: files are checked by decoding them, and a refusal leaves nothing behind."""

from __future__ import annotations

import io
from pathlib import Path

import av
import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from app.extensions import db
from app.services import uploads
from tests import factories
from tests.transcription.conftest import wav_seconds


def mp3_of(wav: Path, target: Path) -> Path:
    """Encode a WAV to MP3 (with the Xing header that declares its length)."""
    with av.open(str(wav)) as source, av.open(str(target), "w") as out:
        stream = out.add_stream("libmp3lame", rate=22050)
        for frame in source.decode(audio=0):
            frame.pts = None
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return target


@pytest.fixture(scope="module")
def samples(sentence_clip, tmp_path_factory) -> dict[str, bytes]:
    wav = sentence_clip.read_bytes()
    mp3 = mp3_of(sentence_clip, tmp_path_factory.mktemp("mp3") / "clip.mp3").read_bytes()
    return {
        "empty": b"",
        "text named .wav": b"Session notes, not audio at all.\n" * 50,
        "wav header cut": wav[:30],
        "wav cut short": wav[: len(wav) // 3],
        "mp3 header cut": mp3[:40],
        "mp3 cut short": mp3[: len(mp3) // 3],
        "wav": wav,
        "mp3": mp3,
    }


def member():
    person = factories.user()
    db.session.commit()
    return person


def post(client, data: bytes, name: str = "clip.wav", **form):
    """Upload like a browser; the body is built in memory (no temporary file left open)."""
    fields = {"file": FileStorage(io.BytesIO(data), filename=name), **form}
    stream, length, boundary = stream_encode_multipart(fields, use_tempfile=False)
    return client.post(
        "/api/v1/transcriptions",
        input_stream=stream,
        content_length=length,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


@pytest.mark.parametrize(
    ("sample", "status", "detail"),
    [
        ("empty", 422, "empty"),
        ("text named .wav", 415, "not an audio file"),
        ("wav header cut", 422, "damaged or cut short"),
        ("wav cut short", 422, "cut short"),
        ("mp3 header cut", 422, "damaged or cut short"),
        ("mp3 cut short", 422, "cut short"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_kept(
    client, login, problem, samples, upload_folder, sample, status, detail
):
    login(member())
    body = problem(post(client, samples[sample]), status)
    assert detail in body["detail"].lower()
    assert list(upload_folder.iterdir()) == []


@pytest.mark.parametrize("sample", ["wav", "mp3"])
def test_real_clips_are_accepted(client, login, samples, sentence_clip, sample):
    login(member())
    response = post(client, samples[sample], name="anything.bin")
    assert response.status_code == 202, response.get_json()
    assert response.get_json()["status"] == "queued"
    job = client.get(response.headers["Location"]).get_json()
    assert job["duration"] == pytest.approx(wav_seconds(sentence_clip), abs=0.1)


def test_too_long_is_refused(make_app, login, problem, samples):
    app = make_app(AUDIO_MAX_SECONDS=2)
    client = app.test_client()
    with app.app_context():
        login(member(), client)
        body = problem(post(client, samples["wav"]), 422)
        assert "longer than 2 seconds" in body["detail"]
        assert list(uploads.folder(app.config).iterdir()) == []


def test_too_large_is_refused_and_the_limit_is_raised_for_this_route_only(
    make_app, login, problem, session_clip
):
    data = session_clip.read_bytes()
    assert len(data) > 1024 * 1024, "the clip must exceed the app's 1 MB body limit"
    app = make_app(UPLOAD_MAX_MB=1)
    client = app.test_client()
    with app.app_context():
        login(member(), client)
        body = problem(post(client, data), 413)
        assert "1 MB" in body["detail"]
        assert list(uploads.folder(app.config).iterdir()) == []
    roomy = make_app(UPLOAD_MAX_MB=50).test_client()
    with roomy.application.app_context():
        login(member(), roomy)
        assert post(roomy, data).status_code == 202
        # Other routes still refuse bodies above MAX_REQUEST_MB.
        big = {"name": "x" * (2 * 1024 * 1024), "description": ""}
        problem(roomy.post("/api/v1/rooms", json=big), 413)


def test_form_fields_are_checked(client, login, problem, samples, upload_folder):
    login(member())
    problem(post(client, samples["wav"], keep_audio="perhaps"), 422)
    problem(post(client, samples["wav"], language="English!"), 422)
    problem(client.post("/api/v1/transcriptions", json={"file": "x"}), 415)
    problem(client.post("/api/v1/transcriptions", data={}, content_type="multipart/form-data"), 422)
    assert list(upload_folder.iterdir()) == []


def test_kept_audio_is_private(client, login, samples, upload_folder):
    login(member())
    assert post(client, samples["wav"], keep_audio="true").status_code == 202
    [stored] = list(upload_folder.iterdir())
    assert stored.stat().st_mode & 0o777 == 0o600
    assert upload_folder.stat().st_mode & 0o777 == 0o700
    assert "clip" not in stored.name
