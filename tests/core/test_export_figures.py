"""The small figures the exports compute: rupiah, quick-win scores, heatmap counts."""

from __future__ import annotations

import pytest

from core.exports import file_name, render_document, with_format
from core.minutes.context import Minutes
from core.minutes.figures import heatmap_counts, level_counts
from core.models import Bundle, QuickWinScore, Risk, Workshop
from data.reference import reference_data


def _bundle(**update) -> Bundle:
    return Bundle(workshop=Workshop(region="Kota Serang"), reference=reference_data(), **update)


def test_weights_fall_back_to_the_reference_defaults() -> None:
    bundle = _bundle(quick_win_weights={"risk": 4, "not_a_criterion": 9})
    found = Minutes.of(bundle, "en").weights
    assert found["risk"] == 4 and found["citizen_benefit"] == 3 and "not_a_criterion" not in found


def test_the_score_is_the_weighted_sum_and_unscored_criteria_count_zero() -> None:
    scores = [QuickWinScore(innovation_id=7, criterion="one_year", score=5),
              QuickWinScore(innovation_id=7, criterion="citizen_benefit", score=4),
              QuickWinScore(innovation_id=8, criterion="one_year", score=1),
              QuickWinScore(innovation_id=7, criterion="unknown", score=5)]
    bundle = _bundle(quick_win_scores=scores, quick_win_weights={"one_year": 3})
    minutes = Minutes.of(bundle, "en")
    assert minutes.weighted_score(7) == 3 * 5 + 3 * 4
    assert minutes.weighted_score(9) == 0


def test_heatmap_counts_inherent_and_residual() -> None:
    risks = [Risk(innovation_id=1, event="a", likelihood=4, impact=4, residual_likelihood=2, residual_impact=2),
             Risk(innovation_id=1, event="b", likelihood=4, impact=4),
             Risk(innovation_id=1, event="c", likelihood=1, impact=5, residual_likelihood=1, residual_impact=1)]
    bundle = _bundle(risks=risks)
    assert heatmap_counts(bundle) == {(4, 4): 2, (1, 5): 1}
    assert heatmap_counts(bundle, residual=True) == {(2, 2): 1, (4, 4): 1, (1, 1): 1}  # b: not reassessed
    assert level_counts(bundle) == {"high": 3}  # 19, 19 and 20: a table lookup, not 4×4=16 or 1×5
    assert level_counts(bundle, residual=True) == {"low": 1, "high": 1, "very_low": 1}


def test_file_names_and_formats() -> None:
    assert file_name("serang", "minutes", "html") == "serang-minutes.html"
    assert with_format("/a/b-minutes.md", "html") == "/a/b-minutes.html"
    assert with_format("/a/notulen.txt", "html") == "/a/notulen.txt"


def test_an_unknown_document_or_format_is_refused() -> None:
    with pytest.raises(ValueError):
        render_document(_bundle(), "report", "md", "id")
    with pytest.raises(ValueError):
        render_document(_bundle(), "minutes", "pdf", "id")
