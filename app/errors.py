"""One place that turns errors into answers: problem+json under /api, calm pages elsewhere."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from app.api.problems import problem
from app.extensions import db
from app.services.errors import ServiceError

log = logging.getLogger(__name__)


def wants_problem() -> bool:
    """Return whether the caller is an API client (paths under /api and the health check)."""
    return request.path.startswith("/api/") or request.path == "/healthz"


def register(app: Flask) -> None:
    @app.errorhandler(ServiceError)
    def service_error(exc: ServiceError):
        db.session.rollback()
        if wants_problem():
            headers = {}
            if exc.status == 401:
                headers["WWW-Authenticate"] = 'Bearer realm="parallel"'
            return problem(
                exc.status, exc.detail, title=exc.title, headers=headers, **exc.extensions
            )
        return render_template(
            "errors/error.html", status=exc.status, title=exc.title, detail=exc.detail
        ), exc.status

    @app.errorhandler(RateLimitExceeded)
    def rate_limited(exc: RateLimitExceeded):
        db.session.rollback()
        detail = "Too many attempts in a short time. Please wait a minute and try again."
        retry = exc.retry_after if hasattr(exc, "retry_after") else None
        headers = {"Retry-After": str(int(retry))} if retry else {}
        if wants_problem():
            return problem(429, detail, headers=headers)
        response = render_template(
            "errors/error.html", status=429, title="Please wait", detail=detail
        )
        return response, 429, headers

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        db.session.rollback()
        status = exc.code or 500
        detail = {
            404: "There is nothing at this address.",
            405: "This address does not accept that method.",
            413: "That is larger than this server accepts.",
        }.get(status, exc.description or "")
        headers = {}
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            headers["Allow"] = ", ".join(exc.valid_methods)
        if wants_problem():
            return problem(status, detail, headers=headers)
        title = {404: "Not found", 405: "Not allowed", 413: "Too large"}.get(status, exc.name)
        return (
            render_template("errors/error.html", status=status, title=title, detail=detail),
            status,
            headers,
        )

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        db.session.rollback()
        # The message may hold user text; log the type and the trace location only.
        log.error(
            "unhandled %s on %s %s",
            type(exc).__name__,
            request.method,
            request.url_rule.rule if request.url_rule else "-",
            exc_info=app.config.get("DEBUG", False),
        )
        detail = "Something went wrong on our side. Nothing was saved; please try again."
        if wants_problem():
            return problem(500, detail)
        return render_template(
            "errors/error.html", status=500, title="Something went wrong", detail=detail
        ), 500
