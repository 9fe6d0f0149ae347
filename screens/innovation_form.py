"""The innovation form: create or edit one card, with each validation message beside its field.

A modal that dismisses with the validated :class:`Innovation` (not yet saved) or ``None``;
the board decides how to store it. Enter in a text field or F2 saves, Escape cancels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList

from core.i18n import _, current_language, translator
from core.models import Agency, Horizon, Innovation, InnovationStatus, QuickWin, ReferenceData, ReviewOutcome
from core.validation import MODEL_FIELD, field_errors
from tui.keys import Translated

TEXT_FIELDS = ("title", "improvement", "problem", "beneficiaries", "programme")
"""The one-line text fields, by model field name."""


def _enum_options(enum: type, prefix: str = "boards.enum") -> list[tuple[str, str]]:
    return [(_(f"{prefix}.{enum.__name__}.{member.value}"), member.value) for member in enum]


class InnovationForm(Translated, ModalScreen[Innovation | None]):
    """Every field of an innovation card, each with room for its validation message."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("f2", "save", "keys.board.save", id="form.save"),
        Binding("escape", "cancel", "keys.board.cancel", id="form.cancel"),
    ]

    def __init__(self, innovation: Innovation, reference: ReferenceData, agencies: list[Agency]) -> None:
        super().__init__(id="innovation-form")
        self.innovation = innovation
        self.reference = reference
        self.agencies = sorted(agencies, key=lambda a: a.abbreviation.lower())

    def compose(self) -> ComposeResult:
        item = self.innovation
        title = "boards.form.edit" if item.id else "boards.form.new"
        with VerticalScroll(id="form-panel") as panel:
            panel.border_title = _(title, dimension=self.reference.dimension(item.dimension).name)
            yield from self._row("title", Input(item.title, max_length=300))
            yield from self._row("element", Select(self._elements(), value=item.element, allow_blank=False))
            yield from self._row("status", Select(_enum_options(InnovationStatus), value=item.status.value,
                                                  allow_blank=False))
            yield from self._row("review_outcome", Select(_enum_options(ReviewOutcome),
                                                          value=_or_null(item.review_outcome),
                                                          prompt=_("boards.enum.ReviewOutcome.none")))
            yield from self._row("improvement", Input(item.improvement))
            yield from self._row("lead_agency_id", Select(self._agencies(), value=_or_null(item.lead_agency_id),
                                                          prompt=_("boards.form.no_agency")))
            yield from self._row("supporting_agency_ids", self._supporting())
            yield from self._row("problem", Input(item.problem))
            yield from self._row("beneficiaries", Input(item.beneficiaries))
            yield from self._row("horizon", Select(_enum_options(Horizon), value=item.horizon.value,
                                                   allow_blank=False))
            yield from self._row("programme", Input(item.programme, max_length=300))
            yield from self._row("quick_win", Select(_enum_options(QuickWin), value=item.quick_win.value,
                                                     allow_blank=False))
            with Horizontal(id="form-buttons"):
                yield Button(_("boards.form.save"), variant="primary", id="form-save")
                yield Button(_("boards.form.cancel"), id="form-cancel")

    def _row(self, name: str, field: Widget) -> ComposeResult:
        field.id = f"field-{name}"
        field.compact = True  # one line per field: the whole form fits 80×24
        with Horizontal(classes="form-row", id=f"row-{name}"):
            yield Label(_(f"boards.field.{name}"), classes="form-label")
            yield field
            yield Label("", classes="form-error -empty", id=f"error-{name}", markup=False)

    def _elements(self) -> list[tuple[str, str]]:
        return [(f"{e.code} {e.label}", e.code) for e in self.reference.elements_of(self.innovation.dimension)]

    def _agencies(self) -> list[tuple[str, int]]:
        return [(a.abbreviation, a.id) for a in self.agencies]

    def _supporting(self) -> SelectionList:
        chosen = set(self.innovation.supporting_agency_ids)
        return SelectionList(*[(a.abbreviation, a.id, a.id in chosen) for a in self.agencies])

    def on_mount(self) -> None:
        self.query_one("#field-title", Input).focus()

    # -- reading the fields ------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The fields as typed, by model field name."""
        values: dict[str, Any] = {n: self.query_one(f"#field-{n}", Input).value for n in TEXT_FIELDS}
        for name in ("element", "status", "review_outcome", "lead_agency_id", "horizon", "quick_win"):
            value = self.query_one(f"#field-{name}", Select).value
            values[name] = None if value is Select.NULL else value
        values["supporting_agency_ids"] = sorted(self.query_one("#field-supporting_agency_ids",
                                                                SelectionList).selected)
        return values

    def validated(self) -> Innovation | None:
        """The innovation the form describes, or ``None`` after showing what is wrong."""
        try:
            result = Innovation.model_validate({**self.innovation.model_dump(), **self.values()})
        except ValidationError as exc:
            self.show_errors(field_errors(exc, translator(current_language())))
            return None
        self.show_errors({})
        return result

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message beside its field (a whole-model error beside the element)."""
        if MODEL_FIELD in errors:
            errors.setdefault("element", errors.pop(MODEL_FIELD))
        for label in self.query(".form-error").results(Label):
            message = errors.get(label.id.removeprefix("error-"), "")
            label.update(message)
            label.set_class(not message, "-empty")
        if errors:
            first = next(iter(errors))
            self.query_one(f"#field-{first}").focus()

    # -- finishing ---------------------------------------------------------------------------

    def action_save(self) -> None:
        """Close with the innovation, if every field is valid."""
        result = self.validated()
        if result is not None:
            self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

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


def _or_null(value: Any) -> Any:
    if value is None:
        return Select.NULL
    return getattr(value, "value", value)
