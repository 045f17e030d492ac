"""The built-in countertransference taxonomy and the codebook import/export format."""

from __future__ import annotations

import copy
import itertools
import json
import math

import pytest

from app import taxonomy
from app.taxonomy import BUILTIN_TAGS, TagSpec, by_slug, codebook_json, parse_codebook

REQUIRED_CHILD_SLUGS = [
    "rescue-fantasy",
    "over-functioning",
    "urge-to-fix",
    "anxiety-in-silence",
    "defensiveness",
    "irritation",
    "boredom-withdrawal",
    "self-doubt",
    "over-identification",
    "protectiveness",
    "helplessness",
    "collusion-avoidance",
    "attraction",
    "parallel-process",
]

CHILDREN = [tag for tag in BUILTIN_TAGS if tag.parent is not None]


# --- Colour helpers (WCAG 2.x relative luminance, CIE 1976 L*a*b* under D65) --------------------


def _channels(colour):
    return [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]


def _linear(channel):
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _luminance(colour):
    r, g, b = (_linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(first, second):
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _lab(colour):
    r, g, b = (_linear(c) for c in _channels(colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48)],
)
def test_contrast_helper_matches_known_ratios(first, second, expected):
    assert _contrast(first, second) == pytest.approx(expected, abs=0.01)


# --- The built-in taxonomy --------------------------------------------------------------------


@pytest.mark.parametrize("slug", REQUIRED_CHILD_SLUGS)
def test_required_tags_are_present_as_children(slug):
    tag = by_slug(slug)

    assert tag.slug == slug
    assert tag.parent is not None
    assert by_slug(tag.parent).parent is None


def test_taxonomy_is_a_two_level_tree_of_a_sensible_size():
    groups = [tag for tag in BUILTIN_TAGS if tag.parent is None]

    assert 2 <= len(groups) <= 5
    assert 16 <= len(CHILDREN) <= 22
    assert all(by_slug(tag.parent).parent is None for tag in CHILDREN)
    assert {tag.parent for tag in CHILDREN} == {group.slug for group in groups}


def test_slugs_are_unique_and_parents_precede_children():
    seen = set()
    for tag in BUILTIN_TAGS:
        assert tag.slug not in seen
        assert tag.parent is None or tag.parent in seen
        seen.add(tag.slug)


def test_names_are_unique():
    names = [tag.name.casefold() for tag in BUILTIN_TAGS]

    assert len(names) == len(set(names))


@pytest.mark.parametrize("tag", BUILTIN_TAGS, ids=lambda tag: tag.slug)
def test_each_tag_is_well_formed(tag):
    assert taxonomy.SLUG_PATTERN.fullmatch(tag.slug)
    assert len(tag.slug) <= taxonomy.MAX_SLUG
    assert 0 < len(tag.name) <= taxonomy.MAX_NAME
    assert 0 < len(tag.definition) <= taxonomy.MAX_DEFINITION
    assert 0 < len(tag.example) <= taxonomy.MAX_EXAMPLE
    assert tag.definition == tag.definition.strip()
    assert tag.example == tag.example.strip()
    assert taxonomy.COLOUR_PATTERN.fullmatch(tag.colour)
    assert tag.colour == tag.colour.lower()


@pytest.mark.parametrize("tag", CHILDREN, ids=lambda tag: tag.slug)
def test_child_examples_are_first_person(tag):
    assert any(word in tag.example.split() for word in ("I", "I'd", "I'm", "my", "me"))


@pytest.mark.parametrize("tag", BUILTIN_TAGS, ids=lambda tag: tag.slug)
def test_highlight_tints_keep_body_text_readable(tag):
    # Colours are tints painted behind TEXT_COLOUR (see the module docstring): WCAG AA for text.
    assert _contrast(tag.colour, taxonomy.TEXT_COLOUR) >= 4.5


def test_child_tints_are_distinguishable_from_each_other():
    # CIE76 colour difference; about 2.3 is a just-noticeable difference, and highlights side by
    # side on a page need far more than that to be told apart at a glance.
    closest = min(
        (math.dist(_lab(a.colour), _lab(b.colour)), a.slug, b.slug)
        for a, b in itertools.combinations(CHILDREN, 2)
    )

    assert closest[0] >= 15, closest


def test_by_slug_raises_key_error_for_unknown_slug():
    with pytest.raises(KeyError, match="no-such-tag"):
        by_slug("no-such-tag")


# --- Codebook round trip ----------------------------------------------------------------------


def test_codebook_round_trips_through_json():
    document = json.loads(json.dumps(codebook_json()))

    assert document["format"] == "parallel-codebook"
    assert document["version"] == 1
    assert set(document["tags"][0]) == {"slug", "name", "parent", "colour", "definition", "example"}
    assert parse_codebook(document) == list(BUILTIN_TAGS)


def test_codebook_puts_parents_first_and_keeps_order_otherwise():
    document = codebook_json()
    document["tags"] = list(reversed(document["tags"]))

    parsed = parse_codebook(document)

    assert sorted(parsed, key=lambda tag: tag.slug) == sorted(BUILTIN_TAGS, key=lambda t: t.slug)
    positions = {tag.slug: index for index, tag in enumerate(parsed)}
    assert all(positions[tag.parent] < positions[tag.slug] for tag in parsed if tag.parent)
    # The first group in the reversed file is the last built-in group.
    assert parsed[0] == by_slug("relational-patterns")


def test_codebook_normalises_colour_case_and_trims_text():
    document = _codebook(
        _group("calm", colour="#ABCDEF", name="  Calm  ", example=" I felt calm. \n")
    )

    (tag,) = parse_codebook(document)

    assert tag == TagSpec("calm", "Calm", None, "#abcdef", "A definition.", "I felt calm.")


def test_codebook_ignores_extra_top_level_metadata():
    document = _codebook(_group("calm"))
    document["title"] = "Our group's codebook"

    assert [tag.slug for tag in parse_codebook(document)] == ["calm"]


def _group(slug, **changes):
    tag = {
        "slug": slug,
        "name": slug.title(),
        "parent": None,
        "colour": "#dde3ea",
        "definition": "A definition.",
        "example": "I noticed something.",
    }
    tag.update(changes)
    return tag


def _child(slug, parent, **changes):
    return _group(slug, parent=parent, **changes)


def _codebook(*tags):
    return {"format": "parallel-codebook", "version": 1, "tags": list(tags)}


def _without(tag, key):
    tag = dict(tag)
    del tag[key]
    return tag


def _builtin_with(index, **changes):
    document = copy.deepcopy(codebook_json())
    document["tags"][index].update(changes)
    return document


BAD_CODEBOOKS = [
    ("not-an-object", ["tags"], "JSON object"),
    ("wrong-format", {"format": "other", "version": 1, "tags": []}, "not a Parallel codebook"),
    ("missing-format", {"version": 1, "tags": []}, "not a Parallel codebook"),
    ("future-version", {"format": "parallel-codebook", "version": 2, "tags": []}, "version 2"),
    ("boolean-version", {"format": "parallel-codebook", "version": True, "tags": []}, "version"),
    ("string-version", {"format": "parallel-codebook", "version": "1", "tags": []}, "version '1'"),
    ("tags-not-list", {"format": "parallel-codebook", "version": 1, "tags": {}}, "must be a list"),
    ("no-tags", _codebook(), "no tags"),
    ("too-many", _codebook(*(_group(f"g{i}") for i in range(201))), "at most 200"),
    ("tag-not-object", _codebook("calm"), "Tag 1: each tag must be a JSON object"),
    ("missing-slug", _codebook(_without(_group("calm"), "slug")), "Tag 1: 'slug' is required"),
    ("upper-slug", _codebook(_group("Calm")), "Tag 1 ('Calm'): the slug must be lower-case"),
    ("space-slug", _codebook(_group("calm down")), "Tag 1 ('calm down'): the slug"),
    ("double-hyphen", _codebook(_group("calm--down")), "Tag 1 ('calm--down'): the slug"),
    ("trailing-hyphen", _codebook(_group("calm-")), "Tag 1 ('calm-'): the slug"),
    ("long-slug", _codebook(_group("a" * 61)), "Tag 1: the slug is longer than 60"),
    ("missing-name", _codebook(_without(_group("calm"), "name")), "('calm'): 'name' is required"),
    ("blank-name", _codebook(_group("calm", name="   ")), "('calm'): 'name' must not be empty"),
    ("long-name", _codebook(_group("calm", name="n" * 61)), "('calm'): 'name' is 61 characters"),
    ("newline-name", _codebook(_group("calm", name="Ca\nlm")), "('calm'): 'name' contains control"),
    (
        "long-definition",
        _codebook(_group("calm", definition="d" * 501)),
        "('calm'): 'definition' is 501 characters long; the limit is 500",
    ),
    (
        "missing-definition",
        _codebook(_without(_group("calm"), "definition")),
        "('calm'): 'definition' is required",
    ),
    (
        "long-example",
        _codebook(_group("calm", example="e" * 501)),
        "('calm'): 'example' is 501 characters",
    ),
    ("numeric-example", _codebook(_group("calm", example=5)), "('calm'): 'example' is required"),
    ("missing-colour", _codebook(_without(_group("calm"), "colour")), "('calm'): 'colour' must be"),
    ("named-colour", _codebook(_group("calm", colour="blue")), "('calm'): 'colour' must be"),
    ("short-colour", _codebook(_group("calm", colour="#abc")), "('calm'): 'colour' must be"),
    ("bad-hex", _codebook(_group("calm", colour="#abcdeg")), "('calm'): 'colour' must be"),
    ("unknown-field", _codebook(_group("calm", color="#ffffff")), "('calm'): unknown field(s)"),
    (
        "duplicate-slug",
        _codebook(_group("calm"), _group("calm")),
        "Tag 2 ('calm'): the slug is already used by tag 1",
    ),
    (
        "missing-parent",
        _codebook(_group("calm"), _child("still", "quiet")),
        "Tag 2 ('still'): its parent 'quiet' is not in the codebook",
    ),
    ("bad-parent", _codebook(_child("still", "Not A Slug")), "('still'): 'parent' must be"),
    ("own-parent", _codebook(_child("still", "still")), "('still'): a tag cannot be its own"),
    (
        "cycle",
        _codebook(_child("a", "b"), _child("b", "c"), _child("c", "a")),
        "its parents form a cycle (a -> b -> c -> a)",
    ),
    (
        "builtin-broken",
        _builtin_with(5, colour="teal"),
        f"Tag 6 ({BUILTIN_TAGS[5].slug!r}): 'colour' must be",
    ),
]


@pytest.mark.parametrize(
    ("data", "message"),
    [case[1:] for case in BAD_CODEBOOKS],
    ids=[case[0] for case in BAD_CODEBOOKS],
)
def test_bad_codebooks_are_refused_with_a_clear_message(data, message):
    with pytest.raises(ValueError) as caught:
        parse_codebook(data)

    assert message in str(caught.value)


def test_codebook_accepts_exactly_200_tags():
    document = _codebook(*(_group(f"g{i}") for i in range(200)))

    assert len(parse_codebook(document)) == 200
