"""Moments, taxonomy, annotations, review and export through the API."""

from __future__ import annotations

import csv
import io

import pytest

from app.models import Role

TEXT = "T: What happens when she goes quiet?\nC: I wait.\nT: I want to fill the silence."


@pytest.fixture
def room(client, room_with, token_for):
    room, people = room_with(Role.SUPERVISOR, Role.MEMBER, Role.TRAINEE)
    headers = {role: token_for(user) for role, user in people.items()}
    excerpt = client.post(
        f"/api/v1/rooms/{room.id}/excerpts",
        json={"title": "Silence", "text": TEXT, "attest": True},
        headers=headers[Role.TRAINEE],
    ).json
    return room, people, headers, excerpt


def tag_moment(client, headers, excerpt_id, **fields):
    body = {"line": 3, "start": 2, "end": 6, "tag": "anxiety-in-silence", **fields}
    return client.post(f"/api/v1/excerpts/{excerpt_id}/moments", json=body, headers=headers)


def test_tag_a_moment_and_read_it_back(client, room):
    _room, _people, headers, excerpt = room
    response = tag_moment(
        client,
        headers[Role.MEMBER],
        excerpt["id"],
        intensity=4,
        note="I felt my chest tighten.",
        almost_said="Let me help you.",
        instead="What is the quiet like?",
    )
    assert response.status_code == 201, response.json
    assert response.json["quote"] == "want"
    assert response.json["tag"]["slug"] == "anxiety-in-silence"
    listing = client.get(
        f"/api/v1/excerpts/{excerpt['id']}/moments", headers=headers[Role.TRAINEE]
    ).json
    assert [m["almost_said"] for m in listing["items"]] == ["Let me help you."]


def test_span_across_lines(client, room):
    _room, _people, headers, excerpt = room
    response = tag_moment(
        client, headers[Role.MEMBER], excerpt["id"], line=2, start=0, end_line=3, end=6
    )
    assert response.status_code == 201
    assert response.json["quote"] == "I wait.\nI want"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"line": 9}, "line"),
        ({"start": 50, "end": 60}, "start"),
        ({"start": 4, "end": 4}, "end"),
        ({"start": 5, "end": 2}, "end"),
        ({"end_line": 1}, "end_line"),
        ({"tag": "no-such-tag"}, "tag"),
        ({"intensity": 6}, "intensity"),
        ({"intensity": 0}, "intensity"),
        ({"note": "x" * 2001}, "note"),
    ],
)
def test_bad_moments_are_422_and_store_nothing(client, room, fields, field):
    _room, _people, headers, excerpt = room
    response = tag_moment(client, headers[Role.MEMBER], excerpt["id"], **fields)
    assert response.status_code == 422, response.json
    assert any(field in key for key in response.json.get("errors", {})), response.json
    assert (
        client.get(f"/api/v1/excerpts/{excerpt['id']}/moments", headers=headers[Role.MEMBER]).json[
            "items"
        ]
        == []
    )


def test_identifying_note_goes_through_the_gate(client, room):
    _room, _people, headers, excerpt = room
    response = tag_moment(
        client,
        headers[Role.MEMBER],
        excerpt["id"],
        note="Reminds me of my cousin Bartholomew in Dayton.",
    )
    assert response.status_code == 422
    assert {f["text"] for f in response.json["findings"]} >= {"Bartholomew", "Dayton"}


def test_tag_from_another_room_is_refused(client, room, room_with, token_for):
    _room, _people, headers, excerpt = room
    other, other_people = room_with()
    own = client.post(
        f"/api/v1/rooms/{other.id}/tags",
        json={"name": "Only here"},
        headers=token_for(other_people[Role.OWNER]),
    )
    assert own.status_code == 201
    response = tag_moment(client, headers[Role.MEMBER], excerpt["id"], tag=own.json["id"])
    assert response.status_code == 422


def test_taxonomy_add_rename_merge_retire_and_codebook(client, room):
    room_, _people, headers, excerpt = room
    base = f"/api/v1/rooms/{room_.id}/tags"
    assert client.post(base, json={"name": "Mine"}, headers=headers[Role.MEMBER]).status_code == 403
    added = client.post(
        base,
        json={"name": "Urge to reassure", "parent": "pulls-to-act", "colour": "#fde2e4"},
        headers=headers[Role.SUPERVISOR],
    )
    assert added.status_code == 201
    assert added.json["slug"] == "urge-to-reassure"
    renamed = client.patch(
        f"{base}/urge-to-reassure",
        json={"name": "Urge to soothe"},
        headers=headers[Role.SUPERVISOR],
    )
    assert renamed.json["name"] == "Urge to soothe"
    tag_moment(client, headers[Role.MEMBER], excerpt["id"], tag="urge-to-reassure")
    merged = client.post(
        f"{base}/urge-to-reassure/merge", json={"into": "urge-to-fix"}, headers=headers[Role.OWNER]
    )
    assert merged.status_code == 200 and merged.json["count"] == 1
    moments = client.get(
        f"/api/v1/excerpts/{excerpt['id']}/moments", headers=headers[Role.MEMBER]
    ).json["items"]
    assert [m["tag"]["slug"] for m in moments] == ["urge-to-fix"]
    retired = client.post(f"{base}/boredom-withdrawal/retire", headers=headers[Role.OWNER])
    assert retired.json["active"] is False
    assert (
        tag_moment(
            client, headers[Role.MEMBER], excerpt["id"], tag="boredom-withdrawal"
        ).status_code
        == 422
    )
    slugs = [t["slug"] for t in client.get(base, headers=headers[Role.TRAINEE]).json["items"]]
    assert "boredom-withdrawal" not in slugs and "urge-to-reassure" not in slugs

    codebook = client.get(f"/api/v1/rooms/{room_.id}/codebook", headers=headers[Role.MEMBER]).json
    assert codebook["format"] == "parallel-codebook"
    codebook["tags"].append(
        {
            "slug": "new-one",
            "name": "New one",
            "parent": None,
            "colour": "#eeeeee",
            "definition": "",
            "example": "",
        }
    )
    imported = client.post(
        f"/api/v1/rooms/{room_.id}/codebook", json=codebook, headers=headers[Role.SUPERVISOR]
    )
    assert imported.status_code == 200
    assert imported.json["added"] == 1
    broken = client.post(
        f"/api/v1/rooms/{room_.id}/codebook",
        json={"format": "nope"},
        headers=headers[Role.SUPERVISOR],
    )
    assert broken.status_code == 422


def test_room_moments_by_tag_and_agreement(client, room):
    room_, _people, headers, excerpt = room
    tag_moment(client, headers[Role.MEMBER], excerpt["id"])
    tag_moment(client, headers[Role.SUPERVISOR], excerpt["id"])
    tag_moment(
        client, headers[Role.SUPERVISOR], excerpt["id"], line=2, start=2, end=6, tag="helplessness"
    )
    by_tag = client.get(
        f"/api/v1/rooms/{room_.id}/moments?tag=anxiety-in-silence", headers=headers[Role.TRAINEE]
    ).json
    assert len(by_tag["items"]) == 2
    group = client.get(
        f"/api/v1/rooms/{room_.id}/moments?tag=feelings-in-clinician", headers=headers[Role.TRAINEE]
    ).json
    assert len(group["items"]) == 3
    report = client.get(
        f"/api/v1/excerpts/{excerpt['id']}/agreement", headers=headers[Role.TRAINEE]
    ).json
    assert len(report["raters"]) == 2
    rows = {row["line"]: row for row in report["per_line"]}
    assert rows[3]["agree"] is True and rows[2]["agree"] is False
    assert report["kappa"] is not None
    counts = {
        t["slug"]: t["count"]
        for t in client.get(f"/api/v1/rooms/{room_.id}/tags", headers=headers[Role.TRAINEE]).json[
            "items"
        ]
    }
    assert counts["anxiety-in-silence"] == 2


def test_private_feedback_reaches_only_the_author(client, room):
    room_, _people, headers, excerpt = room
    url = f"/api/v1/excerpts/{excerpt['id']}/annotations"
    body = {"line": 3, "start": 2, "end": 6, "body": "Notice the **pull**."}
    trainee_try = client.post(
        url, json={**body, "visibility": "room"}, headers=headers[Role.TRAINEE]
    )
    assert trainee_try.status_code == 403
    assert (
        client.post(
            url, json={**body, "visibility": "room"}, headers=headers[Role.SUPERVISOR]
        ).status_code
        == 201
    )
    private = client.post(
        url,
        json={**body, "body": "Just for you: slow down.", "visibility": "author"},
        headers=headers[Role.SUPERVISOR],
    )
    assert private.status_code == 201
    seen_by_author = client.get(url, headers=headers[Role.TRAINEE]).json["items"]
    seen_by_member = client.get(url, headers=headers[Role.MEMBER]).json["items"]
    assert [a["visibility"] for a in seen_by_author] == ["room", "author"]
    assert [a["visibility"] for a in seen_by_member] == ["room"]
    assert "<strong>pull</strong>" in seen_by_member[0]["body_html"]
    member_export = client.get(
        f"/api/v1/rooms/{room_.id}/export?format=md", headers=headers[Role.MEMBER]
    ).get_data(as_text=True)
    author_export = client.get(
        f"/api/v1/rooms/{room_.id}/export?format=md", headers=headers[Role.TRAINEE]
    ).get_data(as_text=True)
    assert "slow down" not in member_export and "slow down" in author_export
    assert "Notice the **pull**" in member_export
    member_json = client.get(f"/api/v1/rooms/{room_.id}/export", headers=headers[Role.MEMBER]).json
    assert "slow down" not in repr(member_json)


def test_review_loop(client, room):
    _room, _people, headers, excerpt = room
    url = f"/api/v1/excerpts/{excerpt['id']}/review"
    assert (
        client.put(url, json={"status": "reviewed"}, headers=headers[Role.SUPERVISOR]).status_code
        == 409
    )
    assert client.post(url, headers=headers[Role.MEMBER]).status_code == 403
    requested = client.post(url, headers=headers[Role.TRAINEE])
    assert requested.json["status"] == "requested"
    waiting = client.get("/api/v1/reviews/waiting", headers=headers[Role.SUPERVISOR]).json
    assert [item["id"] for item in waiting["items"]] == [excerpt["id"]]
    assert (
        client.put(url, json={"status": "reviewed"}, headers=headers[Role.MEMBER]).status_code
        == 403
    )
    needs_note = client.put(
        url, json={"status": "revision_requested"}, headers=headers[Role.SUPERVISOR]
    )
    assert needs_note.status_code == 422
    done = client.put(
        url,
        json={"status": "revision_requested", "note": "Add the context."},
        headers=headers[Role.SUPERVISOR],
    )
    assert done.json["status"] == "revision_requested"
    assert (
        client.get("/api/v1/reviews/waiting", headers=headers[Role.SUPERVISOR]).json["items"] == []
    )


def test_csv_export_one_row_per_moment_and_formula_safe(client, room):
    room_, _people, headers, excerpt = room
    tag_moment(client, headers[Role.MEMBER], excerpt["id"], note="=HYPERLINK(1)")
    text = client.get(
        f"/api/v1/rooms/{room_.id}/export?format=csv", headers=headers[Role.MEMBER]
    ).get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    assert rows[0]["quote"] == "want"
    assert rows[0]["note"].startswith("'=")
    assert (
        client.get(
            f"/api/v1/rooms/{room_.id}/export?format=pdf", headers=headers[Role.MEMBER]
        ).status_code
        == 422
    )
