"""A learned token layer: an averaged-perceptron tagger over word, shape, gazetteer and context
features, trained on Parallel's own labelled excerpts (``data/train_model.py``).

The rules know many cues; this layer weighs them together, which generalizes to phrasings no rule
spells out ("that's Biscuit, he's our dog"). It only adds candidates where no rule found anything,
at the lowest priority, and its findings pass the same non-identifying filters as every other.
The identity of a word is a feature only for common words (so it learns that "grace" is usually a
word here but "Grace said" a name); rare words are seen only through their shape, gazetteers and
context, so the model does not memorize the names of its training excerpts.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from app.deid import context
from app.deid import wordlists as wl
from app.deid.finding import Candidate
from app.deid.gazetteers import Gazetteers
from app.deid.tokens import Token

MODEL = Path(__file__).resolve().parent / "data" / "token_model.json.gz"
OUTSIDE = "O"
# Labels the layer may propose; numbers, contacts and dates are left to the validated patterns.
PROPOSED = ("NAME", "LOCATION", "ORGANIZATION")
PLACEHOLDER = {"NAME": "NAME", "LOCATION": "PLACE", "ORGANIZATION": "ORG"}
# A token is proposed when its best label beats "outside" by this margin (chosen on held-out
# sets by ``data/train_model.py --evaluate``).
MARGIN = 0.0
# Common English words ("Sunny", "Art", "Summer") need a clearer margin: the rules already weigh
# them as words, and most capitalized ones open a sentence.
MARGIN_COMMON = 20.0
# In lines without capitals every word looks alike, and there the rules see less: a common word
# needs a smaller margin (chosen on held-out speech-recognition sets with --evaluate).
MARGIN_COMMON_LOWER = 4.0

_DIGITS = re.compile(r"\d")
CONTRACTION_RE = re.compile(r"['’](?:t|m|re|ve|ll|d)$")


def shape(word: str) -> str:
    """Collapse a word to its character classes: "McAllister" -> "XxXx", "K-482" -> "X-d"."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def _kind(tok: Token | None, gz: Gazetteers) -> str:
    """A coarse class of a neighbouring word."""
    if tok is None:
        return "<none>"
    w = tok.lower
    if tok.is_digit:
        return "<num>"
    if w in wl.RELATION_WORDS:
        return "<kin>"
    if w in wl.TITLES:
        return "<title>"
    if w in gz.common:
        return w
    return "<cap>" if tok.cap else "<rare>"


def doc_forms(tokens: list[Token]) -> tuple[frozenset[str], frozenset[str]]:
    """Words the excerpt writes with a capital inside a sentence, and words it writes in lower
    case, both in lines written with capitals: "Sully" said again mid-sentence is a name; "hope"
    written in lower case elsewhere makes an opening "Hope" the word."""
    caps = {t.lower for t in tokens if t.cap and not t.sent_start and not t.in_label}
    lower = {t.lower for t in tokens if not t.cap and not t.lower_line}
    return frozenset(caps), frozenset(lower)


def _cue_class(prev: Token | None, prev2: Token | None) -> str:
    """The kind of cue the one or two words before form ("works at", "my sister", "named")."""
    one = prev.lower if prev else ""
    two = f"{prev2.lower} {one}" if prev2 and prev else ""
    for phrase in (two, one):
        if not phrase:
            continue
        if phrase in wl.STRONG_NAME_CUE:
            return "named"
        if phrase in wl.EMPLOYER_CUE:
            return "employer"
        if phrase in wl.SCHOOL_CUE:
            return "school"
        if phrase in wl.LOCATION_CUE_STRONG:
            return "place"
    if one in wl.RELATION_WORDS:
        return "kin"
    if one in wl.TITLES:
        return "title"
    if one in wl.NAME_CUE_BEFORE:
        return "person"
    if one in wl.LOCATION_CUE_BEFORE:
        return "prep"
    return "none"


def token_features(
    text: str,
    tokens: list[Token],
    i: int,
    gz: Gazetteers,
    prev_label: str,
    doc: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> list[str]:
    """Features of tokens[i] (strings; the model weighs each per label)."""
    t = tokens[i]
    w = t.lower
    common = w in gz.common
    prev = tokens[i - 1] if i > 0 and tokens[i - 1].line == t.line else None
    prev2 = tokens[i - 2] if i > 1 and tokens[i - 2].line == t.line else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].line == t.line else None
    nxt2 = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 2].line == t.line else None
    sh = shape(t.text)
    cap = "C" if t.cap else "l"
    pos = "S" if t.sent_start else ("L" if t.in_label else "M")
    f = [
        "bias",
        f"shape={sh}",
        f"cap={cap}{pos}",
        f"lowline={t.lower_line}",
        f"common={common}",
        f"prevlab={prev_label}",
        f"suf3={w[-3:]}",
        f"suf2={w[-2:]}|{common}",
        f"pre3={w[:3]}|{common}",
        f"len={min(len(w), 10)}",
    ]
    if common or w in wl.TITLES or w in wl.RELATION_WORDS:
        f.append(f"w={w}")
        f.append(f"w={w}|{cap}{pos}")
    first = gz.first.get(w)
    if first is not None:
        f.append(f"first={first}")
        f.append(f"first|common={common}|{cap}{pos}")
    rank = gz.surname_rank.get(w)
    if rank is not None:
        f.append(f"sur={min(rank.bit_length(), 17)}")
        f.append(f"sur|common={common}|{cap}")
    if w in gz.cities or w in gz.city_first_tokens:
        f.append(f"city|common={common}|{cap}")
        pop = gz.cities.get(w, (0, ""))[0]
        f.append(f"citypop={min(len(str(pop)), 7)}|{cap}")
    if w in gz.regions:
        f.append("region")
    if w in wl.THEORISTS or w in wl.CLINICAL_TERMS or w in wl.MEDICATIONS:
        f.append("clinical")
    if w in wl.MONTHS or w in wl.WEEKDAYS:
        f.append("calendar")
    if t.possessive:
        f.append("poss")
    if _DIGITS.search(t.text):
        f.append("hasdigit")
    pk, p2k, nk, n2k = _kind(prev, gz), _kind(prev2, gz), _kind(nxt, gz), _kind(nxt2, gz)
    f += [
        f"p1={pk}",
        f"p2={p2k}",
        f"n1={nk}",
        f"n2={n2k}",
        f"p2p1={p2k}|{pk}",
        f"n1n2={nk}|{n2k}",
        f"p1n1={pk}|{nk}",
        f"p1|cap={pk}|{cap}",
        f"n1|cap={nk}|{cap}",
        f"p1sh={shape(prev.text) if prev else '<none>'}|{sh}",
        f"n1sh={shape(nxt.text) if nxt else '<none>'}|{sh}",
    ]
    cue = _cue_class(prev, prev2)
    f.append(f"cue={cue}")
    f.append(f"cue|cap={cue}|{cap}{pos}")
    if nxt is not None:
        if nxt.lower in wl.NAME_VERBS_AFTER:
            f.append(f"n1=<personverb>|{cap}")
        if nxt.lower in wl.RELATION_WORDS:
            f.append("n1=<kin>")
    caps, lower = doc
    if w in caps:
        f.append(f"doc=capmid|{pos}")
    if w in lower:
        f.append(f"doc=lower|{pos}")
    # What directly follows: a comma, a colon (speaker label), a question mark ...
    after = text[t.end + (2 if t.possessive else 0) : t.end + 3].lstrip(" ")[:1]
    f.append(f"after={after or '<eol>'}")
    before = text[max(0, t.start - 2) : t.start].strip()[-1:]
    f.append(f"before={before or '<sp>'}")
    return f


class Model:
    """Weights per feature per label; scores a feature list."""

    def __init__(self, weights: dict[str, dict[str, float]], labels: list[str]) -> None:
        self.weights = weights
        self.labels = labels

    def scores(self, feats: Iterable[str]) -> dict[str, float]:
        s = dict.fromkeys(self.labels, 0.0)
        for feat in feats:
            row = self.weights.get(feat)
            if row:
                for label, v in row.items():
                    s[label] += v
        return s


def read_model(path: Path) -> Model | None:
    """A model written as gzipped JSON {"labels", "weights"} (None if it has not been built)."""
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    return Model(raw["weights"], raw["labels"])


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The trained token model shipped in data/."""
    return read_model(MODEL)


def tag(text: str, tokens: list[Token], gz: Gazetteers, model: Model) -> list[tuple[str, float]]:
    """For each token, the likeliest proposable label and its margin over "outside" (labels
    are chosen greedily left to right; the previous token's best label is a feature)."""
    out: list[tuple[str, float]] = []
    prev_label = OUTSIDE
    prev_line = -1
    doc = doc_forms(tokens)
    for i, t in enumerate(tokens):
        if t.line != prev_line:
            prev_label, prev_line = OUTSIDE, t.line
        s = model.scores(token_features(text, tokens, i, gz, prev_label, doc))
        best = max(model.labels, key=lambda lab: (s[lab], lab == OUTSIDE))
        proposed = max(PROPOSED, key=lambda lab: s[lab])
        out.append((proposed, s[proposed] - s[OUTSIDE]))
        prev_label = best
    return out


def _threshold(t: Token, gz: Gazetteers, cased_lines: set[int]) -> float:
    if t.lower not in gz.common:
        return MARGIN
    return MARGIN_COMMON if t.line in cased_lines else MARGIN_COMMON_LOWER


def _never(t: Token, gz: Gazetteers) -> bool:
    """Words the layer never proposes: titles and roles ("Officer", "Pastor"), function words,
    calendar words, states and countries, and fragments such as the "t" of "don't"."""
    from app.deid import safetynet

    w = t.lower
    return (
        len(w) < 2
        or CONTRACTION_RE.search(w) is not None
        or (w in wl.APOSTROPHE_LESS and not t.cap)
        or w in wl.TITLES
        or w in wl.ROLE_WORDS
        or w in safetynet.FUNCTION_WORDS
        or w in safetynet.INTERJECTIONS
        or w in wl.MONTHS
        or w in wl.WEEKDAYS
        or w in wl.HOLIDAYS
        or w in gz.regions
        or w in wl.THEORISTS
        or w in wl.THEORISTS_CONTEXT
        or w in wl.CLINICAL_TERMS
        or w in wl.MEDICATIONS
        or w in wl.NUMBER_WORDS  # numbers said aloud are left to the spoken-number rules
    )


def detect(
    text: str, tokens: list[Token], gz: Gazetteers, covered: list[tuple[int, int]]
) -> list[Candidate]:
    """Spans of consecutive tokens the model labels as a name, place or organization, skipping
    tokens that another layer already covers."""
    model = load_model()
    if model is None:
        return []
    taken = sorted(covered)

    def is_covered(t: Token) -> bool:
        return any(s < t.end and t.start < e for s, e in taken)

    out: list[Candidate] = []
    run: list[Token] = []
    run_label = ""
    tags = tag(text, tokens, gz, model)
    # Lines that use capitals at all (a capital "I" is enough to show it).
    cased_lines = {t.line for t in tokens if t.cap and not t.in_label and not t.names_lower}

    def close() -> None:
        if not run:
            return
        end = run[-1].end
        if run[-1].possessive and run_label != "NAME":
            end += 2  # "Shaggy's", "Hannah's House": the business's name holds the 's
        out.append(Candidate(run[0].start, end, run_label, PLACEHOLDER[run_label], 0))

    for k, (t, (label, margin)) in enumerate(zip(tokens, tags, strict=True)):
        # In a line written with capitals (a capital "I" is enough), a lower-case word is not
        # proposed as a name or place.
        cased = t.cap or t.line not in cased_lines
        if k > 0 and tokens[k - 1].end == t.start and tokens[k - 1].is_digit:
            continue  # the "nd" of "2nd"
        nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].line == t.line else None
        ok = (
            label in PROPOSED
            and margin > _threshold(t, gz, cased_lines)
            and not (t.cap and nxt is not None and context.adjective_name(text, t, nxt, gz))
            and cased
            and not t.is_digit
            and not is_covered(t)
            and not _never(t, gz)
        )
        if (
            ok
            and run
            and label == run_label
            and t.line == run[-1].line
            and _adjacent(text, run[-1], t)
        ):
            run.append(t)
            continue
        close()
        run, run_label = ([t], label) if ok else ([], "")
    close()
    # A state or country ("New York", also when only "York" was proposed) is not identifying.
    out = [c for c in out if not _in_region(text, c, gz)]
    # Nor is one word of a capitalized phrase the rules judged as a whole ("Western Union").
    out = [c for c in out if not _fragment(text, c, tokens, gz)]
    return _bridge(text, out)


def _fragment(text: str, c: Candidate, tokens: list[Token], gz: Gazetteers) -> bool:
    inside = [t for t in tokens if c.start <= t.start and t.end <= c.end]
    if not inside or inside[0].lower_line:
        return False
    first, last = inside[0].idx, inside[-1].idx

    def joins(a: Token, b: Token) -> bool:
        return (
            a.line == b.line
            and b.cap
            and text[a.end : b.start] in (" ", "-")
            and not a.possessive
            and not _never(b, gz)
        )

    before = tokens[first - 1] if first > 0 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return (
        before is not None
        and not before.sent_start
        and joins(before, inside[0])
        and before.cap
        and not _never(before, gz)
    ) or (after is not None and joins(inside[-1], after))


def _in_region(text: str, c: Candidate, gz: Gazetteers) -> bool:
    before = re.search(r"([A-Za-z]+\s+)?$", text[max(0, c.start - 20) : c.start])
    after = re.match(r"(\s+[A-Za-z]+)?", text[c.end : c.end + 20])
    core = text[c.start : c.end]
    pre = before.group(1) or "" if before else ""
    post = after.group(1) or "" if after else ""
    return any(
        " ".join(v.lower().split()) in gz.regions
        for v in (core, pre + core, core + post, pre + core + post)
    )


def _bridge(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join two places or businesses that one lower-case word links into one name."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.type == c.type and c.type != "NAME":
            gap = text[prev.end : c.start]
            if re.fullmatch(r" (?:and|at|of|on|&|de|del|la) ", gap, re.I):
                out[-1] = Candidate(prev.start, c.end, c.type, c.label, c.priority)
                continue
        out.append(c)
    return out


def _adjacent(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 3 and gap.strip(" .'’-&") == ""
