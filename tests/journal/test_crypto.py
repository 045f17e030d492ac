"""Journal encryption: round trip, wrong key, rotation, and no plaintext in the database file."""

from __future__ import annotations

import base64
import os

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import JournalEntry
from app.services import crypto, journal
from tests import factories

SECRET = "Zanzibar-marmalade feeling of dread before the session"


def test_round_trip_and_context_binding():
    ring = crypto.Keyring(os.urandom(32))
    blob, kid = ring.seal(SECRET, "journal:1")
    assert SECRET.encode() not in blob
    assert ring.open(blob, kid, "journal:1") == SECRET
    with pytest.raises(crypto.CryptoError):
        ring.open(blob, kid, "journal:2")


def test_wrong_key_fails():
    blob, kid = crypto.Keyring(os.urandom(32)).seal(SECRET, "journal:1")
    other = crypto.Keyring(os.urandom(32))
    with pytest.raises(crypto.CryptoError):
        other.open(blob, kid, "journal:1")
    # Same id claimed but a different key: authentication fails, nothing is returned.
    with pytest.raises(crypto.CryptoError):
        crypto.Keyring(os.urandom(32)).open(blob, other.current_id, "journal:1")


def test_key_formats():
    raw = os.urandom(32)
    assert crypto.parse_key(raw.hex()) == raw
    assert crypto.parse_key(base64.b64encode(raw).decode()) == raw
    assert crypto.parse_key(base64.urlsafe_b64encode(raw).decode()) == raw
    with pytest.raises(crypto.CryptoError):
        crypto.parse_key("too-short")


def test_database_file_holds_no_plaintext(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("reads the SQLite file")
    me = factories.user()
    journal.create_entry(
        me, journal.EntryDraft(body=SECRET, tags=["boredom-withdrawal"], intensity=3)
    )
    db.session.commit()
    path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
    data = b""
    for suffix in ("", "-wal", "-journal"):
        if os.path.exists(path + suffix):
            with open(path + suffix, "rb") as handle:
                data += handle.read()
    assert data
    for fragment in ("Zanzibar", "marmalade", "feeling of dread"):
        assert fragment.encode() not in data
        assert fragment.encode("utf-16-le") not in data
    assert b"boredom-withdrawal" in data  # tag slugs are not secret; shows the scan reads the file


def test_rotation_re_encrypts_with_new_key(app, runner):
    me = factories.user()
    entry = journal.create_entry(me, journal.EntryDraft(body=SECRET, tags=[]))
    db.session.commit()
    old_key = app.config["JOURNAL_KEY"]
    old_id = entry.row.key_id
    new_key = base64.b64encode(os.urandom(32)).decode()
    app.config["JOURNAL_KEY"] = new_key
    try:
        with pytest.raises(crypto.CryptoError):
            journal.get_entry(me, entry.id)
        app.config["JOURNAL_OLD_KEYS"] = [old_key]
        result = runner.invoke(args=["rotate-journal-key"])
        assert result.exit_code == 0, result.output
        assert "Re-encrypted 1" in result.output
        app.config["JOURNAL_OLD_KEYS"] = []
        db.session.expire_all()
        row = db.session.scalar(select(JournalEntry))
        assert row.key_id != old_id
        assert journal.get_entry(me, entry.id).body == SECRET
    finally:
        app.config["JOURNAL_KEY"] = old_key
        app.config["JOURNAL_OLD_KEYS"] = []
