"""Wide tables at 80 columns: sideways by whole columns, cuts marked, what matters first."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from screens.action_plan import ActionPlanScreen
from tests.support import press, settle, wait_until
from tui.app import make_app


def header(table: DataTable) -> str:
    """The table's heading line as drawn."""
    return table.render_line(0).text


async def open_demo_plan(pilot) -> DataTable:
    """The action plan of the demo's MPP innovation (the one with the long activity)."""
    await settle(pilot)
    await press(pilot, "a", *"Mal", "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ActionPlanScreen), what="the plan")
    await settle(pilot)
    return pilot.app.screen.query_one("#plan-table", DataTable)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_plan_scrolls_sideways_by_whole_columns(demo_path, size):
    """Before: after a few presses of → the first scrolled column began mid-word (``026``,
    ``aran``) right after the fixed activity column, and read as part of it."""
    app = make_app(demo_path, language="id")
    async with app.run_test(size=size) as pilot:
        table = await open_demo_plan(pilot)
        labels = [str(column.label) for column in table.ordered_columns]
        fixed = sum(column.get_render_width(table) for column in table.ordered_columns[:2])
        for _ in range(len(labels)):
            await press(pilot, "right")
            line = header(table)
            scrolled = line[fixed:]
            first = scrolled.split("  ")[0].strip()
            assert first in labels, f"{first!r} is part of a column heading: {line!r}"
            cursor = labels[table.cursor_column]
            assert f" {cursor} " in f"{line} ", f"the cursor's column {cursor!r} is not shown whole: {line!r}"
        assert table.cursor_column == len(labels) - 1


async def test_a_cut_is_marked_with_an_ellipsis(demo_path):
    """The activity column cuts a long activity, and the right edge cuts a column: both end in …"""
    app = make_app(demo_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_demo_plan(pilot)
        row = table.render_line(1).text
        assert "Integrasi antrean dan pelac…" in row
        await press(pilot, *["right"] * 17)
        line = table.render_line(1).text.rstrip()
        assert "Persentase kunjunga" in line and line.endswith("…"), line
