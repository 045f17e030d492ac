"""Flask commands: create-user, seed-demo, worker, purge-drafts, rotate-journal-key."""

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

    @app.cli.command("worker")
    @click.option("--burst", is_flag=True, help="Stop when the queue is empty (RQ only).")
    def worker(burst: bool) -> None:
        """Run transcription jobs: an RQ worker with REDIS_URL, else the embedded loop."""
        from app.jobs import queue

        if app.config.get("REDIS_URL"):
            click.echo(f"RQ worker on queue {app.config['RQ_QUEUE']!r} (Ctrl-C stops it).")
            queue.run_rq_worker(app, burst=burst)
        else:
            click.echo("No REDIS_URL: running the embedded job loop here (Ctrl-C stops it).")
            queue.run_embedded_foreground(app)

    @app.cli.command("purge-drafts")
    def purge_drafts() -> None:
        """Delete expired transcription drafts, their audio, and orphaned uploads."""
        from app.services import transcriptions

        count = transcriptions.purge_expired()
        db.session.commit()
        click.echo(f"Deleted {count} expired draft(s).")

    @app.cli.command("rotate-journal-key")
    def rotate_journal_key() -> None:
        """Re-encrypt journal entries under JOURNAL_KEY (old keys from JOURNAL_OLD_KEYS)."""
        from app.services import crypto, journal

        try:
            count = journal.rotate_keys()
        except crypto.CryptoError as exc:
            db.session.rollback()
            click.echo(str(exc), err=True)
            sys.exit(1)
        click.echo(f"Re-encrypted {count} journal entr{'y' if count == 1 else 'ies'}.")
