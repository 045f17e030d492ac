"""Shape rules added for spoken emails, dates, addresses, site codes, handles and brand verbs.

Every example is invented for these tests; none is copied from a benchmark set.
"""

from __future__ import annotations

import pytest

from app.deid import scan

from .test_scanner import covered

MUST_FIND = [
    # Spoken emails: two-word local part before a mail provider, any common TLD.
    (
        "C: it's uh marta lindqvist at gmail dot com if you need it",
        "marta lindqvist at gmail dot com",
        "EMAIL",
    ),
    ("C: write to j dot okafor at icloud dot me please", "j dot okafor at icloud dot me", "EMAIL"),
    # Dates: d.m.yy, day month year, a weekday before the date.
    ("C: the letter is dated 14.9.19, that's when it started", "14.9.19", "DATE"),
    ("C: We met on 3 June 1998 at a wedding.", "3 June 1998", "DATE"),
    ("C: Court is Friday, October 3. I can't sleep.", "Friday, October 3", "DATE"),
    # Addresses: lower case with a unit, quadrant, town after a numbered street.
    (
        "c: send it to 410 north cedar avenue apartment 12 thanks",
        "410 north cedar avenue apartment 12",
        "LOCATION",
    ),
    ("C: We rent on 22nd Street NW near the school.", "22nd Street NW", "LOCATION"),
    ("C: It's 17 Willow Bend Road, Ashford, the blue house.", "Ashford", "LOCATION"),
    # Site codes and businesses after an appositive with an adjective.
    ("C: I pick at the ORD7 warehouse on nights.", "ORD7", "LOCATION"),
    ("C: We ate at the little bakery, Pellegrino's. It was nice.", "Pellegrino's", "ORGANIZATION"),
    # Handles after payment/game cues, URLs with a path on any short TLD.
    ("C: my Venmo is Ro-Alvarez-22 for the copay", "Ro-Alvarez-22", "HANDLE"),
    ("C: his username, NightOwl404, was all over it", "NightOwl404", "HANDLE"),
    ("C: her page is beacons.ai/kiki.paints now", "beacons.ai/kiki.paints", "URL"),
    ("C: check bio.site/lena.m for it", "bio.site/lena.m", "URL"),
    # A capitalized word named as kin opens the sentence.
    ("C: Precious is my niece.", "Precious", "NAME"),
]

MUST_NOT_FIND = [
    ("C: He Zelle'd me the rent and keeps PMing my sister.", "Zelle'd"),
    ("C: He keeps PMing my sister.", "PMing"),
    ("C: We Ubered home after.", "Ubered"),
    ("C: We had a Frank conversation about money.", "Frank"),
    ("C: I'm on Zubsolv, 5/1, once a day.", "5/1"),
    ("C: What is my daughter supposed to think?", "What"),
    ("C: update it to version 4.11.22 first", "4.11.22"),
    ("C: I took 2 May I think", "May"),
]


@pytest.mark.parametrize(("text", "span", "typ"), MUST_FIND)
def test_must_find(text: str, span: str, typ: str) -> None:
    assert covered(text, span, typ), [(f.text, f.type) for f in scan(text)]


@pytest.mark.parametrize(("text", "span"), MUST_NOT_FIND)
def test_must_not_find(text: str, span: str) -> None:
    assert all(span not in f.text for f in scan(text)), [(f.text, f.type) for f in scan(text)]
