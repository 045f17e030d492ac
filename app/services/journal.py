"""The private countertransference journal: encrypted entries, tags, templates, search, sharing.

Everything here is readable by its author alone: every read goes through
``access.journal_entry_for``, which answers NotFound to anyone else. Bodies are sealed with
``services.crypto`` before they reach the session; nothing of an entry but ids is ever logged
or audited. Rendered HTML is not stored either: pages render on read through ``app.markdown``.

Search decrypts the author's entries in memory and matches there (bounded by
``SEARCH_MAX_ENTRIES``). A stored search index would be plaintext (or a deterministic token
list, which leaks word frequencies); one clinician's journal is small enough to scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.extensions import db
from app.models import (
    Case,
    Excerpt,
    JournalEntry,
    JournalTag,
    JournalTemplate,
    Membership,
    PersonalTag,
    Room,
    User,
)
from app.orm import utcnow
from app.services import access, audit, crypto, deid, excerpts, threads
from app.services.errors import Invalid, NotFound
from app.taxonomy import BUILTIN_TAGS

BODY_MAX = 20_000
TAGS_MAX = 12
SEARCH_MAX_ENTRIES = 5_000
SLUG = re.compile(r"[^a-z0-9]+")

# Guided templates: data, copied to each owner on first use and editable from then on.
BUILTIN_TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Before a session", ("What do I anticipate?", "What pull do I expect?")),
    (
        "After a session",
        ("What did I feel?", "What did I almost say?", "What would I say instead?"),
    ),
    ("Before supervision", ("What do I want to bring?",)),
)


@dataclass
class EntryDraft:
    body: str
    tags: list[str]
    intensity: int | None = None
    excerpt_id: int | None = None
    case_id: int | None = None


@dataclass
class Entry:
    """A decrypted entry, for the author's eyes."""

    row: JournalEntry
    body: str

    @property
    def id(self) -> int:
        return self.row.id


def _context(user_id: int) -> str:
    return f"journal:{user_id}"


def _seal(entry: JournalEntry, body: str) -> None:
    entry.ciphertext, entry.key_id = crypto.keyring().seal(body, _context(entry.author_id))


def decrypt(entry: JournalEntry) -> str:
    """Return the plaintext body of an entry (callers have checked access)."""
    return crypto.keyring().open(entry.ciphertext, entry.key_id, _context(entry.author_id))


def slugify(name: str) -> str:
    return SLUG.sub("-", name.casefold()).strip("-")[:60]


def tag_choices(user: User) -> list[tuple[str, str]]:
    """Return (slug, name) of every tag the user may use: built-in children, then their own."""
    builtin = [(t.slug, t.name) for t in BUILTIN_TAGS if t.parent is not None]
    own = [(t.slug, t.name) for t in personal_tags(user)]
    return builtin + own


def personal_tags(user: User) -> list[PersonalTag]:
    return list(
        db.session.scalars(
            select(PersonalTag).where(PersonalTag.owner_id == user.id).order_by(PersonalTag.name)
        )
    )


def add_personal_tag(user: User, name: str) -> PersonalTag:
    """Add a tag to the user's own journal taxonomy (idempotent by slug)."""
    name = " ".join((name or "").split())[:60]
    slug = slugify(name)
    if not slug:
        raise Invalid("Name the tag.", {"name": "Empty."})
    if slug in {t.slug for t in BUILTIN_TAGS}:
        raise Invalid("That is a built-in tag already.", {"name": "Built in."})
    existing = db.session.scalar(
        select(PersonalTag).where(PersonalTag.owner_id == user.id, PersonalTag.slug == slug)
    )
    if existing is not None:
        return existing
    tag = PersonalTag(owner_id=user.id, slug=slug, name=name)
    db.session.add(tag)
    db.session.flush()
    return tag


def _check(user: User, draft: EntryDraft) -> None:
    if not isinstance(draft.body, str) or not draft.body.strip():
        raise Invalid("Write something first.", {"body": "Empty."})
    if len(draft.body) > BODY_MAX:
        raise Invalid(f"An entry has at most {BODY_MAX:,} characters.", {"body": "Too long."})
    if draft.intensity is not None and not 1 <= draft.intensity <= 5:
        raise Invalid("Intensity is 1 to 5.", {"intensity": "Out of range."})
    allowed = {slug for slug, _ in tag_choices(user)}
    unknown = [t for t in draft.tags if t not in allowed]
    if unknown:
        raise Invalid("Unknown tag(s).", {"tags": ", ".join(unknown[:5])})
    if len(set(draft.tags)) > TAGS_MAX:
        raise Invalid(f"At most {TAGS_MAX} tags.", {"tags": "Too many."})
    if draft.excerpt_id is not None:
        try:
            excerpts.get_excerpt(user, draft.excerpt_id, include_withdrawn=True)
        except NotFound:
            raise Invalid("No such excerpt in your rooms.", {"excerpt_id": "Unknown."}) from None
    if draft.case_id is not None:
        case = db.session.get(Case, draft.case_id)
        if case is None or access.role_in(user, case.room_id) is None:
            raise Invalid("No such case in your rooms.", {"case_id": "Unknown."})


def _apply(entry: JournalEntry, draft: EntryDraft) -> None:
    _seal(entry, draft.body)
    entry.intensity = draft.intensity
    entry.excerpt_id = draft.excerpt_id
    entry.case_id = draft.case_id
    wanted = sorted(set(draft.tags))
    entry.tags = [t for t in entry.tags if t.slug in wanted]
    have = {t.slug for t in entry.tags}
    entry.tags.extend(JournalTag(slug=s) for s in wanted if s not in have)


def create_entry(user: User, draft: EntryDraft) -> Entry:
    """Write a new entry (encrypted before it reaches the session)."""
    _check(user, draft)
    entry = JournalEntry(author_id=user.id)
    _apply(entry, draft)
    db.session.add(entry)
    db.session.flush()
    return Entry(entry, draft.body)


def get_entry(user: User, entry_id: int) -> Entry:
    """Return one of the user's entries, decrypted; anyone else's is NotFound."""
    entry = access.journal_entry_for(user, entry_id)
    return Entry(entry, decrypt(entry))


def update_entry(user: User, entry_id: int, draft: EntryDraft) -> Entry:
    """Replace an entry's body, tags, intensity and links."""
    entry = access.journal_entry_for(user, entry_id)
    _check(user, draft)
    _apply(entry, draft)
    entry.edited_at = utcnow()
    db.session.flush()
    return Entry(entry, draft.body)


def delete_entry(user: User, entry_id: int) -> None:
    """Delete one of the user's entries."""
    entry = access.journal_entry_for(user, entry_id)
    db.session.delete(entry)
    db.session.flush()


def _rows(user: User, tag: str | None = None, since: datetime | None = None):
    query = select(JournalEntry).where(JournalEntry.author_id == user.id)
    if tag:
        query = query.where(
            JournalEntry.id.in_(select(JournalTag.entry_id).where(JournalTag.slug == tag))
        )
    if since is not None:
        query = query.where(JournalEntry.created_at >= since)
    return query.order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc())


def list_entries(
    user: User, *, tag: str | None = None, q: str | None = None, since: datetime | None = None
) -> list[Entry]:
    """Return the user's entries, newest first; ``q`` matches every word, case-insensitively."""
    rows = db.session.scalars(_rows(user, tag, since).limit(SEARCH_MAX_ENTRIES))
    found = [Entry(row, decrypt(row)) for row in rows]
    terms = [t.casefold() for t in (q or "").split()]
    if terms:
        found = [e for e in found if all(t in e.body.casefold() for t in terms)]
    return found


def share_entry(
    user: User,
    entry_id: int,
    room_id: int,
    excerpt_id: int | None,
    resolutions: list[deid.Resolution],
    attest: bool,
):
    """Post a de-identified copy of an entry as a note in an excerpt's discussion.

    The copy goes through the whole gate (every finding resolved, attestation required even
    when the scanner finds nothing); the entry itself stays private and unchanged.
    """
    entry = access.journal_entry_for(user, entry_id)
    target = excerpt_id or entry.excerpt_id
    if target is None:
        raise Invalid("Choose an excerpt to share to.", {"excerpt_id": "Required."})
    excerpt, _role = excerpts.get_excerpt(user, target)
    if excerpt.room_id != room_id:
        raise NotFound()
    text = decrypt(entry).strip()[: threads.BODY_MAX]
    try:
        deid.check_gate({"body": text}, resolutions, attest, threads.mention_spans(excerpt.room_id))
    except deid.GateBlocked as blocked:
        blocked.extensions["text"] = text
        raise
    posted = threads.post_message(user, excerpt.id, text, resolutions=resolutions, attest=True)
    audit.record(
        "journal.shared",
        actor=user,
        room_id=excerpt.room_id,
        target_type="message",
        target_id=posted.message.id,
    )
    return posted.message


def share_text(user: User, entry_id: int) -> str:
    """The exact text a share would send (offsets of findings refer to it)."""
    return decrypt(access.journal_entry_for(user, entry_id)).strip()[: threads.BODY_MAX]


# Templates -------------------------------------------------------------------------------


def list_templates(user: User) -> list[JournalTemplate]:
    """Return the user's templates, copying the built-ins on first use."""
    rows = list(
        db.session.scalars(
            select(JournalTemplate)
            .where(JournalTemplate.owner_id == user.id)
            .order_by(JournalTemplate.position, JournalTemplate.id)
        )
    )
    if rows:
        return rows
    for position, (name, prompts) in enumerate(BUILTIN_TEMPLATES):
        db.session.add(
            JournalTemplate(owner_id=user.id, name=name, prompts=list(prompts), position=position)
        )
    db.session.flush()
    return list_templates(user)


def _clean_template(name: str, prompts: list[str]) -> tuple[str, list[str]]:
    name = " ".join((name or "").split())[:80]
    prompts = [" ".join(p.split())[:300] for p in prompts if p and p.strip()][:20]
    if not name:
        raise Invalid("Name the template.", {"name": "Empty."})
    if not prompts:
        raise Invalid("Give the template at least one prompt.", {"prompts": "Empty."})
    return name, prompts


def get_template(user: User, template_id: int) -> JournalTemplate:
    template = db.session.get(JournalTemplate, template_id)
    if template is None or template.owner_id != user.id:
        raise NotFound()
    return template


def create_template(user: User, name: str, prompts: list[str]) -> JournalTemplate:
    """Add a template of the user's own."""
    name, prompts = _clean_template(name, prompts)
    position = len(list_templates(user))
    template = JournalTemplate(owner_id=user.id, name=name, prompts=prompts, position=position)
    db.session.add(template)
    db.session.flush()
    return template


def update_template(user: User, template_id: int, name: str, prompts: list[str]) -> JournalTemplate:
    """Rename a template or change its prompts."""
    template = get_template(user, template_id)
    template.name, template.prompts = _clean_template(name, prompts)
    db.session.flush()
    return template


def delete_template(user: User, template_id: int) -> None:
    """Delete a template (deleting them all brings the built-ins back)."""
    db.session.delete(get_template(user, template_id))
    db.session.flush()


def template_body(template: JournalTemplate) -> str:
    """The starting markdown for an entry written from a template."""
    return "\n\n".join(f"### {prompt}\n\n" for prompt in template.prompts).rstrip() + "\n\n"


def linkable_excerpts(user: User) -> list[Excerpt]:
    """Excerpts the user wrote, for the entry form's link and the share form."""
    return list(
        db.session.scalars(
            select(Excerpt)
            .where(Excerpt.author_id == user.id, Excerpt.withdrawn_at.is_(None))
            .order_by(Excerpt.created_at.desc())
            .limit(200)
        )
    )


def linkable_cases(user: User) -> list[tuple[Case, str]]:
    """(case, room name) of the rooms the user belongs to, for the entry form's link."""
    return list(
        db.session.execute(
            select(Case, Room.name)
            .join(Membership, Membership.room_id == Case.room_id)
            .join(Room, Room.id == Case.room_id)
            .where(Membership.user_id == user.id)
            .order_by(Case.pseudonym)
            .limit(200)
        )
    )


# Rotation --------------------------------------------------------------------------------


def rotate_keys(batch: int = 200) -> int:
    """Re-encrypt every entry not sealed with the current key; return how many changed."""
    ring = crypto.keyring()
    changed = 0
    while True:
        rows = list(
            db.session.scalars(
                select(JournalEntry).where(JournalEntry.key_id != ring.current_id).limit(batch)
            )
        )
        if not rows:
            return changed
        for row in rows:
            body = ring.open(row.ciphertext, row.key_id, _context(row.author_id))
            row.ciphertext, row.key_id = ring.seal(body, _context(row.author_id))
            changed += 1
        db.session.commit()
