"""Two members tag the same excerpt by selecting text, compare readings, and a supervisor leaves
room-visible and private annotations that reach exactly the people they are meant for."""

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

pytestmark = pytest.mark.browser

# Line 1 has a character outside the Basic Multilingual Plane: one code point, two UTF-16 units.
TRANSCRIPT = (
    "T: I felt 😬 tense when she went quiet.\nC: I don't know what to say.\nT: Take your time."
)

SELECT_TEXT = """([startLine, startText, endLine, endText]) => {
    const find = (line, text) => {
        const utterance = document.querySelector(`#line-${line} [data-utterance]`);
        const walker = document.createTreeWalker(utterance, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const at = node.nodeValue.indexOf(text);
            if (at >= 0) return [node, at];
        }
        throw new Error(`no ${text} on line ${line}`);
    };
    const [startNode, startAt] = find(startLine, startText);
    const [endNode, endAt] = find(endLine, endText);
    const range = document.createRange();
    range.setStart(startNode, startAt);
    range.setEnd(endNode, endAt + endText.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new Event("selectionchange"));
}"""


@pytest.fixture
def seeded(live_server, tmp_path):
    """People, a room and a posted excerpt, written straight into the live server's database."""
    app = create_app(
        TestingConfig(database_url=f"sqlite:///{tmp_path / 'browser.db'}", instance=str(tmp_path))
    )
    with app.app_context():
        owner = factories.user("olive@example.org", "Olive Owner")
        room = factories.room(owner, "Tuesday group")
        people = {
            "sam": factories.member(
                room, Role.SUPERVISOR, factories.user("sam@example.org", "Sam Supervisor")
            ),
            "tia": factories.member(
                room, Role.TRAINEE, factories.user("tia@example.org", "Tia Trainee")
            ),
            "mo": factories.member(
                room, Role.MEMBER, factories.user("mo@example.org", "Mo Member")
            ),
        }
        excerpt = excerpts.post_excerpt(
            people["tia"],
            room.id,
            excerpts.ExcerptDraft(title="When she went quiet", text=TRANSCRIPT, attest=True),
        )
        db.session.commit()
        ids = {"room": room.id, "excerpt": excerpt.id}
        db.session.remove()
        db.engine.dispose()
    return live_server, ids


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your rooms")).to_be_visible()


def select(page, start_line, start_text, end_line=None, end_text=None) -> None:
    """Select text the way a reader does; the page's deferred script must be running."""
    page.wait_for_load_state("domcontentloaded")
    page.evaluate(
        SELECT_TEXT, [start_line, start_text, end_line or start_line, end_text or start_text]
    )


def test_tag_compare_and_annotate(seeded, new_page, tmp_path):
    base, ids = seeded
    excerpt_url = f"{base}/excerpts/{ids['excerpt']}"

    tia = new_page()
    sign_in(tia, base, "tia@example.org")
    tia.goto(excerpt_url)
    select(tia, 1, "tense")
    bar = tia.locator("[data-selection-bar]")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("tense")
    # Offsets are code points: the emoji before "tense" counts once, not twice.
    expect(tia.locator("#m-start")).to_have_value("9")
    expect(tia.locator("#m-end")).to_have_value("14")
    tia.screenshot(path=str(tmp_path / "selection.png"))
    bar.get_by_role("button", name="Tag this moment").click()
    expect(tia.locator("#m-tag")).to_be_focused()
    form = tia.locator("#tag-form")
    form.get_by_label("Tag").select_option(label="Anxiety in silence")
    form.get_by_label("3", exact=True).check()
    form.get_by_label("What I almost said").fill("Is everything all right? 🙂")
    form.get_by_role("button", name="Tag this moment").click()
    expect(tia.locator("#moments .quote")).to_have_text(["tense"])
    expect(tia.locator("#moments")).to_contain_text("Is everything all right? 🙂")
    # Whole lines through the selects (what a keyboard or no-JS user does).
    form.get_by_label("From line").select_option("3")
    form.get_by_label("To line").select_option("3")
    form.get_by_label("Tag").select_option(label="Helplessness")
    form.get_by_role("button", name="Tag this moment").click()
    expect(tia.locator("#moments .quote")).to_have_text(["tense", "Take your time."])

    mo = new_page()
    sign_in(mo, base, "mo@example.org")
    mo.goto(excerpt_url)
    select(mo, 1, "tense")
    form = mo.locator("#tag-form")
    form.get_by_label("Tag").select_option(label="Irritation / frustration")
    form.get_by_label("Note").fill("She sounds like my sister Maggie.")
    form.get_by_role("button", name="Tag this moment").click()
    # The gate names the possible identifier; nothing typed is lost; attesting keeps it.
    gate = form.get_by_role("alert").filter(has_text="might identify someone")
    expect(gate).to_contain_text("Maggie")
    expect(form.get_by_label("Note")).to_have_value("She sounds like my sister Maggie.")
    expect(form.get_by_label("Tag")).to_have_value(re.compile(r"\d+"))
    gate.screenshot(path=str(tmp_path / "gate.png"))
    form.get_by_label("These are not identifying — keep them (I attest)").check()
    form.get_by_role("button", name="Tag this moment").click()
    expect(mo.locator("#moments")).to_contain_text("She sounds like my sister Maggie.")
    select(mo, 2, "know what to say.", 3, "Take your time.")
    expect(form.get_by_label("From line")).to_have_value("2")
    expect(form.get_by_label("To line")).to_have_value("3")
    form.get_by_label("Tag").select_option(label="Helplessness")
    form.get_by_label("5 overwhelming").check()
    form.get_by_role("button", name="Tag this moment").click()
    expect(mo.locator("#moments .quote")).to_have_count(4)
    expect(mo.locator("#moments")).to_contain_text("know what to say.\nTake your time.")
    # The overlap on "tense" (two people, two tags) is striped, not hidden.
    expect(mo.locator("#line-1 mark.multi")).to_have_text("tense")
    mo.screenshot(path=str(tmp_path / "excerpt-tagged.png"), full_page=True)

    mo.get_by_role("link", name="Compare readings (2 people tagged this)").click()
    expect(mo.get_by_role("heading", name="How your readings compare")).to_be_visible()
    expect(mo.locator(".figure-name")).to_have_text("Cohen's kappa")
    rows = mo.locator("table.agreement tbody tr")
    expect(rows.nth(0)).to_contain_text("Readings differ")
    expect(rows.nth(1)).to_contain_text("Readings differ")
    expect(rows.nth(2)).to_contain_text("Same tags")
    mo.screenshot(path=str(tmp_path / "agreement.png"), full_page=True)

    sam = new_page()
    sign_in(sam, base, "sam@example.org")
    sam.goto(excerpt_url)
    select(sam, 1, "went quiet")
    sam.locator("[data-selection-bar]").get_by_role("button", name="Annotate").click()
    notes = sam.locator("#annotate-form")
    expect(notes.get_by_label("Annotation (markdown)")).to_be_focused()
    notes.get_by_label("Annotation (markdown)").fill("Notice the pull to **fill** the silence.")
    notes.get_by_label("Everyone in the room").check()
    notes.get_by_role("button", name="Save annotation").click()
    expect(sam.locator("#annotations")).to_contain_text("Notice the pull to fill the silence.")
    select(sam, 3, "Take your time.")
    notes.get_by_label("Annotation (markdown)").fill("You waited here. That took nerve.")
    notes.get_by_label("Only the excerpt's author").check()
    notes.get_by_role("button", name="Save annotation").click()
    expect(sam.locator("#annotations .annotation")).to_have_count(2)

    tia.reload()
    expect(tia.locator("#annotations")).to_contain_text("Notice the pull to fill the silence.")
    expect(tia.locator("#annotations")).to_contain_text("You waited here. That took nerve.")
    expect(tia.locator("#annotations")).to_contain_text("Private feedback to the author")
    expect(tia.locator("#line-1 mark.annotated")).to_have_text("went quiet")
    tia.screenshot(path=str(tmp_path / "excerpt-author.png"), full_page=True)

    mo.goto(excerpt_url)
    expect(mo.locator("#annotations")).to_contain_text("Notice the pull to fill the silence.")
    expect(mo.locator("#annotations")).not_to_contain_text("You waited here")
    expect(mo.locator("#annotations")).not_to_contain_text("Private feedback")

    phone = new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    sign_in(phone, base, "tia@example.org")
    phone.goto(excerpt_url)
    phone.screenshot(path=str(tmp_path / "excerpt-phone.png"))
    phone.locator("#tag-form").screenshot(path=str(tmp_path / "tag-form-phone.png"))
    phone.locator("#moments").screenshot(path=str(tmp_path / "moments-phone.png"))
    phone.goto(f"{base}/rooms/{ids['room']}")
    expect(phone.locator("#moments")).to_contain_text("Helplessness")
    phone.locator("#moments").screenshot(path=str(tmp_path / "room-phone.png"))
    tia.goto(f"{base}/rooms/{ids['room']}/tags")
    tia.screenshot(path=str(tmp_path / "taxonomy.png"), full_page=True)
    sam.goto(f"{base}/rooms/{ids['room']}/tags")
    sam.screenshot(path=str(tmp_path / "taxonomy-manager.png"), full_page=True)
    sam.goto(f"{base}/rooms/{ids['room']}/moments?tag=feelings-in-clinician")
    sam.screenshot(path=str(tmp_path / "room-moments.png"), full_page=True)
