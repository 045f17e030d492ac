"""RFC 9457 problem details: the one error format of the API."""

from __future__ import annotations

from flask import Response, current_app, json

PROBLEM_BASE = "https://parallel.invalid/problems/"

TITLES = {
    400: "Bad request",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    410: "No longer available",
    413: "Too large",
    415: "Unsupported media type",
    422: "Unprocessable",
    429: "Too many requests",
    500: "Internal error",
    503: "Service unavailable",
}


def problem(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    type_: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: object,
) -> Response:
    """Build an ``application/problem+json`` response."""
    title = title or TITLES.get(status, "Error")
    body = {
        "type": type_ or PROBLEM_BASE + title.lower().replace(" ", "-"),
        "title": title,
        "status": status,
        "detail": detail,
        **extensions,
    }
    response = current_app.response_class(
        json.dumps(body), status=status, mimetype="application/problem+json"
    )
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response
