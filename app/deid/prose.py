"""What clinicians write that looks like a name but identifies no one.

Notes, letters and consultation posts are full of capitalized words: acronyms ("the EAP", "his
MRN"), national agencies ("the VA"), titles of books and songs ("Man's Search for Meaning"),
cited authors ("Heimberg's protocol", "(Tedeschi & Calhoun)"), compound adjectives
("Spanish-speaking", "Gottman-informed") and holidays ("the Fourth of July"). These checks run on
the resolved findings; each leaves a span alone when a cue shows a person ("my sister", "Dr.",
"named"), which the caller checks before dropping anything.
"""

from __future__ import annotations

import re

from app.deid import wordlists as wl
from app.deid.finding import Candidate
from app.deid.gazetteers import Gazetteers
from app.deid.patterns import DAY_ORDINAL

# Agencies, leagues and programs known across the whole country: alone they locate no one
# ("the VA approved my claim"); a place beside them is a finding of its own ("the VA in Akron").
NATIONAL_ACRONYMS = wl._set(
    "va, dmv, bmv, ssa, irs, fema, osha, nfl, nba, nhl, mlb, ncaa, ga, aa, na, tsa, fbi, cia, dea,"
    "atf, usps, ice, dhs, hud, snap, wic, ssi, ssdi, eap, frg, atm, uscis"
)
# Lower-case words inside a title that never sit inside a person's name ("Trauma and Recovery",
# "The Drama of the Gifted Child", "More Than Two").
TITLE_SMALL_WORDS = wl._set(
    "the, of, for, and, than, after, to, in, on, with, from, about, into, is, are, a, an, at, by,"
    "without, under, over, before, keeps, not, you're, your, my, our, it's, that"
)
QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]{3,80})[\"”]")
TITLE_LEADS = wl._set("the, a, an, my, our, how, why, when, what")
# Nouns that follow a cited author's possessive: "Heimberg's protocol", "Beck's cognitive triad".
AUTHOR_WORKS = (
    r"work\s+on|book\s+on|books\s+on|writing\s+on|research\s+on|model|models|protocol|stages|"
    r"stage\s+model|theory|theories|concept|framework|approach|triad|typology|taxonomy|"
    r"paradigm|hierarchy|criteria|scale|inventory|treatment\s+manual|manual|workbook|method|"
    r"exercise|exercises|intervention|interventions|technique|techniques|materials"
)
AUTHOR_AFTER_RE = re.compile(
    rf"['’]s?\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?:{AUTHOR_WORKS})\b"
    r"|['’]s?\s+[A-Z]{2,6}(?:/[A-Z]{2,6})?\s+(?:model|framework|cycle|approach|protocol)\b"
    r"|\s+(?:writes|wrote|has\s+written)\s+(?:about|that|on)\b"
    r"|\s+has\s+a\s+(?:name|word|term)\s+for\b"
    r"|\s+(?:would|might)\s+(?:say|call|describe)\b"
    r"|\s+coined\b"
)
# What stands before an author's full name: a quoted title and "by", or a citing verb.
AUTHOR_BEFORE_RE = re.compile(
    r"[\"”]\s*,?\s+by\s+$|\b(?:referenced|references|cited|cites|citing|quoted|quotes|"
    r"rereading|re-reading)\s+$",
)
# A run of surnames joined by "and", "&" or commas ("Doka and Martin", "Klass, Silverman, and
# Nickman"); a cited list is one where some member is a known theorist.
SURNAME = r"[A-Z][A-Za-z'’\-]+"
CITATION_RUN_RE = re.compile(
    rf"{SURNAME}(?:(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+){SURNAME}){{1,5}}"
)
HOLIDAY_FOURTH_RE = re.compile(r"fourth(?:\s+of\s+july)", re.I)
# Second halves of compound adjectives: "Spanish-speaking", "Ethiopian-born", "Gottman-informed".
HYPHEN_ADJ_TAIL_RE = re.compile(r"-[a-z]+$")


PLACE_AFTER_RE = re.compile(r"\s+(?:in|at|of|on|up\s+in|down\s+in|out\s+in)\s+\w")


def national_acronym(text: str, c: Candidate) -> bool:
    """'The VA approved my claim' (but 'the VA in Palo Alto' is one place)."""
    span = text[c.start : c.end]
    return (
        c.type in ("ORGANIZATION", "NAME", "LOCATION")
        and span.lower() in NATIONAL_ACRONYMS
        and not PLACE_AFTER_RE.match(text, c.end)
    )


# Words before a term rather than a person: "the EAP", "her CP", "in P.E.".
ACRONYM_LEAD_RE = re.compile(
    r"\b(?:the|a|an|my|his|her|your|our|their|its|of|in|on|at|for|with|from|to|per|by|via|"
    r"about|and|or)[ \t]+$",
    re.I,
)


def acronym_as_name(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """'the MRN', 'her CP', 'the IED': a lone all-capital word is a term, not a person's name
    (unless it is a given name written in capitals, "ROWAN", or opens a number, "PSY 28814")."""
    span = text[c.start : c.end]
    if len(span) == 2 and not ACRONYM_LEAD_RE.search(text, max(0, c.start - 12), c.start):
        return False  # "DJ is my sister's kid", "my kuya JR": two capitals may be initials
    return (
        c.type == "NAME"
        and re.fullmatch(r"[A-Z]{2,6}", span) is not None
        and span.lower() not in gz.first
        and not re.match(r"[\s#-]*\d", text[c.end : c.end + 4])
        and text[c.start - 1 : c.start] != "#"
    )


def compound_adjective(span: str, c: Candidate, gz: Gazetteers) -> bool:
    """'Spanish-speaking', 'Gottman-informed', 'Olympic-development': one hyphenated word whose
    second half is an ordinary lower-case word."""
    if c.type != "NAME" or " " in span or not HYPHEN_ADJ_TAIL_RE.search(span):
        return False
    tail = span.rsplit("-", 1)[1]
    # Long tails only: "Ji-woo", "Jun-ho" and "t-bone" are names.
    return span[0].isupper() and len(tail) >= 5 and tail in gz.common and tail not in gz.first


def in_quoted_title(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """A span inside a quoted title: "Man's Search for Meaning", "Walkin' After Midnight". The
    quote must read as a title: every word capitalized but small words, and a small word or a
    leading article inside, or at least four words (a quoted "Big Mike" stays a name)."""
    for m in QUOTE_RE.finditer(text, max(0, c.start - 80), min(len(text), c.end + 80)):
        if not (m.start(1) <= c.start and c.end <= m.end(1)):
            continue
        words = re.findall(r"[A-Za-z][\w'’-]*", m.group(1))
        if len(words) < 2 or gz.first.get(words[0].lower()) == 1:
            return False  # "Chase the Disgrace": a nickname
        small = [w for w in words[1:] if w.lower() in TITLE_SMALL_WORDS]
        capped = all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
        if not capped:
            return False
        return bool(small) or words[0].lower() in TITLE_LEADS or len(words) >= 4
    return False


def title_words_inside(span: str, c: Candidate) -> bool:
    """'Body Keeps the Score', 'Drama of the Gifted Child': a person's name never holds a
    lower-case 'the', 'of', 'for' ... between capitalized words."""
    if c.type != "NAME":
        return False
    words = span.split()
    if len(words) < 3:
        return False
    inner = words[1:-1]
    # Not "of" ("Diocese of Harrisburg" is a place) nor a lone letter ("k o w a l s k i").
    return any(w in TITLE_SMALL_WORDS and w not in ("and", "&", "of", "a") for w in inner)


PLACE_WORDS_BEFORE = wl._set(
    "at, to, from, in, near, on, by, into, outside, inside, behind, is, was, called, named, of"
)


def after_title_article(text: str, c: Candidate) -> bool:
    """'reading Alan Downs' The Velvet Rage': a capitalized 'The' inside a sentence opens a
    title, not a name."""
    if c.type != "NAME":
        return False
    start = c.start
    if not text.startswith("The ", start):
        m = re.search(r"\bThe[ \t]+$", text[max(0, start - 8) : start])
        if not m:
            return False
        start -= len(m.group(0))
    if len(text[start : c.end].split()) < 3:
        return False  # "is The Attic, on Chestnut": a venue may be called "The ..."
    m = re.search(r"(\w+|[^\w\s])[ \t]*$", text[max(0, start - 20) : start])
    if not m or m.group(1).lower() in PLACE_WORDS_BEFORE:
        return False
    # Mid-sentence only: after a word, a comma or a possessive ("Downs' The ...").
    return m.group(1)[-1].isalnum() or m.group(1) in (",", "'", "’", ";")


AUTHOR_WORK_SPAN_RE = re.compile(
    r"(?P<a>[A-Z][\w-]+)['’]s?(?:[ \t]+(?:[A-Z]{2,6}(?:[/-][A-Z0-9]{1,6})?|The|"
    r"[A-Z][\w-]+(?:['’]s)?|of|and|for|in|to|Your|an|a))*"
)


def cited_author(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """'Heimberg's protocol', 'Emily Nagoski writes about', 'Pauline Boss has a name for that',
    "Young's Schema Therapy", "Johnson's EFT", or one surname of a citation whose other author
    is a known theorist ('Tedeschi & Calhoun')."""
    span = text[c.start : c.end]
    if c.type == "ORGANIZATION" and re.fullmatch(r"[A-Z][\w-]+['’]s", span):
        return (
            span[:-2].lower() in wl.THEORISTS and AUTHOR_AFTER_RE.match(text, c.end - 2) is not None
        )
    if c.type not in ("NAME", "ORGANIZATION"):
        return False
    m = AUTHOR_WORK_SPAN_RE.fullmatch(span)
    if m and "'" in span.replace("’", "'") and " " in span:
        a = m.group("a").lower()
        if a in wl.THEORISTS or a in wl.THEORISTS_CONTEXT:
            return True  # a theorist's named work, not "Maria's IEP" or "Duffy's Tavern"
    if c.type != "NAME":
        return False
    if AUTHOR_AFTER_RE.match(text, c.end):
        return True
    if re.fullmatch(r"[A-Z][a-z-]+ [A-Z][a-z-]+(?:['’]s\b.*)?", span) and AUTHOR_BEFORE_RE.search(
        text, max(0, c.start - 40), c.start
    ):
        return True  # '"The Imp of the Mind" by Lee Baer', 'the facilitator referenced ...'

    lo = max(0, c.start - 60)
    for m in CITATION_RUN_RE.finditer(text, lo, min(len(text), c.end + 60)):
        if not (m.start() <= c.start and c.end <= m.end()):
            continue
        names = re.findall(SURNAME, m.group(0))
        others = [n.lower() for n in names if n != text[c.start : c.end]]
        if any(n in wl.THEORISTS for n in others):
            return True
    return False


def holiday_fourth(text: str, c: Candidate) -> bool:
    """'the Fourth of July', 'after the Fourth': the holiday, not a date of the month. A
    lower-case 'the fourth' without 'of July' stays a date."""
    span = text[c.start : c.end]
    if span.lower() != "fourth" and not HOLIDAY_FOURTH_RE.fullmatch(span):
        return False
    if HOLIDAY_FOURTH_RE.match(text, c.start):
        return True
    return span == "Fourth" and c.type in ("DATE", "NAME")


# Head nouns of the documents and worksheets of clinical work: "Progress Note", "Positive Data
# Log", "Impact Statement" (when every word of the phrase is an ordinary word).
DOC_HEADS = wl._set(
    "note, notes, summary, plan, update, addendum, presentation, conceptualization, card, log,"
    "sheet, worksheet, module, exam, examination, statement, assignment, thermometer, seminar,"
    "dialogue, session, review, assessment, evaluation, report, letter, director, staff, desk,"
    " phase, tolerance, regulation, effectiveness, skills, group, concern, problem,"
    "objective, goal, goals, intervention, referral, necessity, consent, formulation, approach,"
    "disorder, metric, chart, meter, method, training, prevention, education, activation,"
    "exposure, questions, boundaries, safety, modules, arrow, intake, soap, dap, birp, girp, pirp,"
    "consultation, request, genogram, walk-in, contact, contacts, history, log, form, contract"
)
# Nouns counted in clinical work: "Phase 3", "Month 6", "Room 4", "Session 7 of 12".
COUNTED_NOUNS = wl._set(
    "month, phase, week, level, room, session, stage, module, step, chapter, day, part, grade,"
    "tier, lesson, page, problem, objective, goal, item, question, year, quarter, cohort, track"
)
# Last words of an organization's name: such a phrase is never a heading.
ORG_HEADS = wl._set(
    "center, centre, services, service, clinic, hospital, school, academy, church, department,"
    "counseling, associates, group, institute, agency, program, project, foundation, university,"
    "college, ministries, house, home, network, partners, alliance, authority, court"
)
# Endings of the abstract nouns that name form fields ("Modality:", "Disposition:").
FIELD_NOUN_RE = re.compile(r"(?:ity|tion|sion|ment|ness|ance|ence|sis|ics|ure|ogy)$")
HEADING_WORD_RE = re.compile(r"[A-Za-z][\w'’/-]*")


def _ordinary(word: str, gz: Gazetteers) -> bool:
    lw = word.lower().replace("’", "'").removesuffix("'s")
    return lw in gz.common and lw not in gz.first


def _distinctive_org(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """An organization or place whose name has a word that is neither everyday English nor
    clinical vocabulary ("Cottonwood Elementary", "Millstone Counseling Group"): the name of one
    place, not a kind of program ("Group Home", "Anger Management")."""
    if c.type not in ("ORGANIZATION", "LOCATION"):
        return False
    return any(_distinctive(w, gz) for w in HEADING_WORD_RE.findall(text[c.start : c.end]))


def _distinctive(word: str, gz: Gazetteers) -> bool:
    """A word that is neither everyday English nor clinical vocabulary ("Cottonwood")."""
    lw = word.lower()
    return lw not in gz.frequent and lw not in wl.CLINICAL_TERMS and lw not in wl.CLINICAL_VOCAB


def document_phrase(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """'Progress Note', 'Positive Data Log', 'Clinical Director': ordinary words ending in the
    head noun of a document, worksheet or role (not the tail of a longer name, "Center for
    Science Education")."""
    span = text[c.start : c.end]
    words = HEADING_WORD_RE.findall(span)
    before = text[max(0, c.start - 30) : c.start]
    return (
        len(words) >= 2
        and not re.search(r"[\n.]", span)
        and not re.search(r"[A-Z][\w'’-]*[ \t]+(?:for|of|and|&)[ \t]+$", before)
        and not (words[-1].lower() in ORG_HEADS and _distinctive_org(text, c, gz))
        and words[-1].lower() in DOC_HEADS
        and all(_ordinary(w, gz) or w.lower() in TITLE_SMALL_WORDS for w in words)
    )


def counted_noun(text: str, c: Candidate) -> bool:
    """'Completed Phase 3', 'at Month 6', 'in Room 4': a counted noun, not a name."""
    span = text[c.start : c.end]
    return span.lower() in COUNTED_NOUNS and re.match(r"[ \t]+\d", text[c.end :]) is not None


def heading_or_field(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """Ordinary words in a heading line ("Intake Note — Perinatal"), or a word naming a form
    field ("Course: Completed ...", ". Modality: ...") that is no given name or common surname,
    where a person's name would not stand."""
    span = text[c.start : c.end]
    words = HEADING_WORD_RE.findall(span)
    if not words:
        return False
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    numbered = re.match(r"[ \t]+\d{1,3}[ \t]*:", text[c.end : c.end + 8])  # "Call 3:"
    if (text[c.end : c.end + 1] == ":" or numbered) and re.search(
        r"(?:^|[.;|]\s+)$", text[line_start : c.start]
    ):
        parts = [p for w in words for p in w.split("-") if p]
        return all(
            (p.lower() in gz.common or FIELD_NOUN_RE.search(p.lower()) is not None)
            and p.lower() not in gz.first
            and not 0 < gz.surname_rank.get(p.lower(), 0) <= 5000  # "Hill:" may be a speaker
            for p in parts
        )  # a field label at the start of a line or after a sentence
    parts = [p for w in words for p in w.split("-") if p]
    if not all(_ordinary(w, gz) for w in parts) or _distinctive_org(text, c, gz):
        return False
    lw = HEADING_WORD_RE.findall(line)
    # "Intake — Employee Assistance Program", "SOAP — Crisis Walk-In": after a document's name
    # and a dash, everyday and clinical words name a kind of service, not one place.
    before = text[line_start : c.start]
    dash = re.fullmatch(r"[ \t]*(?P<doc>[A-Za-z][\w /'’-]*?)[ \t]+[—–-][ \t]+", before)
    if (
        dash
        and any(w.lower() in DOC_HEADS for w in HEADING_WORD_RE.findall(dash.group("doc")))
        and not any(_distinctive(p, gz) for p in parts)
    ):
        return True
    # A heading names a document ("Progress Note — ...") and has no sentence end, colon or comma
    # (letter lines "To: HR, Pinnacle ..." do); a letterhead ("Riverside Counseling Center")
    # names no document and stays a finding.
    return (
        0 < len(lw) <= 10
        and any(w.lower() in DOC_HEADS for w in lw)
        and words[-1].lower() not in ORG_HEADS
        and not re.search(r"[.?!]\s|[:,;]", line + " ")
        and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in lw)
    )


AUTHOR = r"(?:(?:de|van|van\s+der|le|la|du|von)\s+|(?:De|Van|Le|La|Du|Von)\s+)?[A-Z][\w'’-]+"
PAREN_CITE_RE = re.compile(
    rf"\({AUTHOR}(?:(?:,\s*|\s+&\s+|\s+and\s+|,\s*&\s*|,\s*and\s+){AUTHOR}){{0,3}}"
    r"(?:,?\s+(?:et\s+al\.?|\d{4}))?\)"
)
# Citations that say they are citations: "(CRAFT; Meyers & Smith)", "(Stanley & Brown
# template)", "(Kotrba, Overcoming Selective Mutism)", "(Johnson, Hold Me Tight)".
TITLE_WORD = r"(?:[A-Z][\w'’-]*|of|the|and|for|in|to|a|an|with|on|your|my|me)"
PAREN_CITE_SHOWN_RE = re.compile(
    rf"\((?P<acr>[A-Z]{{2,8}}(?:-[A-Z0-9]+)?;\s*)?{AUTHOR}"
    rf"(?:(?:,\s*|\s+&\s+|\s+and\s+|,\s*&\s*|,\s*and\s+){AUTHOR}){{0,3}}"
    r"(?P<kind>\s+(?:template|model|manual|protocol|approach|method|framework|curriculum|"
    r"scale|criteria|workbook|program))?"
    rf"(?P<title>,\s+[A-Z][\w'’-]*(?:\s+{TITLE_WORD}){{1,7}})?\)"
)


def parenthetical_citation(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """'(Weissman & Markowitz)', '(Stice)', '(Schauer, Neuner & Elbert)' after a method or
    term: authors cited in a note. A lone given name in brackets ("her sister (Maria)") stays."""
    if c.type not in ("NAME", "LOCATION") or (
        c.type == "LOCATION" and " " in text[c.start : c.end]
    ):
        return False
    for m in PAREN_CITE_SHOWN_RE.finditer(text, max(0, c.start - 80), min(len(text), c.end + 80)):
        title = HEADING_WORD_RE.findall(m.group("title") or "")
        titled = len(title) >= 3 and 3 * sum(_ordinary(w, gz) for w in title) >= 2 * len(title)
        shown = m.group("acr") or m.group("kind") or titled
        if shown and m.start() < c.start and c.end < m.end():
            return True
    for m in PAREN_CITE_RE.finditer(text, max(0, c.start - 60), min(len(text), c.end + 60)):
        if not (m.start() < c.start and c.end < m.end()):
            continue
        names = re.findall(r"[A-Z][\w'’-]+", m.group(0))
        if len(names) == 1 and names[0].lower() in gz.first:
            return False
        before = re.search(r"([A-Za-z'’-]+)\W*$", text[max(0, m.start() - 30) : m.start()])
        if before and before.group(1).lower() in wl.RELATION_WORDS:
            return False
        # A citation shows itself: "&", "et al." or a year, a known theorist among the names,
        # or a method, term or title just before the bracket ("the Body Project (Stice)"),
        # not "Two cats (Mittens, Jasper)" or "Team (Obi, Ramírez)".
        inner = m.group(0)
        if "&" in inner or "et al" in inner or re.search(r"\d{4}", inner):
            return True
        if any(n.lower() in wl.THEORISTS for n in names):
            return True
        if not before:
            return False
        w = before.group(1)
        return (
            w.lower() in METHOD_WORDS
            or (w.isupper() and len(w) >= 2)
            or (w[0].isupper() and not _opens_sentence(text, m.start() - len(before.group(0))))
        )
    return False


METHOD_WORDS = wl._set(
    "activation, therapy, treatment, approach, model, framework, protocol, manual, intervention,"
    "scaling, materials, exercise, worksheet, program, curriculum, technique, skills, training,"
    "theory, stages, rehearsal, assessment, method, measure, scale, inventory, concept, work,"
    "anger, grief, exposure, mindfulness, parenting, guide, workbook, principles, phases"
)


def _opens_sentence(text: str, pos: int) -> bool:
    return re.search(r"(?:^|[.!?:;\n])[\s\"“(]*$", text[max(0, pos - 6) : pos]) is not None


PER_AUTHOR_RE = re.compile(r"\bper[ \t]+$")
AUTHOR_PAIR_RE = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+(?:&|and)[ \t]+[A-Z][\w'’-]+)?")


def per_author(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """'consider culturally adapted CBT per Hinton.': a surname after 'per'."""
    span = text[c.start : c.end]
    return (
        c.type == "NAME"
        and PER_AUTHOR_RE.search(text, max(0, c.start - 6), c.start) is not None
        and AUTHOR_PAIR_RE.fullmatch(span) is not None
        and span.split()[0].lower() not in gz.first
    )


def theorist_compound(span: str, c: Candidate) -> bool:
    """'Gottman-Rapoport', 'Gottman-informed': a hyphenated word holding a theorist's name."""
    return (
        c.type == "NAME"
        and "-" in span
        and " " not in span
        and any(p.lower() in wl.THEORISTS for p in span.split("-"))
    )


ADJ_SUFFIX_RE = re.compile(r"(?:al|ive|ic|id|ous|ary|ory|ant|ent|ile|able|ible|ar)$")


def opening_adjective(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """'Comorbid anxiety', 'Acculturative stress', 'Perinatal' after a heading dash: a technical
    adjective opening a sentence before an ordinary word, not a name (a given name or surname
    of that shape stays)."""
    span = text[c.start : c.end]
    lw = span.lower()
    if c.type != "NAME" or not span.isalpha() or not ADJ_SUFFIX_RE.search(lw):
        return False
    if lw in gz.first or lw in gz.surname_rank or lw in gz.cities:
        return False
    line_start = text.rfind("\n", 0, c.start) + 1
    before = text[line_start : c.start]
    if not re.search(r"(?:^|[.;:!?—–]|\s-)\s*$", before):
        return False
    m = re.match(r"[ \t]+([a-z]+)\b", text[c.end :])
    after_ok = m is not None and m.group(1) in gz.common and m.group(1) not in gz.first
    heading = text[c.end : c.end + 1] in ("", "\n") and re.search(r"[—–]\s*$", before) is not None
    return after_ok or heading


ROLE_BEFORE_LETTER_RE = re.compile(
    r"\b(?:[Pp]artner|[Cc]lient|[Mm]ember|[Pp]arent|[Cc]aregiver|[Pp]articipant|[Ss]ibling|"
    r"[Cc]hild|[Ss]tudent|[Pp]atient|[Pp]erson|[Ss]peaker|[Tt]eacher|[Pp]art|[Ff]orm|[Ss]ection|"
    r"[Pp]lan|[Oo]ption|[Ss]ide|[Gg]roup)[ \t]+$"
)
GENERIC_ADDRESSEES = wl._set("court, the court, whom it may concern, to whom it may concern")
# Kinds of court and national services, named alone: they locate no one ("Family Court",
# "Adult Protective Services", "the 988 Lifeline"); a county or city with them is a finding.
GENERIC_SERVICES = wl._set(
    "family court, juvenile court, drug court, probate court, district court, superior court,"
    "circuit court, municipal court, housing court, traffic court, small claims court,"
    "legal aid, adult protective services, child protective services, protective services,"
    "member services, customer service, lifeline, suicide & crisis lifeline, crisis lifeline,"
    "crisis text line, veterans crisis line, national domestic violence hotline, trevor project,"
    "nimh, samhsa, ncmec, cybertipline, ncmec cybertipline, social security, medicaid, medicare"
)


def generic_addressee(text: str, c: Candidate) -> bool:
    """'To the Court:', 'Letter for Court', 'To Whom It May Concern' (not "wyndham court")."""
    span = text[c.start : c.end]
    if span.lower() not in GENERIC_ADDRESSEES or not span[0].isupper():
        return False
    before = text[max(0, c.start - 20) : c.start]
    lead = re.search(r"\b(?:the|for|to|honorable)[ \t]+$", before, re.I)
    return "whom" in span.lower() or lead is not None


def role_letter(text: str, c: Candidate) -> bool:
    """'Partner A identified flooding', 'Part A', 'Plan B': a letter after a role or part is a
    label, not an initial; so is the role with its letter ("Partner B 94")."""
    span = text[c.start : c.end]
    if c.type != "NAME":
        return False
    m = re.fullmatch(r"(?:(\w+)[ \t]+)?([A-Z])", span)
    if not m:
        return False
    if m.group(1):
        return ROLE_BEFORE_LETTER_RE.search(m.group(1) + " ") is not None
    return ROLE_BEFORE_LETTER_RE.search(text, max(0, c.start - 14), c.start) is not None


def generic_service(text: str, c: Candidate) -> bool:
    """A kind of court or a national service named alone ("at Legal Aid", "the Family Court"),
    not the tail of a local one ("washtenaw county circuit court")."""
    span = text[c.start : c.end]
    if re.sub(r"^the\s+", "", span.lower().replace("’", "'")) not in GENERIC_SERVICES:
        return False
    before = text[max(0, c.start - 16) : c.start]
    return (
        re.search(
            r"(?:^|\n|[.;:,(]|\b(?:the|a|an|at|to|from|with|in|of|on|by|per|call|"
            r"called|contact|contacted|reviewed|and|or)|\b\d{3})[ \t]*$",
            before,
            re.I,
        )
        is not None
    )


RATING_BEFORE_RE = re.compile(
    r"\b(?:mood|distress|pain|anxiety|anger|craving|cravings|urge|urges|sleep|energy|rating|"
    r"rated|rates|score|scored|suds|intensity|confidence|motivation|readiness|importance|"
    r"stress|hope|hopefulness|safety|out\s+of|check-in|check-out|average)\b[^.\n]{0,12}$",
    re.I,
)


def rating_not_date(text: str, c: Candidate) -> bool:
    """'mood 4/10', 'distress 5/10, down from 7/10': a rating out of ten, not a date; and
    '6-7 hrs': a range of hours."""
    span = text[c.start : c.end]
    hours = re.match(r"\s*(?:hrs?|hours?)\b", text[c.end :]) is not None
    if re.fullmatch(r"\d{1,2}-\d{1,2}", span) and hours:
        return True
    if not re.fullmatch(r"\d{1,2}/10", span):
        return False
    before = text[max(0, c.start - 40) : c.start]
    return RATING_BEFORE_RE.search(before) is not None or re.search(r"\d/10\b", before) is not None


# What a count "N/M" is a count of: "Attendance: 8/10", "rated 5/10", "10/12 sessions".
COUNT_BEFORE_RE = re.compile(
    r"\b(?:attendance|attended|rated|rating|ratings|rate|score|scored|scores|satisfaction|"
    r"drawing|recall|orientation|trials|items?|correct)\b"
    r"[^.\n\d]{0,12}\Z",
    re.I,
)
COUNT_AFTER_RE = re.compile(
    r"[ \t]*(?:sessions|items?|days|nights|weeks|groups|meetings|trials|correct|points)\b",
    re.I,
)


def count_not_date(text: str, c: Candidate) -> bool:
    """'Attendance: 8/10', 'rated relationship satisfaction 5/10', '10/12 sessions': a count or
    a score, not a month and day."""
    if not re.fullmatch(r"\d{1,2}/\d{1,2}", text[c.start : c.end]):
        return False
    before = text[max(0, c.start - 40) : c.start]
    return (
        COUNT_BEFORE_RE.search(before) is not None or COUNT_AFTER_RE.match(text, c.end) is not None
    )


ABSTRACT_NOUN_RE = re.compile(
    r"[A-Z][a-z-]{3,}(?:tion|sion|ness|ment|isms?|ency|ancy|ity|ality|ization|ics|osis|emia|"
    r"thymic|phoria|philia|phobia|mania)"
)


def abstract_noun(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """'Ideation, no plan.', 'Intellectualization?', 'Euthymic, smiling': one capitalized
    abstract or clinical word is no person's name (unless it is a given name: "Trinity")."""
    span = text[c.start : c.end]
    lw = span.lower()
    return (
        c.type == "NAME"
        and ABSTRACT_NOUN_RE.fullmatch(span) is not None
        and lw not in gz.first
        and not 0 < gz.surname_rank.get(lw, 0) <= 20000
    )


ORDINAL_RE = re.compile(DAY_ORDINAL, re.I)
# Nouns an ordinal counts ("the first time", "the second night", "the first ring").
COUNTED_AFTER_ORDINAL = wl._set(
    "time, times, ring, night, nights, day, days, week, weeks, month, months, year, years, slide,"
    "line, chapter, one, ones, home, hospitalization, minutes, minute, hour, hours, floor, grade,"
    "round, rounds, session, sessions, visit, step, part, place, thing, things, kid, child, son,"
    "daughter, wife, husband, marriage, affair, attempt, half, page, question, class, period,"
    "game, shift, person, guy, girl, trimester, semester, quarter, try, job, baby, pregnancy,"
    "deployment, tour, house, apartment, therapist, date, meeting, group, week's, born, grader,"
    "generation, cousin, wave, episode, season, overdose, relapse, dose, drink, beer, cigarette"
)


def ordinal_not_date(text: str, c: Candidate) -> bool:
    """'the first time', 'on the second night', 'the first 15 minutes': an ordinal before the
    noun it counts is not a day of the month."""
    if not ORDINAL_RE.fullmatch(text, c.start, c.end):
        return False
    m = re.match(r"[ \t]+([A-Za-z']+|\d+)", text[c.end : c.end + 30])
    if m is None:
        return False  # end of the sentence: "the twentieth."
    return m.group(1).isdigit() or m.group(1).lower() in COUNTED_AFTER_ORDINAL


# Instruments named for a place or a person ("Vanderbilt parent ratings", "Vineland-3",
# "Conners 4", "Edinburgh was 21", "Roberts-2 cards"): the measure, not the place.
INSTRUMENT_NAME_RE = re.compile(
    r"(?:Vanderbilt|Vineland|Conners|Edinburgh|Hamilton|Columbia|Achenbach|Kaufman|Woodcock|"
    r"Wechsler|Zung|Hopkins|Montreal|Boston|Roberts|Rey|Stanford|Bayley|Peabody|Brown|"
    r"Yale-Brown|Hare|Minnesota|Millon)"
)
INSTRUMENT_AFTER_RE = re.compile(
    r"(?:-\d|[ \t]+\d|[ \t]+(?:parent|teacher|self-report|rating|ratings|scale|scales|form|"
    r"forms|score|scores|total|inventory|questionnaire|checklist|screen|screener|assessment|"
    r"naming|test|cards?|subscale|profile|composite)\b|[ \t]+(?:was|were)[ \t]+\d)"
)


def instrument_name(text: str, c: Candidate) -> bool:
    """A measure named for a place or person, followed by what measures have."""
    return (
        INSTRUMENT_NAME_RE.fullmatch(text, c.start, c.end) is not None
        and INSTRUMENT_AFTER_RE.match(text, c.end) is not None
        and not re.search(
            r"\b(?:at|to|from|attends?|attended|in)[ \t]+$", text[max(0, c.start - 12) : c.start]
        )
    )


def not_identifying(text: str, c: Candidate, gz: Gazetteers) -> bool:
    """One of the shapes above."""
    span = text[c.start : c.end]
    return (
        national_acronym(text, c)
        or acronym_as_name(text, c, gz)
        or compound_adjective(span, c, gz)
        or holiday_fourth(text, c)
        or (c.type in ("NAME", "LOCATION", "ORGANIZATION") and in_quoted_title(text, c, gz))
        or title_words_inside(span, c)
        or after_title_article(text, c)
        or cited_author(text, c, gz)
        or (c.type in ("NAME", "LOCATION", "ORGANIZATION") and document_phrase(text, c, gz))
        or (c.type in ("NAME", "LOCATION", "ORGANIZATION") and counted_noun(text, c))
        or (c.type in ("NAME", "LOCATION", "ORGANIZATION") and heading_or_field(text, c, gz))
        or parenthetical_citation(text, c, gz)
        or per_author(text, c, gz)
        or theorist_compound(span, c)
        or opening_adjective(text, c, gz)
        or (c.type in ("NAME", "LOCATION", "ORGANIZATION") and generic_addressee(text, c))
        or (c.type in ("NAME", "LOCATION", "ORGANIZATION") and generic_service(text, c))
        or (c.type == "DATE" and rating_not_date(text, c))
        or (c.type == "DATE" and count_not_date(text, c))
        or abstract_noun(text, c, gz)
        or (c.type == "DATE" and ordinal_not_date(text, c))
        or (c.type in ("NAME", "LOCATION", "ORGANIZATION") and instrument_name(text, c))
    )
