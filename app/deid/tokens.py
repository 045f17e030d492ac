"""Tokenizer with speaker-label, sentence-start and lower-case-line information."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words: letters with inner apostrophes/hyphens ("O'Donnell", "Mary-Kate", "Maggie's").
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*|\d+")
CONTRACTION_TAILS = ("t", "m", "re", "ve", "ll", "d")
LABEL_RE = re.compile(
    r"^[ \t]*(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?[\])]?[ \t]*(?:-[ \t]*)?)?"
    r"(?P<label>[^:\n]{1,40}?)[ \t]*(?:\([^)\n]{0,30}\)[ \t]*)?:(?=[ \t]|$)"
)
SENT_END = re.compile(r"(?:[.?!…:;\"“”(\[—]|\s-)\s*$")


@dataclass(slots=True)
class Token:
    """One word; start/end cover the word without a possessive 's."""

    start: int
    end: int
    text: str
    lower: str
    idx: int
    line: int
    cap: bool
    sent_start: bool
    in_label: bool
    lower_line: bool
    possessive: bool
    is_digit: bool
    # The line has capitals only where a sentence opens and in "I": some recognizers write it
    # so and leave names in lower case ("I met her at maple grove elementary.").
    names_lower: bool = False


@dataclass(slots=True)
class Line:
    """One transcript line with the character range of its speaker label."""

    start: int
    end: int
    label_start: int
    label_end: int
    body_start: int


def split_lines(text: str) -> list[Line]:
    """Split text into lines and find each line's speaker label (if any)."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        m = LABEL_RE.match(raw)
        if m and _plausible_label(m.group("label")):
            ls, le = pos + m.start("label"), pos + m.end("label")
            out.append(Line(pos, end, ls, le, pos + m.end()))
        else:
            out.append(Line(pos, end, -1, -1, pos))
        pos = end + 1
    return out


def _plausible_label(label: str) -> bool:
    words = label.split()
    if not words or len(words) > 4:
        return False
    # Labels are short names/roles, not clauses: no sentence punctuation inside.
    return not any(ch in label for ch in ',;?!"')


def tokenize(text: str) -> tuple[list[Token], list[Line]]:
    """Tokenize text into words with position flags."""
    lines = split_lines(text)
    tokens: list[Token] = []
    for li, line in enumerate(lines):
        seg = text[line.start : line.end]
        line_tokens: list[Token] = []
        for m in WORD_RE.finditer(seg):
            s, e = line.start + m.start(), line.start + m.end()
            word = m.group(0)
            possessive = False
            # Split "Maggie's"; contractions like "don't" stay whole (never names).
            for apo in ("'", "’"):
                if apo in word:
                    head, _, tail = word.rpartition(apo)
                    if tail.lower() == "s" and head:
                        word, e, possessive = head, e - 2, True
                    break
            in_label = line.label_start <= s < line.label_end
            line_tokens.append(
                Token(
                    start=s,
                    end=e,
                    text=word,
                    lower=word.lower(),
                    idx=0,
                    line=li,
                    cap=word[:1].isupper(),
                    sent_start=False,
                    in_label=in_label,
                    lower_line=False,
                    possessive=possessive,
                    is_digit=word.isdigit(),
                )
            )
        body = [t for t in line_tokens if not t.in_label and not t.is_digit]
        alpha_caps = sum(1 for t in body if t.cap and t.lower != "i")
        # A line with no capitals at all (speech-recognizer style) is matched case-insensitively.
        lower_line = len(body) >= 3 and alpha_caps == 0
        prev_end = line.body_start if line.label_start >= 0 else line.start
        first_in_body = True
        body0 = prev_end
        for t in line_tokens:
            t.lower_line = lower_line
            if t.in_label:
                continue
            between = text[prev_end : t.start]
            if first_in_body:
                t.sent_start = not re.search(r"[A-Za-z0-9]", text[line.start : t.start]) or (
                    line.label_start >= 0 and t.start >= line.body_start and _only_punct(between)
                )
                first_in_body = False
            else:
                t.sent_start = (
                    bool(SENT_END.search(between))
                    or (
                        between[:1] in ")]" and STAGE_RE.fullmatch(text, body0, t.start) is not None
                    )
                    or ENUM_RE.search(text, max(body0, t.start - 8), t.start) is not None
                )  # "(laughs) Tell me", "(2) Around minute 30": the item opens a sentence
            prev_end = t.end + (2 if t.possessive else 0)
        mid_caps = sum(1 for t in body if t.cap and not t.sent_start and t.lower not in I_FORMS)
        for t in line_tokens:
            t.names_lower = lower_line or (len(body) >= 3 and mid_caps == 0)
        tokens.extend(line_tokens)
    # Lines with capitals only at sentence openings are read as a recognizer's (names in lower
    # case) only when some lower-case word there is a proper name that is no ordinary word
    # ("jonah", "scottsdale"); typed text written that way keeps the cased reading.
    if not any(_proper_lower(t) for t in tokens if t.names_lower and not t.lower_line):
        for t in tokens:
            t.names_lower = t.lower_line
    for i, t in enumerate(tokens):
        t.idx = i
    return tokens, lines


I_FORMS = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll"})


def _proper_lower(t: Token) -> bool:
    from app.deid.gazetteers import load

    gz = load()
    w = t.lower
    if t.cap or len(w) < 3 or not w.isalpha() or w in gz.common:
        return False
    return (
        w in gz.first
        or 0 < gz.surname_rank.get(w, 0) <= 5000
        or gz.cities.get(w, (0, ""))[0] >= 20000
    )


ENUM_RE = re.compile(r"(?:^|[\s.;:])\(?(?:\d{1,2}|[a-hA-H])\)[ \t]+$")
STAGE_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)|\[[^\[\]\n]{1,40}\])[ \t]*")


def _only_punct(s: str) -> bool:
    return not re.search(r"[A-Za-z0-9]", s)
