"""Clinicians' prose: acronyms, national agencies, titles, cited authors, compound adjectives and
holidays are not identifiers, but the same shapes beside a person cue still are. Every sentence
is invented for these tests."""

from __future__ import annotations

import pytest

from app.deid import scan

from .test_scanner import covered

NOT_FLAGGED = [
    # acronyms read as names
    "Trainee: She says the EAP covers six sessions and the FRG has been no help.",
    "C: The nurse read me the MRN off the wristband twice.",
    "Supervisor: Did she score the MDQ or only the ASRS this week?",
    # national agencies
    "C: The VA finally approved my rating after two years of appeals.",
    "C: I spent the morning at the BMV and the afternoon on hold with the IRS.",
    # titles of books and songs
    'C: I read "Man\'s Search for Meaning" in one night and then again.',
    'C: She hummed "Walkin\' After Midnight" every time she did the dishes.',
    "Client reports reading Alan Downs' The Velvet Rage over the holidays.",
    "C: That's a book, right? The Body Keeps the Score? My aunt has it.",
    # cited authors
    "Supervisor: Heimberg's protocol is a good anchor for the group format.",
    "Discussed continuing bonds (Klass, Silverman, and Nickman) with the family.",
    "Introduced post-traumatic growth (Tedeschi & Calhoun) without minimizing the loss.",
    "T: Emily Nagoski writes about responsive desire in exactly these terms.",
    # compound adjectives
    "Intake: Would you prefer a Spanish-speaking clinician for the first visit?",
    "Plan: Gottman-informed work on start-up; Amharic-language resources provided.",
    # headings, form fields, counted nouns and the plan's imperatives in notes
    "Progress Note — Couples Session\nBoth partners present; reviewed the Positive Data Log.",
    "Service: Psychotherapy, 53 minutes. Modality: weekly. Completed Phase 3 of the program.",
    "P: Continue IRT nightly; Re-administer Y-BOCS at Session 16.",
    "Feedback: (2) Around minute 30 you answered your own question. (4) Reminder: use the CTRS.",
    # technical adjectives opening a sentence, and clinical acronyms
    "Client is 29. Comorbid anxiety (GAD-7 13). Acculturative stress and role strain.",
    "Intake Note — Perinatal\nClient is a 29-year-old first-time parent.",
    "Trainee: Would love thoughts on WET vs. CPT; the GI side effects stopped the Lexapro.",
    # role letters, generic addressees and named treatments or diagnoses
    "DAS scores: Partner A 88, Partner B 94. Partner A identified flooding; Part A positive.",
    "Letter for Court\nTo the Court:\nTo Whom It May Concern: this letter confirms attendance.",
    "Try Structural Family Therapy moves. Impression: Oppositional Defiant Disorder (F91.3).",
    # ratings out of ten, ranges of hours, kinds of court and national services, form fields
    "Check-out: average distress 5/10, down from 7/10 at check-in. Mood 4/10.",
    "Sleeping 6-7 hrs with trazodone; no naps.",
    "To the Honorable Court,\nThis letter confirms attendance.",
    "Have you talked to anyone at Legal Aid? The 988 Lifeline was reviewed.",
    "Step-down: Residential to IOP\nFollow-up: Psychiatry in 7 days",
    # citations in a note, and a theorist's named work
    "Plan: behavioral activation (Areán), six sessions; exposure per Sloan & Marx.",
    "Group discussed FBT (Lock & Le Grange) and read Chapter 4 (Greenberger & Padesky).",
    "Discussed Young's Schema Therapy and Johnson's EFT cycle de-escalation.",
    # the holiday
    "C: I'm not planning further than the Fourth of July right now.",
    "C: i always drink too much around the fourth of july",
]

STILL_FOUND = [
    # a given name in capitals, or a prefix of a licence number
    ("C: My son ROWAN won't talk to me.", "ROWAN", "NAME"),
    ("Dr. Raith-Moss, Licensed Psychologist #PSY 28814", "PSY", None),
    # a branch named with its place, and local branches of national groups
    ("C: I work nights at the VA in Palo Alto now.", "Palo Alto", None),
    ("C: the group at the kenosha ymca was good", "ymca", "ORGANIZATION"),
    # a quoted nickname, and a venue called "The ..."
    ('C: Everyone at the shop calls him "Big Mike" now.', "Big Mike", "NAME"),
    ("The youth center is The Attic, on Chestnut.", "Attic", None),
    # hyphenated given names
    ("C: My roommate Ji-woo saw it and said nothing.", "Ji-woo", "NAME"),
    ("C: Jun-ho? He's the golden child in our family.", "Jun-ho", "NAME"),
    # places with "of"
    ("C: He has a check-in at the Hall of Justice on Monday.", "Hall of Justice", None),
    # a date of the month said as "the fourth"
    ("c: he had the stroke sunday the fourth and never woke up", "fourth", "DATE"),
    # a business known by its owner's name, a centre named for a subject, a letter's addressee
    ("C: I went to Duffy's Tavern after work again.", "Duffy's Tavern", None),
    ("School (the Salt Lake Center for Science Education) has been supportive.", "Science", None),
    ("To: HR Department, Pinnacle Credit Union, Boise", "Pinnacle Credit Union", None),
    # names of the same shape as a technical adjective
    ("C: Crystal called me. Bryant said no.", "Bryant", "NAME"),
    ("C: My psychiatrist is Dr. Esposito-Grant now.", "Esposito-Grant", "NAME"),
    # a practice named with ordinary words, a place called "court", an initial after kin
    ("C: I work at Bright Path Therapy now.", "Bright Path Therapy", None),
    ("c: im outside wyndham court right now", "court", None),
    ("C: My brother J and I went to the lake.", "J", "NAME"),
    # dates written like ratings, a local court, names in brackets that cite no one
    ("C: We got married on 4/10 and she left me on 6/12.", "4/10", "DATE"),
    ("c: the case is in washtenaw county circuit court", "circuit court", None),
    ("Two cats (Mittens, Jasper) appear healthy.", "Jasper", "NAME"),
    ("Team (Obi, Ramírez) responded; client agreed to go.", "Ramírez", "NAME"),
    # a person in brackets after a relation
    ("Client's sister (Marisol) attended the session.", "Marisol", "NAME"),
    # a kinship cue before a word that looks like a term
    ("C: My sister Grace writes about her divorce on her blog.", "Grace", "NAME"),
]

# Frequent words after a lower-case cue are words, not names.
FREQUENT_NOT_NAMES = [
    "c: she still calls me every sunday to ask if im eating",
    "c: his mama ain't called him since his birthday",
    "t: what do you miss most about how he used to be",
    "c: the judge gave him probation and eighteen months",
    "c: i think nobody ever said that to me",
    "t: can we call them together right now",
]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_prose_terms_are_not_flagged(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(("text", "needle", "typ"), STILL_FOUND)
def test_identifiers_of_the_same_shape_are_found(text: str, needle: str, typ: str | None) -> None:
    assert covered(text, needle, typ), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize("text", FREQUENT_NOT_NAMES)
def test_frequent_words_after_cues_are_not_names(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "NAME"], [(f.text, f.type) for f in scan(text)]


def test_a_name_after_a_frequent_word_is_still_found() -> None:
    assert covered("c: they all call me big mike at the plant", "mike", "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Trainee: I did. Ideation, no plan.",
        "Supervisor: Intellectualization, and maybe you feel outclassed?",
        "T: Permanency for youth aging out is about relationships.",
    ],
)
def test_one_capitalized_abstract_word_is_not_a_name(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


def test_a_given_name_with_an_abstract_ending_is_still_a_name() -> None:
    assert covered("C: My friend Trinity called last night.", "Trinity", "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Plan: Community Reinforcement and Family Training (CRAFT; Meyers & Smith); next week.",
        "P: Continue brave-talk ladder (Kotrba, Overcoming Selective Mutism), stimulus fading.",
        "Safety Plan (Stanley & Brown template) reviewed.",
        "A: cycle consistent with an EFT formulation (Johnson, Hold Me Tight).",
    ],
)
def test_citations_that_show_themselves(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Team (Obi, Maria Lopez) met today.", "Maria Lopez"),
        ("C: Two cats (Mittens, Jasper).", "Jasper"),
    ],
)
def test_names_in_brackets_that_cite_nothing(text: str, needle: str) -> None:
    assert covered(text, needle, "NAME"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Intake — Employee Assistance Program\nReferral: management referral from employer.",
        "Intake — University Counseling\nReferred by a resident advisor.",
        "Group Note — Anger Management, Session 6",
    ],
)
def test_a_kind_of_service_after_a_document_heading(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Exit Summary — Lighthouse Youth Shelter\nYouth stayed 30 days.", "Lighthouse"),
        ("504 Plan Meeting Notes — Cottonwood Elementary\nAttendees: staff", "Cottonwood"),
    ],
)
def test_a_named_place_after_a_document_heading(text: str, needle: str) -> None:
    assert covered(text, needle, None), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "C: This is the first time she's asked me for anything.",
        "C: She picked up on the second ring.",
        "Kai refused to speak for the first 15 minutes.",
    ],
)
def test_an_ordinal_before_what_it_counts_is_not_a_date(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "DATE"], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("c: my court date is on the fourth and i'm scared", "fourth"),
        ("therapist: the 11th works same time", "11th"),
        ("c: his birthday is the twelfth so call him", "twelfth"),
    ],
)
def test_a_day_of_the_month_stays_a_date(text: str, needle: str) -> None:
    assert covered(text, needle, "DATE"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Vanderbilt parent ratings elevated on inattentive items.",
        "Parent report on the Vineland-3 indicated weakness in socialization.",
        "She's on lithium. Edinburgh was 21 at admission, now 9.",
    ],
)
def test_instruments_named_for_places(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [("C: My son goes to Vanderbilt in the fall.", "Vanderbilt"),
     ("C: I went to Edinburgh last year.", "Edinburgh")],
)  # fmt: skip
def test_the_places_themselves_stay_findings(text: str, needle: str) -> None:
    assert covered(text, needle, None), [(f.text, f.type) for f in scan(text)]


def test_a_person_with_an_instrument_surname_is_still_a_person() -> None:
    assert covered("C: Roberts was my boss for years.", "Roberts", "NAME")
