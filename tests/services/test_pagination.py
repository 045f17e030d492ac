"""Cursor pagination: limits, before/after cursors and the last page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Room
from app.services import pagination
from app.services.errors import Invalid
from tests import factories


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, 50), ("", 50), ("1", 1), ("200", 200), (7, 7), ("050", 50)],
)
def test_parse_limit_accepts_values_in_bounds(raw, expected):
    assert pagination.parse_limit(raw) == expected


@pytest.mark.parametrize("raw", ["0", "201", "-1", "abc", "1.5", "1e3", "9" * 40, "²", 10**30])
def test_parse_limit_refuses_values_out_of_bounds(raw):
    with pytest.raises(Invalid) as caught:
        pagination.parse_limit(raw)

    assert "limit" in caught.value.errors


@pytest.mark.parametrize(("raw", "expected"), [(None, None), ("", None), ("0", 0), ("42", 42)])
def test_parse_cursor_accepts_cursors(raw, expected):
    assert pagination.parse_cursor("before", raw) == expected


@pytest.mark.parametrize(
    "raw", ["-1", "abc", "1.0", " 1", "²", "١٢", "9" * 19, str(2**31), "0x10", "1\x00"]
)
def test_parse_cursor_refuses_anything_else(raw):
    with pytest.raises(Invalid) as caught:
        pagination.parse_cursor("after", raw)

    assert "after" in caught.value.errors


@pytest.fixture
def room_ids(app):
    owner = factories.user()
    return [factories.room(owner, f"Room {n}").id for n in range(7)]


def page(**kwargs):
    return pagination.paginate(select(Room), Room.id, **kwargs)


def test_walks_back_with_before_until_the_last_page(room_ids):
    seen = []
    cursor = None
    for _ in range(5):
        result = page(limit=3, before=int(cursor) if cursor else None)
        seen += [room.id for room in result.items]
        cursor = result.next
        if cursor is None:
            break
        assert cursor == str(result.items[-1].id)

    assert seen == sorted(room_ids, reverse=True)
    assert cursor is None


def test_walks_forward_with_after(room_ids):
    first = page(limit=4, after=0)
    second = page(limit=4, after=int(first.next))

    assert [r.id for r in first.items] == sorted(room_ids)[:4]
    assert [r.id for r in second.items] == sorted(room_ids)[4:]
    assert second.next is None


def test_next_is_none_when_the_page_is_exactly_full(room_ids):
    result = page(limit=len(room_ids))

    assert len(result.items) == len(room_ids)
    assert result.next is None


def test_an_empty_page(room_ids):
    result = page(before=min(room_ids))

    assert (result.items, result.next) == ([], None)


def test_before_and_after_together_are_refused(room_ids):
    with pytest.raises(Invalid):
        page(before=5, after=1)
