"""Migrations are code under review: one head, reversible, and in step with the models."""

from __future__ import annotations

import uuid

import pytest
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from flask_migrate import check, downgrade, upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from app import create_app
from app.config import PROJECT_ROOT, TestingConfig, normalize_database_url
from app.extensions import db
from tests.conftest import SERVICES, require_service

MIGRATIONS = str(PROJECT_ROOT / "migrations")


def test_exactly_one_head():
    config = AlembicConfig(str(PROJECT_ROOT / "migrations" / "alembic.ini"))
    config.set_main_option("script_location", MIGRATIONS)
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"migrations have several heads: {heads}"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path):
    """An empty database of each kind, created for this test and dropped after it."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrate.db'}"
        return
    base = SERVICES["database_url"]
    require_service("PostgreSQL", bool(base), "set TEST_DATABASE_URL")
    admin_url = make_url(normalize_database_url(base)).set(database="postgres")
    name = f"parallel_migrate_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _tables(url: str) -> set[str]:
    engine = create_engine(normalize_database_url(url))
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade_and_models_agree(empty_database, tmp_path):
    app = create_app(TestingConfig(database_url=empty_database, instance=str(tmp_path)))
    expected = {table.name for table in db.metadata.sorted_tables}
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        assert _tables(empty_database) == expected
        downgrade(directory=MIGRATIONS, revision="base")
        assert _tables(empty_database) == set()
        upgrade(directory=MIGRATIONS)
        assert _tables(empty_database) == expected
        # `flask db check`: autogenerate finds nothing left to migrate.
        check(directory=MIGRATIONS)
        db.engine.dispose()
