"""The gate: every finding resolved, attestation, placeholders, re-scan, nothing raw kept."""

from __future__ import annotations

import pytest

from app.services import deid
from app.services.errors import Invalid

TEXT = (
    "T: How is Maggie?\n"
    "C: Maggie moved to Dayton on March 14th. Call me at 555-218-4490.\n"
    "T: And maggie's brother?"
)


def redact_all(fields):
    return [
        deid.Resolution(f.finding.start, f.finding.end, "redact", f.field)
        for f in deid.scan_fields(fields)
    ]


def test_unresolved_findings_block_with_every_finding_listed():
    with pytest.raises(deid.GateBlocked) as blocked:
        deid.check_gate({"text": TEXT}, [], attest=True)
    findings = blocked.value.extensions["findings"]
    texts = {f["text"] for f in findings}
    assert {"Maggie", "Dayton", "555-218-4490"} <= texts
    assert all(f["resolved"] is False for f in findings)
    assert blocked.value.status == 422


def test_missing_attestation_blocks():
    with pytest.raises(deid.GateBlocked) as blocked:
        deid.check_gate({"text": TEXT}, redact_all({"text": TEXT}), attest=False)
    assert blocked.value.extensions["attest"] == "required"


def test_placeholders_are_typed_and_consistent():
    result = deid.check_gate({"text": TEXT}, redact_all({"text": TEXT}), attest=True)
    clean = result.clean["text"]
    assert "Maggie" not in clean and "maggie" not in clean
    assert clean.count("[NAME-1]") == 3  # every spelling of the same name, the same placeholder
    assert "[CITY-1]" in clean
    assert "[PHONE-1]" in clean
    assert "555" not in clean


def test_placeholders_are_shared_between_title_and_text():
    fields = {"title": "Maggie's move", "text": TEXT}
    result = deid.check_gate(fields, redact_all(fields), attest=True)
    assert result.clean["title"].startswith("[NAME-1]")


def test_keep_leaves_the_text_and_is_recorded():
    fields = {"text": TEXT}
    resolutions = []
    for f in deid.scan_fields(fields):
        action = "keep" if f.finding.text == "Dayton" else "redact"
        resolutions.append(deid.Resolution(f.finding.start, f.finding.end, action, f.field))
    result = deid.check_gate(fields, resolutions, attest=True)
    assert "Dayton" in result.clean["text"]
    assert result.record["kept"] == {"LOCATION": 1}


def test_manual_redaction_is_propagated_to_every_repeat():
    # A nickname that is also an everyday word, without a cue: the scanner does not flag it.
    text = (
        "T: who was there?\nC: just moose from work. moose brought beer. Moose's truck was outside."
    )
    fields = {"text": text}
    assert not any("oose" in f.finding.text for f in deid.scan_fields(fields))
    start = text.index("moose")
    resolutions = [*redact_all(fields), deid.Resolution(start, start + 5, "redact", "text", "NAME")]
    result = deid.check_gate(fields, resolutions, attest=True)
    assert "oose" not in result.clean["text"]
    assert result.clean["text"].count("[NAME-1]") == 3
    assert result.record["manual_redactions"] == 1


def test_rescan_catches_what_redaction_reveals(monkeypatch):
    calls = []

    def fake_scan(text):
        calls.append(text)
        if len(calls) == 1:
            return []
        start = text.index("Zed")
        return [deid.Finding(start, start + 3, "NAME", "Zed", "NAME")]

    monkeypatch.setattr(deid, "scan", fake_scan)
    with pytest.raises(deid.GateBlocked) as blocked:
        deid.check_gate({"text": "C: I saw Zed"}, [], attest=True)
    leftover = blocked.value.extensions["findings"]
    assert leftover == [
        {
            "field": "text",
            "start": 9,
            "end": 12,
            "type": "NAME",
            "label": "NAME",
            "text": "Zed",
            "resolved": False,
        }
    ]


@pytest.mark.parametrize(
    "resolution",
    [
        deid.Resolution(5, 3, "redact"),
        deid.Resolution(0, 10_000, "redact"),
        deid.Resolution(0, 2, "erase"),  # type: ignore[arg-type]
        deid.Resolution(0, 2, "redact", field="nowhere"),
    ],
)
def test_bad_resolutions_are_invalid(resolution):
    with pytest.raises(Invalid):
        deid.check_gate({"text": TEXT}, [resolution], attest=True)


def test_overlapping_resolutions_are_invalid():
    with pytest.raises(Invalid):
        deid.check_gate(
            {"text": TEXT},
            [deid.Resolution(0, 10, "redact"), deid.Resolution(5, 12, "redact")],
            attest=True,
        )


def test_record_holds_counts_only():
    result = deid.check_gate({"text": TEXT}, redact_all({"text": TEXT}), attest=True)
    flat = repr(result.record)
    assert "Maggie" not in flat and "Dayton" not in flat
    assert result.record["findings"] >= 4
