"""Thread pages: posting without JavaScript, following, "what's new", the Socket.IO client."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_login import current_user, login_required

from app.config import PROJECT_ROOT
from app.extensions import db, limiter
from app.services import deid, threads
from app.services.errors import Invalid
from app.web.auth.forms import ConfirmForm
from app.web.converters import use_id_converter

bp = Blueprint("threads", __name__)
use_id_converter(bp)

SOCKET_CLIENT = PROJECT_ROOT / "node_modules" / "socket.io-client" / "dist"


@bp.get("/vendor/socket.io.min.js")
@limiter.exempt
def socket_client():
    """Serve the Socket.IO browser client installed from npm (pages degrade without it)."""
    if not (SOCKET_CLIENT / "socket.io.min.js").is_file():
        abort(404)
    response = send_from_directory(SOCKET_CLIENT, "socket.io.min.js", max_age=86400)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def _keep_all(findings: list[dict]) -> list[deid.Resolution]:
    return [deid.Resolution(f["start"], f["end"], "keep", "body") for f in findings]


@bp.post("/excerpts/<int:excerpt_id>/messages")
@login_required
def post_message(excerpt_id: int):
    """Post a message from the plain form (the page's script uses the socket instead)."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash("Please try again.", "error")
        return redirect(url_for("excerpts.show", excerpt_id=excerpt_id) + "#thread")
    body = request.form.get("body", "")
    resolutions = None
    attest = request.form.get("attest") == "y"
    if attest:
        resolutions = _keep_all([f.as_dict() for f in deid.scan_fields({"body": body.strip()})])
    moment_id = request.form.get("moment_id", type=int)
    try:
        threads.post_message(
            current_user,
            excerpt_id,
            body,
            moment_id=moment_id,
            client_id=request.form.get("client_id") or None,
            resolutions=resolutions,
            attest=attest,
        )
    except deid.GateBlocked as exc:
        db.session.rollback()
        # Show the page again with the draft kept in the form (never in a URL or a log).
        from app.services import excerpts
        from app.web.moments import page as moment_page

        excerpt, role = excerpts.get_excerpt(current_user, excerpt_id)
        return moment_page.render(
            current_user,
            excerpt,
            role,
            status=422,
            thread_draft=body,
            thread_findings=exc.extensions.get("findings", []),
        )
    except Invalid as exc:
        db.session.rollback()
        flash(exc.detail, "error")
        return redirect(url_for("excerpts.show", excerpt_id=excerpt_id) + "#thread")
    db.session.commit()
    return redirect(url_for("excerpts.show", excerpt_id=excerpt_id) + "#thread-end")


@bp.post("/excerpts/<int:excerpt_id>/follow")
@login_required
def follow(excerpt_id: int):
    """Follow or unfollow a thread from the page."""
    if ConfirmForm().validate_on_submit():
        following = request.form.get("following") == "1"
        threads.set_following(current_user, excerpt_id, following)
        db.session.commit()
        flash(
            "You follow this discussion." if following else "You no longer follow this discussion.",
            "success",
        )
    return redirect(url_for("excerpts.show", excerpt_id=excerpt_id) + "#thread")


@bp.get("/new")
@login_required
def whats_new():
    """Followed threads with messages I have not read, across my rooms."""
    return render_template("threads/new.html", items=threads.whats_new(current_user))


def thread_context(user, excerpt, draft: str = "", findings: list | None = None) -> dict:
    """What the excerpt page needs to show its thread."""
    messages, last_seq = threads.messages_after(user, excerpt.id, 0)
    state = threads.thread_state(user, excerpt.id)
    return {
        "messages": messages,
        "last_seq": last_seq,
        "following": state.following if state else False,
        "last_read": state.last_read_seq if state else 0,
        "live": (SOCKET_CLIENT / "socket.io.min.js").is_file(),
        "draft": draft,
        "findings": findings or [],
        "rate_hint": current_app.config["MESSAGE_LIMIT_PER_USER"],
    }
