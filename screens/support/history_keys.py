"""Undo, redo and the history view on every screen: Ctrl+Z, Ctrl+Y and ``H``.

Ctrl+Z and Ctrl+Y are single control bytes (0x1A, 0x19) that PuTTY, Windows Terminal and tmux
pass through unchanged; in the shell Ctrl+Z would suspend, but Textual reads the terminal in
raw mode, so the app receives it. They are priority bindings, so they work over the note line
and the forms too (modal screens hide the app's other bindings): in the note line Ctrl+Z takes
back the note just saved. No rembuk field has an undo of its own for them to shadow. ``H`` is
an ordinary binding, so typing a capital H in a field stays text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from core.i18n import _
from data.store import WorkshopStore
from screens.support.base import Workspace
from tui.messages import WorkshopChanged
from tui.workers import in_thread

if TYPE_CHECKING:  # undo and the history screen are imported when a key asks: start-up time matters
    from data import undo
    from screens.history import Reversed


class HistoryKeys(App[None]):
    """Mixin for the app: the keys that reverse this terminal's actions and show the record."""

    BINDINGS = [
        Binding("ctrl+z", "undo", "keys.undo", show=False, id="app.undo", priority=True),
        Binding("ctrl+y", "redo", "keys.redo", show=False, id="app.redo", priority=True),
        Binding("H", "history", "keys.history", show=False, id="app.history"),
    ]

    workspace: Workspace
    """The open workshop file and settings (the app sets it)."""

    def action_undo(self) -> None:
        """Undo this terminal's latest action."""
        from data import undo

        self.reverse(undo.undo, "history.undone", "history.nothing_to_undo")

    def action_redo(self) -> None:
        """Redo what this terminal undid last."""
        from data import undo

        self.reverse(undo.redo, "history.redone", "history.nothing_to_redo")

    @in_thread(group="undo")
    def reverse(self, step: Callable[[WorkshopStore], undo.Outcome], done: str, nothing: str) -> None:
        """Run an undo or redo off the UI thread; a refusal is a line, not a failure."""
        from data import undo
        from screens.history import Reversed

        try:
            outcome = step(self.workspace.store)
        except undo.UndoRefused as refused:
            self.post_message(Reversed(str(refused), changed=False))
            return
        if outcome.reversed_action is None:
            self.post_message(Reversed(_(nothing), changed=False))
        else:
            self.post_message(Reversed(_(done, what=outcome.label), changed=True, item=outcome.item))

    def on_reversed(self, message: Reversed) -> None:
        self.notify(message.line, severity="information" if message.changed else "warning", markup=False)
        if message.changed:
            self.broadcast(WorkshopChanged(external=False, item=message.item))

    def broadcast(self, message: WorkshopChanged) -> None:
        """Tell the screens of a change made here; the app tells only those that can be seen."""
        for screen in self.screen_stack:
            screen.post_message(message)

    def action_history(self) -> None:
        """The history of what the screen has highlighted, or of the whole workshop."""
        from screens.history import HistoryScreen, item_of

        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen(self.workspace, item_of(self.screen)))
