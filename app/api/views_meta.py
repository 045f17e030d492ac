"""The OpenAPI document."""

from __future__ import annotations

from app.api import bp
from app.api.spec import endpoint, openapi_document


# Declared through ``endpoint`` like every other route, so the document lists itself too.
@endpoint(bp, "/openapi.json", "GET", summary="This OpenAPI document", auth=False)
def openapi():
    return openapi_document("Parallel API", "1")
