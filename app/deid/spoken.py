"""Spoken and loosely spaced digit strings ("five five five, two one eight", "555 2 1 8 4490")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from app.deid import wordlists as wl
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
            if "," in gap and words[j].isdigit() != words[j - 1].isdigit():
                break  # "a Google Voice one, 602.555.0187": a word, then a written number
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


# ---------------------------------------------------------------------------------------------
# Shorter spoken numbers, spelled letters, spoken dates and house numbers.
# ---------------------------------------------------------------------------------------------
WORD_RE = re.compile(r"[A-Za-z]+|\d+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MAGNITUDES = ("hundred", "thousand", "million", "billion", "grand", "k")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
STREET_WORDS = _words(
    "street st avenue ave road rd drive dr lane ln court ct way boulevard blvd place pl circle"
    " terrace parkway pkwy highway hwy trail loop run pike row square"
)
SPOKEN_YEAR_RE = re.compile(
    r"[\s,]+two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine))?))?\b",
    re.I,
)
DOB_CUE = re.compile(r"\b(?:date of birth|dob|d\.o\.b|born|birthday|birth ?date)\b", re.I)
ZIP_CUE = re.compile(r"\bzip\b|\bpostal\b", re.I)
LAST_DIGITS_CUE = re.compile(
    r"\b(?:last|final)\s+(?:four|4|five|5|six|6)\b|\bend(?:s|ing)?\s+(?:in|with)\b", re.I
)
QUANTITY_WORDS = _words(
    "minutes minute hours hour days day weeks week months month years year times dollars bucks"
    " pounds lbs miles mile people percent mg milligrams drinks beers pills cigarettes kids"
    " sessions steps feet inches calories points"
)
NOT_STREET_NAME = _words(
    "more less of the a an and or to in on at for with my your his her our their way times more"
    " last next other same whole"
)
DIRECTIONS = _words("north south east west n s e w northeast northwest southeast southwest")
UNIT_RE = re.compile(
    r"[\s,]+(?:apartment|apt|unit|suite|number|lot|space|trailer)\s+(?:[a-z0-9]+(?:\s+[a-z])?)"
    r"(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|zero|oh|[a-z]))?\b",
    re.I,
)
SPELL_STOP = _words("a i o")  # one-letter words that are words, not spelled letters
SPELLED_AS_RE = re.compile(r"(?:\b[a-z]\s+as\s+in\s+[a-z]+[\s,]+)+", re.I)


def _chunk(words: list[str], i: int) -> tuple[str, int] | None:
    """One spoken group at words[i]: ("42", 2) for "forty two", ("11", 1) for "eleven",
    ("03", 2) for "oh three"; None when words[i] is no number word or a magnitude follows."""
    w = words[i].lower()
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    if nxt in MAGNITUDES:
        return None
    if w in ("oh", "o") and nxt in UNITS and nxt not in ("oh", "o", "zero"):
        return f"0{UNITS[nxt]}", 2
    if w in TENS:
        if nxt in UNITS and nxt not in ("zero", "oh", "o"):
            if i + 2 < len(words) and words[i + 2].lower() in MAGNITUDES:
                return None
            return f"{TENS[w]}{UNITS[nxt]}", 2
        return f"{TENS[w]}0", 1
    if w in TEENS:
        return str(TEENS[w]), 1
    if w in UNITS and w not in ("o",):
        return str(UNITS[w]), 1
    return None


def _spoken_runs(text: str) -> Iterator[tuple[int, int, list[str], int]]:
    """Runs of spoken number groups on one line: (start, end, groups, letters) where letters
    counts single spelled letters before the numbers ("k l m four four eight two")."""
    toks = [(m.start(), m.end(), m.group(0)) for m in WORD_RE.finditer(text)]
    words = [t[2] for t in toks]
    n = len(toks)
    i = 0
    while i < n:
        if words[i].isdigit() or _chunk(words, i) is None:
            i += 1
            continue
        # Spelled letters just before ("b t four four ...").
        k = i
        letters = 0
        while (
            k > 0
            and len(words[k - 1]) == 1
            and words[k - 1].isalpha()
            and words[k - 1].lower() not in SPELL_STOP
            and text[toks[k - 1][0] - 1 : toks[k - 1][0]] not in ("'", "’")
            and _gap_ok(text[toks[k - 1][1] : toks[k][0]])
        ):
            k -= 1
        # Spelling-alphabet letters before ("m as in mary two two zero ...").
        spelled = SPELLED_AS_RE.search(text, max(0, toks[k][0] - 60), toks[k][0])
        if spelled and spelled.end() == toks[k][0]:
            letters += 2
            k = next(x for x in range(k, -1, -1) if toks[x][0] <= spelled.start())
        groups: list[str] = []
        j = i
        end = toks[i][1]
        while j < n:
            if j > i:
                gap = text[end : toks[j][0]]
                if not _gap_ok(gap):
                    break
                if words[j].lower() == "dash" and j + 1 < n:
                    j += 1
                    continue  # "twenty three dash four four one seven"
            c = _chunk(words, j)
            if c is None:
                break
            groups.append(c[0])
            j += c[1]
            end = toks[j - 1][1]
        yield toks[k][0], end, groups, letters + i - k
        i = max(j, i + 1)


def _gap_ok(gap: str) -> bool:
    return "\n" not in gap and re.fullmatch(r"[\s,.-]*(?:dash[\s,.-]*)?", gap) is not None


def _year(groups: list[str], i: int) -> int:
    """How many groups from i say a year ("nineteen ninety one", "twenty nineteen"), or 0."""
    if i + 1 < len(groups) and groups[i] in ("19", "20") and len(groups[i + 1]) == 2:
        return 2
    if i < len(groups) and len(groups[i]) == 2 and groups[i][0] in "0789":
        return 1  # "eighty six", "oh three" as a two-digit year
    return 0


def numbers_and_dates(text: str) -> Iterator[Candidate]:
    """Spoken numbers that the digit patterns cannot see: record numbers read out in short
    groups, letters spelled before digits, ZIP codes, dates of birth, house numbers."""
    for start, end, groups, letters in _spoken_runs(text):
        digits = "".join(groups)
        before = text[max(0, start - 80) : start]
        line_before = before[before.rfind("\n") + 1 :]
        after = text[end : end + 40]
        nxt = re.match(r"[\s,]*([A-Za-z]+)(?:\s+([A-Za-z]+))?(?:\s+([A-Za-z]+))?", after)
        after_words = [w.lower() for w in (nxt.groups() if nxt else ()) if w]
        if after_words and after_words[0] in QUANTITY_WORDS:
            continue  # "ten fifteen twenty minutes", "four five hundred dollars"
        if letters >= 2 and len(digits) >= 3:
            yield Candidate(start, end, "ID", "ID", 3)
        elif DOB_CUE.search(before) and len(groups) >= 2 and _md(groups):
            y = SPOKEN_YEAR_RE.match(text, end) if len(groups) == 2 else None
            yield Candidate(start, y.end() if y else end, "DATE", "DATE", 3)
        elif (
            after_words
            and after_words[0] in DIRECTIONS
            and len(after_words) >= 2
            and after_words[1] not in NOT_STREET_NAME
            and len(digits) >= 3
            and _house_number(groups, digits)
        ):
            # "fourteen oh six east belmont", "sixty one twelve north claremont apartment two f"
            m = re.match(
                r"[\s,]*[A-Za-z]+\s+[A-Za-z]+(?:\s+(?:street|st|avenue|ave|road|rd|drive|"
                r"dr|lane|ln|court|ct|way|boulevard|blvd|place|pl))?",
                after,
            )
            e = end + (m.end() if m else 0)
            unit = UNIT_RE.match(text, e)
            yield Candidate(start, unit.end() if unit else e, "LOCATION", "STREET", 3)
        elif (
            any(w in STREET_WORDS for w in after_words[1:])
            and _house_number(groups, digits)
            and len(digits) >= 2
            and not any(w in NOT_STREET_NAME for w in after_words[:1])
            and not _plain_before_street(after_words)
        ):
            # "forty two eleven cottonwood drive": a house number before its street
            stop = next(k for k, w in enumerate(after_words) if w in STREET_WORDS and k > 0)
            m = re.match(rf"(?:[\s,]*[A-Za-z]+){{{stop + 1}}}", after)
            yield Candidate(start, end + (m.end() if m else 0), "LOCATION", "STREET", 3)
        elif len(digits) == 5 and (
            ZIP_CUE.search(after[:20]) or ZIP_CUE.search(line_before) or _state_before(before)
        ):
            yield Candidate(start, end, "LOCATION", "ZIP", 3)
        elif len(digits) >= 5 and len(groups) >= 2 and not _counting(digits):
            if _year(groups, 0) == len(groups):
                continue
            yield Candidate(start, end, "ID", "ID", 2)
        elif (
            3 <= len(digits) <= 4
            and len(groups) >= 2
            and (
                LAST_DIGITS_CUE.search(line_before)
                or ID_CUE.search(line_before[-40:])
                # the question on the line before ("the last four of your social" / "seven ...")
                or (
                    not line_before.strip(" :abcdefghijklmnopqrstuvwxyz")
                    and bool(LAST_DIGITS_CUE.search(before))
                )
            )
        ):
            yield Candidate(start, end, "ID", "ID", 2)


def _house_number(groups: list[str], digits: str) -> bool:
    """Up to three spoken groups ("forty two eleven"), or up to five digits said one by one
    ("four four one nine")."""
    return len(groups) <= 3 or (len(digits) <= 5 and all(len(g) == 1 for g in groups))


def _md(groups: list[str]) -> bool:
    """A month and day lead the groups ("nine fourteen ...", "oh three twenty two ...")."""
    try:
        mon, day = int(groups[0]), int(groups[1])
    except ValueError:
        return False
    return 1 <= mon <= 12 and 1 <= day <= 31


def _state_before(before: str) -> bool:
    """A US state name ends the text before ("pueblo colorado eight one zero zero eight")."""
    from app.deid.loose import US_STATES

    return re.search(rf"\b(?:{US_STATES})[\s,]*$", before, re.I) is not None


MONTHS_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
SPOKEN_YEAR_ANY = (
    r"(?:two\s+thousand(?:\s+and)?(?:\s+[a-z]+)?|(?:nineteen|twenty)[\s-]+(?:oh[\s-]+)?[a-z]+"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|(?:19|20)\d\d)"
)
SPOKEN_DAY = (
    r"(?:(?:twenty|thirty)[\s-]+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth)"
)
# "october twelfth nineteen ninety one": the spoken year belongs to the date.
MONTH_DAY_YEAR_RE = re.compile(
    rf"\b{MONTHS_RE}\s+(?:the\s+)?(?:{SPOKEN_DAY})(?:,?\s+{SPOKEN_YEAR_ANY})?\b", re.I
)
# "march of twenty nineteen": a month said with its year is a date element even when the month
# is also a word.
MONTH_OF_YEAR_RE = re.compile(rf"\b(?P<m>{MONTHS_RE})\s+of\s+{SPOKEN_YEAR_ANY}\b", re.I)


# "the seventh of november nineteen eighty two", "the seventh of november", "seventeenth march
# nineteen eighty two": a day said before its month (without "of", only with a year).
DAY_MONTH_YEAR_RE = re.compile(
    rf"\b(?:{SPOKEN_DAY})\s+(?:of\s+{MONTHS_RE}(?:[\s,]+{SPOKEN_YEAR_ANY})?|"
    rf"{MONTHS_RE}[\s,]+{SPOKEN_YEAR_ANY})\b",
    re.I,
)


def month_dates(text: str) -> Iterator[Candidate]:
    """Spoken dates built on a month name."""
    for m in DAY_MONTH_YEAR_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "DATE", "DATE", 4)
    for m in MONTH_DAY_YEAR_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "DATE", "DATE", 4)
    for m in MONTH_OF_YEAR_RE.finditer(text):
        yield Candidate(m.start("m"), m.end("m"), "DATE", "DATE", 3)


# ---------------------------------------------------------------------------------------------
# Addresses said aloud: "seventy three dot forty one dot one eighty eight dot twelve" (an IP),
# "four one four dot five five five dot oh one five one" (a phone), "etsy dot com slash shop".
# ---------------------------------------------------------------------------------------------
NUMBER_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|\d+)"
)
DOTTED_NUMBERS_RE = re.compile(
    rf"\b{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*(?:\s+(?:dot|point)\s+{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*)+\b",
    re.I,
)
URL_STOP = (
    r"(?:like|at|is|its|the|um|uh|on|to|from|page|site|called|go|visit|and|or|a|my|her|his|link)"
)
# Words that end a path said aloud ("slash intake and then ..."): the next clause begins.
PATH_STOP = r"(?:and|i|to|thats|that's|it|its|or|so|on|if|please|is|was|but|then|um|uh|okay|ok)"
SPOKEN_URL_RE = re.compile(
    rf"\b(?!{URL_STOP}\s)(?:(?:www|w\s+w\s+w)\s+dot\s+)?[a-z0-9-]+"
    rf"(?:\s+(?!dot\b|{URL_STOP}\b)[a-z0-9-]+){{0,3}}?"
    r"\s+dot\s+(?:com|org|net|edu|gov|io|"
    r"co|us|me|ly|app|shop|info|biz|tv|church|life|live|online|site|store|health|care|page|ee|gg|"
    r"to|link|bio)"
    rf"(?:\s+slash\s+[a-z0-9_.-]+(?:\s+(?!slash\b|{PATH_STOP}\b)[a-z0-9]+){{0,4}}?"
    rf"(?=\s+slash\b|\s+{PATH_STOP}\b|\s*[,.?!]|\s*$))*\b",
    re.I | re.M,
)


def _number_value(words: list[str]) -> str:
    """The digits a group of number words says ("one eighty eight" -> "188")."""
    out = ""
    i = 0
    while i < len(words):
        c = _chunk(words, i) if not words[i].isdigit() else (words[i], 1)
        if c is None:
            return ""
        out += c[0]
        i += c[1]
    return out


def dotted(text: str) -> Iterator[Candidate]:
    """IP addresses and phone numbers said with "dot", and web addresses said aloud."""
    for m in DOTTED_NUMBERS_RE.finditer(text):
        parts = re.split(r"\s+(?:dot|point)\s+", m.group(0), flags=re.I)
        values = [_number_value(re.split(r"[\s-]+", p.strip())) for p in parts]
        if not all(values):
            continue
        digits = "".join(values)
        if len(values) == 4 and all(int(v) <= 255 for v in values):
            yield Candidate(m.start(), m.end(), "IP", "IP", 4)
        elif len(digits) in (7, 10, 11) and len(values) >= 2:
            yield Candidate(m.start(), m.end(), "PHONE", "PHONE", 4)
    for m in SPOKEN_URL_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "URL", "URL", 4)


# A name or number spelled out letter by letter ("q u i n t e r o quintero") and plates read
# as letters and digits mixed ("eight x r k two nine one").
SPELLED_RE = re.compile(r"(?<![\w'’])(?:[a-z][\s,.-]+){2,}[a-z](?![\w'’])", re.I)
MIXED_SPOKEN_RE = re.compile(
    rf"(?<![\w'’])(?:(?:{NUMBER_WORD}|[a-z])[\s-]+){{4,}}(?:{NUMBER_WORD}|[a-z])(?![\w'’])", re.I
)
SINGLE_WORDS = _words("a i o")


def spelled(text: str) -> Iterator[Candidate]:
    for m in SPELLED_RE.finditer(text):
        letters = re.findall(r"[a-z]", m.group(0), re.I)
        word = "".join(letters).lower()
        before = re.search(r"([A-Za-z]+)[\s,.-]+$", text[max(0, m.start() - 30) : m.start()])
        echoed = before is not None and before.group(1).lower() == word  # "it's tee t e e"
        if (len(letters) < 4 and not echoed) or all(ch.lower() in SINGLE_WORDS for ch in letters):
            continue
        after = re.match(r"[\s,.-]*([A-Za-z]+)", text[m.end() : m.end() + 40])
        said = after is not None and after.group(1).lower() == word
        e = m.start() + len(m.group(0).rstrip(" ,.-"))
        if said:
            e = m.end() + after.end()  # the letters and the word they spell
        yield Candidate(m.start(), e, "NAME", "NAME", 2)
    for m in MIXED_SPOKEN_RE.finditer(text):
        toks = re.findall(r"[A-Za-z]+|\d+", m.group(0))
        letters = [t for t in toks if len(t) == 1 and t.isalpha() and t.lower() not in SINGLE_WORDS]
        numbers = [t for t in toks if not (len(t) == 1 and t.isalpha())]
        if len(letters) >= 2 and len(numbers) >= 2:
            yield Candidate(m.start(), m.end(), "ID", "ID", 2)


def _plain_before_street(words: list[str]) -> bool:
    """ "ninety four you cant drive": pronouns or function words before the street word."""
    from app.deid import wordlists as wl
    from app.deid.safetynet import FUNCTION_WORDS

    stop = next((k for k, w in enumerate(words) if w in STREET_WORDS and k > 0), len(words))
    return any(w in FUNCTION_WORDS or w in wl.APOSTROPHE_LESS for w in words[:stop])


# "my gamertag is frostbyte underscore eleven", "my snap is lexi dot b underscore oh four",
# "my username there is moth girl nine nine nine": a handle said aloud after its cue.
HANDLE_WORD = r"(?:[a-z0-9]+)"
SPOKEN_HANDLE_RE = re.compile(
    r"\b(?:gamertag|gamer\s+tag|username|user\s+name|snap|snapchat|insta|finsta|rinsta|"
    r"instagram|handle|tiktok|"
    r"twitch|discord|venmo|cash\s*app|psn|xbox|steam|twitter|threads|reddit)\b"
    r"(?:\s+(?:name|id|there|on\s+there))?\s+(?:which\s+|that\s+)?(?:is|its|it's|was|it\s+is)\s+"
    r"(?:like\s+|um\s+|uh\s+)*"
    rf"(?P<h>{HANDLE_WORD}(?:\s+{HANDLE_WORD}){{0,3}}(?=\s+{NUMBER_WORD}\b)(?:\s+{NUMBER_WORD})+|"
    rf"{HANDLE_WORD}(?:\s+(?:underscore|dot|dash|period)\s+{HANDLE_WORD}|\s+{NUMBER_WORD}|"
    rf"\s+{HANDLE_WORD}(?=\s+{NUMBER_WORD}))*)",
    re.I,
)


# "I'm quietkestrel on there", "she's jaydenxo on tiktok": a handle before its platform.
ON_PLATFORM_RE = re.compile(
    r"\b(?:i['’]?m|im|she['’]?s|shes|he['’]?s|hes|they['’]?re|username|name)\s+"
    r"(?P<h>[a-z][a-z0-9_.]{4,})\s+on\s+(?:there|twitch|tiktok|insta|instagram|snap|snapchat|"
    r"discord|reddit|twitter|x|youtube|venmo|xbox|steam|roblox)\b",
    re.I,
)


PLATFORMS = (
    r"twitch|tiktok|insta|instagram|snap|snapchat|discord|reddit|twitter|youtube|xbox|roblox|"
    r"steam|kick|threads|venmo|cash\s*app|fortnite|psn"
)
HANDLE_END = (
    r"(?=\s+(?:on|who|that|and|but|he|she|they|with|is|was|i|it|its|so|because|if|or|um|uh|"
    r"like|there|when|where|right|now|which|has|had|and)\b"
    r"|\s*[,.?!]|\s*$)"
)
# "he's on twitch as xx dark paladin xx", "my channel is sleepy ghost tv on twitch", "an account
# called cloud chaser nine nine", "u slash throwaway sad dad eighty one", "dollar sign k dot
# reyes", "her insta is at weird kid walt": a handle of several words after its cue.
PLATFORM_HANDLE_RE = re.compile(
    rf"(?:\bon\s+(?:{PLATFORMS})\s+as|\b(?:channel|stream|account|profile|page|username|"
    r"handle|gamertag|tag)\s+(?:name\s+)?(?:is|was|its|it's|called|named)(?:\s+like)?"
    rf"|\b(?:{PLATFORMS})\s+(?:is|was|its|it's)\s+at|\bname\s+on\s+there\s+(?:is|was)"
    r"|\b(?:account|user|channel|page)\s+"
    r"(?:called|named))\s+(?:at\s+)?"
    rf"(?P<h>[a-z0-9]+(?:\s+[a-z0-9]+){{0,5}}?){HANDLE_END}"
    r"|\bu\s+slash\s+(?P<r>[a-z0-9]+(?:\s+[a-z0-9]+){0,5}?)"
    + HANDLE_END
    + r"|\bdollar\s+sign\s+(?P<d>[a-z0-9]+(?:\s+(?:dot|underscore)?\s*[a-z0-9]+){0,5}?)"
    + HANDLE_END,
    re.I | re.M,
)


# "he goes by shadow reaper nine nine on xbox", "i'm quiet moth now on tumblr": words before
# the platform they name someone on.
BY_ON_PLATFORM_RE = re.compile(
    r"\b(?:goes\s+by|go\s+by|went\s+by|i['’]?m|im|he['’]?s|hes|she['’]?s|shes|they['’]?re)\s+"
    r"(?P<h>[a-z0-9]+(?:\s+[a-z0-9]+){1,4}?)\s+(?:now\s+)?on\s+"
    rf"(?:{PLATFORMS}|tumblr|hinge|bumble|tinder|grindr|facebook|fb)\b",
    re.I,
)
IS_ON_PLATFORM_RE = re.compile(
    r"\b(?:is|was|it['’]?s|its)\s+(?P<h>[a-z0-9]+(?:\s+[a-z0-9]+){1,4}?)\s+(?:now\s+)?on\s+"
    rf"(?:{PLATFORMS}|tumblr|facebook|fb)\b",
    re.I,
)
HANDLE_NOT_FIRST = wl._set(
    "the, a, an, my, his, her, their, your, our, so, just, like, really, all, always, never, not,"
    "still, also, only, kind, pretty, very, too, more, less, on, in, at, with, up, out, back,"
    "there, here, online, gonna, going, trying, about, almost, literally, basically"
)
HANDLE_NOT_INSIDE = wl._set(
    "with, him, her, me, them, you, us, of, to, for, about, at, in, and, or, but, from, by, is,"
    "was, be, been, my, his, your, their, our, it, this, that"
)
# "someone called cloud chaser nine nine": a name said with numbers is a handle.
NUMBERED_NAME_RE = re.compile(
    r"\b(?:someone|somebody|guy|girl|person|user|account|profile|kid)\s+(?:called|named|"
    rf"going\s+by|goes\s+by)\s+(?P<h>[a-z]+(?:\s+[a-z]+){{0,3}}?(?:\s+{NUMBER_WORD})+)\b",
    re.I,
)
# "there's a tiktok account ... it's at weird kid walt": "at" before words, said of an account.
ITS_AT_RE = re.compile(
    r"\b(?:it['’]?s|it\s+is|its|is)\s+at\s+(?P<h>[a-z0-9]+(?:\s+[a-z0-9]+){0,4}?)" + HANDLE_END,
    re.I | re.M,
)
ACCOUNT_TALK_RE = re.compile(
    rf"\b(?:{PLATFORMS}|account|page|profile|username|handle|channel)\b", re.I
)


def spoken_handles(text: str) -> Iterator[Candidate]:
    yield from underscores(text)
    for m in NUMBERED_NAME_RE.finditer(text):
        yield Candidate(m.start("h"), m.end("h"), "HANDLE", "HANDLE", 3)
    for m in ITS_AT_RE.finditer(text):
        if ACCOUNT_TALK_RE.search(text, max(0, m.start() - 80), m.start()) and not re.match(
            r"(?:the|a|an|my|his|her|home|work|school|church|least|most|first|night|noon)\b",
            m.group("h"),
            re.I,
        ):
            yield Candidate(m.start("h"), m.end("h"), "HANDLE", "HANDLE", 3)
    from app.deid.gazetteers import load

    common = load().common
    for m in PLATFORM_HANDLE_RE.finditer(text):
        g = "h" if m.group("h") else "r" if m.group("r") else "d"
        words = m.group(g).lower().split()
        if words[0] in ("the", "a", "my", "his", "her", "private", "public", "deleted", "gone"):
            continue
        lead = text[m.start() : m.start(g)].lower()
        strong = g != "h" or re.search(r"\bas\s+$|\bat\s+$", lead) is not None
        numbered = any(re.fullmatch(NUMBER_WORD, w) for w in words)
        on_platform = re.match(rf"\s+on\s+(?:{PLATFORMS})\b", text[m.end(g) :], re.I)
        rare = any(w not in common for w in words)
        if not (strong or numbered or on_platform or rare) or words[0] in ("called", "named"):
            continue
        s0 = m.start() if g in ("r", "d") else m.start(g)
        yield Candidate(s0, m.end(g), "HANDLE", "HANDLE", 3)
    for m in IS_ON_PLATFORM_RE.finditer(text):
        words = m.group("h").lower().split()
        numbered = any(re.fullmatch(NUMBER_WORD, w) for w in words[1:])
        if numbered and words[0] not in HANDLE_NOT_FIRST:  # "is kingdre 216 on instagram"
            yield Candidate(m.start("h"), m.end("h"), "HANDLE", "HANDLE", 3)
    for m in BY_ON_PLATFORM_RE.finditer(text):
        words = m.group("h").lower().split()
        if (
            words[0] not in HANDLE_NOT_FIRST
            and not words[0].endswith("ing")
            and not any(w in HANDLE_NOT_INSIDE for w in words)
        ):
            yield Candidate(m.start("h"), m.end("h"), "HANDLE", "HANDLE", 3)
    for m in ON_PLATFORM_RE.finditer(text):
        from app.deid.gazetteers import load

        h = m.group("h")
        if h.lower() not in load().common or re.search(r"\d|_", h):
            yield Candidate(m.start("h"), m.end("h"), "HANDLE", "HANDLE", 3)
    for m in SPOKEN_HANDLE_RE.finditer(text):
        h = m.group("h")
        words = h.split()
        joined = re.search(r"\b(?:underscore|dot|dash|period)\b", h) or any(
            re.fullmatch(NUMBER_WORD, w, re.I) for w in words[1:]
        )
        if len(words) == 1 and not re.search(r"\d|_|\.", h):
            from app.deid.gazetteers import load

            joined = len(h) >= 5 and h.lower() not in load().common  # "my snap is quietkestrel"
        if joined and words[0].lower() not in ("the", "a", "my", "that", "this", "not", "private"):
            yield Candidate(m.start("h"), m.end("h"), "HANDLE", "HANDLE", 3)


# "its frostbyte underscore eleven": "underscore" said aloud is only ever part of a handle.
UNDERSCORE_RE = re.compile(
    rf"\b{HANDLE_WORD}(?:\s+(?:underscore|dot|dash)\s+{HANDLE_WORD}|\s+{NUMBER_WORD})*"
    rf"\s+underscore\s+{HANDLE_WORD}(?:\s+(?:underscore|dot|dash)\s+{HANDLE_WORD}|\s+{NUMBER_WORD})*",
    re.I,
)


def underscores(text: str) -> Iterator[Candidate]:
    for m in UNDERSCORE_RE.finditer(text):
        if not SPOKEN_EMAIL_AT_RE.match(text, m.end()):
            # "its at big rig rick underscore hauls": words back to "at/is/its"
            leads = list(HANDLE_LEAD_RE.finditer(text, max(0, m.start() - 40), m.start()))
            start = leads[-1].end() if leads else m.start()
            yield Candidate(start, m.end(), "HANDLE", "HANDLE", 2)


HANDLE_LEAD_RE = re.compile(r"\b(?:at|is|its|it's|called|named)\s+(?=(?:[a-z0-9]+\s+){1,3}$)", re.I)


SPOKEN_EMAIL_AT_RE = re.compile(r"\s+at\s+[a-z0-9]+\s+dot\s+", re.I)


# "second battalion fifth marines", "2nd battalion 8th marines", "local four oh one", "vfw post
# seventeen twenty", "our lady of guadalupe": units, locals, posts and parishes said aloud.
ORDINAL_WORD = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth|fortieth|fiftieth|eightieth|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth)|hundred\s+and\s+first)"
)
MILITARY_UNIT_RE = re.compile(
    rf"\b{ORDINAL_WORD}\s+(?:battalion|brigade|regiment|division|infantry|cavalry|marines|"
    r"airborne|platoon|squadron|fleet|armored|engineers|signal|ranger\s+battalion)"
    rf"(?:\s+{ORDINAL_WORD}\s+(?:marines|infantry|cavalry|regiment|division|brigade|"
    r"field\s+artillery|artillery|aviation))?\b(?!\s+of\b)",
    re.I,
)
NUMBERED_LOCAL_RE = re.compile(
    rf"\b(?:(?:vfw|american\s+legion|union|ibew|uaw|teamsters)\s+)?(?:local|post|lodge|troop|"
    rf"precinct|engine|ladder)\s+{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD}){{0,3}}\b",
    re.I,
)
OUR_LADY_RE = re.compile(
    r"\b(?:our\s+lady|our\s+savior|our\s+saviour|our\s+redeemer)\s+(?:of\s+(?:the\s+)?)?"
    r"[a-z]+(?:\s+(?:of\s+)?[a-z]+)?",
    re.I,
)


def units_and_parishes(text: str) -> Iterator[Candidate]:
    """Military units, union locals, veterans' posts and parishes, as speech writes them."""
    for m in MILITARY_UNIT_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "ORG", 3)
    for m in NUMBERED_LOCAL_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "ORG", 2)
    for m in OUR_LADY_RE.finditer(text):
        end = m.start() + len(m.group(0))
        tail = re.search(r"\s+(?:on|in|at|and|was|is|where|when|so|for|with)$", m.group(0), re.I)
        if tail:
            end = m.start() + tail.start()
        yield Candidate(m.start(), end, "ORGANIZATION", "CHURCH", 3)


# "off of exit one fifty six", "the shell by the forty four exit": a highway exit near a home.
SPOKEN_EXIT_RE = re.compile(
    rf"\bexit\s+{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*\b|\b{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*\s+exit\b",
    re.I,
)


def exits(text: str) -> Iterator[Candidate]:
    for m in SPOKEN_EXIT_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "LOCATION", "PLACE", 2)
