"""Looser pattern rules: organizations and places known only by position, and bare identifiers.

Capitalized phrases after "at"/"works for", org spans extended over "of (the) X", police and
fire departments, "<State> State", teams before "team", street intersections, ZIPs after a state
name, ages over 89 with softer cues ("Mom's 94", "lived to ninety-one"), numeric ordinals after
"the", "12.24"-style dates after a date preposition, cue-less mixed letter/digit IDs, licence
numbers after a credential, and social handles without "@". ``small_places``: rural boxes,
numbered posts/engines, hospital wings, "the X place", MLK, spoken routes, possessive
businesses and ", lot 14".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.deid import wordlists as wl
from app.deid.finding import Candidate
from app.deid.gazetteers import Gazetteers, load
from app.deid.patterns import AGE_NUM

US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\\s+Hampshire|"
    "New\\s+Jersey|New\\s+Mexico|New\\s+York|North\\s+Carolina|North\\s+Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode\\s+Island|South\\s+Carolina|South\\s+Dakota|Tennessee|Texas|Utah|"
    "Vermont|Virginia|Washington|West\\s+Virginia|Wisconsin|Wyoming"
)
CAP = r"[A-Z][A-Za-z'’&-]*"
STATE_SCHOOL_RE = re.compile(
    rf"\b(?:{US_STATES}|Penn|Iowa|Boise|Portland|Wayne|Kent|Ball|Weber|Sonoma|Fresno|Chico)"
    r"\s+(?:State|Tech)\b(?!\s+(?:Police|Patrol|Troopers?|Park|Prison|Penitentiary|Hospital|"
    r"Fair|Line|Capitol|Senate|House|Legislature|Highway|Route|Road|Board|Bar|Department))"
)
# "a student at georgia state", "accepted to montana state": a state university said in speech.
LOWER_STATE_SCHOOL_RE = re.compile(
    rf"\b(?:at|to|from|attends?|attended|attending|for|with)\s+(?P<s>(?:{US_STATES}|penn|boise|"
    r"portland|wayne|kent|ball|weber|sonoma|fresno|chico|san\s+jose|san\s+diego)\s+"
    r"(?:state|tech))\b(?!\s+(?:police|patrol|troopers?|park|prison|penitentiary|hospital|fair|"
    r"line|capitol|senate|house|legislature|highway|route|road|board|bar|department))",
    re.I,
)
ZIP_STATE_RE = re.compile(rf"\b(?:{US_STATES}),?\s+(?P<z>\d{{5}}(?:-\d{{4}})?)\b")
DEPT_RE = re.compile(
    rf"\b(?:{CAP}\s+){{1,3}}(?:Police|Fire|Sheriff['’]s|Sheriff)\s+(?:Department|Dept\.?|Office)"
    rf"|\b(?:Department|Dept\.?)\s+of\s+(?:{CAP}\s+){{0,2}}{CAP}"
)
ORG_OF_RE = re.compile(
    r"\b(?:Hospice|Bank|Church|Society|Friends|Sisters|Brothers|Daughters|Knights|Habitat|"
    r"House|Museum|Academy|College|Institute|Home|Homes|Boys\s+(?:&|and)\s+Girls\s+Clubs?|"
    r"Assembly|Assemblies|Temple|Congregation|Ministries|Services|Center|Centre|Clinic|"
    r"Gurdwara(?:\s+Sahib)?|Masjid|Mosque|Synagogue|Parish|Cathedral|Chapel|Mission|Shrine)"
    rf"\s+of\s+(?:the\s+)?{CAP}(?:\s+{CAP}){{0,2}}"
)
OF_TAIL_RE = re.compile(rf"\s+of\s+(?:the\s+)?{CAP}(?:\s+{CAP}){{0,2}}")
TEAM_RE = re.compile(
    rf"\b(?P<o>(?:{CAP}\s+){{1,2}}{CAP})\s+(?:[a-z]+\s+)?(?:team|squad|club|league)\b"
)
AT_CAP_RE = re.compile(rf"\b(?:at|for)[ \t]+(?:the[ \t]+)?(?P<o>{CAP}(?:[ \t]+(?:{CAP}|of|&))*)")
WORK_VERB_RE = re.compile(
    r"\b(?:work|works|worked|working|drive|drives|drove|driving|deliver|delivers|delivered|"
    r"delivering|job|jobs|shift|shifts|hired|fired|laid|employed|volunteer|volunteers|"
    r"volunteered|intern|interned|manager|cashier|barista|clerk|nurse|teacher|till\s+close|"
    r"quit|applied|apply|interview|interviewed|cook|server|bartend|bartends|bartender)\b",
    re.IGNORECASE,
)
ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
INTERSECTION_RE = re.compile(
    r"\b(?:on|at|off|of|near|by)\s+(?P<s>(?P<a>[A-Za-z]+|\d+(?:st|nd|rd|th))\s+(?:and|&)\s+"
    rf"(?P<b>\d+(?:st|nd|rd|th)|{ORDINALS}))\b"
)
# "at adena": an unknown word after "at" (businesses named by their kind are in speech.py).
LOWER_AT_RE = re.compile(r"\bat\s+(?P<w>[a-z]{4,})\b")
LOWER_SAINT_RE = re.compile(r"\b(?:st|saint)\.?\s+[a-z]{3,}s\b(?!\s+(?:st|street|ave|road|rd))")
LOWER_STREET_RE = re.compile(
    r"\b(?:on|off|lives\s+on|live\s+on)\s+(?P<s>[a-z]+\s+(?:ave|st|rd|dr|ln|blvd|ct|pkwy))\b"
)
AGE_SOFT_RE = re.compile(
    r"(?:['’]s|\bis|\bwas|\bturns|\bturned|\blived\s+to|\blive\s+to|\bmade\s+it\s+to|\bdied\s+at|"
    r"\bbeen|\bbe|\bwere|\bare|\bam|\bhes|\bshes|\byoure|\bim|['’]m|['’]re|\breached|\breach|"
    r"\bhit|\bturning|\bturn|\bmake\s+it\s+to|"
    r"\bpassed\s+at|\bat\s+age|\bage)\s+"
    rf"(?P<n>{AGE_NUM})\b(?!\s*(?:%|percent|mg|minutes|pounds|lbs|dollars|degrees|miles|times|"
    r"days|hours|people|of|points|calls|texts))"
    rf"|^(?:[^\n]{{0,60}}?:[ \t]*)?(?P<m>{AGE_NUM})\s+years\s+of\b",
    re.IGNORECASE | re.MULTILINE,
)
AGE_PERSON_RE = re.compile(
    r"\b(?:mom|mother|dad|father|grandma|grandpa|grandmother|grandfather|nana|papa|aunt|uncle|"
    r"she|he|her|his|husband|wife|neighbor|gran|granny|abuela|abuelo|nonna|lived|died|old|"
    r"oldest|years|birthday|born|outlived|age)\b",
    re.IGNORECASE,
)
# "Ninety-one in May." / "A hundred and two." as an answer after an age cue.
SPELLED_AGE_RE = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))(?P<n>(?:[Nn]inety(?:[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|(?:[Aa]|[Oo]ne)\s+hundred(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve))?))(?=\s*[.!?]|\s+(?:in|this|next|on|last)\b|[ \t]*$)",
    re.MULTILINE,
)
# "104." alone, near a word about age ("the oldest patient they've ever had. 104.").
DIGIT_AGE_ALONE_RE = re.compile(r"(?:^|(?<=[.!?:]\s)|(?<=\n))(?P<n>9\d|1[01]\d)(?=[.!?])", re.M)
AGE_WORD_RE = re.compile(
    r"\b(?:old|oldest|age|aged|birthday|turned|turns|born|years|outlived|centenarian)\b", re.I
)
# "99. He says..." as the first words of the reply to "How old is he?".
DIGIT_AGE_ANSWER_RE = re.compile(
    r"^(?:[^\n:]{0,30}:[ \t]*)?(?:(?:uh|um|oh|well|like|about|almost|nearly|he's|she's)[ ,]+)?"
    r"(?P<n>9\d|1[01]\d)(?=[ \t]*(?:[.!,]|$|in\b|this\b|next\b|last\b))",
    re.MULTILINE | re.IGNORECASE,
)
AGE_QUESTION_RE = re.compile(r"\b(?:how\s+old|what\s+age|his\s+age|her\s+age|age\?)", re.I)
AGE_CUE_BEFORE_RE = re.compile(
    r"\b(?:how\s+old|age|aged|birthday|turn(?:s|ed|ing)?|years?\s+old|\d{2,3}|born|"
    r"old\s+(?:is|was|are))\b",
    re.I,
)
THE_ORD_RE = re.compile(r"\b[Tt]he\s+(?P<d>(?:[12]?\d|3[01])(?:st|nd|rd|th))\b")
ORD_NOT_DATE = wl._set(
    "time, times, grade, grader, graders, floor, place, step, steps, round, one, ones, percent,"
    "percentile, century, amendment, street, st, avenue, ave, inning, hole, try, attempt, row,"
    "period, birthday, anniversary, session, sessions, week, day, year, month, person, kid,"
    "child, baby, pick, draft, precinct, ward, district, congressional, chapter, edition"
)
DOT_DATE_RE = re.compile(
    r"\b(?:on|since|until|till|by|from|before|after)\s+(?P<d>(?:0?[1-9]|1[0-2])\.(?:[0-2]\d|3[01]))"
    r"(?![\d.]|\s*(?:mg|miles|percent|%|dollars|bucks|hours|an\s+hour|pounds|lbs))"
)
MIXED_ID_RE = re.compile(r"(?<![\w@./-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9-]{7,}(?![\w@])")
# Digit groups read out without a cue ("it's, uh, YHM 8830 1246"): seven digits or more in groups
# of three or more, optionally after a short capital prefix; not money, times or year ranges.
GROUPED_NUM_RE = re.compile(
    r"(?<![\w$.,/@:-])(?:[A-Z]{1,4}[ -]?)?\d{2,6}(?:[ -]\d{2,6}){1,4}(?:[ -][A-Z](?![\w'’]))?"
    r"(?![\w%]|[.,:]\d|\s*(?:dollars|bucks))"
)
LAST_DIGITS_RE = re.compile(r"(?<![\w$.,/@:-])\d{4}(?![\w%]|[.,:]\d)")
LAST_DIGITS_CUE_RE = re.compile(r"\blast\s+(?:four|4)\b|\bend(?:s|ing)\s+(?:in|with)\b", re.I)
DIGITS_OWNER_RE = re.compile(
    r"\b(?:social|ssn|card|account|digits|number|phone|license|licence|plate|id)\b", re.I
)
UNION_LOCAL_RE = re.compile(r"\b(?:[A-Z][A-Za-z'’]+\s+){1,3}Local\s+\d{1,4}\b")
PLATE_RE = re.compile(r"(?<![\w-])[A-Z0-9]{2,4}[ -][A-Z0-9]{2,4}(?![\w-])")
PLATE_CUE_RE = re.compile(r"\b(?:plates?|tags?|licen[cs]e|registration)\b", re.I)
# Initials used as a name ("J.T."), not the usual dotted abbreviations.
INITIALS_RE = re.compile(r"(?<![\w.])[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?![\w])")
NOT_INITIALS = frozenset(
    re.findall(
        r"\S+",
        "U.S. U.K. D.C. A.M. P.M. I.E. E.G. P.S. B.S. B.A. M.A. M.S. R.N. N.P. P.A. M.D. J.D. U.N."
        " E.U. O.K. T.V. A.A. N.A. P.O. L.A. N.Y. D.O. G.P. I.Q. A.D. B.C. V.A. S.O. E.R. I.D.",
    )
)
LONG_NUM_RE = re.compile(
    r"(?<![\w$.,/@-])\d{5,}(?![\w%]|[.,]\d|\s*(?:dollars|bucks|people|steps|a\s+(?:year|month)|"
    r"calories|miles|feet|followers|views|likes|points|words|per|an\s+hour|k\b))"
)
CRED_ID_RE = re.compile(
    r"\b(?:LPC|LCSW|LMFT|LMHC|LCPC|LPCC|LCDC|CADC|LADC|NPI|DEA|RN|LPN|LSW|LICSW|PsyD|license|"
    r"licence|lic\.?)[.\s]*(?:(?:number|no\.?|num)\s*)?(?:is\s+|was\s+|:\s*)?#?\s*"
    r"(?P<v>[A-Z]{0,3}-?\d{4,}[A-Z]?)\b",
    re.IGNORECASE,
)
HANDLE_CUE_RE = re.compile(
    r"\b(?:insta|instagram|ig|snap|snapchat|tiktok|twitter|handle|username|user\s+name|"
    r"gamertag|screen\s*name|discord|name\s+on\s+there|venmo|cash\s*app|cashtag|paypal|"
    r"psn|steam|twitch|@)\s*(?:name\s+)?"
    # "my username on the forum is ...", "her handle there was ..."
    r"(?:(?:on|in|for)\s+(?:the\s+|my\s+|his\s+|her\s+|their\s+)?\w+\s+|there\s+)?"
    r"(?:is|was|:)\s+"
    r"(?P<h>[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*)"
    # An unambiguous handle word may also be followed by a comma ("his gamertag, Name42").
    r"|\b(?:gamertag|username|user\s+name|screen\s*name|handle)\s*,\s+"
    r"(?P<h2>(?=[\w.-]*(?:\d|[a-z][A-Z]))[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*)",
    re.IGNORECASE,
)
PLATFORM_HANDLE_RE = re.compile(
    r"(?<![\w/])u/[A-Za-z0-9_-]{3,}|(?<![\w#])[A-Za-z0-9_.]{2,32}#\d{4}\b(?![\w/])"
)
HANDLE_TALK_RE = re.compile(
    r"\b(?:account|accounts|handle|username|user name|profile|page|insta|instagram|snap|"
    r"snapchat|tiktok|twitter|gamertag|discord|venmo)\b",
    re.I,
)
TO_VENUE_RE = re.compile(
    r"(?:\b(?:to|from|outside|near|at)[ \t]+|^[^:\n]{1,20}:[ \t]+)(?P<o>[A-Z][a-z]+['’]s)", re.M
)
VENUE_AFTER_RE = re.compile(
    r"\s+(?:for\s+(?:pizza|burgers|breakfast|brunch|lunch|dinner|drinks|a\s+drink|a\s+beer|beers|"
    r"coffee|wings|tacos|ice\s+cream|karaoke|trivia|happy\s+hour)|on\s+[A-Z]|in\s+[A-Z]|"
    r"downtown|by\s+the)|,\s+(?:at|on)\s+[A-Z]"
)
HYPHEN_HANDLE_RE = re.compile(
    r"(?<![\w@.-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){1,4}(?<=\d)(?![\w@-])"
)
DOTTED_HANDLE_RE = re.compile(r"(?<![\w@.])[a-z0-9]+(?:[._][a-z0-9]+){1,4}(?![\w@]|\.\w)")


# Chains named with a number ("the Motel 6 off I-35", "a super eight on airline highway"): the
# branch is found with the street after it.
NUMBERED_CHAIN_RE = re.compile(
    r"\b(?:motel[ \t]+(?:6|six)|super[ \t]+(?:8|eight)|studio[ \t]+(?:6|six)|7-eleven|"
    r"seven[ \t]+eleven)\b(?=[ \t]+(?:on|off|in|at|by|near)\b)",
    re.I,
)


def orgs_and_places(
    text: str, gz: Gazetteers, lower_lines: list[tuple[int, int]]
) -> Iterator[Candidate]:
    """Organizations and places that carry no suffix of their own."""
    for m in NUMBERED_CHAIN_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "ORG", 2)  # joined with its street
    for m in STATE_SCHOOL_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "SCHOOL", 4)
    for m in LOWER_STATE_SCHOOL_RE.finditer(text):
        yield Candidate(m.start("s"), m.end("s"), "ORGANIZATION", "SCHOOL", 4)
    for m in ZIP_STATE_RE.finditer(text):
        yield Candidate(m.start("z"), m.end("z"), "LOCATION", "ZIP", 4)
    for m in DEPT_RE.finditer(text):
        s = _skip_stop(text, m.start(), m.end())
        if len(text[s : m.end()].split()) >= 2:
            yield Candidate(s, m.end(), "ORGANIZATION", "ORG", 3)
    for m in ORG_OF_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "ORG", 2)
    for m in TEAM_RE.finditer(text):
        s = _skip_stop(text, m.start("o"), m.end("o"))
        if s < m.end("o"):
            yield Candidate(s, m.end("o"), "ORGANIZATION", "TEAM", 3)
    for m in TO_VENUE_RE.finditer(text):
        if VENUE_AFTER_RE.match(text, m.end()):
            yield Candidate(m.start("o"), m.end(), "LOCATION", "PLACE", 2)  # "to Buddy's for pizza"
    for m in AT_CAP_RE.finditer(text):
        words = m.group("o").split()
        while words and words[-1] in ("of", "&"):
            words.pop()
        words = words[:4]
        if len(words) == 1 and words[0].endswith(("'s", "’s")):
            base = words[0][:-2].lower()
            after = text[m.start("o") + len(words[0]) : m.start("o") + len(words[0]) + 40]
            venue = VENUE_AFTER_RE.match(after) is not None  # "to Buddy's for pizza"
            if not venue and (base in gz.first or base in wl.RELATION_WORDS or base in gz.common):
                continue  # "at Maggie's": a person's home, found as a name
            s = m.start("o")
            yield Candidate(s, s + len(words[0]), "ORGANIZATION", "EMPLOYER", 1)
            continue  # "at Bellini's": a restaurant or shop
        work = WORK_VERB_RE.search(text, max(0, m.start() - 40), m.start()) is not None
        if not words or _not_org(words, gz, work):
            continue
        if m.group(0).startswith("for") and not work:
            continue
        end = m.start("o") + len(" ".join(words))
        if text[m.start("o") : end] != " ".join(words):
            end = m.start("o") + len(words[0])
        yield Candidate(m.start("o"), end, "ORGANIZATION", "EMPLOYER", 1)
    for m in INTERSECTION_RE.finditer(text):
        a, b = m.group("a").lower(), m.group("b").lower()
        if a in wl.STOP_AFTER_CUE or a in wl.WEEKDAYS or a in wl.MONTHS or b in wl.WEEKDAYS:
            continue
        yield Candidate(m.start("s"), m.end("s"), "LOCATION", "STREET", 3)
    for ls, le in lower_lines:
        seg = text[ls:le]
        for m in LOWER_AT_RE.finditer(seg):
            w = m.group("w")
            if w in gz.common or w in wl.STOP_AFTER_CUE or w in gz.first:
                continue
            yield Candidate(ls + m.start("w"), ls + m.end("w"), "ORGANIZATION", "ORG", 2)
        for m in LOWER_SAINT_RE.finditer(seg):
            yield Candidate(ls + m.start(), ls + m.end(), "ORGANIZATION", "ORG", 3)
        for m in LOWER_STREET_RE.finditer(seg):
            if m.group("s").split()[0] in wl.STOP_AFTER_CUE:
                continue
            yield Candidate(ls + m.start("s"), ls + m.end("s"), "LOCATION", "STREET", 3)


HYPHEN_PLACE_RE = re.compile(r"\b(?:in|to|from|near|around)\s+(?P<p>[A-Z][a-z]+-[A-Z][a-z]+)\b")


RURAL_BOX_RE = re.compile(
    r"\b(?:RR|R\.R\.|Rural\s+Route|HC|Star\s+Route)\s*#?\s*\d{1,4},?\s+Box\s+#?\d{1,5}\b", re.I
)
UNIT_NUM_RE = re.compile(
    r"\b(?:(?P<a>[A-Z]{2,5}|American\s+Legion)\s+)?(?P<k>Engine|Ladder|Post|Local|Lodge|Troop|"
    r"Precinct|Station|post|local|lodge|troop)\s+#?(?P<n>\d{1,5})\b(?!\s*(?:times|minutes|%))"
)
WARD_DIR_RE = re.compile(
    r"\b(?:on|off|of|to|from|in)\s+(?P<u>\d{1,2}\s+(?:North|South|East|West))\b"
)
THE_PLACE_RE = re.compile(
    r"\bthe\s+(?P<p>(?P<n>[A-Z][a-z]+)(?:['’]s)?\s+(?:place|farm|ranch|property|homestead|"
    r"land|orchard|dairy|spread|acreage))\b"
)
MLK_RE = re.compile(r"\b(?:on|off|at|near|by)\s+(?P<s>MLK|mlk)\b(?!\s+day)", re.I)
LOWER_DIR_STREET_RE = re.compile(r"\b(?:on|off)\s+(?P<s>(?:north|south|east|west)\s+[a-z]{4,})\b")
ROUTE_WORD_RE = re.compile(
    r"\b(?:on|off|at|near|by|take|took|taking)\s+(?:the\s+)?(?P<r>(?:route|highway|hwy|rte|"
    r"county\s+road|state\s+road)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?)\b",
    re.I,
)


POSS_PLACE_RE = re.compile(
    r"\b(?:outside|near|behind|across\s+from|next\s+to|in\s+front\s+of|by|inside)\s+(?:of\s+)?"
    r"(?:the\s+)?(?P<o>[A-Z][\w’'-]*?)['’]s\b"
    r"|\b(?:the|my|our|his|her|their)\s+(?:[a-z]+\s+)?(?:gym|bar|restaurant|diner|club|store|"
    r"shop|salon|cafe|café|pub|studio|bakery|deli|bodega|pizzeria|taqueria|brewery|motel|hotel|"
    r"barbershop|bookstore|dealership|garage|daycare)"
    r"\s*,\s*(?P<a>[A-Z][\w’'-]*?(?:['’]s)?)(?=[\s,.])"
)
# A capitalized word opening a sentence and named as kin ("Heavenly is my daughter."): a name
# even when it is also an ordinary word.
NAMED_KIN_RE = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))\s*(?P<n>[A-Z][a-z]{2,})\s+(?:is|was)\s+(?:my|our|his|her)\s+"
    r"(?:(?:little|big|baby|older|younger|oldest|youngest|middle)\s+)?(?P<k>[a-z]+)\b(?![-'’])",
    re.MULTILINE,
)
KIN_SUBJECT_STOP = wl._set(
    "whose, which, whoever, whatever, whichever, nobody, none, neither, either, mine, yours,"
    "hers, ours, theirs, she, he, who, what, where, there, here, everything, nothing, family,"
    "god, jesus, mary, mama, papa, grandma, grandpa, nana, baby, honey, sweetie, buddy"
)
# A site code before the kind of site ("the DCA6 warehouse", "at PHX3 fulfillment center").
FACILITY_CODE_RE = re.compile(
    r"(?<![\w-])(?P<c>[A-Z]{2,4}\d{1,2})\s+(?:warehouse|facility|plant|hub|site|depot|"
    r"fulfillment\s+center|distribution\s+center|sort\s+center|data\s+center|terminal)\b"
)
LOT_RE = re.compile(r",\s+(?P<l>[Ll]ot\s+#?\d{1,4}[A-Z]?)\b")


def small_places(text: str, gz: Gazetteers) -> Iterator[Candidate]:
    """Rural boxes, numbered units/posts, hospital wings, 'the X place', MLK, routes,
    businesses known by a possessive ("outside O'Malley's", "the gym, Gold's"), ", lot 14"."""
    for m in POSS_PLACE_RE.finditer(text):
        g = "o" if m.group("o") else "a"
        base = m.group(g).lower().removesuffix("'s").removesuffix("’s")
        named_biz = g == "a" and m.group(g).endswith(("'s", "’s"))  # "the diner, Rosa's"
        if (
            (base in gz.first and not named_biz)
            or base in wl.RELATION_WORDS
            or (g == "o" and base in gz.common)
        ):
            continue  # "outside Maggie's": a person's home, found as a name
        end = m.end(g) + (2 if g == "o" else 0)
        yield Candidate(m.start(g), end, "ORGANIZATION", "ORG", 2)
    for m in NAMED_KIN_RE.finditer(text):
        n = m.group("n").lower()
        if n in wl.RELATION_WORDS or n in wl.STOP_AFTER_CUE or n in KIN_SUBJECT_STOP:
            continue
        if m.group("k") not in wl.RELATION_WORDS:
            continue
        yield Candidate(m.start("n"), m.end("n"), "NAME", "NAME", 3)  # "Heavenly is my daughter."
    for m in FACILITY_CODE_RE.finditer(text):
        # With the operator's possessive before it ("Amazon's ABC4") the span takes both, so a
        # shorter employer span ending inside the code cannot win the overlap.
        own = re.search(r"[A-Z][\w&.-]*['’]s\s+$", text[max(0, m.start() - 30) : m.start()])
        start = m.start() - len(own.group(0)) if own else m.start("c")
        yield Candidate(start, m.end("c"), "LOCATION", "PLACE", 3)
    for m in LOT_RE.finditer(text):
        yield Candidate(m.start("l"), m.end("l"), "LOCATION", "STREET", 2)
    for m in RURAL_BOX_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "LOCATION", "STREET", 4)
    for m in UNIT_NUM_RE.finditer(text):
        if m.group("k").islower() and not m.group("a"):
            continue  # "post 200" alone: too weak without "VFW"
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "ORG", 2)
    for m in WARD_DIR_RE.finditer(text):
        yield Candidate(m.start("u"), m.end("u"), "LOCATION", "PLACE", 2)
    for m in THE_PLACE_RE.finditer(text):
        n = m.group("n").lower()
        if n in gz.common and n not in gz.first and n not in gz.surname_rank:
            continue  # "the Big house"
        if n in wl.NONID_PROPER or n in wl.HOLIDAYS:
            continue
        yield Candidate(m.start("p"), m.end("p"), "LOCATION", "PLACE", 2)
    for m in MLK_RE.finditer(text):
        yield Candidate(m.start("s"), m.end("s"), "LOCATION", "STREET", 2)
    for m in LOWER_DIR_STREET_RE.finditer(text):
        w = m.group("s").split()[1]
        if w not in gz.common and w not in wl.STOP_AFTER_CUE:
            yield Candidate(m.start("s"), m.end("s"), "LOCATION", "STREET", 2)
    for m in ROUTE_WORD_RE.finditer(text):
        yield Candidate(m.start("r"), m.end("r"), "LOCATION", "STREET", 2)


def hyphen_places(text: str) -> Iterator[Candidate]:
    """'in Cedar-Riverside': a capitalized hyphenated compound after a place preposition."""
    for m in HYPHEN_PLACE_RE.finditer(text):
        yield Candidate(m.start("p"), m.end("p"), "LOCATION", "PLACE", 2)


def extend_of(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'Cornerstone Assembly' + ' of God', 'Krav Maga' + ' of Tempe': org spans over 'of X'."""
    out = []
    for c in cands:
        if c.type == "ORGANIZATION":
            m = OF_TAIL_RE.match(text, c.end)
            if m:
                out.append(Candidate(c.start, m.end(), c.type, c.label, c.priority))
    return out


def _skip_stop(text: str, s: int, e: int) -> int:
    while s < e:
        m = re.match(r"([\w'’.&-]+)\s*", text[s:e])
        if not m:
            return e
        w = m.group(1).lower()
        if w in STOP_FIRST or w in wl.POSSESSIVE_DETS:
            s += m.end()
        else:
            return s
    return e


STOP_FIRST = wl._set(
    "the, a, an, on, in, at, to, from, for, with, and, or, but, so, i, we, you, he, she, they,"
    "it, my, our, his, her, their, your, everyone, everybody, nobody, when, then, if, like"
)
ORG_NOT_FIRST = wl._set(
    "i, i'm, mom, dad, mom's, dad's, home, night, noon, midnight, first, least, last, once,"
    "times, work, school, church, christmas, easter, thanksgiving, therapy, group, court,"
    "mass, prom, camp, college, gma, grandma's, grandpa's, all, best, most, some, this, that"
)


def _not_org(words: list[str], gz: Gazetteers, work: bool) -> bool:
    """True if a capitalized phrase after 'at' is something other than an org or place."""
    low = [w.lower().rstrip(".'’") for w in words]
    if low == ["memorial"]:
        return False  # "at Memorial": a hospital (the holiday is "Memorial Day")
    if low[0] in ORG_NOT_FIRST or low[0] in wl.WEEKDAYS or low[0] in wl.MONTHS:
        return True
    key = " ".join(low)
    if key in gz.regions or key in wl.CLINICAL_TERMS:
        return True
    if key in wl.NONID_PROPER and not (work and key in wl.EMPLOYER_BRANDS):
        return True  # "on Instagram", but "drives for Uber"
    if len(low) == 1:
        w = low[0]
        if w in wl.HOLIDAYS or w in wl.RELATION_WORDS or w in wl.TITLES or w in wl.THEORISTS:
            return True
        if len(w) <= 2 or (words[0].isupper() and w in wl.CLINICAL_TERMS):
            return True
    if work and key in wl.EMPLOYER_BRANDS:
        return False
    return all(w in wl.NONID_PROPER or w in wl.HOLIDAYS for w in low)


_MONTH = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
# "March through June", "from Oct to Dec": both ends of a span of named months ("May" only as
# the second end, where it cannot be the modal).
MONTH_RANGE_RE = re.compile(
    rf"\b(?P<a>{_MONTH})\.?\s*(?:through|thru|to|until|till|into|[-–])\s*(?P<b>{_MONTH}|May)\b"
)


def numbers_and_ages(text: str) -> Iterator[Candidate]:
    """Ages with soft cues, ordinal/dotted dates, bare IDs, licence numbers and handles."""
    for m in MONTH_RANGE_RE.finditer(text):
        for g in ("a", "b"):
            yield Candidate(m.start(g), m.end(g), "DATE", "DATE", 2)
    for m in AGE_SOFT_RE.finditer(text):
        g = "n" if m.group("n") else "m"
        if g == "n":
            if m.group("n")[:1].isdigit():
                near = AGE_PERSON_RE.search(text[max(0, m.start() - 40) : m.end() + 30])
            else:
                # A spelled age ("she'd have been ninety-nine") may be far from its person.
                window = text[max(0, m.start() - 160) : m.end() + 40]
                near = (
                    re.match(r"(?i)(?:hes|shes|youre|im|['’]m|['’]re)\b", m.group(0))
                    or AGE_PERSON_RE.search(window)
                    or AGE_CUE_BEFORE_RE.search(window)
                    or AGE_WORD_RE.search(window)
                )
            if not near:
                continue
        yield Candidate(m.start(g), m.end(g), "AGE", "AGE", 3)
    for m in SPELLED_AGE_RE.finditer(text):
        window = text[max(0, m.start() - 120) : m.start()]
        if AGE_CUE_BEFORE_RE.search(window):
            yield Candidate(m.start("n"), m.end("n"), "AGE", "AGE", 3)
    for m in DIGIT_AGE_ALONE_RE.finditer(text):
        if AGE_WORD_RE.search(text, max(0, m.start() - 120), m.start()):
            yield Candidate(m.start("n"), m.end("n"), "AGE", "AGE", 3)
    for m in DIGIT_AGE_ANSWER_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start())
        prev_line = text[text.rfind("\n", 0, max(line_start, 0)) + 1 : max(line_start, 0)]
        if line_start >= 0 and AGE_QUESTION_RE.search(prev_line):
            yield Candidate(m.start("n"), m.end("n"), "AGE", "AGE", 3)
    for m in THE_ORD_RE.finditer(text):
        if re.match(r"\s+of\s+(?:next|this|last|every|each)\s+month", text[m.end() :]):
            continue  # "the 3rd of next month"
        nxt = re.match(r"\s*([A-Za-z]+)", text[m.end() : m.end() + 20])
        if nxt and nxt.group(1).lower() in ORD_NOT_DATE:
            continue
        yield Candidate(m.start("d"), m.end("d"), "DATE", "DATE", 2)
    for m in DOT_DATE_RE.finditer(text):
        yield Candidate(m.start("d"), m.end("d"), "DATE", "DATE", 3)
    for m in MIXED_ID_RE.finditer(text):
        v = m.group(0).strip("-")
        if sum(ch.isdigit() for ch in v) >= 4 and not re.fullmatch(r"[A-Z]+-\d{1,4}", v):
            yield Candidate(m.start(), m.start() + len(v), "ID", "ID", 2)
    for m in LAST_DIGITS_RE.finditer(text):
        # "the last four of my social, so I said 4417": the cue earlier in the sentence
        # the cue in the same line, or in the question just before ("the last four of your
        # social?" / "Yeah, 6621.")
        line_start = text.rfind("\n", 0, m.start()) + 1
        window = text[max(0, line_start - 160, m.start() - 200) : m.start()]
        if not LAST_DIGITS_CUE_RE.search(window):
            continue
        if 1900 <= int(m.group(0)) <= 2039 and not DIGITS_OWNER_RE.search(window):
            continue  # "the last four years were 2020 to 2023"
        yield Candidate(m.start(), m.end(), "ID", "ID", 2)
    for m in UNION_LOCAL_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "ORG", 3)  # "Ironworkers Local 86"
    for m in PLATE_RE.finditer(text):
        v = m.group(0)
        mixed = any(ch.isdigit() for ch in v) and any(ch.isalpha() for ch in v)
        if mixed and PLATE_CUE_RE.search(text, max(0, m.start() - 80), m.start()):
            yield Candidate(m.start(), m.end(), "ID", "VEHICLE", 2)  # "got his plate. HJK 4402"
    for m in INITIALS_RE.finditer(text):
        if m.group(0).replace(" ", "").upper() not in NOT_INITIALS:
            yield Candidate(m.start(), m.end(), "NAME", "NAME", 2)  # "J.T. is fine"
    for m in GROUPED_NUM_RE.finditer(text):
        groups = re.findall(r"\d+", m.group(0))
        if sum(len(g) for g in groups) >= 7 and not all(
            re.fullmatch(r"(?:19|20)\d\d", g) for g in groups
        ):
            yield Candidate(m.start(), m.end(), "ID", "ID", 1)
    for m in LONG_NUM_RE.finditer(text):
        if _billing_code(m.group(0)):
            continue  # "bill it as 90837": a procedure code
        yield Candidate(m.start(), m.end(), "ID", "ID", 1)
    for m in CRED_ID_RE.finditer(text):
        yield Candidate(m.start("v"), m.end("v"), "ID", "LICENSE", 4)
    for m in HANDLE_CUE_RE.finditer(text):
        g = "h" if m.group("h") else "h2"
        h = m.group(g).rstrip(".")
        if (
            len(h) < 3
            or h.lower() in wl.STOP_AFTER_CUE
            or (h.isalpha() and h.islower() and len(h) < 4)
            or (h.isalpha() and h.islower() and h in load().common)  # "my venmo is private"
        ):
            continue
        yield Candidate(m.start(g), m.start(g) + len(h), "HANDLE", "HANDLE", 3)
    for m in PLATFORM_HANDLE_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "HANDLE", "HANDLE", 3)  # "u/name", "name#1234"
    for m in HYPHEN_HANDLE_RE.finditer(text):
        # "my wife found my Venmo. corbin-haldane-4"
        if HANDLE_TALK_RE.search(text, max(0, m.start() - 60), m.start()):
            yield Candidate(m.start(), m.end(), "HANDLE", "HANDLE", 2)
    for m in DOTTED_HANDLE_RE.finditer(text):
        parts = re.split(r"[._]", m.group(0))
        namey = "_" in m.group(0) or (len(parts) >= 3 and max(len(p) for p in parts) >= 3)
        # "an account called westbrook.confessions", "before that it was jaybird.0211"
        namey = namey or (
            max(len(p) for p in parts) >= 4
            and HANDLE_TALK_RE.search(text, max(0, m.start() - 100), m.start()) is not None
        )
        if namey and not all(p.isdigit() for p in parts):
            yield Candidate(m.start(), m.end(), "HANDLE", "HANDLE", 2)


def _billing_code(num: str) -> bool:
    """CPT codes for psychotherapy, psychiatric evaluation and office visits."""
    if len(num) != 5:
        return False
    n = int(num)
    return 90785 <= n <= 90899 or 96105 <= n <= 96171 or 99202 <= n <= 99215 or 99401 <= n <= 99404
