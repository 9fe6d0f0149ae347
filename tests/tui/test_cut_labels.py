"""At 80×24 in Indonesian, the lines that used to stop at the screen's edge show whole."""

from __future__ import annotations

from textual.widget import Widget

from core.i18n import translator
from screens.capture import CaptureScreen
from tests.support import settle, wait_until
from tui.app import make_app


def shown_text(widget: Widget) -> str:
    """What ``widget`` draws, its lines joined with spaces, as far as its parent lets it show."""
    lines = [strip.text.rstrip() for strip in widget.render_lines(widget.size.region)]
    visible = widget.region.intersection(widget.parent.content_region)
    cut = widget.region.width - visible.width
    return " ".join(line[:len(line) - cut] if cut else line for line in lines if line).strip()


async def test_the_draft_offered_on_reopen_is_said_whole(workshop_path):
    """Before: ``… tersimpan dari sesi lalu: ada di baris ca`` stopped at the panel's edge."""
    from data.store import WorkshopStore

    store = WorkshopStore.open(workshop_path)
    store.save_draft("capture", "Dishub menunggu data")
    store.close()
    app = make_app(workshop_path, language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen), what="the note line")
        await settle(pilot)
        hint = app.screen.query_one("#capture-hint")
        assert shown_text(hint) == translator("id")("notify.draft_offered")
