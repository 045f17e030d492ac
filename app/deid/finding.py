"""The Finding record returned by the scanner, and the internal candidate record."""

from __future__ import annotations

from dataclasses import dataclass

TYPES = (
    "NAME", "LOCATION", "DATE", "AGE", "PHONE", "EMAIL", "ID", "URL", "IP", "ORGANIZATION",
    "HANDLE",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifying span: text[start:end] of type `type`; `label` names its placeholder kind."""

    start: int
    end: int
    type: str
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span proposed by one layer, before overlaps are resolved."""

    start: int
    end: int
    type: str
    label: str
    priority: int = 1
