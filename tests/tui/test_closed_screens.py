"""A closed screen is let go: opening and closing boards and the heatmap all day does not grow
the process.

Every board, heatmap or list opened and closed stayed in memory: the screen's terminal mirror
was subscribed to the app's resumption signal, which keeps its subscribers until it is next
sent. What Textual itself kept (the rendered lines of the last 1,024 widgets in its styles
cache, each screen's header among the watchers of the app's title) is let go by
``tui.textual_leaks``. On the stress workshop each heatmap opened and closed kept about 45 MB
of the shared server's memory.
"""

from __future__ import annotations

import gc

from textual._styles_cache import StylesCache

from screens.board import BoardScreen
from screens.risk_heatmap import RiskHeatmapScreen
from tests.support import press, settle, wait_until
from tui.app import make_app


def alive(kind: type) -> int:
    """How many objects of ``kind`` are still referenced from somewhere."""
    gc.collect()
    return sum(1 for item in gc.get_objects() if isinstance(item, kind))


async def test_boards_and_heatmaps_opened_and_closed_are_let_go(demo_path):
    app = make_app(demo_path, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)

        async def open_and_close(dimension: str) -> int:
            """Open a board and the heatmap, close both, and count the styles caches left."""
            await press(pilot, dimension, "escape", "r", "escape")
            await wait_until(pilot, lambda: alive(BoardScreen) == alive(RiskHeatmapScreen) == 0,
                             what="the closed screens let go")
            return alive(StylesCache)

        first = await open_and_close("1")
        later = [await open_and_close(dimension) for dimension in "23456"]
        assert max(later) <= first + 20, f"the closed screens' widgets are still held: {first} → {later}"
        watching = [node for watchers in getattr(app, "__watchers", {}).values() for node, _ in watchers]
        assert not [node for node in watching if node._closing], "closed widgets still watch the app"
