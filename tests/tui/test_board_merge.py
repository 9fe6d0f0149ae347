"""Choosing *merge* on the board asks into which card, and the card says so."""

from __future__ import annotations

from core.models import ReviewOutcome
from screens.dialogs.merge_picker import MergePicker
from tests.support import press, settle
from tests.tui.test_board import open_board, stored
from tui.app import make_app
from tui.widgets.innovation_card import card_text


async def test_merge_asks_into_which_card_and_the_card_shows_it(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "r", "r", "r", "r")  # continue, improve, stop, merge
        picker = pilot.app.screen
        assert isinstance(picker, MergePicker)
        titles = [title for title, _key in picker.targets]
        assert "Serang Tatu" not in titles and "Perbup Satu Data" in titles
        await press(pilot, *["down"] * titles.index("Perbup Satu Data"), "enter")
        await settle(pilot)
        serang = stored(seeded_path)["Serang Tatu"]
        assert serang.review_outcome is ReviewOutcome.MERGE
        assert serang.merge_into_id == stored(seeded_path)["Perbup Satu Data"].id
        assert "⇒ Perbup Satu Data" in str(card_text(board.card, {}))


async def test_escape_on_the_question_steps_past_merge(seeded_path):
    async with make_app(seeded_path).run_test(size=(120, 40)) as pilot:
        await open_board(pilot)
        await press(pilot, "r", "r", "r", "r", "escape")
        await settle(pilot)
        assert stored(seeded_path)["Serang Tatu"].review_outcome is None
