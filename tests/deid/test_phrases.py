"""The phrase filter: its features, what it may judge, the person cues it never overrides, and
the shipped model. Sentences here are invented for these tests."""

from __future__ import annotations

import pytest

from app.deid import phrases, scan
from app.deid.data import train_model, train_phrases
from app.deid.finding import Candidate
from app.deid.gazetteers import load


def _cand(text: str, needle: str, typ: str = "NAME", priority: int = 1) -> Candidate:
    s = text.index(needle)
    return Candidate(s, s + len(needle), typ, typ, priority)


def test_features_never_carry_a_rare_word_itself() -> None:
    text = "Client: I told Xiomarelle about it yesterday."
    feats = phrases.features(text, _cand(text, "Xiomarelle"), load(), "0", True)
    assert not any("xiomarelle" in f.lower() for f in feats)
    assert "single:cls=unknown|Cap" in feats


def test_features_carry_ordinary_words_of_the_phrase() -> None:
    text = "Plan: review the Positive Data Log at intake."
    feats = phrases.features(text, _cand(text, "Positive Data Log"), load(), "1", False)
    assert "last:w=log" in feats and "first:w=positive" in feats


def test_only_the_broad_rules_findings_are_judged() -> None:
    text = "C: Maria lives on Elm Street."
    assert phrases.judged(_cand(text, "Maria", priority=1))
    assert not phrases.judged(_cand(text, "Maria", priority=0))  # the token layer's own
    assert not phrases.judged(_cand(text, "Maria", priority=3))  # a strong cue
    assert not phrases.judged(_cand(text, "Elm Street", "DATE", priority=1))


def test_a_person_cue_keeps_a_finding_whatever_the_model_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class AlwaysDrop:
        def scores(self, feats: list[str]) -> dict[str, float]:
            return {phrases.KEEP: 0.0, phrases.DROP: 1000.0}

    monkeypatch.setattr(phrases, "load_model", lambda: AlwaysDrop())
    text = "C: My sister Positive Log came over."
    c = _cand(text, "Positive Log")
    assert phrases.filter_findings(text, [c], load(), lambda _c: True) == [c]
    assert phrases.filter_findings(text, [c], load(), lambda _c: False) == []


def test_without_a_model_nothing_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phrases, "load_model", lambda: None)
    text = "Group Note — Seeking Safety"
    c = _cand(text, "Group Note")
    assert phrases.filter_findings(text, [c], load(), lambda _c: False) == [c]


def test_dialogue_and_notes_are_told_apart() -> None:
    assert phrases.talk_like("T: How was it?\nC: Fine.\nT: Fine?")
    assert not phrases.talk_like("Progress Note\nClient arrived on time. Mood euthymic.")


def test_names_in_notes_are_still_found() -> None:
    text = "Progress Note\nClient reports her sister Marisol Quintanilla moved to Tucson."
    found = {f.text for f in scan(text)}
    assert {"Marisol Quintanilla", "Tucson"} <= found


@pytest.mark.slow
def test_shipped_phrase_model_is_reproducible_from_the_labelled_sets() -> None:
    """The phrase model file is exactly what the training script makes from the sets in
    bench/data (minus the held-out ones)."""
    rows = [r for p in train_model.set_paths() for r in train_model.read_set(p)]
    retrained = train_phrases.train(rows)
    shipped = phrases.load_model()
    assert shipped is not None
    assert retrained.labels == shipped.labels
    assert retrained.weights == shipped.weights
