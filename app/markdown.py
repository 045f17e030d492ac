"""The one path from user markdown to HTML: ``markdown`` renders, ``nh3`` keeps an allow-list."""

from __future__ import annotations

import html

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "a",
    "del",
    "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "span": {"class"}}
ALLOWED_CLASSES = {"span": {"mention"}}
MAX_SOURCE = 20_000


def render(source: str) -> str:
    """Render markdown to sanitized HTML (links open nothing but http(s) and mailto)."""
    html = md.markdown(source or "", extensions=["sane_lists", "nl2br"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def escape(text: str) -> str:
    """Escape text the way the renderer does, to find it again in rendered HTML."""
    return html.escape(text, quote=False)
