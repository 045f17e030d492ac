"""Speaker-labelled lines from pasted transcripts."""

from __future__ import annotations

import pytest

from app.services.transcript import parse, seconds


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("T", "T"),
        ("t", "T"),
        ("Therapist", "T"),
        ("Counselor", "T"),
        ("C", "C"),
        ("Client", "C"),
        ("Patient", "C"),
        ("Member 2", "Member 2"),
        ("Supervisor", "Supervisor"),
        ("Client B", "Client B"),
    ],
)
def test_role_labels(label, speaker):
    assert [line.speaker for line in parse(f"{label}: hello")] == [speaker]


def test_named_speakers_become_neutral_labels_in_order():
    lines = parse("Maria: hi\nDr. Feldman: hello\nMaria: again\n[NAME-1]: yes")
    assert [line.speaker for line in lines] == ["Speaker A", "Speaker B", "Speaker A", "Speaker C"]


def test_timestamps_give_start_and_end():
    lines = parse("[00:12:40] T: one\n(00:13:05) C: two\n13:30 T: three")
    assert [(line.start, line.end) for line in lines] == [
        (760.0, 785.0),
        (785.0, 810.0),
        (810.0, None),
    ]


def test_unlabelled_lines_continue_the_turn_and_colons_inside_text_stay():
    lines = parse("C: I said: no way\nand then I left.\n\nI told him: go away")
    assert len(lines) == 1
    assert lines[0].text == "I said: no way and then I left. I told him: go away"


def test_text_before_any_label_is_kept_without_speaker():
    assert parse("just words")[0].speaker == ""


def test_seconds():
    assert seconds("1:02:03") == 3723
    assert seconds("02:03,5") == 123.5
