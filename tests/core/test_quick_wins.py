"""Quick-win ranking: totals, weights, ties and the explanation terms."""

from __future__ import annotations

from core.models import Criterion, Innovation, Label, QuickWinScore
from core.quick_wins import Quadrant, effective_weights, quadrant, rank

CRITERIA = [
    Criterion(key="fast", name=Label(id="Cepat", en="Fast"), weight=2),
    Criterion(key="benefit", name=Label(id="Manfaat", en="Benefit"), weight=3),
]


def card(number: int, title: str) -> Innovation:
    return Innovation(id=number, title=title, dimension="GOV", element="GOV-1")


def test_total_is_score_times_weight_and_missing_scores_count_nothing():
    [ranked] = rank([card(1, "A")], [QuickWinScore(innovation_id=1, criterion="fast", score=4)],
                    CRITERIA, {"fast": 2, "benefit": 3})
    assert [(t.score, t.weight, t.points) for t in ranked.terms] == [(4, 2, 8), (None, 3, 0)]
    assert (ranked.total, ranked.maximum, ranked.percent, ranked.complete) == (8, 25, 32, False)


def test_weights_change_the_order():
    scores = [QuickWinScore(innovation_id=1, criterion="fast", score=5),
              QuickWinScore(innovation_id=2, criterion="benefit", score=4)]
    cards = [card(1, "Fast one"), card(2, "Useful one")]
    assert [r.innovation.title for r in rank(cards, scores, CRITERIA, {"fast": 2, "benefit": 3})] == \
        ["Useful one", "Fast one"]
    assert [r.innovation.title for r in rank(cards, scores, CRITERIA, {"fast": 4, "benefit": 1})] == \
        ["Fast one", "Useful one"]


def test_ties_put_complete_scoring_first_then_title():
    scores = [QuickWinScore(innovation_id=1, criterion="fast", score=3),
              QuickWinScore(innovation_id=2, criterion="fast", score=2),
              QuickWinScore(innovation_id=2, criterion="benefit", score=2)]
    weights = {"fast": 2, "benefit": 1}  # B: 6, not all scored; C: 6, all scored; A: 0
    assert [r.innovation.title for r in rank([card(1, "B"), card(2, "C"), card(3, "A")], scores,
                                             CRITERIA, weights)] == ["C", "B", "A"]


def test_workshop_weights_override_the_defaults():
    assert effective_weights(CRITERIA, {"benefit": 5}) == {"fast": 2, "benefit": 5}


def grid_criteria() -> list[Criterion]:
    return [Criterion(key=k, name=Label(id=k, en=k)) for k in ("citizen_benefit", "low_cost", "one_year")]


def placed(scores: dict[str, int]):
    [ranked] = rank([card(1, "A")], [QuickWinScore(innovation_id=1, criterion=k, score=v) for k, v in scores.items()],
                    grid_criteria(), {})
    return quadrant(ranked)


def test_the_grid_places_by_impact_and_ease():
    assert placed({"citizen_benefit": 4, "low_cost": 5, "one_year": 3}) is Quadrant.QUICK_WIN
    assert placed({"citizen_benefit": 4, "low_cost": 1, "one_year": 2}) is Quadrant.MAJOR
    assert placed({"citizen_benefit": 2, "low_cost": 4}) is Quadrant.FILL_IN
    assert placed({"citizen_benefit": 1, "one_year": 1}) is Quadrant.THANKLESS


def test_a_candidate_is_not_placed_until_impact_and_ease_are_scored():
    assert placed({"citizen_benefit": 5}) is None
    assert placed({"low_cost": 5}) is None
