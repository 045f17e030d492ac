"""Behaviour tests for the PHI scanner (app.deid.scan)."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from pathlib import Path

import pytest

from app.deid import Finding, scan

DEV = Path(__file__).resolve().parents[2] / "bench" / "data" / "deid_dev.jsonl"


def covered(text: str, needle: str, typ: str | None = None, occurrence: int = 0) -> bool:
    """True if the occurrence of needle in text is fully covered by findings (of type typ)."""
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    s = starts[occurrence]
    e = s + len(needle)
    return any(f.start <= s and f.end >= e and (typ is None or f.type == typ) for f in scan(text))


MUST_FIND = [
    # names
    ("C: Honestly awful. Maggie called me on the 14th.", "Maggie", "NAME"),
    ("C: i told jake i was done", "jake", "NAME"),
    ("C: My daughter Hope starts kindergarten soon.", "Hope", "NAME"),
    ("C: Will said I was too much.", "Will", "NAME"),
    ("C: I went to see Will at the hospital.", "Will", "NAME"),
    ("C: My friend Bill from AA drove me.", "Bill", "NAME"),
    ("C: My wife Grace doesn't know yet.", "Grace", "NAME"),
    ("C: Faith told me she's pregnant.", "Faith", "NAME"),
    ("C: My cousin Rose is getting married.", "Rose", "NAME"),
    ("C: My boss, Mark Delaney, fired me on the spot.", "Mark Delaney", "NAME"),
    ("C: April and I broke up last week.", "April", "NAME"),
    ("C: I stayed at Maggie's for a week.", "Maggie", "NAME"),
    ("C: My brother Tom still won't call.", "Tom", "NAME"),
    ("C: Dr. Feldman upped my dose again.", "Feldman", "NAME"),
    ("C: Mrs. Gutierrez thinks he has ADHD.", "Gutierrez", "NAME"),
    ("C: My boss at Kroger, Dave Ostrowski, keeps texting me.", "Dave Ostrowski", "NAME"),
    ("C: The landlord was Robert J. Kessler.", "Robert J. Kessler", "NAME"),
    ("C: Mary-Kate from the shelter helped me.", "Mary-Kate", "NAME"),
    ("C: my brother marco is the only one who gets it", "marco", "NAME"),
    ("C: I saw Priyanka and Devesh at the party.", "Priyanka", "NAME"),
    ("Maria: I don't think I can do group this week.", "Maria", "NAME"),
    ("Dr. Feldman: What's getting in the way?", "Feldman", "NAME"),
    # places
    ("C: Mom is moving to Dayton.", "Dayton", "LOCATION"),
    ("C: We lived at 1420 Elm Street for years.", "1420 Elm Street", "LOCATION"),
    ("C: She lives on Maple Ave now.", "Maple Ave", "LOCATION"),
    ("C: We met at the Riverside Mall.", "Riverside Mall", "LOCATION"),
    ("C: We walked around Lake Harriet.", "Lake Harriet", "LOCATION"),
    ("C: They moved to Cuyahoga County.", "Cuyahoga County", "LOCATION"),
    ("C: Mail it to Louisville, KY 40202.", "40202", "LOCATION"),
    ("C: I grew up in Yakima.", "Yakima", "LOCATION"),
    ("C: we moved to spokane after that", "spokane", "LOCATION"),
    # dates
    ("C: It happened on 3/14.", "3/14", "DATE"),
    ("C: It happened on 3/14/2023.", "3/14/2023", "DATE"),
    ("C: It happened on March 14th.", "March 14th", "DATE"),
    ("C: It was the 14th of March 2023.", "14th of March 2023", "DATE"),
    ("C: It started in March 2023.", "March", "DATE"),
    ("C: She called me on the 14th and yelled.", "14th", "DATE"),
    ("C: Her birthday is June 2, so soon.", "June 2", "DATE"),
    ("C: The hearing is on 2021-08-19.", "2021-08-19", "DATE"),
    # ages
    ("C: She's 93 and still drives.", "93", "AGE"),
    ("C: He is ninety-four years old.", "ninety-four", "AGE"),
    # phones
    ("C: Text me at 555-218-4490.", "555-218-4490", "PHONE"),
    ("C: Call (555) 218 4490 please.", "(555) 218 4490", "PHONE"),
    ("C: Call 555.218.4490 please.", "555.218.4490", "PHONE"),
    ("C: Call +1 555 218 4490 please.", "+1 555 218 4490", "PHONE"),
    (
        "C: it's five five five, two one eight, four four nine zero",
        "five five five, two one eight, four four nine zero",
        "PHONE",
    ),
    ("C: it's 555 2 1 8 4490 now", "555 2 1 8 4490", "PHONE"),
    (
        "C: it's five five five two one eight forty four ninety",
        "five five five two one eight forty four ninety",
        "PHONE",
    ),
    # contact, ids
    ("C: Email maggie.r@gmail.com please.", "maggie.r@gmail.com", "EMAIL"),
    ("C: It's on www.ostrowskiphoto.com now.", "www.ostrowskiphoto.com", "URL"),
    ("C: Look at instagram.com/jdoe if you want.", "instagram.com/jdoe", "URL"),
    ("C: He logged in from 73.114.20.9 last night.", "73.114.20.9", "IP"),
    ("C: He messages me from @jdoe_22 at night.", "@jdoe_22", "HANDLE"),
    ("C: My social is 123-45-6789.", "123-45-6789", "ID"),
    (
        "C: my social is five one two four four six seven eight nine",
        "five one two four four six seven eight nine",
        "ID",
    ),
    ("C: My MRN is 00483921.", "00483921", "ID"),
    ("C: The member ID is XJH4471209.", "XJH4471209", "ID"),
    ("C: The cops ran my plate, BXR 4471.", "BXR 4471", "ID"),
    # organizations
    ("C: He goes to Lincoln High now.", "Lincoln High", "ORGANIZATION"),
    ("C: She's at Oak Ridge Elementary.", "Oak Ridge Elementary", "ORGANIZATION"),
    ("C: I transferred to UC Davis.", "UC Davis", "ORGANIZATION"),
    ("C: She went to St. Mary's for high school.", "St. Mary's", "ORGANIZATION"),
    ("C: I work at Kroger on nights.", "Kroger", "ORGANIZATION"),
    ("C: I got a job at Target.", "Target", "ORGANIZATION"),
    ("C: They took her to Mercy General.", "Mercy General", "ORGANIZATION"),
    ("C: We go to First Baptist on Sundays.", "First Baptist", "ORGANIZATION"),
    ("C: I work at Hendricks Plumbing.", "Hendricks Plumbing", "ORGANIZATION"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "needle", "typ"), MUST_FIND)
def test_must_find(text: str, needle: str, typ: str) -> None:
    assert covered(text, needle, typ), [dataclasses.astuple(f) for f in scan(text)]


MUST_NOT_FLAG = [
    "Supervisor: Freud, Winnicott and Yalom all say something about this.",
    "T: Bowlby and Klein would disagree. Kohut too. Rogers, Jung, Beck, Linehan, Bion.",
    "T: We could try CBT, DBT, ACT, EMDR or IFS.",
    "T: Your PHQ-9 score of 14 and GAD-7 of 11 fit F41.1 in the DSM-5, ICD-10 too.",
    "C: I've been sober for three weeks, about 20 minutes a day of meditation.",
    "C: Last Tuesday was bad. Next week will be better. Yesterday too. This weekend?",
    "Therapist: How are you?\nClient: Fine.\nMember 2: Same.\nT: Okay.\nC: Yeah.",
    "C: My grandmother is 85 and my grandfather is 89.",
    "C: In 2019 I lost my job.",
    "C: We moved from Ohio to Texas, and my dad is from Mexico.",
    "C: God, Mom and Dad were fighting again. Grandma stayed out of it.",
    "C: May I ask you something?",
    "C: Will you still see me next week?",
    "C: They bumped me to 20 mg and I'm a 7 out of 10 today.",
    "C: Christmas Eve is always the worst.",
    "C: Honestly I hope it gets better. Hope is hard right now.",
    "C: Mark my words, he'll be back.",
    "C: The bill came and I hid it.",
    "C: I rated the urge a 3/10 this morning.",
    "C: This is my 3rd session and I'm still nervous.",
    "C: I did the wise mind thing and some opposite action.",
    "Supervisor: Gottman's four horsemen were all in the room.",
    "Supervisee: I used the Columbia protocol and the risk was low.",
    "C: I'm Catholic, my husband is Jewish, and we're both Puerto Rican.",
    "C: I was on Instagram and Netflix all night.",
    "C: The Fourth of July fireworks were hard for me.",
    "yeah last week was better i went to the gym like three times",
]


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text: str) -> None:
    assert scan(text) == [], [dataclasses.astuple(f) for f in scan(text)]


def test_finding_fields_and_offsets() -> None:
    text = "C: Honestly awful. Maggie called me on the 14th and said Mom is moving to Dayton."
    found = scan(text)
    assert [(f.text, f.type, f.label) for f in found] == [
        ("Maggie", "NAME", "NAME"),
        ("14th", "DATE", "DATE"),
        ("Dayton", "LOCATION", "CITY"),
    ]
    for f in found:
        assert isinstance(f, Finding)
        assert text[f.start : f.end] == f.text
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].start = 1  # type: ignore[misc]


def test_unicode_offsets_are_code_points() -> None:
    text = "C: Ça va — my sister Zoë said “call José at 555-218-4490”."
    for f in scan(text):
        assert text[f.start : f.end] == f.text
    assert covered(text, "555-218-4490", "PHONE")
    assert covered(text, "José", "NAME")


def test_propagation_and_possessive() -> None:
    text = (
        "C: My boss, Dave Ostrowski, yelled again.\n"
        "T: What did you say to Ostrowski?\n"
        "C: Nothing. dave's wife called later, and DAVE apologized."
    )
    assert covered(text, "Ostrowski", "NAME", occurrence=1)
    assert covered(text, "dave", "NAME")
    assert covered(text, "DAVE", "NAME")
    found = scan(text)
    assert all(not f.text.endswith("'s") for f in found if f.type == "NAME")


def test_propagation_of_word_names_respects_use() -> None:
    text = "C: My son Will is nine.\nC: Will you tell him? I told Will yesterday."
    found = {(f.start, f.text) for f in scan(text)}
    assert (text.index("Will"), "Will") in found
    assert (text.index("Will you"), "Will") not in found
    assert (text.rindex("Will"), "Will") in found


def test_speaker_labels() -> None:
    text = (
        "[00:12:40] Client: I'm tired.\nTherapist: Say more.\nMember 2: Me too.\n"
        "Supervisor: Okay.\nMaria: Hi.\nDr. Feldman: Hello."
    )
    found = [f.text for f in scan(text)]
    assert found == ["Maria", "Feldman"]


def test_sorted_non_overlapping_longest_wins() -> None:
    text = "C: Go to venmo.com/u/Tish-Begay or call Tish at 555-218-4490 on March 14, 2023."
    found = scan(text)
    assert found == sorted(found, key=lambda f: f.start)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    assert covered(text, "venmo.com/u/Tish-Begay", "URL")
    assert covered(text, "March 14, 2023", "DATE")


def test_labels() -> None:
    text = "C: She lives at 1420 Elm Street, Dayton, OH 45402. My SSN is 123-45-6789."
    labels = {f.text: f.label for f in scan(text)}
    assert labels["1420 Elm Street"] == "STREET"
    assert labels["Dayton"] == "CITY"
    assert labels["45402"] == "ZIP"
    assert labels["123-45-6789"] == "SSN"


def test_deterministic_and_empty() -> None:
    text = "C: Maggie and Jake moved to Toledo on 3/14, call 555-218-4490."
    assert scan(text) == scan(text)
    assert scan("") == []
    assert scan("   \n ") == []


def _word_metrics(rows: list[dict]) -> tuple[float, float, float]:
    gold_n = gold_hit = pred_n = pred_ok = 0
    cleaned = id_rows = 0
    for r in rows:
        text = r["text"]
        gold = [(s["start"], s["end"]) for s in r["spans"]]
        pred = [(f.start, f.end) for f in scan(text)]
        ok = True
        for m in re.finditer(r"\w+", text):
            g = any(m.start() < e and s < m.end() for s, e in gold)
            p = any(m.start() < e and s < m.end() for s, e in pred)
            gold_n += g
            gold_hit += g and p
            pred_n += p
            pred_ok += p and g
            ok = ok and (p or not g)
        if gold:
            id_rows += 1
            cleaned += ok
    return gold_hit / gold_n, pred_ok / max(1, pred_n), cleaned / id_rows


def test_quality_gate_on_dev_set() -> None:
    rows = [json.loads(ln) for ln in DEV.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(rows) >= 200
    recall, precision, cleaned = _word_metrics(rows)
    assert recall >= 0.99
    assert precision >= 0.80
    assert cleaned >= 0.95
    clean = [r for r in rows if not r["spans"]]
    assert len(clean) >= 50
    flagged = sum(1 for r in clean if scan(r["text"]))
    assert flagged / len(clean) < 0.10
