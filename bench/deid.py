"""Benchmark the PHI scanner against a plain-regex baseline on bench/data/deid_dev.jsonl.

Run: .venv/bin/python bench/deid.py [--data PATH] [--split dev|holdout|all] [--errors N]
     .venv/bin/python bench/deid.py --sets   (a summary line for every set in bench/data)
Metrics are word-level: a gold word counts as found if any finding overlaps it (overall recall is
type-agnostic; per-type recall is by gold type); precision counts predicted words that overlap
any gold span (per type by the finding's type).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.deid import scan  # noqa: E402

DATA = ROOT / "bench" / "data" / "deid_dev.jsonl"
TYPES = [
    "NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE", "PHONE", "EMAIL", "URL", "IP", "HANDLE",
    "ID",
]  # fmt: skip
WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Span:
    """A predicted span (what both scanners return)."""

    start: int
    end: int
    type: str


# --------------------------------------------------------------------------------------------
# Baseline: the kind of plain regex scanner one writes in an afternoon.
# --------------------------------------------------------------------------------------------
BASE_RULES = [
    ("EMAIL", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("URL", re.compile(r"\bhttps?://\S+|\bwww\.\S+")),
    ("PHONE", re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")),
    ("ID", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    ("IP", re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")),
    ("DATE", re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")),
    (
        "DATE",
        re.compile(
            r"\b(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December)\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b"
        ),
    ),
    ("HANDLE", re.compile(r"(?<!\w)@\w{2,}")),
    ("LOCATION", re.compile(r"\b\d+\s+[A-Z]\w+\s+(?:Street|St|Avenue|Ave|Road|Rd|Lane|Drive)\b")),
]
BASE_NAME_CUE = re.compile(
    r"\b(?:my|his|her)\s+(?:sister|brother|mom|dad|son|daughter|husband|wife|friend|boss|"
    r"boyfriend|girlfriend|partner)\s+([A-Z][a-z]+)|\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][a-z]+)"
)


def baseline_scan(text: str) -> list[Span]:
    """Regex-only baseline."""
    out: list[Span] = []
    for typ, rx in BASE_RULES:
        out.extend(Span(m.start(), m.end(), typ) for m in rx.finditer(text))
    for m in BASE_NAME_CUE.finditer(text):
        g = 1 if m.group(1) else 2
        out.append(Span(m.start(g), m.end(g), "NAME"))
    return out


def parallel_scan(text: str) -> list[Span]:
    """The Parallel scanner."""
    return [Span(f.start, f.end, f.type) for f in scan(text)]


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------
@dataclass
class Score:
    """Accumulated word-level counts for one scanner."""

    gold_words: Counter
    gold_found: Counter
    pred_words: Counter
    pred_right: Counter
    id_excerpts: int = 0
    cleaned: int = 0
    clean_excerpts: int = 0
    clean_flagged: int = 0
    clean_findings: int = 0
    seconds: float = 0.0
    n: int = 0


def overlaps(a0: int, a1: int, spans: list[tuple[int, int, str]]) -> str | None:
    for s, e, t in spans:
        if a0 < e and s < a1:
            return t
    return None


def evaluate(
    rows: list[dict], fn: Callable[[str], list[Span]], errors: int = 0, name: str = ""
) -> Score:
    sc = Score(Counter(), Counter(), Counter(), Counter())
    shown = 0
    # Warm up (gazetteer loading is a one-off cost, not per excerpt).
    fn("warm up Maggie in Dayton")
    t0 = time.perf_counter()
    preds = [fn(r["text"]) for r in rows]
    sc.seconds = time.perf_counter() - t0
    sc.n = len(rows)
    for r, pred in zip(rows, preds, strict=True):
        text = r["text"]
        gold = [(s["start"], s["end"], s["type"]) for s in r["spans"]]
        pspans = [(p.start, p.end, p.type) for p in pred]
        missed: list[str] = []
        false: list[str] = []
        all_found = True
        for m in WORD_RE.finditer(text):
            gt = overlaps(m.start(), m.end(), gold)
            pt = overlaps(m.start(), m.end(), pspans)
            if gt:
                sc.gold_words[gt] += 1
                sc.gold_words["ALL"] += 1
                if pt:
                    sc.gold_found[gt] += 1
                    sc.gold_found["ALL"] += 1
                else:
                    all_found = False
                    missed.append(f"{m.group(0)}/{gt}")
            if pt:
                sc.pred_words[pt] += 1
                sc.pred_words["ALL"] += 1
                if gt:
                    sc.pred_right[pt] += 1
                    sc.pred_right["ALL"] += 1
                else:
                    false.append(f"{m.group(0)}/{pt}")
        if gold:
            sc.id_excerpts += 1
            sc.cleaned += all_found
        else:
            sc.clean_excerpts += 1
            sc.clean_flagged += bool(pred)
            sc.clean_findings += len(pred)
        if errors and shown < errors and (missed or false):
            shown += 1
            print(f"--- [{name}] {r['id']} missed={missed} false={false}")
            print(text)
    return sc


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}%" if b else "   n/a"


def report(split: str, rows: list[dict], par: Score, base: Score) -> None:
    print(
        f"split={split}  excerpts={len(rows)}  identifying={par.id_excerpts}  "
        f"clean={par.clean_excerpts}  gold words={par.gold_words['ALL']}"
    )
    print(f"{'type':<13}{'gold':>6} | {'Parallel R':>10} {'P':>7} | {'baseline R':>10} {'P':>7}")
    for t in ["ALL", *TYPES]:
        g = par.gold_words[t]
        if not g and not par.pred_words[t] and t != "ALL":
            continue
        print(
            f"{t:<13}{g:>6} | {pct(par.gold_found[t], g):>10} "
            f"{pct(par.pred_right[t], par.pred_words[t]):>7} | "
            f"{pct(base.gold_found[t], g):>10} {pct(base.pred_right[t], base.pred_words[t]):>7}"
        )
    print(
        f"{'excerpts fully cleaned':<34}{pct(par.cleaned, par.id_excerpts):>10}"
        f"{pct(base.cleaned, base.id_excerpts):>12}"
    )
    print(
        f"{'clean excerpts flagged':<34}{pct(par.clean_flagged, par.clean_excerpts):>10}"
        f"{pct(base.clean_flagged, base.clean_excerpts):>12}"
    )
    fpc = par.clean_findings / par.clean_excerpts if par.clean_excerpts else 0.0
    fpb = base.clean_findings / base.clean_excerpts if base.clean_excerpts else 0.0
    print(f"{'findings per clean excerpt':<34}{fpc:>10.2f}{fpb:>12.2f}")
    tp = 1000 * par.seconds / max(1, par.n)
    tb = 1000 * base.seconds / max(1, base.n)
    print(f"{'time per 1,000 excerpts (s)':<34}{tp:>10.3f}{tb:>12.3f}")
    chars = sum(len(r["text"]) for r in rows) / max(1, len(rows))
    print(
        f"time ratio Parallel/baseline: {tp / tb if tb else float('inf'):.1f}x  "
        f"(mean excerpt {chars:.0f} chars; Parallel {1000 * par.seconds / max(1, par.n):.2f} ms"
        " per excerpt)"
    )


def summary() -> None:
    """One line per labelled set: Parallel and the baseline side by side, held-out sets marked."""
    from app.deid.data.train_model import HELD_OUT

    paths = sorted(
        p for p in DATA.parent.glob("deid_*.jsonl") if not p.name.endswith(".marked.jsonl")
    )
    print(
        f"{'set':<14}{'excerpts':>9} {'gold':>5} | {'recall':>7} {'prec.':>6} {'cleaned':>8} "
        f"{'flagged':>8} {'ms/exc':>7} | {'base R':>7} {'base P':>7} {'base cl.':>8}"
    )
    held = {name: Score(Counter(), Counter(), Counter(), Counter()) for name in ("par", "base")}
    for path in paths:
        rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln]
        par = evaluate(rows, parallel_scan)
        base = evaluate(rows, baseline_scan)
        if path.stem in HELD_OUT:
            _add(held["par"], par)
            _add(held["base"], base)
        name = path.stem.removeprefix("deid_") + (" *" if path.stem in HELD_OUT else "")
        _set_line(name, par, base)
    _set_line("held-out all", held["par"], held["base"])
    print("* held out: never used for training or tuning (app/deid/data/train_model.py HELD_OUT)")


def _set_line(name: str, par: Score, base: Score) -> None:
    """One line of the --sets table."""
    g = par.gold_words["ALL"]
    print(
        f"{name:<14}{par.n:>9} {g:>5} | {pct(par.gold_found['ALL'], g):>7} "
        f"{pct(par.pred_right['ALL'], par.pred_words['ALL']):>6} "
        f"{pct(par.cleaned, par.id_excerpts):>8} "
        f"{pct(par.clean_flagged, par.clean_excerpts):>8} "
        f"{1000 * par.seconds / max(1, par.n):>7.2f} | "
        f"{pct(base.gold_found['ALL'], g):>7} "
        f"{pct(base.pred_right['ALL'], base.pred_words['ALL']):>7} "
        f"{pct(base.cleaned, base.id_excerpts):>8}"
    )


def _add(total: Score, s: Score) -> None:
    """Sum one set's counts into a running total."""
    for name in ("gold_words", "gold_found", "pred_words", "pred_right"):
        getattr(total, name).update(getattr(s, name))
    counts = ("id_excerpts", "cleaned", "clean_excerpts", "clean_flagged", "clean_findings", "n")
    for name in counts:
        setattr(total, name, getattr(total, name) + getattr(s, name))
    total.seconds += s.seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", choices=["dev", "holdout", "all"], default="dev")
    ap.add_argument("--errors", type=int, default=0, help="show N excerpts with errors")
    ap.add_argument("--data", type=Path, default=DATA, help="gold JSONL (default: the dev set)")
    ap.add_argument("--sets", action="store_true", help="one summary line per labelled set")
    args = ap.parse_args()
    if args.sets:
        summary()
        return
    rows = [
        json.loads(ln) for ln in args.data.read_text(encoding="utf-8").splitlines() if ln.strip()
    ]
    if args.split != "all":
        rows = [r for r in rows if r["split"] == args.split]
    par = evaluate(rows, parallel_scan, args.errors, "parallel")
    base = evaluate(rows, baseline_scan)
    report(args.split, rows, par, base)


if __name__ == "__main__":
    main()
