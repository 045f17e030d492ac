"""Each room's taxonomy: the built-in tags plus the room's own; rename, merge, retire, codebook."""

from __future__ import annotations

import re

from sqlalchemy import func, select, update

from app import taxonomy
from app.extensions import db
from app.models import Excerpt, Moment, Tag, User
from app.orm import utcnow
from app.services import access, audit
from app.services.errors import Conflict, Invalid, NotFound

DEFAULT_COLOUR = "#e8e4dc"
MAX_ROOM_TAGS = taxonomy.MAX_TAGS


def seed_room(room_id: int) -> None:
    """Copy the built-in taxonomy into a room (once)."""
    existing = db.session.scalar(select(func.count()).where(Tag.room_id == room_id))
    if existing:
        return
    by_slug: dict[str, Tag] = {}
    for spec in taxonomy.BUILTIN_TAGS:
        tag = Tag(
            room_id=room_id,
            slug=spec.slug,
            name=spec.name,
            colour=spec.colour,
            definition=spec.definition,
            example=spec.example,
            builtin=True,
            parent=by_slug.get(spec.parent) if spec.parent else None,
        )
        db.session.add(tag)
        by_slug[spec.slug] = tag
    db.session.flush()


def room_tags(user: User, room_id: int, *, include_inactive: bool = False) -> list[Tag]:
    """Return the room's tags (parents before children), seeding the built-ins if needed."""
    access.room_for(user, room_id)
    seed_room(room_id)
    stmt = select(Tag).where(Tag.room_id == room_id).order_by(Tag.id)
    tags = list(db.session.scalars(stmt))
    if not include_inactive:
        tags = [t for t in tags if t.active]
    return tags


def tag_counts(room_id: int) -> dict[int, int]:
    """Return how many moments use each tag in the room's current excerpts."""
    rows = db.session.execute(
        select(Moment.tag_id, func.count())
        .join(Excerpt, Excerpt.id == Moment.excerpt_id)
        .where(Excerpt.room_id == room_id, Excerpt.withdrawn_at.is_(None))
        .group_by(Moment.tag_id)
    )
    return dict(rows.all())


def find_tag(room_id: int, slug_or_id: str | int) -> Tag:
    """Return a tag of the room by slug or id (NotFound otherwise)."""
    if isinstance(slug_or_id, int) or (isinstance(slug_or_id, str) and slug_or_id.isdigit()):
        tag = db.session.get(Tag, int(slug_or_id))
    else:
        tag = db.session.scalar(select(Tag).where(Tag.room_id == room_id, Tag.slug == slug_or_id))
    if tag is None or tag.room_id != room_id:
        raise NotFound("This room has no such tag.")
    return tag


def usable_tag(room_id: int, slug_or_id: str | int) -> Tag:
    """Return a tag that moments may use now (following merges; retired tags refused)."""
    seed_room(room_id)
    try:
        tag = find_tag(room_id, slug_or_id)
    except NotFound:
        raise Invalid("This room has no such tag.", {"tag": "Unknown tag."}) from None
    seen = set()
    while tag.merged_into_id is not None and tag.id not in seen:
        seen.add(tag.id)
        tag = db.session.get(Tag, tag.merged_into_id)
    if tag.retired_at is not None:
        raise Invalid(f"The tag “{tag.name}” is retired in this room.", {"tag": "Retired."})
    return tag


def _slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[: taxonomy.MAX_SLUG].strip("-") or "tag"


def _check_fields(name: str, colour: str, definition: str, example: str) -> None:
    errors = {}
    if not name.strip() or len(name) > taxonomy.MAX_NAME:
        errors["name"] = f"A tag name has 1 to {taxonomy.MAX_NAME} characters."
    if not taxonomy.COLOUR_PATTERN.fullmatch(colour):
        errors["colour"] = "A colour is written #rrggbb."
    if len(definition) > taxonomy.MAX_DEFINITION:
        errors["definition"] = f"Use at most {taxonomy.MAX_DEFINITION} characters."
    if len(example) > taxonomy.MAX_EXAMPLE:
        errors["example"] = f"Use at most {taxonomy.MAX_EXAMPLE} characters."
    if errors:
        raise Invalid(next(iter(errors.values())), errors)


def _manage(user: User, room_id: int) -> None:
    access.check_room_permission(
        user, room_id, "can_manage_tags", "Only owners and supervisors can change the taxonomy."
    )
    seed_room(room_id)


def add_tag(
    user: User,
    room_id: int,
    name: str,
    *,
    parent: str | None = None,
    colour: str = DEFAULT_COLOUR,
    definition: str = "",
    example: str = "",
    slug: str | None = None,
) -> Tag:
    """Add a tag to the room's taxonomy (owners and supervisors)."""
    _manage(user, room_id)
    name = " ".join(name.split())
    _check_fields(name, colour, definition, example)
    slug = slug or _slugify(name)
    if not taxonomy.SLUG_PATTERN.fullmatch(slug):
        raise Invalid("A slug uses lower-case letters, digits and dashes.", {"slug": "Invalid."})
    if db.session.scalar(select(Tag).where(Tag.room_id == room_id, Tag.slug == slug)):
        raise Conflict(f"This room already has a tag “{slug}”.")
    count = db.session.scalar(select(func.count()).where(Tag.room_id == room_id))
    if count >= MAX_ROOM_TAGS:
        raise Invalid(f"A room has at most {MAX_ROOM_TAGS} tags.")
    parent_tag = None
    if parent:
        try:
            parent_tag = find_tag(room_id, parent)
        except NotFound:
            raise Invalid("The parent tag is not in this room.", {"parent": "Unknown."}) from None
    tag = Tag(
        room_id=room_id,
        slug=slug,
        name=name,
        colour=colour.lower(),
        definition=definition.strip(),
        example=example.strip(),
        parent=parent_tag,
    )
    db.session.add(tag)
    db.session.flush()
    audit.record("tag.added", actor=user, room_id=room_id, target_type="tag", target_id=tag.id)
    return tag


def update_tag(
    user: User,
    room_id: int,
    slug: str,
    *,
    name: str | None = None,
    colour: str | None = None,
    definition: str | None = None,
    example: str | None = None,
    parent: str | None = None,
) -> Tag:
    """Rename a tag or change its colour, definition, example or parent."""
    _manage(user, room_id)
    tag = find_tag(room_id, slug)
    new_name = " ".join(name.split()) if name is not None else tag.name
    new_colour = colour if colour is not None else tag.colour
    new_definition = definition.strip() if definition is not None else tag.definition
    new_example = example.strip() if example is not None else tag.example
    _check_fields(new_name, new_colour, new_definition, new_example)
    if parent is not None:
        if parent == "":
            tag.parent = None
        else:
            parent_tag = find_tag(room_id, parent)
            ancestor = parent_tag
            while ancestor is not None:
                if ancestor.id == tag.id:
                    raise Invalid("A tag cannot be its own ancestor.", {"parent": "Cycle."})
                ancestor = ancestor.parent
            tag.parent = parent_tag
    tag.name, tag.colour = new_name, new_colour.lower()
    tag.definition, tag.example = new_definition, new_example
    audit.record("tag.updated", actor=user, room_id=room_id, target_type="tag", target_id=tag.id)
    db.session.flush()
    return tag


def merge_tags(user: User, room_id: int, slug: str, into: str) -> Tag:
    """Merge one tag into another: its moments move, it stops being offered."""
    _manage(user, room_id)
    source, target = find_tag(room_id, slug), find_tag(room_id, into)
    if source.id == target.id:
        raise Invalid("Choose two different tags to merge.", {"into": "Same tag."})
    if not target.active:
        raise Invalid("Merge into a tag that is still in use.", {"into": "Retired or merged."})
    moved = db.session.execute(
        update(Moment).where(Moment.tag_id == source.id).values(tag_id=target.id)
    ).rowcount
    for child in db.session.scalars(select(Tag).where(Tag.parent_id == source.id)):
        child.parent_id = target.id if child.id != target.id else None
    source.merged_into_id = target.id
    audit.record(
        "tag.merged",
        actor=user,
        room_id=room_id,
        target_type="tag",
        target_id=source.id,
        count=moved,
    )
    db.session.flush()
    return target


def retire_tag(user: User, room_id: int, slug: str) -> Tag:
    """Stop offering a tag; its moments keep it."""
    _manage(user, room_id)
    tag = find_tag(room_id, slug)
    if tag.retired_at is None:
        tag.retired_at = utcnow()
        audit.record(
            "tag.retired", actor=user, room_id=room_id, target_type="tag", target_id=tag.id
        )
    db.session.flush()
    return tag


def export_codebook(user: User, room_id: int) -> dict:
    """Return the room's active taxonomy as a codebook document."""
    tags = room_tags(user, room_id)
    by_id = {t.id: t for t in tags}
    specs = [
        taxonomy.TagSpec(
            slug=t.slug,
            name=t.name,
            parent=by_id[t.parent_id].slug if t.parent_id in by_id else None,
            colour=t.colour,
            definition=t.definition,
            example=t.example,
        )
        for t in tags
    ]
    return taxonomy.codebook_json(specs)


def import_codebook(user: User, room_id: int, data: object) -> tuple[int, int]:
    """Add the codebook's new tags and update existing ones by slug; returns (added, updated)."""
    _manage(user, room_id)
    try:
        specs = taxonomy.parse_codebook(data)
    except ValueError as exc:
        raise Invalid(str(exc), {"codebook": str(exc)}) from None
    added = updated = 0
    for spec in specs:
        existing = db.session.scalar(
            select(Tag).where(Tag.room_id == room_id, Tag.slug == spec.slug)
        )
        if existing is None:
            add_tag(
                user,
                room_id,
                spec.name,
                parent=spec.parent,
                colour=spec.colour,
                definition=spec.definition,
                example=spec.example,
                slug=spec.slug,
            )
            added += 1
        else:
            update_tag(
                user,
                room_id,
                spec.slug,
                name=spec.name,
                colour=spec.colour,
                definition=spec.definition,
                example=spec.example,
                parent=spec.parent or "",
            )
            existing.retired_at = None
            updated += 1
    return added, updated
