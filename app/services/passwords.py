"""Password hashing (Argon2id) and the password policy."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
MAX_LENGTH = 1024

_hasher = PasswordHasher()


def configure(time_cost: int, memory_kib: int) -> None:
    """Set the Argon2id cost (the test suite lowers it; production keeps the library default)."""
    global _hasher
    if (_hasher.time_cost, _hasher.memory_cost) != (time_cost, memory_kib):
        _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
        dummy_hash.cache_clear()


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    # zxcvbn ships the 30,000 most frequent passwords from public leak corpora.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """Return a hash to verify against when no account matches, so timing reveals nothing."""
    return _hasher.hash("no account has this password")


def hash_password(password: str) -> str:
    """Hash a password with Argon2id."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Return whether ``password`` matches ``password_hash``."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Return whether the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """Return why a new password is not acceptable, or None when it is."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    lowered = password.lower()
    if lowered in _common_passwords() or len(set(lowered)) < 4:
        return "This password is too common or too easy to guess; choose another."
    local = email.split("@", 1)[0].lower()
    if (local and len(local) >= 4 and local in lowered) or (
        name and len(name) >= 4 and name.lower() in lowered
    ):
        return "Your password should not contain your email or name."
    return None
