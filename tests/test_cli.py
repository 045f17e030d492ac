"""Command-line tools: create-user (password on stdin) and seed-demo."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import Membership, Role, Room, User
from app.services import accounts
from app.services.demo import DEMO_PEOPLE, DEMO_ROOM
from tests import factories


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_create_user_reads_the_password_from_stdin(app, runner):
    result = runner.invoke(
        args=["create-user", " Ana@Example.org", "--name", "Ana Lopez"],
        input=factories.PASSWORD + "\n",
    )

    assert result.exit_code == 0, result.output
    assert "Created user" in result.output
    assert factories.PASSWORD not in result.output
    user = accounts.authenticate("ana@example.org", factories.PASSWORD)
    assert user is not None
    assert user.display_name == "Ana Lopez"


def test_create_user_applies_the_password_policy(app, runner):
    result = runner.invoke(
        args=["create-user", "ana@example.org", "--name", "Ana"], input="password123\n"
    )

    assert result.exit_code != 0
    assert "too common" in result.output
    assert count(User) == 0


def test_create_user_twice_fails_without_a_second_account(app, runner):
    args = ["create-user", "ana@example.org", "--name", "Ana"]
    runner.invoke(args=args, input=factories.PASSWORD + "\n")

    result = runner.invoke(args=args, input=factories.PASSWORD + "\n")

    assert result.exit_code != 0
    assert count(User) == 1


def test_create_user_needs_a_name(app, runner):
    result = runner.invoke(args=["create-user", "ana@example.org"], input=factories.PASSWORD + "\n")

    assert result.exit_code != 0
    assert count(User) == 0


def test_seed_demo_is_idempotent(app, runner):
    first = runner.invoke(args=["seed-demo"])
    db.session.expire_all()
    counts = (count(User), count(Room), count(Membership))
    second = runner.invoke(args=["seed-demo"])
    db.session.expire_all()

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert counts == (len(DEMO_PEOPLE), 1, len(DEMO_PEOPLE))
    assert (count(User), count(Room), count(Membership)) == counts
    assert first.output.count("password:") == len(DEMO_PEOPLE)
    assert "password:" not in second.output
    room = db.session.scalar(select(Room).where(Room.name == DEMO_ROOM))
    roles = {m.user.email: m.role for m in room.memberships}
    assert roles == {email: role for email, _name, role in DEMO_PEOPLE}
    assert Role.OWNER in roles.values()


def test_seed_demo_passwords_work(app, runner):
    output = runner.invoke(args=["seed-demo"]).output
    email, password = next(
        (line.split()[1], line.split("password:")[1].strip())
        for line in output.splitlines()
        if line.startswith("created ") and "password:" in line
    )

    assert accounts.authenticate(email, password) is not None
