"""Flask commands: create-user, seed-demo."""

from __future__ import annotations

import sys

import click
from flask import Flask

from app.extensions import db
from app.services import accounts
from app.services.errors import ServiceError


def register(app: Flask) -> None:
    @app.cli.command("create-user")
    @click.argument("email")
    @click.option("--name", required=True, help="Display name shown to colleagues.")
    def create_user(email: str, name: str) -> None:
        """Create an account; the password is read from standard input."""
        if sys.stdin.isatty():
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        else:
            password = sys.stdin.readline().rstrip("\n")
        try:
            user = accounts.register(email, password, name)
        except ServiceError as exc:
            db.session.rollback()
            raise click.ClickException(exc.detail) from None
        db.session.commit()
        click.echo(f"Created user {user.id} ({user.email}).")

    @app.cli.command("seed-demo")
    def seed_demo() -> None:
        """Create a demo supervisor, two members and a room to look around in."""
        from app.services.demo import seed

        try:
            lines = seed()
        except ServiceError as exc:
            db.session.rollback()
            raise click.ClickException(exc.detail) from None
        db.session.commit()
        for line in lines:
            click.echo(line)
