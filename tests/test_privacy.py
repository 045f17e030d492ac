"""The raw text never reaches a room's tables, a log line, an error report or the audit trail.

Identifiers are planted, the excerpt is posted through the API and the pages, a failure is
forced mid-post, and then every byte of the database and every log record is searched.
"""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from app.extensions import db
from app.models import Role
from app.services import transcript

PLANTED = [
    "Philippa",
    "Okonkwo-Brandt",
    "Tallahatchie",
    "919-555-0147",
    "philippa.ob@example.net",
    "Lakeview Academy",
]
TRANSCRIPT = (
    "T: Tell me about the call.\n"
    "C: Philippa Okonkwo-Brandt called from Tallahatchie at 919-555-0147.\n"
    "C: She wrote to philippa.ob@example.net after school at Lakeview Academy.\n"
    "T: Philippa again. I notice I want to rescue you."
)


def database_dump() -> str:
    """Every row of every table, as text (works the same on SQLite and PostgreSQL)."""
    chunks = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(table.select()):
            chunks.append(repr(tuple(row)))
    return "\n".join(chunks)


def sqlite_file_bytes(app) -> bytes:
    url = db.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return b""
    db.session.execute(text("PRAGMA wal_checkpoint(FULL)"))
    data = b""
    for suffix in ("", "-wal", "-journal"):
        try:
            with open(url.database + suffix, "rb") as handle:
                data += handle.read()
        except FileNotFoundError:
            pass
    return data


@pytest.fixture
def everything_logged(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def test_planted_identifiers_never_stored_or_logged(
    app, client, room_with, token_for, login, everything_logged, monkeypatch
):
    room, people = room_with(Role.MEMBER)
    headers = token_for(people[Role.MEMBER])
    url = f"/api/v1/rooms/{room.id}/excerpts"

    # 1. Unresolved: refused, nothing stored.
    refused = client.post(
        url, json={"title": "Rescue", "text": TRANSCRIPT, "attest": True}, headers=headers
    )
    assert refused.status_code == 422
    found = {f["text"] for f in refused.json["findings"]}
    for planted in ("Philippa", "Tallahatchie", "919-555-0147", "philippa.ob@example.net"):
        assert any(planted in f for f in found), planted

    # 2. A failure in the middle of posting: a 500 that logs nothing of the text.
    resolutions = [
        {"start": f["start"], "end": f["end"], "action": "redact"} for f in refused.json["findings"]
    ]

    def explode(clean):
        raise RuntimeError(f"parser broke on {TRANSCRIPT}")

    monkeypatch.setattr(transcript, "parse", explode)
    broken = client.post(
        url,
        json={"title": "Rescue", "text": TRANSCRIPT, "attest": True, "resolutions": resolutions},
        headers=headers,
    )
    assert broken.status_code == 500
    assert "Philippa" not in broken.get_data(as_text=True)
    monkeypatch.undo()

    # 3. Posted through the API and through the review pages.
    posted = client.post(
        url,
        json={"title": "Rescue", "text": TRANSCRIPT, "attest": True, "resolutions": resolutions},
        headers=headers,
    )
    assert posted.status_code == 201, posted.json
    login(people[Role.MEMBER])
    form = {
        "title": "Rescue again",
        "text": TRANSCRIPT,
        "context": "",
        "case": "",
        "new_case": "",
        "step": "post",
        "attest": "y",
    }
    for i, f in enumerate(refused.json["findings"]):
        form.update(
            {
                f"f-{i}-field": "text",
                f"f-{i}-start": f["start"],
                f"f-{i}-end": f["end"],
                f"f-{i}-action": "redact",
            }
        )
    page = client.post(f"/rooms/{room.id}/excerpts/new", data=form)
    assert page.status_code == 302, page.get_data(as_text=True)[:2000]

    dump = database_dump()
    raw_bytes = sqlite_file_bytes(app)
    logs = "\n".join(record.getMessage() for record in everything_logged.records)
    for planted in PLANTED:
        assert planted not in dump, f"{planted} is in the database"
        assert planted.encode() not in raw_bytes, f"{planted} is in the database file"
        assert planted not in logs, f"{planted} is in the logs"
    assert "[NAME-1]" in dump
