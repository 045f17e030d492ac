"""API endpoints declared once: route, request schema, response schema, and the OpenAPI entry.

The same pydantic models validate requests and generate ``/api/v1/openapi.json``, so the
document cannot drift from what the server accepts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, request
from pydantic import BaseModel, ValidationError

from app.services.errors import Invalid, ServiceError


class BadRequest(ServiceError):
    status = 400
    title = "Bad request"


class UnsupportedMedia(ServiceError):
    status = 415
    title = "Unsupported media type"


@dataclass
class Operation:
    rule: str
    method: str
    summary: str
    body: type[BaseModel] | None
    response: type[BaseModel] | None
    status: int
    auth: bool
    tags: list[str] = field(default_factory=list)
    query: dict[str, str] = field(default_factory=dict)
    extra_responses: dict[int, str] = field(default_factory=dict)
    request_media: str | None = None
    body_required: bool = True


OPERATIONS: list[Operation] = []


def validation_errors(exc: ValidationError) -> dict[str, str]:
    """Flatten pydantic errors into ``{"field.path": "message"}``."""
    errors: dict[str, str] = {}
    for error in exc.errors(include_url=False, include_input=False):
        path = ".".join(str(part) for part in error["loc"]) or "body"
        errors.setdefault(path, error["msg"])
    return errors


def parse_body(model: type[BaseModel]) -> BaseModel:
    """Validate the JSON body against ``model``; 415 without JSON, 400 malformed, 422 invalid."""
    if not request.is_json:
        raise UnsupportedMedia("Send the body as JSON with Content-Type: application/json.")
    data = request.get_json(silent=True)
    if data is None and request.get_data(cache=True):
        raise BadRequest("The body is not valid JSON.")
    if not isinstance(data, dict):
        raise BadRequest("The body must be a JSON object.")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise Invalid("Some fields are missing or not valid.", validation_errors(exc)) from None


def endpoint(
    bp: Blueprint,
    rule: str,
    method: str,
    *,
    summary: str,
    body: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    status: int = 200,
    auth: bool = True,
    query: dict[str, str] | None = None,
    errors: dict[int, str] | None = None,
    request_media: str | None = None,
    body_required: bool = True,
) -> Callable:
    """Register an API view; the view receives ``body=`` (validated) when a model is given.

    With ``body_required=False`` an empty body is allowed and the view receives ``body=None``.
    """
    operation = Operation(
        rule=bp.url_prefix + rule if bp.url_prefix else rule,
        method=method.lower(),
        summary=summary,
        body=body,
        response=response,
        status=status,
        auth=auth,
        tags=[rule.strip("/").split("/")[0] or "api"],
        query=query or {},
        extra_responses=errors or {},
        request_media=request_media,
        body_required=body_required,
    )
    OPERATIONS.append(operation)

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any):
            if auth:
                from app.api.auth import require_user

                require_user()
            if body is not None:
                empty = not body_required and not request.get_data(cache=True)
                kwargs["body"] = None if empty else parse_body(body)
            return view(*args, **kwargs)

        bp.add_url_rule(rule, view.__name__, wrapper, methods=[method.upper()])
        return wrapper

    return decorate


_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def openapi_document(title: str, version: str) -> dict[str, Any]:
    """Build the OpenAPI 3.1 document from every registered operation."""
    components: dict[str, Any] = {
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "basic": {"type": "http", "scheme": "basic"},
            "session": {"type": "apiKey", "in": "cookie", "name": "session"},
        },
        "schemas": {
            "Problem": {
                "type": "object",
                "required": ["type", "title", "status", "detail"],
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer"},
                    "detail": {"type": "string"},
                    "errors": {"type": "object", "additionalProperties": {"type": "string"}},
                },
            }
        },
    }
    schemas = components["schemas"]

    def ref(model: type[BaseModel]) -> dict[str, str]:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, definition in schema.pop("$defs", {}).items():
            schemas[name] = definition
        schemas[model.__name__] = schema
        return {"$ref": f"#/components/schemas/{model.__name__}"}

    paths: dict[str, Any] = {}
    for op in OPERATIONS:
        path = _CONVERTER.sub(r"{\2}", op.rule)
        parameters = [
            {
                "name": name,
                "in": "path",
                "required": True,
                "schema": {"type": "integer" if conv == "int" else "string"},
            }
            for conv, name in _CONVERTER.findall(op.rule)
        ]
        parameters += [
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": text,
                "schema": {"type": "string"},
            }
            for name, text in op.query.items()
        ]
        entry: dict[str, Any] = {
            "summary": op.summary,
            "operationId": f"{op.method}_{path.strip('/').replace('/', '_')}",
            "tags": op.tags,
            "parameters": parameters,
            "responses": {},
        }
        if op.auth:
            entry["security"] = [{"bearer": []}, {"session": []}]
        if op.body is not None:
            entry["requestBody"] = {
                "required": op.body_required,
                "content": {"application/json": {"schema": ref(op.body)}},
            }
        elif op.request_media:
            entry["requestBody"] = {
                "required": True,
                "content": {op.request_media: {"schema": {"type": "object"}}},
            }
        ok: dict[str, Any] = {"description": "Success"}
        if op.response is not None:
            ok["content"] = {"application/json": {"schema": ref(op.response)}}
        entry["responses"][str(op.status)] = ok
        problem_ref = {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        }
        default_errors = {400: "Malformed request"} if op.body else {}
        if op.auth:
            default_errors[401] = "Not signed in"
        if op.body:
            default_errors[415] = "Body is not JSON"
            default_errors[422] = "Invalid fields"
        for code, text in sorted({**default_errors, **op.extra_responses}.items()):
            entry["responses"][str(code)] = {"description": text, "content": problem_ref}
        paths.setdefault(path, {})[op.method] = entry
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version},
        "paths": paths,
        "components": components,
    }
