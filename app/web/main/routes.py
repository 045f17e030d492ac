"""Home page and the health check."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import text

from app.extensions import db, limiter

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    if current_user.is_authenticated:
        return redirect(url_for("rooms.index"))
    return render_template("main/welcome.html")


@bp.get("/healthz")
@limiter.exempt
def healthz():
    result = {"status": "ok", "database": "ok", "queue": "embedded"}
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:
        db.session.rollback()
        result["database"] = "unavailable"
    redis_url = current_app.config.get("REDIS_URL")
    if redis_url:
        from app.jobs.queue import redis_ok

        result["queue"] = "ok" if redis_ok(redis_url) else "unavailable"
    healthy = result["database"] == "ok" and result["queue"] in ("ok", "embedded")
    result["status"] = "ok" if healthy else "degraded"
    return result, 200 if healthy else 503
