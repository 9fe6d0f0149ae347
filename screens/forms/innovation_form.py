"""The innovation form: create or edit one card, with each refusal beside its field.

Dismisses with the saved :class:`Innovation` or ``None``; the board says how to save it (a new
card is placed at the end of its column). F3 registers a new agency without leaving the form:
it is saved at once and becomes the card's lead agency.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from core.i18n import _
from core.models import Agency, Horizon, Innovation, InnovationStatus, QuickWin, ReferenceData, ReviewOutcome
from data.store import WorkshopStore
from screens.forms.agency_form import NewAgency
from screens.forms.field_form import FieldForm, Saver, or_null, store_save
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice, Ticks


def enum_options(enum: type[Enum]) -> list[tuple[str, str]]:
    """A Select's options for an enum, labelled from the ``boards.enum`` catalog keys."""
    return [(_(f"boards.enum.{enum.__name__}.{member.value}"), member.value) for member in enum]


class InnovationForm(FieldForm[Innovation]):
    """Every field of an innovation card."""

    MODEL_ERROR_FIELD = "element"
    HINT_KEY: ClassVar[str] = "form.hint_agency"

    BINDINGS = [Binding("f3", "new_agency", "keys.board.new_agency", id="form.new_agency")]

    def __init__(self, store: WorkshopStore, innovation: Innovation, reference: ReferenceData,
                 agencies: list[Agency], merge_targets: list[tuple[str, int]] | None = None,
                 save: Saver[Innovation] = store_save) -> None:
        super().__init__(store, innovation, save)
        self.reference = reference
        self.merge_targets = list(merge_targets or [])
        """The innovations this one can be merged into, as (title, id)."""
        self.new_agency = NewAgency(self, store, agencies, "lead_agency_id", self._supporting_added)

    def heading(self) -> str:
        name = self.reference.dimension(self.item.dimension).name
        return _("boards.form.edit" if self.item.id else "boards.form.new", dimension=name)

    def rows(self) -> ComposeResult:
        item = self.item
        yield self._row("title", Input(item.title, max_length=300))
        yield self._row("element", self._fixed(self._elements(), item.element))
        yield self._row("status", self._fixed(enum_options(InnovationStatus), item.status))
        yield self._row("review_outcome", Choice(enum_options(ReviewOutcome), value=or_null(item.review_outcome),
                                                 prompt=_("boards.enum.ReviewOutcome.none")))
        yield self._row("improvement", Input(item.improvement))
        yield self._row("merge_into_id", Choice(self.merge_targets, value=or_null(item.merge_into_id), prompt="—"))
        yield self._row("lead_agency_id", Choice(self.new_agency.options, value=or_null(item.lead_agency_id),
                                                 prompt=_("boards.form.no_agency")))
        yield self._row("supporting_agency_ids", self._supporting())
        yield self._row("problem", Input(item.problem))
        yield self._row("beneficiaries", Input(item.beneficiaries))
        yield self._row("horizon", self._fixed(enum_options(Horizon), item.horizon))
        yield self._row("programme", Input(item.programme, max_length=300))
        yield self._row("quick_win", self._fixed(enum_options(QuickWin), item.quick_win))

    @staticmethod
    def _row(name: str, field: Input | Choice | Ticks) -> FieldRow:
        return FieldRow(name, _(f"boards.field.{name}"), field)

    @staticmethod
    def _fixed(options: list[tuple[str, Any]], value: Any) -> Choice:
        return Choice(options, value=or_null(value), allow_blank=False)

    def _elements(self) -> list[tuple[str, str]]:
        return [(f"{e.code} {e.label}", e.code) for e in self.reference.elements_of(self.item.dimension)]

    def _supporting(self) -> Ticks:
        chosen = set(self.item.supporting_agency_ids)
        return Ticks(*[(a.abbreviation, a.id, a.id in chosen) for a in self.new_agency.agencies])

    def action_new_agency(self) -> None:
        """Register a new agency: it becomes the lead agency."""
        self.new_agency.open()

    def _supporting_added(self, agency: Agency) -> None:
        """The new agency can support the card too."""
        self.query_one("#field-supporting_agency_ids", Ticks).add_option((agency.abbreviation, agency.id))
