"""Two people discuss an excerpt live; one loses the network and comes back to every message."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_invite_flow import register

pytestmark = pytest.mark.browser


def post_excerpt(page, base):
    page.get_by_label("Room name").fill("Live room")
    page.get_by_role("button", name="Create room").click()
    page.get_by_role("link", name="New excerpt").click()
    page.get_by_label("Title").fill("The long silence")
    page.get_by_label("Transcript").fill("T: What was the quiet like?\nC: Heavy.")
    page.get_by_role("button", name="Review for identifiers").click()
    page.get_by_label("I have reviewed this text").check()
    page.get_by_role("button", name="Post to Live room").click()
    expect(page.get_by_role("heading", name="The long silence")).to_be_visible()
    return page.url


def invite_and_join(owner, guest, base):
    owner.goto(owner.url.split("/excerpts/")[0] + "/rooms")
    owner.get_by_role("link", name="Live room").click()
    owner.get_by_role("button", name="Create invite").click()
    link = owner.locator("#invite-link").inner_text().strip()
    register(guest, base, "Gil Guest", "gil@example.org")
    guest.goto(link)
    guest.get_by_role("button", name="Join room").click()


def say(page, text):
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()


def test_live_discussion_survives_a_lost_connection(live_server, new_page):
    ana = new_page()
    register(ana, live_server, "Ana Host", "ana@example.org")
    excerpt_url = post_excerpt(ana, live_server)
    gil = new_page()
    invite_and_join(ana, gil, live_server)

    ana.goto(excerpt_url)
    gil.goto(excerpt_url)
    expect(ana.locator("[data-status]")).to_have_text("Live")
    expect(gil.locator("[data-status]")).to_have_text("Live")
    expect(ana.locator("[data-presence]")).to_contain_text("Gil Guest")

    say(ana, "I noticed I wanted to **fill** the silence.")
    expect(gil.locator(".message")).to_have_count(1)
    expect(gil.locator(".message-body strong")).to_have_text("fill")

    gil.get_by_label("Your message").type("Same here")
    expect(ana.locator("[data-typing]")).to_contain_text("Gil Guest is typing")
    gil.get_by_role("button", name="Send").click()
    expect(ana.locator(".message")).to_have_count(2)

    # Gil loses the network; the group goes on; Gil writes while offline.
    gil.context.set_offline(True)
    expect(gil.locator("[data-status]")).to_contain_text("Reconnecting", timeout=30_000)
    for i in range(3):
        say(ana, f"While you were away {i}")
    say(gil, "Written offline")
    expect(ana.locator(".message")).to_have_count(5)
    gil.context.set_offline(False)

    expect(gil.locator("[data-status]")).to_have_text("Live", timeout=30_000)
    expect(gil.locator(".message")).to_have_count(6)
    expect(ana.locator(".message")).to_have_count(6)
    seqs = gil.locator(".message").evaluate_all("items => items.map(i => Number(i.dataset.seq))")
    assert seqs == [1, 2, 3, 4, 5, 6]
    assert gil.locator(".message-body", has_text="Written offline").count() == 1
    assert ana.locator(".message-body", has_text="Written offline").count() == 1
