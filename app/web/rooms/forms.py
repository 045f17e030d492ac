"""Forms for rooms, invites and members."""

from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.models import INVITABLE_ROLES, Role


class RoomForm(FlaskForm):
    name = StringField(
        "Room name",
        validators=[DataRequired(), Length(max=120)],
        description="For example “Thursday peer consultation”.",
    )
    description = TextAreaField("What the room is for", validators=[Length(max=2000)])


class JoinForm(FlaskForm):
    code = StringField("Invite code", validators=[DataRequired(), Length(max=200)])


class InviteForm(FlaskForm):
    role = SelectField(
        "Role",
        choices=[SelectChoice(r.value, r.label) for r in INVITABLE_ROLES],
        default=Role.MEMBER.value,
    )
    days = IntegerField(
        "Valid for (days)", default=7, validators=[Optional(), NumberRange(min=1, max=30)]
    )
    max_uses = IntegerField(
        "How many people may use it",
        default=1,
        validators=[Optional(), NumberRange(min=1, max=100)],
    )


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=[SelectChoice(r.value, r.label) for r in Role])
