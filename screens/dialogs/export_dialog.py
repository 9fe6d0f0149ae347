"""The export dialog: path, document and format; it dismisses with what to export.

Keys: Tab moves between the fields, arrows choose within a group, Enter in the path field
(or on the Export button) exports, Escape cancels. The focused group has a double frame and
its highlighted choice is in reverse, so focus shows in 16 colours too. The format follows a
typed extension (``.md``, ``.html``, ``.docx``, ``.pdf``: :data:`core.exports.FORMATS`, the one
list the CLI offers too), and
choosing a format changes the extension, so the two never disagree. Replacing an existing
file is asked with :class:`~screens.dialogs.confirm.ConfirmDialog`.
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
from screens.support.opening import OpensInOneFrame
from tui.keys import Translated


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked to export, and where."""

    path: Path
    document: str
    """``minutes`` or ``masterplan``."""
    fmt: str
    """``md``, ``html``, ``docx`` or ``pdf``."""


class RadioChoice(RadioButton):
    """A radio button whose state shows without colour: a dot when chosen, blank when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "●" if self.value else " "


class ExportDialog(Translated, OpensInOneFrame[ExportRequest | None], ModalScreen[ExportRequest | None]):
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
                with RadioSet(id="export-document") as documents:
                    documents.border_title = _("export.dialog.document")
                    for name in DOCUMENTS:
                        yield RadioChoice(_(f"export.choice.{name}"), value=name == self.document, name=name)
                with RadioSet(id="export-format") as formats:
                    formats.border_title = _("export.dialog.format")
                    for fmt in FORMATS:
                        yield RadioChoice(_(f"export.choice.{fmt}"), value=fmt == self.fmt, name=fmt)
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

    @on(Input.Changed, "#export-path")
    def follow_extension(self, event: Input.Changed) -> None:
        """A typed extension of :data:`~core.exports.FORMATS` (``.docx``, ``.pdf``, …) chooses that format."""
        typed = Path(event.value.strip()).suffix.removeprefix(".").lower()
        if typed in FORMATS and typed != self.fmt:
            for button in self.query_one("#export-format", RadioSet).query(RadioChoice):
                if button.name == typed:
                    button.value = True  # the set turns the other choice off
            self.fmt = typed

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
