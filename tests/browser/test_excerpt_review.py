"""Paste a transcript full of identifiers, resolve them on the review screen, post, and see only
placeholders in the room."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_invite_flow import register

pytestmark = pytest.mark.browser

TRANSCRIPT = """T: How did the week go after we talked about your sister?
C: Honestly awful. Maggie called me on March 14th and said Mom is moving to Dayton.
T: That sounds like a lot to hold. Like Winnicott said, good enough is enough.
[00:12:40] Client: My boss at Kroger, Dave Ostrowski, keeps texting me at 555-218-4490.
T: I notice I want to fix this for you right now.
C: Maggie says I should just quit. Lulu thinks so too. We met at the corner bakery."""


def test_review_redact_keep_and_post(live_server, new_page, tmp_path):
    page = new_page()
    register(page, live_server, "Nora Clinician", "nora@example.org")
    page.get_by_label("Room name").fill("Tuesday group")
    page.get_by_role("button", name="Create room").click()
    page.get_by_role("link", name="New excerpt").click()

    page.get_by_label("Title").fill("Wanting to fix it for Maggie")
    page.get_by_label("…or a new case pseudonym").fill("Client A")
    page.get_by_label("Transcript").fill(TRANSCRIPT)
    page.get_by_role("button", name="Review for identifiers").click()
    expect(page.get_by_role("heading", name="Review before posting")).to_be_visible()
    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)

    # Keyboard: the first finding, redact. Keep "Kroger" (say the group agrees it is generic).
    page.keyboard.press("j")
    page.keyboard.press("r")
    expect(page.locator("mark#finding-0")).to_have_class("finding redact")
    kroger = page.locator(".finding-row", has_text="Kroger")
    kroger.get_by_label("Keep").check()

    # The author knows "corner bakery" would identify the place: select it, redact it by hand.
    raw = page.locator('.raw[data-field="text"]')
    raw.evaluate(
        """(el) => {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.nodeValue.indexOf("corner bakery");
                if (at >= 0 && !node.parentElement.closest("mark")) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + 13);
                    const sel = window.getSelection();
                    sel.removeAllRanges();
                    sel.addRange(range);
                    document.dispatchEvent(new Event("selectionchange"));
                    return;
                }
            }
        }"""
    )
    page.get_by_label("as").select_option("LOCATION")
    page.get_by_role("button", name="Redact selected text").click()
    # The page comes back with the selection redacted and every earlier decision kept.
    expect(page.locator("mark.manual")).to_have_text("corner bakery")
    expect(page.locator(".finding-row", has_text="Kroger").get_by_label("Keep")).to_be_checked()
    page.get_by_role("button", name="Redact all undecided").click()

    preview = page.locator("#stored-preview")
    expect(preview).to_contain_text("[NAME-1]")
    expect(preview).not_to_contain_text("Ostrowski")

    # Posting without the attestation is refused, nothing is lost.
    page.get_by_role("button", name="Post to Tuesday group").click()
    expect(page.get_by_role("alert")).to_contain_text("Confirm")
    page.get_by_role("button", name="Redact all undecided").click()
    page.get_by_label("I have reviewed this text").check()
    page.get_by_role("button", name="Post to Tuesday group").click()

    expect(page.get_by_role("heading", name="Wanting to fix it for [NAME-1]")).to_be_visible()
    body = page.locator("article.excerpt")
    for identifier in (
        "Maggie",
        "Dayton",
        "Ostrowski",
        "555-218-4490",
        "Lulu",
        "March 14",
        "corner bakery",
    ):
        expect(body).not_to_contain_text(identifier)
    expect(body).to_contain_text("Winnicott")
    expect(body).to_contain_text("Kroger")  # kept by the author's decision
    expect(body).to_contain_text("[PLACE-1]")
    expect(body).to_contain_text("[PHONE-1]")
    page.screenshot(path=str(tmp_path / "excerpt.png"), full_page=True)

    page.get_by_role("link", name="Tuesday group").click()
    expect(page.locator("#excerpts")).to_contain_text("Wanting to fix it for [NAME-1]")
    expect(page.locator("#excerpts")).to_contain_text("Client A")
