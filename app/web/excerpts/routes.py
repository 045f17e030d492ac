"""Writing, reviewing and reading excerpts."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.extensions import db
from app.services import access, deid, excerpts
from app.services.errors import Invalid
from app.web.auth.forms import ConfirmForm
from app.web.excerpts import review
from app.web.excerpts.forms import ExcerptForm, ReviewForm
from app.web.moments import page as moment_page

bp = Blueprint("excerpts", __name__)


def _case_choices(room_id: int) -> list[SelectChoice]:
    return [SelectChoice("", "No case")] + [
        SelectChoice(str(case.id), case.pseudonym)
        for case in excerpts.list_cases(current_user, room_id)
    ]


def _draft_from(form: ExcerptForm, resolutions, attest: bool) -> excerpts.ExcerptDraft:
    case = form.new_case.data.strip() if form.new_case.data else (form.case.data or None)
    return excerpts.ExcerptDraft(
        title=form.title.data or "",
        text=form.text.data or "",
        context=form.context.data or "",
        case=case,
        resolutions=resolutions,
        attest=attest,
    )


def _fields(form: ExcerptForm) -> dict[str, str]:
    return {
        "title": form.title.data or "",
        "text": form.text.data or "",
        "context": form.context.data or "",
    }


def _render_review(
    room,
    form: ExcerptForm,
    review_form: ReviewForm,
    resolutions,
    chosen,
    findings=None,
    message: str | None = None,
    status: int = 200,
):
    return render_template(
        "excerpts/review.html",
        room=room,
        form=form,
        review_form=review_form,
        message=message,
        **review.screen(_fields(form), resolutions, chosen, findings),
    ), status


@bp.route("/rooms/<int:room_id>/excerpts/new", methods=["GET", "POST"])
@login_required
def new(room_id: int):
    room, _membership = access.room_for(current_user, room_id)
    form = ExcerptForm()
    form.case.choices = _case_choices(room_id)
    if request.method == "GET":
        revise_of = request.args.get("revise", type=int)
        if revise_of:
            original, _role = excerpts.get_excerpt(current_user, revise_of)
            form.title.data = original.title
            form.context.data = original.context
            form.case.data = str(original.case_id or "")
            form.text.data = "\n".join(
                (
                    f"[{int(line.start) // 3600:02d}:{int(line.start) % 3600 // 60:02d}:"
                    f"{int(line.start) % 60:02d}] "
                    if line.start is not None
                    else ""
                )
                + f"{line.speaker}: {line.text}"
                for line in original.lines
            )
        return render_template("excerpts/new.html", room=room, form=form, revise_of=revise_of)
    if not form.validate_on_submit():
        return render_template(
            "excerpts/new.html",
            room=room,
            form=form,
            revise_of=request.form.get("revise_of", type=int),
        ), 422
    resolutions, chosen = review.decisions_from(request.form)
    review_form = ReviewForm()
    if request.form.get("step") != "post":
        return _render_review(room, form, ReviewForm(formdata=None), resolutions, chosen)
    revise_of = request.form.get("revise_of", type=int)
    draft = _draft_from(form, resolutions, bool(review_form.attest.data))
    try:
        if revise_of:
            excerpt = excerpts.revise(current_user, revise_of, draft)
        else:
            excerpt = excerpts.post_excerpt(current_user, room_id, draft)
    except deid.GateBlocked as exc:
        db.session.rollback()
        findings = exc.field_findings()
        return _render_review(
            room,
            form,
            review_form,
            resolutions,
            chosen,
            findings=findings,
            message=exc.detail,
            status=422,
        )
    except Invalid as exc:
        db.session.rollback()
        return _render_review(
            room, form, review_form, resolutions, chosen, message=exc.detail, status=422
        )
    db.session.commit()
    flash("Your excerpt is posted. Only the de-identified text was stored.", "success")
    return redirect(url_for("excerpts.show", excerpt_id=excerpt.id))


@bp.get("/excerpts/<int:excerpt_id>")
@login_required
def show(excerpt_id: int):
    excerpt, role = excerpts.get_excerpt(current_user, excerpt_id)
    # Moments, annotations and review come from the moments pages' own context builder.
    response = moment_page.render(current_user, excerpt, role)
    db.session.commit()  # the room's taxonomy may have just been seeded
    return response


@bp.post("/excerpts/<int:excerpt_id>/withdraw")
@login_required
def withdraw(excerpt_id: int):
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("excerpts.show", excerpt_id=excerpt_id))
    excerpt = excerpts.withdraw(current_user, excerpt_id, ip=request.remote_addr)
    db.session.commit()
    flash("The excerpt is withdrawn. Nobody can open it any more.", "success")
    return redirect(url_for("rooms.show", room_id=excerpt.room_id))
