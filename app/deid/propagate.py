"""Propagation: every other occurrence of an identified string is identified too."""

from __future__ import annotations

import re

from app.deid import wordlists as wl
from app.deid.context import HARD_STOP, PARTICLES
from app.deid.finding import Candidate
from app.deid.gazetteers import Gazetteers
from app.deid.tokens import WORD_RE, Token

LOC_PREPS = frozenset(("in", "to", "from", "near", "across", "outside", "around", "through"))
PROPAGATE_TYPES = ("NAME", "LOCATION", "ORGANIZATION")
JOIN_RE = re.compile(r"[ \t]*\.?[ \t]*|[ \t]*[-&][ \t]*")


def _words(s: str) -> tuple[str, ...]:
    out = []
    for m in WORD_RE.finditer(s):
        w = m.group(0).lower()
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        out.append(w)
    return tuple(out)


def _strings(text: str, found: list[Candidate]) -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Map word tuple -> (type, label, original first word) for what should be found again."""
    out: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for c in found:
        if c.type not in PROPAGATE_TYPES or c.label in ("STREET", "ZIP"):
            continue
        s = text[c.start : c.end]
        words = _words(s)
        if not words or len(s) < 2:
            continue
        first = WORD_RE.search(s)
        out.setdefault(words, (c.type, c.label, first.group(0) if first else s))
        if c.type == "NAME" and len(words) > 1:
            # Parts of a full name ("Dave Ostrowski" -> "Ostrowski") are names on their own.
            for m in WORD_RE.finditer(s):
                w = m.group(0)
                lw = w.lower()
                if len(w) >= 3 and lw not in PARTICLES and lw not in HARD_STOP:
                    out.setdefault((lw,), ("NAME", "NAME", w))
    return out


def propagate(
    text: str, tokens: list[Token], found: list[Candidate], gz: Gazetteers
) -> list[Candidate]:
    """Find other whole-word occurrences (case-insensitive, possessive too) of found strings."""
    out: list[Candidate] = []
    # An age over 89 said again ("a hundred and one" echoed by the clinician) is still an age.
    for c in found:
        if c.type == "AGE" and not text[c.start : c.end].isdigit():
            pat = r"(?<!\w)" + re.escape(text[c.start : c.end]) + r"(?!\w)"
            for m in re.finditer(pat, text, re.I):
                if m.start() != c.start:
                    out.append(Candidate(m.start(), m.end(), "AGE", "AGE", 1))
    strings = _strings(text, found)
    if not strings:
        return out
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in strings:
        index.setdefault(words[0], []).append(words)
    for v in index.values():
        v.sort(key=len, reverse=True)
    n = len(tokens)
    for i, t in enumerate(tokens):
        key = t.lower
        plural = False
        if key not in index and t.names_lower and key.endswith("s") and (key[:-1],) in strings:
            key, plural = key[:-1], True  # "jakes mom" in speech-recognized text
        for words in index.get(key, ()):
            k = len(words)
            if i + k > n or (plural and k > 1):
                continue
            ok = True
            for j in range(1, k):
                a, b = tokens[i + j - 1], tokens[i + j]
                if b.lower != words[j] or b.line != t.line or a.possessive:
                    ok = False
                    break
                if not JOIN_RE.fullmatch(text[a.end : b.start]):
                    ok = False
                    break
            if not ok:
                continue
            typ, label, orig = strings[words]
            if k == 1 and not _single_ok(t, tokens, orig, gz):
                break
            end = tokens[i + k - 1].end - (1 if plural else 0)
            out.append(Candidate(t.start, end, typ, label, 1))
            break
    return out


def _single_ok(t: Token, tokens: list[Token], orig: str, gz: Gazetteers) -> bool:
    """Names that are also words ("Will", "Hope") propagate only where they read as names."""
    ls = t.lower
    prev = tokens[t.idx - 1] if t.idx > 0 else None
    if ls in gz.regions and prev is not None and prev.line == t.line and prev.lower in LOC_PREPS:
        return False  # "India" the daughter, then "grew up in India" the country
    if ls not in gz.common and ls not in wl.MONTHS and ls not in wl.LOWER_NOT_NAMES:
        return True
    if t.text != orig and not (t.names_lower and orig.islower()):
        return False
    if t.cap and not t.sent_start and not t.in_label and not t.names_lower:
        return True  # "Is Will your brother?": a capital inside a sentence is the name again
    nxt = tokens[t.idx + 1] if t.idx + 1 < len(tokens) else None
    nxt_same = nxt is not None and nxt.line == t.line
    if nxt_same and nxt.lower in wl.MODAL_FOLLOW:  # type: ignore[union-attr]
        return False
    if ls in wl.MONTHS and nxt_same and nxt.is_digit:  # type: ignore[union-attr]
        return False
    if t.sent_start and not t.possessive:
        return nxt_same and nxt.lower in wl.AMBIG_NAME_VERBS  # type: ignore[union-attr]
    return True
