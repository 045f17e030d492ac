"""Names in talk as speech recognition writes it: without capitals, often without punctuation.

Capitals carry most of the signal for names in typed text; without them these cues remain:
the answer to a name question ("and her name" / "lakshmi"), self-introductions ("it's tremaine
for anybody new"), names listed after a plural family word ("the girls hope and summer"), a name
followed by its relation as the subject ("chase my oldest is ..."), a person verb before a given
name ("talking to misty again"), and pets ("we had to put rusty down", "our dog pepper").
"""

from __future__ import annotations

import re

from app.deid import wordlists as wl
from app.deid.finding import Candidate
from app.deid.gazetteers import Gazetteers
from app.deid.patterns import DAY_ORDINAL
from app.deid.safetynet import FUNCTION_WORDS
from app.deid.spoken import NUMBER_WORD
from app.deid.tokens import Line

W = r"[a-z][a-z'’-]*[a-z]"
NAME_QUESTION_RE = re.compile(
    r"\b(?:(?:what(?:'s|’s|s| is| was)|and|get|tell me|spell)\s+(?:\w+\s+){0,2}?"
    r"(?:your|his|her|their|the)\s+(?:\w+(?:'s|’s)\s+)?(?:(?:first|last|full|middle)\s+)?name|"
    r"who(?:'s|’s| is)\s+(?:that|this|he|she)|name\s+(?:again|please)|"
    r"what\s+(?:should|can|do)\s+i\s+call\s+you|what\s+do\s+you\s+go\s+by)\b",
    re.I,
)
ANSWER_FILLERS = re.compile(
    r"(?:\s*(?:um+|uh+|yeah|yes|so|well|oh|okay|ok|it'?s|it’s|it is|my name'?s|my name is|"
    r"i'?m|this is|her name'?s|his name'?s|her name is|his name is|that'?s|thats|"
    r"just|like)\b[\s,.]*)*",
    re.I,
)
SELF_INTRO_RE = re.compile(rf"\b(?:i'?m|i’m|it'?s|it’s|this is|my name'?s)\s+(?P<n>{W})\b")
PLURAL_KIN = (
    "girls|boys|kids|children|daughters|sons|twins|grandkids|grandchildren|babies|dogs|cats|"
    "grandsons|granddaughters|brothers|sisters"
)
LIST_RE = re.compile(
    rf"\b(?:the|my|our|his|her|their)\s+(?:(?:two|three|four|little|older)\s+)?(?:{PLURAL_KIN})"
    rf"\s+(?:are\s+|were\s+)?(?P<a>{W})(?:\s*,\s*(?P<b>{W}))?\s*,?\s+and\s+(?P<c>{W})\b",
    re.I,
)
APPOSITIVE_SUBJECT_RE = re.compile(
    rf"(?:^|[,.;]\s*|\band\s+|\bbut\s+|\bso\s+|\bis\s+|\bwas\s+)(?P<n>{W})\s+(?:my|our)\s+"
    r"(?:oldest|youngest|middle|eldest|son|daughter|brother|sister|ex|husband|wife|boyfriend|"
    r"girlfriend|baby|kid|stepson|stepdaughter|cousin|best friend|dog|cat|puppy)\b(?:\s+\w+)?\s+"
    r"(?:is|was|has|had|just|keeps|kept|always|never|still|he|she|hes|shes|he's|she's|won't|"
    r"doesn't|didn't|can't)\b",
    re.I,
)
PERSON_CUE_RE = re.compile(
    r"\b(?:talking to|talked to|talks to|talk to|texting|texted|told|called|calling|dating|"
    r"married|seeing|hanging out with|hung out with|broke up with|living with|lives with|"
    r"helping|helped|message from|messages from|text from|texts from|email from|call from|"
    r"voicemail from|thank|thanks|hugged|kissed|with|and|asked|ask|tell|met|meet|"
    rf"moved in with|staying with|stayed with)\s+(?P<n>{W})"
    r"(?=\s+(?:again|too|about|and|but|so|he|she|yesterday|today|last|who|because|anymore|now|"
    r"for|that|then|back|after|before|when|i|we|said|says|with|at|to|on|in|you|me|him|her|us|"
    r"them|the|is|was|from)\b|\s*[,.?!]|\s*$)",
    re.I | re.M,
)
# "everybody calls me bird": what people call someone is a name, even a word.
EVERYONE_BEFORE_RE = re.compile(
    r"\b(?:everybody|everyone|people|folks|friends|they|y'?all|family)\s+$", re.I
)
# "me and will have been together": after "me and", a given name is a person (not "will").
ME_AND_RE = re.compile(rf"\bme\s+and\s+(?P<n>{W})\b(?!\s+(?:me|i)\b)", re.I)
CALLED_RE = re.compile(
    r"\b(?:call(?:s|ed)?\s+(?:me|him|her|them)|calling\s+(?:me|him|her)|logged\s+in\s+as|"
    r"(?:knows?|knew|known)\s+(?:me|him|her|them)\s+as|"
    r"(?<=everybody\s)calls\s+(?:my|his|her|our|their)\s+\w+|"
    r"(?<=everyone\s)calls\s+(?:my|his|her|our|their)\s+\w+|"
    rf"goes\s+by|go\s+by|went\s+by|nicknamed|named)\s+(?P<n>{W})\b",
    re.I,
)
# "the kroger pharmacy", "clean slate counseling", "little sprouts daycare": lower-case words
# before the kind of place, after "at/to/from".
LOWER_ORG_KINDS = (
    r"counseling|counselling|pharmacy|clinic|daycare|academy|elementary|college|university|"
    r"chapel|tabernacle|ministries|temple|mosque|hospital|tap|tavern|pub|grill|diner|cafe|bakery|"
    r"motel|inn|apartments|estates|manor|commons|plaza|mall|gym|fitness|salon|logistics|"
    r"construction|shelter|outreach|recovery|rehab|warriors|auto|motors|storage|lanes|"
    r"steakhouse|pizza|pizzeria|market|supermarket|foods|residential|transport|transportation|"
    r"lodge|hall|station|correctional|prison|jail|penitentiary|cemetery|hospice|seed|feed|"
    r"solutions|services|partners|alliance|coalition|network|foundation|legion|living|"
    r"residence|program|project|aid|action|team|league|club|center|centre|institute|"
    r"courthouse|prep|high|middle|farms|dairy|plant|mill|warehouse|distribution|staffing|"
    r"house|behavioral|medical|assembly|fellowship|masjid|synagogue|gardens|village|baptist|"
    r"methodist|lutheran|presbyterian|episcopal|pentecostal|barn|venue|church|parish|cathedral|"
    r"pantry|authority|ymca"
)
# "the kroger pharmacy", "clean slate counseling", "legal aid of the bluegrass": lower-case words
# before the kind of place, after "at/to/from"; an "of (the) ..." tail belongs to the name.
LOWER_ORG_RE = re.compile(
    r"\b(?:(?:at|from|with|into|outside|near|by|through|for|via|behind|in|inside|of)\s+(?:the\s+)?|"
    r"to\s+(?:the\s+)?)"
    rf"(?P<o>(?:[a-z0-9'’]+\s+){{1,3}}(?:{LOWER_ORG_KINDS})"
    r"(?:\s+of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?)\b"
)
# "my little brother will is out there", "the leader sunita made us", "my cabin mate juniper":
# a relation or role, then a given name (even one that is also a word), then what they did.
ROLE_NAME_RE = re.compile(
    r"\b(?:my|his|her|our|their|the)\s+(?:(?:little|big|older|younger|baby|twin|best|new|old|"
    r"cabin|house|group|step|half)\s+)?(?:brother|sister|son|daughter|cousin|friend|boss|"
    r"neighbor|neighbour|aunt|uncle|niece|nephew|boyfriend|girlfriend|husband|wife|partner|ex|"
    r"roommate|mate|teammate|coworker|sponsor|teacher|coach|leader|facilitator|counselor|"
    r"caseworker|manager|supervisor|nurse|lawyer|therapist|grandson|granddaughter|stepdad|"
    r"social worker|case manager|worker|advocate|pastor|priest|doctor|dentist|tutor|mentor|"
    r"landlord|sponsor|probation officer|po|attorney|psychiatrist|preceptor|recruiter|"
    r"charge nurse|coordinator|director|preacher|youth pastor|youth leader|trainer|pharmacist|"
    r"receptionist|interpreter|chaplain|principal|dietitian|aide|caregiver|babysitter|nanny|"
    rf"stepmom|stepson|stepdaughter|sponsee|bunkmate|classmate|mom|dad|mother|father|grandma|"
    rf"grandpa|grandmother|grandfather|kid|baby|son-in-law|daughter-in-law)\s+(?P<n>{W})"
    r"(?=\s+(?:is|was|has|had|and|too|who|just|always|never|made|said|says|told|asked|called|"
    r"texted|came|comes|went|goes|gets|got|keeps|kept|would|will|wants|wanted|thinks|knows|"
    r"moved|lives|lived|passed|died|started|works|worked|left|stays|stayed)\b|"
    r"\s*[,.?!]|\s*$)",
    re.I | re.M,
)
# "his brother is will which ...", "my daughter is june and": a relation named after "is".
RELATION_IS_RE = re.compile(
    r"\b(?:my|his|her|our|their)\s+(?:brother|sister|son|daughter|cousin|husband|wife|"
    rf"boyfriend|girlfriend|partner|ex|mom|dad|stepdad|stepmom|sponsor|roommate)\s+is\s+(?P<n>{W})"
    r"(?=\s+(?:which|who|and|he|she|they|but|so)\b|\s*[,.?!]|\s*$)",
    re.I | re.M,
)
# "grace with an e", "sara without the h": a name spelled out after it is said.
SPELL_NOTE_RE = re.compile(rf"\b(?P<n>{W})\s+(?:with|without)\s+(?:an?|the|two|one)\s+[a-z]\b")
# "she's at school twenty", "p s one oh four", "school number 12": a numbered school.
NUMBERED_SCHOOL_RE = re.compile(
    r"\b(?:school|p\.\s?s\.|p\s?s)\s+(?:number\s+)?"
    rf"(?:{NUMBER_WORD}\b[\s-]*){{1,4}}"
    r"(?!\s*(?:years?|months?|weeks?|days?|hours?|minutes?|times?|more|of|or|to|a\s+week)\b)",
    re.I,
)
DENOMINATIONS = wl._set("baptist, methodist, lutheran, presbyterian, episcopal, pentecostal")
MODALS = wl._set("will, may, can, might, must, shall, should, would, could, did, does")
MODAL_NAME_FOLLOW = wl._set(
    "is, was, has, had, and, too, who, said, says, told, asked, called, texted, came, went, got,"
    "keeps, kept, passed, died, left, moved, cheated, hit, took, drove, broke, lost, started,"
    "stopped, quit, yelled, threatened, pushed, kicked, punched, lives, lived, works, worked,"
    "wants, wanted, needs, needed, thinks, thought, knows, knew, says, hates, hated, loves, loved"
)
# "for toris wedding", "when i left jolenes house": a possessive written without its apostrophe.
POSSESSIVE_RE = re.compile(
    r"\b(?P<n>[a-z]{2,}s)\s+(?:house|place|wedding|party|funeral|car|truck|apartment|room|mom|"
    r"dad|mother|father|sister|brother|kids|birthday|baby|shower|graduation|trailer|boyfriend|"
    r"girlfriend|husband|wife|phone|couch)\b"
)
TITLE_NAME_RE = re.compile(
    r"\b(?:mr|mrs|ms|miss|mister|dr|doctor|coach|pastor|officer|detective|judge|professor|"
    rf"rev|reverend|rabbi|imam)\.?\s+(?P<n>{W})\b"
)
TITLE_NAME_ANY_RE = re.compile(TITLE_NAME_RE.pattern, re.I)
# "skyline chili on north main": a direction and a street name after "on".
DIRECTION_STREET_RE = re.compile(
    r"\bon\s+(?P<p>(?:north|south|east|west)\s+(?P<w>[a-z]{3,}))\b(?!\s+(?:side|end|shore|coast))"
)
PET_RE = re.compile(
    rf"\b(?:put|putting)\s+(?P<n>{W})\s+down\b|"
    r"\b(?:my|our|his|her|their|the)\s+(?:old\s+|little\s+|new\s+)?(?:dog|cat|puppy|kitten|pup|"
    rf"bunny|rabbit|horse|parrot|bird|hamster)\s+(?P<p>{W})\b",
    re.I,
)
# "um june came over saturday", "will said he'd pay": a given name that is also a word, as the
# subject of a verb only a person does.
AGENT_VERBS = (
    r"said|told|texted|called|asked|yelled|screamed|laughed|cried|hugged|punched|slapped|"
    r"kicked|cheated|lied|drove|walked|ran|married|dumped|ghosted|blocked|threatened|admitted|"
    r"explained|mentioned|insisted|wrote|posted|agreed|decided|threw|picked|showed\s+up|"
    r"came\s+over|came\s+home|went\s+home|moved\s+out|moved\s+in|says|tells|texts|keeps\s+"
    r"texting|keeps\s+calling|passed\s+away|died|was\s+like|goes|went"
)
SUBJECT_NAME_RE = re.compile(rf"\b(?P<n>{W})\s+(?:{AGENT_VERBS})\b", re.I)
SUBJECT_STOP_BEFORE = wl._set(
    "my, the, a, an, his, her, their, our, your, of, in, for, with, to, i, we, you, they, it,"
    "this, that, no, some, any, every, last, next, since, until, by, from, at, on, its, other,"
    "another, same, old, young, little, big, nice, whole, one"
)
SUBJECT_NOT_NAMES = wl._set("guy, man, buddy, dude, kid, baby, boy, girl, lady, sonny, honey")
# "working nights at the kindred", "my english teacher at whetstone": where someone works or
# studies, even when the name is an everyday word.
WORK_AT_RE = re.compile(
    r"\b(?:work|works|worked|working|job|shift|shifts|hired|employed|nights|overnights|teacher|"
    r"coach|counselor|nurse|doctor|principal|manager|boss|supervisor|break\s+room|volunteer|"
    r"volunteering|student|students|cashier|custodian|janitor|cook|server)\s+(?:\w+\s+){0,2}?"
    rf"at\s+(?:the\s+)?(?P<o>{W})\b"
)
WORK_AT_NOT = wl._set(
    "home, work, school, night, nights, church, night, all, least, most, first, last, times,"
    "noon, midnight, lunch, dinner, night, store, gym, hospital, clinic, office, mall, plant,"
    "warehouse, factory, restaurant, bar, diner, cafe, shop, bank, daycare, college, university,"
    "same, moment, place, job, front, back, desk, counter, register, door, bottom, top, end, time,"
    "airport, hotel, motel, casino, prison, jail, pharmacy, grocery, gas, station, farm, ranch,"
    "site, shelter, library, pool, park, zoo, laundromat, salon, dealership, coffee, pizza, post,"
    "hardware, nursing, daycare, senior, county, city, state, federal, local, front, new, old"
)
WORK_AT_KIND_AFTER = re.compile(
    r"\s+(?:place|shop|store|spot|joint|stand|truck|center|office|plant|home|house)\b"
)
# "me and jayden and lil t", "my cousin lil man", "big steve": nicknames made with lil/big.
NICKNAME_RE = re.compile(r"\b(?P<n>(?:lil|li'l|big)\s+(?P<w>[a-z]{1,12}))\b", re.I)
LIL_WORDS = wl._set("man, mama, sis, bro, g, d, t, j, k, b, c, e, m, p, r, s, x, z")
# "art how about you", "ellis, want to start?": a name called on to take a turn in a group.
TURN_RE = re.compile(
    rf"^\s*(?P<n>{W}),?\s+(?:how\s+about\s+you|what\s+about\s+you|(?:do\s+)?you\s+want\s+to\s+"
    r"(?:start|go|share)|want\s+to\s+(?:start|go|share)|go\s+ahead|your\s+turn)\b",
    re.I,
)
# "jaden is eleven hope is eight", "and bear is the dog": a child's age or a pet named in a list.
AGE_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|[1-9]|1\d|20"
)
AGE_IS_RE = re.compile(
    rf"\b(?P<n>{W})\s+(?:is|was|just\s+turned|turned|turns|is\s+gonna\s+be|will\s+be)\s+"
    rf"(?:{AGE_WORDS})\b(?!\s*(?:percent|dollars|bucks|times|minutes|hours|days|weeks|months|"
    r"o'?clock|am|pm|of|out|in|at|to|for|on|thousand|hundred|more|less|and\s+a\s+half)\b)",
    re.I,
)
AGE_LEAD_RE = re.compile(
    rf"(?:^|[,;:]|\b(?:and|so|um|uh|like|then|plus|now|but|{AGE_WORDS}))\s*$", re.I
)
PET_IS_RE = re.compile(
    rf"\b(?P<n>{W})\s+(?:is|was|'s)\s+(?:the|our|my|his|her|their)\s+(?:dog|cat|puppy|kitten|"
    r"bunny|rabbit|hamster|bird|parrot|horse)\b",
    re.I,
)
NOT_NAMES = wl._set(
    "him, her, it, them, me, us, you, the, my, his, their, our, your, this, that, these, those,"
    "everything, something, nothing, anything, everyone, someone, anyone, nobody, somebody, all,"
    "is, was, and, but, so, or, who, what, when, then, there, here, out, up, in, on, at, to,"
    "again, too, now, just, really, like, um, uh, yeah, okay, ok, no, not, never, always, home,"
    "back, away, down, over, last, first, one, two, a, an, because, he, she, they, we, i, its,"
    "still, even, also, about, fine, good, bad, sorry, sure, right, well, done, gone, here's,"
    "died, passed, has, had, have, does, did, got, gets, went, goes, said, says, bit, barks,"
    "sleeps, needs, loves, hates, was, were, being, been, named, called"
)


# Words of ORG_STOP_FIRST that also open a name when a word of its own follows ("new hope
# church", "first baptist", "community action of the north shore").
ORG_NAME_FIRST = wl._set("new, old, family, community, big, little")
ORG_STOP_FIRST = wl._set(
    "the, a, an, my, our, his, her, their, your, this, that, local, new, old, big, little, same,"
    "other, closest, nearest, only, one, two, every, some, any, no, free, cheap, open, 24, hour,"
    "some, kind, of, like, um, uh, just, really, school, hospital, family, community, public,"
    "private, state, county, city, walk-in, urgent, animal, pet, sports, coffee, nail, hair,"
    "chinese, mexican, italian, thai, indian, japanese, sushi, fast, food, gas, grocery, dive,"
    "mental, health, behavioral, methadone, suboxone, detox, outpatient, inpatient, day, night,"
    "catholic, christian, orthodox, evangelical, nondenominational, muslim, jewish, mormon, lds,"
    "korean, vietnamese, filipino, african, haitian, polish, spanish, black, ethiopian, arabic"
)


def _plain(w: str) -> bool:
    w = w.lower()
    return (
        w in NOT_NAMES
        or w in wl.ROLE_WORDS
        or w in wl.APOSTROPHE_LESS
        or (w.endswith("ly") and len(w) > 4)
    )


# "Will from my unit called": a given name that is also a word, then where the person is from.
FROM_GROUP_RE = re.compile(
    r"\b(?P<n>[A-Z][a-z]+) from (?:(?:my|our|his|her|their|the) )?(?:old )?(?:unit|work|job|church|"
    r"school|team|group|class|office|meeting|building|gym|squad|platoon|company|crew|shift|floor|"
    r"program|shelter|dorm|ward|support group|neighborhood|block)\b"
)


# Nicknames made of two initials ("DJ is my sister's kid", "my kuya JR"), not after an article
# or preposition ("the DJ played", "in PE").
KIN_WORDS = (
    r"brother|sister|son|daughter|cousin|kuya|ate|tita|tito|uncle|aunt|nephew|niece|friend|"
    r"boyfriend|girlfriend|husband|wife|partner|ex|dad|mom|stepdad|stepmom|grandson|buddy"
)
INITIALS_NICK_RE = re.compile(
    r"(?<![\w.])(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\bA )(?:[ABCDEKMPRT]J|J[TDPCBW]|KC)(?![\w.])"
)


# "when do you start" / "the twentieth": a bare day of the month answering when; "see you the
# third".
WHEN_QUESTION_RE = re.compile(
    r"\b(?:when|what\s+day|what\s+date|which\s+day|what\s+time)\b[^\n]*$", re.I
)
DAY_ANSWER_RE = re.compile(
    r"^[\s,.]*(?:(?:um+|uh+|so|it'?s|its|on|maybe|probably|i\s+think)[\s,]+)*the\s+"
    rf"(?P<d>{DAY_ORDINAL})\b",
    re.I,
)
SEE_YOU_DAY_RE = re.compile(rf"\bsee\s+you\s+(?:on\s+)?the\s+(?P<d>{DAY_ORDINAL})\b", re.I)


def detect(
    text: str, lines: list[Line], gz: Gazetteers, lower_lines: set[int] | None = None
) -> list[Candidate]:
    """Name candidates from the cues above (lower-case lines, and name answers in any case).
    ``lower_lines`` are the lines read as a recognizer's, with names in lower case (by default,
    the lines without capitals)."""
    out: list[Candidate] = []
    for m in INITIALS_NICK_RE.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        term = re.search(r"\b(?:in|at|to|of|for|on|from|my|his|her)[ \t]+$", before)
        if not term or re.search(rf"\b(?:{KIN_WORDS})[ \t]+$", before, re.I):
            out.append(Candidate(m.start(), m.end(), "NAME", "NAME", 2))
    for m in FROM_GROUP_RE.finditer(text):
        if m.group("n").lower() in gz.first and not _plain(m.group("n")):
            out.append(Candidate(m.start("n"), m.end("n"), "NAME", "NAME", 2))
    for i, ln in enumerate(lines):
        body = text[ln.body_start : ln.end]
        lower = body == body.lower() or (lower_lines is not None and i in lower_lines)
        if i > 0:
            prev = lines[i - 1]
            if NAME_QUESTION_RE.search(text[prev.body_start : prev.end]):
                out += _answer(text, ln.body_start, ln.end, gz)
            day = DAY_ANSWER_RE.match(body)
            if day and WHEN_QUESTION_RE.search(text[prev.body_start : prev.end]):
                s0 = ln.body_start + day.start("d")
                out.append(Candidate(s0, ln.body_start + day.end("d"), "DATE", "DATE", 3))
        for m in SEE_YOU_DAY_RE.finditer(body):
            s0 = ln.body_start + m.start("d")
            out.append(Candidate(s0, ln.body_start + m.end("d"), "DATE", "DATE", 3))
        if not lower:
            out += _lower_names_in_cased(body, ln.body_start, gz)
            continue
        for m in SELF_INTRO_RE.finditer(body):
            n = m.group("n").lower()
            if n in gz.first and n not in gz.common and not _plain(n):
                out.append(_cand(ln.body_start, m, "n"))
        for m in LIST_RE.finditer(body):
            names = [g for g in ("a", "b", "c") if m.group(g)]
            words = [m.group(g).lower() for g in names]
            known = any(w in gz.first for w in words)
            ok = all(w in gz.first or w not in gz.common for w in words)
            if known and ok and not any(_plain(w) for w in words):
                out += [_cand(ln.body_start, m, g) for g in names]
        for m in APPOSITIVE_SUBJECT_RE.finditer(body):
            pet = re.search(r"\b(?:dog|cat|puppy)\b", m.group(0)) is not None
            if (pet or m.group("n").lower() in gz.first) and not _plain(m.group("n")):
                out.append(_cand(ln.body_start, m, "n"))
        for m in ROLE_NAME_RE.finditer(body):
            n = m.group("n").lower()
            follow = re.match(r"\s+(\w+)", body[m.end() :])
            if n in MODALS and (not follow or follow.group(1).lower() not in MODAL_NAME_FOLLOW):
                continue  # "my sister will never listen"
            if (n in gz.first or n not in gz.common) and not _plain(n) and n not in gz.regions:
                out.append(_cand(ln.body_start, m, "n"))
        for m in PERSON_CUE_RE.finditer(body):
            n = m.group("n").lower()
            if n in gz.first and n not in gz.frequent and not _plain(n):
                out.append(_cand(ln.body_start, m, "n"))
        for m in RELATION_IS_RE.finditer(body):
            n = m.group("n").lower()
            if n in gz.first and n not in gz.frequent and not _plain(n) and n not in MODALS:
                out.append(_cand(ln.body_start, m, "n"))
            elif n in MODALS and gz.first.get(n) == 1:
                out.append(_cand(ln.body_start, m, "n"))  # "his brother is will which ..."
        for m in SPELL_NOTE_RE.finditer(body):
            if m.group("n").lower() in gz.first and not _plain(m.group("n")):
                out.append(_cand(ln.body_start, m, "n"))
        for m in NUMBERED_SCHOOL_RE.finditer(body):
            end = m.start() + len(m.group(0).rstrip(" -"))
            s0 = ln.body_start + m.start()
            out.append(Candidate(s0, ln.body_start + end, "ORGANIZATION", "SCHOOL", 3))
        for m in CALLED_RE.finditer(body):
            n = m.group("n").lower()
            # "calls me every sunday", "called him since": a frequent word is not the name
            # ("they call me big mike": the name follows it).
            by_name = re.match(r"(?:goes|go|went)\s+by|nicknamed|named", m.group(0), re.I) or (
                EVERYONE_BEFORE_RE.search(body, max(0, m.start() - 20), m.start()) is not None
            )
            if n in gz.frequent and not by_name and not _first_follows(body, m.end("n"), gz):
                continue
            if not _plain(n) and n not in gz.regions:
                out.append(_cand(ln.body_start, m, "n"))
        for m in LOWER_ORG_RE.finditer(body):
            name = m.group("o")
            tail = re.search(r"\s+of\s+(?:the\s+)?(\w+)(?:\s+(\w+))?$", name)
            if tail and not any(
                re.fullmatch(LOWER_ORG_KINDS, w) for w in name[: tail.start()].split()
            ):
                tail = None  # "sons of italy lodge": the kind closes the name
            if tail and (_plain(tail.group(1)) or tail.group(1) in FUNCTION_WORDS):
                name = name[: tail.start()]  # "at the clinic of my ..."
            elif (
                tail
                and tail.group(2)
                and (_plain(tail.group(2)) or tail.group(2) in FUNCTION_WORDS)
            ):
                name = name[: tail.start(2)].rstrip()  # "legal aid of the valley said"
            words = name.split()
            kind_at = (
                next(k for k, w in enumerate(words) if re.fullmatch(LOWER_ORG_KINDS, w) and k > 0)
                if any(re.fullmatch(LOWER_ORG_KINDS, w) for w in words[1:])
                else len(words) - 1
            )
            head = words[:kind_at]
            if (
                not head
                or all(w in ORG_STOP_FIRST for w in head)
                or (head[0] in ORG_STOP_FIRST and head[0] not in ORG_NAME_FIRST)
            ):
                continue  # "at the local pharmacy", "to my old gym" (but "new life church")
            inner = [
                w
                for k, w in enumerate(head)
                if not (w in ("and", "&", "of") and 0 < k < len(head) - 1)
            ]
            if words[kind_at] in DENOMINATIONS:
                inner = [w for w in inner if w not in ("first", "second", "third", "mt", "mount")]
            plain = [w for w in inner if _plain(w)]
            if (
                any(w in FUNCTION_WORDS for w in inner)
                or (bool(inner) and _plain(inner[0]))
                or 2 * len(plain) > len(inner)
            ):
                continue  # "to say i wasnt college material" (but "feed and seed", "sons of
                # italy lodge" and "marion county family services" are names)
            s = ln.body_start + m.start("o")
            out.append(Candidate(s, s + len(name), "ORGANIZATION", "ORG", 1))
        for m in TITLE_NAME_RE.finditer(body):
            n = m.group("n").lower()
            known = n in gz.first or n in gz.surname_rank or n not in gz.common
            if n in gz.frequent:
                continue  # "the judge gave him", "what do you miss most"
            if known and not _plain(n) and n not in MODALS and n not in wl.RELATION_WORDS:
                out.append(_cand(ln.body_start, m, "n"))
        for m in DIRECTION_STREET_RE.finditer(body):
            if m.group("w") not in FUNCTION_WORDS and not _plain(m.group("w")):
                s0 = ln.body_start + m.start("p")
                out.append(Candidate(s0, ln.body_start + m.end("p"), "LOCATION", "STREET", 1))
        for m in POSSESSIVE_RE.finditer(body):
            stem = m.group("n")[:-1]
            if stem in gz.first and stem not in gz.common and not _plain(stem):
                out.append(_cand(ln.body_start, m, "n"))
        for m in WORK_AT_RE.finditer(body):
            o = m.group("o").lower()
            if (
                o not in WORK_AT_NOT
                and o not in FUNCTION_WORDS
                and o not in wl.NUMBER_WORDS
                and o not in wl.WEEKDAYS
                and not _plain(o)
                and WORK_AT_KIND_AFTER.match(body, m.end("o")) is None
            ):
                s0 = ln.body_start + m.start("o")
                out.append(Candidate(s0, s0 + len(o), "ORGANIZATION", "EMPLOYER", 2))
        for m in NICKNAME_RE.finditer(body):
            w = m.group("w").lower()
            lil = not m.group("n").lower().startswith("big")
            if (w in gz.first and not _plain(w)) or (lil and w in LIL_WORDS):
                out.append(_cand(ln.body_start, m, "n"))
        if (m := TURN_RE.match(body)) and m.group("n").lower() in gz.first:
            out.append(_cand(ln.body_start, m, "n"))
        for m in SUBJECT_NAME_RE.finditer(body):
            n = m.group("n").lower()
            prev = re.search(r"([a-z']+)\s+$", body[max(0, m.start() - 20) : m.start()])
            verb = " ".join(body[m.end("n") : m.end()].split()).lower()
            month_like = n in wl.MONTHS and verb in ("goes", "went")  # "june went by so fast"
            if (
                gz.first.get(n) == 1
                and (n in gz.common or n in wl.MONTHS)
                and not _plain(n)
                and n not in wl.NEVER_NAMES
                and not month_like
                and n not in SUBJECT_NOT_NAMES
                and not (prev and prev.group(1) in SUBJECT_STOP_BEFORE)
            ):
                out.append(_cand(ln.body_start, m, "n"))
        for m in ME_AND_RE.finditer(body):
            n = m.group("n").lower()
            if n in gz.first and not _plain(n) and n not in wl.NEVER_NAMES:
                out.append(_cand(ln.body_start, m, "n"))
        for m in AGE_IS_RE.finditer(body):
            n = m.group("n").lower()
            lead = AGE_LEAD_RE.search(body, max(0, m.start() - 12), m.start())
            if lead and n in gz.first and not _plain(n) and n not in wl.NEVER_NAMES:
                out.append(_cand(ln.body_start, m, "n"))
        for m in PET_IS_RE.finditer(body):
            n = m.group("n").lower()
            if not _plain(n) and n not in wl.NEVER_NAMES and n not in FUNCTION_WORDS:
                out.append(_cand(ln.body_start, m, "n"))
        for m in PET_RE.finditer(body):
            g = "n" if m.group("n") else "p"
            pet = m.group(g).lower()
            if pet in gz.frequent and pet not in gz.first and pet not in wl.RELATION_WORDS:
                continue  # "i talk to my cat more than people"
            if not _plain(m.group(g)):
                out.append(_cand(ln.body_start, m, g))
    return out


def _lower_names_in_cased(body: str, offset: int, gz: Gazetteers) -> list[Candidate]:
    """In a line with capitals, a name some recognizers leave in lower case ("I told shivon",
    "with dr nwosu", "my sponsor jo ellen"): after a title, role or person verb, and never an
    ordinary word."""
    out: list[Candidate] = []
    for rx in (TITLE_NAME_ANY_RE, ROLE_NAME_RE, PERSON_CUE_RE):
        for m in rx.finditer(body):
            n = m.group("n")
            low = n.lower()
            if not n.isalpha() or not n.islower() or low in gz.common or low in gz.regions:
                continue  # not "she's", "two-factor", or an ordinary word
            if _plain(low) or (rx is not TITLE_NAME_ANY_RE and low not in gz.first):
                continue  # after a role or verb, only a known given name ("told shivon")
            if (len(low) < 3 and low not in gz.first) or low in wl.MONTHS or low in wl.WEEKDAYS:
                continue
            out.append(_cand(offset, m, "n"))
    return out


def _first_follows(body: str, end: int, gz: Gazetteers) -> bool:
    m = re.match(r"\s+([a-z]+)", body[end:])
    return bool(m) and gz.first.get(m.group(1)) == 1 and m.group(1) not in gz.frequent


def _cand(offset: int, m: re.Match[str], group: str) -> Candidate:
    return Candidate(offset + m.start(group), offset + m.end(group), "NAME", "NAME", 2)


def _answer(text: str, start: int, end: int, gz: Gazetteers) -> list[Candidate]:
    """The first one or two words of an answer to a name question ("lakshmi", "it's corinne",
    "yesenia quintero nine fourteen ...")."""
    m = ANSWER_FILLERS.match(text, start, end)
    pos = m.end() if m else start
    out: list[Candidate] = []
    for w in re.finditer(r"[A-Za-z][A-Za-z'’-]*", text[pos:end]):
        low = w.group(0).lower()
        known = low in gz.first or low in gz.surname_rank or low not in gz.common
        if out and text[out[-1].end : pos + w.start()] != " ":
            break  # only a name said right after the first
        if _plain(low) or low in wl.MONTHS or low in wl.NUMBER_WORDS or not known or len(low) < 2:
            break
        out.append(Candidate(pos + w.start(), pos + w.end(), "NAME", "NAME", 2))
        if len(out) == 2:
            break
    return out
