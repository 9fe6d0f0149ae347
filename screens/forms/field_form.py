"""The base of rembuk's modal forms: labelled one-line fields, each with its message beside it.

A subclass composes its rows with :meth:`FieldForm.row`, reads them in :meth:`values`, and
names its model in ``MODEL``; the base validates, shows each error beside its field, and
dismisses with the validated model (not yet saved) or ``None``. Enter in a text field or F2
saves, Escape cancels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select

from core.i18n import _, current_language, translator
from core.validation import MODEL_FIELD, field_errors
from screens.forms.kept_form import KeptForm
from tui.keys import Translated

M = TypeVar("M", bound=BaseModel)


class FieldForm(Translated, KeptForm, ModalScreen[M | None], Generic[M]):
    """A form over one model: rows of label, field and error message."""

    CSS_PATH = Path(__file__).with_name("field_form.tcss")

    BINDINGS = [
        Binding("f2", "save", "keys.board.save", id="form.save"),
        Binding("escape", "cancel", "keys.board.cancel", id="form.cancel"),
    ]

    MODEL: ClassVar[type[BaseModel]]
    """The model the form edits."""

    MODEL_ERROR_FIELD: ClassVar[str] = ""
    """The field beside which an error about the model as a whole is shown."""

    def __init__(self, item: M) -> None:
        super().__init__(classes="field-form")
        self.item = item

    def kept_item(self) -> BaseModel:
        return self.item

    def row(self, name: str, field: Widget, label: str) -> ComposeResult:
        """One labelled field, ``#field-<name>``, with ``#error-<name>`` beside it."""
        field.id = f"field-{name}"
        field.compact = True  # one line per field: a whole form fits 80×24
        with Horizontal(classes="form-row", id=f"row-{name}"):
            yield Label(label, classes="form-label")
            yield field
            yield Label("", classes="form-error -empty", id=f"error-{name}", markup=False)

    def buttons(self) -> ComposeResult:
        """Save and Cancel, for the mouse; F2 and Escape do the same."""
        with Horizontal(classes="form-buttons"):
            yield Button(_("boards.form.save"), variant="primary", id="form-save")
            yield Button(_("boards.form.cancel"), id="form-cancel")

    def values(self) -> dict[str, Any]:
        """The fields as typed, by model field name."""
        raise NotImplementedError

    def select_value(self, name: str) -> Any:
        """A Select's value, ``None`` when blank."""
        value = self.query_one(f"#field-{name}", Select).value
        return None if value is Select.NULL else value

    def validated(self) -> M | None:
        """The model the form describes, or ``None`` after showing what is wrong."""
        try:
            result = self.MODEL.model_validate({**self.item.model_dump(), **self.values()})
        except ValidationError as exc:
            self.show_errors(field_errors(exc, translator(current_language())))
            return None
        self.show_errors({})
        return result

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message beside its field and put the cursor on the first one."""
        if MODEL_FIELD in errors and self.MODEL_ERROR_FIELD:
            errors.setdefault(self.MODEL_ERROR_FIELD, errors.pop(MODEL_FIELD))
        for label in self.query(".form-error").results(Label):
            message = errors.get(label.id.removeprefix("error-"), "")
            label.update(message)
            label.set_class(not message, "-empty")
        for name in errors:
            if self.query(f"#field-{name}"):
                self.query_one(f"#field-{name}").focus()
                break

    def action_save(self) -> None:
        """Close with the model, if every field is valid."""
        result = self.validated()
        if result is not None:
            self.dismiss(result)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()


def or_null(value: Any) -> Any:
    """A model value as a Select value: ``Select.NULL`` for ``None``, an enum's value."""
    if value is None:
        return Select.NULL
    return getattr(value, "value", value)
