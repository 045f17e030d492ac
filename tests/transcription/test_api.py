"""The transcription API: owner-only drafts, editing, sharing through the gate, exports."""

from __future__ import annotations

import json
import re

import pytest

from app.extensions import db
from app.jobs import tasks
from app.models import Role
from app.transcribe import Segment
from tests import factories
from tests.transcription.conftest import FakeTranscriber
from tests.transcription.test_uploads import post

SEGMENTS = [
    Segment(0.0, 2.5, "I called my sister Maria yesterday."),
    Segment(2.7, 5.9, "What was that like for you?"),
]


@pytest.fixture
def done(app, client, login, room_with, sentence_clip):
    """A finished draft of the room owner's, from a real upload and a fake engine."""
    room, people = room_with(Role.MEMBER)
    owner = login(people[Role.OWNER])
    response = post(client, sentence_clip.read_bytes())
    assert response.status_code == 202
    job_id = response.get_json()["id"]
    assert tasks.run_transcription(job_id, FakeTranscriber(SEGMENTS)) == "done"
    return {"id": job_id, "room": room, "owner": owner, "member": people[Role.MEMBER]}


def test_owner_follows_the_job(app, client, login, sentence_clip):
    login(factories.user())
    db.session.commit()
    first = post(client, sentence_clip.read_bytes()).get_json()
    second = post(client, sentence_clip.read_bytes()).get_json()
    assert second["position"] == first["position"] + 1
    job = client.get(f"/api/v1/transcriptions/{second['id']}").get_json()
    assert (job["status"], job["progress"], job["position"]) == ("queued", 0.0, 2)
    assert job["segments"] == [] and job["expires_at"] > job["created_at"]
    listed = client.get("/api/v1/transcriptions").get_json()
    assert [item["id"] for item in listed["items"]] == [second["id"], first["id"]]


def test_only_the_owner_knows_it_exists(client, login, problem, done):
    login(done["member"])
    base = f"/api/v1/transcriptions/{done['id']}"
    problem(client.get(base), 404)
    problem(client.patch(base, json={"segments": []}), 404)
    problem(client.get(base + "/export?format=srt"), 404)
    problem(client.post(base + "/share", json={"room_id": done["room"].id, "title": "x"}), 404)
    problem(client.delete(base), 404)
    assert client.get("/api/v1/transcriptions").get_json()["items"] == []


def test_done_draft_has_segments_text_and_talk_time(client, done):
    job = client.get(f"/api/v1/transcriptions/{done['id']}").get_json()
    assert job["status"] == "done" and job["model"] == "fake-model"
    assert [s["start"] for s in job["segments"]] == [0.0, 2.7]
    assert job["text"].startswith("I called my sister")
    assert job["talk_time"] == {"Speaker A": pytest.approx(5.7)}


@pytest.mark.parametrize(
    ("segments", "field"),
    [
        ([{"start": 0, "end": 2, "text": "  "}], "segments.0.text"),
        ([{"start": 2, "end": 1, "text": "a"}], "segments.0.end"),
        ([{"start": 0, "end": 99, "text": "a"}], "segments.0.end"),
        (
            [{"start": 0, "end": 2, "text": "a"}, {"start": 1, "end": 3, "text": "b"}],
            "segments.1.start",
        ),
        ([{"start": 0, "end": 2, "text": "a", "speaker": "Maria"}], "segments.0.speaker"),
        ([{"start": 0, "end": 2, "text": "a" * 2001}], "segments.0.text"),
        ([], "segments"),
    ],
)
def test_edits_are_validated(client, problem, done, segments, field):
    body = problem(
        client.patch(f"/api/v1/transcriptions/{done['id']}", json={"segments": segments}), 422
    )
    assert field in body["errors"]


def test_speakers_merge_and_share_keep_times(client, problem, done):
    base = f"/api/v1/transcriptions/{done['id']}"
    edited = [
        {"start": 0.0, "end": 2.5, "text": "I called my sister Maria yesterday.", "speaker": "C"},
        {"start": 2.7, "end": 4.0, "text": "What was that like", "speaker": "T"},
        {"start": 4.0, "end": 5.9, "text": "for you?", "speaker": "T"},
    ]
    job = client.patch(base, json={"segments": edited}).get_json()
    assert job["talk_time"] == {"C": 2.5, "T": pytest.approx(3.2)}
    share = {"room_id": done["room"].id, "title": "A phone call", "attest": True}
    blocked = problem(client.post(base + "/share", json=share), 422)
    text = blocked["text"]
    assert text.splitlines()[0] == "[00:00:00.000] C: I called my sister Maria yesterday."
    [finding] = [f for f in blocked["findings"] if f["field"] == "text"]
    assert text[finding["start"] : finding["end"]] == "Maria"
    share["resolutions"] = [{"start": finding["start"], "end": finding["end"], "action": "redact"}]
    response = client.post(base + "/share", json=share)
    assert response.status_code == 201, response.get_json()
    lines = response.get_json()["lines"]
    assert [(line["speaker"], line["start"], line["end"]) for line in lines] == [
        ("C", 0.0, 2.5),
        ("T", 2.7, 4.0),
        ("T", 4.0, 5.9),
    ]
    assert "Maria" not in json.dumps(response.get_json())
    assert lines[0]["text"] == "I called my sister [NAME-1] yesterday."


def test_exports_parse(client, done):
    base = f"/api/v1/transcriptions/{done['id']}/export"
    srt = client.get(base + "?format=srt")
    assert (
        srt.mimetype == "application/x-subrip"
        and "attachment" in srt.headers["Content-Disposition"]
    )
    blocks = srt.get_data(as_text=True).strip().split("\n\n")
    assert len(blocks) == 2
    assert blocks[1].splitlines()[:2] == ["2", "00:00:02,700 --> 00:00:05,900"]
    vtt = client.get(base + "?format=vtt").get_data(as_text=True)
    assert vtt.startswith("WEBVTT\n")
    cues = re.findall(r"^(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})$", vtt, re.M)
    assert cues == [("00:00:00.000", "00:00:02.500"), ("00:00:02.700", "00:00:05.900")]
    document = client.get(base + "?format=json").get_json()
    assert [s["end"] for s in document["segments"]] == [2.5, 5.9]
    assert client.get(base + "?format=doc").status_code == 422


def test_delete_removes_the_draft_and_kept_audio(app, client, login, upload_folder, sentence_clip):
    login(factories.user())
    db.session.commit()
    job = post(client, sentence_clip.read_bytes(), keep_audio="true").get_json()
    tasks.run_transcription(job["id"], FakeTranscriber())
    assert len(list(upload_folder.iterdir())) == 1
    assert client.delete(f"/api/v1/transcriptions/{job['id']}").status_code == 204
    assert list(upload_folder.iterdir()) == []
    assert client.get(f"/api/v1/transcriptions/{job['id']}").status_code == 404


def test_edit_before_done_conflicts(client, login, problem, sentence_clip):
    login(factories.user())
    db.session.commit()
    job = post(client, sentence_clip.read_bytes()).get_json()
    segments = [{"start": 0, "end": 1, "text": "a"}]
    problem(client.patch(f"/api/v1/transcriptions/{job['id']}", json={"segments": segments}), 409)
