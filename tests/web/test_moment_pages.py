"""The moment pages: tagging, annotating, reviewing, agreement, the per-tag view, the taxonomy."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Annotation, Excerpt, Moment, Role, Tag
from app.services import annotations, excerpts, moments, reviews, tags
from tests import factories

TEXT = "T: I felt 😬 tense when she went quiet.\nC: I don't know what to say.\nT: Take your time."


@pytest.fixture
def group(room_with):
    """A room with every role and one excerpt posted by the trainee."""
    room, people = room_with(Role.SUPERVISOR, Role.MEMBER, Role.TRAINEE)
    excerpt = excerpts.post_excerpt(
        people[Role.TRAINEE],
        room.id,
        excerpts.ExcerptDraft(title="Quiet", text=TEXT, attest=True),
    )
    tags.seed_room(room.id)
    db.session.commit()
    return room, people, excerpt


def tag_id(room, slug: str) -> int:
    return db.session.scalar(select(Tag.id).where(Tag.room_id == room.id, Tag.slug == slug))


def moment_form(tag, line=1, end_line=None, start=None, end=None, **extra):
    data = {"m-line": line, "m-end_line": end_line or line, "m-tag": tag}
    if start is not None:
        data.update({"m-start": start, "m-end": end})
    data.update({f"m-{key}": value for key, value in extra.items()})
    return data


def tag(person, excerpt, slug, line, start, end, end_line=None, **extra) -> Moment:
    found = moments.add_moment(
        person,
        excerpt.id,
        moments.MomentDraft(line=line, start=start, end=end, end_line=end_line, tag=slug, **extra),
    )
    db.session.commit()
    return found


def test_excerpt_page_highlights_overlapping_moments_and_annotations(client, group, login):
    room, people, excerpt = group
    tag(
        people[Role.MEMBER],
        excerpt,
        "anxiety-in-silence",
        1,
        7,
        14,
        intensity=4,
        almost_said="Say something!",
        instead="Let the silence be.",
    )
    tag(people[Role.TRAINEE], excerpt, "rescue-fantasy", 1, 10, 35)
    annotations.add_annotation(
        people[Role.SUPERVISOR],
        excerpt.id,
        line=1,
        start=0,
        end=6,
        body="Notice *this*.",
        visibility="room",
    )
    db.session.commit()
    login(people[Role.MEMBER])
    html = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    anxiety, rescue = tag_id(room, "anxiety-in-silence"), tag_id(room, "rescue-fantasy")
    # Split at 0/6 (annotation), 7, 10, 14, 35: the overlap 10–14 carries both moments.
    utterance = re.search(r'<span class="utterance" data-utterance>(.*?)</span>', html).group(1)
    assert re.sub(r"<[^>]+>", "", utterance) == "I felt 😬 tense when she went quiet."
    assert '<mark class="hl hl-none annotated"' in utterance and ">I felt</mark>" in utterance
    assert f'<mark class="hl tag-{anxiety}"' in utterance and ">😬 t</mark>" in utterance
    assert f'<mark class="hl tag-{anxiety} multi"' in utterance and ">ense</mark>" in utterance
    assert f'<mark class="hl tag-{rescue}"' in utterance
    assert f'href="/rooms/{room.id}/tags.css"' in html
    assert "intensity 4 of 5" in html and "Say something!" in html and "Let the silence be." in html
    assert "<em>this</em>" in html
    assert "Compare readings (2 people tagged this)" in html
    # Only one's own moments offer a delete button.
    assert html.count(">Delete<span") == 1


def test_tag_stylesheet_holds_every_tag_colour(client, group, login):
    room, people, _ = group
    tags.update_tag(people[Role.SUPERVISOR], room.id, "irritation", colour="#A1B2C3")
    tags.retire_tag(people[Role.SUPERVISOR], room.id, "envy")
    db.session.commit()
    login(people[Role.TRAINEE])
    response = client.get(f"/rooms/{room.id}/tags.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    css = response.get_data(as_text=True)
    assert f".tag-{tag_id(room, 'irritation')} {{ background-color: #a1b2c3; }}" in css
    assert f".tag-{tag_id(room, 'envy')} " in css  # retired tags still colour old moments
    assert len(re.findall(r"^\.tag-\d+ \{ background-color: #[0-9a-f]{6}; \}$", css, re.M)) == 22


def test_tag_a_moment_by_offsets_in_code_points_and_by_whole_lines(client, group, login):
    room, people, excerpt = group
    login(people[Role.MEMBER])
    page = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    assert '<optgroup label="Feelings in the clinician">' in page
    response = client.post(
        f"/excerpts/{excerpt.id}/moments",
        data=moment_form(
            tag_id(room, "anxiety-in-silence"), start=9, end=14, intensity=3, note="Tight chest."
        ),
    )
    assert response.status_code == 302
    assert (
        response.headers["Location"].endswith(f"/excerpts/{excerpt.id}#moment-1")
        or "#moment-" in response.headers["Location"]
    )
    found = db.session.scalars(select(Moment)).one()
    assert (found.line, found.start, found.end_line, found.end) == (1, 9, 1, 14)
    assert found.intensity == 3 and found.note == "Tight chest."
    assert spans_quote(excerpt, found) == "tense"

    client.post(
        f"/excerpts/{excerpt.id}/moments", data=moment_form("rescue-fantasy", line=2, end_line=3)
    )
    whole = db.session.scalars(select(Moment).where(Moment.line == 2)).one()
    assert (whole.start, whole.end_line, whole.end) == (0, 3, len("Take your time."))


def spans_quote(excerpt, moment):
    from app.services import spans

    return spans.quote(excerpt, spans.Span(moment.line, moment.start, moment.end_line, moment.end))


def test_retired_and_merged_tags_are_not_offered(client, group, login):
    room, people, excerpt = group
    tags.retire_tag(people[Role.SUPERVISOR], room.id, "envy")
    tags.merge_tags(people[Role.SUPERVISOR], room.id, "sleepiness", "boredom-withdrawal")
    db.session.commit()
    login(people[Role.MEMBER])
    html = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    select_html = re.search(r'<select id="m-tag".*?</select>', html, re.S).group(0)
    assert "Envy" not in select_html and "Sleepiness" not in select_html
    assert "Boredom / withdrawal" in select_html
    response = client.post(
        f"/excerpts/{excerpt.id}/moments", data=moment_form(tag_id(room, "envy"), start=0, end=6)
    )
    assert response.status_code == 422
    assert "retired" in response.get_data(as_text=True)


def test_bad_span_is_refused_with_everything_kept(client, group, login):
    _room, people, excerpt = group
    login(people[Role.MEMBER])
    response = client.post(
        f"/excerpts/{excerpt.id}/moments",
        data=moment_form("irritation", start=5, end=500, note="kept note"),
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "end must be between" in html and "kept note" in html
    assert db.session.scalar(select(Moment)) is None


def test_gate_round_trip_keeps_what_was_typed(client, group, login):
    _room, people, excerpt = group
    login(people[Role.MEMBER])
    data = moment_form(
        "protectiveness",
        start=0,
        end=6,
        note="She reminds me of my sister Maggie",
        almost_said="It will be fine.",
        intensity=2,
    )
    response = client.post(f"/excerpts/{excerpt.id}/moments", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert '<mark class="finding">Maggie</mark>' in html
    assert "These are not identifying — keep them (I attest)" in html
    assert "She reminds me of my sister Maggie</textarea>" in html
    assert "It will be fine.</textarea>" in html
    assert '<input checked id="m-intensity-1" name="m-intensity" type="radio" value="2">' in html
    assert db.session.scalar(select(Moment)) is None

    keep = dict(re.findall(r'<input type="hidden" name="(m-keep-[^"]+)" value="([^"]*)"', html))
    assert keep == {
        "m-keep-0-field": "note",
        "m-keep-0-start": "28",
        "m-keep-0-end": "34",
        "m-keep-0-text": "Maggie",
    }
    # Without the attestation the gate asks again; with it the moment is saved as typed.
    assert client.post(f"/excerpts/{excerpt.id}/moments", data=data | keep).status_code == 422
    response = client.post(
        f"/excerpts/{excerpt.id}/moments", data=data | keep | {"m-keep-attest": "y"}
    )
    assert response.status_code == 302
    saved = db.session.scalars(select(Moment)).one()
    assert saved.note == "She reminds me of my sister Maggie"
    # An edited note whose finding moved is asked about again rather than passed.
    edited = data | keep | {"m-keep-attest": "y", "m-note": "Like Maggie, my sister"}
    assert client.post(f"/excerpts/{excerpt.id}/moments", data=edited).status_code == 422


def test_non_member_gets_404_everywhere(client, group, login):
    room, _people, excerpt = group
    login(factories.user())
    db.session.commit()
    for url in (
        f"/excerpts/{excerpt.id}",
        f"/excerpts/{excerpt.id}/agreement",
        f"/rooms/{room.id}/moments",
        f"/rooms/{room.id}/tags",
        f"/rooms/{room.id}/tags.css",
        f"/rooms/{room.id}/tags/codebook.json",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/excerpts/{excerpt.id}/moments",
        f"/excerpts/{excerpt.id}/annotations",
        f"/excerpts/{excerpt.id}/review",
        f"/rooms/{room.id}/tags",
    ):
        assert (
            client.post(url, data=moment_form("irritation") | {"name": "x"}).status_code == 404
        ), url


def test_trainee_cannot_annotate(client, group, login):
    _room, people, excerpt = group
    login(people[Role.TRAINEE])
    html = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    assert "Annotate selection" not in html and 'id="annotate-form"' not in html
    response = client.post(
        f"/excerpts/{excerpt.id}/annotations",
        data={"a-line": 1, "a-end_line": 1, "a-body": "Mine", "a-visibility": "room"},
    )
    assert response.status_code == 403
    assert "Only supervisors and owners can annotate" in response.get_data(as_text=True)
    assert db.session.scalar(select(Annotation)) is None


def test_private_annotation_reaches_only_the_author(client, group, login):
    _room, people, excerpt = group
    login(people[Role.SUPERVISOR])
    assert "Annotate selection" in client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    for body, visibility in (("For everyone.", "room"), ("Just for you.", "author")):
        response = client.post(
            f"/excerpts/{excerpt.id}/annotations",
            data={
                "a-line": 2,
                "a-end_line": 2,
                "a-start": 0,
                "a-end": 9,
                "a-body": body,
                "a-visibility": visibility,
            },
        )
        assert response.status_code == 302
    login(people[Role.TRAINEE])
    author_page = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    assert "For everyone." in author_page and "Just for you." in author_page
    assert "Private feedback to the author" in author_page
    login(people[Role.MEMBER])
    other_page = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    assert "For everyone." in other_page
    assert "Just for you." not in other_page and "Private feedback" not in other_page
    assert other_page.count('class="ref ref-note"') == 1


def test_review_request_settle_and_badges(client, group, login):
    room, people, excerpt = group
    login(people[Role.TRAINEE])
    assert "Ask for review" in client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    assert client.post(f"/excerpts/{excerpt.id}/review").status_code == 302
    assert "Waiting for review" in client.get(f"/rooms/{room.id}").get_data(as_text=True)

    login(people[Role.SUPERVISOR])
    index = client.get("/rooms").get_data(as_text=True)
    assert "Waiting for my review" in index and "Quiet" in index
    page = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    assert "Mark reviewed" in page and "Ask for a revision" in page
    refused = client.post(
        f"/excerpts/{excerpt.id}/review/settle",
        data={"outcome": "revision_requested", "r-note": ""},
    )
    assert refused.status_code == 422
    assert "Say what should change" in refused.get_data(as_text=True)
    done = client.post(
        f"/excerpts/{excerpt.id}/review/settle",
        data={"outcome": "revision_requested", "r-note": "Add the *lead-up*."},
    )
    assert done.status_code == 302
    assert db.session.get(Excerpt, excerpt.id).review_status == reviews.REVISION
    assert "Waiting for my review" not in client.get("/rooms").get_data(as_text=True)

    login(people[Role.MEMBER])
    page = client.get(f"/excerpts/{excerpt.id}").get_data(as_text=True)
    assert "Revision asked for" in page and "<em>lead-up</em>" in page
    assert "Mark reviewed" not in page and "Ask for review" not in page
    assert (
        client.post(
            f"/excerpts/{excerpt.id}/review/settle", data={"outcome": "reviewed"}
        ).status_code
        == 403
    )


def test_room_moments_view_filters(client, group, login):
    room, people, excerpt = group
    tag(people[Role.MEMBER], excerpt, "irritation", 2, 0, 5, note="Impatient")
    tag(people[Role.TRAINEE], excerpt, "anxiety-in-silence", 1, 9, 14)
    login(people[Role.MEMBER])
    html = client.get(f"/rooms/{room.id}/moments").get_data(as_text=True)
    assert "Impatient" in html
    assert f'href="/excerpts/{excerpt.id}#line-2"' in html and "#line-1" in html
    # A group filter includes its children.
    only = client.get(
        f"/rooms/{room.id}/moments?tag=feelings-in-clinician&author={people[Role.TRAINEE].id}"
    ).get_data(as_text=True)
    assert "#line-1" in only and "Impatient" not in only
    assert 'value="feelings-in-clinician" selected' in only
    future = client.get(f"/rooms/{room.id}/moments?since=2999-01-01").get_data(as_text=True)
    assert "No moments match" in future
    bad = client.get(f"/rooms/{room.id}/moments?until=yesterday").get_data(as_text=True)
    assert "Use a date like" in bad and "Impatient" in bad


def test_room_page_counts_tags_and_links_exports(client, group, login):
    room, people, excerpt = group
    tag(people[Role.MEMBER], excerpt, "irritation", 2, 0, 5)
    tag(people[Role.TRAINEE], excerpt, "irritation", 3, 0, 4)
    login(people[Role.MEMBER])
    html = client.get(f"/rooms/{room.id}").get_data(as_text=True)
    assert f'href="/rooms/{room.id}/moments?tag=irritation"' in html
    assert re.search(r"Irritation / frustration <span class=\"chip-count\">2</span>", html)
    for fmt in ("json", "md", "csv"):
        assert f'href="/api/v1/rooms/{room.id}/export?format={fmt}"' in html
    csv_export = client.get(f"/api/v1/rooms/{room.id}/export?format=csv")
    assert csv_export.status_code == 200 and "irritation" in csv_export.get_data(as_text=True)


def test_agreement_page(client, group, login):
    _room, people, excerpt = group
    login(people[Role.MEMBER])
    alone = client.get(f"/excerpts/{excerpt.id}/agreement").get_data(as_text=True)
    assert "Once two or more people have tagged it" in alone
    tag(people[Role.MEMBER], excerpt, "irritation", 2, 0, 5)
    tag(people[Role.TRAINEE], excerpt, "irritation", 2, 2, 9)
    tag(people[Role.TRAINEE], excerpt, "anxiety-in-silence", 1, 9, 14)
    html = client.get(f"/excerpts/{excerpt.id}/agreement").get_data(as_text=True)
    assert "Cohen&#39;s kappa" in html or "Cohen's kappa" in html
    assert "not a grade" in html
    assert "Readings differ" in html and "Same tags" in html and "Nobody tagged" in html
    assert people[Role.MEMBER].display_name in html and people[Role.TRAINEE].display_name in html
    assert html.count('<tr class="differ">') == 1


def test_taxonomy_page_for_managers_and_members(client, group, login):
    room, people, excerpt = group
    tag(people[Role.MEMBER], excerpt, "sleepiness", 1, 0, 6)
    login(people[Role.TRAINEE])
    html = client.get(f"/rooms/{room.id}/tags").get_data(as_text=True)
    assert "Rescue fantasy" in html and "landlord" in html  # definition and example shown
    assert "Add a tag" not in html and "Change “" not in html
    refused = client.post(f"/rooms/{room.id}/tags", data={"name": "Mine", "colour": "#aabbcc"})
    assert refused.status_code == 403
    assert "Only owners and supervisors" in refused.get_data(as_text=True)

    login(people[Role.SUPERVISOR])
    html = client.get(f"/rooms/{room.id}/tags").get_data(as_text=True)
    assert "Add a tag" in html and "Import a codebook" in html
    added = client.post(
        f"/rooms/{room.id}/tags",
        data={
            "name": "Urge to end early",
            "parent": "pulls-to-act",
            "colour": "#c8e6f0",
            "definition": "Wanting the hour over.",
        },
    )
    assert added.status_code == 302
    new = db.session.scalar(select(Tag).where(Tag.slug == "urge-to-end-early"))
    assert new.parent.slug == "pulls-to-act" and new.colour == "#c8e6f0"
    bad = client.post(f"/rooms/{room.id}/tags", data={"name": "Odd", "colour": "red"})
    assert bad.status_code == 422 and "#rrggbb" in bad.get_data(as_text=True)

    client.post(
        f"/rooms/{room.id}/tags/urge-to-end-early/edit",
        data={
            "name": "Urge to finish",
            "parent": "pulls-to-act",
            "colour": "#c8e6f0",
            "definition": "d",
            "example": "e",
        },
    )
    assert db.session.get(Tag, new.id).name == "Urge to finish"
    client.post(f"/rooms/{room.id}/tags/sleepiness/merge", data={"into": "boredom-withdrawal"})
    assert db.session.scalars(select(Moment)).one().tag.slug == "boredom-withdrawal"
    client.post(f"/rooms/{room.id}/tags/envy/retire")
    html = client.get(f"/rooms/{room.id}/tags").get_data(as_text=True)
    assert "Retired and merged tags (2)" in html and "merged into Boredom / withdrawal" in html

    download = client.get(f"/rooms/{room.id}/tags/codebook.json")
    assert "attachment" in download.headers["Content-Disposition"]
    codebook = json.loads(download.get_data(as_text=True))
    assert codebook["format"] == "parallel-codebook"
    codebook["tags"].append(
        {
            "slug": "pasted",
            "name": "Pasted",
            "parent": None,
            "colour": "#eeeeee",
            "definition": "",
            "example": "",
        }
    )
    imported = client.post(f"/rooms/{room.id}/tags/import", data={"text": json.dumps(codebook)})
    assert imported.status_code == 302
    assert db.session.scalar(select(Tag).where(Tag.slug == "pasted")) is not None
    broken = client.post(f"/rooms/{room.id}/tags/import", data={"text": "{nope"})
    assert broken.status_code == 422 and "not valid JSON" in broken.get_data(as_text=True)


def test_delete_own_moment_only(client, group, login):
    _room, people, excerpt = group
    mine = tag(people[Role.MEMBER], excerpt, "irritation", 2, 0, 5)
    theirs = tag(people[Role.TRAINEE], excerpt, "irritation", 3, 0, 4)
    login(people[Role.MEMBER])
    refused = client.post(f"/excerpts/{excerpt.id}/moments/{theirs.id}/delete")
    assert refused.status_code == 302
    assert db.session.get(Moment, theirs.id) is not None
    client.post(f"/excerpts/{excerpt.id}/moments/{mine.id}/delete")
    db.session.expire_all()
    assert db.session.get(Moment, mine.id) is None
