"""Behaviour tests for the looser rules (names that are words, orgs/places by position, bare IDs).

Every example is invented for these tests; none is copied from a benchmark set.
"""

from __future__ import annotations

import pytest

from app.deid import scan

from .test_scanner import covered

MUST_FIND = [
    # A. given names that are also words, at sentence start / vocative / lower-case with a cue
    ("C: Grant never calls back. It's exhausting.", "Grant", "NAME"),
    ("C: Dawn. She raised me after that.", "Dawn", "NAME"),
    ("T: Chase, what did you hear her say?", "Chase", "NAME"),
    ("C: Ruby was the one who found me.", "Ruby", "NAME"),
    ("C: May was born in October, right before the move.", "May", "NAME"),
    ("C: my cousin ruby drove me home", "ruby", "NAME"),
    ("C: Penny called. Later Penny is coming over.", "Penny", "NAME"),
    # B. other cultures, diacritics, surname-first, hyphenated, 'go by'
    ("C: Inés keeps the books for the family.", "Inés", "NAME"),
    ("C: Adebayomiwa is my cousin's name.", "Adebayomiwa", "NAME"),
    ("C: My aunt is Kim Ji-hye, she lives upstairs.", "Ji-hye", "NAME"),
    ("C: I go by Ace at school now.", "Ace", "NAME"),
    ("C: My TA, Dakota, said the same thing.", "Dakota", "NAME"),
    ("C: Our neighbours are on Larchmere, two doors down.", "Larchmere", None),
    # C. ages over 89 without 'years old'
    ("C: Grandpa's 97 and sharper than me.", "97", "AGE"),
    ("C: My great-aunt lived to ninety-three.", "ninety-three", "AGE"),
    # D. organisations without suffixes / cut short
    ("C: I stock shelves at Piggly Wiggly on weekends.", "Piggly Wiggly", "ORGANIZATION"),
    ("C: He delivers for DoorDash most nights.", "DoorDash", "ORGANIZATION"),
    ("C: She flunked out of Kansas State last spring.", "Kansas State", "ORGANIZATION"),
    ("C: We joined Greater Hope Assembly of God.", "Assembly of God", "ORGANIZATION"),
    ("C: A detective from the Lowell Police Department called.", "Lowell Police Department", None),
    ("C: Mass at Mother Bethel AME runs long.", "AME", "ORGANIZATION"),
    ("C: I bake at Dot's Donut Shop now.", "Donut Shop", "ORGANIZATION"),
    ("C: She swims for the Millbrook Marlins swim team.", "Millbrook Marlins", "ORGANIZATION"),
    ("C: they admitted me at northgate behavioral", "northgate", None),
    ("C: she was born at st josephs like me", "st josephs", None),
    # E. places
    ("C: meet at the diner on main and third", "main and third", None),
    ("C: she lives on grove st now", "grove st", "LOCATION"),
    ("C: Send it to Salem, Oregon 97301 please.", "97301", "LOCATION"),
    ("C: We grew up in Powder-Ridge, near the mill.", "Powder-Ridge", "LOCATION"),
    ("C: We hiked around Lake Wenatchee.", "Lake Wenatchee", "LOCATION"),
    # F. dates, IDs, handles, phones
    ("C: I can do the 17th if that works.", "17th", "DATE"),
    ("C: The trial ran from 11.19 to the spring.", "11.19", "DATE"),
    ("C: The meter's serial, KX8812047Q, is on the side.", "KX8812047Q", "ID"),
    ("C: Sure, my LMFT number is 55123.", "55123", "ID"),
    ("C: His snap is jay.rocks.22 if you want it.", "jay.rocks.22", "HANDLE"),
    (
        "C: call six one seven, then four four two, nine nine one zero",
        "nine nine one zero",
        "PHONE",
    ),
]

MUST_NOT_FLAG = [
    # G. contractions, modals, theorists, kinship/religious words, common nouns, cars
    "C: My dad won't be around this year, he hasn't called.",
    "C: Will you stop doing that? May I finish?",
    "C: My ex will want to argue about it.",
    "T: Rollnick and Miller call that sustain talk.",
    "T: Tatkin writes about partners as a couple bubble.",
    "C: After Jummah I sat with my Abba and Umma for a while.",
    "C: Nani made dal and Dadi just watched TV.",
    "C: The counselor waitlist is two months long.",
    "C: It was a silver Corolla, I think.",
    "C: Hope is hard right now. Summer, maybe, was easier.",
    "C: Grace period on the rent ends soon.",
    "C: Art therapy helped more than talking did.",
    "C: I was at Christmas dinner with everyone.",
    "C: I spend hours on Instagram and TikTok at night.",
    "C: I took the 3rd floor stairs and stopped on the 2nd step.",
]


@pytest.mark.parametrize(("text", "needle", "typ"), MUST_FIND)
def test_loose_must_find(text: str, needle: str, typ: str | None) -> None:
    assert covered(text, needle, typ), scan(text)


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_loose_must_not_flag(text: str) -> None:
    assert scan(text) == [], scan(text)
