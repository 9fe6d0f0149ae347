"""A yes/no question in a small dialog: Enter or y confirms, Escape or n declines."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from core.i18n import _
from tui.keys import Translated


class ConfirmScreen(Translated, ModalScreen[bool]):
    """Ask before doing something that is hard to take back; dismisses with the answer."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("enter,y", "answer(True)", "keys.board.confirm", id="confirm.yes"),
        Binding("escape,n", "answer(False)", "keys.board.cancel", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(id="confirm")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Label(self.question, id="confirm-question", markup=False)
            yield Label(_("boards.confirm.hint"), id="confirm-hint")

    def action_answer(self, answer: bool) -> None:
        """Close the dialog with ``answer``."""
        self.dismiss(answer)
