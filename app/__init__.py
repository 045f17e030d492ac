"""Parallel: case-consultation rooms for clinical supervision groups."""

from __future__ import annotations

import logging

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app.config import PROJECT_ROOT, Config


def create_app(config: object | None = None) -> Flask:
    """Build the application: settings, extensions, blueprints, sockets, errors and commands."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_relative_config=False,
    )
    app.config.from_object(config if config is not None else Config())
    app.instance_path = app.config["INSTANCE_PATH"]
    configure_logging(app)
    if app.config.get("PROXY_COUNT"):
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    register_extensions(app)
    register_blueprints(app)
    register_sockets(app)
    register_errorhandlers(app)
    register_security(app)
    register_cli(app)
    register_jobs(app)
    return app


def configure_logging(app: Flask) -> None:
    level = getattr(logging, str(app.config.get("LOG_LEVEL", "INFO")).upper(), logging.INFO)
    logging.getLogger("app").setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")


def register_extensions(app: Flask) -> None:
    from app import auth_loaders
    from app.extensions import csrf, db, limiter, login_manager, migrate, socketio
    from app.services import (
        after_commit,  # noqa: F401 - registers the session listeners
        passwords,
    )

    passwords.configure(app.config["ARGON2_TIME_COST"], app.config["ARGON2_MEMORY_KIB"])
    db.init_app(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        auth_loaders.configure_sqlite(app)
    migrate.init_app(
        app,
        db,
        render_as_batch=True,
        compare_type=True,
        directory=str(app.config.get("MIGRATIONS_DIR") or "migrations"),
    )
    login_manager.init_app(app)
    auth_loaders.configure_login(login_manager)
    csrf.init_app(app)
    limiter.init_app(app)
    # The extension object is shared by every app built in this process (tests build many);
    # without a queue, say so, or an earlier app's Redis manager would be reused.
    queue = {} if app.config.get("REDIS_URL") else {"client_manager": None}
    socketio.init_app(
        app,
        async_mode=socketio_async_mode(app.config["SOCKETIO_ASYNC_MODE"]),
        message_queue=app.config.get("REDIS_URL"),
        cors_allowed_origins=[],  # same origin only: the browser's Origin must match the host
        logger=False,
        engineio_logger=False,
        **queue,
    )


def socketio_async_mode(configured: str) -> str:
    """Follow the server: gevent when gunicorn's gevent worker has patched the standard library."""
    if configured != "auto":
        return configured
    try:
        from gevent import monkey
    except ImportError:
        return "threading"
    return "gevent" if monkey.is_module_patched("socket") else "threading"


def register_blueprints(app: Flask) -> None:
    from app.api import bp as api_bp
    from app.api import register_views
    from app.extensions import csrf
    from app.web.auth.routes import bp as auth_bp
    from app.web.excerpts.routes import bp as excerpts_bp
    from app.web.journal.routes import bp as journal_bp
    from app.web.main.routes import bp as main_bp
    from app.web.moments.routes import bp as moments_bp
    from app.web.rooms.routes import bp as rooms_bp
    from app.web.threads.routes import bp as threads_bp
    from app.web.transcriptions.routes import bp as transcriptions_bp

    register_views()
    csrf.exempt(api_bp)  # the API checks the CSRF header itself for session-authenticated writes
    app.register_blueprint(api_bp)
    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(rooms_bp)
    app.register_blueprint(excerpts_bp)
    app.register_blueprint(moments_bp)
    app.register_blueprint(threads_bp)
    app.register_blueprint(transcriptions_bp)
    app.register_blueprint(journal_bp)


def register_sockets(app: Flask) -> None:
    from app.extensions import socketio
    from app.realtime import register_handlers

    register_handlers(socketio)


def register_errorhandlers(app: Flask) -> None:
    from app.errors import register

    register(app)


def register_security(app: Flask) -> None:
    from app.security import register

    register(app)


def register_jobs(app: Flask) -> None:
    from app.jobs.queue import register_jobs as attach

    attach(app)


def register_cli(app: Flask) -> None:
    from app.cli import register

    register(app)
