"""Train the phrase filter (``app/deid/phrases.py``) on Parallel's labelled excerpts.

For every excerpt of the labelled sets (minus the held-out ones, see ``train_model.HELD_OUT``)
the scanner runs with the learned token layer off, as on text it has never seen, and every
finding the phrase filter would judge becomes an example: KEEP when it overlaps a gold span,
DROP when it does not. An averaged perceptron learns the two from the finding's features and
the weights go to ``app/deid/data/phrase_model.json.gz``.

Run:       .venv/bin/python app/deid/data/train_phrases.py
Evaluate:  .venv/bin/python app/deid/data/train_phrases.py --evaluate [--folds SET ...]
           (for each set: train without it, then score the scanner on it with the filter off
           and at several margins; nothing is written)
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from app.deid import learned, phrases, scanner  # noqa: E402
from app.deid.data.train_model import Trainer, read_set, score, set_paths  # noqa: E402
from app.deid.gazetteers import load  # noqa: E402

EPOCHS = 10
SEED = 20261122


def examples(rows: list[dict]) -> list[tuple[list[str], str]]:
    """(features, KEEP/DROP) for every finding the filter judges, with the token layer off."""
    gz = load()
    out: list[tuple[list[str], str]] = []
    seen: list[tuple[str, list]] = []

    def record(text, found, gz_, keep):  # type: ignore[no-untyped-def]
        seen.append(
            (
                text,
                [
                    c
                    for c in found
                    if phrases.judged(c) and not keep(c) and not phrases.number_prefix(text, c)
                ],
            )
        )
        return found

    real_filter, real_model = phrases.filter_findings, learned.load_model
    phrases.filter_findings = record  # type: ignore[assignment]
    learned.load_model = lambda: None  # type: ignore[assignment]
    try:
        for r in rows:
            seen.clear()
            scanner.scan(r["text"])
            for text, judged in seen:
                density, talk = phrases.clinical_density(text), phrases.talk_like(text)
                for c in judged:
                    hit = any(s["start"] < c.end and c.start < s["end"] for s in r["spans"])
                    feats = phrases.features(text, c, gz, density, talk)
                    out.append((feats, phrases.KEEP if hit else phrases.DROP))
    finally:
        phrases.filter_findings = real_filter  # type: ignore[assignment]
        learned.load_model = real_model  # type: ignore[assignment]
    return out


def train(rows: list[dict], epochs: int = EPOCHS) -> learned.Model:
    data = examples(rows)
    labels = [phrases.KEEP, phrases.DROP]
    tr = Trainer(labels)
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, gold in data:
            s = {lab: 0.0 for lab in labels}
            for f in feats:
                row = tr.w.get(f)
                if row:
                    for lab, v in row.items():
                        s[lab] += v
            guess = phrases.DROP if s[phrases.DROP] > s[phrases.KEEP] else phrases.KEEP
            tr.update(gold, guess, feats)
    return learned.Model(tr.averaged(), labels)


def write(model: learned.Model) -> None:
    with gzip.open(phrases.MODEL, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump({"labels": model.labels, "weights": model.weights}, fh, sort_keys=True)


def evaluate(margins: list[float], folds: list[str]) -> None:
    data = {p.stem: read_set(p) for p in set_paths()}
    print(f"{'left out':<14} {'margin':<7} recall  precision  cleaned  clean flagged")
    for name, rows in data.items():
        if folds and name not in folds:
            continue
        model = train([r for n, rs in data.items() if n != name for r in rs])
        real, real_margin = phrases.load_model, phrases.MARGIN
        try:
            for label, m in [("off", None), *((f"{mg:+.1f}", mg) for mg in margins)]:
                phrases.load_model = (  # type: ignore[assignment]
                    (lambda: None) if m is None else (lambda model=model: model)
                )
                phrases.MARGIN = m if m is not None else real_margin
                sc = score(rows)
                print(
                    f"{name:<14} {label:<7} {sc['recall']:6.1f}  {sc['precision']:9.1f}"
                    f"  {sc['cleaned']:7.1f}  {sc['flagged']:13.1f}"
                )
        finally:
            phrases.load_model = real  # type: ignore[assignment]
            phrases.MARGIN = real_margin


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--evaluate", action="store_true")
    ap.add_argument("--margins", type=float, nargs="*", default=[0.0, 2.0, 4.0, 8.0])
    ap.add_argument("--folds", nargs="*", default=[])
    args = ap.parse_args()
    if args.evaluate:
        evaluate(args.margins, args.folds)
        return
    rows = [r for p in set_paths() for r in read_set(p)]
    model = train(rows)
    write(model)
    print(f"{phrases.MODEL.name}: {len(rows)} excerpts, {len(model.weights)} features")


if __name__ == "__main__":
    main()
