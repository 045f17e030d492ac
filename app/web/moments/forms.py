"""Forms for tagging moments, annotating, reviewing and editing the room's taxonomy."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from werkzeug.datastructures import MultiDict
from wtforms import IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import HiddenInput

from app.services import annotations, deid, moments, reviews
from app.taxonomy import MAX_DEFINITION, MAX_EXAMPLE, MAX_NAME
from app.web.excerpts.forms import unix_newlines

INTENSITIES = [
    SelectChoice(1, "1 faint"),
    SelectChoice(2, "2"),
    SelectChoice(3, "3"),
    SelectChoice(4, "4"),
    SelectChoice(5, "5 overwhelming"),
]


class SpanForm(FlaskForm):
    """A span of the excerpt: whole lines without JavaScript, exact offsets with it."""

    line = SelectField("From line", coerce=int, validate_choice=False)
    end_line = SelectField("To line", coerce=int, validate_choice=False)
    start = IntegerField(widget=HiddenInput(), validators=[Optional()])
    end = IntegerField(widget=HiddenInput(), validators=[Optional()])

    def span(self, line_lengths: dict[int, int]) -> tuple[int, int, int, int]:
        """Return (line, start, end_line, end); without offsets the whole lines are meant."""
        line = self.line.data or 1
        end_line = self.end_line.data or line
        if self.start.data is None or self.end.data is None:
            return line, 0, end_line, line_lengths.get(end_line, 0)
        return line, self.start.data, end_line, self.end.data


class MomentForm(SpanForm):
    tag = SelectField("Tag", validators=[DataRequired("Choose a tag.")], validate_choice=False)
    intensity = RadioField(
        "Intensity", choices=INTENSITIES, coerce=int, validate_choice=False, validators=[Optional()]
    )
    note = TextAreaField(
        "Note",
        validators=[Optional(), Length(max=moments.NOTE_MAX)],
        filters=[unix_newlines],
        description="What you noticed in yourself at this moment.",
    )
    almost_said = TextAreaField(
        "What I almost said",
        validators=[Optional(), Length(max=moments.NOTE_MAX)],
        filters=[unix_newlines],
    )
    instead = TextAreaField(
        "What I could say instead",
        validators=[Optional(), Length(max=moments.NOTE_MAX)],
        filters=[unix_newlines],
    )


class AnnotationForm(SpanForm):
    body = TextAreaField(
        "Annotation (markdown)",
        validators=[DataRequired("Write the annotation."), Length(max=annotations.BODY_MAX)],
        filters=[unix_newlines],
    )
    visibility = RadioField(
        "Who can read it",
        choices=[
            SelectChoice("room", "Everyone in the room"),
            SelectChoice("author", "Only the excerpt's author"),
        ],
        default="room",
    )


class SettleReviewForm(FlaskForm):
    note = TextAreaField(
        "Note to the author (markdown)",
        validators=[Optional(), Length(max=reviews.NOTE_MAX)],
        filters=[unix_newlines],
        description="Required when you ask for a revision.",
    )


class TagForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=MAX_NAME)])
    parent = SelectField("Group", validate_choice=False, validators=[Optional()])
    colour = StringField(
        "Highlight colour",
        default="#e8e4dc",
        render_kw={"type": "color"},
        description="A light tint: the text stays dark on top of it.",
    )
    definition = TextAreaField(
        "Definition", validators=[Optional(), Length(max=MAX_DEFINITION)], filters=[unix_newlines]
    )
    example = TextAreaField(
        "Example", validators=[Optional(), Length(max=MAX_EXAMPLE)], filters=[unix_newlines]
    )


class MergeForm(FlaskForm):
    into = SelectField("Merge into", validators=[DataRequired()], validate_choice=False)


class CodebookForm(FlaskForm):
    file = FileField("Codebook file (.json)")
    text = TextAreaField("…or paste the codebook JSON", validators=[Optional()])

    def document(self) -> object:
        """Return the parsed JSON from the file or the text box; ValueError if unreadable."""
        raw = ""
        if self.file.data and getattr(self.file.data, "filename", ""):
            try:
                raw = self.file.data.read().decode("utf-8")
            except UnicodeDecodeError:
                raise ValueError("The file is not UTF-8 text.") from None
        elif self.text.data:
            raw = self.text.data
        if not raw.strip():
            raise ValueError("Choose a codebook file or paste its JSON.")
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ValueError(f"This is not valid JSON (line {exc.lineno}).") from None


def keep_decisions(
    formdata: MultiDict, prefix: str, fields: dict[str, str]
) -> tuple[list[deid.Resolution] | None, bool]:
    """Read the "not identifying, keep them" round trip of the gate for one form.

    Each finding comes back as ``<prefix>keep-N-field/start/end/text``; one whose text no longer
    sits at those offsets (the author edited the note) is dropped, so the gate asks again.
    """
    if formdata.get(f"{prefix}keep-attest") != "y":
        return None, False
    kept = []
    index = 0
    while f"{prefix}keep-{index}-field" in formdata:
        name = formdata.get(f"{prefix}keep-{index}-field", "")
        try:
            start = int(formdata.get(f"{prefix}keep-{index}-start", ""))
            end = int(formdata.get(f"{prefix}keep-{index}-end", ""))
        except ValueError:
            start = end = -1
        text = fields.get(name)
        if (
            text is not None
            and 0 <= start < end
            and text[start:end] == formdata.get(f"{prefix}keep-{index}-text")
        ):
            kept.append(deid.Resolution(start=start, end=end, action="keep", field=name))
        index += 1
    return kept, True


def day_filter(value: str | None, *, next_day: bool = False) -> datetime | None:
    """Turn a YYYY-MM-DD filter into a UTC time (the start of the next day for "until")."""
    if not value:
        return None
    day = date.fromisoformat(value)
    if next_day:
        day += timedelta(days=1)
    return datetime.combine(day, time.min, tzinfo=UTC)
