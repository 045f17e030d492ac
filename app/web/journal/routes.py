"""Journal, insights and my-data pages: thin forms over the journal, insights, mydata services.

Everything here is the signed-in user's alone; another user's entry id is a 404 from
``access.journal_entry_for``. Pages are ``no-store`` so no cache keeps a copy of an entry.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, logout_user

from app.extensions import db
from app.markdown import render
from app.services import deid, excerpts, insights, journal, mydata
from app.services.errors import Invalid, ServiceError
from app.web.converters import use_id_converter
from app.web.journal import charts

bp = Blueprint("journal", __name__)
use_id_converter(bp)
NO_STORE = {"Cache-Control": "no-store"}


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def _draft_from(form) -> journal.EntryDraft:
    return journal.EntryDraft(
        body=form.get("body", ""),
        tags=form.getlist("tags"),
        intensity=_int(form.get("intensity")),
        excerpt_id=_int(form.get("excerpt_id")),
        case_id=_int(form.get("case_id")),
    )


def _render_form(entry=None, body="", draft=None, message=None, errors=None, status=200):
    chosen = draft.tags if draft else (entry.row.tag_slugs if entry else [])
    return (
        render_template(
            "journal/form.html",
            entry=entry,
            body=body,
            draft=draft,
            chosen=set(chosen),
            tags=journal.tag_choices(current_user),
            templates=journal.list_templates(current_user),
            excerpts=journal.linkable_excerpts(current_user),
            cases=journal.linkable_cases(current_user),
            message=message,
            errors=errors or {},
        ),
        status,
        NO_STORE,
    )


@bp.get("/journal")
@login_required
def index():
    tag = request.args.get("tag") or None
    q = request.args.get("q") or ""
    entries = journal.list_entries(current_user, tag=tag, q=q)
    return (
        render_template(
            "journal/index.html",
            entries=entries,
            render=render,
            tag=tag,
            q=q,
            tags=journal.tag_choices(current_user),
        ),
        200,
        NO_STORE,
    )


@bp.get("/journal/new")
@login_required
def new():
    template_id = _int(request.args.get("template"))
    body = ""
    if template_id:
        body = journal.template_body(journal.get_template(current_user, template_id))
    response = _render_form(body=body)
    db.session.commit()  # built-in templates copied on first use
    return response


@bp.post("/journal/new")
@login_required
def create():
    draft = _draft_from(request.form)
    try:
        entry = journal.create_entry(current_user, draft)
    except Invalid as exc:
        db.session.rollback()
        return _render_form(
            body=draft.body, draft=draft, message=exc.detail, errors=exc.errors, status=422
        )
    db.session.commit()
    flash("Saved to your private journal.", "success")
    return redirect(url_for("journal.show", entry_id=entry.id))


@bp.get("/journal/<int:entry_id>")
@login_required
def show(entry_id: int):
    entry = journal.get_entry(current_user, entry_id)
    names = dict(journal.tag_choices(current_user))
    return (
        render_template(
            "journal/show.html", entry=entry, body_html=render(entry.body), names=names
        ),
        200,
        NO_STORE,
    )


@bp.get("/journal/<int:entry_id>/edit")
@login_required
def edit(entry_id: int):
    entry = journal.get_entry(current_user, entry_id)
    return _render_form(entry=entry, body=entry.body)


@bp.post("/journal/<int:entry_id>/edit")
@login_required
def update(entry_id: int):
    entry = journal.get_entry(current_user, entry_id)
    draft = _draft_from(request.form)
    try:
        journal.update_entry(current_user, entry_id, draft)
    except Invalid as exc:
        db.session.rollback()
        return _render_form(
            entry=entry,
            body=draft.body,
            draft=draft,
            message=exc.detail,
            errors=exc.errors,
            status=422,
        )
    db.session.commit()
    flash("Entry saved.", "success")
    return redirect(url_for("journal.show", entry_id=entry_id))


@bp.post("/journal/<int:entry_id>/delete")
@login_required
def delete(entry_id: int):
    journal.delete_entry(current_user, entry_id)
    db.session.commit()
    flash("Entry deleted.", "success")
    return redirect(url_for("journal.index"))


@bp.post("/journal/tags")
@login_required
def add_tag():
    try:
        tag = journal.add_personal_tag(current_user, request.form.get("name", ""))
    except Invalid as exc:
        db.session.rollback()
        flash(exc.detail, "error")
    else:
        db.session.commit()
        flash(f"Tag “{tag.name}” added to your journal.", "success")
    return redirect(request.form.get("next") or url_for("journal.templates"))


@bp.route("/journal/templates", methods=["GET", "POST"])
@login_required
def templates():
    if request.method == "POST":
        prompts = request.form.get("prompts", "").splitlines()
        template_id = _int(request.form.get("template_id"))
        try:
            if request.form.get("action") == "delete" and template_id:
                journal.delete_template(current_user, template_id)
            elif template_id:
                journal.update_template(
                    current_user, template_id, request.form.get("name", ""), prompts
                )
            else:
                journal.create_template(current_user, request.form.get("name", ""), prompts)
        except Invalid as exc:
            db.session.rollback()
            flash(exc.detail, "error")
        else:
            db.session.commit()
            flash("Templates saved.", "success")
        return redirect(url_for("journal.templates"))
    rows = journal.list_templates(current_user)
    db.session.commit()
    return render_template(
        "journal/templates.html", templates=rows, own_tags=journal.personal_tags(current_user)
    )


@bp.route("/journal/<int:entry_id>/share", methods=["GET", "POST"])
@login_required
def share(entry_id: int):
    """Review a copy of the entry through the gate, then post it as a note on an excerpt."""
    entry = journal.get_entry(current_user, entry_id)
    text = journal.share_text(current_user, entry_id)
    choices = journal.linkable_excerpts(current_user)
    findings = [f.as_dict() for f in deid.scan_fields({"body": text})]
    message = None
    status = 200
    if request.method == "POST":
        excerpt_id = _int(request.form.get("excerpt_id"))
        resolutions = [
            deid.Resolution(
                start=f["start"],
                end=f["end"],
                action="keep" if request.form.get(f"action-{i}") == "keep" else "redact",
                field="body",
            )
            for i, f in enumerate(findings)
        ]
        try:
            if excerpt_id is None:
                raise Invalid("Choose an excerpt.", {"excerpt_id": "Required."})
            excerpt, _role = excerpts.get_excerpt(current_user, excerpt_id)
            posted = journal.share_entry(
                current_user,
                entry_id,
                excerpt.room_id,
                excerpt_id,
                resolutions,
                request.form.get("attest") == "y",
            )
        except ServiceError as exc:
            db.session.rollback()
            message, status = exc.detail, exc.status if exc.status in (404, 410) else 422
        else:
            db.session.commit()
            flash("A de-identified copy is posted; your entry stays private.", "success")
            return redirect(
                url_for("excerpts.show", excerpt_id=posted.excerpt_id) + f"#message-{posted.id}"
            )
    return (
        render_template(
            "journal/share.html",
            entry=entry,
            text=text,
            findings=findings,
            excerpts=choices,
            message=message,
        ),
        status,
        NO_STORE,
    )


@bp.get("/insights")
@login_required
def insights_page():
    data = insights.insights(current_user)
    months = data["tags"]["months"]
    intensity = data["intensity"]
    talk = data["talk"]
    talk_rows = [("All my excerpts", talk["overall"]["therapist_word_share"])]
    for row in talk["by_tag"]:
        talk_rows.append((f"Around {row['tag']}", row["around"]["therapist_word_share"]))
        talk_rows.append((f"Elsewhere ({row['tag']})", row["elsewhere"]["therapist_word_share"]))
    overall_words: dict[str, int] = {}
    for m in data["words"]:
        for w in m["words"]:
            overall_words[w["word"]] = overall_words.get(w["word"], 0) + w["count"]
    top_words = sorted(overall_words.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    figures = {
        "tags": charts.stacked_columns(
            "My tags over time",
            "Columns per month of how often I used each tag in my journal and my moments.",
            months,
        )
        if months
        else None,
        "intensity": charts.lines(
            "Intensity trend",
            "Mean intensity per month (1 to 5) of my journal entries and of my moments.",
            [m["month"] for m in intensity],
            {
                "Journal": [m["journal"] for m in intensity],
                "Moments": [m["moments"] for m in intensity],
            },
        )
        if intensity
        else None,
        "talk": charts.share_bars(
            "My talk share",
            "The therapist's share of words in my excerpts, overall and around my tagged "
            "moments versus elsewhere. The dashed line marks an even split.",
            talk_rows,
        )
        if talk["excerpts"]
        else None,
        "words": charts.count_bars(
            "Recurring words in my journal",
            "The words I wrote most often, stop-words left out.",
            top_words,
        )
        if top_words
        else None,
    }
    return (
        render_template("journal/insights.html", data=data, figures=figures, top_words=top_words),
        200,
        NO_STORE,
    )


@bp.get("/account/export")
@login_required
def export():
    data = mydata.export(current_user)
    db.session.commit()
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        mimetype="application/json",
        headers={
            "Content-Disposition": "attachment; filename=parallel-my-data.json",
            **NO_STORE,
        },
    )


@bp.post("/account/delete")
@login_required
def delete_account():
    choice = request.form.get("shared")
    if choice not in {"keep", "remove"}:
        flash("Choose what happens to what you shared before deleting your account.", "error")
        return redirect(url_for("auth.account") + "#my-data")
    try:
        mydata.delete_account(
            current_user,
            request.form.get("password", ""),
            keep_shared=choice == "keep",
            ip=request.remote_addr,
        )
    except ServiceError as exc:
        db.session.rollback()
        flash(exc.detail, "error")
        return redirect(url_for("auth.account") + "#my-data")
    db.session.commit()
    logout_user()
    flash("Your account is deleted.", "success")
    return redirect(url_for("main.index"))
