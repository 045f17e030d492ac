"""The OpenAPI document."""

from __future__ import annotations

from app.api import bp
from app.api.spec import openapi_document


@bp.get("/openapi.json")
def openapi():
    return openapi_document("Parallel API", "1")
