"""Moving in a long list redraws the rows that change, not the screen (issue 15).

Each test records the screen lines the app sends the terminal after one key (what a facilitator
on a slow SSH link pays for): a move within the visible rows rewrites the row the cursor leaves
and the row it lands on; a move past the edge scrolls, and the new rows are on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual._compositor import ChopsUpdate, LayoutUpdate

from core.models import ActionStep, Innovation
from data.store import WorkshopStore
from screens.roadmap import RoadmapScreen
from tests.support import press, settle, wait_until
from tui.app import make_app
from tui.widgets.roadmap_view import CURSOR_MARK, RoadmapView


@contextmanager
def written_lines(app) -> Iterator[set[int]]:
    """The screen lines (0 at the top) the app writes to the terminal inside the block."""
    lines: set[int] = set()
    display = app._display

    def recording(screen, renderable):
        if isinstance(renderable, ChopsUpdate):
            lines.update(y for y, _, _ in renderable.spans)
        elif isinstance(renderable, LayoutUpdate):
            lines.update(range(renderable.region.y, renderable.region.bottom))
        return display(screen, renderable)

    app._display = recording
    try:
        yield lines
    finally:
        app._display = display


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
