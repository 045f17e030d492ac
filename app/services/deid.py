"""The de-identification gate: every text that enters a shared space passes here.

1. scan each field for identifiers (``app.deid.scan``);
2. the author resolves every finding: redact it to a typed placeholder (``[NAME-1]``, consistent
   within the excerpt) or keep it as not identifying; they may also redact spans the scanner
   missed;
3. the result is scanned again; only a clean text with the author's attestation leaves the gate.

Nothing here stores, logs or audits the raw text: it lives only in the caller's memory.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from app.deid import Finding, scan
from app.services.errors import Invalid

SCANNER_VERSION = "2"
# The fields of an excerpt, in the order placeholders are numbered; other texts name their own.
FIELDS = ("title", "text", "context")
PLACEHOLDER = re.compile(r"\[[A-Z]+-\d+\]")
# Placeholder kinds for spans the author redacts by hand, by the type they chose.
MANUAL_LABELS = {
    "NAME": "NAME",
    "LOCATION": "PLACE",
    "DATE": "DATE",
    "AGE": "AGE",
    "PHONE": "PHONE",
    "EMAIL": "EMAIL",
    "ID": "ID",
    "URL": "URL",
    "IP": "IP",
    "ORGANIZATION": "ORG",
    "HANDLE": "HANDLE",
}


@dataclass(frozen=True)
class Resolution:
    start: int
    end: int
    action: Literal["redact", "keep"]
    field: str = "text"
    type: str | None = None


@dataclass(frozen=True)
class FieldFinding:
    field: str
    finding: Finding

    def as_dict(self, resolved: bool | None = None) -> dict:
        data = {
            "field": self.field,
            "start": self.finding.start,
            "end": self.finding.end,
            "type": self.finding.type,
            "label": self.finding.label,
            "text": self.finding.text,
        }
        if resolved is not None:
            data["resolved"] = resolved
        return data


@dataclass
class GateResult:
    clean: dict[str, str]
    record: dict
    placeholders: dict[str, str] = field(default_factory=dict)


class GateBlocked(Invalid):
    """The text may not pass yet: unresolved findings, a missing attestation, or a re-scan hit."""

    def field_findings(self) -> list[FieldFinding]:
        """Return the gate's own list: the first scan's findings plus any re-scan hits."""
        return [
            FieldFinding(
                f["field"], Finding(f["start"], f["end"], f["type"], f["text"], f["label"])
            )
            for f in self.extensions.get("findings", [])
        ]


Exempt = Callable[[str], list[tuple[int, int]]]


def scan_fields(fields: dict[str, str], exempt: Exempt | None = None) -> list[FieldFinding]:
    """Scan every non-empty field; placeholders already in the text are not identifiers.

    ``exempt`` returns spans of a text that are known not to identify a client (mentions of
    room members in a message) and are never reported.
    """
    found: list[FieldFinding] = []
    for name, text in fields.items():
        if not text:
            continue
        skip = exempt(text) if exempt else []
        for finding in scan(text):
            if PLACEHOLDER.fullmatch(finding.text.strip()):
                continue
            if any(s <= finding.start and finding.end <= e for s, e in skip):
                continue
            found.append(FieldFinding(name, finding))
    return found


def _normal(value: str) -> str:
    value = " ".join(value.split()).casefold()
    for suffix in ("'s", "’s"):
        if value.endswith(suffix):
            value = value[: -len(suffix)]
    return value.strip(".,;:!?\"'“”‘’()")


def _check_resolutions(fields: dict[str, str], resolutions: list[Resolution]) -> None:
    errors: dict[str, str] = {}
    by_field: dict[str, list[Resolution]] = {}
    for index, res in enumerate(resolutions):
        text = fields.get(res.field)
        key = f"resolutions.{index}"
        if text is None:
            errors[key] = f"field must be one of: {', '.join(fields)}."
        elif not 0 <= res.start < res.end <= len(text):
            errors[key] = f"start and end must satisfy 0 <= start < end <= {len(text)}."
        elif res.action not in ("redact", "keep"):
            errors[key] = "action must be 'redact' or 'keep'."
        elif not text[res.start : res.end].strip():
            errors[key] = "The span holds only white space."
        else:
            by_field.setdefault(res.field, []).append(res)
    for name, items in by_field.items():
        items.sort(key=lambda r: (r.start, r.end))
        for before, after in itertools.pairwise(items):
            if after.start < before.end:
                errors[f"{name}:{after.start}"] = "Resolutions may not overlap."
    if errors:
        raise Invalid("Some resolutions are not valid.", errors)


def _covered(finding: FieldFinding, resolutions: list[Resolution]) -> Resolution | None:
    f = finding.finding
    for res in resolutions:
        if res.field != finding.field:
            continue
        if res.action == "redact" and res.start <= f.start and f.end <= res.end:
            return res
        if res.action == "keep" and (res.start, res.end) == (f.start, f.end):
            return res
    return None


def _blocked(detail: str, findings: list[FieldFinding], unresolved: set[int], **extra) -> None:
    raise GateBlocked(
        detail,
        findings=[ff.as_dict(resolved=i not in unresolved) for i, ff in enumerate(findings)],
        **extra,
    )


def _spans_to_redact(
    fields: dict[str, str],
    findings: list[FieldFinding],
    resolutions: list[Resolution],
) -> tuple[dict[str, list[tuple[int, int, str]]], set[str]]:
    """Return, per field, the (start, end, label) spans to replace, and the kept strings."""
    labels: dict[tuple[str, int, int], str] = {}
    for ff in findings:
        labels.setdefault((ff.field, ff.finding.start, ff.finding.end), ff.finding.label)
    spans: dict[str, list[tuple[int, int, str]]] = {name: [] for name in fields}
    kept = {_normal(fields[r.field][r.start : r.end]) for r in resolutions if r.action == "keep"}
    redacted_words: dict[str, str] = {}
    for res in resolutions:
        if res.action != "redact":
            continue
        label = labels.get((res.field, res.start, res.end))
        if label is None:
            inside = [
                ff.finding.label
                for ff in findings
                if ff.field == res.field and res.start <= ff.finding.start < res.end
            ]
            label = inside[0] if inside else MANUAL_LABELS.get(res.type or "", "REDACTED")
        spans[res.field].append((res.start, res.end, label))
        redacted_words[_normal(fields[res.field][res.start : res.end])] = label
    # Once a string is redacted anywhere, redact every other whole-word occurrence too: the
    # author should not have to find each repeat of a name the scanner missed.
    for word, label in redacted_words.items():
        if len(word) < 2 or word in kept:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?:['’]s)?(?!\w)", re.IGNORECASE)
        for name, text in fields.items():
            for match in pattern.finditer(text):
                start, end = match.start(), match.start() + len(word)
                if not any(s <= start < e or s < end <= e for s, e, _ in spans[name]):
                    spans[name].append((start, end, label))
    for name in spans:
        spans[name].sort()
    return spans, kept


def _replace(
    fields: dict[str, str],
    spans: dict[str, list[tuple[int, int, str]]],
) -> tuple[dict[str, str], dict[str, list[tuple[int, int, int, int]]], dict[str, str]]:
    """Apply placeholders; return clean texts, offset maps and the placeholder of each string."""
    numbers: dict[str, int] = {}
    assigned: dict[tuple[str, str], str] = {}
    clean: dict[str, str] = {}
    maps: dict[str, list[tuple[int, int, int, int]]] = {}
    for name, text in fields.items():
        out: list[str] = []
        offsets: list[tuple[int, int, int, int]] = []
        cursor = 0
        length = 0
        for start, end, label in spans.get(name, []):
            out.append(text[cursor:start])
            length += start - cursor
            key = (label, _normal(text[start:end]))
            if key not in assigned:
                numbers[label] = numbers.get(label, 0) + 1
                assigned[key] = f"[{label}-{numbers[label]}]"
            placeholder = assigned[key]
            offsets.append((start, end, length, length + len(placeholder)))
            out.append(placeholder)
            length += len(placeholder)
            cursor = end
        out.append(text[cursor:])
        clean[name] = "".join(out)
        maps[name] = offsets
    legend = {placeholder: label for (label, _), placeholder in assigned.items()}
    return clean, maps, legend


def _to_original(position: int, offsets: list[tuple[int, int, int, int]]) -> int:
    shift = 0
    for orig_start, orig_end, clean_start, clean_end in offsets:
        if clean_end <= position:
            shift = orig_end - clean_end
        elif clean_start <= position:
            return orig_start
        else:
            break
    return position + shift


def preview(fields: dict[str, str], resolutions: list[Resolution]) -> dict[str, str]:
    """Return the texts as they would be stored with these resolutions (no checks of coverage)."""
    _check_resolutions(fields, resolutions)
    findings = scan_fields(fields)
    spans, _kept = _spans_to_redact(fields, findings, resolutions)
    clean, _maps, _legend = _replace(fields, spans)
    return clean


def check_gate(
    fields: dict[str, str],
    resolutions: list[Resolution],
    attest: bool,
    exempt: Exempt | None = None,
) -> GateResult:
    """Pass texts through the gate, or raise GateBlocked (422) with every finding and its state.

    ``fields`` maps a field name (for an excerpt: title, text, context) to the author's raw
    text; placeholders are numbered across the fields in their order.
    """
    fields = {name: value for name, value in fields.items() if value is not None}
    _check_resolutions(fields, resolutions)
    findings = scan_fields(fields, exempt)
    unresolved = {i for i, ff in enumerate(findings) if _covered(ff, resolutions) is None}
    if unresolved:
        _blocked(
            f"{len(unresolved)} possible identifier(s) need a decision: redact or keep each one.",
            findings,
            unresolved,
        )
    spans, kept = _spans_to_redact(fields, findings, resolutions)
    clean, maps, legend = _replace(fields, spans)
    # Scan the result again: what the author kept, and the placeholders, are not new findings.
    leftovers: list[FieldFinding] = []
    for ff in scan_fields(clean, exempt):
        if _normal(ff.finding.text) in kept:
            continue
        start = _to_original(ff.finding.start, maps[ff.field])
        end = _to_original(ff.finding.end, maps[ff.field])
        original = fields[ff.field][start:end]
        leftovers.append(
            FieldFinding(ff.field, Finding(start, end, ff.finding.type, original, ff.finding.label))
        )
    if leftovers:
        everything = findings + leftovers
        _blocked(
            "The redacted text still contains possible identifiers; resolve them too.",
            everything,
            set(range(len(findings), len(everything))),
        )
    if not attest:
        _blocked(
            "Confirm that the text is de-identified (Safe Harbor) before posting.",
            findings,
            set(),
            attest="required",
        )
    redacted: dict[str, int] = {}
    kept_count: dict[str, int] = {}
    for ff in findings:
        res = _covered(ff, resolutions)
        bucket = redacted if res is not None and res.action == "redact" else kept_count
        bucket[ff.finding.type] = bucket.get(ff.finding.type, 0) + 1
    manual = sum(
        1
        for r in resolutions
        if r.action == "redact" and not any(_covered(ff, [r]) is r for ff in findings)
    )
    record = {
        "scanner": SCANNER_VERSION,
        "findings": len(findings),
        "redacted": redacted,
        "kept": kept_count,
        "manual_redactions": manual,
        "placeholders": len(legend),
    }
    return GateResult(clean=clean, record=record, placeholders=legend)


def check_short_texts(
    fields: dict[str, str],
    resolutions: list[Resolution] | None = None,
    attest: bool = False,
    exempt: Exempt | None = None,
) -> dict[str, str]:
    """Gate short notes (moments, annotations, messages): clean ones pass as they are.

    A note in which the scanner finds nothing needs no attestation; one with findings goes
    through the whole gate, so the author resolves each finding and attests.
    """
    fields = {name: value or "" for name, value in fields.items()}
    if not resolutions and not scan_fields(fields, exempt):
        return fields
    return check_gate(fields, resolutions or [], attest, exempt).clean
