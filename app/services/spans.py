"""Spans of an excerpt: from (line, start) to (end_line, end), offsets in code points."""

from __future__ import annotations

from dataclasses import dataclass

from app.models import Excerpt
from app.services.errors import Invalid


@dataclass(frozen=True)
class Span:
    line: int
    start: int
    end_line: int
    end: int


def check_span(
    excerpt: Excerpt, line: int, start: int, end: int, end_line: int | None = None
) -> Span:
    """Return a valid span of the excerpt, or raise Invalid naming what is wrong."""
    end_line = line if end_line is None else end_line
    texts = {item.n: item.text for item in excerpt.lines}
    if line not in texts:
        raise Invalid(f"line must be between 1 and {len(texts)}.", {"line": "No such line."})
    if end_line not in texts or end_line < line:
        raise Invalid(
            f"end_line must be between {line} and {len(texts)}.", {"end_line": "No such line."}
        )
    if not 0 <= start <= len(texts[line]):
        raise Invalid(
            f"start must be between 0 and {len(texts[line])} on line {line}.",
            {"start": "Outside the line."},
        )
    if not 0 <= end <= len(texts[end_line]):
        raise Invalid(
            f"end must be between 0 and {len(texts[end_line])} on line {end_line}.",
            {"end": "Outside the line."},
        )
    if end_line == line and end <= start:
        raise Invalid("The span is empty: end must be after start.", {"end": "Empty span."})
    span = Span(line, start, end_line, end)
    if not quote(excerpt, span).strip():
        raise Invalid("The span holds only white space.", {"start": "Empty span."})
    return span


def quote(excerpt: Excerpt, span: Span) -> str:
    """Return the text a span covers (lines joined by a newline)."""
    texts = {item.n: item.text for item in excerpt.lines}
    if span.line == span.end_line:
        return texts[span.line][span.start : span.end]
    parts = [texts[span.line][span.start :]]
    parts += [texts[n] for n in range(span.line + 1, span.end_line)]
    parts.append(texts[span.end_line][: span.end])
    return "\n".join(parts)
