"""Choose an innovation by typing part of its title: the way into its action plan.

Until the innovation detail screen opens action plans itself, the overview's ``a`` opens this
picker; Enter on an innovation dismisses with its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from core.i18n import _
from core.models import Innovation
from data.store import WorkshopStore
from tui.keys import Translated


class InnovationPicker(Translated, ModalScreen[int | None]):
    """A filter line over the workshop's innovations; Enter opens, Escape closes."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "dismiss(None)", "keys.close", id="picker.close"),
        Binding("down", "to_list", "keys.down", show=False, id="picker.down"),
    ]

    @dataclass
    class Loaded(Message):
        """The innovations, read in a worker."""

        innovations: list[Innovation]

    def __init__(self, store: WorkshopStore) -> None:
        super().__init__(id="innovation-picker")
        self.store = store
        self.innovations: list[Innovation] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-panel") as panel:
            panel.border_title = _("actions.picker.title")
            yield Input(placeholder=_("actions.picker.filter"), id="picker-filter", compact=True)
            yield OptionList(id="picker-list")
            yield Label(_("actions.picker.hint"), id="picker-hint")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="picker-load")
    def load(self) -> None:
        """Read the innovations off the UI thread: dimensions in reference order, then elements."""
        order = {d.code: d.order for d in self.store.reference().dimensions}
        found = self.store.all(Innovation, order=("element", "position", "id"))
        self.post_message(self.Loaded(sorted(found, key=lambda i: order.get(i.dimension, 99))))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        """Keep the innovations read and list those matching the filter line."""
        self.innovations = message.innovations
        self.refilter()

    @on(Input.Changed)
    def refilter(self) -> None:
        """Show the innovations whose title, code or element contains what is typed."""
        typed = self.query_one(Input).value.casefold()
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(f"{i.element:<6} {i.title}", id=str(i.id))
            for i in self.innovations if typed in f"{i.element} {i.title}".casefold()
        )
        options.highlighted = 0 if options.option_count else None

    def action_to_list(self) -> None:
        """Down from the filter line into the list."""
        self.query_one(OptionList).focus()

    @on(Input.Submitted)
    def open_highlighted(self) -> None:
        """Enter in the filter line opens the highlighted innovation."""
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter in the list opens the chosen innovation."""
        self._open(event.option.id)

    def _open(self, option_id: str | None) -> None:
        """Close with the innovation whose option was chosen (each option's id is one)."""
        if option_id is not None:
            self.dismiss(int(option_id))
