"""Parse a pasted transcript into speaker-labelled lines."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# Role labels as people type them, and the label Parallel shows.
ROLE_ALIASES = {
    "t": "T",
    "th": "T",
    "therapist": "T",
    "counselor": "T",
    "counsellor": "T",
    "clinician": "T",
    "psychologist": "T",
    "c": "C",
    "cl": "C",
    "client": "C",
    "patient": "C",
    "pt": "C",
    "s": "Supervisor",
    "supervisor": "Supervisor",
    "group": "Group",
    "partner": "Partner",
    "parent": "Parent",
    "other": "Other",
}
_NUMBERED = re.compile(
    r"^(member|client|participant|speaker|partner|parent)\s*(\d{1,2}|[a-z])$", re.IGNORECASE
)
_PLACEHOLDER = r"\[[A-Z]+-\d+\]"
_TOKEN_FIRST = r"(?:" + _PLACEHOLDER + r"|[^\W\d_][\w.'’-]*)"
_TOKEN = r"(?:" + _PLACEHOLDER + r"|[\w.'’-]+)"
_TIME = r"(?P<ts>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)"
_LINE = re.compile(
    r"^\s*(?:[\[(]?" + _TIME + r"[\])]?\s*[-–]?\s*)?"
    r"(?P<label>" + _TOKEN_FIRST + r"(?:\s+" + _TOKEN + r"){0,2})\s*:\s*(?P<text>.*)$"
)
MAX_LINES = 1000


@dataclass
class Line:
    speaker: str
    text: str
    start: float | None = None
    end: float | None = None


def seconds(stamp: str) -> float:
    """Turn ``H:MM:SS``, ``MM:SS`` (with optional fraction) into seconds."""
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def canonical_speaker(label: str, named: dict[str, str]) -> str:
    """Return the role label for a typed label; other names become Speaker A, B, … in order."""
    key = " ".join(label.replace(".", " ").split()).lower()
    if key in ROLE_ALIASES:
        return ROLE_ALIASES[key]
    numbered = _NUMBERED.match(key)
    if numbered:
        return f"{numbered.group(1).capitalize()} {numbered.group(2).upper()}"
    if key not in named:
        index = len(named)
        letter = chr(ord("A") + index) if index < 26 else str(index + 1)
        named[key] = f"Speaker {letter}"
    return named[key]


def _looks_like_label(label: str) -> bool:
    """One word of any case, or up to three capitalised words, numbers or placeholders."""
    words = label.split()
    if len(words) == 1:
        return True
    return all(word[0].isupper() or word[0].isdigit() or word[0] == "[" for word in words)


def parse(text: str) -> list[Line]:
    """Split a transcript into lines; unlabelled lines continue the previous speaker's turn."""
    lines: list[Line] = []
    named: dict[str, str] = {}
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw.strip():
            continue
        match = _LINE.match(raw)
        if match and _looks_like_label(match.group("label")):
            start = seconds(match.group("ts")) if match.group("ts") else None
            lines.append(
                Line(
                    canonical_speaker(match.group("label"), named),
                    match.group("text").strip(),
                    start,
                )
            )
        elif lines:
            lines[-1].text = f"{lines[-1].text} {raw.strip()}".strip()
        else:
            lines.append(Line("", raw.strip()))
    lines = [line for line in lines if line.text]
    # A timestamped line ends where the next one starts.
    for current, following in itertools.pairwise(lines):
        if current.start is not None and following.start is not None:
            current.end = following.start
    return lines
