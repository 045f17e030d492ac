"""Alembic environment: migrate the database of the Flask app that runs the command."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

from app.orm import UTCDateTime

config = context.config
if config.config_file_name is not None:
    # Keep the application's own loggers alive while the migration runs.
    fileConfig(config.config_file_name, disable_existing_loggers=False)
log = logging.getLogger("alembic.env")

database = current_app.extensions["migrate"].db
target_metadata = database.metadata


def render_item(type_, obj, autogen_context):
    """Write project column types as the plain SQLAlchemy types they store."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def skip_empty_autogenerate(context_, revision, directives):
    """Do not write an empty revision when nothing changed."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        log.info("No changes in the models; no migration written.")


def run_offline() -> None:
    context.configure(
        url=database.engine.url.render_as_string(hide_password=False),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    with database.engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
            render_item=render_item,
            process_revision_directives=skip_empty_autogenerate,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
