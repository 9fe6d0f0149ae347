"""Moving in a long list redraws the rows that change, not the screen (issue 15).

Each test records the screen lines the app sends the terminal after one key (what a facilitator
on a slow SSH link pays for): a move within the visible rows rewrites the row the cursor leaves
and the row it lands on; a move past the edge scrolls, and the new rows are on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.geometry import Region

from core.models import ActionStep, Innovation
from data.store import WorkshopStore
from screens.risk_heatmap import RiskHeatmapScreen
from screens.roadmap import RoadmapScreen
from tests.support import press, settle, wait_until
from tui.app import make_app
from tui.widgets.roadmap_view import CURSOR_MARK, RoadmapView


@contextmanager
def written(app) -> Iterator[list[tuple[int, int, int]]]:
    """The spans ``(line, first column, column past the last)`` the app writes inside the block."""
    spans: list[tuple[int, int, int]] = []
    display = app._display

    def recording(screen, renderable):
        if isinstance(renderable, ChopsUpdate):
            spans.extend(renderable.spans)
        elif isinstance(renderable, LayoutUpdate):
            region = renderable.region
            spans.extend((y, region.x, region.right) for y in range(region.y, region.bottom))
        return display(screen, renderable)

    app._display = recording
    try:
        yield spans
    finally:
        app._display = display


@contextmanager
def written_lines(app) -> Iterator[set[int]]:
    """The screen lines (0 at the top) the app writes to the terminal inside the block."""
    lines: set[int] = set()
    with written(app) as spans:
        yield lines
    lines.update(y for y, _, _ in spans)


def touches(spans: list[tuple[int, int, int]], region: Region) -> bool:
    """Whether any written span covers part of ``region``."""
    return any(region.y <= y < region.bottom and x1 < region.right and region.x < x2 for y, x1, x2 in spans)


def steps_workshop(store: WorkshopStore) -> None:
    """Three innovations of twenty steps each: more rows than a 24-line screen shows."""
    innovations = store.save_all([Innovation(title=f"Inovasi {n}", dimension="GOV", element="GOV-1", position=n)
                                  for n in range(1, 4)])
    store.save_all([ActionStep(innovation_id=i.id, activity=f"Langkah {n}.{k:02}", start_year=2025,
                               end_year=2026, budget={2025: 1_000_000}, position=k)
                    for n, i in enumerate(innovations, 1) for k in range(1, 21)])


def marked(view: RoadmapView) -> list[str]:
    """The view's lines that carry the cursor mark, as the screen shows them."""
    return [text for y in range(view.size.height) if (text := view.render_line(y).text).startswith(CURSOR_MARK)]


async def test_a_move_in_the_roadmap_rewrites_two_lines_and_a_jump_shows_the_end(make_workshop):
    app = make_app(make_workshop(seed=steps_workshop), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "m")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen) and app.screen.data is not None)
        await settle(pilot)
        view = app.screen.query_one(RoadmapView)
        await press(pilot, "down")
        with written_lines(app) as lines:
            await press(pilot, "down")
        top = view.region.y + 1  # the column heads take the view's first line
        assert lines == {top + 1, top + 2}, f"a move rewrote lines {sorted(lines)}"
        assert [m.split()[0] for m in marked(view)] == [CURSOR_MARK]
        assert "Langkah 1.01" in marked(view)[0]
        await press(pilot, "end")
        assert "Langkah 3.20" in marked(view)[0]
        with written_lines(app) as lines:
            await press(pilot, "up")
        assert len(lines) == 2 and "Langkah 3.19" in marked(view)[0]


async def test_a_move_on_the_heatmap_repaints_the_two_cells_and_the_list_beside(risk_workshop):
    """Before, each arrow repainted all 25 cells of the grid (2.7 K screen cells per key at 120×40)."""
    app = make_app(risk_workshop, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        assert isinstance(app.screen, RiskHeatmapScreen)
        cell = {(lk, im): app.screen.query_one(f"#cell-{lk}-{im}").region for lk in range(1, 6) for im in range(1, 6)}
        title = app.screen.query_one("#risk-cell-title")
        with written(app) as spans:
            await press(pilot, "right")
        assert touches(spans, cell[5, 1]) and touches(spans, cell[5, 2]), "the cursor's cells were not redrawn"
        assert touches(spans, title.region), "the list beside did not follow"
        assert [c for c in cell if c not in ((5, 1), (5, 2)) and touches(spans, cell[c])] == []
        assert "▸" in str(app.screen.query_one("#cell-5-2").render())
        assert "▸" not in str(app.screen.query_one("#cell-5-1").render())
