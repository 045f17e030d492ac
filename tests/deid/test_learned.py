"""The learned token layer: its features, its training, the shipped model and how the scanner
uses it. Sentences here are invented for these tests."""

from __future__ import annotations

import gzip
import json

import pytest

from app.deid import learned, scan
from app.deid.data import train_model
from app.deid.gazetteers import load
from app.deid.tokens import tokenize


def _row(marked: str) -> dict:
    from bench.data.build_deid_dev import strip_markup

    text, spans = strip_markup(marked)
    return {"id": "t", "split": "dev", "text": text, "spans": spans}


def test_shape_collapses_character_classes() -> None:
    assert learned.shape("McAllister") == "XxXx"
    assert learned.shape("K-48213") == "X-d"
    assert learned.shape("jessica") == "x"


def test_features_do_not_carry_the_identity_of_rare_words() -> None:
    text = "C: My cousin Oyelowo-Brandt came over."
    tokens, _ = tokenize(text)
    i = next(i for i, t in enumerate(tokens) if t.text.startswith("Oyelowo"))
    feats = learned.token_features(text, tokens, i, load(), learned.OUTSIDE)
    assert not any("oyelowo" in f for f in feats)
    assert "p1=<kin>" in feats
    # A common word keeps its identity (the model learns "grace" the word from "Grace" the name).
    text = "C: Grace was the word my grandma used."
    tokens, _ = tokenize(text)
    feats = learned.token_features(text, tokens, 1, load(), learned.OUTSIDE)
    assert "w=grace" in feats


def test_training_learns_names_from_context_and_is_reproducible() -> None:
    rows = [
        _row("C: My sister [[NAME:Marisol]] called again."),
        _row("C: My brother [[NAME:Tadeusz]] called again."),
        _row("C: My cousin [[NAME:Efua]] texted me."),
        _row("C: My neighbour [[NAME:Ingeborg]] came by."),
        _row("C: My sister is tired and my brother is sad."),
        _row("C: I called again because nobody texted me."),
    ] * 3
    first = train_model.train(rows, epochs=5)
    second = train_model.train(rows, epochs=5)
    assert first.weights == second.weights
    text = "C: My sister Oyinkansola called again."
    tokens, _ = tokenize(text)
    tags = learned.tag(text, tokens, load(), first)
    by_word = {t.text: tag for t, tag in zip(tokens, tags, strict=True)}
    label, margin = by_word["Oyinkansola"]
    assert label == "NAME" and margin > 0
    assert by_word["called"][1] < 0


def test_shipped_model_loads_and_has_the_expected_labels() -> None:
    model = learned.load_model()
    assert model is not None
    assert model.labels[0] == learned.OUTSIDE
    assert set(learned.PROPOSED) <= set(model.labels)
    with gzip.open(learned.MODEL, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    assert raw["weights"] == model.weights


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("C: That's me and that's Biscuit. He's our dog.", "Biscuit"),
        ("C: Honestly Tavita is the only one who answers.", "Tavita"),
    ],
)
def test_scanner_finds_names_by_context(text: str, needle: str) -> None:
    found = {f.text for f in scan(text)}
    assert needle in found


def test_lower_case_words_in_cased_text_are_not_proposed() -> None:
    text = "C: Then I ran 5 10 15 miles and sat with it."
    tokens, _ = tokenize(text)
    cands = learned.detect(text, tokens, load(), [])
    assert all(text[c.start : c.end][0].isupper() for c in cands)
    assert "miles" not in {f.text for f in scan(text)}


def test_layer_skips_what_another_layer_covers() -> None:
    text = "C: My sister Marisol called."
    tokens, _ = tokenize(text)
    s = text.index("Marisol")
    assert learned.detect(text, tokens, load(), [(s, s + len("Marisol"))]) == []


def test_without_a_model_the_layer_adds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "load_model", lambda: None)
    text = "C: That's Biscuit."
    tokens, _ = tokenize(text)
    assert learned.detect(text, tokens, load(), []) == []


@pytest.mark.slow
@pytest.mark.timeout(900)  # retrains on every labelled set: about four minutes on one core
def test_shipped_model_is_reproducible_from_the_labelled_sets() -> None:
    """The model file is exactly what the training script makes from the sets in bench/data
    (minus the held-out ones), so nobody has to take the weights on trust."""
    rows = [r for p in train_model.set_paths() for r in train_model.read_set(p)]
    assert not any(p.stem in train_model.HELD_OUT for p in train_model.set_paths())
    retrained = train_model.train(rows)
    shipped = learned.load_model()
    assert shipped is not None
    assert retrained.labels == shipped.labels
    assert retrained.weights == shipped.weights
