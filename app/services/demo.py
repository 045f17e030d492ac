"""Demo data so a newcomer can look around at once."""

from __future__ import annotations

import secrets

from app.models import Role
from app.services import accounts, deid, excerpts, rooms

DEMO_ROOM = "Thursday case consultation (demo)"
DEMO_TRANSCRIPT = """T: Last time you said the weekend with your brother Theo was hard.
C: It was. He called on Saturday and I just froze. I didn't say anything for a long time.
T: Mm. What was the silence like?
C: Like I was eleven again. I kept waiting for him to tell me what to do.
T: I notice I want to tell you what to do right now.
C: Maybe that's what everyone does with me."""

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
    # The demo excerpt goes through the same gate as every other: the brother's name is redacted.
    draft = excerpts.ExcerptDraft(
        title="Wanting to fill the silence",
        text=DEMO_TRANSCRIPT,
        context="Third session. I noticed a strong pull to **advise** after the long silence.",
        case="Client A",
        attest=True,
    )
    fields = {"title": draft.title, "text": draft.text, "context": draft.context}
    draft.resolutions = [
        deid.Resolution(f.finding.start, f.finding.end, "redact", f.field)
        for f in deid.scan_fields(fields)
    ]
    excerpts.post_excerpt(users[1], room.id, draft)
    lines.append(f"created room '{DEMO_ROOM}' (id {room.id}) with one excerpt")
    return lines
