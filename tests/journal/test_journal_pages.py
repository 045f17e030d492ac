"""Journal, insights and my-data pages: the author's alone; others get 404."""

from __future__ import annotations

from app.extensions import db
from app.models import JournalEntry, Role, User
from app.services import excerpts, journal
from tests import factories
from tests.factories import PASSWORD


def test_write_from_template_and_search(client, login, setting):
    me = setting["me"]
    case = excerpts.create_case(me, setting["room"].id, "Client A")
    db.session.commit()
    login(me)
    templates = journal.list_templates(me)
    db.session.commit()
    page = client.get(f"/journal/new?template={templates[1].id}")
    assert page.status_code == 200
    assert b"### What did I almost say?" in page.data
    assert page.headers["Cache-Control"] == "no-store"
    created = client.post(
        "/journal/new",
        data={
            "body": "### What did I feel?\n\nA pull to **fix** it",
            "tags": ["over-functioning", "urge-to-fix"],
            "intensity": "4",
            "excerpt_id": str(setting["excerpt"].id),
            "case_id": str(case.id),
        },
    )
    assert created.status_code == 302
    entry = db.session.query(JournalEntry).one()
    assert entry.case_id == case.id
    shown = client.get(created.headers["Location"])
    assert b"<strong>fix</strong>" in shown.data
    listing = client.get("/journal?q=pull&tag=urge-to-fix")
    assert f'data-entry-id="{entry.id}"'.encode() in listing.data
    assert b"data-entry-id" not in client.get("/journal?q=zebra").data
    bad = client.post("/journal/new", data={"body": "x", "intensity": "9"})
    assert bad.status_code == 422


def test_other_people_get_404(app, client, login, setting):
    me = setting["me"]
    entry = journal.create_entry(me, journal.EntryDraft(body="Only mine", tags=[]))
    db.session.commit()
    member = factories.member(setting["room"], Role.MEMBER)
    db.session.commit()
    for other in (setting["owner"], setting["supervisor"], member):
        login(other)
        for url in (
            f"/journal/{entry.id}",
            f"/journal/{entry.id}/edit",
            f"/journal/{entry.id}/share",
        ):
            assert client.get(url).status_code == 404
        assert client.post(f"/journal/{entry.id}/delete").status_code == 404
        assert client.post(f"/journal/{entry.id}/edit", data={"body": "x"}).status_code == 404
        assert b"Only mine" not in client.get("/journal").data
        assert b"Only mine" not in client.get("/account/export").data
    assert db.session.get(JournalEntry, entry.id) is not None


def test_insights_page_has_charts_and_tables(client, login, setting):
    me = setting["me"]
    journal.create_entry(
        me, journal.EntryDraft(body="Heavy silence again", tags=["over-functioning"], intensity=3)
    )
    db.session.commit()
    login(me)
    page = client.get("/insights")
    assert page.status_code == 200
    html = page.data.decode()
    for chart in ("chart-tags", "chart-intensity", "chart-talk", "chart-words"):
        assert f'id="{chart}"' in html
    assert html.count('<svg class="chart"') == 4
    assert html.count("<figcaption>") == 4
    assert html.count("<table") == 4
    assert "<title>My talk share</title>" in html
    assert "http" not in html.split("<main", 1)[-1].split("</main>")[0].replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_share_page_review(client, login, setting):
    me = setting["me"]
    entry = journal.create_entry(
        me, journal.EntryDraft(body="Met Margaret Thompson's sister", tags=[])
    )
    db.session.commit()
    login(me)
    page = client.get(f"/journal/{entry.id}/share")
    assert b"Margaret Thompson" in page.data and b"action-0" in page.data
    unattested = client.post(
        f"/journal/{entry.id}/share", data={"excerpt_id": setting["excerpt"].id}
    )
    assert unattested.status_code == 422
    posted = client.post(
        f"/journal/{entry.id}/share",
        data={"excerpt_id": setting["excerpt"].id, "attest": "y"},
    )
    assert posted.status_code == 302


def test_account_my_data(client, login, setting):
    me = setting["me"]
    login(me)
    account = client.get("/account").data
    assert b'id="my-data"' in account and b"Former member" in account
    download = client.get("/account/export")
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.get_json()["account"]["id"] == me.id
    no_choice = client.post("/account/delete", data={"password": PASSWORD})
    assert no_choice.status_code == 302
    assert db.session.get(User, me.id) is not None
    done = client.post("/account/delete", data={"password": PASSWORD, "shared": "keep"})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, me.id) is None
