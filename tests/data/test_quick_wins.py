"""Quick-win scores, weights and the choice, stored in a workshop file."""

from __future__ import annotations

import pytest

from core.models import Innovation, QuickWin, Workshop
from data import innovations as board
from data import quick_wins
from data.workshops import new_workshop


@pytest.fixture
def store(tmp_path):
    opened = new_workshop(tmp_path / "w.rembuk", Workshop(region="Kabupaten Uji"))
    yield opened
    opened.close()


def add(store, title, element="GOV-1", quick_win=QuickWin.CANDIDATE) -> Innovation:
    return board.create(store, Innovation(title=title, dimension=element[:3], element=element,
                                          quick_win=quick_win))


def test_only_candidates_are_ranked_per_dimension_or_overall(store):
    add(store, "gov"), add(store, "eco", "ECO-1"), add(store, "not", quick_win=QuickWin.NONE)
    assert [r.innovation.title for r in quick_wins.ranking(store, "GOV")] == ["gov"]
    assert {r.innovation.title for r in quick_wins.ranking(store)} == {"gov", "eco"}


def test_scores_and_weights_decide_the_rank(store):
    a, b = add(store, "A"), add(store, "B")
    quick_wins.set_score(store, a.id, "one_year", 5)       # default weight 2: 10
    quick_wins.set_score(store, b.id, "citizen_benefit", 4)  # default weight 3: 12
    assert [r.innovation.title for r in quick_wins.ranking(store, "GOV")] == ["B", "A"]
    quick_wins.set_weight(store, "one_year", 3)             # A: 15
    assert [(r.innovation.title, r.total) for r in quick_wins.ranking(store, "GOV")] == [("A", 15), ("B", 12)]


def test_a_score_can_be_changed_and_cleared(store):
    a = add(store, "A")
    quick_wins.set_score(store, a.id, "risk", 2)
    quick_wins.set_score(store, a.id, "risk", 4)
    assert quick_wins.ranking(store)[0].total == 4
    quick_wins.set_score(store, a.id, "risk", None)
    assert quick_wins.ranking(store)[0].total == 0


def test_weights_stay_between_0_and_10(store):
    quick_wins.set_weight(store, "risk", 12)
    quick_wins.set_weight(store, "novelty", -1)
    assert (quick_wins.weights(store)["risk"], quick_wins.weights(store)["novelty"]) == (10, 0)


def test_choosing_keeps_the_scores(store):
    a = add(store, "A")
    quick_wins.set_score(store, a.id, "risk", 3)
    chosen = quick_wins.choose(store, a, True)
    assert chosen.quick_win is QuickWin.SELECTED
    quick_wins.choose(store, chosen, False)
    assert quick_wins.ranking(store)[0].total == 3
