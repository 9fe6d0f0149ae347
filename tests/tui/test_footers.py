"""At 80 columns, in Indonesian and English, the footers show every key they list whole, none cut at the edge."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Footer

from screens.action_plan import ActionPlanScreen
from screens.agenda import AgendaScreen
from screens.people import PeopleScreen
from screens.preview import PreviewScreen
from screens.risk_heatmap import RiskHeatmapScreen
from screens.risk_register import RiskRegisterScreen
from screens.roadmap import RoadmapScreen
from tests.support import press, settle, wait_until
from tui.app import make_app


def cut_keys(app) -> list[str]:
    """The footer keys drawn only in part: over the palette key or past the screen's edge."""
    keys = list(app.screen.query_one(Footer).query("FooterKey"))
    palette = next(key for key in keys if key.has_class("-command-palette"))
    return [f"{key.key_display} {key.description}" for key in keys
            if key is not palette and key.region.right > palette.region.x]


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(("keys", "screen"), [
    (["p"], PreviewScreen),
    (["r", "r"], RiskRegisterScreen),
    (["a", *"Mal", "enter"], ActionPlanScreen),
    (["m"], RoadmapScreen),
    (["o"], PeopleScreen),
    (["r"], RiskHeatmapScreen),
    (["t"], AgendaScreen),
])
async def test_no_footer_key_is_cut_at_80_columns(demo_path, language, keys, screen):
    """Once cut: ``q Kelu`` on the registers of people, ``f1 Ba`` on the heatmap, ``n Cat`` on the agenda."""
    app = make_app(demo_path, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, *keys)
        await wait_until(pilot, lambda: isinstance(app.screen, screen), what=screen.__name__)
        await settle(pilot)
        assert cut_keys(app) == []


async def test_the_roadmap_filter_says_its_keys_whole(demo_path):
    app = make_app(demo_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "m", "f")
        hint = app.screen.query_one("#filter-hint")
        assert str(hint.render()).endswith("Esc batal") and hint.region.right <= hint.parent.content_region.right


async def test_attendance_shows_at_80_columns_before_the_long_positions(demo_path):
    """Who and present each day come first, then agency and role; positions last."""
    app = make_app(demo_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "o", "p")
        table = app.screen.query_one("#participant-table", DataTable)
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels[:5] == ["Nama", "H1", "H2", "OPD", "Peran"] and labels[-1] == "Jabatan"
        shown = sum(column.get_render_width(table) for column in table.ordered_columns[:5])
        assert shown <= table.scrollable_content_region.width
