"""The excerpt pages: write, review, post, read, withdraw, revise."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Excerpt, Role
from app.services import deid
from tests import factories

TEXT = "T: How is Maggie?\nC: Maggie moved to Dayton.\nT: I feel a pull to fix it."


@pytest.fixture
def member_room(room_with, login):
    room, people = room_with(Role.MEMBER, Role.TRAINEE)
    login(people[Role.MEMBER])
    return room, people


def review_form(text=TEXT, title="A pull", action="redact", **extra):
    form = {
        "title": title,
        "text": text,
        "context": "",
        "case": "",
        "new_case": "",
        "step": "review",
    }
    for i, f in enumerate(deid.scan_fields({"title": title, "text": text})):
        form.update(
            {
                f"f-{i}-field": f.field,
                f"f-{i}-start": f.finding.start,
                f"f-{i}-end": f.finding.end,
                f"f-{i}-action": action,
            }
        )
    form.update(extra)
    return form


def test_new_page_and_review_show_findings_in_place(client, member_room):
    room, _ = member_room
    assert client.get(f"/rooms/{room.id}/excerpts/new").status_code == 200
    page = client.post(
        f"/rooms/{room.id}/excerpts/new", data={"title": "A pull", "text": TEXT, "step": "review"}
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert '<mark class="finding ' in html and ">Maggie<" in html
    assert "What will be stored" in html


def test_review_keeps_crlf_offsets_true(client, member_room):
    room, _ = member_room
    form = review_form(step="post", attest="y")
    form["text"] = TEXT.replace("\n", "\r\n")
    response = client.post(f"/rooms/{room.id}/excerpts/new", data=form)
    assert response.status_code == 302
    excerpt = db.session.scalars(select(Excerpt)).one()
    assert [line.text for line in excerpt.lines][1] == "[NAME-1] moved to [CITY-1]."


def test_post_without_attestation_returns_to_review_with_everything(client, member_room):
    room, _ = member_room
    response = client.post(f"/rooms/{room.id}/excerpts/new", data=review_form(step="post"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Confirm that the text is de-identified" in html
    assert 'value="redact" checked' in html  # decisions survive the round trip


def test_posted_excerpt_page_and_room_list(client, member_room):
    room, _ = member_room
    response = client.post(
        f"/rooms/{room.id}/excerpts/new",
        data=review_form(step="post", attest="y", new_case="Client A"),
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"])
    html = page.get_data(as_text=True)
    assert "Maggie" not in html and "Dayton" not in html
    assert "[NAME-1] moved to [CITY-1]." in html
    room_page = client.get(f"/rooms/{room.id}").get_data(as_text=True)
    assert "A pull" in room_page and "Client A" in room_page


def test_non_member_gets_404_pages(client, member_room, login):
    room, _ = member_room
    response = client.post(
        f"/rooms/{room.id}/excerpts/new", data=review_form(step="post", attest="y")
    )
    excerpt_url = response.headers["Location"]
    stranger = factories.user()
    db.session.commit()
    login(stranger)
    assert client.get(excerpt_url).status_code == 404
    assert client.get(f"/rooms/{room.id}/excerpts/new").status_code == 404


def test_withdraw_then_410_and_revise_prefills(client, member_room):
    room, _ = member_room
    excerpt_url = client.post(
        f"/rooms/{room.id}/excerpts/new", data=review_form(step="post", attest="y")
    ).headers["Location"]
    excerpt_id = int(excerpt_url.rsplit("/", 1)[-1])
    prefill = client.get(f"/rooms/{room.id}/excerpts/new?revise={excerpt_id}")
    assert "[NAME-1] moved to [CITY-1]." in prefill.get_data(as_text=True)
    assert client.post(f"/excerpts/{excerpt_id}/withdraw").status_code == 302
    assert client.get(excerpt_url).status_code == 410
