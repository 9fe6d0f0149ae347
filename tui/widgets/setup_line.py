"""One line saying which header fields the minutes need are still empty, and the key to fill them."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from core.i18n import _


class SetupLine(Static):
    """``Minutes header incomplete: title, venue, chair (w: set up the workshop)``; hidden when complete."""

    DEFAULT_CSS = """
    SetupLine {
        height: 1;
        width: 100%;
        text-wrap: nowrap;
        text-overflow: ellipsis;  /* more empty fields than fit at 80 columns: cut with … */
        padding: 0 1;
        text-style: bold;
        background: $warning 30%;
    }
    SetupLine.-complete {
        display: none;
    }
    """

    missing: reactive[tuple[str, ...]] = reactive(tuple, always_update=True)
    """The header fields still empty (model field names); empty once the header is complete."""

    def __init__(self) -> None:
        super().__init__("", markup=False, classes="-complete")

    def watch_missing(self, missing: tuple[str, ...]) -> None:
        self.set_class(not missing, "-complete")
        names = ", ".join(_(f"setup.field.{name}") for name in missing)
        self.update(_("setup.line.missing", fields=names) if missing else "")
