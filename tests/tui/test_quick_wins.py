"""Quick-win scoring and choice by keys: score, reweigh, rank, choose."""

from __future__ import annotations

from core.models import Innovation, QuickWin, QuickWinScore
from data import innovations as board
from data.store import WorkshopStore
from screens.quick_win_grid import ImpactEffortScreen
from screens.quick_wins import QuickWinScreen
from tests.support import press, settle
from tui.app import make_app


def seed(path) -> None:
    store = WorkshopStore.open(path)
    for title in ("Serang Tatu", "Pojok Dolan"):
        board.create(store, Innovation(title=title, dimension="GOV", element="GOV-1", quick_win=QuickWin.CANDIDATE))
    board.create(store, Innovation(title="Pesan Ibu", dimension="ENV", element="ENV-2", quick_win=QuickWin.CANDIDATE))
    store.close()


def read(path, cls) -> list:
    store = WorkshopStore.open(path)
    try:
        return store.all(cls)
    finally:
        store.close()


def ranked_titles(screen: QuickWinScreen) -> list[str]:
    return [r.innovation.title for r in screen.ranking]


async def open_quick_wins(pilot) -> QuickWinScreen:
    await settle(pilot)
    await press(pilot, "1", "p")
    assert isinstance(pilot.app.screen, QuickWinScreen)
    return pilot.app.screen


async def test_score_rank_and_choose_a_quick_win(workshop_path):
    seed(workshop_path)
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        screen = await open_quick_wins(pilot)
        assert ranked_titles(screen) == ["Pojok Dolan", "Serang Tatu"]  # no scores yet: by title
        await press(pilot, "down", "4")  # Serang Tatu, first criterion (one_year, weight 2)
        assert read(workshop_path, QuickWinScore) == [
            QuickWinScore(innovation_id=1, criterion="one_year", score=4)]
        assert ranked_titles(screen) == ["Serang Tatu", "Pojok Dolan"]
        assert screen.current.innovation.title == "Serang Tatu"  # the cursor followed the card
        assert screen.current.total == 8
        await press(pilot, "right", "5")  # citizen_benefit, weight 3
        assert screen.current.total == 8 + 15
        await press(pilot, "plus")
        assert screen.current.total == 8 + 20 and screen.current.terms[1].weight == 4
        await press(pilot, "enter")
        assert {i.title: i.quick_win for i in read(workshop_path, Innovation)}["Serang Tatu"] is QuickWin.SELECTED


async def test_the_explanation_shows_scores_weights_and_points(workshop_path):
    seed(workshop_path)
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        screen = await open_quick_wins(pilot)
        await press(pilot, "3")
        terms = screen.query_one("#qw-terms")
        assert [str(c) for c in terms.get_row_at(0)] == ["Deliverable within one year", "3", "× 2", "= 6"]
        assert "not scored" in [str(c) for c in terms.get_row_at(1)]
        assert "Total 6 of 65" in str(screen.query_one("#qw-total").render())
        await press(pilot, "0")
        assert read(workshop_path, QuickWinScore) == []


async def test_d_ranks_every_dimension(workshop_path):
    seed(workshop_path)
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        screen = await open_quick_wins(pilot)
        await press(pilot, "d")
        assert sorted(ranked_titles(screen)) == ["Pesan Ibu", "Pojok Dolan", "Serang Tatu"]
        await press(pilot, "escape")
        assert not isinstance(pilot.app.screen, QuickWinScreen)


def score(path, title: str, **scores: int) -> None:
    store = WorkshopStore.open(path)
    item = next(i for i in store.all(Innovation) if i.title == title)
    for criterion, value in scores.items():
        store.save(QuickWinScore(innovation_id=item.id, criterion=criterion, score=value))
    store.close()


async def test_the_impact_effort_grid_places_candidates_and_the_arrows_walk_it(workshop_path):
    seed(workshop_path)
    score(workshop_path, "Serang Tatu", citizen_benefit=5, low_cost=4, one_year=4)   # quick win
    score(workshop_path, "Pojok Dolan", citizen_benefit=2, low_cost=1)               # reconsider
    async with make_app(workshop_path).run_test(size=(100, 30)) as pilot:
        await open_quick_wins(pilot)
        await press(pilot, "g")
        grid = pilot.app.screen
        assert isinstance(grid, ImpactEffortScreen)
        assert [[r.innovation.title for r in cell.candidates] for cell in grid.cells] == [
            ["Serang Tatu"], [], [], ["Pojok Dolan"]]
        assert grid.current.innovation.title == "Serang Tatu"
        await press(pilot, "down", "right")
        assert grid.focused is grid.cells[3] and grid.current.innovation.title == "Pojok Dolan"
        await press(pilot, "up", "left", "enter")
        assert {i.title: i.quick_win for i in read(workshop_path, Innovation)}["Serang Tatu"] is QuickWin.SELECTED
        assert "★" in str(grid.cells[0].get_option_at_index(0).prompt)
