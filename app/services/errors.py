"""Errors a service raises; the web, API and socket layers each translate them for their users."""

from __future__ import annotations


class ServiceError(Exception):
    """A rule was broken; ``status`` is the HTTP status that describes it best."""

    status = 400
    title = "Bad request"

    def __init__(self, detail: str, **extensions: object) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extensions = extensions


class Unauthorized(ServiceError):
    status = 401
    title = "Not signed in"


class Forbidden(ServiceError):
    status = 403
    title = "Not allowed"


class NotFound(ServiceError):
    status = 404
    title = "Not found"

    def __init__(self, detail: str = "There is nothing here, or you may not see it.") -> None:
        super().__init__(detail)


class Conflict(ServiceError):
    status = 409
    title = "Conflict"


class Gone(ServiceError):
    status = 410
    title = "No longer available"


class TooLarge(ServiceError):
    status = 413
    title = "Too large"


class UnsupportedMedia(ServiceError):
    status = 415
    title = "Unsupported media type"


class Invalid(ServiceError):
    """Valid input shape that breaks a rule; ``errors`` maps field names to messages."""

    status = 422
    title = "Unprocessable"

    def __init__(self, detail: str, errors: dict[str, str] | None = None, **ext: object) -> None:
        super().__init__(detail, **({"errors": errors} if errors else {}), **ext)
        self.errors = errors or {}


class RateLimited(ServiceError):
    status = 429
    title = "Too many requests"
