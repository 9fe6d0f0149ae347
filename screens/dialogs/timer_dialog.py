"""Asks how many minutes the room's timer should run: Enter starts it, 0 stops it, Escape cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from core.i18n import _
from tui.keys import Translated

MAX_MINUTES = 600
"""The longest timebox the timer takes: a whole workshop day."""


class TimerDialog(Translated, ModalScreen[int | None]):
    """Dismisses with the minutes typed (0: stop the timer), or None when cancelled."""

    BINDINGS = [Binding("escape", "dismiss(None)", "keys.close", id="timer.cancel")]

    DEFAULT_CSS = """
    TimerDialog { align: center middle; }
    TimerDialog > Vertical {
        width: 60; max-width: 100%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    TimerDialog #timer-error { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("timer.question"))
            yield Input("", id="timer-minutes", type="integer")
            yield Label("", id="timer-error", markup=False)
            yield Label(_("timer.hint"))

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        """Dismiss with the minutes, or say in one line which numbers it takes."""
        minutes = int(event.value) if event.value.lstrip("-").isdigit() else -1
        if not 0 <= minutes <= MAX_MINUTES:
            self.query_one("#timer-error", Label).update(_("timer.refused", most=MAX_MINUTES))
            return
        self.dismiss(minutes)
