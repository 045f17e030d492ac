"""A new clinician registers, creates a room and invites a colleague, who joins it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def register(page, base: str, name: str, email: str) -> None:
    page.goto(f"{base}/register")
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Your rooms")).to_be_visible()


def test_register_create_room_invite_and_join(live_server, new_page):
    owner = new_page()
    register(owner, live_server, "Rhea Owner", "rhea@example.org")
    owner.get_by_label("Room name").fill("Thursday peer consultation")
    owner.get_by_role("button", name="Create room").click()
    expect(owner.get_by_role("heading", name="Thursday peer consultation")).to_be_visible()

    owner.get_by_label("Role").select_option("trainee")
    owner.get_by_role("button", name="Create invite").click()
    link = owner.locator("#invite-link").inner_text().strip()
    assert "/join/" in link

    colleague = new_page()
    colleague.goto(link)
    # Not signed in yet: the sign-in page offers to create an account and comes back.
    colleague.get_by_role("link", name="Create an account").click()
    colleague.get_by_label("Display name").fill("Tom Trainee")
    colleague.get_by_label("Email").fill("tom@example.org")
    colleague.get_by_label("Password", exact=True).fill(PASSWORD)
    colleague.get_by_label("Repeat password").fill(PASSWORD)
    colleague.get_by_role("button", name="Create account").click()
    expect(colleague.get_by_text("You have been invited as")).to_contain_text("trainee")
    colleague.get_by_role("button", name="Join room").click()
    expect(colleague.get_by_role("heading", name="Thursday peer consultation")).to_be_visible()
    expect(colleague.locator("#members")).to_contain_text("Rhea Owner")
    expect(colleague.locator("#members")).to_contain_text("Tom Trainee")

    owner.reload()
    expect(owner.locator("#members")).to_contain_text("Tom Trainee")
