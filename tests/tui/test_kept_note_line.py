"""A note half-typed on a card comes back, after the terminal went away, still about that card."""

from __future__ import annotations

from textual.widgets import Label

from core.models import Note, TargetType
from data.store import WorkshopStore
from tests.support import press, settle
from tui.app import make_app


def card_notes(path) -> list[tuple[str, TargetType, int | None]]:
    store = WorkshopStore.open(path)
    try:
        return [(n.text, n.target_type, n.target_id) for n in store.all(Note)]
    finally:
        store.close()


async def test_a_card_note_kept_at_hang_up_is_offered_about_the_card_and_saved_on_it(seeded_path):
    first = make_app(seeded_path, language="en")
    async with first.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "1")
        card = pilot.app.screen.card.innovation
        await press(pilot, "n", *"Perlu integrasi dengan SIAK")
        first.capture.save_draft_now()  # what a hang-up does before the process ends

    again = make_app(seeded_path, language="en")
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        title = pilot.app.screen.query_one("#capture-title", Label)
        assert f"Note → {card.title}" in str(title.render())
        await press(pilot, "enter")
        await settle(pilot)
    assert card_notes(seeded_path) == [("Perlu integrasi dengan SIAK", TargetType.INNOVATION, card.id)]
