"""Inter-rater agreement: Cohen's kappa, Krippendorff's alpha (nominal) and per-line agreement."""

from __future__ import annotations

import pytest

from app.services.agreement import (
    AgreementReport,
    LineAgreement,
    cohen_kappa,
    krippendorff_alpha_nominal,
    line_agreement,
)


def _two_raters(a, b):
    """``{unit: {rater: label}}`` for two complete rows of labels."""
    return {unit: {"A": x, "B": y} for unit, (x, y) in enumerate(zip(a, b, strict=True))}


def _yes_no_table(both_yes, a_only, b_only, both_no):
    """Two label rows realising a 2x2 table of counts."""
    a = ["yes"] * (both_yes + a_only) + ["no"] * (b_only + both_no)
    b = ["yes"] * both_yes + ["no"] * a_only + ["yes"] * b_only + ["no"] * both_no
    return a, b


# Reliability data from Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"
# (Annenberg School, University of Pennsylvania). Only the numbers are reproduced.
# Section A: binary data, two observers, no missing values; published alpha = 0.095.
K2011_BINARY = ([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0])
# Section B: nominal data, two observers, no missing values; published alpha = 0.692.
K2011_NOMINAL = (list("aabbdcccedda"), list("babbbccceddd"))
# Section C: nominal data, four observers, missing values; published alpha = 0.743.
_ = None
K2011_MISSING = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    "C": [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
}


# --- Cohen's kappa ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # 50 units: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
        # p_o = 35/50 = 0.7; A says yes 25/50, B says yes 30/50;
        # p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
        (*_yes_no_table(20, 5, 10, 15), 0.4),
        # Krippendorff's binary data. p_o = 6/10; A has two 1s, B four;
        # p_e = 0.2*0.4 + 0.8*0.6 = 0.56; kappa = 0.04 / 0.44 = 1/11.
        (*K2011_BINARY, 1 / 11),
        # Krippendorff's nominal data. 9 of 12 units agree; marginals A: a3 b2 c3 d3 e1,
        # B: a1 b4 c3 d3 e1; p_e = (3+8+9+9+1)/144 = 30/144;
        # kappa = (108 - 30) / (144 - 30) = 78/114 = 13/19.
        (*K2011_NOMINAL, 13 / 19),
        # Perfect agreement with variation.
        (["x", "y", "z"], ["x", "y", "z"], 1.0),
        # Systematic disagreement: p_o = 0, p_e = 0.5, kappa = -1.
        ([0, 1, 0, 1], [1, 0, 1, 0], -1.0),
        # Agreement exactly at chance: p_o = p_e = 0.5.
        ([1, 1, 0, 0], [1, 0, 1, 0], 0.0),
        # Both raters used one label throughout: p_e = 1; documented convention gives 1.0.
        (["x"] * 5, ["x"] * 5, 1.0),
    ],
)
def test_cohen_kappa_matches_hand_computed_values(a, b, expected):
    assert cohen_kappa(a, b) == pytest.approx(expected, abs=1e-12)


def test_cohen_kappa_is_none_without_units():
    assert cohen_kappa([], []) is None


def test_cohen_kappa_refuses_rows_of_different_lengths():
    with pytest.raises(ValueError, match="same units"):
        cohen_kappa([1, 2], [1])


# --- Krippendorff's alpha --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        (_two_raters(*K2011_BINARY), 2 / 21),  # published as 0.095
        (_two_raters(*K2011_NOMINAL), 155 / 224),  # published as 0.692
        (
            {u: {r: row[u] for r, row in K2011_MISSING.items()} for u in range(12)},
            113 / 152,  # published as 0.743
        ),
        # Perfect agreement with variation, including a unit with one missing rating.
        ({1: {"A": "x", "B": "x"}, 2: {"A": "y", "B": "y", "C": "y"}, 3: {"A": "x"}}, 1.0),
        # Systematic disagreement: n = 8 with four of each value and all 4 units disagreeing,
        # D = 4 * (4 - 2) / 1 = 8; alpha = 1 - 7 * 8 / (64 - 16 - 16) = -0.75.
        (_two_raters([0, 1, 0, 1], [1, 0, 1, 0]), -0.75),
        # One category throughout: 0/0, reported as 1.0 by the documented convention.
        ({1: {"A": "x", "B": "x"}, 2: {"A": "x", "C": "x"}}, 1.0),
    ],
)
def test_krippendorff_alpha_matches_published_and_hand_computed_values(units, expected):
    assert krippendorff_alpha_nominal(units) == pytest.approx(expected, abs=1e-12)


def test_krippendorff_alpha_rounds_to_the_published_figures():
    nominal = krippendorff_alpha_nominal(_two_raters(*K2011_NOMINAL))
    missing = krippendorff_alpha_nominal(
        {u: {r: row[u] for r, row in K2011_MISSING.items()} for u in range(12)}
    )
    binary = krippendorff_alpha_nominal(_two_raters(*K2011_BINARY))

    assert (round(binary, 3), round(nominal, 3), round(missing, 3)) == (0.095, 0.692, 0.743)


@pytest.mark.parametrize(
    "units",
    [
        {},  # no units
        {1: {"A": "x"}, 2: {"B": "y"}},  # one rating per unit: nothing pairable
        {1: {"A": "x"}, 2: {"A": "y"}, 3: {"A": "x"}},  # a single rater
        {1: {"A": "x", "B": None}, 2: {"A": None, "B": None}},  # missing ratings only
    ],
)
def test_krippendorff_alpha_is_none_when_nothing_is_pairable(units):
    assert krippendorff_alpha_nominal(units) is None


def test_krippendorff_alpha_ignores_units_with_a_single_rating():
    # Unit 12 of the four-observer example has one value; dropping it changes nothing.
    complete = {u: {r: row[u] for r, row in K2011_MISSING.items()} for u in range(12)}
    without_lone_unit = {u: ratings for u, ratings in complete.items() if u != 11}

    assert krippendorff_alpha_nominal(complete) == krippendorff_alpha_nominal(without_lone_unit)


@pytest.mark.parametrize("rows", [K2011_BINARY, K2011_NOMINAL, ([0, 1, 1, 0, 1], [0, 1, 0, 0, 1])])
def test_alpha_and_kappa_are_close_but_not_identical_for_two_complete_raters(rows):
    alpha = krippendorff_alpha_nominal(_two_raters(*rows))
    kappa = cohen_kappa(*rows)

    # Alpha uses pooled marginals and a small-sample correction; kappa uses each rater's own.
    assert alpha != kappa
    assert alpha == pytest.approx(kappa, abs=0.05)


# --- Per-line agreement ----------------------------------------------------------------------


def test_line_agreement_for_two_raters_matches_hand_computation():
    # Lines 1-4, tags {envy, irritation}: 8 binary units (line, tag).
    #   line 1: envy 0/0, irritation 1/0     line 3: envy 0/0, irritation 0/1
    #   line 2: envy 0/0, irritation 1/1     line 4: envy 0/1, irritation 0/0
    # Rater 1 has two 1s, rater 2 three; 5 of 8 units agree.
    # kappa: p_o = 5/8, p_e = (2/8)(3/8) + (6/8)(5/8) = 36/64, kappa = (40-36)/(64-36) = 1/7.
    # alpha: n = 16 values (5 ones, 11 zeros); 3 disagreeing units each add (4 - 2)/1 = 2, D = 6;
    #        alpha = 1 - 15 * 6 / (256 - 25 - 121) = 1 - 90/110 = 2/11.
    moments = [(1, 1, 2, "irritation"), (2, 2, 3, "irritation"), (2, 4, 4, "envy")]

    report = line_agreement([1, 2, 3, 4], moments)

    assert report.raters == [1, 2]
    assert report.units == 8
    assert report.kappa == pytest.approx(1 / 7)
    assert report.alpha == pytest.approx(2 / 11)
    assert report.observed == pytest.approx(5 / 8)
    assert report.per_line == [
        LineAgreement(1, {1: ["irritation"], 2: []}, False),
        LineAgreement(2, {1: ["irritation"], 2: ["irritation"]}, True),
        LineAgreement(3, {1: [], 2: ["irritation"]}, False),
        LineAgreement(4, {1: [], 2: ["envy"]}, False),
    ]


def test_line_agreement_with_identical_tagging_is_perfect():
    moments = [
        (7, 10, 11, "rescue-fantasy"),
        (9, 10, 11, "rescue-fantasy"),
        (7, 12, 12, "helplessness"),
        (9, 12, 12, "helplessness"),
    ]

    report = line_agreement([10, 11, 12, 13], moments)

    assert (report.alpha, report.kappa, report.observed) == (1.0, 1.0, 1.0)
    assert [line.agree for line in report.per_line] == [True, True, True, True]
    assert report.per_line[3].tags_by_rater == {7: [], 9: []}


def test_line_agreement_with_three_raters_reports_alpha_but_no_kappa():
    moments = [(1, 1, 1, "envy"), (2, 1, 1, "envy"), (3, 1, 2, "envy")]

    report = line_agreement([1, 2], moments)

    # Units: (1, envy) = 1/1/1, (2, envy) = 0/0/1. n = 6 (4 ones, 2 zeros);
    # unit 2 adds (9 - 4 - 1)/2 = 2, so D = 2 and alpha = 1 - 5 * 2 / (36 - 16 - 4) = 3/8.
    # Observed = 1 - 2/6 = 2/3 (one agreeing pair of three on line 2).
    assert report.raters == [1, 2, 3]
    assert report.kappa is None
    assert report.alpha == pytest.approx(3 / 8)
    assert report.observed == pytest.approx(2 / 3)
    assert [line.agree for line in report.per_line] == [True, False]


def test_line_agreement_clips_moments_to_the_excerpt_and_ignores_outsiders():
    moments = [
        (1, 1, 100, "boredom-withdrawal"),  # spills past the excerpt
        (2, 5, 6, "boredom-withdrawal"),
        (3, 50, 60, "envy"),  # entirely outside: rater 3 did not tag this excerpt
    ]

    report = line_agreement([6, 5, 5], moments)

    assert report.raters == [1, 2]
    assert [line.line for line in report.per_line] == [5, 6]
    assert report.units == 2
    assert report.alpha == 1.0
    assert all(line.agree for line in report.per_line)


@pytest.mark.parametrize(
    ("lines", "moments", "raters", "units"),
    [
        ([1, 2, 3], [], [], 0),
        ([], [(1, 1, 2, "envy"), (2, 1, 2, "envy")], [], 0),
        ([1, 2, 3], [(4, 1, 2, "envy"), (4, 3, 3, "irritation")], [4], 6),
    ],
)
def test_line_agreement_needs_two_raters(lines, moments, raters, units):
    report = line_agreement(lines, moments)

    assert isinstance(report, AgreementReport)
    assert report.raters == raters
    assert report.units == units
    assert (report.alpha, report.kappa, report.observed) == (None, None, None)
    assert not any(line.agree for line in report.per_line)


def test_line_agreement_refuses_a_backwards_moment():
    with pytest.raises(ValueError, match="rater 3"):
        line_agreement([1, 2], [(3, 2, 1, "envy")])
