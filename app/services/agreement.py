"""Inter-rater agreement for moments that several group members tagged on the same excerpt.

Pure functions with no Flask or database access. Counts are kept as exact fractions and turned
into floats only at the end, so perfect agreement comes out as exactly 1.0.

Coefficients:

- ``cohen_kappa``: Cohen (1960), two raters, every unit rated by both.
- ``krippendorff_alpha_nominal``: Krippendorff's alpha for nominal data, any number of raters,
  missing ratings allowed, via the coincidence-matrix formulation (Krippendorff, "Computing
  Krippendorff's Alpha-Reliability", 2011).

Both are "undefined" when there is nothing to measure. We return ``None`` then, with one
convention: when every rating falls in one category (so chance agreement is already perfect) the
ratio is 0/0, and we report 1.0, because the raters did agree on every unit. The page shows this
alongside the observed agreement and the number of units, so a reader can see how little variation
there was.

``line_agreement`` turns tagged line ranges into reliability data; its docstring explains the
unitisation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeAlias

Moment: TypeAlias = tuple[int, int, int, str]
"""``(rater_id, first_line, last_line, tag_slug)``; the moment covers first..last inclusive."""


@dataclass(frozen=True)
class _Alpha:
    alpha: Fraction | None
    observed: Fraction | None
    pairable_values: int


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa for two raters' labels over the same units (None when undefined)."""
    if len(a) != len(b):
        raise ValueError(f"both raters must rate the same units ({len(a)} != {len(b)} labels)")
    n = len(a)
    if n == 0:
        return None
    observed = Fraction(sum(1 for x, y in zip(a, b, strict=True) if x == y), n)
    counts_a, counts_b = Counter(a), Counter(b)
    expected = Fraction(sum(counts_a[label] * counts_b[label] for label in counts_a), n * n)
    if expected == 1:
        # Both raters used one and the same label throughout: 0/0. See the module docstring.
        return 1.0 if observed == 1 else None
    return float((observed - expected) / (1 - expected))


def krippendorff_alpha_nominal(
    units: Mapping[Hashable, Mapping[Hashable, Hashable | None]],
) -> float | None:
    """Krippendorff's alpha (nominal) over ``{unit: {rater: label}}``; None labels are missing."""
    return _float(_alpha_nominal(_values_per_unit(units)).alpha)


def _values_per_unit(
    units: Mapping[Hashable, Mapping[Hashable, Hashable | None]],
) -> Iterable[list[Hashable]]:
    """The non-missing labels of each unit."""
    for ratings in units.values():
        yield [label for label in ratings.values() if label is not None]


def _alpha_nominal(units: Iterable[Sequence[Hashable]]) -> _Alpha:
    """Alpha and observed agreement from each unit's list of labels (one per rater).

    With n_uc the number of values c in unit u and m_u the unit's number of values, the
    coincidence matrix is o_ck = sum_u n_uc * n_uk / (m_u - 1) for c != k (and n_uc * (n_uc - 1) /
    (m_u - 1) on the diagonal). For the nominal metric only the off-diagonal total matters:
    observed disagreement D = sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1), and with marginals n_c and
    n = sum_c n_c, alpha = 1 - (n - 1) * D / (n^2 - sum_c n_c^2).
    """
    disagreement = Fraction(0)
    marginals: Counter[Hashable] = Counter()
    for values in units:
        m = len(values)
        if m < 2:
            continue  # a lone value has nothing to be paired with
        counts = Counter(values)
        disagreement += Fraction(m * m - sum(c * c for c in counts.values()), m - 1)
        marginals.update(counts)
    n = sum(marginals.values())
    if n == 0:
        return _Alpha(None, None, 0)
    observed = 1 - disagreement / n
    expected_pairs = n * n - sum(c * c for c in marginals.values())
    if expected_pairs == 0:
        # One category throughout: 0/0. See the module docstring.
        return _Alpha(Fraction(1), observed, n)
    return _Alpha(1 - (n - 1) * disagreement / expected_pairs, observed, n)


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


@dataclass
class LineAgreement:
    """The tags each rater applied to one line, and whether all raters applied the same set."""

    line: int
    tags_by_rater: dict[int, list[str]]
    agree: bool


@dataclass
class AgreementReport:
    """Agreement over one excerpt: coefficients over (line, tag) units plus a per-line view."""

    raters: list[int]
    per_line: list[LineAgreement]
    alpha: float | None
    kappa: float | None
    observed: float | None
    units: int


def line_agreement(
    excerpt_line_numbers: Sequence[int], moments: Sequence[Moment]
) -> AgreementReport:
    """Compare raters' tagged moments line by line over one excerpt.

    Unitisation: the raters are everyone with at least one moment touching the excerpt's lines,
    and the tags are every tag any of them used there. Each (line, tag) pair is one unit, on which
    every rater gives a binary rating: did they apply that tag to a moment covering that line? No
    rating is missing, because a rater who tagged the excerpt but not this line has actively left it
    untagged. Lines are therefore weighted equally whatever the length of the moments, and each tag
    is judged separately, so two raters who mark the same line with different tags disagree on two
    units (one tag each) rather than on one.

    ``alpha`` is Krippendorff's nominal alpha over those units; ``kappa`` is Cohen's kappa over
    the same units when there are exactly two raters; ``observed`` is the share of agreeing rater
    pairs, averaged over units (plain percent agreement for two raters). All three are None with
    fewer than two raters. A line's ``agree`` is True when there are at least two raters and they
    all applied exactly the same set of tags to it (an agreed-empty line counts as agreement).
    Moments are clipped to the excerpt's lines; a moment whose last line precedes its first is
    refused with ``ValueError``.
    """
    lines = sorted(set(excerpt_line_numbers))
    applied: dict[int, dict[int, set[str]]] = {}
    for rater, first, last, tag in moments:
        if last < first:
            raise ValueError(
                f"moment by rater {rater} ends (line {last}) before it starts ({first})"
            )
        covered = [line for line in lines if first <= line <= last]
        if not covered:
            continue
        by_line = applied.setdefault(rater, {})
        for line in covered:
            by_line.setdefault(line, set()).add(tag)

    raters = sorted(applied)
    tags = sorted(
        {tag for by_line in applied.values() for found in by_line.values() for tag in found}
    )
    empty: set[str] = set()

    per_line = []
    for line in lines:
        sets = [applied[rater].get(line, empty) for rater in raters]
        per_line.append(
            LineAgreement(
                line=line,
                tags_by_rater={
                    rater: sorted(found) for rater, found in zip(raters, sets, strict=True)
                },
                agree=len(raters) >= 2 and all(found == sets[0] for found in sets),
            )
        )

    units = len(lines) * len(tags)
    if len(raters) < 2:
        return AgreementReport(raters, per_line, None, None, None, units)

    ratings = [
        [tag in applied[rater].get(line, empty) for rater in raters]
        for line in lines
        for tag in tags
    ]
    result = _alpha_nominal(ratings)
    kappa = None
    if len(raters) == 2:
        kappa = cohen_kappa([unit[0] for unit in ratings], [unit[1] for unit in ratings])
    return AgreementReport(
        raters=raters,
        per_line=per_line,
        alpha=_float(result.alpha),
        kappa=kappa,
        observed=_float(result.observed),
        units=units,
    )
