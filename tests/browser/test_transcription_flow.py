"""Upload a spoken clip, watch it transcribe, label speakers by keyboard, save, and share it to a
room through the de-identification review; the audio is gone afterwards."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import wave

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from app import create_app
from app.config import TestingConfig
from app.extensions import db
from app.jobs.queue import embedded_worker
from tests.browser.test_invite_flow import register
from tests.conftest import require_service

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ESPEAK = shutil.which("espeak-ng")
NAME = "Margaret"
# A fictional, de-identified exchange; the client's sister's made-up name must be redacted.
SESSION = [
    "How was the week since we last met?",
    f"It was hard. My sister {NAME} called on Sunday and we argued again about our father.",
    "What happened in you while you were arguing with her?",
    "I felt small, like a child who is never listened to, and then I went very quiet.",
    "I notice that I feel protective of you as you say that, and a little impatient too.",
    "Maybe that is how everyone feels around me. They want to fix me or they give up.",
    "Let us stay with the quiet for a moment, before we try to fix anything at all.",
    "All right. The quiet feels heavy, but it is also a relief not to explain myself.",
    "That relief seems important. We can come back to it next time we meet.",
    "Thank you. I will try to notice the quiet during the week and tell you about it.",
]


def speak(path) -> float:
    require_service("espeak-ng", ESPEAK is not None, "install Debian's espeak-ng package")
    subprocess.run(
        [ESPEAK, "-s", "145", "-w", str(path), " ".join(SESSION)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with wave.open(str(path)) as clip:
        return clip.getnframes() / clip.getframerate()


@pytest.fixture
def live_worker_server(tmp_path):
    """The browser tests' live server, with the embedded transcription worker turned on.

    TestingConfig leaves the worker off; here the real engine (faster-whisper, bundled tiny.en)
    runs in the server's process as it does in a small deployment.
    """
    url = f"sqlite:///{tmp_path / 'browser.db'}"
    app = create_app(
        TestingConfig(
            database_url=url, instance=str(tmp_path), WTF_CSRF_ENABLED=True, EMBEDDED_WORKER=True
        )
    )
    with app.app_context():
        db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        worker = embedded_worker(app)
        if worker is not None:
            worker.stop()
        with app.app_context():
            db.engine.dispose()


def test_upload_transcribe_label_and_share(live_worker_server, new_page, tmp_path):
    base = live_worker_server
    clip = tmp_path / "session.wav"
    assert speak(clip) >= 45
    shots = tmp_path / "shots"
    shots.mkdir()

    page = new_page()
    register(page, base, "Nora Clinician", "nora@example.org")
    page.get_by_label("Room name").fill("Tuesday group")
    page.get_by_role("button", name="Create room").click()

    page.get_by_role("link", name="Transcribe").click()
    expect(page.get_by_role("heading", name="Transcribe a session clip")).to_be_visible()
    expect(page.get_by_label("Keep the audio after transcription")).not_to_be_checked()
    page.get_by_label("Audio clip").set_input_files(str(clip))
    expect(page.locator("#drop-name")).to_contain_text("session.wav")
    page.screenshot(path=str(shots / "1-upload.png"), full_page=True)
    page.get_by_role("button", name="Upload and transcribe").click()

    # The draft page follows the job live and turns into the editor when it is done.
    expect(page).to_have_url(re.compile(r"/transcriptions/\d+$"))
    expect(page.locator("#job-bar")).to_be_visible()
    page.screenshot(path=str(shots / "2-progress.png"), full_page=True)
    expect(page.locator("#job-badge")).to_have_text("done", timeout=180_000)
    rows = page.locator("[data-segment]")
    expect(rows.first).to_be_visible()
    count = rows.count()
    assert count >= 3, "a minute of speech makes several segments"
    expect(page.locator("audio")).to_have_count(0)

    # Keyboard: alternate therapist and client, one row at a time.
    for i in range(count):
        page.keyboard.press("t" if i % 2 == 0 else "c")
        page.keyboard.press("j")
    for i in range(count):
        expect(rows.nth(i).locator("select")).to_have_value("T" if i % 2 == 0 else "C")
    # Merge the last two rows (k moves back up).
    page.keyboard.press("k")
    expect(rows.nth(count - 2)).to_be_focused()
    page.keyboard.press("m")
    expect(rows).to_have_count(count - 1)
    # Split the first row at the caret: Enter edits, Esc leaves the text, s splits there.
    first_text = rows.first.locator("textarea")
    original = first_text.input_value()
    cut = original.index(" ", len(original) // 2)
    rows.first.focus()
    page.keyboard.press("Enter")
    expect(first_text).to_be_focused()
    first_text.evaluate("(el, at) => el.setSelectionRange(at, at)", cut)
    page.keyboard.press("Escape")
    page.keyboard.press("s")
    expect(rows).to_have_count(count)
    expect(first_text).to_have_value(original[:cut].strip())
    expect(rows.nth(1).locator("textarea")).to_have_value(original[cut:].strip())
    expect(rows.nth(1).locator("select")).to_have_value("T")
    expect(page.locator("#save-status")).to_have_text("Unsaved changes")
    page.keyboard.press("Control+s")
    expect(page.locator("#save-status")).to_contain_text("Saved at")
    expect(page.locator("#talk-time")).to_contain_text("T")
    expect(page.locator("#talk-time")).to_contain_text("C")
    page.screenshot(path=str(shots / "3-editor.png"), full_page=True)

    page.reload()
    expect(rows).to_have_count(count)
    expect(rows.first.locator("select")).to_have_value("T")
    expect(rows.nth(2).locator("select")).to_have_value("C")

    # Share: choose the room, then the same review screen as a pasted excerpt.
    page.get_by_role("link", name="Share…").click()
    page.get_by_label("Room").select_option(label="Tuesday group")
    page.get_by_label("Title").fill("Feeling protective and impatient")
    page.get_by_label("Case pseudonym (optional)").fill("Client A")
    page.get_by_role("button", name="Review for identifiers").click()
    expect(page.get_by_role("heading", name="Review before posting")).to_be_visible()
    expect(page.locator('.raw[data-field="text"]')).to_contain_text("[00:00:0")
    name_row = page.locator(".finding-row", has_text=NAME)
    expect(name_row).to_have_count(1)
    name_row.get_by_label("Redact").check()
    page.get_by_role("button", name="Redact all undecided").click()
    expect(page.locator("#stored-preview")).to_contain_text("[NAME-1]")
    expect(page.locator("#stored-preview")).not_to_contain_text(NAME)
    page.get_by_label("I have reviewed this text").check()
    page.screenshot(path=str(shots / "4-review.png"), full_page=True)
    page.get_by_role("button", name="Post to Tuesday group").click()

    expect(page.get_by_role("heading", name="Feeling protective and impatient")).to_be_visible()
    body = page.locator("article.excerpt")
    expect(body).to_contain_text("[NAME-1]")
    expect(body).not_to_contain_text(NAME)
    stamps = body.locator(".stamp")
    expect(stamps.first).to_have_text("0:00")
    assert stamps.count() == count, "every line keeps its segment's time"
    expect(body.locator(".speaker").first).to_have_text("T")
    page.screenshot(path=str(shots / "5-excerpt.png"), full_page=True)

    # The draft stays private (the excerpt is a de-identified copy) and the audio is gone.
    page.get_by_role("link", name="Transcribe").click()
    expect(page.locator("table.drafts")).to_contain_text("done")
    folder = tmp_path / "uploads"
    assert not folder.exists() or list(folder.iterdir()) == []
