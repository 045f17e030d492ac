"""Token layer: names, cities and organizations from gazetteers plus context cues."""

from __future__ import annotations

import re
import unicodedata

from app.deid import wordlists as wl
from app.deid.finding import Candidate
from app.deid.gazetteers import Gazetteers, theorist_phrases
from app.deid.tokens import CONTRACTION_TAILS, Line, Token

# Words that never start or continue a name span, whatever the gazetteers say.
HARD_STOP = (
    wl.NONID_PROPER
    | wl.CLINICAL_TERMS
    | wl.MEDICATIONS
    | wl.WEEKDAYS
    | wl.HOLIDAYS
    | wl.RELATION_WORDS
    | wl.TITLES
    | wl.KINSHIP_TERMS
    | wl.RELIGIOUS_WORDS
    | wl.CULTURE_WORDS
    | wl.CAR_WORDS
    | wl.NEVER_NAMES
    | wl.FOREIGN_WORDS
    | wl.IDENTITY_WORDS
    | wl.EVENT_WORDS
)
# Of those, the ones a relationship/title cue may still turn into a name ("my friend Christian").
CUE_OVERRIDABLE = frozenset(
    {"christian", "summer", "dakota", "georgia", "virginia", "carolina", "india", "asia",
     "israel", "jordan", "kenya", "chad", "paris", "sydney", "victoria", "austin", "dallas",
     "houston", "madison", "brooklyn", "florence", "charlotte", "april", "may", "june", "august",
     "january", "sunday", "easter", "christmas", "angel", "nana", "mac", "van", "ali", "bo",
     "jo", "al", "ed", "max", "sonny", "honey", "baby", "buddy", "major", "king", "prince",
     "duke", "earl", "sterling", "santa", "devil", "jesus", "black", "white", "grey", "gray",
     "brown", "trinity", "nevada", "montana", "arizona", "tennessee", "alabama", "indiana",
     "lincoln", "columbia", "jackson", "cleveland", "denver", "phoenix", "orlando", "milan",
     "vienna", "geneva", "adelaide", "chelsea", "troy", "salem", "aurora", "eugene", "tyler"}
)  # fmt: skip
COMPANY_WORDS = wl._set(
    "dental, plumbing, auto, body, logistics, construction, realty, insurance, foods, motors,"
    "electric, roofing, landscaping, bakery, cafe, diner, grill, pizza, salon, fitness, market,"
    "pharmacy, consulting, solutions, systems, group, partners, associates, bank, labs, studio"
)
LOC_NOUNS_AFTER = wl._set(
    "courthouse, police, area, airport, office, jail, hospital, downtown, suburbs, campus,"
    "library, clinic, shelter, branch, location, store, county, metro, public, city, resident,"
    "apartment, house, home"
)
US_STATE_ABBR = frozenset(
    re.findall(
        r"[A-Z]{2}",
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
        "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC",
    )
)
PARTICLES = wl._set(
    "de, van, von, del, della, la, le, der, den, da, di, du, bin, ibn, al, el, st, mc, mac, dos,"
    "das, ter"
)


VOCATIVE_NEXT = frozenset(
    [
        "can",
        "could",
        "would",
        "will",
        "do",
        "did",
        "does",
        "are",
        "is",
        "was",
        "what",
        "how",
        "why",
        "when",
        "where",
        "you",
        "you're",
        "your",
        "we",
        "listen",
        "look",
        "please",
        "tell",
        "come",
        "let",
        "thank",
        "thanks",
        "that",
        "this",
        "stop",
        "wait",
        "hold",
        "say",
        "give",
    ]
)
ABSTRACT_COPULAS = frozenset({"is", "was", "isn't", "wasn't", "feels", "seems", "can", "has"})
DET_AFTER_COPULA = frozenset({"the", "my", "your", "his", "her", "our", "their"})
WS_RE = re.compile(r"[ \t]+")
SENT_PUNCT_RE = re.compile(r"[.?!;:\n]")
ARTICLES = frozenset({"a", "an", "the", "this", "that", "every", "some", "any", "another"})
PHRASE_GAP_RE = re.compile(r"[ \t.]*|[ \t]*-[ \t]*")
CUE_GAP_RE = re.compile(r"[ \t]*,?[ \t]*[\"“‘']?|[ \t]*\.[ \t]*")
ORG_GAP_RE = re.compile(r"[ \t]+|[ \t]*&[ \t]*|-")


def cue_index(cues: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    """Index multi-word cues by their last word for fast 'does a cue end here' checks."""
    idx: dict[str, list[tuple[str, ...]]] = {}
    for c in cues:
        words = tuple(c.split())
        if words:
            idx.setdefault(words[-1], []).append(words)
    return idx


EMPLOYER_IDX = cue_index(wl.EMPLOYER_CUE)
SCHOOL_IDX = cue_index(wl.SCHOOL_CUE)
TEAM_IDX = cue_index(wl.TEAM_CUE)
LOC_STRONG_IDX = cue_index(wl.LOCATION_CUE_STRONG)
STRONG_NAME_IDX = cue_index(wl.STRONG_NAME_CUE)
THEORIST_BEFORE_IDX = cue_index(wl.THEORIST_CONTEXT_BEFORE)


class Ctx:
    """Per-text working state shared by the detectors."""

    def __init__(self, text: str, tokens: list[Token], lines: list[Line], gz: Gazetteers):
        self.text = text
        self.toks = tokens
        self.lines = lines
        self.gz = gz
        self.blocked: set[int] = set()  # token indices that are never identifying here
        self.region: set[int] = set()

    def prev(self, i: int, k: int = 1) -> Token | None:
        j = i - k
        if j < 0 or self.toks[j].line != self.toks[i].line:
            return None
        if self.toks[j].in_label != self.toks[i].in_label:
            return None  # a speaker label is not part of the sentence
        return self.toks[j]

    def next(self, i: int, k: int = 1) -> Token | None:
        j = i + k
        if j >= len(self.toks) or self.toks[j].line != self.toks[i].line:
            return None
        if self.toks[j].in_label != self.toks[i].in_label:
            return None
        return self.toks[j]

    def gap(self, a: Token, b: Token) -> str:
        return self.text[a.end : b.start]

    def cue_before(self, i: int, idx: dict[str, list[tuple[str, ...]]], skip: int = 0) -> bool:
        """True if a cue from idx ends right before token i (after skipping `skip` tokens)."""
        last = self.prev(i, 1 + skip)
        if last is None:
            return False
        key = last.lower + ("'s" if last.possessive else "")
        cands = idx.get(key) or idx.get(last.lower)
        if not cands:
            return False
        for words in cands:
            ok = True
            cur = self.toks[i] if not skip else self.prev(i, skip)
            for k, w in enumerate(reversed(words)):
                t = self.prev(i, 1 + skip + k)
                if t is None or cur is None or SENT_PUNCT_RE.search(self.text[t.end : cur.start]):
                    ok = False
                    break
                if t.lower != w and t.lower + ("'s" if t.possessive else "") != w:
                    ok = False
                    break
                cur = t
            if ok:
                return True
        return False

    def prev_words(self, i: int, n: int) -> str:
        """Lower-case words before token i (same line, no sentence break), joined by spaces."""
        out: list[str] = []
        cur = self.toks[i]
        for k in range(1, n + 1):
            p = self.prev(i, k)
            if p is None or re.search(r"[.?!;:\n]", self.text[p.end : cur.start]):
                break
            out.append(p.lower + ("'s" if p.possessive else ""))
            cur = p
        return " ".join(reversed(out))


def _phrase_match(ctx: Ctx, i: int, index: dict[str, list[tuple[str, ...]]], need_cap: bool) -> int:
    """Length in tokens of the longest phrase from index starting at token i (0 if none)."""
    t = ctx.toks[i]
    cands = index.get(t.lower)
    if not cands:
        return 0
    for phrase in cands:
        k = len(phrase)
        if i + k > len(ctx.toks):
            continue
        ok = True
        for j, w in enumerate(phrase):
            tj = ctx.toks[i + j]
            if tj.lower != w or tj.line != t.line or tj.in_label != t.in_label:
                ok = False
                break
            if j and (tj.possessive is False and ctx.toks[i + j - 1].possessive):
                ok = False
                break
            if j and not PHRASE_GAP_RE.fullmatch(ctx.gap(ctx.toks[i + j - 1], tj)):
                ok = False
                break
            if need_cap and not (tj.cap or tj.names_lower or w in PARTICLES):
                ok = False
                break
        if ok:
            return k
    return 0


def mark_blocked(ctx: Ctx) -> None:
    """Block theorists (in citing context), region names and clinical terms."""
    tp = theorist_phrases()
    gz = ctx.gz
    n = len(ctx.toks)
    i = 0
    while i < n:
        t = ctx.toks[i]
        k = _phrase_match(ctx, i, tp, need_cap=False)
        if k:
            ctx.blocked.update(range(i, i + k))
            i += k
            continue
        k = _phrase_match(ctx, i, gz.region_tokens, need_cap=True)
        if k and (t.cap or t.names_lower):
            ctx.region.update(range(i, i + k))
            i += k
            continue
        if (
            t.lower in wl.THEORISTS
            or (
                t.lower in wl.THEORISTS_CONTEXT and t.cap and (_citing(ctx, i) or _coauthor(ctx, i))
            )
            or _cited_partner(ctx, i)
        ):
            ctx.blocked.add(i)
        i += 1


def _citing(ctx: Ctx, i: int) -> bool:
    t = ctx.toks[i]
    nxt = ctx.next(i)
    if t.possessive and nxt and nxt.lower in wl.THEORIST_CONTEXT_AFTER:
        return True
    if nxt and nxt.lower in wl.THEORIST_CONTEXT_AFTER and not t.possessive:
        return True
    return ctx.cue_before(i, THEORIST_BEFORE_IDX)


def _coauthor(ctx: Ctx, i: int) -> bool:
    """'Miller and Rollnick', 'Greenberg & Johnson': next to a known theorist."""
    for step in (1, -1):
        conj = ctx.next(i) if step == 1 else ctx.prev(i)
        other = ctx.next(i, 2) if step == 1 else ctx.prev(i, 2)
        if (
            conj is not None
            and other is not None
            and conj.lower in ("and", "&")
            and (other.lower in wl.THEORISTS or (other.idx in ctx.blocked and other.cap))
        ):
            return True
    return False


def _cited_partner(ctx: Ctx, i: int) -> bool:
    """'by Levine and Heller': a surname (not a given name) joined to a cited theorist."""
    t = ctx.toks[i]
    if not t.cap or t.sent_start or fold(t.lower) in ctx.gz.first:
        return False
    conj, other = ctx.prev(i), ctx.prev(i, 2)
    return (
        conj is not None
        and other is not None
        and conj.lower in ("and", "&")
        and other.idx in ctx.blocked
        and other.cap
    )


def _is_acronym(t: Token) -> bool:
    return len(t.text) >= 2 and t.text.isupper()


def _relation_cue(ctx: Ctx, i: int) -> bool:
    """'my sister Maggie', 'my sister, Maggie', 'Aunt Rose', 'named Hope'."""
    p = ctx.prev(i)
    if p is None:
        return False
    gap = ctx.gap(p, ctx.toks[i])
    if not CUE_GAP_RE.fullmatch(gap):
        return False
    weak = p.lower in wl.WEAK_TITLES and not ctx.toks[i].cap
    if p.lower in wl.TITLES and not p.in_label and not weak:
        return "." not in gap or p.lower in ("mr", "mrs", "ms", "dr", "st", "prof", "rev", "sgt")
    if "." in gap:
        return False
    if p.lower in wl.RELATION_WORDS:
        pp = ctx.prev(i, 2)
        return pp is not None and (pp.lower in wl.POSSESSIVE_DETS or pp.possessive)
    # A relation said in words ("my father in law Gene", "my step dad Ray").
    before: list[Token] = []
    for j in range(1, 5):
        t = ctx.prev(i, j)
        if t is None:
            break
        before.insert(0, t)
        det = ctx.prev(i, j + 1)
        if (
            j >= 2
            and det is not None
            and (det.lower in wl.POSSESSIVE_DETS or det.possessive)
            and " ".join(w.lower for w in before) in wl.RELATION_WORDS
        ):
            return True
    return ctx.cue_before(i, STRONG_NAME_IDX)


PERSON_OBJECT_VERBS = wl._set(
    "told, asked, texted, met, hugged, married, dating, dated, saw, see, seen, tell, ask, text,"
    "call, called, miss, missed, love, loves, loved, hate, hates, blame, blamed, trust, thank,"
    "forgive, forgave, kissed, dumped, invited, meet, hug, marry"
)
STRONG_TITLES = wl._set("mr, mrs, ms, mx, dr, miss, mister, prof")
MISS_VERB_BEFORE = wl._set(
    "i, we, you, they, he, she, really, so, still, will, gonna, to, i'll, we'll, just, do, don't"
)


def _strong_title_before(ctx: Ctx, i: int) -> bool:
    """'Mr. Fox', 'mr banks', 'miss hall' (but not 'I miss home')."""
    p = ctx.prev(i)
    if p is None or p.lower not in STRONG_TITLES:
        return False
    if not re.fullmatch(r"\.?[ \t]+", ctx.gap(p, ctx.toks[i])):
        return False
    if p.lower == "miss":
        pp = ctx.prev(i, 2)
        return p.cap or (pp is not None and pp.lower not in MISS_VERB_BEFORE)
    return True


def _verb_after(ctx: Ctx, i: int, verbs: frozenset[str]) -> bool:
    k = 1
    nxt = ctx.next(i, k)
    t = ctx.toks[i]
    if nxt is None or re.search(r"[.?!;:,\n]", ctx.gap(t, nxt)):
        return False
    while nxt is not None and nxt.lower in wl.NAME_ADVERBS and k < 3:
        k += 1
        nxt = ctx.next(i, k)
    return nxt is not None and nxt.lower in verbs


def _short_month_as_name(ctx: Ctx, i: int) -> bool:
    """'Jun is allergic', 'Jan and I': a given name written like a month's abbreviation (not
    'Jun 4', 'Jan. 12', 'in Jan')."""
    t = ctx.toks[i]
    nxt = ctx.next(i)
    if ctx.text[t.end : t.end + 1] == "." or (nxt is not None and nxt.is_digit):
        return False
    p = ctx.prev(i)
    return not (p is not None and (p.lower in wl.MONTH_PREPS or p.is_digit))


def _month_as_name(ctx: Ctx, i: int) -> bool:
    """'April said', 'April and I', 'with April' (but not 'April 4' or 'in April')."""
    nxt = ctx.next(i)
    if nxt is not None and (nxt.is_digit or nxt.lower in ("of", "the")):
        return False
    p = ctx.prev(i)
    if p is not None and p.lower in wl.MONTH_PREPS:
        return False
    if _verb_after(ctx, i, wl.AMBIG_NAME_VERBS) or ctx.toks[i].possessive:
        return True
    nn = ctx.next(i, 2)
    if (
        nxt is not None
        and nxt.lower in ("was", "is")
        and nn is not None
        and nn.lower in ("born", "my", "his", "her", "your", "our", "their")
    ):
        return True  # "April was born in May", "June is my sister"
    if nxt is not None and nxt.lower == "and":
        nn = ctx.next(i, 2)
        return nn is not None and nn.lower in ("i", "me")
    return p is not None and p.lower in ("with", "and", "told", "asked", "texted", "called")


def _and_name(ctx: Ctx, i: int, strong: set[int]) -> bool:
    """'Maggie and Jake', 'me and Jake', 'Jake and I'."""
    p, n = ctx.prev(i), ctx.next(i)
    if p is not None and p.lower in ("and", "&", "or", "with"):
        pp = ctx.prev(i, 2)
        if pp is not None and (pp.idx in strong or pp.lower in ("me", "i")):
            return True
    if n is not None and n.lower in ("and", "&", "or"):
        nn = ctx.next(i, 2)
        if nn is not None and (nn.idx in strong or nn.lower in ("i", "me")):
            return True
    return False


def fold(word: str) -> str:
    """Strip accents ('jesús' -> 'jesus'); the gazetteers are stored folded."""
    if word.isascii():
        return word
    norm = unicodedata.normalize("NFKD", word)
    return "".join(c for c in norm if not unicodedata.combining(c))


def _is_contraction(word: str) -> bool:
    for apo in ("'", "’"):
        if apo in word:
            return word.rpartition(apo)[2].lower() in CONTRACTION_TAILS
    return False


def _namelike(lw: str, gz: Gazetteers) -> bool:
    """Letters only, or hyphenated parts that are not all common words ('seo-yeon')."""
    if lw.isalpha():
        return True
    parts = [p for p in re.split(r"[-'’]", lw) if p]
    return (
        bool(parts) and all(p.isalpha() for p in parts) and not all(p in gz.common for p in parts)
    )


def _vocative(ctx: Ctx, i: int) -> bool:
    """A name alone before a comma at the start of a sentence ("Hope, is that right?")."""
    nxt = ctx.next(i)
    if nxt is None or ctx.gap(ctx.toks[i], nxt).strip() != ",":
        return False
    return nxt.lower in VOCATIVE_NEXT  # "Hope, is that..." but not "Summer, maybe"


def _modal_next(ctx: Ctx, i: int) -> bool:
    """'Will you', 'May I', 'Hope you're okay': the next word shows the ordinary word."""
    t, nxt = ctx.toks[i], ctx.next(i)
    if t.lower in wl.ABSTRACT_NAMES and (nxt is None or ctx.gap(t, nxt).strip() in (",", "?")):
        return True  # "Summer, maybe." "Hope?"
    if nxt is not None and _adjective_name(ctx, t, nxt):
        return True  # "Sandy beaches", "Rusty's generous"
    if nxt is None or WS_RE.fullmatch(ctx.gap(t, nxt)) is None:
        return False
    if _verb_after(ctx, i, wl.AMBIG_NAME_VERBS):
        return False
    if t.lower in wl.ABSTRACT_NAMES and nxt.lower.endswith("ing") and not nxt.cap:
        return nxt.lower in ctx.gz.common  # "Faith helping one person": the virtue
    if t.lower in wl.ABSTRACT_NAMES and nxt.lower in ABSTRACT_COPULAS:
        after = ctx.next(i, 2)
        return after is not None and after.lower not in DET_AFTER_COPULA
    return nxt.lower in wl.MODAL_FOLLOW or (
        nxt.lower in ctx.gz.common and not nxt.cap and nxt.lower in wl.WORD_USE_NEXT
    )


PARTICLE_TAILS = wl._set("off, up, out, down, over, away, back, on, in, around, through")
ADJ_SUFFIX_RE = re.compile(r"(?:ous|ful|ive|able|ible|less|ish|ic|al|est|er)$")
NOT_NOUN_NEXT = wl.NAME_VERBS_AFTER | wl.COPULAS | wl.AUX_WORDS | wl.NAME_ADVERBS | wl.MODAL_FOLLOW


OBJECT_WORDS = wl._set(
    "me, you, him, her, us, them, it, my, your, his, our, their, its, the, a, an, this, that,"
    "to, home, back, up, out, down, off, over, around, everyone, everybody, someone, nuts, crazy"
)


def _adjective_name(ctx: Ctx, t: Token, nxt: Token) -> bool:
    return adjective_name(ctx.text, t, nxt, ctx.gz)


def adjective_name(text: str, t: Token, nxt: Token, gz: Gazetteers) -> bool:
    """A name that is an adjective from a noun ("Sandy" < sand) used as one: before a plain
    noun ("Sandy beaches") or, after "'s" (is), before an adjective ("Rusty's generous")."""
    lw = t.lower
    if not lw.endswith("y") or len(lw) < 5 or nxt.cap or nxt.lower not in gz.common:
        return False
    stem = lw[:-1]
    if stem not in gz.common and not (stem[-1] == stem[-2] and stem[:-1] in gz.common):
        return False
    if t.possessive:
        return ADJ_SUFFIX_RE.search(nxt.lower) is not None and nxt.lower not in NOT_NOUN_NEXT
    w = nxt.lower
    if w in NOT_NOUN_NEXT or w.endswith(("ed", "ly")) or w in gz.first:
        return False
    # "Sandy beaches used to...", but "Rusty drives me crazy": an object pronoun shows a verb.
    m = re.match(r"[ \t]+([A-Za-z'’]+)", text[nxt.end : nxt.end + 30])
    return (m.group(1).lower() if m else "") not in OBJECT_WORDS


def _compound_name(lw: str, gz: Gazetteers) -> bool:
    """'mary-kate', "o'malley", "d'angelo": every part is a name, or an O'/D' prefix."""
    if "-" in lw:
        parts = lw.split("-")
        return all(p in gz.first or p in gz.surname_rank for p in parts) and not all(
            p in gz.common for p in parts
        )
    m = re.match(r"^(?:o|d|mc|mac)['’](\w+)$", lw)
    return bool(m and len(m.group(1)) >= 3)


def name_scores(ctx: Ctx) -> dict[int, int]:
    """Score each token: 2 = a name, 1 = a name only next to another name."""
    gz = ctx.gz
    scores: dict[int, int] = {}
    for t in ctx.toks:
        i = t.idx
        if t.is_digit or t.in_label or i in ctx.blocked or (len(t.text) < 2 and not t.cap):
            continue
        if _is_contraction(t.text):
            continue  # "won't", "hasn't": never names
        lw = t.lower
        if _is_acronym(t) and len(t.text) > 3:
            continue
        cue = _relation_cue(ctx, i)
        strong_cue = t.cap and not _is_acronym(t) and ctx.cue_before(i, STRONG_NAME_IDX)
        if i in ctx.region or lw in HARD_STOP or lw in wl.MONTHS:
            if (
                (cue and (t.cap or t.names_lower) and lw in CUE_OVERRIDABLE)
                or (_strong_title_before(ctx, i) and lw not in wl.NEVER_NAMES)
                or (
                    # "When did you last see Jordan?": a place that is a common given name,
                    # as the object of a verb done to people
                    t.cap
                    and lw in CUE_OVERRIDABLE
                    and gz.first.get(lw) == 1
                    and ctx.prev(i) is not None
                    and ctx.prev(i).lower in PERSON_OBJECT_VERBS
                )
                or (
                    # "Mercedes drove me": a given name that is also a car or a virtue
                    t.cap
                    and lw in gz.first
                    and (lw in wl.CAR_WORDS or lw in wl.ABSTRACT_NAMES)
                    and _verb_after(ctx, i, wl.AMBIG_NAME_VERBS)
                    and not (ctx.prev(i) is not None and ctx.prev(i).lower in wl.POSSESSIVE_DETS)
                )
                or (lw in wl.MONTHS and lw in CUE_OVERRIDABLE and t.cap and _month_as_name(ctx, i))
                or (lw in ("jun", "jan") and t.cap and _short_month_as_name(ctx, i))
                or (
                    strong_cue
                    and lw not in wl.CLINICAL_TERMS - {"ada"}
                    and lw not in wl.WEEKDAYS  # "I called Monday": a day, not a name
                    and lw not in wl.NEVER_NAMES
                )
            ):
                scores[i] = 2
            continue
        folded = fold(lw)
        is_fn = folded in gz.first or _compound_name(folded, gz)
        tier = gz.first.get(folded, 1 if is_fn else 9)
        rank = gz.surname_rank.get(folded, 0)
        is_cw = lw in gz.common
        if t.cap and not _is_acronym(t):
            if cue or (is_fn and not is_cw) or (folded != lw and not is_cw):
                scores[i] = 2  # a cue, a given name, or a capitalized word with diacritics
            elif is_fn and is_cw:
                p = ctx.prev(i)
                if p is not None and p.lower in ARTICLES:
                    scores[i] = 0  # "a Marine", "the Will": a noun, not a first name
                elif t.sent_start and tier == 1 and _vocative(ctx, i):
                    scores[i] = 2  # "Will, can you tell her..."
                elif t.sent_start and tier == 1 and lw not in wl.SENT_START_WORDS:
                    # A common given name opening a sentence reads as a name unless the next
                    # word shows the ordinary word ("Will you", "May I", "Hope you're well").
                    scores[i] = 1 if _modal_next(ctx, i) else 2
                elif not t.sent_start:
                    nxt = ctx.next(i)
                    modal = (
                        nxt is not None
                        and nxt.lower in wl.MODAL_FOLLOW
                        and WS_RE.fullmatch(ctx.gap(t, nxt)) is not None
                    )
                    if _verb_after(ctx, i, wl.AMBIG_NAME_VERBS):
                        modal = False
                    scores[i] = 1 if modal else 2
                elif _verb_after(ctx, i, wl.AMBIG_NAME_VERBS) or t.possessive:
                    scores[i] = 2
                else:
                    scores[i] = 1 if len(lw) > 2 else 0
            elif rank and not is_cw:
                if not t.sent_start:
                    scores[i] = 2  # a capitalized non-word mid-sentence
                elif t.possessive or _verb_after(
                    ctx, i, wl.NAME_VERBS_AFTER | {"is", "was", "has"}
                ):
                    scores[i] = 2
                else:
                    scores[i] = 1
            elif rank and is_cw:
                scores[i] = 1
            elif not is_cw and gz.cities.get(lw, (0, ""))[0] >= 20000:
                scores[i] = 0  # a known city: cities() decides
            elif not is_cw and len(lw) >= 3 and _namelike(lw, gz):
                # Unknown capitalized word: a name mid-sentence, with a cue, or before a verb.
                verbs = wl.NAME_VERBS_AFTER | wl.COPULAS
                if not t.sent_start or _verb_after(ctx, i, verbs) or t.possessive:
                    scores[i] = 2
                else:
                    scores[i] = 1
            elif t.text[0].isupper() and len(t.text) == 1 and not t.sent_start:
                scores[i] = 0  # a middle initial is handled when grouping
        elif not t.cap:
            if (
                t.names_lower
                and _strong_title_before(ctx, i)
                and lw not in wl.STOP_AFTER_CUE
                and lw not in wl.AUX_WORDS
                and len(lw) >= 3
                and (not is_cw or is_fn or 0 < gz.surname_rank.get(lw, 0) <= 20000)
            ):
                scores[i] = 2  # "mr banks", "miss hall" in speech-recognized text
                continue
            if lw in wl.STOP_AFTER_CUE or is_cw:
                nxt = ctx.next(i)
                modal = nxt is not None and nxt.lower in wl.MODAL_FOLLOW
                if lw in wl.STOP_AFTER_CUE or lw in wl.MONTHS:
                    continue
                p = ctx.prev(i)
                comma = p is not None and "," in ctx.gap(p, t)
                if lw in wl.AUX_WORDS:
                    continue  # "my ex will want to come"
                if lw in gz.frequent or (p is not None and p.lower in ARTICLES):
                    continue  # "nobody ever said", "the guy said": words, not names
                if (
                    (cue and not is_cw and (t.names_lower or is_fn))
                    or (
                        cue and t.names_lower and is_fn and not modal and not comma and len(lw) >= 3
                    )
                    or (t.names_lower and is_fn and _verb_after(ctx, i, wl.STRICT_SAY_VERBS))
                ):
                    scores[i] = 2
                elif t.names_lower and is_fn and tier == 1 and len(lw) >= 3:
                    scores[i] = 1  # "with art and kayden": a name only beside another name
                continue
            if lw in wl.LOWER_NOT_NAMES or len(lw) < 3:
                continue
            prev = ctx.prev(i)
            if (
                (cue and (t.names_lower or is_fn))
                or (t.names_lower and is_fn and (tier == 1 or len(lw) >= 4))
                or (is_fn and tier == 1 and prev is not None and prev.lower in wl.NAME_CUE_BEFORE)
            ):
                scores[i] = 2
            elif t.names_lower and rank and rank <= 20000:
                verbs = wl.NAME_VERBS_AFTER | {"is", "was", "has"}
                scores[i] = 2 if t.possessive or _verb_after(ctx, i, verbs) else 1
    # Second pass: pairs ("Maggie and Will") and neighbours lift weak tokens.
    strong = {i for i, s in scores.items() if s == 2}
    for i, s in list(scores.items()):
        if s == 1 and _and_name(ctx, i, strong):
            scores[i] = 2
    return scores


def name_spans(ctx: Ctx, scores: dict[int, int]) -> list[Candidate]:
    """Group adjacent name tokens into NAME spans (weak tokens need a strong neighbour)."""
    out: list[Candidate] = []
    toks = ctx.toks
    n = len(toks)
    i = 0
    while i < n:
        if scores.get(i, 0) < 1:
            i += 1
            continue
        j = i
        members = [i]
        while True:
            nxt = ctx.next(j)
            if nxt is None or toks[j].possessive:
                break
            gap = ctx.gap(toks[j], nxt)
            if not WS_RE.fullmatch(gap):
                break
            k = nxt.idx
            if scores.get(k, 0) >= 1 and (nxt.cap == toks[i].cap or toks[i].names_lower):
                members.append(k)
                j = k
                continue
            # Middle initial ("Robert J. Kessler") or particle ("Ludwig van Beethoven").
            after = ctx.next(k)
            if after is not None and scores.get(after.idx, 0) >= 1 and after.cap:
                if len(nxt.text) == 1 and nxt.cap and ctx.gap(nxt, after).strip() in (".", ""):
                    members.extend([k, after.idx])
                    j = after.idx
                    continue
                if nxt.lower in PARTICLES and WS_RE.fullmatch(ctx.gap(nxt, after)):
                    members.extend([k, after.idx])
                    j = after.idx
                    continue
            break
        if any(scores.get(m) == 2 for m in members):
            out.append(Candidate(toks[members[0]].start, toks[members[-1]].end, "NAME", "NAME", 2))
        i = j + 1
    return out


def label_names(ctx: Ctx) -> list[Candidate]:
    """Speaker labels that are names ('Maria:', 'Dr. Feldman:') rather than roles."""
    out: list[Candidate] = []
    gz = ctx.gz
    by_line: dict[int, list[Token]] = {}
    for t in ctx.toks:
        if t.in_label:
            by_line.setdefault(t.line, []).append(t)
    for toks in by_line.values():
        words = [t for t in toks if not t.is_digit]
        if not words:
            continue
        low = " ".join(t.lower for t in words)
        ln = ctx.lines[words[0].line]
        bullet = ctx.text[ln.start : words[0].start].strip()[:1] in ("-", "*", "•")
        if bullet and all(t.lower in ctx.gz.common and t.lower not in ctx.gz.first for t in words):
            continue  # "- School: ...": a form field in a list, not a speaker
        if low in wl.ROLE_WORDS or all(t.lower in wl.ROLE_WORDS or len(t.text) == 1 for t in words):
            continue
        names = [t for t in words if t.lower not in wl.TITLES]
        if not names or len(names) > 3:
            continue
        ok = True
        for t in names:
            lw = t.lower
            given = lw in gz.first and lw not in wl.NEVER_NAMES and lw not in wl.TITLES
            if (
                lw in wl.ROLE_WORDS
                or (lw in HARD_STOP and not (given and t.cap and lw not in wl.RELATION_WORDS))
                or t.idx in ctx.blocked
                or (lw in gz.common and lw not in gz.first and not gz.surname_rank.get(lw))
                or not (t.cap or t.lower_line or lw in gz.first)
            ):
                ok = False
        if ok:
            out.append(Candidate(names[0].start, names[-1].end, "NAME", "NAME", 3))
    return out


def cities(ctx: Ctx) -> list[Candidate]:
    """City names from the gazetteer, judged by capitalization, ambiguity and cues."""
    gz = ctx.gz
    out: list[Candidate] = []
    n = len(ctx.toks)
    i = 0
    while i < n:
        t = ctx.toks[i]
        if t.in_label or t.is_digit or i in ctx.region or i in ctx.blocked:
            i += 1
            continue
        k = _phrase_match(ctx, i, gz.city_first_tokens, need_cap=True)
        # A city written in lower case in a line with capitals ("I live in sacramento now", as
        # some speech recognizers write) needs a place cue before it and no ordinary word in it.
        lower_in_cased = not t.cap and not t.names_lower
        if not k:
            i += 1
            continue
        key = " ".join(ctx.toks[j].lower for j in range(i, i + k))
        if k == 1 and (_is_acronym(t) or key in HARD_STOP):
            i += 1
            continue
        pop, _cc = gz.cities.get(key, (0, ""))
        last = ctx.toks[i + k - 1]
        p = ctx.prev(i)
        cue_strong = ctx.cue_before(i, LOC_STRONG_IDX)
        cue = cue_strong or (p is not None and p.lower in wl.LOCATION_CUE_BEFORE)
        after = ctx.text[last.end : last.end + 6]
        nxt = ctx.next(i + k - 1)
        sm = re.match(r",?\s*([A-Z]{2})\b", after)
        state_after = bool(sm) and sm.group(1) in US_STATE_ABBR  # type: ignore[union-attr]
        if (
            nxt is not None
            and re.match(r",\s*$", ctx.gap(last, nxt))
            and (ctx.next(i + k - 1) is not None and nxt.idx in ctx.region)
        ):
            state_after = True
        noun_after = nxt is not None and nxt.lower in LOC_NOUNS_AFTER and not last.possessive
        lw = key
        is_cw = lw in gz.common
        is_name = lw in gz.first or gz.surname_rank.get(lw, 10**9) <= 5000
        keep = False
        prio = 1
        if k > 1:
            keep = all(ctx.toks[j].cap for j in range(i, i + k)) or (
                # "cut off", "gave up": a phrasal verb, not a town, without a place cue
                t.names_lower and (cue_strong or last.lower not in PARTICLE_TAILS)
            )
            prio = 3
        elif (
            state_after
            or (cue and not is_cw)
            or (cue_strong and t.cap)
            or (noun_after and not is_cw and t.cap)
        ):
            keep = True
            prio = 3
        elif (
            (not is_cw and not is_name and t.cap and not t.sent_start and pop >= 20000)
            or (not is_cw and not is_name and t.cap and pop >= 100000)
            or (t.names_lower and not is_cw and not is_name and pop >= 100000)
        ):
            keep = True
        if lower_in_cased:
            words = [ctx.toks[j].lower for j in range(i, i + k)]
            keep = (
                cue
                and not is_name
                and all(w not in gz.common and w not in wl.LOWER_NOT_NAMES for w in words)
                and pop >= 10000
            )
            prio = 2
        if keep and p is not None and p.lower in ("dr", "mr", "mrs", "ms", "coach") and k == 1:
            keep = False
        if keep:
            out.append(Candidate(t.start, last.end, "LOCATION", "CITY", prio))
            i += k
            continue
        i += 1
    return out


def _cap_phrase(ctx: Ctx, i: int, max_len: int = 4) -> int:
    """Number of tokens of a capitalized phrase starting at i ('Hendricks Plumbing')."""
    k = 0
    toks = ctx.toks
    while i + k < len(toks) and k < max_len:
        t = toks[i + k]
        if t.line != toks[i].line or t.in_label:
            break
        if k:
            gap = ctx.gap(toks[i + k - 1], t)
            if toks[i + k - 1].possessive or not ORG_GAP_RE.fullmatch(gap):
                break
        if not (
            t.cap
            or (k and t.lower in ("of", "and") and i + k + 1 < len(toks) and toks[i + k + 1].cap)
        ):
            break
        k += 1
    while k and not toks[i + k - 1].cap:
        k -= 1
    return k


FILLER_WORDS = wl._set("the, a, um, uh, er, ah, like, uhh, umm, mm")


def _brand_located(ctx: Ctx, last: int) -> bool:
    """A cue-less brand is a place only with a branch after it ("Kroger on Main") or as a
    possessive/sentence object; 'Walmart sells it cheaper' is the company."""
    nxt = ctx.next(last)
    if nxt is None:
        return True
    if nxt.lower in ("sells", "sell", "sold", "has", "had", "is", "was", "makes", "charges"):
        return False
    t = ctx.toks[last]
    p = ctx.prev(last)
    after_adj = p is not None and p.lower in ("nearest", "closest", "any", "every", "no")
    return not after_adj or t.possessive


def orgs(ctx: Ctx) -> list[Candidate]:
    """Employers, schools and brands introduced by cues ('works at X', 'goes to X')."""
    gz = ctx.gz
    out: list[Candidate] = []
    brands = _brand_index()
    toks = ctx.toks
    n = len(toks)
    for i in range(n):
        t = toks[i]
        if t.in_label or t.is_digit:
            continue
        p = ctx.prev(i)
        skip = 1 if p is not None and p.lower == "the" else 0
        emp_cue = ctx.cue_before(i, EMPLOYER_IDX, skip)
        sch_cue = ctx.cue_before(i, SCHOOL_IDX, skip)
        team_cue = ctx.cue_before(i, TEAM_IDX, skip)
        k = _phrase_match(ctx, i, brands, need_cap=not t.names_lower)
        if k:
            key = " ".join(toks[j].lower for j in range(i, i + k))
            preps = ("at", "for", "from", "to", "with", "by")
            pp = ctx.prev(i, 2)
            prep = p is not None and (
                p.lower in preps or (p.lower == "the" and pp is not None and pp.lower in preps)
            )
            if not prep and t.names_lower:
                # "at the uh the chick fil a", "at the um starbucks": skip fillers back to "at".
                k2 = 1
                q = ctx.prev(i, k2)
                while q is not None and q.lower in FILLER_WORDS and k2 < 6:
                    k2 += 1
                    q = ctx.prev(i, k2)
                prep = k2 > 1 and q is not None and q.lower in preps
            if (t.cap or t.names_lower) and (
                emp_cue
                or (prep and key not in wl.CUE_ONLY_BRANDS)
                or (
                    key not in wl.CUE_ONLY_BRANDS
                    and key not in wl.NONID_PROPER
                    and t.cap
                    and _brand_located(ctx, i + k - 1)
                )
            ):
                last = toks[i + k - 1]
                end = last.end + 2 if last.possessive else last.end
                if re.match(r"['’](?!\w)", ctx.text[end : end + 2]):
                    end += 1  # "the Dunkin'"
                out.append(Candidate(t.start, end, "ORGANIZATION", "EMPLOYER", 3))
            continue
        if not (emp_cue or sch_cue or team_cue) or i in ctx.region or i in ctx.blocked:
            continue
        if p is not None and p.lower in ("the",):
            pass
        if t.cap:
            k = _cap_phrase(ctx, i)
            if not k:
                continue
            words = [toks[j].lower for j in range(i, i + k)]
            if k == 1 and (words[0] in HARD_STOP or words[0] in gz.common):
                continue
            if any(j in ctx.region for j in range(i, i + k)):
                continue
            key = " ".join(words)
            if key in gz.cities:
                continue  # cities are handled (with their own label) by cities()
            label = "EMPLOYER" if emp_cue else ("TEAM" if team_cue else "SCHOOL")
            out.append(Candidate(t.start, toks[i + k - 1].end, "ORGANIZATION", label, 3))
        elif t.names_lower and emp_cue:
            lw = t.lower
            if lw not in gz.common and lw not in wl.STOP_AFTER_CUE and len(lw) > 2:
                end = t.end
                for k in range(1, 3):
                    nx = ctx.next(i, k)
                    if nx is None or not WS_RE.fullmatch(ctx.gap(ctx.toks[nx.idx - 1], nx)):
                        break
                    if nx.lower in wl.STOP_AFTER_CUE or (
                        nx.lower in gz.common and nx.lower not in COMPANY_WORDS
                    ):
                        break
                    end = nx.end
                out.append(Candidate(t.start, end, "ORGANIZATION", "EMPLOYER", 2))
    return out


def lower_places(ctx: Ctx) -> list[Candidate]:
    """'cedar creek park', 'the riverside mall' in lines written without capitals."""
    gz = ctx.gz
    out: list[Candidate] = []
    suffixes = {"park", "mall", "lake", "plaza", "apartments", "cemetery", "station", "beach",
                "heights", "village", "center", "market", "pier", "bridge"}  # fmt: skip
    for t in ctx.toks:
        if not t.names_lower or t.lower not in suffixes:
            continue
        words: list[Token] = []
        k = 1
        while k <= 2:
            p = ctx.prev(t.idx, k)
            if p is None or p.lower in wl.STOP_AFTER_CUE or p.lower in wl.POSSESSIVE_DETS:
                break
            words.insert(0, p)
            k += 1
        if not words:
            continue
        namey = any(
            w.lower not in gz.common or w.lower in wl.LOWER_PLACE_WORDS or w.lower in gz.cities
            for w in words
        )
        if namey and len(words) + 1 >= 2:
            out.append(Candidate(words[0].start, t.end, "LOCATION", "PLACE", 2))
    return out


def lower_schools(ctx: Ctx) -> list[Candidate]:
    """'lincoln high' in lower-case lines: a name-like word before a school word."""
    gz = ctx.gz
    out: list[Candidate] = []
    school_words = {"high", "middle", "elementary", "academy", "prep"}
    for t in ctx.toks:
        if not t.names_lower or t.lower not in school_words:
            continue
        p = ctx.prev(t.idx)
        if p is None or (p.lower in gz.common and p.lower not in gz.first):
            continue
        if not (p.lower in gz.first or p.lower in gz.surname_rank or p.lower in gz.cities):
            continue
        end = t.end
        nxt = ctx.next(t.idx)
        if nxt is not None and nxt.lower == "school":
            end = nxt.end
        out.append(Candidate(p.start, end, "ORGANIZATION", "SCHOOL", 3))
    return out


_BRANDS: dict[str, list[tuple[str, ...]]] | None = None


def _brand_index() -> dict[str, list[tuple[str, ...]]]:
    global _BRANDS
    if _BRANDS is None:
        idx: dict[str, list[tuple[str, ...]]] = {}
        for b in wl.EMPLOYER_BRANDS:
            toks = tuple(
                m.group(0).lower()
                for m in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*|\d+", b)
            )
            # The tokenizer splits a possessive 's off: "lowe's" is matched as "lowe".
            toks = tuple(w[:-2] if w.endswith(("'s", "’s")) else w for w in toks)
            if toks:
                idx.setdefault(toks[0], []).append(toks)
        for v in idx.values():
            v.sort(key=len, reverse=True)
        _BRANDS = idx
    return _BRANDS


def detect(text: str, tokens: list[Token], lines: list[Line], gz: Gazetteers) -> list[Candidate]:
    """All token-layer candidates for one text."""
    ctx = Ctx(text, tokens, lines, gz)
    mark_blocked(ctx)
    scores = name_scores(ctx)
    out = name_spans(ctx, scores)
    out += label_names(ctx)
    out += cities(ctx)
    out += orgs(ctx)
    out += lower_schools(ctx)
    out += lower_places(ctx)
    return out
