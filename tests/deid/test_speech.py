"""Talk as speech recognition writes it: spoken numbers, spelled letters, spoken dates, and names
without capitals. Every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from app.deid import scan

from .test_scanner import covered

MUST_FIND = [
    # record numbers read out in short groups, with or without letters spelled before them
    (
        "c: the member id is q r nine nine one four two zero and then",
        "q r nine nine one four two zero",
        "ID",
    ),
    ("c: tag was j w t two two eight one i think", "j w t two two eight one", "ID"),
    ("c: the docket is nineteen dash three three oh two", "nineteen dash three three oh two", "ID"),
    (
        "c: it begins with four one one zero eight seven i forget the rest",
        "four one one zero eight seven",
        "ID",
    ),
    ("c: the last four of the card are three nine nine two", "three nine nine two", "ID"),
    # dates of birth, spoken
    (
        "t: and your date of birth\nc: uh six nineteen two thousand four",
        "six nineteen two thousand four",
        "DATE",
    ),
    (
        "t: date of birth please\nc: oh seven eleven seventy nine",
        "oh seven eleven seventy nine",
        "DATE",
    ),
    ("c: she was born on july ninth nineteen eighty two", "july ninth nineteen eighty two", "DATE"),
    ("c: it got bad around april of twenty twenty one", "april", "DATE"),
    ("c: we were there from like september to january", "september", "DATE"),
    ("c: we were there from like september to january", "january", "DATE"),
    ("c: um the ninth no wait the tenth it was the tenth", "ninth", "DATE"),
    ("c: since tuesday the sixth i have not slept", "sixth", "DATE"),
    # addresses and ZIP codes, spoken
    (
        "c: it's sixty one oh four birchwood lane in the back",
        "sixty one oh four birchwood lane",
        "LOCATION",
    ),
    (
        "c: mail it to arvada colorado eight zero zero zero two",
        "eight zero zero zero two",
        "LOCATION",
    ),
    ("c: the six oh six two two zip code is where i grew up", "six oh six two two", "LOCATION"),
    ("Intake: And your zip?\nCaller: 60409.", "60409", "LOCATION"),
    ("C: The voucher only covers 48205. That zip is the one I left.", "48205", "LOCATION"),
    # digits named by an earlier cue
    ("C: It was the Visa ending in 7719, I think.", "7719", "ID"),
    ("C: They wanted the last four of my social, so I said 3310 like an idiot.", "3310", "ID"),
    # initials used as a name
    ("C: I'll just call him R.J. from now on.", "R.J.", "NAME"),
    # names without capitals
    ("counselor: and what's your son's name\ncaller: dariusz", "dariusz", "NAME"),
    ("counselor: can i get your name\ncaller: yeah it's marisela", "marisela", "NAME"),
    ("c: hi everyone i'm tadeusz and it's been a rough week", "tadeusz", "NAME"),
    ("c: the girls ivy and maeve are with their dad this week", "ivy", "NAME"),
    ("c: the girls ivy and maeve are with their dad this week", "maeve", "NAME"),
    ("c: and hunter my youngest is already lying to me", "hunter", "NAME"),
    ("c: she keeps talking to kendra again and i can't take it", "kendra", "NAME"),
    ("c: we had to put biscuit down in the spring", "biscuit", "NAME"),
    ("c: our dog waffles sleeps by the door", "waffles", "NAME"),
]

MUST_NOT_FLAG = [
    "c: we did ten twenty thirty minutes on the bike",
    "c: five four three two one and then i breathe",
    "c: it costs forty thousand a year and i can't",
    "c: i was born in nineteen eighty six in a small town",
    "C: The last four years were 2019 to 2023 and they were hard.",
    "c: it's fine i'm okay it's whatever honestly",
    "c: my ex didn't want her so she's mine now",
    "c: i put everything down and walked out",
    "c: it was the second time and the third floor was worse",
    "T: What's his name?\nC: I don't know, he never said.",
    "C: I ran 5 10 15 miles and sat with it.",
]


@pytest.mark.parametrize(("text", "needle", "typ"), MUST_FIND)
def test_finds(text: str, needle: str, typ: str) -> None:
    assert covered(text, needle), [(f.text, f.type) for f in scan(text)]
    assert any(
        f.type == typ for f in scan(text) if needle in text[f.start : f.end] or f.text in needle
    )


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_does_not_flag(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]
