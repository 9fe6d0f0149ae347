"""One labelled field of a form, with the reason beside it when its value is refused.

The row owns its field (``#field-<name>``) and an error line under it (``#error-<name>``), shown
only while the value is refused and marked with ``✗`` so it reads without colour too.
:meth:`FieldRow.refuse` shows the reason, scrolls the row into view and focuses the field.
"""

from __future__ import annotations

from typing import Any

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList

from tui.widgets.choices import Choice

REFUSED_MARK = "✗ "


class FieldRow(Vertical):
    """A label, one field and, when refused, the reason under the field."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > .field-line { height: auto; }
    FieldRow .field-label { width: 22; padding: 0 1 0 0; color: $text-muted; }
    FieldRow .field-line > Input, FieldRow .field-line > Select { width: 1fr; }
    FieldRow .field-line > SelectionList { width: 1fr; height: 4; }
    FieldRow .field-error { display: none; width: 1fr; margin-left: 22; color: $text-error; text-style: bold; }
    FieldRow.-refused .field-error { display: block; }
    """

    def __init__(self, name: str, label: str, field: Widget) -> None:
        field.id = f"field-{name}"
        if isinstance(field, Input | Select):
            field.compact = True  # one line per field: a whole form fits 80×24
        # Children given here, not composed later, mount with the form: its first field can take
        # the focus before the next typed key arrives.
        super().__init__(Horizontal(Label(label, classes="field-label", markup=False), field, classes="field-line"),
                         Label("", id=f"error-{name}", classes="field-error", markup=False), id=f"row-{name}")
        self.field_name = name
        self.label = label
        self.field = field

    @property
    def error_label(self) -> Label:
        """The line that says why the value was refused."""
        return self.query_one(".field-error", Label)

    @property
    def refusal(self) -> str:
        """Why the value is refused, or ``""``."""
        return self._refusal if self.has_class("-refused") else ""

    _refusal = ""

    def refuse(self, reason: str) -> None:
        """Show why the value is refused."""
        self._refusal = reason
        self.error_label.update(REFUSED_MARK + reason)
        self.add_class("-refused")

    def accept(self) -> None:
        """The value is fine: the reason goes."""
        self._refusal = ""
        self.error_label.update("")
        self.remove_class("-refused")

    def bring_into_view(self) -> None:
        """Focus the field and scroll so that the field and its reason are both visible."""
        self.field.focus()
        self.call_after_refresh(self.scroll_visible, animate=False)

    @property
    def value(self) -> Any:
        """The field's value: text, a choice (``None`` when blank) or a sorted list of choices."""
        field = self.field
        if isinstance(field, Input):
            return field.value
        if isinstance(field, Select):
            return None if field.value is Select.NULL else field.value
        if isinstance(field, SelectionList):
            return sorted(field.selected)
        raise TypeError(f"not a field: {field!r}")

    def shown(self, value: Any) -> str:
        """``value`` as the field would show it (a choice's label rather than its id)."""
        value = getattr(value, "value", value)
        field = self.field
        if isinstance(field, Choice):
            return next((label for label, v in field.choices if v == value), "—" if value is None else str(value))
        if isinstance(field, SelectionList):
            chosen = set(value or ())
            return ", ".join(str(o.prompt) for o in field.options if getattr(o, "value", None) in chosen) or "—"
        return "—" if value in (None, "") else str(value)
