"""Choose an innovation by typing part of its title: the way into its action plan.

The overview's ``a`` reads the innovations, then opens this picker with them (:func:`open_picker`),
drawn in one frame, list and all; Enter on an innovation dismisses with its id.
Titles are shown as typed: a ``[`` in one is text, not markup.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from core.i18n import _
from data.innovations import choices
from data.store import WorkshopStore
from screens.support.opening import OpensInOneFrame
from screens.support.paint_hold import open_when_read
from tui.keys import Translated

Choices = list[tuple[int, str, str]]
"""``(id, element, title)`` of each innovation, in the order listed."""


class InnovationPicker(Translated, OpensInOneFrame[int | None], ModalScreen[int | None]):
    """A filter line over the workshop's innovations; Enter opens, Escape closes."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "dismiss(None)", "keys.close", id="picker.close"),
        Binding("down", "to_list", "keys.down", show=False, id="picker.down"),
    ]

    def __init__(self, innovations: Choices) -> None:
        super().__init__(id="innovation-picker")
        self.innovations = innovations

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-panel") as panel:
            panel.border_title = _("actions.picker.title")
            yield Input(placeholder=_("actions.picker.filter"), id="picker-filter", compact=True)
            yield OptionList(id="picker-list", markup=False)
            yield Label(_("actions.picker.hint"), id="picker-hint")

    def on_mount(self) -> None:
        self.refilter()

    @on(Input.Changed)
    def refilter(self) -> None:
        """Show the innovations whose title, code or element contains what is typed."""
        typed = self.query_one(Input).value.casefold()
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(f"{element:<6} {title}", id=str(key))
            for key, element, title in self.innovations if typed in f"{element} {title}".casefold()
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


def open_picker(opener: Screen[Any], store: WorkshopStore, chosen: Callable[[int | None], None]) -> None:
    """Read the innovations in a worker, then open the picker with them; ``chosen`` gets the id."""
    open_when_read(opener, lambda: choices(store), InnovationPicker, chosen)
