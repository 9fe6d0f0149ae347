"""The follow-up form: the agency that must act, the due date and the status; F3 adds an agency.

A kit form over the note: Ctrl+S saves it (refused if another terminal saved it first, the
typing kept), the due date is read as ``2024-07-19`` or ``19/7/2024`` and refused under its field.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from core.follow_ups import FollowUpInput
from core.i18n import _
from core.models import Agency, FollowUpStatus, Note
from data.store import WorkshopStore
from screens.forms.agency_form import NewAgency
from screens.forms.field_form import FieldForm, model_from, or_null
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice


class FollowUpForm(FieldForm[Note]):
    """Set who acts on a follow-up or data request, by when, and where it stands."""

    SMALL = True

    BINDINGS = [Binding("f3", "new_agency", "keys.board.new_agency", id="follow_up_form.new_agency")]
    HINT_KEY: ClassVar[str] = "form.hint_agency"

    def __init__(self, store: WorkshopStore, note: Note, agencies: list[Agency]) -> None:
        super().__init__(store, note)
        self.new_agency = NewAgency(self, store, agencies, "owner_agency_id")

    def heading(self) -> str:
        return _("follow_ups.form.title")

    def rows(self) -> ComposeResult:
        item = self.item
        yield FieldRow("text", _("follow_ups.field.text"), Input(item.text, max_length=20_000))
        yield FieldRow("owner_agency_id", _("follow_ups.field.agency"), Choice(
            self.new_agency.options, value=or_null(item.owner_agency_id), prompt=_("people.form.no_agency")))
        due = item.due.isoformat() if item.due else ""
        yield FieldRow("due", _("follow_ups.field.due"), Input(due, placeholder="2024-07-19"))
        statuses = [(_(f"enum.FollowUpStatus.{s.value}"), s.value) for s in FollowUpStatus]
        yield FieldRow("status", _("follow_ups.field.status"),
                       Choice(statuses, value=item.status.value, allow_blank=False))

    def first_field(self) -> str:
        return "owner_agency_id"

    def validate(self, values: dict[str, Any]) -> tuple[Note | None, dict[str, str]]:
        """The due date is read in either way of writing it."""
        typed, errors = model_from(FollowUpInput, {**self.item.model_dump(), **values})
        return (typed.note() if typed else None), errors

    def action_new_agency(self) -> None:
        """Register a new agency and make it the one that acts."""
        self.new_agency.open()
