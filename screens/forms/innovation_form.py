"""The innovation form: create or edit one card, with each validation message beside its field.

Dismisses with the validated :class:`Innovation` (not yet saved) or ``None``; the board
decides how to store it. F3 registers a new agency without leaving the form: it is saved at
once and becomes the card's lead agency.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, SelectionList

from core.i18n import _
from core.models import Agency, Horizon, Innovation, InnovationStatus, QuickWin, ReferenceData, ReviewOutcome
from screens.forms.agency_form import OffersNewAgency
from screens.forms.field_form import FieldForm, or_null

TEXT_FIELDS = ("title", "improvement", "problem", "beneficiaries", "programme")
"""The one-line text fields, by model field name."""

CHOICE_FIELDS = ("element", "status", "review_outcome", "merge_into_id", "lead_agency_id", "horizon",
                 "quick_win")
"""The fields chosen from a list."""


def enum_options(enum: type) -> list[tuple[str, str]]:
    """A Select's options for an enum, labelled from the ``boards.enum`` catalog keys."""
    return [(_(f"boards.enum.{enum.__name__}.{member.value}"), member.value) for member in enum]


class InnovationForm(OffersNewAgency, FieldForm[Innovation]):
    """Every field of an innovation card."""

    MODEL = Innovation
    MODEL_ERROR_FIELD = "element"
    AGENCY_FIELD = "lead_agency_id"

    BINDINGS = [Binding("f3", "new_agency", "keys.board.new_agency", id="form.new_agency")]

    def __init__(self, innovation: Innovation, reference: ReferenceData, agencies: list[Agency],
                 merge_targets: list[tuple[str, int]] = ()) -> None:
        super().__init__(innovation)
        self.reference = reference
        self.merge_targets = list(merge_targets)
        """The innovations this one can be merged into, as (title, id)."""
        self.agencies = sorted(agencies, key=lambda a: a.abbreviation.lower())

    def compose(self) -> ComposeResult:
        item = self.item
        title = "boards.form.edit" if item.id else "boards.form.new"
        with VerticalScroll(classes="form-panel") as panel:
            panel.border_title = _(title, dimension=self.reference.dimension(item.dimension).name)
            panel.border_subtitle = _("boards.form.hint")
            yield from self._row("title", Input(item.title, max_length=300))
            yield from self._row("element", self._select(self._elements(), item.element))
            yield from self._row("status", self._select(enum_options(InnovationStatus), item.status))
            yield from self._row("review_outcome", Select(
                enum_options(ReviewOutcome), value=or_null(item.review_outcome),
                prompt=_("boards.enum.ReviewOutcome.none")))
            yield from self._row("improvement", Input(item.improvement))
            yield from self._row("merge_into_id", Select(
                self.merge_targets, value=or_null(item.merge_into_id), prompt="—"))
            yield from self._row("lead_agency_id", Select(
                self._agencies(), value=or_null(item.lead_agency_id), prompt=_("boards.form.no_agency")))
            yield from self._row("supporting_agency_ids", self._supporting())
            yield from self._row("problem", Input(item.problem))
            yield from self._row("beneficiaries", Input(item.beneficiaries))
            yield from self._row("horizon", self._select(enum_options(Horizon), item.horizon))
            yield from self._row("programme", Input(item.programme, max_length=300))
            yield from self._row("quick_win", self._select(enum_options(QuickWin), item.quick_win))
            yield from self.buttons()

    def _row(self, name: str, field) -> ComposeResult:
        return self.row(name, field, _(f"boards.field.{name}"))

    @staticmethod
    def _select(options: list[tuple[str, Any]], value: Any) -> Select:
        return Select(options, value=or_null(value), allow_blank=False)

    def _elements(self) -> list[tuple[str, str]]:
        return [(f"{e.code} {e.label}", e.code) for e in self.reference.elements_of(self.item.dimension)]

    def _agencies(self) -> list[tuple[str, int]]:
        return [(a.abbreviation, a.id) for a in self.agencies]

    def _supporting(self) -> SelectionList:
        chosen = set(self.item.supporting_agency_ids)
        return SelectionList(*[(a.abbreviation, a.id, a.id in chosen) for a in self.agencies])

    def on_mount(self) -> None:
        self.query_one("#field-title", Input).focus()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {n: self.query_one(f"#field-{n}", Input).value for n in TEXT_FIELDS}
        values.update({name: self.select_value(name) for name in CHOICE_FIELDS})
        supporting = self.query_one("#field-supporting_agency_ids", SelectionList)
        values["supporting_agency_ids"] = sorted(supporting.selected)
        return values

    def agency_added(self, agency: Agency) -> None:
        """The new agency can support the card too."""
        self.query_one("#field-supporting_agency_ids", SelectionList).add_option((agency.abbreviation, agency.id))
