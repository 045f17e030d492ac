"""Spoken and loosely spaced digit strings ("five five five, two one eight", "555 2 1 8 4490")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from app.deid.finding import Candidate

UNITS = {
    "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 2, "thirty": 3, "forty": 4, "fourty": 4, "fifty": 5, "sixty": 6, "seventy": 7,
    "eighty": 8, "ninety": 9,
}  # fmt: skip
TOKEN_RE = re.compile(r"\d+|[A-Za-z]+")
GAP_OK = re.compile(r"^(?:[\s,.()+–—-]|\bdash\b|\band\b|\bthen\b)*$", re.IGNORECASE)
FILLERS = ("then", "dash", "and")
SSN_CUE = re.compile(r"\b(?:social|ssn|social security)\b", re.IGNORECASE)
PHONE_CUE = re.compile(
    r"\b(?:phone|number|cell|call|text|reach|fax|line|mobile|landline|digits)\b", re.IGNORECASE
)
ID_CUE = re.compile(
    r"\b(?:mrn|record|member|policy|account|acct|license|licence|plate|serial|case|claim|"
    r"badge|student|employee|passport|vin|confirmation|id)\b",
    re.IGNORECASE,
)


def _word_value(words: list[str], i: int) -> tuple[str, int] | None:
    """Digits spelled by words[i:] and how many words were used, or None."""
    w = words[i].lower()
    if w.isdigit():
        return w, 1
    if w in ("double", "triple") and i + 1 < len(words) and words[i + 1].lower() in UNITS:
        d = str(UNITS[words[i + 1].lower()])
        return d * (2 if w == "double" else 3), 2
    if w in TENS:
        if (
            i + 1 < len(words)
            and words[i + 1].lower() in UNITS
            and words[i + 1].lower()
            not in (
                "zero",
                "oh",
                "o",
            )
        ):
            return f"{TENS[w]}{UNITS[words[i + 1].lower()]}", 2
        return f"{TENS[w]}0", 1
    if w in TEENS:
        return str(TEENS[w]), 1
    if w in UNITS:
        if i + 1 < len(words) and words[i + 1].lower() == "hundred":
            return f"{UNITS[w]}00", 2
        return str(UNITS[w]), 1
    return None


def runs(text: str) -> Iterator[Candidate]:
    """Find runs of number words/digit groups that spell a phone number, SSN or other ID."""
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]
    words = [t[2] for t in toks]
    i = 0
    n = len(toks)
    while i < n:
        first = _word_value(words, i)
        if first is None or words[i].lower() in ("o", "oh"):
            i += 1
            continue
        start = toks[i][0]
        digits = first[0]
        used = first[1]
        parts = 1
        j = i + used
        end = toks[j - 1][1]
        thousands = True
        while j < n:
            gap = text[end : toks[j][0]]
            if "\n" in gap or not GAP_OK.match(gap):
                break
            if words[j].lower() in FILLERS and j + 1 < n:
                nxt_gap = text[toks[j][1] : toks[j + 1][0]]
                if GAP_OK.match(nxt_gap) and _word_value(words, j + 1) is not None:
                    j += 1  # "five oh three, then eight six seven"
            val = _word_value(words, j)
            if val is None:
                break
            # "1,200,000" is an amount, not a phone number.
            thousands = thousands and gap == "," and len(words[j]) == 3 and words[j].isdigit()
            digits += val[0]
            parts += 1
            j += val[1]
            end = toks[j - 1][1]
        amount = thousands or text[max(0, start - 1) : start] == "$"
        if parts >= 3 and len(digits) >= 7 and not _counting(digits) and not amount:
            yield _classify(text, start, end, digits)
        i = max(j, i + 1)


def _counting(digits: str) -> bool:
    """True for counting exercises like 1 2 3 4 5 6 7 8."""
    return all(int(b) - int(a) in (1, -1) for a, b in itertools.pairwise(digits))


def _classify(text: str, start: int, end: int, digits: str) -> Candidate:
    before = text[max(0, start - 60) : start]
    if len(digits) == 9 and SSN_CUE.search(before):
        return Candidate(start, end, "ID", "SSN", 4)
    if ID_CUE.search(before) and not PHONE_CUE.search(before[-25:]):
        return Candidate(start, end, "ID", "ID", 4)
    if len(digits) in (7, 10) or (len(digits) == 11 and digits[0] == "1"):
        return Candidate(start, end, "PHONE", "PHONE", 4)
    return Candidate(start, end, "ID", "ID", 3)
