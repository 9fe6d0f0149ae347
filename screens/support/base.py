"""What every rembuk screen shares: translated bindings, a store, and reloading on change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Header

from core.i18n import _
from data.store import WorkshopStore
from tui.keys import Translated
from tui.messages import CaptureContext, WorkshopChanged
from tui.widgets.agenda_clock import AgendaClock


class WorkshopScreen(Translated, Screen):
    """A screen showing part of the workshop. Subclasses implement :meth:`reload`."""

    @property
    def store(self) -> WorkshopStore:
        """The open workshop file (owned by the app)."""
        return self.app.store  # type: ignore[attr-defined]

    def capture_context(self) -> CaptureContext:
        """What a note typed on this screen is attached to; the workshop unless overridden."""
        return CaptureContext(label=_("capture.general"))

    def _mount_clock(self) -> None:
        """The running agenda item and timer, in this screen's header (once)."""
        for header in self.query(Header):
            if not header.query(AgendaClock):
                header.mount(AgendaClock(self.store))

    def reload(self) -> None:
        """Fetch what the screen shows again (in a thread worker)."""

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()
        # After the first read has started: typing ahead waits for that read (tui.typeahead),
        # and a mount queued before it would let keys reach the screen before its data.
        self._mount_clock()
