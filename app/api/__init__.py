"""The public JSON API, ``/api/v1``: thin views over the services (see shared API contract)."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def register_views() -> None:
    """Import the view modules so their endpoints register on ``bp`` (once)."""
    from app.api import views_accounts, views_meta, views_rooms  # noqa: F401
