"""The worker kit: a worker that fails in a way nobody planned for never ends the app."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.worker import WorkerFailed

from tui.app import make_app
from tui.workers import in_thread


class RowWrittenByAnotherTool(Exception):
    """Something no handler expects, as a bad row read back from the file would raise."""


@in_thread(group="test-boom")
def explode(screen) -> None:
    raise RowWrittenByAnotherTool("a row this version cannot read")


async def test_an_unexpected_error_in_a_worker_becomes_one_line_and_a_logged_traceback(
        workshop_path: Path, tmp_path: Path) -> None:
    app = make_app(workshop_path)
    async with app.run_test() as pilot:
        worker = explode(app.screen)
        with contextlib.suppress(WorkerFailed):  # the worker did fail: that is the point
            await worker.wait()
        await pilot.pause()
        assert app.is_running and app.return_code is None
        lines = [str(n.message) for n in app._notifications]
        assert any("RowWrittenByAnotherTool" in line and "rembuk.log" in line for line in lines), lines
        await pilot.press("n")  # the app still takes keys
        await pilot.pause()
        assert app.screen.id == "capture"
    log = tmp_path / "data-dir" / "rembuk.log"
    assert "a row this version cannot read" in log.read_text(encoding="utf-8")
