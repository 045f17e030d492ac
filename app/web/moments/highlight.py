"""Split transcript lines into segments at every span boundary, for highlighting in place.

Pure functions: a span is anything with ``line``, ``start``, ``end_line`` and ``end`` (moments
and annotations), offsets in code points, which is what Python string indices count.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Protocol


class Anchored(Protocol):
    line: int
    start: int
    end_line: int
    end: int


@dataclass
class Segment:
    """A run of a line's text covered by the same moments and annotations."""

    text: str
    moments: list[Any] = field(default_factory=list)
    annotations: list[Any] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.moments or self.annotations)


def covered_range(item: Anchored, n: int, length: int) -> tuple[int, int] | None:
    """Return the part of line ``n`` (of ``length`` code points) that a span covers."""
    if not item.line <= n <= item.end_line:
        return None
    start = item.start if n == item.line else 0
    end = item.end if n == item.end_line else length
    start, end = max(0, min(start, length)), max(0, min(end, length))
    return (start, end) if end > start else None


def segments(
    text: str, n: int, moments: list[Anchored], annotations: list[Anchored]
) -> list[Segment]:
    """Return line ``n`` cut at every boundary of the moments and annotations touching it."""
    covers: list[tuple[str, Anchored, tuple[int, int]]] = []
    bounds = {0, len(text)}
    for kind, items in (("moment", moments), ("annotation", annotations)):
        for item in items:
            found = covered_range(item, n, len(text))
            if found is not None:
                covers.append((kind, item, found))
                bounds.update(found)
    out = []
    for a, b in itertools.pairwise(sorted(bounds)):
        inside = [(kind, item) for kind, item, (s, e) in covers if s <= a and b <= e]
        out.append(
            Segment(
                text[a:b],
                [item for kind, item in inside if kind == "moment"],
                [item for kind, item in inside if kind == "annotation"],
            )
        )
    return out or [Segment(text)]
