"""The export dialog (path, document, format) and the overwrite confirmation.

Both are modals that ``dismiss`` a value; the preview screen decides what to do with it.
Keys: Tab moves between the fields, arrows choose within a group, Enter in the path field
(or on the Export button) exports, Escape cancels.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from core.exports import DOCUMENTS, FORMATS, with_format
from core.i18n import _
from tui.keys import Translated


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked to export, and where."""

    path: Path
    document: str
    """``minutes`` or ``masterplan``."""
    fmt: str
    """``md``, ``html``, ``docx`` or ``pdf``."""


class Choice(RadioButton):
    """A radio button whose state shows without colour: a dot when chosen, blank when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "●" if self.value else " "


class ExportDialog(Translated, ModalScreen[ExportRequest | None]):
    """Choose a path, the document and the format; dismisses with an :class:`ExportRequest`."""

    CSS_PATH = Path(__file__).with_name("export_dialog.tcss")
    BINDINGS = [Binding("escape", "cancel", "keys.cancel", id="export.cancel")]

    def __init__(self, folder: Path, stem: str, document: str = "minutes", fmt: str = "md") -> None:
        super().__init__(id="export-dialog")
        self.folder, self.stem = folder, stem
        self.document, self.fmt = document, fmt

    def compose(self) -> ComposeResult:
        with Vertical(id="export-panel"):
            yield Label(_("export.dialog.title"), id="export-title")
            yield Label(_("export.dialog.path"))
            yield Input(self._default_path(), id="export-path")
            with Horizontal(id="export-choices"):
                with RadioSet(id="export-document"):
                    for name in DOCUMENTS:
                        yield Choice(_(f"export.choice.{name}"), value=name == self.document, name=name)
                with RadioSet(id="export-format"):
                    for fmt in FORMATS:
                        yield Choice(_(f"export.choice.{fmt}"), value=fmt == self.fmt, name=fmt)
            yield Label("", id="export-error")
            yield Button(_("export.dialog.export"), id="export-go", variant="primary")
            yield Label(_("export.dialog.hint"), id="export-hint")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def _default_path(self) -> str:
        return str(self.folder / f"{self.stem}-{self.document}.{self.fmt}")

    @on(RadioSet.Changed, "#export-document")
    def choose_document(self, event: RadioSet.Changed) -> None:
        """Switch the document; a file name that follows the default pattern follows too."""
        old, self.document = self.document, str(event.pressed.name)
        field = self.query_one("#export-path", Input)
        field.value = field.value.replace(f"-{old}.", f"-{self.document}.")

    @on(RadioSet.Changed, "#export-format")
    def choose_format(self, event: RadioSet.Changed) -> None:
        """Switch the format, and the path's extension with it."""
        self.fmt = str(event.pressed.name)
        field = self.query_one("#export-path", Input)
        field.value = with_format(field.value, self.fmt)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def submit(self) -> None:
        """Dismiss with the request, unless the path is empty."""
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self.query_one("#export-error", Label).update(_("export.dialog.no_path"))
            return
        self.dismiss(ExportRequest(Path(typed).expanduser(), self.document, self.fmt))

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)


class ConfirmOverwrite(Translated, ModalScreen[bool]):
    """Ask before replacing an existing file: ``y`` replaces it; ``n`` or Escape keeps it."""

    CSS_PATH = Path(__file__).with_name("export_dialog.tcss")
    BINDINGS = [
        Binding("y", "answer(True)", "keys.overwrite", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "keys.keep", id="confirm.no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__(id="confirm-overwrite")
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Label(_("export.confirm.question", path=self.path), id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(_("export.confirm.yes"), id="confirm-yes", variant="error")
                yield Button(_("export.confirm.no"), id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()  # the safe choice is the default

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """A button answers too: Enter on the focused one, as the keys do."""
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        """Dismiss with the answer."""
        self.dismiss(yes)
