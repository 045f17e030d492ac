"""Category rules of this round: compressed IPv6, age answers and echoes, answers to name and
"what's it called" questions, month ranges, famous people, emphasis capitals, stage directions.

Every example is invented for these tests; none is copied from a benchmark set.
"""

from __future__ import annotations

import pytest

from app.deid import scan

from .test_scanner import covered

MUST_FIND = [
    ("C: the alert said a login from 2001:db8:3c4d::1a2f at 3 a.m.", "2001:db8:3c4d::1a2f", "IP"),
    ("C: my laptop showed fe80::9c2:11ff:fe3a:77b1 somehow", "fe80::9c2:11ff:fe3a:77b1", "IP"),
    ("T: How old is your aunt these days?\nC: 97. Still drives.", "97", "AGE"),
    ("T: And how old is he?\nC: Oh, 104 in June.", "104", "AGE"),
    (
        "C: grandpa is a hundred and three\nT: a hundred and three\nC: yes",
        "a hundred and three",
        "AGE",
    ),
    ("T: What's your cat's name?\nC: Noodle. My son picked it.", "Noodle", "NAME"),
    ("T: What was the name of the horse?\nC: Thunder. He was old.", "Thunder", "NAME"),
    ("C: the kid, his name was like dustin or whatever", "dustin", "NAME"),
    ("C: Her name is literally Sparrow.", "Sparrow", "NAME"),
    ("T: What's the bakery called?\nC: Sweet Lupe 2, near the bus stop.", "Sweet Lupe 2", None),
    ("T: Where does your son live now?\nC: Fresno. He hates it.", "Fresno", "LOCATION"),
    ("C: I got hired at Marsh & Feld LLP last week.", "Marsh & Feld LLP", "ORGANIZATION"),
    ("C: The wake is at Holy Redeemer Catholic Church.", "Holy Redeemer Catholic Church", None),
    ("C: She stayed with us from October until February.", "October", "DATE"),
    ("C: She stayed with us from October until February.", "February", "DATE"),
    ("C: My daughter Georgia is moving out.", "Georgia", "NAME"),
]

MUST_NOT_FLAG = [
    "C: My mom watched Oprah every afternoon.",
    "T: What would Mister Rogers say to that kid?",
    "C: I keep a Maya Angelou poem on the fridge.",
    "T: Michael White would call that a thin description.",
    "C: My kids are obsessed with Bluey and Paw Patrol.",
    "C: He doesn't just like football, he LIVES for football.",
    "T: (sighs) Tell me more about the move.",
    "C: It felt like being on Mars.",
    "C: I did the Describe and then the Assert, like we practiced.",
    "C: Ha. Right.",
    'C: I read "The Gifts of Imperfection" twice.',
    "C: I was on Concerta ER for years.",
    "C: I keep Googling symptoms at night.",
    "- Allergies: none\n- Diet: regular",
    "T: What's the group called?\nC: Honestly I forget.",
]


@pytest.mark.parametrize(("text", "needle", "typ"), MUST_FIND)
def test_round_must_find(text: str, needle: str, typ: str | None) -> None:
    assert covered(text, needle, typ), [f.text for f in scan(text)]


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_round_must_not_flag(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


def test_country_after_name_is_not_propagated() -> None:
    text = "C: My daughter India starts college soon. I grew up in India myself."
    found = [(f.text, f.start) for f in scan(text)]
    assert ("India", text.index("India")) in found
    assert ("India", text.rindex("India")) not in found


def test_bare_title_is_never_a_name() -> None:
    text = "- Counselor: Mr. Okafor at the middle school"
    assert all(f.text.lower() not in ("mr", "mr.") for f in scan(text))
