"""The phrase filter: a second learned layer that judges whole findings of the broad rules.

The safety-net and context rules flag capitalized phrases generously, because a missed name is
worse than a false alarm. In clinicians' notes that means many false alarms: programs,
worksheets, book titles, headings. This layer scores each weak finding (a name, place or
organization proposed by a broad rule, not by a strong cue or a pattern) with an averaged
perceptron over features of the phrase and its surroundings: the ordinary words it is made of
(never the identity of a rare word, so no name is memorized), gazetteer classes, the words
around it, where it stands in the sentence and line, and how clinical the whole excerpt reads.
A finding is dropped only when the model is confident it is not identifying (``MARGIN``).
Trained by ``data/train_phrases.py`` on the labelled sets; weights in
``data/phrase_model.json.gz``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from app.deid import safetynet
from app.deid import wordlists as wl
from app.deid.finding import Candidate
from app.deid.gazetteers import Gazetteers
from app.deid.learned import Model, read_model

MODEL = Path(__file__).resolve().parent / "data" / "phrase_model.json.gz"
KEEP, DROP = "KEEP", "DROP"
# Drop a finding only when DROP beats KEEP by this much (chosen with data/train_phrases.py
# --evaluate, which trains without one set and scores the scanner on it).
MARGIN = 30.0
JUDGED_TYPES = ("NAME", "LOCATION", "ORGANIZATION")
WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
LABEL_RE = re.compile(r"^[ \t]*(?:\[[\d:.]+\][ \t]*)?[^\s:][^:\n]{0,30}:[ \t]", re.M)


def number_prefix(text: str, c: Candidate) -> bool:
    """A word before a number ("PSY 28814", "Unit 4B") is left to the number's own finding."""
    return re.match(r"[ \t#-]*\d", text[c.end : c.end + 4]) is not None


def judged(c: Candidate) -> bool:
    """Findings of the broad rules: names, places and organizations of priority 1 or 2 (the
    learned token layer's own findings, priority 0, and strong cues or patterns are not)."""
    return c.type in JUDGED_TYPES and c.priority in (1, 2)


def _word_class(w: str, gz: Gazetteers) -> str:
    lw = w.lower().replace("’", "'").removesuffix("'s")
    if lw in wl.CLINICAL_TERMS or lw in wl.CLINICAL_VOCAB:
        return "clin"
    if lw in wl.THEORISTS or lw in wl.THEORISTS_CONTEXT:
        return "theo"
    first = gz.first.get(lw)
    rank = gz.surname_rank.get(lw, 0)
    common = lw in gz.common
    if first == 1:
        return "first1c" if common else "first1"
    if rank and rank <= 5000:
        return "surc" if common else "sur"
    if lw in gz.cities:
        return "cityc" if common else "city"
    if common:
        return "common"
    if first:
        return "first2"
    if rank:
        return "surrare"
    return "unknown"


def _shape(w: str) -> str:
    if w.isupper() and len(w) > 1:
        return "CAPS"
    if any(ch.isdigit() for ch in w):
        return "digit"
    if "-" in w:
        return "hyph"
    if w[:1].isupper():
        return "Cap"
    return "low"


def _ctx_word(w: str, gz: Gazetteers) -> str:
    lw = w.lower()
    if lw in safetynet.FUNCTION_WORDS or lw in gz.frequent or lw in wl.CLINICAL_TERMS:
        return lw
    if lw in wl.RELATION_WORDS or lw in wl.TITLES:
        return "rel:" + lw
    return "cls:" + _word_class(w, gz) + "/" + _shape(w)


def clinical_density(text: str) -> str:
    words = [w.lower() for w in WORD_RE.findall(text)]
    n = sum(1 for w in words if w in wl.CLINICAL_TERMS or w in wl.THEORISTS)
    return "0" if n == 0 else "1" if n <= 2 else "3" if n <= 5 else "6"


def features(text: str, c: Candidate, gz: Gazetteers, density: str, talk: bool) -> list[str]:
    span = text[c.start : c.end]
    words = WORD_RE.findall(span) or [span]
    f = [
        "bias",
        f"type={c.type}",
        f"label={c.label}",
        f"prio={c.priority}",
        f"n={min(len(words), 4)}",
        f"density={density}",
        f"talk={talk}",
        f"type={c.type}|talk={talk}",
    ]
    for k, w in enumerate(words):
        pos = "first" if k == 0 else "last" if k == len(words) - 1 else "mid"
        cls = _word_class(w, gz)
        f.append(f"{pos}:cls={cls}")
        f.append(f"{pos}:shape={_shape(w)}")
        f.append(f"cls={cls}")
        lw = w.lower().removesuffix("'s")
        if (
            cls in ("common", "clin", "theo", "cityc", "surc", "first1c")
            or lw in safetynet.FUNCTION_WORDS
        ):
            f.append(f"{pos}:w={lw}")
            f.append(f"w={lw}")
    if len(words) == 1:
        f.append(f"single:cls={_word_class(words[0], gz)}|{_shape(words[0])}")
    before = text[max(0, c.start - 40) : c.start]
    after = text[c.end : c.end + 40]
    pw = WORD_RE.findall(before)
    nw = WORD_RE.findall(after)
    f.append("p1=" + (_ctx_word(pw[-1], gz) if pw else "<s>"))
    f.append("p2=" + (_ctx_word(pw[-2], gz) if len(pw) > 1 else "<s>"))
    f.append("n1=" + (_ctx_word(nw[0], gz) if nw else "</s>"))
    f.append("n2=" + (_ctx_word(nw[1], gz) if len(nw) > 1 else "</s>"))
    p1 = _ctx_word(pw[-1], gz) if pw else "<s>"
    n1 = _ctx_word(nw[0], gz) if nw else "</s>"
    f.append(f"p1n1={p1}|{n1}")
    cb = before.rstrip(" \t")[-1:] or "<s>"
    ca = after.lstrip(" \t")[:1] or "</s>"
    f.append(f"cb={cb if not cb.isalnum() else 'w'}")
    f.append(f"ca={ca if not ca.isalnum() else 'w'}")
    line_start = text.rfind("\n", 0, c.start) + 1
    lead = text[line_start : c.start]
    f.append(f"linestart={lead.strip() == ''}")
    opens = lead.strip() == "" or re.search(r"[.!?:;—–][\s\"“”')]*$", lead) is not None
    f.append(f"sentstart={opens}")
    f.append(f"inparen={'(' in before[-25:] and ')' not in before[-25:]}")
    f.append(f"inquote={before.count(chr(34)) % 2 == 1 or '“' in before[-30:]}")
    lower_elsewhere = (
        re.search(rf"\b{re.escape(span.lower())}\b", text) is not None and span != span.lower()
    )
    f.append(f"lower_elsewhere={lower_elsewhere}")
    return f


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The trained phrase model shipped in data/."""
    return read_model(MODEL)


def talk_like(text: str) -> bool:
    """Dialogue (speaker labels on most lines) rather than a note or letter."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    labelled = sum(1 for ln in lines if LABEL_RE.match(ln + " "))
    return bool(lines) and labelled * 2 >= len(lines)


def filter_findings(
    text: str, found: list[Candidate], gz: Gazetteers, keep: Callable[[Candidate], bool]
) -> list[Candidate]:
    """Drop the broad rules' findings the model is confident identify no one (``keep`` names
    findings that must stay whatever the model says: a person cue before them)."""
    model = load_model()
    if model is None:
        return found
    density, talk = clinical_density(text), talk_like(text)
    out = []
    for c in found:
        if judged(c) and not keep(c) and not number_prefix(text, c):
            s = model.scores(features(text, c, gz, density, talk))
            if s[DROP] - s[KEEP] > MARGIN:
                continue
        out.append(c)
    return out
