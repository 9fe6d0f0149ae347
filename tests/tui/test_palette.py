"""The command palette offers what the current screen allows, as the footer shows it."""

from __future__ import annotations

from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import Footer

from tests.support import press, settle, wait_until
from tui.app import make_app


def palette_commands(app) -> list[str]:
    """The commands the open palette lists, as the user reads them."""
    listed = app.screen.query_one(CommandList)
    prompts = [listed.get_option_at_index(n).prompt for n in range(listed.option_count)]
    return [str(getattr(prompt, "renderable", prompt)) for prompt in prompts]  # "no matches" is centred


def footer_state(app) -> dict[str, bool]:
    """Each footer key's description → whether the footer shows it as available."""
    return {key.description: not key.has_class("-disabled") for key in app.screen.query_one(Footer).query("FooterKey")}


async def test_a_command_the_footer_shows_unavailable_is_not_in_the_palette(seeded_path):
    """On an empty board (Smart Economy has no cards) there is no card to edit or review."""
    app = make_app(seeded_path, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "3")
        footer = footer_state(app)
        assert footer["Edit"] is False and footer["Add"] is True
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        commands = palette_commands(app)
        assert "Add" in commands
        assert "Edit" not in commands and "Review" not in commands


async def test_the_palette_offers_card_commands_once_a_card_is_highlighted(seeded_path):
    app = make_app(seeded_path, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "ctrl+p")
        assert {"Add", "Edit", "Review"} <= set(palette_commands(app))


async def test_the_palette_speaks_indonesian_in_the_indonesian_ui(seeded_path):
    """Its prompt, its "no matches" line and every command it lists are Indonesian."""
    app = make_app(seeded_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        assert app.screen.query_one(CommandInput).placeholder == "Cari perintah…"
        commands = palette_commands(app)
        assert "Bantuan" in commands and "Keluar" in commands
        assert not {"Keys", "Maximize", "Quit", "Screenshot", "Theme"} & set(commands)
        await press(pilot, *"zzzq")
        await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count == 1, what="no matches")
        assert palette_commands(app) == ["Tidak ada perintah yang cocok"]
