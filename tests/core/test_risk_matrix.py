"""The SPBE 5×5 matrix (PermenPANRB 5/2020) cell by cell, the band variants, and heatmap counts.

The expected tables are written out literally from docs/domain.md §5, so that a change in the data
files or in the lookup shows up as a failing cell, not as a quietly different number.
"""

from __future__ import annotations

import pytest

from core.heatmap import (
    cell_counts,
    heatmap,
    in_cell,
    level_change,
    moved_down,
    needs_treatment,
    treatment_options,
)
from core.models import Risk, RiskType
from core.risk import assess, magnitude
from data.reference import reference_data, risk_scale

# docs/domain.md §5, rows as printed: likelihood 5 at the top, impact 1..5 left to right.
MAGNITUDE_AS_PRINTED = {
    5: [9, 15, 18, 23, 25],
    4: [6, 12, 16, 19, 24],
    3: [4, 10, 14, 17, 22],
    2: [2, 7, 11, 13, 21],
    1: [1, 3, 5, 8, 20],
}

# The level letter of each cell under the official bands 1–5 SR, 6–10 R, 11–15 S, 16–20 T, 21–25 ST.
OFFICIAL_LETTERS = {
    5: ["R", "S", "T", "ST", "ST"],
    4: ["R", "S", "T", "T", "ST"],
    3: ["SR", "R", "S", "T", "ST"],
    2: ["SR", "R", "S", "S", "ST"],
    1: ["SR", "SR", "SR", "R", "T"],
}

# The variant bands 11–14 S, 15–19 T, 20–25 ST: only magnitudes 15 and 20 change level.
VARIANT_LETTERS = {
    5: ["R", "T", "T", "ST", "ST"],
    4: ["R", "S", "T", "T", "ST"],
    3: ["SR", "R", "S", "T", "ST"],
    2: ["SR", "R", "S", "S", "ST"],
    1: ["SR", "SR", "SR", "R", "ST"],
}

CELLS = [(lk, im) for lk in range(1, 6) for im in range(1, 6)]


@pytest.fixture
def official():
    return risk_scale("official")


@pytest.fixture
def variant():
    return risk_scale("variant")


def risk(lk: int, im: int, rl: int | None = None, ri: int | None = None, **extra) -> Risk:
    return Risk(innovation_id=1, event="e", likelihood=lk, impact=im,
                residual_likelihood=rl, residual_impact=ri, **extra)


@pytest.mark.parametrize("likelihood, impact", CELLS)
def test_each_cell_magnitude_and_level_match_domain_table(official, likelihood, impact):
    found = assess(official, likelihood, impact)
    assert found.magnitude == MAGNITUDE_AS_PRINTED[likelihood][impact - 1]
    assert found.band.letter == OFFICIAL_LETTERS[likelihood][impact - 1]


@pytest.mark.parametrize("likelihood, impact", CELLS)
def test_each_cell_level_under_variant_bands(variant, likelihood, impact):
    assert assess(variant, likelihood, impact).band.letter == VARIANT_LETTERS[likelihood][impact - 1]


def test_magnitude_is_not_likelihood_times_impact(official):
    assert magnitude(official, 5, 1) == 9 != 5
    assert magnitude(official, 1, 5) == 20 != 5


def test_each_value_appears_once(official):
    values = sorted(magnitude(official, lk, im) for lk, im in CELLS)
    assert values == list(range(1, 26))


@pytest.mark.parametrize("likelihood", range(1, 6))
def test_rows_rise_left_to_right(official, likelihood):
    row = [magnitude(official, likelihood, im) for im in range(1, 6)]
    assert row == sorted(row) and len(set(row)) == 5


@pytest.mark.parametrize("impact", range(1, 6))
def test_columns_rise_bottom_to_top(official, impact):
    column = [magnitude(official, lk, impact) for lk in range(1, 6)]
    assert column == sorted(column) and len(set(column)) == 5


def test_variant_changes_exactly_the_cells_at_15_and_20(official, variant):
    changed = {c for c in CELLS if assess(official, *c).band.key != assess(variant, *c).band.key}
    assert changed == {(5, 2), (1, 5)}
    assert {magnitude(official, *c) for c in changed} == {15, 20}
    assert official.magnitude == variant.magnitude


def test_variant_bands_are_the_circulating_set(variant):
    ranges = sorted((b.low, b.high) for b in variant.bands)
    assert ranges == [(1, 5), (6, 10), (11, 14), (15, 19), (20, 25)]


KNOWN_SET = [
    risk(5, 5, 2, 3),  # 25 ST -> 11 S: down two levels
    risk(5, 5, 4, 5),  # 25 ST -> 24 ST: same level
    risk(4, 3),        # 16 T, not reassessed: stays
    risk(3, 3, 1, 1),  # 14 S -> 1 SR: down
    risk(1, 1, 1, 2),  # 1 SR -> 3 SR: same level
    risk(2, 3, 2, 3),  # 11 S -> 11 S
]


def test_inherent_counts_on_known_set():
    counts = cell_counts(KNOWN_SET)
    assert len(counts) == 25 and sum(counts.values()) == 6
    assert {c: n for c, n in counts.items() if n} == {(5, 5): 2, (4, 3): 1, (3, 3): 1, (1, 1): 1, (2, 3): 1}


def test_residual_counts_on_known_set():
    counts = cell_counts(KNOWN_SET, residual=True)
    assert sum(counts.values()) == 6
    assert {c: n for c, n in counts.items() if n} == {(2, 3): 2, (4, 5): 1, (4, 3): 1, (1, 1): 1, (1, 2): 1}


def test_moved_down_a_level_on_known_set(official):
    assert moved_down(official, KNOWN_SET) == 2
    assert [level_change(official, r) for r in KNOWN_SET] == [-2, 0, 0, -2, 0, 0]


def test_heatmap_grid_has_likelihood_five_on_top_and_impact_one_left(official):
    grid = heatmap(official, KNOWN_SET)
    assert [row[0].likelihood for row in grid] == [5, 4, 3, 2, 1]
    assert [cell.impact for cell in grid[0]] == [1, 2, 3, 4, 5]
    assert grid[0][4].magnitude == 25 and grid[0][4].count == 2
    assert grid[4][0].magnitude == 1 and grid[4][0].band.letter == "SR"


def test_in_cell_lists_the_cells_risks():
    assert in_cell(KNOWN_SET, (2, 3), residual=True) == [KNOWN_SET[0], KNOWN_SET[5]]
    assert in_cell(KNOWN_SET, (2, 3)) == [KNOWN_SET[5]]


@pytest.mark.parametrize("lk, im, appetite, expected", [
    (2, 3, 11, True),   # magnitude 11, at the default appetite
    (2, 2, 11, False),  # 7
    (1, 5, 21, False),  # 20
    (2, 5, 21, True),   # 21
])
def test_needs_treatment_against_appetite(official, lk, im, appetite, expected):
    assert needs_treatment(official, risk(lk, im), appetite) is expected


def test_treatment_options_depend_on_type():
    reference = reference_data()
    negative = [o.id for o in treatment_options(reference, RiskType.NEGATIVE)]
    positive = [o.id for o in treatment_options(reference, "positive")]
    assert negative == ["mitigasi", "transfer", "penghindaran", "penerimaan", "eskalasi"]
    assert positive == ["eksploitasi", "peningkatan", "pembagian", "penerimaan", "eskalasi"]
