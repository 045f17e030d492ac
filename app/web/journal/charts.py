"""Inline SVG charts drawn on the server: no script, no external service, readable at a glance.

Every chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>``; the page puts it in a
``<figure>`` next to a data table with the same figures. Values are escaped; only numbers and
escaped labels reach the markup.
"""

from __future__ import annotations

from markupsafe import Markup, escape

PALETTE = ("#3b6ea5", "#c2571a", "#2e8540", "#8e44ad", "#b8860b", "#00838f", "#a33b5b", "#555")
WIDTH = 640
INK = "#22262a"


def _svg(height: int, title: str, desc: str, body: list[str]) -> Markup:
    # Every label went through escape(); the rest is numbers and fixed markup.
    return Markup(  # noqa: S704
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f"<desc>{escape(desc)}</desc>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, label: object, anchor: str = "start", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{INK}" '
        f'text-anchor="{anchor}">{escape(str(label))}</text>'
    )


def stacked_columns(title: str, desc: str, months: list[dict], key: str = "total") -> Markup:
    """Columns per month, stacked by tag; a legend names the colours."""
    slugs = sorted({slug for m in months for slug in m[key]})
    colour = {slug: PALETTE[i % len(PALETTE)] for i, slug in enumerate(slugs)}
    legend_rows = (len(slugs) + 2) // 3
    top, plot_h = 20, 180
    height = top + plot_h + 30 + 18 * legend_rows + 10
    tallest = max((sum(m[key].values()) for m in months), default=0) or 1
    left, right = 40, WIDTH - 10
    step = (right - left) / max(len(months), 1)
    bar = min(48.0, step * 0.6)
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{right}" y2="{top + plot_h}" stroke="{INK}"/>',
        _text(left - 6, top + plot_h, 0, "end", 11),
        _text(left - 6, top + 10, tallest, "end", 11),
    ]
    for i, m in enumerate(months):
        x = left + i * step + (step - bar) / 2
        y = top + plot_h
        for slug in slugs:
            n = m[key].get(slug, 0)
            if not n:
                continue
            h = plot_h * n / tallest
            y -= h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour[slug]}"><title>{escape(m["month"])}: {escape(slug)} {n}</title>'
                "</rect>"
            )
        body.append(_text(x + bar / 2, top + plot_h + 16, m["month"], "middle", 11))
    for i, slug in enumerate(slugs):
        lx = left + (i % 3) * 200
        ly = top + plot_h + 34 + (i // 3) * 18
        body.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{colour[slug]}"/>')
        body.append(_text(lx + 18, ly, slug, size=11))
    return _svg(height, title, desc, body)


def lines(
    title: str, desc: str, labels: list[str], series: dict[str, list[float | None]]
) -> Markup:
    """A line per series over the labels, on a fixed 1–5 scale (intensity)."""
    top, plot_h, left, right = 20, 160, 40, WIDTH - 120
    height = top + plot_h + 30
    step = (right - left) / max(len(labels) - 1, 1)
    if len(labels) == 1:
        left = (left + right) / 2  # one month: a point in the middle, not against the axis

    def y(v: float) -> float:
        return top + plot_h - plot_h * (v - 1) / 4

    body = []
    for level in range(1, 6):
        body.append(
            f'<line x1="40" y1="{y(level):.1f}" x2="{right}" y2="{y(level):.1f}" stroke="#d6d9dc"/>'
        )
        body.append(_text(34, y(level) + 4, level, "end", 11))
    for i, label in enumerate(labels):
        body.append(_text(left + i * step, top + plot_h + 18, label, "middle", 11))
    for k, (name, values) in enumerate(series.items()):
        colour = PALETTE[k % len(PALETTE)]
        points = [(left + i * step, y(v)) for i, v in enumerate(values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
            )
        for px, py in points:
            body.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>')
        body.append(
            f'<rect x="{right + 14}" y="{top + 4 + 20 * k}" width="12" height="12" '
            f'fill="{colour}"/>'
        )
        body.append(_text(right + 32, top + 15 + 20 * k, name, size=11))
    return _svg(height, title, desc, body)


def share_bars(title: str, desc: str, rows: list[tuple[str, float | None]]) -> Markup:
    """Horizontal 0–100% bars: the therapist's share, the rest is the client's."""
    left, right, row_h = 230, WIDTH - 60, 28
    height = 20 + row_h * len(rows) + 10
    body = []
    for i, (label, share) in enumerate(rows):
        y = 14 + i * row_h
        body.append(_text(left - 8, y + 14, label, "end", 12))
        body.append(f'<rect x="{left}" y="{y}" width="{right - left}" height="18" fill="#e3e6e8"/>')
        if share is None:
            body.append(_text(left + 6, y + 14, "no data", size=11))
            continue
        body.append(
            f'<rect x="{left}" y="{y}" width="{(right - left) * share:.1f}" height="18" '
            f'fill="{PALETTE[0]}"/>'
        )
        body.append(_text(right + 6, y + 14, f"{round(share * 100)}%", size=12))
    mid = left + (right - left) / 2
    body.append(
        f'<line x1="{mid:.1f}" y1="8" x2="{mid:.1f}" y2="{height - 6}" stroke="{INK}" '
        'stroke-dasharray="3 3"/>'
    )
    return _svg(height, title, desc, body)


def count_bars(title: str, desc: str, rows: list[tuple[str, int]]) -> Markup:
    """Horizontal bars of counts (recurring words)."""
    left, right, row_h = 160, WIDTH - 50, 22
    height = 16 + row_h * max(len(rows), 1)
    most = max((n for _label, n in rows), default=1) or 1
    body = []
    for i, (label, n) in enumerate(rows):
        y = 8 + i * row_h
        body.append(_text(left - 8, y + 13, label, "end", 12))
        body.append(
            f'<rect x="{left}" y="{y}" width="{(right - left) * n / most:.1f}" height="16" '
            f'fill="{PALETTE[2]}"/>'
        )
        body.append(_text(left + (right - left) * n / most + 6, y + 13, n, size=11))
    return _svg(height, title, desc, body)
