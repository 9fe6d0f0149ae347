"""What every rembuk screen shares: translated bindings, a store, and reloading on change."""

from __future__ import annotations

from textual.screen import Screen

from core.i18n import _
from data.history import Item
from data.store import WorkshopStore
from tui.keys import Translated
from tui.messages import CaptureContext, WorkshopChanged


class WorkshopScreen(Translated, Screen):
    """A screen showing part of the workshop. Subclasses implement :meth:`reload`."""

    @property
    def store(self) -> WorkshopStore:
        """The open workshop file (owned by the app)."""
        return self.app.store  # type: ignore[attr-defined]

    def capture_context(self) -> CaptureContext:
        """What a note typed on this screen is attached to; the workshop unless overridden."""
        return CaptureContext(label=_("capture.general"))

    def history_item(self) -> Item | None:
        """The card, risk, step or note highlighted here, whose history ``H`` shows; None: the workshop's."""
        return None

    def reload(self) -> None:
        """Fetch what the screen shows again (in a thread worker)."""

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()
