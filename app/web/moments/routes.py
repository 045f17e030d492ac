"""Moments, annotations, review, agreement and the taxonomy: the pages and their forms."""

from __future__ import annotations

import json

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.extensions import db
from app.services import (
    access,
    annotations,
    deid,
    excerpts,
    moments,
    reviews,
    rooms,
    tags,
)
from app.services.errors import Invalid, ServiceError
from app.taxonomy import COLOUR_PATTERN
from app.web.auth.forms import ConfirmForm
from app.web.converters import use_id_converter
from app.web.moments import forms, page
from app.web.moments.forms import (
    AnnotationForm,
    CodebookForm,
    MergeForm,
    MomentForm,
    SettleReviewForm,
    TagForm,
)

bp = Blueprint("moments", __name__)
use_id_converter(bp)

FIELD_LABELS = {
    "m": {
        "note": "Note",
        "almost_said": "What I almost said",
        "instead": "What I could say instead",
    },
    "a": {"body": "Annotation"},
    "r": {"note": "Note to the author"},
}


def _passes_through(exc: ServiceError) -> bool:
    """NotFound and Gone become the app's error pages; the rest is shown on the form."""
    return exc.status in (404, 410)


def _refused(excerpt, role, exc: ServiceError, prefix: str, form):
    """Re-render the excerpt page after a refused form, keeping everything that was typed."""
    db.session.rollback()
    gate = None
    if isinstance(exc, deid.GateBlocked):
        gate = {
            "form": prefix,
            "message": exc.detail,
            "findings": exc.extensions.get("findings", []),
            "labels": FIELD_LABELS[prefix],
        }
    elif isinstance(exc, Invalid):
        for name, error in exc.errors.items():
            field = getattr(form, name, None)
            if field is not None and hasattr(field, "errors"):
                field.errors = [error]
    key = {"m": "moment_form", "a": "annotation_form", "r": "review_form"}[prefix]
    return page.render(
        current_user, excerpt, role, exc.status, message=exc.detail, gate=gate, **{key: form}
    )


def _back(excerpt_id: int, anchor: str = "") -> Response:
    return redirect(url_for("excerpts.show", excerpt_id=excerpt_id) + anchor)


@bp.post("/excerpts/<int:excerpt_id>/moments")
@login_required
def add_moment(excerpt_id: int):
    excerpt, role = excerpts.get_excerpt(current_user, excerpt_id)
    form = MomentForm(prefix="m")
    if not form.validate_on_submit():
        return page.render(
            current_user,
            excerpt,
            role,
            422,
            message="Check the fields marked below.",
            moment_form=form,
        )
    line, start, end_line, end = form.span({item.n: len(item.text) for item in excerpt.lines})
    texts = {
        "note": form.note.data or "",
        "almost_said": form.almost_said.data or "",
        "instead": form.instead.data or "",
    }
    resolutions, attest = forms.keep_decisions(request.form, "m-", texts)
    try:
        moment = moments.add_moment(
            current_user,
            excerpt_id,
            moments.MomentDraft(
                line=line,
                start=start,
                end_line=end_line,
                end=end,
                tag=form.tag.data,
                intensity=form.intensity.data,
                resolutions=resolutions,
                attest=attest,
                **texts,
            ),
        )
    except ServiceError as exc:
        if _passes_through(exc):
            raise
        return _refused(excerpt, role, exc, "m", form)
    db.session.commit()
    flash("The moment is tagged.", "success")
    return _back(excerpt_id, f"#moment-{moment.id}")


@bp.post("/excerpts/<int:excerpt_id>/moments/<int:moment_id>/delete")
@login_required
def delete_moment(excerpt_id: int, moment_id: int):
    if ConfirmForm().validate_on_submit():
        try:
            moments.delete_moment(current_user, moment_id)
        except ServiceError as exc:
            if _passes_through(exc):
                raise
            db.session.rollback()
            flash(exc.detail, "error")
        else:
            db.session.commit()
            flash("The moment is deleted.", "success")
    return _back(excerpt_id, "#moments")


@bp.post("/excerpts/<int:excerpt_id>/annotations")
@login_required
def add_annotation(excerpt_id: int):
    excerpt, role = excerpts.get_excerpt(current_user, excerpt_id)
    form = AnnotationForm(prefix="a")
    if not form.validate_on_submit():
        return page.render(
            current_user,
            excerpt,
            role,
            422,
            message="Check the fields marked below.",
            annotation_form=form,
        )
    line, start, end_line, end = form.span({item.n: len(item.text) for item in excerpt.lines})
    resolutions, attest = forms.keep_decisions(request.form, "a-", {"body": form.body.data})
    try:
        note = annotations.add_annotation(
            current_user,
            excerpt_id,
            line=line,
            start=start,
            end_line=end_line,
            end=end,
            body=form.body.data,
            visibility=form.visibility.data,
            resolutions=resolutions,
            attest=attest,
        )
    except ServiceError as exc:
        if _passes_through(exc):
            raise
        return _refused(excerpt, role, exc, "a", form)
    db.session.commit()
    flash("Your annotation is saved.", "success")
    return _back(excerpt_id, f"#annotation-{note.id}")


@bp.post("/excerpts/<int:excerpt_id>/annotations/<int:annotation_id>/delete")
@login_required
def delete_annotation(excerpt_id: int, annotation_id: int):
    if ConfirmForm().validate_on_submit():
        try:
            annotations.delete_annotation(current_user, annotation_id)
        except ServiceError as exc:
            if _passes_through(exc):
                raise
            db.session.rollback()
            flash(exc.detail, "error")
        else:
            db.session.commit()
            flash("The annotation is deleted.", "success")
    return _back(excerpt_id, "#annotations")


@bp.post("/excerpts/<int:excerpt_id>/review")
@login_required
def request_review(excerpt_id: int):
    if ConfirmForm().validate_on_submit():
        try:
            reviews.request_review(current_user, excerpt_id)
        except ServiceError as exc:
            if _passes_through(exc):
                raise
            db.session.rollback()
            flash(exc.detail, "error")
        else:
            db.session.commit()
            flash("Your supervisors will see this excerpt in their review list.", "success")
    return _back(excerpt_id, "#review")


@bp.post("/excerpts/<int:excerpt_id>/review/settle")
@login_required
def settle_review(excerpt_id: int):
    excerpt, role = excerpts.get_excerpt(current_user, excerpt_id)
    form = SettleReviewForm(prefix="r")
    if not form.validate_on_submit():
        return page.render(
            current_user, excerpt, role, 422, message="Check the note below.", review_form=form
        )
    note = form.note.data or ""
    resolutions, attest = forms.keep_decisions(request.form, "r-", {"note": note})
    try:
        reviews.settle_review(
            current_user, excerpt_id, request.form.get("outcome", ""), note, resolutions, attest
        )
    except ServiceError as exc:
        if _passes_through(exc):
            raise
        return _refused(excerpt, role, exc, "r", form)
    db.session.commit()
    flash("The review is recorded; the author can see it now.", "success")
    return _back(excerpt_id, "#review")


@bp.get("/excerpts/<int:excerpt_id>/agreement")
@login_required
def agreement(excerpt_id: int):
    excerpt, _role = excerpts.get_excerpt(current_user, excerpt_id)
    report = moments.excerpt_agreement(current_user, excerpt_id)
    # Raters are the moments' authors (0 for a former member, as the service counts them).
    people = {m.author_id or 0: m.author for m in moments.excerpt_moments(current_user, excerpt_id)}
    by_slug = {
        t.slug: t for t in tags.room_tags(current_user, excerpt.room_id, include_inactive=True)
    }
    db.session.commit()  # the room's taxonomy may have just been seeded
    return render_template(
        "moments/agreement.html",
        excerpt=excerpt,
        room=excerpt.room,
        report=report,
        people=people,
        tags=by_slug,
        lines={item.n: item for item in excerpt.lines},
    )


@bp.get("/rooms/<int:room_id>/moments")
@login_required
def room_moments(room_id: int):
    room, _membership = access.room_for(current_user, room_id)
    args = request.args
    errors = {}
    dates = {}
    for name in ("since", "until"):
        try:
            dates[name] = forms.day_filter(args.get(name), next_day=name == "until")
        except ValueError:
            errors[name] = "Use a date like 2025-03-01."
            dates[name] = None
    tag = args.get("tag") or None
    author = args.get("author", type=int)
    case = args.get("case", type=int)
    found = moments.room_moments(
        current_user,
        room_id,
        tag=tag,
        author_id=author,
        case_id=case,
        since=dates["since"],
        until=dates["until"],
        before=args.get("before", type=int),
    )
    room_tags = tags.room_tags(current_user, room_id, include_inactive=True)
    db.session.commit()  # the room's taxonomy may have just been seeded
    return render_template(
        "moments/room_moments.html",
        room=room,
        page=found,
        errors=errors,
        filters={
            "tag": tag,
            "author": author,
            "case": case,
            "since": args.get("since", ""),
            "until": args.get("until", ""),
        },
        tag_groups=page.grouped(page.tag_choices([t for t in room_tags if t.active], by_slug=True)),
        counts=tags.tag_counts(room_id),
        room_tags=room_tags,
        members=rooms.members(current_user, room_id),
        cases=excerpts.list_cases(current_user, room_id),
        quote_of=page.quote_of,
    )


@bp.get("/rooms/<int:room_id>/tags.css")
@login_required
def tag_styles(room_id: int):
    room_tags = tags.room_tags(current_user, room_id, include_inactive=True)
    db.session.commit()
    css = "\n".join(
        f".tag-{t.id} {{ background-color: {t.colour}; }}"
        for t in room_tags
        if COLOUR_PATTERN.fullmatch(t.colour)
    )
    response = Response(css + "\n", mimetype="text/css")
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _taxonomy(room_id: int, status: int = 200, **forms_in):
    room, membership = access.room_for(current_user, room_id)
    everything = tags.room_tags(current_user, room_id, include_inactive=True)
    db.session.commit()  # the room's taxonomy may have just been seeded
    active = [t for t in everything if t.active]
    children: dict[int | None, list] = {}
    ids = {t.id for t in active}
    for t in active:
        children.setdefault(t.parent_id if t.parent_id in ids else None, []).append(t)
    add_form = forms_in.get("add_form") or TagForm(formdata=None)
    parent_choices = [SelectChoice("", "No group (top level)")] + [
        SelectChoice(t.slug, t.name) for t in active
    ]
    add_form.parent.choices = parent_choices
    return render_template(
        "moments/taxonomy.html",
        room=room,
        role=membership.role,
        children=children,
        inactive=[t for t in everything if not t.active],
        by_id={t.id: t for t in everything},
        counts=tags.tag_counts(room_id),
        add_form=add_form,
        parent_choices=parent_choices,
        import_form=forms_in.get("import_form") or CodebookForm(formdata=None),
        confirm=ConfirmForm(),
        editing=forms_in.get("editing"),
    ), status


def _back_to_tags(anchor: str = "") -> Response:
    return redirect(url_for("moments.taxonomy", room_id=request.view_args["room_id"]) + anchor)


@bp.get("/rooms/<int:room_id>/tags")
@login_required
def taxonomy(room_id: int):
    return _taxonomy(room_id)


@bp.post("/rooms/<int:room_id>/tags")
@login_required
def add_tag(room_id: int):
    form = TagForm()
    if not form.validate_on_submit():
        return _taxonomy(room_id, 422, add_form=form)
    try:
        tag = tags.add_tag(
            current_user,
            room_id,
            form.name.data,
            parent=form.parent.data or None,
            colour=form.colour.data or tags.DEFAULT_COLOUR,
            definition=form.definition.data or "",
            example=form.example.data or "",
        )
    except ServiceError as exc:
        if _passes_through(exc):
            raise
        db.session.rollback()
        flash(exc.detail, "error")
        return _taxonomy(room_id, exc.status, add_form=form)
    db.session.commit()
    flash(f"The tag “{tag.name}” is added.", "success")
    return _back_to_tags(f"#tag-{tag.slug}")


@bp.post("/rooms/<int:room_id>/tags/<slug>/edit")
@login_required
def edit_tag(room_id: int, slug: str):
    form = TagForm()
    if not form.validate_on_submit():
        flash("A tag needs a name of at most 60 characters.", "error")
        return _back_to_tags(f"#tag-{slug}")
    try:
        tags.update_tag(
            current_user,
            room_id,
            slug,
            name=form.name.data,
            colour=form.colour.data or None,
            definition=form.definition.data or "",
            example=form.example.data or "",
            parent=form.parent.data or "",
        )
    except ServiceError as exc:
        if _passes_through(exc):
            raise
        db.session.rollback()
        flash(exc.detail, "error")
    else:
        db.session.commit()
        flash("The tag is updated.", "success")
    return _back_to_tags(f"#tag-{slug}")


@bp.post("/rooms/<int:room_id>/tags/<slug>/merge")
@login_required
def merge_tag(room_id: int, slug: str):
    form = MergeForm()
    if not form.validate_on_submit():
        flash("Choose the tag to merge into.", "error")
        return _back_to_tags(f"#tag-{slug}")
    try:
        target = tags.merge_tags(current_user, room_id, slug, form.into.data)
    except ServiceError as exc:
        if _passes_through(exc):
            raise
        db.session.rollback()
        flash(exc.detail, "error")
        return _back_to_tags(f"#tag-{slug}")
    db.session.commit()
    flash(f"Merged into “{target.name}”; its moments moved with it.", "success")
    return _back_to_tags(f"#tag-{target.slug}")


@bp.post("/rooms/<int:room_id>/tags/<slug>/retire")
@login_required
def retire_tag(room_id: int, slug: str):
    if ConfirmForm().validate_on_submit():
        try:
            tag = tags.retire_tag(current_user, room_id, slug)
        except ServiceError as exc:
            if _passes_through(exc):
                raise
            db.session.rollback()
            flash(exc.detail, "error")
        else:
            db.session.commit()
            flash(
                f"“{tag.name}” is retired: existing moments keep it, new ones cannot use it.",
                "success",
            )
    return _back_to_tags("#inactive")


@bp.get("/rooms/<int:room_id>/tags/codebook.json")
@login_required
def export_codebook(room_id: int):
    document = tags.export_codebook(current_user, room_id)
    db.session.commit()  # the room's taxonomy may have just been seeded
    return Response(
        json.dumps(document, ensure_ascii=False, indent=2) + "\n",
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="room-{room_id}-codebook.json"'},
    )


@bp.post("/rooms/<int:room_id>/tags/import")
@login_required
def import_codebook(room_id: int):
    form = CodebookForm()
    if not form.validate_on_submit():
        return _taxonomy(room_id, 422, import_form=form)
    try:
        document = form.document()
    except ValueError as exc:
        form.text.errors = [str(exc)]
        return _taxonomy(room_id, 422, import_form=form)
    try:
        added, updated = tags.import_codebook(current_user, room_id, document)
    except ServiceError as exc:
        if _passes_through(exc):
            raise
        db.session.rollback()
        form.text.errors = [exc.detail]
        return _taxonomy(room_id, exc.status, import_form=form)
    db.session.commit()
    flash(f"Codebook imported: {added} tag(s) added, {updated} updated.", "success")
    return _back_to_tags()
