"""Room pages: my rooms, one room with its members and invites, joining with a code."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.extensions import db
from app.models import Role
from app.services import access, excerpts, reviews, rooms, tags, threads
from app.services.errors import ServiceError
from app.services.pagination import parse_cursor
from app.web.auth.forms import ConfirmForm
from app.web.converters import use_id_converter
from app.web.rooms.forms import InviteForm, JoinForm, RoleForm, RoomForm

bp = Blueprint("rooms", __name__)
use_id_converter(bp)


def _fail(exc: ServiceError) -> None:
    db.session.rollback()
    flash(exc.detail, "error")


def _code_from(value: str) -> str:
    """Accept a bare code or a whole invite link pasted into the box."""
    value = value.strip().rstrip("/")
    return value.rsplit("/", 1)[-1]


@bp.get("/rooms")
@login_required
def index():
    page = rooms.list_rooms(current_user, before=parse_cursor("before", request.args.get("before")))
    return render_template(
        "rooms/index.html",
        page=page,
        form=RoomForm(formdata=None),
        join=JoinForm(formdata=None),
        waiting=reviews.waiting_for(current_user),
    )


@bp.post("/rooms")
@login_required
def create():
    form = RoomForm()
    if form.validate_on_submit():
        try:
            room = rooms.create_room(
                current_user, form.name.data, form.description.data or "", ip=request.remote_addr
            )
        except ServiceError as exc:
            _fail(exc)
        else:
            db.session.commit()
            flash("Your room is ready. Invite colleagues from the Members section.", "success")
            return redirect(url_for("rooms.show", room_id=room.id))
    page = rooms.list_rooms(current_user)
    return render_template(
        "rooms/index.html", page=page, form=form, join=JoinForm(formdata=None)
    ), 422


@bp.get("/rooms/<int:room_id>")
@login_required
def show(room_id: int):
    room, membership = access.room_for(current_user, room_id)
    role = Role(membership.role)
    invites = rooms.list_invites(current_user, room_id) if role.can_invite else []
    case_id = parse_cursor("case", request.args.get("case"))
    author_id = parse_cursor("author", request.args.get("author"))
    page = excerpts.list_excerpts(
        current_user,
        room_id,
        case_id=case_id,
        author_id=author_id,
        limit=20,
        before=parse_cursor("before", request.args.get("before")),
    )
    tag_counts = tags.tag_counts(room_id)
    room_tags = [
        t
        for t in tags.room_tags(current_user, room_id, include_inactive=True)
        if tag_counts.get(t.id)
    ]
    room_tags.sort(key=lambda t: -tag_counts[t.id])
    db.session.commit()  # the room's taxonomy may have just been seeded
    return render_template(
        "rooms/show.html",
        room=room,
        role=role,
        excerpts=page,
        line_counts=excerpts.line_counts([e.id for e in page.items]),
        unread=threads.unread_counts(current_user, [e.id for e in page.items]),
        cases=excerpts.list_cases(current_user, room_id),
        filters={"case": case_id, "author": author_id},
        members=rooms.members(current_user, room_id),
        invites=invites,
        invite_form=InviteForm(formdata=None, days=current_app.config["INVITE_DEFAULT_DAYS"]),
        role_form=RoleForm(formdata=None),
        confirm=ConfirmForm(),
        new_invite=request.args.get("invite"),
        room_tags=room_tags,
        tag_counts=tag_counts,
    )


@bp.post("/rooms/<int:room_id>/invites")
@login_required
def create_invite(room_id: int):
    form = InviteForm()
    if not form.validate_on_submit():
        flash("Choose a role, 1–30 days and 1–100 uses.", "error")
        return redirect(url_for("rooms.show", room_id=room_id))
    try:
        invite = rooms.create_invite(
            current_user,
            room_id,
            form.role.data,
            days=form.days.data,
            max_uses=form.max_uses.data or 1,
            default_days=current_app.config["INVITE_DEFAULT_DAYS"],
            ip=request.remote_addr,
        )
    except ServiceError as exc:
        if exc.status == 404:
            raise
        _fail(exc)
        return redirect(url_for("rooms.show", room_id=room_id))
    db.session.commit()
    flash("Invite created. Send the link to your colleague.", "success")
    return redirect(url_for("rooms.show", room_id=room_id, invite=invite.code) + "#invites")


@bp.post("/rooms/<int:room_id>/invites/<int:invite_id>/revoke")
@login_required
def revoke_invite(room_id: int, invite_id: int):
    if ConfirmForm().validate_on_submit():
        rooms.revoke_invite(current_user, room_id, invite_id, ip=request.remote_addr)
        db.session.commit()
        flash("The invite can no longer be used.", "success")
    return redirect(url_for("rooms.show", room_id=room_id) + "#invites")


@bp.post("/rooms/<int:room_id>/members/<int:user_id>/role")
@login_required
def change_role(room_id: int, user_id: int):
    form = RoleForm()
    if form.validate_on_submit():
        try:
            rooms.change_role(
                current_user, room_id, user_id, form.role.data, ip=request.remote_addr
            )
        except ServiceError as exc:
            if exc.status == 404:
                raise
            _fail(exc)
        else:
            db.session.commit()
            flash("The role is changed.", "success")
    return redirect(url_for("rooms.show", room_id=room_id) + "#members")


@bp.post("/rooms/<int:room_id>/members/<int:user_id>/remove")
@login_required
def remove_member(room_id: int, user_id: int):
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("rooms.show", room_id=room_id))
    try:
        rooms.remove_member(current_user, room_id, user_id, ip=request.remote_addr)
    except ServiceError as exc:
        if exc.status == 404:
            raise
        _fail(exc)
        return redirect(url_for("rooms.show", room_id=room_id) + "#members")
    db.session.commit()
    if user_id == current_user.id:
        flash("You have left the room.", "success")
        return redirect(url_for("rooms.index"))
    flash("The member is removed.", "success")
    return redirect(url_for("rooms.show", room_id=room_id) + "#members")


@bp.post("/join")
@login_required
def join_with_code():
    form = JoinForm()
    if not form.validate_on_submit():
        flash("Paste the invite code or link you were sent.", "error")
        return redirect(url_for("rooms.index"))
    return redirect(url_for("rooms.join", code=_code_from(form.code.data)))


@bp.route("/join/<code>", methods=["GET", "POST"])
@login_required
def join(code: str):
    # Accept first: accept_invite is idempotent, so a second click after the first used the
    # invite up still lands in the room instead of on a "no longer available" page.
    if request.method == "POST" and ConfirmForm().validate_on_submit():
        membership = rooms.accept_invite(current_user, code, ip=request.remote_addr)
        db.session.commit()
        flash(f"You joined as {Role(membership.role).label.lower()}.", "success")
        return redirect(url_for("rooms.show", room_id=membership.room_id))
    invite = rooms.find_invite(code)
    already = access.role_in(current_user, invite.room_id)
    return render_template(
        "rooms/join.html",
        invite=invite,
        role=Role(invite.role),
        already=already,
        confirm=ConfirmForm(),
    )
