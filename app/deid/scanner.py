"""The scanner: runs every layer, resolves overlaps, propagates, returns sorted findings."""

from __future__ import annotations

import itertools
import re

from app.deid import context, learned, loose, patterns, phrases, prose, safetynet, speech, spoken
from app.deid import wordlists as wl
from app.deid.finding import Candidate, Finding
from app.deid.gazetteers import Gazetteers, load
from app.deid.propagate import propagate
from app.deid.tokens import Token, tokenize

# "I go by Ada": after these a clinical abbreviation or common word is the person's name.
NAMED_RE = re.compile(
    r"\b(?:named|called|nicknamed|go(?:es)? by|went by|known as|name's|name is)\s+$", re.I
)


PLACEHOLDER_RE = re.compile(r"\[[A-Z]+-\d+\]")
# Speaker labels that diarization writes ("spk_0", "SPEAKER_01", "speaker 2"): roles, not people.
DIARIZED_LABEL_RE = re.compile(r"(?<![\w@.])(?:spk|spkr|speaker)[ _-]?\d{1,2}(?![\w@])", re.I)
TITLE_BEFORE_RE = re.compile(r"\b(?:[Mm]rs?|[Mm][sx]|[Dd]r|[Pp]rof|Miss|Mister)\.?[ \t]+$")
LABEL_LEAD_RE = re.compile(r"[ \t]*(?:[\[(]?[\d:.]+[\])]?[ \t]*-?[ \t]*)?")


def _is_label(text: str, c: Candidate) -> bool:
    """'Mercedes: I don't...': a speaker label is a person even when it is also a word."""
    line_start = text.rfind("\n", 0, c.start) + 1
    lead = LABEL_LEAD_RE.fullmatch(text, line_start, c.start) is not None
    return lead and text[c.end : c.end + 1] == ":"


VERB_AFTER_RE = re.compile(r"[ \t]+(?:(?:just|never|always|also|really|finally|still)[ \t]+)?(\w+)")


def _listed_given_name_acts(text: str, c: Candidate, gz: object) -> bool:
    """'Mercedes drove me': a given name that is also a car or a virtue, before a verb."""
    w = text[c.start : c.end].lower()
    if w not in gz.first or (w not in wl.CAR_WORDS and w not in wl.ABSTRACT_NAMES):  # type: ignore[attr-defined]
        return False
    p = re.search(r"([A-Za-z'’]+)[ \t]+$", text[max(0, c.start - 20) : c.start])
    if p and p.group(1).lower() in wl.POSSESSIVE_DETS:
        return False  # "my Mercedes broke down": the car
    m = VERB_AFTER_RE.match(text, c.end)
    return bool(m) and m.group(1).lower() in wl.AMBIG_NAME_VERBS


def _person_cue(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """A cue right before a name that shows a person whatever the word looks like (a speaker
    label too, unless it is an ordinary word naming a form field: "Service: ...")."""
    return c.type == "NAME" and (
        NAMED_RE.search(text, max(0, c.start - 20), c.start) is not None
        or safetynet.kin_before(text, c.start)
        or TITLE_BEFORE_RE.search(text, max(0, c.start - 12), c.start) is not None
        or (_is_label(text, c) and not prose.heading_or_field(text, c, gz))
    )


def _merge_same_type(cands: list[Candidate]) -> list[Candidate]:
    """Two spans of one type that overlap without one holding the other are one entity:
    "4417 County Road" and "County Road 12" make "4417 County Road 12"."""
    out = list(cands)
    by_start = sorted((c for c in cands if c.end > c.start), key=lambda c: (c.start, -c.end))
    for a, b in itertools.pairwise(by_start):
        if a.type == b.type and a.start < b.start < a.end < b.end:
            out.append(Candidate(a.start, b.end, a.type, a.label, max(a.priority, b.priority)))
    return out


JOIN_GAP_RE = re.compile(r"[ \t]+(?:of|of the|at|at the|on)[ \t]+", re.I)
# A business's own site between its name and its place: "the Boeing plant in Everett".
SITE_NOUNS = (
    r"plant|factory|warehouse|mill|cannery|mine|store|shop|branch|location|office|station|"
    r"depot|yard|truck stop|fulfillment center|distribution center|call center|campus"
)
BRANCH_GAP_RE = re.compile(
    rf"[ \t]+(?:(?:{SITE_NOUNS})[ \t]+)?(?:on|in|at|off|of|off of)[ \t]+(?:the[ \t]+)?", re.I
)
SITE_AFTER_RE = re.compile(rf"[ \t]+(?:{SITE_NOUNS})\b", re.I)
THE_BEFORE_RE = re.compile(r"\bthe[ \t]+$", re.I)
AND_GAP_RE = re.compile(r"[ \t]*(?:and|&)[ \t]+", re.I)
CORNER_BEFORE_RE = re.compile(
    r"(?:\bat|\bon|\bcorner\s+of|\boff(?:\s+of)?|\bnear|\bby|\bcross(?:ing)?)\s+(?:the\s+)?$", re.I
)


def join_places(text: str, found: list[Candidate]) -> list[Candidate]:
    """One place or organization split by a small word becomes one span: "hall of justice",
    "the pines at woodcreek", "at fifth and euclid" (an intersection after "at")."""
    out: list[Candidate] = []
    for c in found:
        prev = out[-1] if out else None
        if prev is not None and "\n" not in text[prev.end : c.start]:
            gap = text[prev.end : c.start]
            places = {prev.type, c.type} <= {"LOCATION", "ORGANIZATION", "NAME"}
            same = prev.type == c.type and c.type in ("LOCATION", "ORGANIZATION")
            corner = CORNER_BEFORE_RE.search(text, max(0, prev.start - 16), prev.start)
            street = "LOCATION" in (prev.type, c.type)
            branch = (
                (
                    prev.type == "ORGANIZATION"
                    # "the Walgreens on Alameda": after "the" a name is a business, not a person
                    or (
                        prev.type == "NAME"
                        and THE_BEFORE_RE.search(text, max(0, prev.start - 5), prev.start)
                        is not None
                        and re.match(r"[ \t]+(?:\w+[ \t]+)?(?:on|in|off)[ \t]", gap) is not None
                    )
                )
                and (
                    c.type == "LOCATION"
                    or (c.type == "NAME" and re.fullmatch(r"[ \t]+(?:on|in|off)[ \t]+", gap))
                )
                and BRANCH_GAP_RE.fullmatch(gap) is not None
            )  # "walmart on south broadway", "Costco on Sprague", "DaVita in Gallup": a branch
            if branch:
                label = prev.label if prev.type == "ORGANIZATION" else "ORG"
                out[-1] = Candidate(prev.start, c.end, "ORGANIZATION", label, prev.priority)
                continue
            if gap == " " and {prev.type, c.type} <= {"LOCATION", "ORGANIZATION"}:
                # "wyndham" + "court": one place found in two pieces
                out[-1] = Candidate(prev.start, c.end, c.type, c.label, prev.priority)
                continue
            if (same and JOIN_GAP_RE.fullmatch(gap)) or (
                places and street and corner and AND_GAP_RE.fullmatch(gap)
            ):
                out[-1] = Candidate(
                    prev.start,
                    c.end,
                    "LOCATION" if street else c.type,
                    prev.label if same else "PLACE",
                    prev.priority,
                )
                continue
        out.append(c)
    # "the Del Monte cannery": the business's site is part of its name.
    return [
        Candidate(c.start, m.end(), c.type, c.label, c.priority)
        if c.type == "ORGANIZATION" and (m := SITE_AFTER_RE.match(text, c.end))
        else c
        for c in out
    ]


TRAIL_NOT_NAME = wl._set(
    "i, i'm, i'd, i'll, i've, im, and, or, but, the, to, of, in, on, at, so, he, she, we,"
    "they, he's, she's, it, it's, is, was, my, his, her"
)
# Verbs that open a line of a clinical note ("Reviewed Continuing Bonds with client").
NOTE_VERBS = wl._set(
    "reviewed, discussed, completed, provided, discharged, used, administered, recommended,"
    "referred, denied, reported, endorsed, presented, attended, scheduled, explored, processed,"
    "practiced, assigned, noted, observed, consulted, coordinated, continued, introduced,"
    "identified, assessed, educated, encouraged, validated, reinforced, modeled, explained,"
    # the plan's imperatives and present tense ("Recommend Behavioral Activation", "Takes ...")
    "recommend, introduce, continue, complete, administer, re-administer, readminister, review,"
    "discuss, practice, assign, revisit, consider, start, begin, monitor, refer, schedule,"
    "provide, use, teach, rated, rates, takes, completes, reports, denies, endorses, try, tried"
)
EXTRA_TITLES = wl._set(
    "deputy, sheriff, monsignor, sergeant, corporal, private, lieutenant, colonel, general,"
    "major, commander, chief, trooper, agent, inspector, counselor, principal, dean, chaplain,"
    "elder, deacon, bishop, cantor, sensei, coach, nurse, doc, granny, nana, papa, grandpa"
)
LEAD_NOT_NAME = wl._set(
    "called, then, so, and, but, or, also, now, well, yeah, yes, no, okay, oh, because, when,"
    "after, before, maybe, like, even, just, only, still, sad, mad, said, asked, told, tell, ask,"
    "meanwhile, outside, inside, down, up, notes, note, anyway, honestly, apparently, basically,"
    "luckily, sadly, today, tonight, yesterday, tomorrow, monday, tuesday, wednesday, thursday,"
    "friday, saturday, sunday, please, thank, thanks, sorry, hi, hey, dear, ok, um, uh, re,"
    "subject, cc, attn, hon, honorable, plan, goals, goal, assessment, summary, intervention"
)


def _trim_words(text: str, c: Candidate, gz: object) -> Candidate | None:
    """Drop words at the edges of a name, place or organization that are not part of it:
    "Called Ray" -> "Ray", "Gibson Dunn I'm" -> "Gibson Dunn", "Creech and I'd" -> "Creech"."""
    if c.type not in PERSONAL or c.priority >= 4:
        return c
    if SPELLED_OUT_RE.fullmatch(text, c.start, c.end):
        return c  # "n g o z i": every letter of a spelled name, "i" too
    start, end = c.start, c.end
    while True:
        m = re.search(r"[\s,]+([A-Za-z'’]+)$", text[start:end])
        if not m or m.group(1).lower() not in TRAIL_NOT_NAME:
            break
        end = start + m.start()
    while True:
        m = re.match(r"([A-Za-z'’-]+)\.?\s+(?=[A-Z])", text[start:end])
        if not m:
            break
        w = m.group(1).lower()
        title = c.type == "NAME" and (w in wl.TITLES or w in EXTRA_TITLES)
        if w not in LEAD_NOT_NAME and not title and w not in NOTE_VERBS:
            break
        start += m.end()
    if (start, end) == (c.start, c.end):
        return c
    return Candidate(start, end, c.type, c.label, c.priority)


SPELLED_OUT_RE = re.compile(r"(?:[A-Za-z][ \t,.-]+){2,}[A-Za-z]")
UNIT_AFTER_RE = re.compile(
    r"(?:,?\s+(?:building|bldg|unit|apartment|apt|suite|ste|lot|room|space|trailer)\.?\s*#?"
    r"[A-Za-z0-9]{1,5}\b)+",
    re.I,
)
UNIT_WORD_END_RE = re.compile(r"\b(?:unit|apartment|apt|suite|ste|lot|room|trailer)\.?$", re.I)
UNIT_VALUE_RE = re.compile(
    rf"[ \t]*#?[ \t]*(?:[A-Za-z]?\d{{1,4}}[A-Za-z]?|[A-Za-z]\b|{spoken.NUMBER_WORD})\b"
)
INITIAL_BEFORE_RE = re.compile(r"\b[A-Z]\.\s?$")


def _widen(text: str, c: Candidate) -> Candidate:
    """A place keeps its building and unit ("The Meadows at Oak Hollow, building C, unit 214");
    a surname keeps the initial before it ("E. Nakashima")."""
    if c.type == "LOCATION":
        m = UNIT_AFTER_RE.match(text, c.end)
        if m:
            return Candidate(c.start, m.end(), c.type, c.label, c.priority)
        if UNIT_WORD_END_RE.search(text, c.start, c.end):
            m = UNIT_VALUE_RE.match(text, c.end)
            if m:  # "... far hills avenue suite" + "four"
                return Candidate(c.start, m.end(), c.type, c.label, c.priority)
    if c.type == "NAME":
        m = INITIAL_BEFORE_RE.search(text, max(0, c.start - 3), c.start)
        if m and text[c.start : c.start + 1].isupper():
            return Candidate(m.start(), c.end, c.type, c.label, c.priority)
    if c.type == "LOCATION" and c.label == "CITY":
        m = DIRECTION_BEFORE_RE.search(text, max(0, c.start - 8), c.start)
        if m:  # "north nashville", "East Tucson": the part of town is part of the place
            return Candidate(m.start(), c.end, c.type, c.label, c.priority)
    if c.type == "ORGANIZATION":
        m = DIRECTION_AFTER_RE.match(text, c.end)
        if m:  # "Lakota East", "westerville north": a school or unit named with a direction
            return Candidate(c.start, m.end(), c.type, c.label, c.priority)
    if c.type == "PHONE":
        m = EXTENSION_RE.match(text, c.end)
        if m:  # "... extension two two four"
            return Candidate(c.start, m.end(), c.type, c.label, c.priority)
    if c.type == "ID":
        m = SPELLED_PREFIX_RE.search(text, max(0, c.start - 16), c.start)
        if m:  # "n h s dash four four one seven zero": the letters read before the digits
            return Candidate(m.start(), c.end, c.type, c.label, c.priority)
        m = CAPS_PREFIX_RE.search(text, max(0, c.start - 6), c.start)
        cue = m is not None and m.group(0).strip() in ID_CUE_CAPS
        start = m.start() if m and not cue and text[c.start : c.start + 1].isdigit() else c.start
        m = CAPS_SUFFIX_RE.match(text, c.end)
        cue = m is not None and m.group(0).strip() in ID_CUE_CAPS
        end = m.end() if m and not cue and text[c.end - 1 : c.end].isdigit() else c.end
        # "ZRC 448120913", "AX 4417 KB": the letter groups of a plate or member number
        return Candidate(start, end, c.type, c.label, c.priority)
    return c


DIRECTION_AFTER_RE = re.compile(
    r"[ \t]+(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)\b(?![ \t]+(?:of|side|end|coast|shore|bound)\b)"
)
DIRECTION_BEFORE_RE = re.compile(r"\b(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)[ \t]+$")
EXTENSION_RE = re.compile(
    rf"[ \t]*,?[ \t]*(?:extension|ext\.?|x)[ \t]*(?:{spoken.NUMBER_WORD}\b[ \t]*)+", re.I
)
CAPS_PREFIX_RE = re.compile(r"(?<![\w'’-])[A-Z]{2,4}[ \t]$")
CAPS_SUFFIX_RE = re.compile(r"[ \t][A-Z]{2,3}(?![\w'’])")
ID_CUE_CAPS = frozenset(
    {"ID", "MRN", "SSN", "NPI", "DOB", "DEA", "PIN", "ACCT", "NO", "NUM", "TEL", "FAX", "EXT",
     "PH", "DL", "VIN", "EIN", "TIN", "SN", "AM", "PM", "EST", "PST", "CST", "MST", "UTC"}
)  # fmt: skip
SPELLED_PREFIX_RE = re.compile(r"(?<![\w'’])(?:[a-zA-Z][ \t]+){1,3}(?:dash[ \t]+)?$")


INSTRUMENT_TAIL_RE = re.compile(
    r"(?:[ \t-]+(?:[A-Z][\w'’-]*|of|for|and|in|&))*?[ \t-]+(?:Scale|Scales|Inventory|Index|"
    r"Interview|Questionnaire|Checklist|Screener|Screen|Survey|Measure|Model|Handouts|Handout|"
    r"Guidelines|Workbook|Manual|Protocol|Criteria)\b"
)


def _clinical_phrase(text: str, c: Candidate) -> bool:
    """ "Narrative Exposure Therapy", "Major Depressive Disorder": clinical words only (the
    capitalized words around the span included, so "Cornerstone Family Therapy" stays)."""
    if c.type not in PERSONAL or c.priority >= 4:
        return False
    s, e = c.start, c.end
    while (m := re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[max(0, s - 30) : s])) is not None:
        if m.group(1).lower() in NOTE_VERBS or m.group(1).lower() in LEAD_NOT_NAME:
            break  # "Used Narrative Exposure Therapy": the verb opens the note's sentence
        s -= len(m.group(0))
    while (m := re.match(r"[ \t]+([A-Z][\w'’-]*)", text[e : e + 30])) is not None:
        e += m.end()
    words = re.findall(r"[A-Za-z][\w'’-]*", text[s:e])
    content = [w.lower() for w in words if w.lower() not in ("and", "of", "with", "for", "the")]
    return len(content) >= 2 and all(w in wl.CLINICAL_VOCAB for w in content)


def _citation(text: str, c: Candidate) -> bool:
    if c.type != "NAME" or c.priority >= 4:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", text[c.start : c.end])]
    names = [w for w in words if w not in ("and", "&", "et", "al")]
    return len(names) >= 2 and all(w in wl.THEORISTS for w in names)


def _instrument(text: str, c: Candidate) -> bool:
    if c.type not in PERSONAL or c.priority >= 4:
        return False
    span = text[c.start : c.end]
    if re.search(
        r"\b(?:Scale|Inventory|Index|Interview|Questionnaire|Checklist|Screener|Model|Handouts|"
        r"Guidelines|Workbook|Manual|Protocol)$",
        span,
    ):
        return True
    return INSTRUMENT_TAIL_RE.match(text, c.end) is not None


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates, longest first, then higher priority, then earlier."""
    cands = _merge_same_type(cands)
    order = sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start, c.type))
    taken: list[Candidate] = []
    for c in order:
        if c.end <= c.start:
            continue
        if all(c.end <= o.start or c.start >= o.end for o in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


PLACE_WORD_BEFORE_RE = re.compile(
    r"\b(?:from|in|to|near|outside(?:\s+of)?|moved\s+to|lives\s+in|live\s+in)\s+$", re.I
)


def _city_after_place_word(text: str, c: Candidate, gz: object) -> bool:
    """ "my son raymond from tucson": a city that is also a car model or a word, said as a place."""
    key = " ".join(text[c.start : c.end].lower().split())
    city = gz.cities.get(key)  # type: ignore[attr-defined]
    return (
        city is not None
        and city[0] >= 50_000
        and PLACE_WORD_BEFORE_RE.search(text, max(0, c.start - 16), c.start) is not None
    )


def _label_used_as_name(text: str, c: Candidate) -> bool:
    """ "Ellis: Sure." after "Ellis, want to start?": a speaker label that is also addressed."""
    word = text[c.start : c.end]
    return re.search(rf"\b{re.escape(word)}\s*,", text) is not None or text.count(word + ":") > 1


def _role_not_name(span: str, gz: Gazetteers) -> bool:
    """'Attendees', 'Note', 'Treating Clinician', 'Peer Specialist': a role or heading word,
    alone or after ordinary words, is not a name."""
    words = span.split()
    if not words or len(words[-1]) < 3:
        return False  # a speaker letter ("C:"), or letters spelled out ("x i o m a r a")
    if words[-1] not in wl.ROLE_WORDS and span not in ROSTER_HEADS:
        return False
    return all(
        w not in gz.first
        and (w == words[-1] or (w in gz.common and not 0 < gz.surname_rank.get(w, 0) <= 5000))
        for w in words
    )


# Headings of a note's list of who attended ("Attendees: ...").
ROSTER_HEADS = wl._set(
    "attendees, attendee, participants, present, absent, excused, members, facilitators,"
    "co-facilitators, leaders, attendance, theme, themes, topic, topics"
)
# Kinds of place or organization said alone ("go to community college", "the park").
LONE_KINDS = wl._set(
    "college, school, church, hospital, clinic, university, gym, shelter, park, court, jail,"
    "prison, office, station, library, daycare, camp, store, mall, bank, pharmacy, center,"
    "program, agency, department, precinct, academy, temple, mosque, synagogue, chapel, motel,"
    "hotel, rehab, detox, er, emergency room, urgent care, work, job, plant, warehouse, factory"
)


# Religious practice and cultural concepts ("Bhagavad Gita", "Nine Night"): never an employer.
PRACTICE_WORDS = wl.RELIGIOUS_WORDS | wl.CULTURE_WORDS


def _non_identifying(span: str, typ: str) -> bool:
    """Whole spans that are clinical terms, or (as names/places) non-identifying proper nouns."""
    if span in wl.CLINICAL_TERMS:
        return True
    if typ in ("LOCATION", "ORGANIZATION") and span.removeprefix("the ") in LONE_KINDS:
        return True
    if span in safetynet.HOLIDAY_PHRASES:
        return True  # "St. Patrick's Day"
    if typ == "ORGANIZATION":
        # "Little League", "Gamblers Anonymous" (a one-word brand may still be the employer)
        return (" " in span and span in safetynet.GENERIC_PROPER) or span in PRACTICE_WORDS
    return typ in ("NAME", "LOCATION") and (
        span in context.HARD_STOP or safetynet.generic_span(span)
    )


PERSONAL = ("NAME", "LOCATION", "ORGANIZATION")

# Verbs made from an app or brand ("Venmo'd", "Googling", "Zoomed") or an acronym ("DMing").
BRAND_STEMS = wl._set(
    "venmo, zelle, paypal, cashapp, google, facetime, zoom, skype, slack, uber, lyft, doordash,"
    "grubhub, instacart, snapchat, snap, instagram, insta, tiktok, youtube, tweet, twitter, text,"
    "whatsapp, airbnb, photoshop, netflix, hulu, amazon, ebay, craigslist, tinder, bumble, hinge"
)
ACRONYM_VERB_RE = re.compile(r"[A-Z]{2,4}(?:ing|ed|['’]d|s)")
# An adjective that is also a given name, before the noun it describes ("Frank talk").
ADJ_NAME_NOUNS = {
    "frank": wl._set(
        "talk, talks, conversation, conversations, discussion, discussions, answer, admission,"
        "feedback, exchange, assessment, opinion, words, question, questions"
    ),
}


GIVEN_BEFORE_RE = re.compile(r"(?<![\w'’-])([a-z]{2,})[ \t]$")


def _given_before_surname(text: str, c: Candidate, gz: Gazetteers) -> Candidate:
    """'my case worker is rose alvarez': a lower-case given name (even one that is also a
    word) right before a surname found as a name is part of it."""
    span = text[c.start : c.end]
    if c.type != "NAME" or not span.islower():
        return c
    m = GIVEN_BEFORE_RE.search(text, max(0, c.start - 24), c.start)
    if m is None:
        return c
    given = m.group(1)
    first = span.split()[0]
    if (
        given in gz.first
        and given not in wl.NEVER_NAMES
        and given not in wl.STOP_AFTER_CUE
        and f"{given} {first}" not in context.HARD_STOP  # "jesus christ"
        and first in gz.surname_rank
        and first not in gz.first
    ):
        return Candidate(m.start(1), c.end, c.type, c.label, c.priority)
    return c


def _pronoun_contraction(span: str) -> bool:
    """'he's', 'they'll', 'I'd': a pronoun with its verb is never a name."""
    head, sep, tail = span.replace("’", "'").rpartition("'")
    return (
        bool(sep)
        and head.lower() in wl.NEVER_NAMES
        and tail.lower() in ("s", "t", "m", "re", "ve", "ll", "d")
    )


def _brand_verb(span: str) -> bool:
    """A one-word span that is a verb made from a brand or acronym ("Venmo'd", "DMing")."""
    if ACRONYM_VERB_RE.fullmatch(span):
        return True
    low = span.lower().replace("’", "'")
    for suf in ("'d", "ing", "ed", "d"):
        if low.endswith(suf) and len(low) > len(suf) + 2:
            stem = low[: -len(suf)]
            if stem in BRAND_STEMS or stem + "e" in BRAND_STEMS or stem[:-1] in BRAND_STEMS:
                return True
    return False


def _adjective_not_name(text: str, c: Candidate) -> bool:
    nouns = ADJ_NAME_NOUNS.get(text[c.start : c.end].lower())
    if not nouns:
        return False
    m = re.match(r"\s+([a-z]+)", text[c.end : c.end + 20])
    return bool(m and m.group(1) in nouns)


FAMOUS_FIRST = frozenset(n.split()[0].rstrip(".") for n in safetynet.FAMOUS_AUTHORS)


def _drop_famous_and_titles(
    text: str, cands: list[Candidate], tokens: list[Token]
) -> list[Candidate]:
    """Drop name candidates inside a famous person's name ("what Oprah said", "Mr. Rogers")
    unless a kinship word or role stands before it, and bare titles ("Mr") taken as names."""
    famous = []
    for t in tokens:
        if t.lower in FAMOUS_FIRST:  # the regex runs only where a famous first word stands
            m = safetynet.FAMOUS_RE.match(text, t.start)
            if m and not safetynet.kin_before(text, m.start()):
                famous.append((m.start(), m.end()))
    out = []
    for c in cands:
        if c.type == "NAME" and text[c.start : c.end].lower() in safetynet.ABBR_TITLES:
            continue
        if c.type in PERSONAL and any(s <= c.start and c.end <= e for s, e in famous):
            continue
        out.append(c)
    return out


def scan(text: str) -> list[Finding]:
    """Return the identifying spans of text, sorted by start and non-overlapping."""
    if not text or not text.strip():
        return []
    gz = load()
    tokens, lines = tokenize(text)
    cands: list[Candidate] = []
    cands += patterns.contacts(text)
    cands += patterns.numbers(text)
    cands += patterns.zips(text)
    cands += patterns.dates(text, lower_ok=False)
    cands += patterns.ages(text)
    cands += patterns.streets(text, lower_ok=False)
    cands += patterns.places_and_orgs(text)
    cands += spoken.runs(text)
    cands += spoken.numbers_and_dates(text)
    cands += spoken.month_dates(text)
    cands += spoken.dotted(text)
    cands += spoken.spelled(text)
    cands += spoken.spoken_handles(text)
    cands += spoken.exits(text)
    cands += spoken.units_and_parishes(text)
    # Lines written without capitals (speech recognition) get the case-insensitive variants.
    lower_lines = {t.line for t in tokens if t.names_lower}
    for li in sorted(lower_lines):
        ln = lines[li]
        seg = text[ln.start : ln.end]
        for c in [
            *patterns.dates(seg, lower_ok=True),
            *patterns.streets(seg, lower_ok=True),
            *patterns.known_orgs_lower(seg),
        ]:
            cands.append(
                Candidate(c.start + ln.start, c.end + ln.start, c.type, c.label, c.priority)
            )
    cands += context.detect(text, tokens, lines, gz)
    spans = [(lines[li].start, lines[li].end) for li in sorted(lower_lines)]
    cands += loose.orgs_and_places(text, gz, spans)
    cands += loose.numbers_and_ages(text)
    cands += loose.hyphen_places(text)
    cands += loose.small_places(text, gz)
    cands += loose.extend_of(text, cands)
    cands += safetynet.detect(text, tokens, lines, gz)
    cands += speech.detect(text, lines, gz, {t.line for t in tokens if t.names_lower})
    cands += learned.detect(text, tokens, gz, [(c.start, c.end) for c in cands])
    cands = _drop_famous_and_titles(text, cands, tokens)
    found = resolve(cands)
    found = resolve(
        found + _drop_famous_and_titles(text, propagate(text, tokens, found, gz), tokens)
    )
    found = join_places(text, found)
    found = [_given_before_surname(text, c, gz) for c in found]
    found = [t for c in found if (t := _trim_words(text, c, gz)) is not None]
    # Instruments, models and manuals named in notes ("Edinburgh Postnatal Depression Scale",
    # "Dual Process Model", "DBT Skills Training Handouts") are not identifiers, nor are
    # citations made only of authors' surnames ("Foa & Yadin").
    found = [
        c
        for c in found
        if not _instrument(text, c) and not _clinical_phrase(text, c) and not _citation(text, c)
    ]
    # Acronyms, national agencies, titles, cited authors and holidays in clinicians' prose,
    # unless a cue shows a person ("my sister", "Dr.", "named", a speaker label).
    found = [
        c
        for c in found
        if (not prose.not_identifying(text, c, gz) or _person_cue(text, c, gz))
        and not prose.role_letter(text, c)  # "Partner A": the role is the cue
    ]
    # The broad rules' findings that the phrase model is confident identify no one.
    found = phrases.filter_findings(text, found, gz, lambda c: _person_cue(text, c, gz))
    found = [_widen(text, c) for c in found]
    # A role or document word is never a name, whatever cue stands before it ("Counselor Note").
    found = [
        c
        for c in found
        if not (c.type == "NAME" and _role_not_name(text[c.start : c.end].lower(), gz))
    ]
    # Whole spans that are clinical terms or non-identifying proper nouns ("Puerto Rican").
    found = [
        c
        for c in found
        if not _non_identifying(text[c.start : c.end].lower(), c.type)
        or (c.type == "NAME" and NAMED_RE.search(text, max(0, c.start - 20), c.start))
        or (c.type == "NAME" and safetynet.kin_before(text, c.start))
        or (c.type == "NAME" and safetynet.appositive_kin_after(text, c.end))
        or (c.type == "NAME" and _listed_given_name_acts(text, c, gz))
        or (c.type == "NAME" and TITLE_BEFORE_RE.search(text, max(0, c.start - 12), c.start))
        or (c.type == "NAME" and c.label == "NAME" and c.priority >= 3 and _is_label(text, c))
        or (c.type == "NAME" and _is_label(text, c) and _label_used_as_name(text, c))
        or _city_after_place_word(text, c, gz)
    ]
    found = [
        c
        for c in found
        if c.type != "NAME"
        or not (
            _brand_verb(text[c.start : c.end])
            or _adjective_not_name(text, c)
            or _pronoun_contraction(text[c.start : c.end])
        )
    ]
    # Titles and public creators of books, shows and music ("read Explain Pain").
    found = [
        c
        for c in found
        if c.type not in ("NAME", "LOCATION", "ORGANIZATION")
        or c.priority >= 3
        or not safetynet.media_title(text, c.start, c.end, gz)
    ]
    # A business known by a possessive keeps its "'s" ("Casey's", "Denny's"); a city does not.
    found = [
        Candidate(c.start, c.end + 2, c.type, c.label, c.priority)
        if c.type in ("ORGANIZATION", "LOCATION")
        and c.label not in ("CITY", "ZIP", "STREET")
        and text[c.end : c.end + 2] in ("'s", "’s")
        and not text[c.end + 2 : c.end + 3].isalnum()
        else c
        for c in found
    ]
    # Placeholders of an earlier pass ("[CITY-1]") and diarization labels ("spk_0") are never
    # identifiers, nor are their words.
    holders = [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
    holders += [(m.start(), m.end()) for m in DIARIZED_LABEL_RE.finditer(text)]
    if holders:
        found = [c for c in found if not any(s <= c.start and c.end <= e for s, e in holders)]
    return [Finding(c.start, c.end, c.type, text[c.start : c.end], c.label) for c in found]
