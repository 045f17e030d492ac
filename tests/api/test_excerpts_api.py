"""Excerpts through the API: the gate's 422, posting, reading, withdrawing and revising."""

from __future__ import annotations

import pytest

from app.models import Role

TEXT = "T: How is Maggie?\nC: Maggie moved to Dayton. Call 555-218-4490.\nT: I feel a pull."


def resolve_all(client, headers, text, action="redact"):
    findings = client.post("/api/v1/deid/scan", json={"text": text}, headers=headers).json
    return [{"start": f["start"], "end": f["end"], "action": action} for f in findings["findings"]]


@pytest.fixture
def setup(room_with, token_for):
    room, people = room_with(Role.MEMBER, Role.TRAINEE)
    headers = {role: token_for(user) for role, user in people.items()}
    return room, people, headers


def test_scan_lists_findings(client, setup):
    _room, _people, headers = setup
    response = client.post("/api/v1/deid/scan", json={"text": TEXT}, headers=headers[Role.OWNER])
    assert response.status_code == 200
    found = {(f["type"], f["text"]) for f in response.json["findings"]}
    assert {("NAME", "Maggie"), ("LOCATION", "Dayton"), ("PHONE", "555-218-4490")} <= found
    first = response.json["findings"][0]
    assert TEXT[first["start"] : first["end"]] == first["text"]


def test_post_requires_resolutions_and_attestation(client, setup):
    room, _people, headers = setup
    url = f"/api/v1/rooms/{room.id}/excerpts"
    response = client.post(
        url, json={"title": "A pull", "text": TEXT, "attest": True}, headers=headers[Role.MEMBER]
    )
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert {f["text"] for f in response.json["findings"]} >= {"Maggie", "Dayton"}

    resolutions = resolve_all(client, headers[Role.MEMBER], TEXT)
    response = client.post(
        url,
        json={"title": "A pull", "text": TEXT, "attest": False, "resolutions": resolutions},
        headers=headers[Role.MEMBER],
    )
    assert response.status_code == 422
    assert response.json["attest"] == "required"

    response = client.post(
        url,
        json={
            "title": "A pull",
            "text": TEXT,
            "attest": True,
            "resolutions": resolutions,
            "case": "Client A",
        },
        headers=headers[Role.MEMBER],
    )
    assert response.status_code == 201, response.json
    body = response.json
    assert [line["speaker"] for line in body["lines"]] == ["T", "C", "T"]
    assert body["lines"][1]["text"] == "[NAME-1] moved to [CITY-1]. Call [PHONE-1]."
    assert body["case"]["pseudonym"] == "Client A"
    assert "Maggie" not in response.get_data(as_text=True)


def test_read_list_filter_and_non_member_404(client, setup, token_for):
    room, people, headers = setup
    url = f"/api/v1/rooms/{room.id}/excerpts"
    payload = {"title": "One", "text": "T: hello there\nC: quiet", "attest": True}
    first = client.post(url, json=payload, headers=headers[Role.MEMBER]).json
    client.post(url, json={**payload, "title": "Two"}, headers=headers[Role.TRAINEE])

    listing = client.get(url, headers=headers[Role.OWNER]).json
    assert [item["title"] for item in listing["items"]] == ["Two", "One"]
    mine = client.get(f"{url}?author={people[Role.MEMBER].id}", headers=headers[Role.OWNER])
    assert [item["title"] for item in mine.json["items"]] == ["One"]
    assert (
        client.get(f"/api/v1/excerpts/{first['id']}", headers=headers[Role.TRAINEE]).status_code
        == 200
    )

    from tests import factories

    stranger = token_for(factories.user())
    assert client.get(url, headers=stranger).status_code == 404
    assert client.get(f"/api/v1/excerpts/{first['id']}", headers=stranger).status_code == 404
    assert client.get("/api/v1/excerpts/999999", headers=stranger).status_code == 404


def test_withdraw_and_revise(client, setup):
    room, _people, headers = setup
    url = f"/api/v1/rooms/{room.id}/excerpts"
    payload = {"title": "One", "text": "T: hello there\nC: quiet", "attest": True}
    excerpt = client.post(url, json=payload, headers=headers[Role.MEMBER]).json

    revised = client.post(
        f"/api/v1/excerpts/{excerpt['id']}/revisions",
        json={**payload, "title": "One, revised"},
        headers=headers[Role.MEMBER],
    )
    assert revised.status_code == 201
    assert revised.json["revises_id"] == excerpt["id"]
    original = client.get(f"/api/v1/excerpts/{excerpt['id']}", headers=headers[Role.OWNER])
    assert original.json["revised_by_id"] == revised.json["id"]

    other = client.post(f"/api/v1/excerpts/{excerpt['id']}/withdraw", headers=headers[Role.TRAINEE])
    assert other.status_code == 403
    done = client.post(f"/api/v1/excerpts/{excerpt['id']}/withdraw", headers=headers[Role.MEMBER])
    assert done.status_code == 204
    assert (
        client.get(f"/api/v1/excerpts/{excerpt['id']}", headers=headers[Role.OWNER]).status_code
        == 410
    )
    titles = [i["title"] for i in client.get(url, headers=headers[Role.OWNER]).json["items"]]
    assert titles == ["One, revised"]


@pytest.mark.parametrize(
    "payload",
    [
        {"title": "", "text": "T: hi", "attest": True},
        {"title": "x", "text": "   ", "attest": True},
        {"title": "x", "text": "T: hi", "attest": "yes please"},
        {"title": "x", "text": "T: hi", "attest": True, "resolutions": [{"start": -1}]},
        {
            "title": "x",
            "text": "T: hi",
            "attest": True,
            "resolutions": [{"start": 0, "end": 99, "action": "redact"}],
        },
        {"title": "x", "text": "T: hi", "attest": True, "speakers": {"T": "Maria Lopez"}},
        {"title": "x", "text": "T: hi", "attest": True, "case": 424242},
        {"title": "x" * 300, "text": "T: hi", "attest": True},
        {"title": "x", "text": "T: hi", "attest": True, "surprise": 1},
    ],
)
def test_bad_input_is_a_clear_4xx_and_stores_nothing(client, setup, payload):
    room, _people, headers = setup
    url = f"/api/v1/rooms/{room.id}/excerpts"
    response = client.post(url, json=payload, headers=headers[Role.MEMBER])
    assert response.status_code in (400, 422), response.json
    assert response.mimetype == "application/problem+json"
    assert client.get(url, headers=headers[Role.MEMBER]).json["items"] == []


def test_pseudonym_that_looks_like_a_name_is_refused(client, setup):
    room, _people, headers = setup
    response = client.post(
        f"/api/v1/rooms/{room.id}/cases",
        json={"pseudonym": "Maggie Ostrowski"},
        headers=headers[Role.MEMBER],
    )
    assert response.status_code == 422
    ok = client.post(
        f"/api/v1/rooms/{room.id}/cases",
        json={"pseudonym": "Client B"},
        headers=headers[Role.MEMBER],
    )
    assert ok.status_code == 201
    cases = client.get(f"/api/v1/rooms/{room.id}/cases", headers=headers[Role.TRAINEE]).json
    assert [c["pseudonym"] for c in cases["items"]] == ["Client B"]


def test_preview_shows_the_stored_form(client, setup):
    _room, _people, headers = setup
    resolutions = resolve_all(client, headers[Role.OWNER], TEXT)
    response = client.post(
        "/api/v1/deid/preview",
        json={"text": TEXT, "title": "Maggie", "resolutions": resolutions},
        headers=headers[Role.OWNER],
    )
    assert response.status_code == 200
    assert "Maggie" not in response.json["text"]
    assert response.json["lines"][0]["speaker"] == "T"
