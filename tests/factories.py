"""Test data builders (plain functions over the services' models)."""

from __future__ import annotations

import itertools
import secrets

from app.extensions import db
from app.models import Membership, Role, Room, User
from app.services.passwords import hash_password

PASSWORD = "correct horse battery staple 42"
_counter = itertools.count(1)
_hash_cache: dict[str, str] = {}


def _password_hash(password: str) -> str:
    if password not in _hash_cache:
        _hash_cache[password] = hash_password(password)
    return _hash_cache[password]


def user(
    email: str | None = None, display_name: str | None = None, password: str = PASSWORD
) -> User:
    n = next(_counter)
    person = User(
        email=email or f"clinician{n}@example.org",
        display_name=display_name or f"Clinician {n}",
        password_hash=_password_hash(password),
        session_key=secrets.token_hex(16),
    )
    db.session.add(person)
    db.session.flush()
    return person


def room(owner: User, name: str = "Case consultation") -> Room:
    created = Room(name=name, description="")
    db.session.add(created)
    db.session.flush()
    db.session.add(Membership(room=created, user_id=owner.id, role=Role.OWNER))
    db.session.flush()
    return created


def member(room: Room, role: Role | str, person: User | None = None) -> User:
    person = person or user(display_name=f"{Role(role).label} {next(_counter)}")
    db.session.add(Membership(room=room, user_id=person.id, role=Role(role)))
    db.session.flush()
    return person
