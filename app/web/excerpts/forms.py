"""Forms for writing an excerpt; the review step's decisions are read by ``review.py``."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.services.excerpts import CONTEXT_MAX, TEXT_MAX, TITLE_MAX


def unix_newlines(value: str | None) -> str | None:
    """Browsers send CRLF; the gate's offsets count the text as the review screen showed it."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class ExcerptForm(FlaskForm):
    title = StringField(
        "Title",
        validators=[DataRequired(), Length(max=TITLE_MAX)],
        filters=[unix_newlines],
        description="A short, non-identifying title, e.g. “Silence after the "
        "question about her mother”.",
    )
    case = SelectField(
        "Case",
        validators=[Optional()],
        validate_choice=False,
        description="Group excerpts about the same client under a pseudonym.",
    )
    new_case = StringField(
        "…or a new case pseudonym",
        validators=[Optional(), Length(max=60)],
        description="For example “Client B”. Never a real name or initials.",
    )
    context = TextAreaField(
        "Context (markdown, optional)",
        validators=[Optional(), Length(max=CONTEXT_MAX)],
        filters=[unix_newlines],
        description="What the group should know to read the excerpt.",
    )
    text = TextAreaField(
        "Transcript",
        validators=[DataRequired(), Length(max=TEXT_MAX)],
        filters=[unix_newlines],
        description="One turn per line, with a speaker label: “T: …”, "
        "“C: …”, “Therapist: …”, “[00:12:40] Client: …”.",
    )


class ReviewForm(FlaskForm):
    """Carries the draft through the review; decisions come as f-N-action fields."""

    attest = BooleanField(
        "I have reviewed this text. It contains none of the HIPAA Safe Harbor identifiers "
        "(names, places smaller than a state, dates other than years, contact details, "
        "numbers that identify a person, and so on) and nothing else that could identify "
        "my client."
    )
