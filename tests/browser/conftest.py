"""A live server on a free port and Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app import create_app
from app.config import PROJECT_ROOT, TestingConfig
from app.extensions import db
from tests.conftest import SERVICES, require_service

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def live_server(tmp_path):
    """Serve a fresh app (own SQLite file) over real HTTP in a background thread."""
    url = f"sqlite:///{tmp_path / 'browser.db'}"
    app = create_app(TestingConfig(database_url=url, instance=str(tmp_path), WTF_CSRF_ENABLED=True))
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
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    chromium = SERVICES["chromium"]
    require_service("Chromium", Path(chromium).exists(), "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, request):
    """Open pages in fresh contexts (separate people); screenshot each on failure."""
    contexts = []

    def open_page():
        context = browser.new_context()
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        for index, context in enumerate(contexts):
            for page_index, page in enumerate(context.pages):
                page.screenshot(
                    path=str(ARTIFACTS / f"{name}-{index}-{page_index}.png"), full_page=True
                )
    for context in contexts:
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
