"""The built-in countertransference taxonomy, and the codebook format used to share taxonomies.

Tags form a two-level tree: three groups, each with child tags that supervision groups apply to
moments in an excerpt.

- **Pulls to act**: pressure the clinician feels to *do* something (rescue, fix, shield,
  side-step), the raw material of enactments.
- **Feelings in the clinician**: states that arise in the clinician during the session.
- **Relational patterns**: ways the clinician gets drawn into a role or identification, or
  protects their own position, in the relationship.

Colours are highlight tints: they are painted *behind* dark body text (``TEXT_COLOUR``,
#22262a), never used as text on white. Every tag's tint gives that text at least 4.5:1 contrast
(WCAG 2.x, AA for body text); the built-in tints actually reach 8:1 or more. Child tags' tints are
spread around the hue circle so neighbouring highlights stay distinguishable; the three group tints
are quiet near-neutrals.

Background for the definitions (paraphrased, not quoted): Freud (1910) named countertransference;
Heimann (1950) argued it is also a source of information about the patient; Winnicott (1949)
wrote about hate and irritation in the clinician; Racker (1957) distinguished concordant and
complementary identifications; Sandler (1976) described role-responsiveness, the pull to act out a
part the patient casts; Searles (1955) noticed that a case's dynamics reappear between clinician
and supervisor, later named "parallel process" (Ekstein & Wallerstein, 1958); Klein (1946) and
Ogden (1979) described projective identification; Wilson & Lindy (1994) described avoidant and
over-identified reactions in trauma work. The wording of every definition and example here is our
own, and every example is invented.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

CODEBOOK_FORMAT = "parallel-codebook"
CODEBOOK_VERSION = 1
TEXT_COLOUR = "#22262a"

MAX_TAGS = 200
MAX_SLUG = 60
MAX_NAME = 60
MAX_DEFINITION = 500
MAX_EXAMPLE = 500

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
COLOUR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")
# Any C0/C1 control character; definitions and examples may still contain newlines and tabs.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_EXCEPT_NEWLINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_FIELDS = ("slug", "name", "parent", "colour", "definition", "example")


@dataclass(frozen=True)
class TagSpec:
    """One tag in a taxonomy: a group (``parent`` is None) or a child of one."""

    slug: str
    name: str
    parent: str | None
    colour: str
    definition: str
    example: str


def _tag(
    slug: str, name: str, parent: str | None, colour: str, definition: str, example: str
) -> TagSpec:
    return TagSpec(slug, name, parent, colour, definition, example)


_ACT = "pulls-to-act"
_FEEL = "feelings-in-clinician"
_REL = "relational-patterns"

BUILTIN_TAGS: tuple[TagSpec, ...] = (
    # --- Groups -------------------------------------------------------------------------------
    _tag(
        _ACT,
        "Pulls to act",
        None,
        "#ece4da",
        "Moments when the clinician feels pressed to do something for or to the client, rather "
        "than stay curious about what is happening between them.",
        "I noticed I was already drafting a plan for her before she had finished the sentence.",
    ),
    _tag(
        _FEEL,
        "Feelings in the clinician",
        None,
        "#dde3ea",
        "Emotional or bodily states that arise in the clinician during the session and may carry "
        "information about the client, the relationship, or the clinician's own history.",
        "Partway through the session I realised my chest had gone tight and stayed that way.",
    ),
    _tag(
        _REL,
        "Relational patterns",
        None,
        "#e2e6dc",
        "Ways the clinician is drawn into a role, an identification, or a self-protective stance "
        "that repeats something from the client's relational world.",
        "Looking back, I was playing the same part with him that he says his brother always plays.",
    ),
    # --- Pulls to act ---------------------------------------------------------------------------
    _tag(
        "rescue-fantasy",
        "Rescue fantasy",
        _ACT,
        "#fca890",
        "A wish, often unspoken, to be the one who saves the client from their situation or "
        "their pain, with the clinician cast as the special helper others have failed to be.",
        "I found myself offering to call her landlord for her.",
    ),
    _tag(
        "over-functioning",
        "Responsibility inversion / over-functioning",
        _ACT,
        "#fcd896",
        "The clinician takes on work that belongs to the client (remembering, deciding, "
        "following up) while the client's own effort and agency shrink to match.",
        "By the end I was the one tracking his appointments and he had stopped writing them down.",
    ),
    _tag(
        "urge-to-fix",
        "Urge to advise or fix",
        _ACT,
        "#fcd2c0",
        "A pressing impulse to give advice, solutions or techniques, usually to end the "
        "clinician's discomfort with the client's distress rather than to meet a clear need.",
        "Before she had finished describing the argument I was suggesting scripts for next time.",
    ),
    _tag(
        "protectiveness",
        "Protectiveness",
        _ACT,
        "#eaeaba",
        "An impulse to shield the client from difficult material, from others, or from the "
        "clinician's own challenge, which can quietly imply the client is too fragile to cope.",
        "I steered us away from his father because I did not want him to get upset again.",
    ),
    _tag(
        "collusion-avoidance",
        "Collusion / avoidance",
        _ACT,
        "#bac0a2",
        "The clinician and client tacitly agree to leave something alone (a risk, a conflict, "
        "a painful topic), and the clinician goes along with the avoidance instead of naming it.",
        "She laughed off the drinking again and I laughed with her and moved on.",
    ),
    # --- Feelings in the clinician ----------------------------------------------------------------
    _tag(
        "anxiety-in-silence",
        "Anxiety in silence",
        _FEEL,
        "#a8bafc",
        "Unease when the client falls silent, often felt as a pressure to fill the pause with a "
        "question, a reflection or reassurance before the client has used it.",
        "The pause lasted maybe five seconds and I had already asked another question.",
    ),
    _tag(
        "irritation",
        "Irritation / frustration",
        _FEEL,
        "#fca2c0",
        "Annoyance, impatience or anger toward the client, which may reflect how others react to "
        "them or feelings the client cannot yet hold, as well as the clinician's own limits.",
        "When he cancelled again I noticed I was rehearsing a sharp reply in my head.",
    ),
    _tag(
        "boredom-withdrawal",
        "Boredom / withdrawal",
        _FEEL,
        "#aec0de",
        "Losing interest, drifting or emotionally pulling back during the session, which can "
        "signal the client keeping feeling at a distance or the clinician avoiding it.",
        "I caught myself thinking about my shopping list while she described the weekend.",
    ),
    _tag(
        "sleepiness",
        "Sleepiness",
        _FEEL,
        "#c0f0fc",
        "Heavy drowsiness that arrives in a particular session or on a particular topic, not "
        "explained by tiredness, and may point to something being deadened or warded off.",
        "Every time we came near the accident my eyelids started to droop.",
    ),
    _tag(
        "helplessness",
        "Helplessness",
        _FEEL,
        "#78d2fc",
        "A sense that nothing the clinician offers can make a difference, sometimes mirroring the "
        "client's own hopelessness about change.",
        "After she listed everything that had not worked, I could not think of one useful thing to "
        "say.",
    ),
    _tag(
        "self-doubt",
        "Self-doubt / feeling incompetent",
        _FEEL,
        "#e4b4c0",
        "Feeling unskilled, fraudulent or out of one's depth with this client, beyond ordinary "
        "uncertainty, and sometimes matching how the client is made to feel by others.",
        "Driving home I was convinced a more experienced therapist would have known what to do.",
    ),
    _tag(
        "attraction",
        "Attraction",
        _FEEL,
        "#f0baf6",
        "Romantic, sexual or idealising feelings toward the client; common and best brought to "
        "supervision, and never acted on.",
        "I realised I had thought about what to wear on the mornings I was seeing him.",
    ),
    _tag(
        "envy",
        "Envy",
        _FEEL,
        "#c0cc84",
        "Resentful wanting of something the client has (money, youth, freedom, relationships), "
        "which can leak out as coolness or subtle devaluing.",
        "As he talked about the sabbatical I felt a flash of resentment I did not expect.",
    ),
    _tag(
        "fear-unsafe",
        "Fear / feeling unsafe",
        _FEEL,
        "#f6def6",
        "Feeling threatened, intimidated or physically unsafe with the client; it deserves a "
        "safety check first and reflection second.",
        "I found I had moved my chair closer to the door without deciding to.",
    ),
    # --- Relational patterns ----------------------------------------------------------------------
    _tag(
        "defensiveness",
        "Defensiveness (protecting the expert image)",
        _REL,
        "#8acca2",
        "Justifying, explaining or subtly arguing when the client questions or criticises the "
        "work, in order to protect the clinician's sense of competence.",
        "When she said the exercises were pointless I spent ten minutes explaining the evidence.",
    ),
    _tag(
        "over-identification",
        "Over-identification",
        _REL,
        "#78ccc6",
        "Seeing the client as too like oneself, so that the clinician's own history or feelings "
        "blur the client's, and a needed separate view is lost.",
        "Her story about her mother was so close to mine that I stopped asking what it was like "
        "for her.",
    ),
    _tag(
        "complementary-identification",
        "Complementary identification",
        _REL,
        "#90f6d8",
        "The clinician begins to feel or act like a figure from the client's inner world, such as "
        "the critical parent or the neglectful partner, rather than like the client.",
        "I heard myself sounding exactly like the disapproving teacher he describes.",
    ),
    _tag(
        "projective-identification",
        "Projective identification",
        _REL,
        "#ccf0d8",
        "The clinician comes to carry a feeling the client cannot bear to have, experiencing it "
        "as their own while the client appears free of it.",
        "She described the assault flatly, and I was the one who left the room feeling shaky.",
    ),
    _tag(
        "parallel-process",
        "Parallel process",
        _REL,
        "#c0f6ba",
        "A dynamic between client and clinician reappears between clinician and supervisor or "
        "group, so the supervision relationship re-enacts the case.",
        "I presented him as helpless and then sat back waiting for the group to tell me what to "
        "do.",
    ),
)

_BY_SLUG: dict[str, TagSpec] = {tag.slug: tag for tag in BUILTIN_TAGS}


def by_slug(slug: str) -> TagSpec:
    """Return the built-in tag with this slug, or raise ``KeyError``."""
    try:
        return _BY_SLUG[slug]
    except KeyError:
        raise KeyError(f"no built-in tag with slug {slug!r}") from None


def codebook_json(tags: tuple[TagSpec, ...] | list[TagSpec] = BUILTIN_TAGS) -> dict[str, Any]:
    """Return a JSON-ready codebook document for these tags (the built-in ones by default)."""
    return {
        "format": CODEBOOK_FORMAT,
        "version": CODEBOOK_VERSION,
        "tags": [asdict(tag) for tag in tags],
    }


def parse_codebook(data: Any) -> list[TagSpec]:
    """Validate an imported codebook and return its tags with every parent before its children.

    A parent may appear anywhere in the file; tags that are already in order keep their order.
    Top-level keys other than ``format``, ``version`` and ``tags`` are ignored (room for metadata
    such as a title); unknown keys inside a tag are refused so that typos do not pass silently.
    Colours are normalised to lower case. Raises ``ValueError`` with a readable message.
    """
    if not isinstance(data, Mapping):
        raise ValueError("A codebook must be a JSON object.")
    if data.get("format") != CODEBOOK_FORMAT:
        raise ValueError(
            f"This file is not a Parallel codebook: 'format' must be {CODEBOOK_FORMAT!r}."
        )
    version = data.get("version")
    if isinstance(version, bool) or version != CODEBOOK_VERSION:
        raise ValueError(
            f"Unsupported codebook version {version!r}: this site reads version {CODEBOOK_VERSION}."
        )
    raw_tags = data.get("tags")
    if not isinstance(raw_tags, list):
        raise ValueError("The codebook's 'tags' must be a list.")
    if not raw_tags:
        raise ValueError("The codebook has no tags.")
    if len(raw_tags) > MAX_TAGS:
        raise ValueError(f"The codebook has {len(raw_tags)} tags; at most {MAX_TAGS} are allowed.")

    tags: list[TagSpec] = []
    seen: dict[str, int] = {}
    for position, raw in enumerate(raw_tags, start=1):
        tag = _parse_tag(raw, position)
        if tag.slug in seen:
            raise ValueError(
                f"Tag {position} ({tag.slug!r}): the slug is already used by tag {seen[tag.slug]}."
            )
        seen[tag.slug] = position
        tags.append(tag)

    for position, tag in enumerate(tags, start=1):
        if tag.parent is not None and tag.parent not in seen:
            raise ValueError(
                f"Tag {position} ({tag.slug!r}): its parent {tag.parent!r} is not in the codebook."
            )
    _refuse_cycles(tags)
    return _parents_first(tags)


def _label(position: int, raw: Mapping[str, Any]) -> str:
    slug = raw.get("slug")
    if isinstance(slug, str) and slug and len(slug) <= MAX_SLUG and not _CONTROL.search(slug):
        return f"Tag {position} ({slug!r})"
    return f"Tag {position}"


def _text(
    raw: Mapping[str, Any],
    key: str,
    label: str,
    limit: int,
    *,
    multiline: bool = False,
    optional: bool = False,
) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{label}: '{key}' is required and must be text.")
    value = value.strip()
    if not value and not optional:
        raise ValueError(f"{label}: '{key}' must not be empty.")
    if len(value) > limit:
        raise ValueError(f"{label}: '{key}' is {len(value)} characters long; the limit is {limit}.")
    control = _CONTROL_EXCEPT_NEWLINE if multiline else _CONTROL
    if control.search(value):
        raise ValueError(f"{label}: '{key}' contains control characters.")
    return value


def _parse_tag(raw: Any, position: int) -> TagSpec:
    if not isinstance(raw, Mapping):
        raise ValueError(f"Tag {position}: each tag must be a JSON object.")
    label = _label(position, raw)
    unknown = sorted(str(key) for key in raw if key not in _FIELDS)
    if unknown:
        raise ValueError(f"{label}: unknown field(s) {', '.join(map(repr, unknown))}.")

    slug = raw.get("slug")
    if not isinstance(slug, str) or not slug:
        raise ValueError(f"{label}: 'slug' is required and must be text.")
    if len(slug) > MAX_SLUG:
        raise ValueError(f"{label}: the slug is longer than {MAX_SLUG} characters.")
    if not SLUG_PATTERN.fullmatch(slug):
        raise ValueError(
            f"{label}: the slug must be lower-case letters and digits in words joined by single "
            "hyphens, e.g. 'urge-to-fix'."
        )

    name = _text(raw, "name", label, MAX_NAME)
    # A room's own tags may not have a definition or example yet; the built-ins all do.
    definition = _text(raw, "definition", label, MAX_DEFINITION, multiline=True, optional=True)
    example = _text(raw, "example", label, MAX_EXAMPLE, multiline=True, optional=True)

    colour = raw.get("colour")
    if not isinstance(colour, str) or not COLOUR_PATTERN.fullmatch(colour):
        raise ValueError(f"{label}: 'colour' must be a hex colour like '#a8bafc'.")

    parent = raw.get("parent")
    if parent is not None and (not isinstance(parent, str) or not SLUG_PATTERN.fullmatch(parent)):
        raise ValueError(f"{label}: 'parent' must be another tag's slug or null.")
    if parent == slug:
        raise ValueError(f"{label}: a tag cannot be its own parent.")

    return TagSpec(slug, name, parent, colour.lower(), definition, example)


def _refuse_cycles(tags: list[TagSpec]) -> None:
    parents = {tag.slug: tag.parent for tag in tags}
    settled: set[str] = set()
    for tag in tags:
        path: list[str] = []
        current: str | None = tag.slug
        while current is not None and current not in settled:
            if current in path:
                loop = [*path[path.index(current) :], current]
                raise ValueError(
                    f"Tag {current!r}: its parents form a cycle ({' -> '.join(loop)})."
                )
            path.append(current)
            current = parents[current]
        settled.update(path)


def _parents_first(tags: list[TagSpec]) -> list[TagSpec]:
    """Order tags so each comes after its parent, otherwise keeping the file's order."""
    by_slug = {tag.slug: tag for tag in tags}
    placed: set[str] = set()
    ordered: list[TagSpec] = []

    def place(tag: TagSpec) -> None:
        chain: list[TagSpec] = []
        current: TagSpec | None = tag
        while current is not None and current.slug not in placed:
            chain.append(current)
            current = by_slug[current.parent] if current.parent is not None else None
        for item in reversed(chain):
            placed.add(item.slug)
            ordered.append(item)

    for tag in tags:
        place(tag)
    return ordered
