"""Choice widgets that work in 16 colours and in the user's language.

:class:`Choice` is a drop-down (Textual's ``Select``) whose own key, Escape to close the open
list, is described in the user's language in the footer and the help, and which remembers its
options as (label, value) pairs. :class:`Ticks` is a multiple choice (``SelectionList``) whose
ticked options show ``X`` and unticked ones a blank, so they differ by more than colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from rich.console import RenderableType
from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Select, SelectionList
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import OptionDoesNotExist

from core.i18n import _

TICKED, UNTICKED = "X", " "
"""What a ticked and an unticked option show inside their box."""


class Choice(Select[Any]):
    """A drop-down whose Escape is described in the user's language."""

    def __init__(self, options: Iterable[tuple[str, Any]], **kwargs: Any) -> None:
        self.choices: list[tuple[str, Any]] = list(options)
        """The options, as (label, value)."""
        super().__init__(self.choices, **kwargs)

    def set_options(self, options: Iterable[tuple[RenderableType | str, Any]]) -> None:
        """Offer other options (and remember them)."""
        self.choices = [(str(label), value) for label, value in options]
        super().set_options(self.choices)

    def on_mount(self) -> None:
        overlay = self.query_one(SelectOverlay)
        table = overlay._bindings.key_to_bindings  # Textual keeps no public setter for descriptions
        table["escape"] = [replace(b, description=_("keys.dismiss_menu")) for b in table.get("escape", [])]


class Ticks(SelectionList[Any]):
    """A multiple choice whose ticks are marks, not only colours."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        mark = TICKED if option.value in self.selected else UNTICKED
        segments = list(strip)
        if len(segments) > 1:
            inner = segments[1]
            segments[1] = Segment(mark, inner.style, inner.control)
        return Strip(segments, strip.cell_length)
