"""The risk screens are drawn once, whole (issue 15): the heatmap's first frame already has its
counts and its cell list, and the register's first frame its rows, rather than an empty screen
and then a full one (two or three full frames for one key on a slow link)."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import DataTable, Label

from screens.risk_heatmap import RiskHeatmapScreen
from screens.risk_register import RiskRegisterScreen
from tests.support import settle, wait_until
from tui.app import make_app


def _record_first_frames(app) -> dict[type, tuple[str, int]]:
    """For each screen type, what its first painted frame showed: the first label's text and the
    first table's rows (a frame held back by a batch update is not painted)."""
    seen: dict[type, tuple[str, int]] = {}
    display = app._display

    def recording(screen: Screen, renderable) -> None:
        if renderable is not None and not app._batch_count and type(screen) not in seen:
            labels = [str(label.render()) for label in screen.query(Label) if label.id]
            tables = list(screen.query(DataTable))
            seen[type(screen)] = (" | ".join(labels), tables[0].row_count if tables else 0)
        display(screen, renderable)

    app._display = recording
    return seen


async def test_heatmap_and_register_first_frames_are_whole(risk_workshop):
    app = make_app(risk_workshop, language="en")
    seen = _record_first_frames(app)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("r")
            await wait_until(pilot, lambda: isinstance(app.screen, RiskHeatmapScreen) and app.screen.snapshot)
            await settle(pilot)
            count = len(app.screen.snapshot.rows)
            text, _rows = seen[RiskHeatmapScreen]
            assert f"{count} risks" in text  # the summary line's count is in the first frame

            await pilot.press("r")
            await wait_until(pilot, lambda: isinstance(app.screen, RiskRegisterScreen))
            await settle(pilot)
            _text, rows = seen[RiskRegisterScreen]
            assert rows == count  # the register's rows are in its first frame
    finally:
        app.store.close()
