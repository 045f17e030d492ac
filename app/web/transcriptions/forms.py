"""Forms for uploading a clip, editing a draft without JavaScript, and sharing it to a room."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from app.services.excerpts import CONTEXT_MAX, PSEUDONYM_MAX, TITLE_MAX
from app.web.excerpts.forms import unix_newlines

LANGUAGES = [
    SelectChoice("en", "English"),
    SelectChoice("auto", "Detect automatically"),
    SelectChoice("de", "German"),
    SelectChoice("es", "Spanish"),
    SelectChoice("fr", "French"),
    SelectChoice("it", "Italian"),
    SelectChoice("nl", "Dutch"),
    SelectChoice("pt", "Portuguese"),
]


class UploadForm(FlaskForm):
    file = FileField(
        "Audio clip",
        validators=[FileRequired("Choose an audio file to transcribe.")],
        description="WAV, MP3, M4A, Ogg/Opus or FLAC: a short part of a session.",
    )
    language = SelectField("Spoken language", choices=LANGUAGES, default="en")
    # Unchecked by default: a voice identifies a person (the page says so next to it).
    keep_audio = BooleanField("Keep the audio after transcription", default=False)


class SegmentsForm(FlaskForm):
    """The CSRF token of the plain editor; the segments come as seg-N-* fields."""


class ShareForm(FlaskForm):
    room_id = SelectField("Room", coerce=int, validate_choice=True)
    title = StringField(
        "Title",
        validators=[DataRequired(), Length(max=TITLE_MAX)],
        filters=[unix_newlines],
        description="A short, non-identifying title.",
    )
    # The review screen carries an existing case's id as ``case``; this form names one.
    case = StringField("Case", validators=[Optional(), Length(max=PSEUDONYM_MAX)])
    new_case = StringField(
        "Case pseudonym (optional)",
        validators=[Optional(), Length(max=PSEUDONYM_MAX)],
        description="For example “Client B”: an existing case of the room or a new one. "
        "Never a real name or initials.",
    )
    context = TextAreaField(
        "Context (markdown, optional)",
        validators=[Optional(), Length(max=CONTEXT_MAX)],
        filters=[unix_newlines],
        description="What the group should know to read the excerpt.",
    )
