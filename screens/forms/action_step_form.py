"""The form of one action step: every field of a rencana aksi row, with its reason beside it.

Dismisses with the saved step, or ``None`` when Escape closes it. Amounts, years and supporting
agencies are typed as text and read by :func:`core.step_input.read_step`, which says field by
field why a value is refused; the form keeps everything typed.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input

from core.i18n import _, current_language, translator
from core.labels import enum_label
from core.models import ActionStep, Agency, StepStatus
from core.rupiah import group
from core.step_input import budget_field, read_step
from data.store import WorkshopStore
from screens.forms.field_form import FieldForm, Saver, or_null, store_save
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice

TEXT_FIELDS = ("activity", "sub_activity", "output", "indicator", "target")


class ActionStepForm(FieldForm[ActionStep]):
    """Add or edit one step; the form opens on ``focus_field`` (the plan's cell)."""

    def __init__(self, store: WorkshopStore, step: ActionStep, years: range, agencies: list[Agency],
                 funding_sources: list[str], focus_field: str = "activity",
                 priorities: list[str] | None = None, save: Saver[ActionStep] = store_save) -> None:
        super().__init__(store, step, save)
        self.years = years
        self.agencies = agencies
        self.funding_sources = funding_sources
        self.focus_field = focus_field
        self.priorities = priorities or []

    def heading(self) -> str:
        return _("actions.form.edit" if self.item.id else "actions.form.new")

    # -- layout ------------------------------------------------------------------------------

    def rows(self) -> ComposeResult:
        step = self.item
        for name in TEXT_FIELDS:
            yield self._text(name, getattr(step, name))
        agencies = [(a.abbreviation, a.id) for a in self.agencies]
        yield self._row("lead_agency_id", Choice(agencies, value=or_null(step.lead_agency_id),
                                                 prompt=_("actions.form.no_agency")))
        yield self._text("supporting", self._supporting())
        for edge in ("start", "end"):
            yield self._text(f"{edge}_year", str(getattr(step, f"{edge}_year") or ""))
            yield FieldRow(f"{edge}_quarter", _("actions.field.quarter"),
                           Input(str(getattr(step, f"{edge}_quarter") or ""), placeholder="1–4"))
        for year in self.years:
            amount = step.budget.get(year)
            yield FieldRow(budget_field(year), _("actions.field.budget", year=year),
                           Input(group(amount) if amount else "", placeholder="Rp"))
        yield self._text("location", step.location)
        yield self._text("funding_source", step.funding_source, self.funding_sources)
        yield self._text("priority", step.priority, self.priorities)
        yield self._text("programme", step.programme)
        tr = translator(current_language())
        yield self._row("status", Choice([(enum_label(tr, s), s.value) for s in StepStatus],
                                         value=or_null(step.status), allow_blank=False))

    @staticmethod
    def _row(name: str, field: Input | Choice) -> FieldRow:
        return FieldRow(name, _(f"actions.field.{name}"), field)

    def _text(self, name: str, value: str, suggest: list[str] | None = None) -> FieldRow:
        suggester = SuggestFromList(suggest, case_sensitive=False) if suggest else None
        return self._row(name, Input(value, suggester=suggester))

    def _supporting(self) -> str:
        names = {a.id: a.abbreviation for a in self.agencies}
        return ", ".join(names[i] for i in self.item.supporting_agency_ids if i in names)

    def first_field(self) -> str:
        return self.focus_field

    # -- saving ------------------------------------------------------------------------------

    def validate(self, values: dict[str, Any]) -> tuple[ActionStep | None, dict[str, str]]:
        agencies = {a.abbreviation: a.id for a in self.agencies if a.id is not None}
        return read_step(values, self.item, self.years, agencies)
