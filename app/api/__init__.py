"""The public JSON API, ``/api/v1``: thin views over the services (see shared API contract)."""

from flask import Blueprint

from app.web.converters import use_id_converter

bp = Blueprint("api", __name__, url_prefix="/api/v1")
use_id_converter(bp)


def register_views() -> None:
    """Import the view modules so their endpoints register on ``bp`` (once)."""
    from app.api import (  # noqa: F401
        views_accounts,
        views_excerpts,
        views_journal,
        views_meta,
        views_moments,
        views_rooms,
        views_threads,
        views_transcriptions,
    )
