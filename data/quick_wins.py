"""Quick-win scoring in the workshop file: candidates, their scores, the weights, the choice.

Scores and candidates are kept when a candidate is not selected, so the minutes can show
what was weighed as well as what was chosen.
"""

from __future__ import annotations

from core.models import Innovation, QuickWin, QuickWinScore
from core.quick_wins import Ranked, effective_weights, rank
from data.store import WorkshopStore

CANDIDATES = (QuickWin.CANDIDATE.value, QuickWin.SELECTED.value)
"""The quick-win values of an innovation that is weighed for quick-win selection."""


def candidates(store: WorkshopStore, dimension: str | None = None) -> list[Innovation]:
    """The quick-win candidates (and chosen quick wins) of one dimension, or of all."""
    if dimension is None:
        return store.all(Innovation, quick_win=CANDIDATES, order=("dimension", "position", "id"))
    return store.all(Innovation, quick_win=CANDIDATES, dimension=dimension, order=("position", "id"))


def weights(store: WorkshopStore) -> dict[str, int]:
    """Each criterion's weight in this workshop."""
    return effective_weights(store.reference().quick_win_criteria, store.quick_win_weights())


def ranking(store: WorkshopStore, dimension: str | None = None) -> list[Ranked]:
    """The candidates ranked by their weighted scores, each with its explanation."""
    found = candidates(store, dimension)
    ids = [item.id for item in found]
    scores = store.all(QuickWinScore, innovation_id=ids)
    return rank(found, scores, store.reference().quick_win_criteria, weights(store))


def set_score(store: WorkshopStore, innovation_id: int, criterion: str, score: int | None) -> None:
    """Score a candidate on one criterion (1–5), or clear the score with ``None``."""
    if score is None:
        with store.write() as db:
            db.execute("DELETE FROM quick_win_scores WHERE innovation_id = ? AND criterion = ?",
                       [innovation_id, criterion])
        return
    store.save(QuickWinScore(innovation_id=innovation_id, criterion=criterion, score=score))


def set_weight(store: WorkshopStore, criterion: str, weight: int) -> None:
    """Change one criterion's weight for this workshop (0–10)."""
    current = store.quick_win_weights()
    current[criterion] = max(0, min(10, weight))
    store.save_quick_win_weights(current)


def choose(store: WorkshopStore, innovation: Innovation, selected: bool) -> Innovation:
    """Make a candidate the dimension's quick win, or a candidate again."""
    value = QuickWin.SELECTED if selected else QuickWin.CANDIDATE
    return store.save(innovation.model_copy(update={"quick_win": value}))
