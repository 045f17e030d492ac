"""Turn service results into JSON through the response schemas, so output matches the docs."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def dump(model: type[BaseModel], /, **fields: Any) -> dict[str, Any]:
    """Validate ``fields`` against ``model`` and return JSON-ready data."""
    return model.model_validate(fields).model_dump(mode="json")
