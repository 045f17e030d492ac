"""What the excerpt page shows besides the transcript: moments, annotations, review, forms."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from wtforms.fields.choices import SelectChoice

from app.models import Excerpt, Role, Tag, User
from app.services import annotations, moments, spans, tags
from app.web.moments import highlight
from app.web.moments.forms import AnnotationForm, MomentForm, SettleReviewForm, SpanForm

REVIEW_LABELS = {
    "requested": "Waiting for review",
    "reviewed": "Reviewed",
    "revision_requested": "Revision asked for",
}
LINE_LABEL_MAX = 48
OWN_TAGS = "This room's own tags"


def tag_choices(room_tags: list[Tag], *, by_slug: bool = False) -> list[SelectChoice]:
    """Offer active tags in a ``<select>``: one optgroup per top-level group, nested below."""

    def key(t: Tag) -> str:
        return t.slug if by_slug else str(t.id)

    by_id = {t.id: t for t in room_tags}
    children: dict[int, list[Tag]] = defaultdict(list)
    roots = []
    for t in room_tags:
        if t.parent_id in by_id:
            children[t.parent_id].append(t)
        else:
            roots.append(t)
    out: list[SelectChoice] = []
    loose = []
    for root in roots:
        if not children[root.id]:
            loose.append(SelectChoice(key(root), root.name, optgroup=OWN_TAGS))
            continue
        out.append(SelectChoice(key(root), f"{root.name} (in general)", optgroup=root.name))

        def walk(parent: Tag, depth: int, group: str = root.name) -> None:
            for child in children[parent.id]:
                label = "– " * (depth - 1) + child.name
                out.append(SelectChoice(key(child), label, optgroup=group))
                walk(child, depth + 1)

        walk(root, 1)
    return out + loose


def grouped(choices: list[SelectChoice]) -> dict[str, list[SelectChoice]]:
    """Group choices by optgroup, keeping their order (for hand-written selects)."""
    groups: dict[str, list[SelectChoice]] = {}
    for choice in choices:
        groups.setdefault(choice.optgroup or "", []).append(choice)
    return groups


def line_choices(excerpt: Excerpt) -> list[SelectChoice]:
    """Label each line for the "from line / to line" selects."""
    out = []
    for line in excerpt.lines:
        text = line.text if len(line.text) <= LINE_LABEL_MAX else line.text[:LINE_LABEL_MAX] + "…"
        out.append(SelectChoice(line.n, f"{line.n}. {line.speaker}: {text}"))
    return out


def prepare(form: SpanForm, excerpt: Excerpt, room_tags: list[Tag] | None = None) -> SpanForm:
    """Fill a span form's choices (lines, and tags for the moment form)."""
    choices = line_choices(excerpt)
    form.line.choices = choices
    form.end_line.choices = choices
    if isinstance(form, MomentForm) and room_tags is not None:
        # No tag is preselected: a moment should never be tagged by accident.
        form.tag.choices = [SelectChoice("", "Choose a tag…"), *tag_choices(room_tags)]
    return form


def quote_of(excerpt: Excerpt, item: Any) -> str:
    return spans.quote(excerpt, spans.Span(item.line, item.start, item.end_line, item.end))


def excerpt_context(
    user: User,
    excerpt: Excerpt,
    role: Role,
    *,
    moment_form: MomentForm | None = None,
    annotation_form: AnnotationForm | None = None,
    review_form: SettleReviewForm | None = None,
    gate: dict | None = None,
) -> dict[str, Any]:
    """Return the template values for the moments, annotations and review of an excerpt."""
    found = moments.excerpt_moments(user, excerpt.id)
    notes = annotations.excerpt_annotations(user, excerpt.id)
    room_tags = tags.room_tags(user, excerpt.room_id)
    numbers = {m.id: i for i, m in enumerate(found, start=1)}
    note_numbers = {a.id: i for i, a in enumerate(notes, start=1)}
    line_segments = {
        line.n: highlight.segments(line.text, line.n, found, notes) for line in excerpt.lines
    }
    starts: dict[int, list] = defaultdict(list)
    for m in found:
        starts[m.line].append(("moment", m))
    for a in notes:
        starts[a.line].append(("annotation", a))
    moment_form = moment_form or MomentForm(prefix="m", formdata=None)
    annotation_form = annotation_form or AnnotationForm(prefix="a", formdata=None)
    return {
        "moments": found,
        "annotations": notes,
        "moment_numbers": numbers,
        "note_numbers": note_numbers,
        "quotes": {("m", m.id): quote_of(excerpt, m) for m in found}
        | {("a", a.id): quote_of(excerpt, a) for a in notes},
        "line_segments": line_segments,
        "line_refs": starts,
        "raters": len({m.author_id for m in found}),
        "moment_form": prepare(moment_form, excerpt, room_tags),
        "annotation_form": prepare(annotation_form, excerpt) if role.can_annotate else None,
        "review_form": review_form or SettleReviewForm(prefix="r", formdata=None),
        "review_labels": REVIEW_LABELS,
        "gate": gate,
    }


def render(
    user: User,
    excerpt: Excerpt,
    role: Role,
    status: int = 200,
    message: str | None = None,
    thread_draft: str = "",
    thread_findings: list | None = None,
    **forms: Any,
):
    """Render the excerpt page (also after a refused form, with the author's input kept)."""
    from flask import render_template

    from app.services import excerpts
    from app.web.auth.forms import ConfirmForm
    from app.web.threads.routes import thread_context

    context = excerpt_context(user, excerpt, role, **forms)
    return render_template(
        "excerpts/show.html",
        excerpt=excerpt,
        room=excerpt.room,
        role=role,
        newer=excerpts.newer_version(excerpt),
        confirm=ConfirmForm(),
        message=message,
        thread=thread_context(user, excerpt, thread_draft, thread_findings),
        **context,
    ), status
