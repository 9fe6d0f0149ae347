"""Asks how many minutes the room's timer should run: Enter or Ctrl+S starts it, 0 stops it, Escape cancels.

Not a :class:`~screens.forms.field_form.FieldForm` (there is no item to save and nothing worth
keeping as a draft), but laid out and refused as the kit's forms are: one
:class:`~screens.forms.field_row.FieldRow`, whose reason shows under the field with its mark.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from core.i18n import _
from screens.forms.field_row import FieldRow
from screens.support.opening import OpensInOneFrame
from tui.keys import Translated

MAX_MINUTES = 600
"""The longest timebox the timer takes: a whole workshop day."""


class TimerDialog(Translated, OpensInOneFrame[int | None], ModalScreen[int | None]):
    """Dismisses with the minutes typed (0: stop the timer), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "start", "keys.form.save", id="timer.start"),
        Binding("escape", "dismiss(None)", "keys.close", id="timer.cancel"),
    ]

    DEFAULT_CSS = """
    TimerDialog { align: center middle; }
    TimerDialog > Vertical {
        width: 60; max-width: 100%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    TimerDialog > Vertical > Label { width: 100%; }
    TimerDialog FieldRow .field-label { width: 10; }
    TimerDialog FieldRow .field-error { margin-left: 10; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("timer.question"))
            yield FieldRow("minutes", _("timer.minutes"), Input("", type="integer"))
            yield Label(_("timer.hint"))

    @property
    def row(self) -> FieldRow:
        """The minutes' row."""
        return self.query_one(FieldRow)

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        """Enter in the field starts the timer."""
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        """Dismiss with the minutes, or say under the field which numbers it takes."""
        typed = str(self.row.value).strip()
        minutes = int(typed) if typed.lstrip("-").isdigit() else -1
        if not 0 <= minutes <= MAX_MINUTES:
            self.row.refuse(_("timer.refused", most=MAX_MINUTES))
            self.row.bring_into_view()
            return
        self.dismiss(minutes)
