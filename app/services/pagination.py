"""Cursor pagination over an integer key: ``before`` walks back, ``after`` walks forward."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select

from app.extensions import db
from app.services.errors import Invalid

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
# Keys are INTEGER columns; PostgreSQL refuses to compare them with anything larger.
MAX_KEY = 2**31 - 1


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next: str | None


def parse_limit(raw: str | int | None) -> int:
    """Return a limit within bounds, or raise Invalid."""
    if raw is None or raw == "":
        return DEFAULT_LIMIT
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise Invalid("limit must be a whole number.", {"limit": "Not a number."}) from None
    if not 1 <= value <= MAX_LIMIT:
        raise Invalid(f"limit must be between 1 and {MAX_LIMIT}.", {"limit": "Out of range."})
    return value


def parse_cursor(name: str, raw: str | None) -> int | None:
    """Return an integer cursor, or raise Invalid."""
    if raw is None or raw == "":
        return None
    # isdigit() alone lets through digits int() cannot read, such as "²".
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18 or int(raw) > MAX_KEY:
        raise Invalid(f"{name} must be a cursor from a previous page.", {name: "Not a cursor."})
    return int(raw)


def paginate(
    stmt: Select,
    key,
    *,
    limit: int = DEFAULT_LIMIT,
    before: int | None = None,
    after: int | None = None,
    newest_first: bool = True,
    scalars: bool = True,
    key_of=None,
) -> Page:
    """Run ``stmt`` one page at a time, ordered by ``key`` (a column of unique integers).

    ``next`` is the cursor to send back with the same parameter (``before`` when walking
    newest first, ``after`` when walking forward); it is None on the last page.
    """
    if before is not None and after is not None:
        raise Invalid("Use either before or after, not both.")
    if after is not None:
        stmt = stmt.where(key > after).order_by(key.asc())
    else:
        if before is not None:
            stmt = stmt.where(key < before)
        stmt = stmt.order_by(key.desc() if newest_first else key.asc())
    stmt = stmt.limit(limit + 1)
    rows = list(db.session.scalars(stmt) if scalars else db.session.execute(stmt))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last = key_of(rows[-1]) if key_of else rows[-1].id
        next_cursor = str(last)
    return Page(items=rows, next=next_cursor)
