"""URL converters shared by the pages and the API."""

from __future__ import annotations

from flask import Blueprint
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from app.services.pagination import MAX_KEY


class IdConverter(IntegerConverter):
    """``<int:…>`` that matches only numbers a database id can hold.

    A larger number would make the database raise (PostgreSQL: integer out of range; SQLite:
    beyond 64 bits) and turn a mistyped address into a 500. It is answered with 404 here:
    raising ``ValidationError`` instead would make Werkzeug answer 405 whenever another rule
    has the same path with other methods.
    """

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        if number > MAX_KEY:
            raise NotFound()
        return number


def use_id_converter(bp: Blueprint) -> None:
    """Make ``<int:…>`` in the application's rules the bounded id converter.

    Call it right after creating a blueprint, before its routes: a converter is bound when a
    rule is added, and a blueprint adds its rules in the order they were recorded.
    """
    bp.record_once(lambda state: state.app.url_map.converters.update(int=IdConverter))
