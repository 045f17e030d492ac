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
    (
        "speaker 2: seventeenth march nineteen eighty two",
        "seventeenth march nineteen eighty two",
        "DATE",
    ),
    ("c: the funeral was the ninth of june", "ninth of june", "DATE"),
    # names after "goes by", "his brother is", a spelling note, a relation and a list
    ("caller: my kid goes by river now", "river", "NAME"),
    ("caller: his brother is will which is confusing", "will", "NAME"),
    ("counselor: grace with an e\ncaller: yep", "grace", "NAME"),
    ("c: my mom hanh moved in with us on the first", "hanh", "NAME"),
    ("caller: my two kids amir and zuri and sometimes my mom", "zuri", "NAME"),
    # handles, web addresses and emails said aloud, spelled or joined
    ("c: yeah hes on twitch as xx dark paladin xx and he shows up", "xx dark paladin xx", "HANDLE"),
    ("c: my channel is sleepy ghost tv on twitch", "sleepy ghost tv", "HANDLE"),
    (
        "c: an account called cloud chaser nine nine who sells them",
        "cloud chaser nine nine",
        "HANDLE",
    ),
    ("c: her insta is at weird kid walt", "weird kid walt", "HANDLE"),
    (
        "c: its w w w dot new leaf recovery dot org slash intake and then",
        "w w w dot new leaf",
        "URL",
    ),
    ("c: the gofundme dot com slash f slash justice for andre", "justice for andre", "URL"),
    (
        "c: its zoom dot us slash j slash eight eight two four one",
        "eight eight two four one",
        "URL",
    ),
    ("caller: its b a r b dot a c o s t a at outlook dot com", "b a r b dot a c o s t a", "EMAIL"),
    (
        "c: its big underscore papi underscore thirty two at hotmail dot com",
        "big underscore",
        "EMAIL",
    ),
    (
        "caller: a tiktok account making fun of my son it's at weird kid walt like",
        "kid walt",
        "HANDLE",
    ),
    ("caller: messages from someone called cloud chaser nine nine who's", "chaser nine", "HANDLE"),
    # an extension, letters read before a number, a part of town
    (
        "c: call three oh three five five five zero one six zero extension two two four",
        "extension two two four",
        "PHONE",
    ),
    ("c: my number is n h s dash four four one seven zero", "n h s dash", "ID"),
    ("c: she lives in north nashville now", "north nashville", "LOCATION"),
    (
        "c: i live at four four one nine south seventh avenue apartment two",
        "four four one nine south seventh avenue",
        "LOCATION",
    ),
    # a church by its denomination, a numbered school
    (
        "caller: i sat in the parking lot of first baptist for two hours",
        "first baptist",
        "ORGANIZATION",
    ),
    ("caller: she's at school twenty now", "school twenty", "ORGANIZATION"),
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

MUST_FIND += [
    # addresses, phones and web addresses said aloud
    (
        "c: call me back at six one four dot five five five dot oh one three three ok",
        "six one four dot five five five dot oh one three three",
        "PHONE",
    ),
    (
        "c: the login came from ten dot twelve dot one ninety dot four",
        "ten dot twelve dot one ninety dot four",
        "IP",
    ),
    ("c: her page is bakedbymaya dot com slash orders", "bakedbymaya dot com slash orders", "URL"),
    (
        "c: send it to twenty two oh nine west linden apartment three b please",
        "twenty two oh nine west linden apartment three b",
        "LOCATION",
    ),
    ("caller: its y o u s e f yousef", "y o u s e f yousef", "NAME"),
    ("c: the tag was seven k t w four one nine", "seven k t w four one nine", "ID"),
    # lower-case businesses known by their kind, and names after a role
    (
        "c: the case manager from harbor light residential came by",
        "harbor light residential",
        "ORGANIZATION",
    ),
    (
        "c: the lawyer at legal aid of the valley said wait",
        "legal aid of the valley",
        "ORGANIZATION",
    ),
    ("c: my little sister june is staying with us now", "june", "NAME"),
    ("c: the leader anjali made everyone go around", "anjali", "NAME"),
    ("client: mom youre ninety four you cant drive", "ninety four", "AGE"),
    ("c: unless i gain by the third of may i go back inpatient", "third of may", "DATE"),
]

MUST_FIND += [
    (
        "c: my gamertag is nightowl underscore forty two now",
        "nightowl underscore forty two",
        "HANDLE",
    ),
    ("c: my snap is kira dot m underscore oh nine", "kira dot m underscore oh nine", "HANDLE"),
    ("c: i went into the trader joes on elm avenue by myself", "trader joes", "ORGANIZATION"),
    ("t: mrs oyelaran can you hear me", "oyelaran", "NAME"),
    ("c: after we left kaylees house i cried in the car", "kaylees", "NAME"),
    ("c: i was helping marcus with the move", "marcus", "NAME"),
    (
        "Caller: The Willows at Pine Ridge, building D, unit 118.",
        "building D, unit 118",
        "LOCATION",
    ),
    ("Scheduler: A reminder for R. Okonkwo about Tuesday.", "R. Okonkwo", "NAME"),
    ("C: Deputy Harlan came to the door.", "Harlan", "NAME"),
    (
        "interpreter: he says ninth of june nineteen seventy four",
        "ninth of june nineteen seventy four",
        "DATE",
    ),
]

MUST_NOT_FLAG = [
    # descriptions of a page or channel, not its name
    "c: the page is called grief support and it helps",
    "c: my channel is like gaming stuff mostly",
    "c: my account is private now so nobody sees it",
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
    "c: my a1c is five point seven and my bmi is twenty point two",
    "c: we did the a b c thing and then plan b",
    "c: my sister will never listen to me",
    "c: i went to college for a year and then to rehab",
    "c: he used to say i wasnt college material",
    "c: i walked like two east and then one north",
    "Responder: That sounds hard. Caller: They wanted my DoD ID again.",
    "c: my venmo is private and my insta is like really embarrassing",
    "c: my sister will never listen and my brother is worse",
    "C: On Instagram my mother-in-law posted a 5-star review.",
]


@pytest.mark.parametrize(("text", "needle", "typ"), MUST_FIND)
def test_finds(text: str, needle: str, typ: str) -> None:
    assert covered(text, needle), [(f.text, f.type) for f in scan(text)]
    assert any(
        f.type == typ for f in scan(text) if needle in text[f.start : f.end] or f.text in needle
    )


def test_titles_stay_outside_names() -> None:
    text = "C: Deputy Harlan came to the door. Meanwhile Tanisha slept."
    assert {f.text for f in scan(text)} == {"Harlan", "Tanisha"}


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_does_not_flag(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]
