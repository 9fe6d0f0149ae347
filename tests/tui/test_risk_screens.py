"""The risk screens driven by keys (Pilot): walking the grid, the cell list, the form, the register.

Each test runs the real app over a workshop file in ``tmp_path`` holding the known register
of ``tests/risk_seed.py``, and checks the screen's state and the stored rows.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

import pytest
from textual.widgets import DataTable

from core.models import Risk
from data.store import WorkshopStore
from screens.forms.risk_form import RiskFormScreen
from screens.overview import OverviewScreen
from screens.risk_heatmap import RiskHeatmapScreen
from screens.risk_register import RiskRegisterScreen
from tests.support import settle, wait_until
from tui.app import make_app
from tui.widgets.risk_heatmap import HeatmapCell, RiskHeatmap


@pytest.fixture
def workshop(risk_workshop):
    return risk_workshop


@asynccontextmanager
async def heatmap_app(path, **settings):
    """The app with the risk heatmap open and loaded."""
    app = make_app(path, language="en", **settings)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            await settle(pilot)
            yield app, pilot
    finally:
        app.store.close()


def grid(app) -> RiskHeatmap:
    return app.screen.query_one(RiskHeatmap)


def cell_text(app, likelihood: int, impact: int) -> str:
    return str(app.screen.query_one(f"#cell-{likelihood}-{impact}", HeatmapCell).render())


async def test_walk_the_grid_by_keys(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        assert isinstance(app.screen, RiskHeatmapScreen)
        assert app.focused is grid(app) and grid(app).cursor == (5, 1)
        await pilot.press("right", "right", "right", "right")
        assert grid(app).cursor == (5, 5) and grid(app).count_at((5, 5)) == 2
        assert grid(app).query_one("#cell-5-5").has_class("-cursor", "-band-red")
        assert "25 ST" in cell_text(app, 5, 5) and "2" in cell_text(app, 5, 5)
        await pilot.press("right", "up")  # the edges hold the cursor
        assert grid(app).cursor == (5, 5)
        await pilot.press("down", "left", "left")
        assert grid(app).cursor == (4, 3) and grid(app).count_at((4, 3)) == 1
        assert "16 T" in cell_text(app, 4, 3)
        await pilot.press(*["down"] * 6, *["left"] * 6)
        assert grid(app).cursor == (1, 1)
        assert not grid(app).query_one("#cell-4-3").has_class("-cursor")


async def test_cell_list_follows_the_cursor_and_opens_a_risk(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        table = app.screen.query_one("#risk-cell-list", DataTable)
        await pilot.press(*["right"] * 4)
        assert table.row_count == 2
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("enter")
        assert isinstance(app.screen, RiskFormScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, RiskHeatmapScreen)
        await pilot.press("escape")
        assert app.focused is grid(app)
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)


async def test_toggle_residual_and_summary(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        summary = str(app.screen.query_one("#risk-summary").render())
        assert "Inherent risk" in summary and "2 risks moved down a level" in summary
        await pilot.press("t")
        assert "Residual risk" in str(app.screen.query_one("#risk-summary").render())
        assert grid(app).count_at((5, 5)) == 0 and grid(app).count_at((2, 3)) == 2


async def test_filter_by_dimension_and_clear(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("d")  # GOV
        await settle(pilot)
        assert app.screen.filters.dimension == "GOV"
        assert sum(h.count for row in grid(app).cells for h in row) == 3
        await pilot.press("0")
        await settle(pilot)
        assert sum(h.count for row in grid(app).cells for h in row) == 6


async def test_switching_bands_recomputes_levels(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        assert "15 S" in cell_text(app, 5, 2)
        await pilot.press("s")
        await settle(pilot)
        assert "15 T" in cell_text(app, 5, 2) and "20 ST" in cell_text(app, 1, 5)


async def test_edit_elsewhere_shows_up(workshop):
    async with heatmap_app(workshop, poll_interval=0.05) as (app, pilot):
        other = WorkshopStore.open(workshop)
        risk = other.all(Risk, event="Data leak")[0]
        other.save(risk.model_copy(update={"likelihood": 1, "impact": 1}))
        other.close()
        await wait_until(pilot, lambda: grid(app).count_at((1, 1)) == 2, timeout=2.0, what="the other edit")
        assert grid(app).count_at((1, 1)) == 2 and grid(app).count_at((3, 3)) == 0


async def test_add_risk_from_register_with_validation(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RiskRegisterScreen)
        assert app.screen.table.row_count == 6
        await pilot.press("a")
        await pilot.press("ctrl+s")
        form = app.screen
        assert isinstance(form, RiskFormScreen)
        assert "Required" in form.row("event").refusal
        assert "Required" in str(form.query_one("#error-event").render())
        assert form.row("innovation_id").refusal
        assert app.focused is form.query_one("#field-innovation_id")  # the first refused field
        await pilot.press("enter", "down", "enter")  # pick the first innovation
        await pilot.press("tab", "tab", "tab", *"Flood")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RiskRegisterScreen) and app.screen.table.row_count == 7
        assert len(app.store.all(Risk, event="Flood")) == 1


async def test_delete_asks_first(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("delete", "n")
        await settle(pilot)
        assert len(app.store.all(Risk)) == 6
        await pilot.press("delete", "y")
        await settle(pilot)
        assert len(app.store.all(Risk)) == 5 and app.screen.table.row_count == 5


async def test_x_deletes_on_the_register_as_on_boards_and_plans(workshop):
    """`x` means delete on every screen; it no longer clears the filters here."""
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("d", "r")
        await settle(pilot)
        await pilot.press("x", "y")
        await settle(pilot)
        assert len(app.store.all(Risk)) == 5 and app.screen.filters.dimension == "GOV"


async def test_appetite_is_editable_and_validated(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("p", "ctrl+u", *"30", "enter")
        assert "25 or less" in str(app.screen.query_one("#appetite-error").render())
        await pilot.press("ctrl+u", *"15", "enter")
        await settle(pilot)
        assert app.store.workshop().risk_appetite == 15
        assert isinstance(app.screen, RiskRegisterScreen)
        table = app.screen.table
        needs = {table.get_row_at(n)[1]: table.get_row_at(n)[3] for n in range(table.row_count)}
        assert needs["Data leak"] == "no" and needs["Staff not trained"] == "yes"


async def test_note_typed_on_a_risk_is_attached_to_it(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press(*["right"] * 4, "enter")
        context = app.screen.capture_context()
        assert context.target_type.value == "risk" and context.label == "Vendors do not sign up"
        assert context.dimension == "ECO"


async def test_add_from_heatmap_starts_in_the_cursor_cell(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("down", "right", "right", "a")  # likelihood 4, impact 3
        form = app.screen
        assert isinstance(form, RiskFormScreen)
        assert form.query_one("#field-likelihood").value == 4 and form.query_one("#field-impact").value == 3
        assert "magnitude 16" in str(form.query_one("#preview-impact").render())


async def test_register_narrows_to_one_innovation(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("i")  # the first row's innovation: Pasar Digital
        await settle(pilot)
        assert app.screen.table.row_count == 2
        assert "Pasar Digital" in str(app.screen.query_one("#register-filters").render())
        await pilot.press("a")
        assert app.screen.query_one("#field-innovation_id").value == app.store.all(Risk)[3].innovation_id
        await pilot.press("escape", "i")
        await settle(pilot)
        assert app.screen.table.row_count == 6


async def test_treatment_options_follow_the_type(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press(*["right"] * 4, "enter", "enter")
        form = app.screen
        options = form.query_one("#field-treatment_option")
        assert "mitigasi" in [value for _, value in options._options]
        form.query_one("#field-type").focus()
        await pilot.press("enter", "down", "enter")
        assert form.query_one("#field-type").value == "positive"
        assert "eksploitasi" in [value for _, value in options._options]
        assert "mitigasi" not in [value for _, value in options._options]


async def test_a_value_outside_the_reference_is_kept(workshop):
    store = WorkshopStore.open(workshop)
    risk = store.all(Risk, event="Data leak")[0]
    store.save(risk.model_copy(update={"category": "Kategori daerah sendiri"}))
    store.close()
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("left", "down", "down", "right", "right", "enter", "enter")  # cell (3, 3)
        assert app.screen.query_one("#field-category").value == "Kategori daerah sendiri"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.all(Risk, event="Data leak")[0].category == "Kategori daerah sendiri"


async def test_delete_from_the_cell_list(workshop):
    async with heatmap_app(workshop) as (app, pilot):
        await pilot.press("down", "right", "right", "enter", "delete", "y")  # cell (4, 3)
        await settle(pilot)
        assert [r.event for r in app.store.all(Risk, event="Staff not trained")] == []
        assert grid(app).count_at((4, 3)) == 0
