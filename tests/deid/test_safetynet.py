"""Behaviour tests for the safety-net recall rules (examples invented for these tests)."""

from __future__ import annotations

import pytest

from app.deid import scan


def _found(text: str, word: str) -> bool:
    i = text.index(word)
    return any(f.start <= i and f.end >= i + len(word) for f in scan(text))


MUST_FIND = [
    ("C: We used to picnic by Wexcombe Reservoir every fall.", "Wexcombe"),
    ("C: He served with the 3rd Cavalry Battalion for six years.", "3rd Cavalry Battalion"),
    ("C: My nephew's grandpa Tater still calls every week.", "Tater"),
    ("T: Odalys, can you tell me what happened next?", "Odalys"),
    ("C: we swam at lake wintermoor all summer", "wintermoor"),
    ("C: my case number's QRT-4471, they never call back.", "QRT-4471"),
    ("C: Her cousin's number is +44 20 7946 0000 now.", "+44 20 7946 0000"),
    ("C: He asked me to send it to $TobyLoans77 on the app.", "$TobyLoans77"),
    ("C: I post on youtube.com/@QuietHarborVlogs sometimes.", "youtube.com/@QuietHarborVlogs"),
    ("C: It happened on our anniversary, the twelfth, at dinner.", "twelfth"),
    ("C: My uncle is on Hwy 12 most nights.", "Hwy 12"),
]
MUST_NOT_FLAG = [
    ("C: She prays in Punjabi and goes to services on Sunday.", "Punjabi"),
    ("C: My verse this week was Psalm 46:10.", "Psalm"),
    ("T: That fits the F41.1 code we discussed.", "F41"),
    ("C: I saw it on Instagram and then on Zoom.", "Instagram"),
    ("C: It IS unfair. You're right about that.", "IS"),
    ("C: Tired. Just tired.", "Tired"),
]


@pytest.mark.parametrize(("text", "word"), MUST_FIND)
def test_safety_net_finds(text: str, word: str) -> None:
    assert _found(text, word)


@pytest.mark.parametrize(("text", "word"), MUST_NOT_FLAG)
def test_safety_net_leaves_plain_words(text: str, word: str) -> None:
    assert not _found(text, word)
