"""An exception no worker caught ends the run with everything typed kept, and says where it is."""

from __future__ import annotations

import pytest

from core.line_draft import LineDraft
from data.store import WorkshopStore
from tui.app import make_app
from tui.settings import data_dir


async def test_an_exception_in_a_handler_keeps_the_typing_and_logs_the_traceback(workshop_path):
    app = make_app(workshop_path, language="en")
    with pytest.raises(ZeroDivisionError):  # a test run re-raises it; the CLI starts a new run
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", *"Bappeda minta data")
            app.screen.call_later(lambda: 1 / 0)
            await pilot.pause()
    assert isinstance(app.failure, ZeroDivisionError)
    assert "ZeroDivisionError" in (data_dir() / "rembuk.log").read_text()
    store = WorkshopStore.open(workshop_path)
    assert LineDraft.loads(store.draft("capture")).text == "Bappeda minta data"
    store.close()
