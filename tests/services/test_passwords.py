"""Password hashing and the password policy."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from app.services import passwords


@pytest.mark.parametrize(
    ("password", "email", "name", "expected"),
    [
        ("123456789", "", "", "at least 10"),
        ("", "", "", "at least 10"),
        ("x" * (passwords.MAX_LENGTH + 1), "", "", "at most"),
        ("password123", "", "", "too common"),
        ("PASSWORD123", "", "", "too common"),
        ("qwertyuiop", "", "", "too common"),
        ("abababababab", "", "", "too common"),
        ("theo.marsh-and-more", "theo.marsh@example.org", "", "email or name"),
        ("my name is Wilhelmina!", "w@example.org", "Wilhelmina", "email or name"),
    ],
)
def test_password_problem_explains_the_rule(password, email, name, expected):
    problem = passwords.password_problem(password, email=email, name=name)

    assert problem is not None
    assert expected in problem.lower()


@pytest.mark.parametrize(
    ("password", "email", "name"),
    [
        ("correct horse battery staple 42", "ana@example.org", "Ana"),
        ("x7#Lq9!mZp", "", ""),
        # Short local parts and names are too common a substring to forbid.
        ("bob-and-ann-go-fishing", "bob@example.org", "Ann"),
        ("y" * 3 + "z" * 3 + "0123", "", ""),
    ],
)
def test_password_problem_accepts_good_passwords(password, email, name):
    assert passwords.password_problem(password, email=email, name=name) is None


def test_hash_and_verify(app):
    hashed = passwords.hash_password("a long enough secret")

    assert hashed.startswith("$argon2id$")
    assert "a long enough secret" not in hashed
    assert passwords.verify_password(hashed, "a long enough secret")
    assert not passwords.verify_password(hashed, "a long enough secreT")
    assert passwords.hash_password("a long enough secret") != hashed


@pytest.mark.parametrize("stored", ["", "not a hash", "$argon2id$v=19$broken"])
def test_verify_against_a_broken_hash_is_false(app, stored):
    assert passwords.verify_password(stored, "anything at all") is False


def test_dummy_hash_never_matches(app):
    assert not passwords.verify_password(passwords.dummy_hash(), "")
    assert not passwords.verify_password(passwords.dummy_hash(), "correct horse battery staple")


def test_needs_rehash_when_the_cost_changed(app):
    current = passwords.hash_password("a long enough secret")
    weaker = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1).hash("secret")

    assert not passwords.needs_rehash(current)
    assert passwords.needs_rehash(weaker)
