"""My own patterns: figures computed from the signed-in user's journal, moments and excerpts.

Pure computations over the owner's data; nothing of anyone else's enters them. Talk share
counts therapist (``T``/``Therapist``) against client (``C``/``Client``) lines; other speakers
are left out. "Around a moment" means the moment's lines and one line either side.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime
from itertools import pairwise

from sqlalchemy import select

from app.extensions import db
from app.models import Excerpt, Moment, Tag, User
from app.services import journal
from app.services.journal import Entry

THERAPIST = {"t", "therapist", "clinician"}
CLIENT = {"c", "client", "patient"}
WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")
TOP_WORDS = 10
TOP_PHRASES = 5

_STOP_TEXT = """
    a about above after again against all almost also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each even few for from further get got had hadn't has
    hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
    how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's like me
    might more most much must mustn't my myself no nor not now of off on once only or other
    ought our ours ourselves out over own really said same say says shan't she she'd she'll
    she's should shouldn't so some still such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've thing things this those though
    through to too under until up upon us very was wasn't we we'd we'll we're we've were weren't
    what what's when when's where where's which while who who's whom why why's will with won't
    would wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves
    anticipate expect feel felt instead want bring pull session
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def month(when: datetime) -> str:
    return when.strftime("%Y-%m")


def speaker_role(speaker: str) -> str | None:
    """Return "therapist", "client", or None for anyone else."""
    name = speaker.strip().casefold()
    if name in THERAPIST:
        return "therapist"
    if name in CLIENT:
        return "client"
    return None


def tags_over_time(entries: list[Entry], moments: list[tuple[Moment, str]]) -> dict:
    """Count tags per month, from journal entries and from my moments in rooms."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:
        for slug in entry.row.tag_slugs:
            counts[month(entry.row.created_at)][("journal", slug)] += 1
    for moment, slug in moments:
        counts[month(moment.created_at)][("moments", slug)] += 1
    months = sorted(counts)
    result = []
    for m in months:
        journal_counts: Counter = Counter()
        moment_counts: Counter = Counter()
        for (source, slug), n in counts[m].items():
            (journal_counts if source == "journal" else moment_counts)[slug] += n
        total = journal_counts + moment_counts
        result.append(
            {
                "month": m,
                "journal": dict(sorted(journal_counts.items())),
                "moments": dict(sorted(moment_counts.items())),
                "total": dict(sorted(total.items())),
            }
        )
    return {"months": result}


def intensity_trend(entries: list[Entry], moments: list[tuple[Moment, str]]) -> list[dict]:
    """Mean intensity per month, of journal entries and of my moments, with counts."""
    journal_values: dict[str, list[int]] = defaultdict(list)
    moment_values: dict[str, list[int]] = defaultdict(list)
    for entry in entries:
        if entry.row.intensity is not None:
            journal_values[month(entry.row.created_at)].append(entry.row.intensity)
    for moment, _slug in moments:
        if moment.intensity is not None:
            moment_values[month(moment.created_at)].append(moment.intensity)

    def mean(values: list[int]) -> float | None:
        return round(sum(values) / len(values), 2) if values else None

    return [
        {
            "month": m,
            "journal": mean(journal_values[m]),
            "journal_count": len(journal_values[m]),
            "moments": mean(moment_values[m]),
            "moments_count": len(moment_values[m]),
        }
        for m in sorted(set(journal_values) | set(moment_values))
    ]


def _share(lines) -> dict:
    words = {"therapist": 0, "client": 0}
    seconds = {"therapist": 0.0, "client": 0.0}
    for line in lines:
        role = speaker_role(line.speaker)
        if role is None:
            continue
        words[role] += len(line.text.split())
        if line.start is not None and line.end is not None and line.end > line.start:
            seconds[role] += line.end - line.start
    total_words = words["therapist"] + words["client"]
    total_seconds = seconds["therapist"] + seconds["client"]
    return {
        "therapist_words": words["therapist"],
        "client_words": words["client"],
        "therapist_word_share": round(words["therapist"] / total_words, 3) if total_words else None,
        "therapist_seconds": round(seconds["therapist"], 2),
        "client_seconds": round(seconds["client"], 2),
        "therapist_seconds_share": (
            round(seconds["therapist"] / total_seconds, 3) if total_seconds else None
        ),
    }


def talk_share(excerpts: list[Excerpt], moments: list[tuple[Moment, str]]) -> dict:
    """Therapist share of words and seconds in my excerpts, overall and around my moments."""
    by_excerpt = {e.id: e for e in excerpts}
    near: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for moment, slug in moments:
        if moment.excerpt_id not in by_excerpt:
            continue
        for n in range(moment.line - 1, moment.end_line + 2):
            near[slug].add((moment.excerpt_id, n))
    all_lines = [(e.id, line) for e in excerpts for line in e.lines]
    per_tag = []
    for slug in sorted(near):
        keys = near[slug]
        around = [line for eid, line in all_lines if (eid, line.n) in keys]
        elsewhere = [line for eid, line in all_lines if (eid, line.n) not in keys]
        per_tag.append({"tag": slug, "around": _share(around), "elsewhere": _share(elsewhere)})
    return {
        "excerpts": len(excerpts),
        "overall": _share([line for _eid, line in all_lines]),
        "by_tag": per_tag,
    }


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold().replace("’", "'"))


def recurring_words(entries: list[Entry]) -> list[dict]:
    """Top words and two-word phrases per month of my journal, stop-words removed."""
    by_month: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        by_month[month(entry.row.created_at)].append(entry.body)
    result = []
    for m in sorted(by_month):
        singles: Counter = Counter()
        pairs: Counter = Counter()
        for body in by_month[m]:
            # Template prompts are headings; they would top every month, so leave them out.
            text = "\n".join(ln for ln in body.splitlines() if not ln.lstrip().startswith("#"))
            tokens = words(text)
            for token in tokens:
                if token not in STOP_WORDS and len(token) > 2:
                    singles[token] += 1
            for first, second in pairwise(tokens):
                if first not in STOP_WORDS and second not in STOP_WORDS:
                    pairs[f"{first} {second}"] += 1
        result.append(
            {
                "month": m,
                "words": [{"word": w, "count": n} for w, n in _top(singles, TOP_WORDS)],
                "phrases": [
                    {"phrase": p, "count": n} for p, n in _top(pairs, TOP_PHRASES) if n > 1
                ],
            }
        )
    return result


def _top(counter: Counter, n: int) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def my_moments(user: User, since: datetime | None = None) -> list[tuple[Moment, str]]:
    query = (
        select(Moment, Tag.slug)
        .join(Tag, Tag.id == Moment.tag_id)
        .where(Moment.author_id == user.id)
        .order_by(Moment.created_at)
    )
    if since is not None:
        query = query.where(Moment.created_at >= since)
    return [(m, slug) for m, slug in db.session.execute(query)]


def my_excerpts(user: User, since: datetime | None = None) -> list[Excerpt]:
    query = select(Excerpt).where(Excerpt.author_id == user.id, Excerpt.withdrawn_at.is_(None))
    if since is not None:
        query = query.where(Excerpt.created_at >= since)
    return list(db.session.scalars(query.order_by(Excerpt.id)))


def insights(user: User, since: datetime | None = None) -> dict:
    """Every figure of the insights page, as one JSON-ready document."""
    entries = journal.list_entries(user, since=since)
    entries.reverse()
    moments = my_moments(user, since)
    return {
        "since": since.isoformat() if since else None,
        "journal_entries": len(entries),
        "moments": len(moments),
        "tags": tags_over_time(entries, moments),
        "intensity": intensity_trend(entries, moments),
        "talk": talk_share(my_excerpts(user, since), moments),
        "words": recurring_words(entries),
    }
