"""Forms for registration, sign-in and account settings."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length


class RegisterForm(FlaskForm):
    display_name = StringField(
        "Display name",
        validators=[DataRequired(), Length(max=80)],
        description="How colleagues see you in rooms.",
    )
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField(
        "Password",
        validators=[DataRequired(), Length(max=1024)],
        description="At least 10 characters; not a common password.",
    )
    confirm = PasswordField(
        "Repeat password", validators=[DataRequired(), EqualTo("password", "The passwords differ.")]
    )


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])
    remember = BooleanField("Keep me signed in on this device")


class ProfileForm(FlaskForm):
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=80)])


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired()])
    new_password = PasswordField("New password", validators=[DataRequired(), Length(max=1024)])
    confirm = PasswordField(
        "Repeat new password",
        validators=[DataRequired(), EqualTo("new_password", "The passwords differ.")],
    )


class TokenForm(FlaskForm):
    name = StringField(
        "Token name",
        validators=[Length(max=80)],
        description="What the token is for, e.g. “export script”.",
    )
    password = PasswordField("Your password", validators=[DataRequired()])


class ConfirmForm(FlaskForm):
    """A form with nothing but the CSRF token, for one-click actions."""
