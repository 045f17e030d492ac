"""Diarization speaker labels, a business's branch or site with its place, lower-case named
organizations in speech-recognition text, and counts written like dates. Every sentence is
invented for these tests."""

from __future__ import annotations

import pytest

from app.deid import scan

from .test_scanner import covered


def _one_span(text: str, needle: str, typ: str) -> bool:
    """One finding of type typ covers the whole needle."""
    s = text.index(needle)
    e = s + len(needle)
    return any(f.start <= s and e <= f.end and f.type == typ for f in scan(text))


@pytest.mark.parametrize(
    "text",
    [
        "spk_0: how was the weekend\nspk_1: we went down to the river with the dog",
        "speaker_1: i got accepted to the program\nspeaker_2: congratulations",
        "SPK-0: what did you notice\nSPK-1: like i was floating above us",
    ],
)
def test_diarization_labels_are_roles(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("C: He got the job at the Boeing plant in Everett.", "Boeing plant in Everett"),
        ("C: My boss at the Ocean Spray plant in Tomah said one more call.", "plant in Tomah"),
        ("C: Still avoiding the Walgreens on Alameda where it happened.", "Walgreens on Alameda"),
        ("C: She works at the Del Monte cannery in Hanford.", "Del Monte cannery in Hanford"),
    ],
)
def test_a_branch_or_site_with_its_place_is_one_organization(text: str, needle: str) -> None:
    assert _one_span(text, needle, "ORGANIZATION"), [(f.text, f.type) for f in scan(text)]


def test_a_person_beside_a_place_stays_a_person() -> None:
    text = "C: My sister Maria in Everett calls me every night."
    assert covered(text, "Maria", "NAME") and covered(text, "Everett", "LOCATION")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("c: we go to new life church and pastor dwayne said it's a test", "new life church"),
        ("c: we're planning the party at sons of italy lodge for gene", "sons of italy lodge"),
        ("c: yeah at the lighthouse food pantry with my neighbor gloria", "lighthouse food pantry"),
        (
            "c: my case worker rosa from marion county family services called",
            "marion county family services",
        ),
    ],
)
def test_lower_case_named_organizations_are_found(text: str, needle: str) -> None:
    assert _one_span(text, needle, "ORGANIZATION"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "c: we went to the catholic church with my mom and dwayne",
        "c: she wants to go to nursing school and dwayne wants to go to community college",
        "c: i went to school with dwayne and then to college",
    ],
)
def test_kinds_of_organization_are_not_organizations(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "ORGANIZATION"], [
        (f.text, f.type) for f in scan(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Group note. Attendance: 8/10. Urine screens negative for all present.",
        "Both rated relationship satisfaction 5/10 (up from 3).",
        "Treatment plan review: 10/12 sessions attended; PHQ-9 20 to 11.",
    ],
)
def test_counts_and_scores_are_not_dates(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "DATE"], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Plan: FBA to be completed by 11/22; BIP review at next meeting.", "11/22"),
        ("Client informed at session on 10/9.", "10/9"),
        ("10/14 session note draft: client reports conflict at home.", "10/14"),
    ],
)
def test_dates_beside_clinical_words_are_still_dates(text: str, needle: str) -> None:
    assert covered(text, needle, "DATE"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle", "typ"),
    [
        ("C: Our old Lanos, the plate was AX 4417 KB, they checked every bag.", "AX 4417 KB", "ID"),
        ("C: I read the number to them three times, ZRC 448120913.", "ZRC 448120913", "ID"),
        ("Visited client's mother, Agnes Kowalski, 96, at her apartment.", "96", "AGE"),
        ("IOP Attendance Log\n1/8 — attended\n1/15 — no-show", "1/15", "DATE"),
        ("c: so like every march i get really low", "march", "DATE"),
        ("c: ever since june he hasn't called", "june", "DATE"),
    ],
)
def test_whole_numbers_ages_log_dates_and_months_after_a_time_word(
    text: str, needle: str, typ: str
) -> None:
    assert _one_span(text, needle, typ), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "MRN 00482917 DOB on file",
        "c: we march every sunday for the cause",
        "c: she may come if she can",
        "Scores: PHQ, 14, GAD, 9",
    ],
)
def test_cue_words_and_verbs_stay_outside(text: str) -> None:
    found = [(f.text, f.type) for f in scan(text)]
    assert not [f for f in found if f[1] in ("DATE", "AGE") or "DOB" in f[0]], found


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("C: my roblox user is bloxxyMaddie2011 and somebody kept asking", "bloxxyMaddie2011"),
        ("Client: my main is n0tjustkev and my duo is spicyboba44.", "n0tjustkev"),
        ("Client: my main is n0tjustkev and my duo is spicyboba44.", "spicyboba44"),
    ],
)
def test_usernames_by_their_shape(text: str, needle: str) -> None:
    assert _one_span(text, needle, "HANDLE"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "C: i got covid19 twice this year",
        "C: The app Pulse360 tracks my sleep.",
        "C: I'm on session12",
    ],
)
def test_words_with_numbers_are_not_usernames(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "HANDLE"], [(f.text, f.type) for f in scan(text)]


def test_a_roster_names_people_and_their_ages() -> None:
    text = (
        "Grief Group — Maple Senior Center\n"
        "Attendees: Mildred (91), Herb (87), Rosalind Pike, Ike (93)\n"
        "Topic: loneliness after loss."
    )
    for needle, typ in [("Mildred", "NAME"), ("Herb", "NAME"), ("Rosalind Pike", "NAME"),
                        ("91", "AGE"), ("93", "AGE")]:  # fmt: skip
        assert _one_span(text, needle, typ), [(f.text, f.type) for f in scan(text)]
    assert not [f for f in scan(text) if f.text in ("Attendees", "Topic")]


def test_roles_in_a_roster_are_not_names() -> None:
    assert scan("Present: Therapist, Member 2, Member 3, Co-facilitator") == []


def test_the_name_under_a_closing_is_a_name() -> None:
    text = "Please call with questions.\nGratefully,\nAna Beltrán, LMHC"
    assert _one_span(text, "Ana Beltrán", "NAME"), [(f.text, f.type) for f in scan(text)]
    assert scan("Please call with questions.\nSincerely,\nTreating Clinician, LCSW") == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("504 Plan Meeting Notes — Cottonwood Elementary\nDate: soon", "Cottonwood Elementary"),
        ("Referred to Millstone Counseling Group; parent called.", "Millstone Counseling Group"),
    ],
)
def test_a_named_school_or_practice_in_a_heading_is_found(text: str, needle: str) -> None:
    assert _one_span(text, needle, "ORGANIZATION"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle", "typ"),
    [
        (
            "c: were gonna be at twenty two ten far hills avenue suite four starting monday",
            "avenue suite four",
            "LOCATION",
        ),
        ("caller: i'm at the motel six on airline highway now", "motel six on", "ORGANIZATION"),
        ("C: The parking lot of the Motel 6 off I-35 in Temple.", "Motel 6 off", "ORGANIZATION"),
    ],
)
def test_units_said_aloud_and_numbered_chains(text: str, needle: str, typ: str) -> None:
    assert _one_span(text, needle, typ), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("intake: and you're a student at georgia state", "georgia state"),
        ("c: my daughter got accepted to montana state and i should be happy", "montana state"),
    ],
)
def test_state_universities_in_speech(text: str, needle: str) -> None:
    assert _one_span(text, needle, "ORGANIZATION"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("c: deployed with second battalion fifth marines", "second battalion fifth marines"),
        ("client: i was with 2nd battalion 8th marines in oh nine", "2nd battalion 8th marines"),
        ("c: my dad's old friends from local four oh one were there", "local four oh one"),
        ("caller: he's at the vfw post seventeen twenty drinking", "vfw post seventeen twenty"),
        ("c: i grew up going to our lady of guadalupe and", "our lady of guadalupe"),
    ],
)  # fmt: skip
def test_units_locals_posts_and_parishes_said_aloud(text: str, needle: str) -> None:
    assert _one_span(text, needle, "ORGANIZATION"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "c: in the first division of the tournament",
        "c: we went to the post office",
        "c: i was the first one there",
    ],
)
def test_ordinals_and_offices_are_not_units(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "ORGANIZATION"], [
        (f.text, f.type) for f in scan(text)
    ]


def test_a_route_numbered_in_the_teens_said_aloud() -> None:
    text = "c: i sat in the parking lot on route nineteen and did the urge surfing"
    assert _one_span(text, "route nineteen", "LOCATION"), [(f.text, f.type) for f in scan(text)]
