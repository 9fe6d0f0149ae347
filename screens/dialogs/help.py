"""F1: every key available on the screen it was opened from, with what it does."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from core.i18n import _
from screens.support.opening import OpensInOneFrame
from tui.keys import Translated
from tui.widgets.whole_columns import WholeColumnTable

KeyRow = tuple[str, str]


class HelpScreen(Translated, OpensInOneFrame[None], ModalScreen[None]):
    """A table of keys and actions. Escape, F1 or q closes it."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape,f1,q,question_mark", "dismiss", "keys.close", id="help.close"),
    ]

    def __init__(self, rows: list[KeyRow]) -> None:
        super().__init__(id="help")
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-panel"):
            yield Label(_("help.title"), id="help-title")
            yield Label(_("help.intro"), id="help-intro")
            yield WholeColumnTable(id="help-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("help.key"), _("help.action"))
        for key, action in self.rows:
            table.add_row(key, action)
        table.focus()
