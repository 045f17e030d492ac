"""Room exports (JSON, Markdown, CSV) holding only what the exporting member may read."""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Annotation, Excerpt, Moment, User
from app.services import access, annotations, audit, spans

FORMATS = ("json", "md", "csv")


def _person(user: User | None) -> str:
    return user.display_name if user is not None else "Former member"


def collect(user: User, room_id: int) -> dict[str, Any]:
    """Return the room's excerpts with their moments and the annotations this user may read."""
    room, _membership = access.room_for(user, room_id)
    current = list(
        db.session.scalars(
            select(Excerpt)
            .where(Excerpt.room_id == room_id, Excerpt.withdrawn_at.is_(None))
            .options(
                selectinload(Excerpt.lines),
                selectinload(Excerpt.author),
                selectinload(Excerpt.case),
            )
            .order_by(Excerpt.id)
        )
    )
    ids = [e.id for e in current]
    moments: dict[int, list[Moment]] = {i: [] for i in ids}
    for moment in db.session.scalars(
        select(Moment)
        .where(Moment.excerpt_id.in_(ids))
        .options(selectinload(Moment.tag), selectinload(Moment.author))
        .order_by(Moment.line, Moment.start, Moment.id)
    ):
        moments[moment.excerpt_id].append(moment)
    notes: dict[int, list[Annotation]] = {i: [] for i in ids}
    visible = annotations.visible_to(user, select(Annotation)).where(Annotation.excerpt_id.in_(ids))
    for note in db.session.scalars(
        visible.options(selectinload(Annotation.author)).order_by(Annotation.line, Annotation.id)
    ):
        notes[note.excerpt_id].append(note)

    def span_of(item) -> dict[str, Any]:
        return {"line": item.line, "start": item.start, "end_line": item.end_line, "end": item.end}

    excerpts_out = []
    for excerpt in current:
        excerpts_out.append(
            {
                "id": excerpt.id,
                "title": excerpt.title,
                "case": excerpt.case.pseudonym if excerpt.case else None,
                "author": _person(excerpt.author),
                "created_at": excerpt.created_at.isoformat(),
                "context": excerpt.context,
                "review_status": excerpt.review_status,
                "lines": [
                    {
                        "n": line.n,
                        "speaker": line.speaker,
                        "text": line.text,
                        "start": line.start,
                        "end": line.end,
                    }
                    for line in excerpt.lines
                ],
                "moments": [
                    {
                        "id": m.id,
                        **span_of(m),
                        "quote": spans.quote(
                            excerpt, spans.Span(m.line, m.start, m.end_line, m.end)
                        ),
                        "tag": m.tag.slug,
                        "tag_name": m.tag.name,
                        "intensity": m.intensity,
                        "note": m.note,
                        "almost_said": m.almost_said,
                        "instead": m.instead,
                        "author": _person(m.author),
                        "created_at": m.created_at.isoformat(),
                    }
                    for m in moments[excerpt.id]
                ],
                "annotations": [
                    {
                        "id": a.id,
                        **span_of(a),
                        "quote": spans.quote(
                            excerpt, spans.Span(a.line, a.start, a.end_line, a.end)
                        ),
                        "body": a.body,
                        "visibility": a.visibility,
                        "author": _person(a.author),
                        "created_at": a.created_at.isoformat(),
                    }
                    for a in notes[excerpt.id]
                ],
            }
        )
    return {
        "format": "parallel-room-export",
        "version": 1,
        "room": {"id": room.id, "name": room.name, "description": room.description},
        "exported_by": user.display_name,
        "excerpts": excerpts_out,
    }


def export_room(user: User, room_id: int, fmt: str, *, ip: str | None = None) -> str | dict:
    """Return the room export in ``fmt`` (json: a dict; md and csv: text); audited."""
    data = collect(user, room_id)
    audit.record(
        "room.exported",
        actor=user,
        room_id=room_id,
        target_type="room",
        target_id=room_id,
        via=fmt,
        ip=ip,
    )
    if fmt == "json":
        return data
    if fmt == "md":
        return to_markdown(data)
    return to_csv(data)


def _quote_block(text: str) -> str:
    return "\n".join("> " + line for line in text.splitlines() or [""])


def to_markdown(data: dict[str, Any]) -> str:
    """Render an export as readable Markdown, one section per excerpt."""
    out = [f"# {data['room']['name']}", ""]
    if data["room"]["description"]:
        out += [data["room"]["description"], ""]
    for excerpt in data["excerpts"]:
        out += [f"## {excerpt['title']}", ""]
        meta = [excerpt["author"], excerpt["created_at"][:10]]
        if excerpt["case"]:
            meta.append(excerpt["case"])
        out += ["*" + " · ".join(meta) + "*", ""]
        if excerpt["context"]:
            out += [excerpt["context"], ""]
        for line in excerpt["lines"]:
            out.append(f"{line['n']}. **{line['speaker'] or '—'}:** {line['text']}")
        out.append("")
        if excerpt["moments"]:
            out += ["### Moments", ""]
            for m in excerpt["moments"]:
                where = f"line {m['line']}" + (
                    f"–{m['end_line']}" if m["end_line"] != m["line"] else ""
                )
                intensity = f", intensity {m['intensity']}" if m["intensity"] else ""
                out.append(
                    f"- **{m['tag_name']}** ({where}{intensity}, {m['author']}): “{m['quote']}”"
                )
                for label, key in (
                    ("Note", "note"),
                    ("Almost said", "almost_said"),
                    ("Could say instead", "instead"),
                ):
                    if m[key]:
                        out.append(f"  - {label}: {m[key]}")
            out.append("")
        if excerpt["annotations"]:
            out += ["### Supervisor annotations", ""]
            for a in excerpt["annotations"]:
                private = " (private feedback to the author)" if a["visibility"] == "author" else ""
                out.append(f"- {a['author']} on line {a['line']}{private}:")
                out.append(_quote_block(a["quote"]).replace("\n", "\n  "))
                out.append("  " + a["body"].replace("\n", "\n  "))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


CSV_COLUMNS = [
    "excerpt_id",
    "excerpt_title",
    "case",
    "moment_id",
    "tag",
    "tag_name",
    "line",
    "start",
    "end_line",
    "end",
    "quote",
    "intensity",
    "note",
    "almost_said",
    "instead",
    "author",
    "created_at",
]


def _cell(value: Any) -> Any:
    # Spreadsheet programs run cells that start with these as formulas.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(data: dict[str, Any]) -> str:
    """Render an export as CSV, one row per moment."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for excerpt in data["excerpts"]:
        for m in excerpt["moments"]:
            writer.writerow(
                [
                    _cell(v)
                    for v in (
                        excerpt["id"],
                        excerpt["title"],
                        excerpt["case"] or "",
                        m["id"],
                        m["tag"],
                        m["tag_name"],
                        m["line"],
                        m["start"],
                        m["end_line"],
                        m["end"],
                        m["quote"],
                        m["intensity"] or "",
                        m["note"],
                        m["almost_said"],
                        m["instead"],
                        m["author"],
                        m["created_at"],
                    )
                ]
            )
    return buffer.getvalue()
