"""Demo data so a newcomer can look around at once."""

from __future__ import annotations

import secrets

from app.models import Role
from app.services import accounts, rooms

DEMO_ROOM = "Thursday case consultation (demo)"
DEMO_PEOPLE = [
    ("supervisor@demo.parallel", "Dr. Demo Supervisor", Role.OWNER),
    ("alex@demo.parallel", "Alex (demo member)", Role.MEMBER),
    ("sam@demo.parallel", "Sam (demo trainee)", Role.TRAINEE),
]


def seed() -> list[str]:
    """Create the demo accounts and room once; print their generated passwords."""
    lines: list[str] = []
    users = []
    for email, name, _role in DEMO_PEOPLE:
        existing = accounts.find_by_email(email)
        if existing is not None:
            users.append(existing)
            lines.append(f"exists  {email}")
            continue
        password = "demo-" + secrets.token_urlsafe(9)
        users.append(accounts.register(email, password, name))
        lines.append(f"created {email}  password: {password}")
    owner = users[0]
    already = [m for m in rooms.list_rooms(owner, limit=200).items if m.room.name == DEMO_ROOM]
    if already:
        lines.append(f"exists  room '{DEMO_ROOM}'")
        return lines
    room = rooms.create_room(
        owner, DEMO_ROOM, "A demo room: post a de-identified excerpt and tag what you noticed."
    )
    for user, (_email, _name, role) in zip(users[1:], DEMO_PEOPLE[1:], strict=True):
        invite = rooms.create_invite(owner, room.id, role)
        rooms.accept_invite(user, invite.code)
    lines.append(f"created room '{DEMO_ROOM}' (id {room.id})")
    return lines
