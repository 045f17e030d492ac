"""The transcription pages: upload without JavaScript, the draft page, the plain editor,
deleting, and sharing through the excerpt review screen."""

from __future__ import annotations

import io
import math
import re
import struct
import wave
from datetime import timedelta

import pytest
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from app.extensions import db
from app.models import Excerpt, Role, Transcription
from app.models.transcription import Status
from app.orm import utcnow
from app.services import deid, transcriptions, uploads
from tests import factories

SEGMENTS = [
    {"start": 0.0, "end": 2.5, "text": "I called my sister Maria yesterday.", "speaker": None},
    {"start": 2.7, "end": 5.9, "text": "What was that like for you?", "speaker": None},
]


def tone(seconds: float = 1.5, rate: int = 16000) -> bytes:
    """A short mono WAV (a quiet 440 Hz tone) that decodes as real audio."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(rate)
        frames = (
            struct.pack("<h", int(3000 * math.sin(2 * math.pi * 440 * n / rate)))
            for n in range(int(seconds * rate))
        )
        clip.writeframes(b"".join(frames))
    return buffer.getvalue()


def upload(client, data: bytes | None, name: str = "clip.wav", **form):
    """Post the plain form like a browser; the body is built in memory (no temporary file)."""
    fields = dict(form)
    if data is not None:
        fields["file"] = FileStorage(io.BytesIO(data), filename=name)
    stream, length, boundary = stream_encode_multipart(fields, use_tempfile=False)
    return client.post(
        "/transcriptions",
        input_stream=stream,
        content_length=length,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def draft(owner, *, status=Status.DONE, segments=None, **fields) -> Transcription:
    now = utcnow()
    job = Transcription(
        owner_id=owner.id,
        status=status,
        progress=1.0 if status == Status.DONE else 0.0,
        attempts=1 if status == Status.DONE else 0,
        duration=6.0,
        segments=[dict(s) for s in (SEGMENTS if segments is None else segments)]
        if status == Status.DONE
        else None,
        language="en",
        created_at=now,
        queued_at=now,
        expires_at=now + timedelta(days=14),
        **fields,
    )
    db.session.add(job)
    db.session.commit()
    return job


@pytest.fixture
def owner(app, login):
    return login(factories.user(display_name="Ada Clinician"))


@pytest.fixture
def folder(app):
    return uploads.folder(app.config)


def files_in(folder) -> list:
    return list(folder.iterdir()) if folder.exists() else []


def test_pages_need_signing_in(client):
    response = client.get("/transcriptions")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_index_lists_drafts_and_offers_the_upload_form(client, owner):
    job = draft(owner)
    page = client.get("/transcriptions")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert f'href="/transcriptions/{job.id}"' in html and "status-done" in html
    assert 'enctype="multipart/form-data"' in html and 'name="file"' in html
    assert "A voice identifies a person" in html
    keep = (
        html.split('name="keep_audio"')[0].rsplit("<input", 1)[1]
        + html.split('name="keep_audio"')[1].split(">")[0]
    )
    assert "checked" not in keep, "keeping the audio is opt-in"
    assert 'href="/transcriptions"' in client.get("/rooms").get_data(as_text=True)


def test_upload_without_javascript_queues_the_clip(client, owner, folder):
    response = upload(client, tone(), language="en")
    assert response.status_code == 302
    job = db.session.scalars(select(Transcription)).one()
    assert response.headers["Location"].endswith(f"/transcriptions/{job.id}")
    assert (job.owner_id, job.status, job.keep_audio) == (owner.id, "queued", False)
    assert job.requested_language == "en" and job.duration == pytest.approx(1.5, abs=0.05)
    assert len(files_in(folder)) == 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Waiting in the queue: position 1" in page and "<progress" in page
    assert f'data-status-url="/api/v1/transcriptions/{job.id}"' in page


def test_upload_keeps_the_audio_only_when_asked(client, owner):
    assert upload(client, tone(), language="auto", keep_audio="y").status_code == 302
    job = db.session.scalars(select(Transcription)).one()
    assert job.keep_audio is True and job.requested_language == "auto"


@pytest.mark.parametrize(
    ("data", "name", "status", "says"),
    [
        (None, "clip.wav", 422, "Choose an audio file"),
        (b"", "clip.wav", 422, ""),
        (b"just some notes, not audio " * 40, "notes.txt", 415, ""),
        (tone()[:200], "clip.wav", 422, ""),
    ],
    ids=["missing", "empty", "not-audio", "truncated"],
)
def test_upload_refusals_are_shown_and_leave_nothing(
    client, owner, folder, data, name, status, says
):
    response = upload(client, data, name)
    html = response.get_data(as_text=True)
    assert response.status_code == status, html
    assert 'id="upload-error"' in html and 'role="alert"' in html
    assert says in html
    assert db.session.scalars(select(Transcription)).all() == []
    assert files_in(folder) == []


def test_upload_larger_than_the_limit_is_413(make_app, login, tmp_path):
    app = make_app(UPLOAD_MAX_MB=1)
    client = app.test_client()
    with app.app_context():
        login(factories.user(), client)
        response = upload(client, tone(seconds=40))  # about 1.3 MB
        assert response.status_code == 413
        assert "larger than 1 MB" in response.get_data(as_text=True)
        assert db.session.scalars(select(Transcription)).all() == []


def test_upload_checks_the_csrf_token(make_app, login):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    with app.app_context():
        login(factories.user(), client)
        assert upload(client, tone()).status_code == 422
        assert db.session.scalars(select(Transcription)).all() == []
        page = client.get("/transcriptions").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        assert upload(client, tone(), csrf_token=token).status_code == 302
        assert len(db.session.scalars(select(Transcription)).all()) == 1


def test_done_draft_page_shows_the_editor(client, owner):
    job = draft(owner, segments=[{**SEGMENTS[0], "speaker": "C"}, SEGMENTS[1]])
    page = client.get(f"/transcriptions/{job.id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert html.count("data-segment") == 2
    assert 'name="seg-0-speaker"' in html and '<option value="C" selected>' in html
    assert "I called my sister Maria yesterday." in html
    assert "00:00.0–00:02.5" in html
    for fmt in ("srt", "vtt", "json"):
        assert f"/api/v1/transcriptions/{job.id}/export?format={fmt}" in html
    assert f'action="/transcriptions/{job.id}/delete"' in html
    assert "Talk time" in html and "Speaker A" in html
    assert "<audio" not in html


def test_failed_and_running_pages(client, owner):
    failed = draft(owner, status=Status.FAILED, error="The audio could not be transcribed.")
    html = client.get(f"/transcriptions/{failed.id}").get_data(as_text=True)
    assert "The audio could not be transcribed." in html and "Delete draft" in html
    running = draft(owner, status=Status.RUNNING)
    running.progress = 0.42
    db.session.commit()
    html = client.get(f"/transcriptions/{running.id}").get_data(as_text=True)
    assert "Running: 42% done." in html and 'value="42"' in html


def test_another_users_draft_is_404_everywhere(client, app, login):
    stranger_job = draft(factories.user())
    login(factories.user())
    db.session.commit()
    base = f"/transcriptions/{stranger_job.id}"
    assert client.get(base).status_code == 404
    assert client.get(base + "/share").status_code == 404
    assert client.post(base, data={"seg-0-start": "0"}).status_code == 404
    assert client.post(base + "/delete").status_code == 404
    assert client.get("/transcriptions/99999999999999999999").status_code == 404
    assert db.session.get(Transcription, stranger_job.id) is not None


def test_expired_draft_is_gone(client, owner):
    job = draft(owner)
    job.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client.get(f"/transcriptions/{job.id}").status_code == 410


def plain_rows(segments) -> dict:
    form = {}
    for i, s in enumerate(segments):
        form.update(
            {
                f"seg-{i}-start": s["start"],
                f"seg-{i}-end": s["end"],
                f"seg-{i}-text": s["text"],
                f"seg-{i}-speaker": s.get("speaker") or "",
            }
        )
    return form


def test_plain_editor_saves_speakers_and_text(client, owner):
    job = draft(owner)
    edited = [{**SEGMENTS[0], "speaker": "C"}, {**SEGMENTS[1], "speaker": "T", "text": "And?"}]
    response = client.post(f"/transcriptions/{job.id}", data=plain_rows(edited))
    assert response.status_code == 302
    db.session.refresh(job)
    assert [(s["speaker"], s["text"]) for s in job.segments] == [
        ("C", SEGMENTS[0]["text"]),
        ("T", "And?"),
    ]


def test_plain_editor_shows_errors_in_place(client, owner):
    job = draft(owner)
    rows = plain_rows([SEGMENTS[0], {**SEGMENTS[1], "text": "   "}])
    response = client.post(f"/transcriptions/{job.id}", data=rows)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "A segment needs some text." in html and "Some segments are not valid." in html
    db.session.refresh(job)
    assert job.segments[1]["text"] == SEGMENTS[1]["text"]


def test_delete_removes_the_draft_and_audio(client, owner, folder):
    assert upload(client, tone()).status_code == 302
    job = db.session.scalars(select(Transcription)).one()
    response = client.post(f"/transcriptions/{job.id}/delete")
    assert response.status_code == 302 and response.headers["Location"].endswith("/transcriptions")
    assert db.session.get(Transcription, job.id) is None
    assert files_in(folder) == []


@pytest.fixture
def shareable(app, login, room_with):
    room, people = room_with(Role.MEMBER)
    login(people[Role.MEMBER])
    other_room = factories.room(factories.user(), name="Not mine")
    db.session.commit()
    segments = [{**SEGMENTS[0], "speaker": "C"}, {**SEGMENTS[1], "speaker": "T"}]
    job = draft(people[Role.MEMBER], segments=segments)
    return {"job": job, "room": room, "other_room": other_room}


def share_fields(room_id, title="Feeling the pull", **extra) -> dict:
    return {"room_id": room_id, "title": title, "new_case": "", "context": "", **extra}


def built_text(job) -> str:
    return transcriptions.share_text(job.segments)


def decisions(job, title="Feeling the pull", action="redact") -> dict:
    form = {}
    fields = {"title": title, "text": built_text(job), "context": ""}
    for i, f in enumerate(deid.scan_fields(fields)):
        form.update(
            {
                f"f-{i}-field": f.field,
                f"f-{i}-start": f.finding.start,
                f"f-{i}-end": f.finding.end,
                f"f-{i}-action": action,
            }
        )
    return form


def test_share_form_lists_only_my_rooms(client, shareable):
    html = client.get(f"/transcriptions/{shareable['job'].id}/share").get_data(as_text=True)
    assert f'<option value="{shareable["room"].id}">' in html
    assert "Not mine" not in html
    response = client.post(
        f"/transcriptions/{shareable['job'].id}/share",
        data={**share_fields(shareable["other_room"].id), "step": "review"},
    )
    assert response.status_code == 422


def test_share_reviews_the_built_text_like_a_pasted_excerpt(client, shareable):
    job, room = shareable["job"], shareable["room"]
    response = client.post(
        f"/transcriptions/{job.id}/share", data={**share_fields(room.id), "step": "review"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "Review before posting" in html
    assert f'action="/transcriptions/{job.id}/share?room_id={room.id}"' in html
    assert '<mark class="finding ' in html and ">Maria<" in html
    assert "[00:00:00.000] C: I called my sister" in html


def test_share_posts_through_the_gate_and_keeps_segment_times(client, shareable):
    job, room = shareable["job"], shareable["room"]
    url = f"/transcriptions/{job.id}/share?room_id={room.id}"
    # The review screen posts the hidden fields; the room comes in the address.
    fields = {
        "title": "Feeling the pull",
        "text": "ignored: the text is rebuilt from the draft",
        "context": "",
        "case": "",
        "new_case": "Client B",
        **decisions(job),
    }
    refused = client.post(url, data={**fields, "step": "post"})
    assert refused.status_code == 422 and "Review before posting" in refused.get_data(as_text=True)
    assert db.session.scalars(select(Excerpt)).all() == []

    response = client.post(url, data={**fields, "step": "post", "attest": "y"})
    assert response.status_code == 302, response.get_data(as_text=True)
    excerpt = db.session.scalars(select(Excerpt)).one()
    assert response.headers["Location"].endswith(f"/excerpts/{excerpt.id}")
    assert excerpt.room_id == room.id and excerpt.case.pseudonym == "Client B"
    lines = [(line.speaker, line.text, line.start, line.end) for line in excerpt.lines]
    assert lines == [
        ("C", "I called my sister [NAME-1] yesterday.", 0.0, 2.5),
        ("T", "What was that like for you?", 2.7, 5.9),
    ]
    # The draft stays private and unchanged.
    db.session.refresh(job)
    assert "Maria" in job.segments[0]["text"]
    page = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    assert "[NAME-1]" in page and "Maria" not in page


def test_share_waits_until_done(client, owner):
    job = draft(owner, status=Status.RUNNING)
    response = client.get(f"/transcriptions/{job.id}/share")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/transcriptions/{job.id}")
