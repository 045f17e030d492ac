"""Train the learned token layer (``app/deid/learned.py``) on Parallel's labelled excerpts.

Reads the built sets ``bench/data/deid_*.jsonl`` (text + gold spans, written by hand for this
project), trains an averaged perceptron, prunes near-zero weights and writes
``app/deid/data/token_model.json.gz``.

Run:       .venv/bin/python app/deid/data/train_model.py
Evaluate:  .venv/bin/python app/deid/data/train_model.py --evaluate
           (leave one set out: train on the others, score the scanner with and without the layer
           on the held-out set; nothing is written)
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from app.deid import learned  # noqa: E402
from app.deid.gazetteers import load  # noqa: E402
from app.deid.tokens import tokenize  # noqa: E402

SETS = ROOT / "bench" / "data"
EPOCHS = 8
SEED = 20261122
WORD_RE = re.compile(r"\w+")


def read_set(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


# Blind sets kept out of training (and out of any tuning) so that they measure the scanner on
# text it has never seen.
HELD_OUT = (
    "deid_final7",
    "deid_final10",
    "deid_final13",
    "deid_final16",
    "deid_final21",
    "deid_final24",
    "deid_final29",
    "deid_final30",
    "deid_final35",
    "deid_final36",
    "deid_final37",
    "deid_final42",
    "deid_final44",
    "deid_final46",
    "deid_final50",
)


def set_paths() -> list[Path]:
    return sorted(
        p
        for p in SETS.glob("deid_*.jsonl")
        if not p.name.endswith(".marked.jsonl") and p.stem not in HELD_OUT
    )


def gold_labels(row: dict, tokens: list) -> list[str]:
    out = []
    for t in tokens:
        label = learned.OUTSIDE
        for s in row["spans"]:
            if s["start"] < t.end and t.start < s["end"]:
                label = s["type"] if s["type"] in learned.PROPOSED else "OTHER"
                break
        out.append(label)
    return out


class Trainer:
    """Averaged perceptron (weights summed over every update step, divided at the end)."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = labels
        self.w: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.totals: dict[tuple[str, str], float] = defaultdict(float)
        self.stamps: dict[tuple[str, str], int] = defaultdict(int)
        self.step = 0

    def predict(self, feats: list[str]) -> str:
        s = dict.fromkeys(self.labels, 0.0)
        for f in feats:
            row = self.w.get(f)
            if row:
                for lab, v in row.items():
                    s[lab] += v
        return max(self.labels, key=lambda lab: (s[lab], lab == learned.OUTSIDE))

    def update(self, truth: str, guess: str, feats: list[str]) -> None:
        self.step += 1
        if truth == guess:
            return
        for f in feats:
            for lab, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, lab)
                self.totals[key] += (self.step - self.stamps[key]) * self.w[f][lab]
                self.stamps[key] = self.step
                self.w[f][lab] += delta

    def averaged(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for f, row in self.w.items():
            for lab, v in row.items():
                key = (f, lab)
                total = self.totals[key] + (self.step - self.stamps[key]) * v
                avg = round(total / max(self.step, 1), 3)
                if abs(avg) >= 0.002:
                    out.setdefault(f, {})[lab] = avg
        return out


def speech_recognition_copy(row: dict) -> dict:
    """The excerpt as a speech recognizer without casing or punctuation would write it: lower
    case, sentence punctuation replaced by spaces (same length, so the gold spans still hold)."""
    text = row["text"]
    body = "\n".join(
        ln[: m.end()].lower() + re.sub(r"[.,!?;\"“”…]", " ", ln[m.end() :]).lower()
        if (m := re.match(r"[^:\n]{0,40}:", ln))
        else re.sub(r"[.,!?;\"“”…]", " ", ln).lower()
        for ln in text.split("\n")
    )
    return {**row, "text": body}


def train(rows: list[dict], epochs: int = EPOCHS) -> learned.Model:
    """Train on the excerpts as written and on a speech-recognition copy of each."""
    gz = load()
    # Features are computed once per token; only the previous label's feature changes from
    # epoch to epoch, so it is filled in as training goes (the same features, in the same order,
    # as computing them afresh each time).
    marker = "prevlab=\x00"
    prepared = []
    for r in rows:
        for variant in (r, speech_recognition_copy(r)):
            text = variant["text"]
            tokens, _ = tokenize(text)
            doc = learned.doc_forms(tokens)
            static = [
                [sys.intern(f) for f in learned.token_features(text, tokens, i, gz, "\x00", doc)]
                for i in range(len(tokens))
            ]
            slots = [f.index(marker) for f in static]
            lines = [t.line for t in tokens]
            prepared.append((static, slots, lines, gold_labels(variant, tokens)))
    labels = [learned.OUTSIDE, *learned.PROPOSED, "OTHER"]
    tr = Trainer(labels)
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(prepared)
        for static, slots, lines, gold in prepared:
            prev, prev_line = learned.OUTSIDE, -1
            for i, line in enumerate(lines):
                if line != prev_line:
                    prev, prev_line = learned.OUTSIDE, line
                feats = static[i]
                feats[slots[i]] = f"prevlab={prev}"
                guess = tr.predict(feats)
                tr.update(gold[i], guess, feats)
                prev = guess
    return learned.Model(tr.averaged(), labels)


def score(rows: list[dict]) -> dict[str, float]:
    from app.deid import scan

    gold_w = found_w = pred_w = right_w = 0
    id_n = cleaned = clean_n = flagged = 0
    for r in rows:
        text = r["text"]
        gold = [(s["start"], s["end"]) for s in r["spans"]]
        pred = [(f.start, f.end) for f in scan(text)]
        all_found = True
        for m in WORD_RE.finditer(text):
            g = any(s < m.end() and m.start() < e for s, e in gold)
            p = any(s < m.end() and m.start() < e for s, e in pred)
            gold_w += g
            found_w += g and p
            pred_w += p
            right_w += g and p
            all_found &= not g or p
        if gold:
            id_n += 1
            cleaned += all_found
        else:
            clean_n += 1
            flagged += bool(pred)
    return {
        "recall": 100 * found_w / max(gold_w, 1),
        "precision": 100 * right_w / max(pred_w, 1),
        "cleaned": 100 * cleaned / max(id_n, 1),
        "flagged": 100 * flagged / max(clean_n, 1),
    }


def evaluate(
    exclude: list[str], margins: list[float], common: list[float], folds: list[str]
) -> None:
    paths = [p for p in set_paths() if p.stem not in exclude]
    data = {p.stem: read_set(p) for p in paths}
    print(f"{'held out':<14} {'margins':<8} recall  precision  cleaned  clean flagged")
    for name, rows in data.items():
        if folds and name not in folds:
            continue
        others = [r for n, rs in data.items() if n != name for r in rs]
        model = train(others)
        runs = [("off", None, 0.0, 0.0)] + [
            (f"{mg:+.0f}/{cm:+.0f}", model, mg, cm) for mg in margins for cm in common
        ]
        for label, m, mg, cm in runs:
            learned.MARGIN, learned.MARGIN_COMMON = mg, cm
            learned.load_model.cache_clear()
            original = learned.load_model
            learned.load_model = lambda m=m: m  # type: ignore[assignment]
            try:
                s = score(rows)
            finally:
                learned.load_model = original
            print(
                f"{name:<14} {label:<8} {s['recall']:5.1f}%   {s['precision']:5.1f}%  "
                f"{s['cleaned']:6.1f}%  {s['flagged']:6.1f}%"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--evaluate", action="store_true")
    ap.add_argument("--margins", nargs="*", type=float, default=[learned.MARGIN])
    ap.add_argument("--common-margins", nargs="*", type=float, default=[learned.MARGIN_COMMON])
    ap.add_argument("--folds", nargs="*", default=[], help="sets to hold out (default: each)")
    ap.add_argument("--exclude", nargs="*", default=[], help="set names (stems) to leave out")
    args = ap.parse_args()
    if args.evaluate:
        evaluate(args.exclude, args.margins, args.common_margins, args.folds)
        return
    rows = [r for p in set_paths() if p.stem not in args.exclude for r in read_set(p)]
    model = train(rows)
    payload = {"labels": model.labels, "weights": model.weights}
    with gzip.open(learned.MODEL, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(payload, fh, separators=(",", ":"), sort_keys=True)
    print(f"{learned.MODEL.name}: {len(rows)} excerpts, {len(model.weights)} features")


if __name__ == "__main__":
    main()
