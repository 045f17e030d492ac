"""Write three journal entries from templates, tag a moment in a room, read the insights page's
charts; a second user, the room's owner, reaches none of it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app import create_app
from app.config import TestingConfig
from app.extensions import db
from app.models import Role
from app.services import excerpts
from tests import factories
from tests.browser.test_moments_flow import select, sign_in

pytestmark = pytest.mark.browser

TRANSCRIPT = (
    "T: How was the week since we last met?\n"
    "C: Hard.\n"
    "T: Let me make a plan for you, I can call them myself.\n"
    "C: Okay."
)

ENTRIES = [
    ("Before a session", "Expecting the pull to take over again", "Urge to advise or fix", "3"),
    (
        "After a session",
        "I almost offered to make the call myself",
        "Responsibility inversion / over-functioning",
        "5",
    ),
    ("Before supervision", "Bring the pull to take over and the plan I made", "Helplessness", "2"),
]


@pytest.fixture
def seeded(live_server, tmp_path):
    app = create_app(
        TestingConfig(database_url=f"sqlite:///{tmp_path / 'browser.db'}", instance=str(tmp_path))
    )
    with app.app_context():
        owner = factories.user("olive@example.org", "Olive Owner")
        room = factories.room(owner, "Tuesday group")
        me = factories.member(room, Role.MEMBER, factories.user("jo@example.org", "Jo Journal"))
        excerpt = excerpts.post_excerpt(
            me, room.id, excerpts.ExcerptDraft(title="The plan", text=TRANSCRIPT, attest=True)
        )
        db.session.commit()
        ids = {"excerpt": excerpt.id}
        db.session.remove()
        db.engine.dispose()
    return live_server, ids


def test_journal_insights_and_privacy(seeded, new_page, tmp_path):
    base, ids = seeded
    jo = new_page()
    sign_in(jo, base, "jo@example.org")

    entry_urls = []
    for template, text, tag, intensity in ENTRIES:
        jo.goto(f"{base}/journal/new")
        jo.get_by_role("link", name=template).click()
        body = jo.get_by_label("Entry (markdown)")
        expect(body).to_contain_text("###")
        body.press("End")
        body.press("Control+End")
        body.type(text)
        jo.get_by_label(tag, exact=True).check()
        jo.get_by_label("Intensity").select_option(intensity)
        jo.get_by_role("button", name="Save privately").click()
        expect(jo.locator(".journal-entry")).to_contain_text(text)
        entry_urls.append(jo.url)
    jo.screenshot(path=str(tmp_path / "entry.png"), full_page=True)

    jo.goto(f"{base}/journal?q=pull")
    expect(jo.locator(".journal-list > li")).to_have_count(2)

    # Tag a moment in the room.
    jo.goto(f"{base}/excerpts/{ids['excerpt']}")
    select(jo, 3, "Let me make a plan")
    jo.locator("[data-selection-bar]").get_by_role("button", name="Tag this moment").click()
    form = jo.locator("#tag-form")
    form.get_by_label("Tag").select_option(label="Responsibility inversion / over-functioning")
    form.get_by_label("4", exact=True).check()
    form.get_by_role("button", name="Tag this moment").click()
    expect(jo.locator("#moments .quote")).to_have_text(["Let me make a plan"])

    jo.goto(f"{base}/insights")
    for chart in ("chart-tags", "chart-intensity", "chart-talk", "chart-words"):
        figure = jo.locator(f"#{chart}")
        expect(figure.locator("svg.chart")).to_be_visible()
        expect(figure.locator("figcaption")).to_be_visible()
        expect(figure.locator("table")).to_have_count(1)
    expect(jo.locator("#chart-tags svg title").first).to_have_text("My tags over time")
    expect(jo.locator("#chart-tags table")).to_contain_text("over-functioning")
    expect(jo.locator("#chart-talk table")).to_contain_text("Around over-functioning")
    jo.screenshot(path=str(tmp_path / "insights.png"), full_page=True)

    olive = new_page()
    sign_in(olive, base, "olive@example.org")
    for url in entry_urls:
        response = olive.goto(url)
        assert response.status == 404
        response = olive.goto(url + "/edit")
        assert response.status == 404
    olive.goto(f"{base}/journal")
    expect(olive.locator(".journal-list")).to_have_count(0)
    olive.goto(f"{base}/insights")
    expect(olive.locator("main")).not_to_contain_text("Expecting the pull")
    assert re.search(r"0 entries", olive.locator("main").inner_text())
