"""The review screen's state: findings, the author's decisions, and highlighted segments."""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from app.services import deid, transcript
from app.services.errors import Invalid

FIELD_LABELS = {"title": "Title", "text": "Transcript", "context": "Context"}
MAX_DECISIONS = 2000


@dataclass
class Segment:
    text: str
    index: int | None = None  # the finding shown by this segment, if any
    manual: int | None = None  # the author's own redaction shown by this segment, if any


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def decisions_from(form: MultiDict) -> tuple[list[deid.Resolution], dict[tuple, str]]:
    """Read resolutions from the review form (findings' decisions and manual redactions)."""
    resolutions: list[deid.Resolution] = []
    chosen: dict[tuple, str] = {}
    for prefix in ("f", "m"):
        for i in range(MAX_DECISIONS):
            field = form.get(f"{prefix}-{i}-field")
            if field is None:
                break
            start, end = _int(form.get(f"{prefix}-{i}-start")), _int(form.get(f"{prefix}-{i}-end"))
            action = form.get(f"{prefix}-{i}-action") if prefix == "f" else "redact"
            if field not in deid.FIELDS or start is None or end is None:
                continue
            if action in ("redact", "keep"):
                chosen[(field, start, end)] = action
                resolutions.append(
                    deid.Resolution(
                        start=start,
                        end=end,
                        action=action,
                        field=field,
                        type=form.get(f"{prefix}-{i}-type") or None,
                    )
                )
    return resolutions, chosen


def manual_spans(
    resolutions: list[deid.Resolution], findings: list[deid.FieldFinding]
) -> list[deid.Resolution]:
    """Return the redactions that do not answer a finding (text the author selected)."""
    known = {(f.field, f.finding.start, f.finding.end) for f in findings}
    return [
        r for r in resolutions if r.action == "redact" and (r.field, r.start, r.end) not in known
    ]


def segments(
    text: str, field: str, findings: list[deid.FieldFinding], manual: list[deid.Resolution]
) -> list[Segment]:
    """Cut a field's text into plain and highlighted pieces, for showing findings in place."""
    marks: list[tuple[int, int, int | None, int | None]] = []
    for index, ff in enumerate(findings):
        if ff.field == field:
            marks.append((ff.finding.start, ff.finding.end, index, None))
    for index, res in enumerate(manual):
        if res.field == field:
            marks.append((res.start, res.end, None, index))
    marks.sort()
    out: list[Segment] = []
    cursor = 0
    for start, end, index, manual_index in marks:
        if start < cursor:
            continue  # overlapping marks: the first one shown is enough to decide on
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], index=index, manual=manual_index))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def screen(
    fields: dict[str, str],
    resolutions: list[deid.Resolution],
    chosen: dict,
    findings: list[deid.FieldFinding] | None = None,
) -> dict:
    """Everything ``excerpts/review.html`` shows: findings in place and the text to be stored."""
    if findings is None:
        findings = deid.scan_fields(fields)
    manual = manual_spans(resolutions, findings)
    try:
        stored = deid.preview(fields, resolutions)
    except Invalid:
        stored = deid.preview(fields, [])
    return {
        "findings": findings,
        "manual": manual,
        "chosen": chosen,
        "fields": fields,
        "segments": {
            name: segments(value, name, findings, manual) for name, value in fields.items() if value
        },
        "field_labels": FIELD_LABELS,
        "stored": stored,
        "stored_lines": transcript.parse(stored["text"]),
    }
