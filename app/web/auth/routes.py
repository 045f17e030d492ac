"""Registration, sign-in, sign-out and account settings pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.extensions import db, limiter
from app.services import accounts
from app.services.errors import Conflict, Invalid, NotFound
from app.services.passwords import verify_password
from app.web.auth.forms import (
    ConfirmForm,
    LoginForm,
    PasswordForm,
    ProfileForm,
    RegisterForm,
    TokenForm,
)
from app.web.converters import use_id_converter
from app.web.limits import (
    failed_attempt,
    register_limit_address,
    signin_account_key,
    signin_limit_account,
    signin_limit_address,
)

bp = Blueprint("auth", __name__)
use_id_converter(bp)


def safe_next(target: str | None) -> str:
    """Return a same-site path to go to after signing in (never another host)."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("rooms.index")


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(register_limit_address, methods=["POST"])
def register():
    if not current_app.config["REGISTRATION_OPEN"]:
        return render_template("auth/closed.html"), 403
    if current_user.is_authenticated:
        return redirect(url_for("rooms.index"))
    form = RegisterForm()
    status = 200
    if form.validate_on_submit():
        try:
            user = accounts.register(
                form.email.data, form.password.data, form.display_name.data, ip=request.remote_addr
            )
        except Invalid as exc:
            db.session.rollback()
            for field, message in exc.errors.items():
                if field in form:
                    form[field].errors.append(message)
            if not exc.errors:
                flash(exc.detail, "error")
            status = 422
        except Conflict as exc:
            db.session.rollback()
            flash(exc.detail, "error")
            status = 409
        else:
            db.session.commit()
            login_user(user)
            flash("Welcome to Parallel. Create a room or join one with an invite.", "success")
            return redirect(safe_next(request.args.get("next")))
    elif form.is_submitted():
        status = 422
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(signin_limit_address, methods=["POST"], deduct_when=failed_attempt)
@limiter.limit(
    signin_limit_account, key_func=signin_account_key, methods=["POST"], deduct_when=failed_attempt
)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("rooms.index"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data, ip=request.remote_addr)
        db.session.commit()
        if user is not None:
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next")))
        flash("The email or password is not correct.", "error")
        status = 401
    elif form.is_submitted():
        status = 422
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        logout_user()
        flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/account", methods=["GET"])
@login_required
def account():
    return render_template(
        "auth/account.html",
        profile=ProfileForm(display_name=current_user.display_name),
        password=PasswordForm(),
        token_form=TokenForm(),
        tokens=accounts.list_tokens(current_user),
        revoke=ConfirmForm(),
        new_token=None,
    )


@bp.post("/account/profile")
@login_required
def update_profile():
    form = ProfileForm()
    if form.validate_on_submit():
        try:
            accounts.update_display_name(current_user, form.display_name.data)
        except Invalid as exc:
            db.session.rollback()
            flash(exc.detail, "error")
        else:
            db.session.commit()
            flash("Your display name is saved.", "success")
    else:
        flash("Enter a display name of at most 80 characters.", "error")
    return redirect(url_for("auth.account"))


@bp.post("/account/password")
@login_required
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(
                current_user,
                form.current_password.data,
                form.new_password.data,
                ip=request.remote_addr,
            )
        except Invalid as exc:
            db.session.rollback()
            flash(exc.detail, "error")
        else:
            db.session.commit()
            login_user(current_user)
            flash("Your password is changed. Other devices are signed out.", "success")
    else:
        for errors in form.errors.values():
            flash(errors[0], "error")
    return redirect(url_for("auth.account"))


@bp.post("/account/tokens")
@login_required
def create_token():
    form = TokenForm()
    if not form.validate_on_submit() or not verify_password(
        current_user.password_hash, form.password.data or ""
    ):
        flash("Enter your password to create a token.", "error")
        return redirect(url_for("auth.account"))
    _token, plain = accounts.create_token(
        current_user, form.name.data or "", ip=request.remote_addr
    )
    db.session.commit()
    return render_template(
        "auth/account.html",
        profile=ProfileForm(display_name=current_user.display_name),
        password=PasswordForm(),
        token_form=TokenForm(formdata=None),
        tokens=accounts.list_tokens(current_user),
        revoke=ConfirmForm(),
        new_token=plain,
    )


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    if not ConfirmForm().validate_on_submit():
        flash("Please try again.", "error")
        return redirect(url_for("auth.account"))
    try:
        accounts.revoke_token(current_user, token_id, ip=request.remote_addr)
    except NotFound:
        db.session.rollback()
        flash("That token does not exist any more.", "info")
    else:
        db.session.commit()
        flash("The token is revoked.", "success")
    return redirect(url_for("auth.account"))
