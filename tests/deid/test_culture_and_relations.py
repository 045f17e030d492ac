"""Words of clients' cultures and languages, provinces abroad, medicines, pronoun contractions and
crisis-line roles are not identifiers; a relation said in several words ("my father in law") is
a cue like one word. Every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from app.deid import scan

from .test_scanner import covered


@pytest.mark.parametrize(
    "text",
    [
        "C: Tết was hard this year. First one without Ông Nội.",
        "Client: Hiya. Shame, but not exactly shame. Like embarrassment.",
        "C: Wahala dey o. My landlord wan increase rent again.",
        "C: He never spoke Diné to us, not once.",
        "C: My father reads the Bhagavad Gita every morning.",
        "C: She says Manman, you don't sleep, you don't eat.",
        "Dad: We came from Punjab in 2009. My daughter was born here.",
        "C: Her people are from Michoacán and she misses it.",
        "Plan: Takes Eliquis and Aricept; daughter manages the pill box.",
        "caller: hi i'm calling about my son he's fifteen and the school counselor called",
        "Texter: idk. everyone at school hates me.",
    ],
)
def test_words_of_culture_and_care_are_not_flagged(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("c: my father in law gene made a comment about my weight", "gene"),
        ("c: my step dad ray picks me up on fridays", "ray"),
        ("C: My mother in law Patrice calls every night.", "Patrice"),
        ("c: my case worker rose alvarez said the hearing moved", "rose alvarez"),
    ],
)
def test_a_relation_in_several_words_is_a_cue(text: str, needle: str) -> None:
    assert covered(text, needle, "NAME"), [(f.text, f.type) for f in scan(text)]


def test_a_city_named_like_a_province_is_still_a_city() -> None:
    text = "C: My cousin lives in Oaxaca now, near the market."
    assert covered(text, "Oaxaca", "LOCATION"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("c: okay so jaden is eleven hope is eight and bear is the dog", ["hope", "bear"]),
        ("c: and will is twelve now so he wants his own room", ["will"]),
        ("c: we had to put our dog ranger down and he was fourteen", ["ranger"]),
    ],
)
def test_children_by_age_and_pets_in_lower_case_speech(text: str, needles: list[str]) -> None:
    for needle in needles:
        assert covered(text, needle, "NAME"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    ["c: it is eight and i was ten", "c: the score is eight out of ten", "c: this is my dog"],
)
def test_ages_and_pets_need_a_name(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "NAME"], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("c: he goes by shadow reaper nine nine on xbox and has no friends", "shadow reaper"),
        ("c: i deleted everything i'm quiet moth now on tumblr and nobody knows", "quiet moth"),
        ("c: he's on fortnite all night his name on there is toxic wolf two one", "toxic wolf"),
    ],
)
def test_handles_said_before_their_platform(text: str, needle: str) -> None:
    assert covered(text, needle, "HANDLE"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "c: shes friends with him on instagram",
        "c: he's always playing fortnite on xbox",
        "c: i'm so tired of being on tiktok",
    ],
)
def test_talk_about_platforms_is_not_a_handle(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


def test_a_given_name_that_is_a_word_joins_its_surname() -> None:
    text = "c: my case worker is rose alvarez from the county and she said"
    assert covered(text, "rose alvarez", "NAME"), [(f.text, f.type) for f in scan(text)]
    assert scan("dad: jesus christ") == []


@pytest.mark.parametrize(
    ("text", "needle", "typ"),
    [
        (
            "counselor: and what should i call you\ncaller: bird everybody calls me bird",
            "bird",
            "NAME",
        ),
        ("caller: me and will have been together six years", "will", "NAME"),
        ("caller: my husband will passed away in the fall", "will", "NAME"),
        ("caller: the account he uses is kingdre 216 on instagram and", "kingdre 216", "HANDLE"),
    ],
)
def test_what_people_call_someone_in_speech(text: str, needle: str, typ: str) -> None:
    assert covered(text, needle, typ), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text", ["c: me and i went home", "c: it was like two on tiktok", "c: he will pass the test"]
)
def test_ordinary_speech_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("C: Will says I just need a vacation.\nT: Is Will your brother?", "Is Will"),
        ("C: My husband Will says I need a break. I told Will no.", "told Will"),
        ("C: I will tell you the truth. Will hits me. Not every day.", "Will hits"),
        ("C: Nobody else would feed her. Jun is allergic to cats.", "Jun"),
        ("Jan and I went to the lake.", "Jan"),
    ],
)
def test_names_that_are_words_or_months(text: str, needle: str) -> None:
    name = needle.split()[-1] if needle.split()[0] in ("Is", "told") else needle.split()[0]
    start = text.index(needle) + needle.index(name)
    found = scan(text)
    assert any(f.start <= start < f.end and f.type == "NAME" for f in found), [
        (f.text, f.type) for f in found
    ]


@pytest.mark.parametrize(
    "text", ["Seen on Jun 4 and Jan. 12.", "C: back in Jan we moved", "C: Will you stop?"]
)
def test_months_and_the_modal_stay_what_they_are(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "NAME"], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle", "typ"),
    [
        ("client: everybody calls my brother boo even the cops know him as boo", "boo", "NAME"),
        ("client: elijah's birthday would've been the thirtieth he'd be nine", "thirtieth", "DATE"),
    ],
)
def test_nicknames_and_birthdays_in_speech(text: str, needle: str, typ: str) -> None:
    assert covered(text, needle, typ), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("counselor: and your first name\ncaller: x i o m a r a", "x i o m a r a"),
        ("speaker 2: yes ngozi okonkwo it's n g o z i", "n g o z i"),
        ("caller: it's tee t e e short for tiana", "t e e"),
    ],
)
def test_names_spelled_letter_by_letter(text: str, needle: str) -> None:
    s = text.index(needle)
    found = scan(text)
    assert any(f.start <= s and s + len(needle) <= f.end for f in found), [
        (f.text, f.type) for f in found
    ]


@pytest.mark.parametrize("text", ["c: i i i don't know", "c: a b c easy as that"])
def test_letters_that_spell_nothing(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("client: honestly not great um june came over saturday and we yelled", "june"),
        ("c: so will said he'd pay for it", "will"),
        ("c: and mark told me to leave", "mark"),
    ],
)
def test_word_names_doing_what_people_do(text: str, needle: str) -> None:
    assert covered(text, needle, "NAME"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "c: june went by so fast",
        "c: my hope died that day",
        "caller: i was driving and the other guy ran the light",
        "caller: it is i talk to my cat more than people",
    ],
)
def test_words_doing_what_words_do(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "NAME"], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("c: and i'm working nights at the kindred and my sister won't help", "kindred"),
        ("client: my english teacher at whetstone is the only one who noticed", "whetstone"),
    ],
)
def test_where_someone_works_in_speech(text: str, needle: str) -> None:
    assert covered(text, needle, "ORGANIZATION"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "c: she works at the coffee place near us",
        "caller: i work at the airport in the wheelchair service",
        "c: i started working at seven",
        "c: i work at home now",
    ],
)
def test_kinds_of_workplace_in_speech(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "ORGANIZATION"], [
        (f.text, f.type) for f in scan(text)
    ]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("t: when do you start\nc: the twentieth", "twentieth"),
        ("c: i had a panic attack the first day anyway see you the third", "third"),
    ],
)
def test_a_bare_day_answering_when(text: str, needle: str) -> None:
    assert covered(text, needle, "DATE"), [(f.text, f.type) for f in scan(text)]


def test_an_ordinal_counting_something_answers_no_when() -> None:
    text = "t: when did it start\nc: the first time i saw him"
    assert not [f for f in scan(text) if f.type == "DATE"], [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("client: me and jayden and lil t were just chilling", "lil t"),
        ("c: so yeah i'm at my cousin lil man's place now", "lil man"),
        ("client: it was me keon mari and big steve at the park", "big steve"),
        ("[00:15:35] facilitator: art how about you", "art"),
    ],
)
def test_nicknames_and_turns_in_a_group(text: str, needle: str) -> None:
    assert covered(text, needle, "NAME"), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(
    "text", ["c: it was a lil bit much", "c: that was a big deal", "c: my big brother left"]
)
def test_lil_and_big_as_words(text: str) -> None:
    assert not [f for f in scan(text) if f.type == "NAME"], [(f.text, f.type) for f in scan(text)]
