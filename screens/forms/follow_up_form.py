"""The follow-up form: the agency that must act, the due date and the status; F3 adds an agency."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Select

from core.follow_ups import FollowUpInput
from core.i18n import _
from core.models import Agency, FollowUpStatus
from screens.forms.agency_form import OffersNewAgency
from screens.forms.field_form import FieldForm, or_null


class FollowUpForm(OffersNewAgency, FieldForm[FollowUpInput]):
    """Set who acts on a follow-up or data request, by when, and where it stands."""

    MODEL = FollowUpInput
    AGENCY_FIELD = "owner_agency_id"

    BINDINGS = [Binding("f3", "new_agency", "keys.board.new_agency", id="follow_up_form.new_agency")]

    def __init__(self, note: FollowUpInput, agencies: list[Agency]) -> None:
        super().__init__(note)
        self.agencies = agencies

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(classes="form-panel form-small") as panel:
            panel.border_title = _("follow_ups.form.title")
            panel.border_subtitle = _("boards.form.hint")
            yield from self.row("text", Input(item.text, max_length=20_000), _("follow_ups.field.text"))
            agencies = [(a.abbreviation, a.id) for a in self.agencies]
            yield from self.row("owner_agency_id", Select(agencies, value=or_null(item.owner_agency_id),
                                                          prompt=_("people.form.no_agency")),
                                _("follow_ups.field.agency"))
            due = item.due.isoformat() if item.due else ""
            yield from self.row("due", Input(due, placeholder="2024-07-19"), _("follow_ups.field.due"))
            statuses = [(_(f"enum.FollowUpStatus.{s.value}"), s.value) for s in FollowUpStatus]
            yield from self.row("status", Select(statuses, value=item.status.value, allow_blank=False),
                                _("follow_ups.field.status"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#field-owner_agency_id", Select).focus()

    def values(self) -> dict[str, Any]:
        return {"text": self.query_one("#field-text", Input).value, "due": self.query_one("#field-due", Input).value,
                "owner_agency_id": self.select_value("owner_agency_id"), "status": self.select_value("status")}
