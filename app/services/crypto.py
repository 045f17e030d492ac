"""Authenticated encryption of journal entries (AES-256-GCM) with rotatable keys.

The key never touches the database: it comes from ``JOURNAL_KEY`` or from a file generated once
in the instance folder. Each row stores the id of the key that sealed it (the first 8 hex digits
of the key's SHA-256), so a rotation can read old rows with ``JOURNAL_OLD_KEYS`` while it
re-encrypts them under the new key (``flask --app wsgi rotate-journal-key``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app

NONCE_BYTES = 12


class CryptoError(Exception):
    """A configured key is malformed, or no configured key opens a row."""


def parse_key(value: str) -> bytes:
    """Decode a 32-byte key given as 64 hex digits or base64 (standard or URL-safe)."""
    value = value.strip()
    try:
        if len(value) == 64:
            return bytes.fromhex(value)
    except ValueError:
        pass
    try:
        raw = base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_", validate=False)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise CryptoError("A journal key is 32 bytes, written as base64 or 64 hex digits.")
    return raw


def key_id(key: bytes) -> str:
    """Return the public id of a key (never enough to recover it)."""
    return hashlib.sha256(b"parallel-journal-key:" + key).hexdigest()[:8]


@dataclass(frozen=True)
class Keyring:
    current: bytes
    old: tuple[bytes, ...] = ()

    @property
    def current_id(self) -> str:
        return key_id(self.current)

    def find(self, wanted: str) -> bytes:
        for key in (self.current, *self.old):
            if key_id(key) == wanted:
                return key
        raise CryptoError(f"No configured journal key has id {wanted}; set JOURNAL_OLD_KEYS.")

    def seal(self, plaintext: str, context: str) -> tuple[bytes, str]:
        """Encrypt text bound to ``context`` (its owner); return (nonce + ciphertext, key id)."""
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.current).encrypt(nonce, plaintext.encode(), context.encode())
        return nonce + sealed, self.current_id

    def open(self, blob: bytes, kid: str, context: str) -> str:
        """Decrypt and authenticate; a wrong key, context or a tampered row raises CryptoError."""
        key = self.find(kid)
        try:
            plain = AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode())
        except InvalidTag:
            raise CryptoError(
                "The journal entry could not be decrypted (wrong key or tampered)."
            ) from None
        return plain.decode()


def keyring() -> Keyring:
    """Return the keyring of the current app's settings."""
    config = current_app.config
    return Keyring(
        parse_key(config["JOURNAL_KEY"]),
        tuple(parse_key(k) for k in config.get("JOURNAL_OLD_KEYS") or ()),
    )
