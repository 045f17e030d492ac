"""Identifiers that recognizers and typists leave in lower case inside lines with capitals,
gamer tags by their shape, post office boxes, and days said before their month. Every sentence
is invented for these tests."""

from __future__ import annotations

import pytest

from app.deid import scan

from .test_scanner import covered

MUST_FIND = [
    ("T: How did the appointment with dr nwosu go? C: Fine.", "nwosu", "NAME"),
    ("C: Ms hargrove keeps me after class every day.", "hargrove", "NAME"),
    ("C: I literally live in sacramento now, leave me out of it.", "sacramento", "LOCATION"),
    ("C: He calls himself xXShadowReaperXx on Xbox.", "xXShadowReaperXx", "HANDLE"),
    ("C: There's this older guy, n1ghtsh4de, and he keeps messaging me.", "n1ghtsh4de", "HANDLE"),
    ("C: The shelter gave me P.O. Box 4412 so he can't find me.", "P.O. Box 4412", "LOCATION"),
    ("C: My cousin Xiomara. And Faith from work. Faith is the only one.", "Faith", "NAME"),
    ("c: she was born the ninth of june", "ninth of june", "DATE"),
    ("C: My username on the forum is sadgirlwinter. I know.", "sadgirlwinter", "HANDLE"),
    ("C: DJ is my sister's kid. He's with us now.", "DJ", "NAME"),
    ("C: my brother TJ came by last night", "TJ", "NAME"),
    ("C: Her license is RN.489221 and mine is LPCC-S.1804477.", "LPCC-S.1804477", "ID"),
    ("C: He plays for Westerville North now.", "Westerville North", None),
    ("C: I work at Costco on Sprague now.", "Costco on Sprague", "ORGANIZATION"),
]

# Transcripts with capitals only at sentence openings and in "I", that leave names in lower case:
# once one lower-case word there is a proper name, the lines are read as a recognizer's.
RECOGNIZER_STYLE = (
    "SPEAKER_01: It's good I think. I'm doing intake at sunrise animal hospital in cape coral. "
    "My boss bettina is nice.\nSPEAKER_00: And your brother? SPEAKER_01: tomasz moved back."
)


def test_names_left_in_lower_case_by_a_recognizer_are_found() -> None:
    found = {f.text for f in scan(RECOGNIZER_STYLE)}
    assert {"bettina", "tomasz"} <= found
    assert any("sunrise animal hospital" in f for f in found)
    assert any("cape coral" in f for f in found)


def test_typed_text_with_plain_lower_case_words_keeps_the_cased_reading() -> None:
    text = (
        "C: I went to the farmer's market. The psychiatrist waitlist is long. "
        "We joined a book club."
    )
    assert scan(text) == []


NOT_FLAGGED = [
    "C: Scores were PHQ-9 of 14 and CPT code 90837 with F41.1 noted.",
    # ordinary words, contractions and products after the same cues
    "C: I talked to mom about it and she's so behind on everything.",
    "T: And how's the mood been since the new dose?",
    "C: Thanksgiving is a culture war with biryani every single year.",
    "C: I took my B12 and the covid19 test, charged the F150 and checked Life360.",
    "C: I live in a small town now and I like it.",
]


@pytest.mark.parametrize(("text", "needle", "typ"), MUST_FIND)
def test_found(text: str, needle: str, typ: str) -> None:
    assert covered(text, needle, typ), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_not_flagged(text: str) -> None:
    assert scan(text) == [], [(f.text, f.type) for f in scan(text)]
