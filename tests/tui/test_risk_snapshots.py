"""SVG snapshots of the risk heatmap at the projector size (80×24) and a large terminal (160×48)."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from tests.support import settle, wait_until
from tui.app import make_app


@pytest.fixture
def app(risk_workshop):
    app = make_app(risk_workshop, language="en")
    yield app
    app.store.close()


async def open_heatmap_on_top_cell(pilot) -> None:
    """From the overview: r opens the heatmap; the cursor goes to 25 ST, which holds two risks."""
    await pilot.press("r")
    await settle(pilot)
    await pilot.press(*["right"] * 4)
    await settle(pilot)


def test_heatmap_80x24(app, snap_compare):
    """At 80×24 all 25 cells show magnitude, letter and count, with axes, summary, filters and
    the cursor cell's two risks beside the grid, and the footer's keys."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_heatmap_on_top_cell)


def test_heatmap_160x48(app, snap_compare):
    """At 160×48 the grid grows with the room it has and the cell list shows full titles."""
    assert snap_compare(app, terminal_size=(160, 48), run_before=open_heatmap_on_top_cell)


async def open_register(pilot) -> None:
    """Overview → heatmap (r) → register (r), with its rows read (a snapshot taken before them
    shows the columns shrunk to their headers)."""
    for _ in range(2):
        await pilot.press("r")
        await settle(pilot)
    await wait_until(pilot, lambda: pilot.app.screen.query_one(DataTable).row_count > 0, what="the register's rows")
    await settle(pilot)


def test_register_80x24(app, snap_compare):
    """The register at 80×24: every risk with level and residual level shown as magnitude,
    name and letter, needs-treatment against the appetite, and the register's keys."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_register)


async def refuse_empty_event(pilot) -> None:
    """Open the first risk of the register, clear its event and try to save."""
    await open_register(pilot)
    await pilot.press("enter")
    await settle(pilot)
    pilot.app.screen.query_one("#field-event", Input).focus()  # the form opens on its first field
    await pilot.press("ctrl+u", "ctrl+s")
    await pilot.pause()


def test_form_error_beside_field_80x24(app, snap_compare):
    """The risk form at 80×24 refuses an empty event with the message right under the field,
    and previews magnitude and level for the chosen likelihood and impact."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=refuse_empty_event)
