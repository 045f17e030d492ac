"""Insights on a small hand-computed dataset."""

from __future__ import annotations

from datetime import UTC, datetime

from app.extensions import db
from app.services import insights, journal


def entry(me, body, tags, intensity, when):
    created = journal.create_entry(
        me, journal.EntryDraft(body=body, tags=tags, intensity=intensity)
    )
    created.row.created_at = when
    return created


def test_figures(app, setting):
    me = setting["me"]
    entry(
        me,
        "Silence silence heavy silence",
        ["anxiety-in-silence"],
        2,
        datetime(2026, 9, 3, tzinfo=UTC),
    )
    entry(
        me,
        "Heavy silence, wanting to rescue",
        ["rescue-fantasy", "anxiety-in-silence"],
        4,
        datetime(2026, 9, 20, tzinfo=UTC),
    )
    entry(me, "Tired and heavy", ["over-functioning"], 5, datetime(2026, 10, 1, tzinfo=UTC))
    setting["moment"].created_at = datetime(2026, 10, 5, tzinfo=UTC)
    db.session.commit()

    data = insights.insights(me)
    assert data["journal_entries"] == 3 and data["moments"] == 1
    months = {m["month"]: m for m in data["tags"]["months"]}
    assert months["2026-09"]["journal"] == {"anxiety-in-silence": 2, "rescue-fantasy": 1}
    assert months["2026-10"]["total"] == {"over-functioning": 2}
    assert months["2026-10"]["moments"] == {"over-functioning": 1}

    trend = {m["month"]: m for m in data["intensity"]}
    assert trend["2026-09"]["journal"] == 3.0 and trend["2026-09"]["journal_count"] == 2
    assert trend["2026-10"]["journal"] == 5.0 and trend["2026-10"]["moments"] == 4.0

    # Excerpt words: T 10, C 1, T 13, C 3 -> therapist 23 of 27.
    talk = data["talk"]
    assert talk["overall"]["therapist_words"] == 23 and talk["overall"]["client_words"] == 4
    assert talk["overall"]["therapist_word_share"] == round(23 / 27, 3)
    assert talk["overall"]["therapist_seconds_share"] is None
    # The moment is on line 3: lines 2-4 are around it (T 13, C 1 + 3), line 1 elsewhere (T 10).
    (over,) = talk["by_tag"]
    assert over["tag"] == "over-functioning"
    assert over["around"]["therapist_words"] == 13 and over["around"]["client_words"] == 4
    assert over["elsewhere"]["therapist_word_share"] == 1.0

    words = {m["month"]: m for m in data["words"]}
    assert words["2026-09"]["words"][0] == {"word": "silence", "count": 4}
    assert {"phrase": "heavy silence", "count": 2} in words["2026-09"]["phrases"]
    assert all(w["word"] not in insights.STOP_WORDS for m in data["words"] for w in m["words"])

    since = insights.insights(me, datetime(2026, 10, 1, tzinfo=UTC))
    assert since["journal_entries"] == 1


def test_seconds_share_with_timed_lines():
    class Line:
        def __init__(self, speaker, text, start, end):
            self.speaker, self.text, self.start, self.end = speaker, text, start, end

    share = insights._share(
        [Line("T", "one two", 0.0, 3.0), Line("C", "three", 3.0, 12.0), Line("Other", "x", 0, 99)]
    )
    assert share["therapist_seconds_share"] == 0.25
    assert share["therapist_word_share"] == round(2 / 3, 3)


def test_api_matches_and_validates_since(client, setting, token_for):
    headers = token_for(setting["me"])
    journal.create_entry(setting["me"], journal.EntryDraft(body="Heavy", tags=[]))
    db.session.commit()
    data = client.get("/api/v1/insights?since=2020-01-01", headers=headers).get_json()
    assert data["journal_entries"] == 1 and data["talk"]["excerpts"] == 1
    assert client.get("/api/v1/insights?since=nope", headers=headers).status_code == 422
