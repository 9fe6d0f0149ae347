"""The participant form: name, position, agency, role and NIP; F3 adds a new agency."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Select

from core.i18n import _
from core.models import Agency, Participant, Role
from screens.forms.agency_form import OffersNewAgency
from screens.forms.field_form import FieldForm, or_null

TEXT_FIELDS = ("name", "position", "nip")


class ParticipantForm(OffersNewAgency, FieldForm[Participant]):
    """Create or edit one participant; dismisses with them (not yet saved) or ``None``."""

    MODEL = Participant

    BINDINGS = [Binding("f3", "new_agency", "keys.board.new_agency", id="participant_form.new_agency")]

    def __init__(self, participant: Participant, agencies: list[Agency]) -> None:
        super().__init__(participant)
        self.agencies = agencies

    @staticmethod
    def blank() -> Participant:
        """An empty participant to fill in."""
        return Participant.model_construct(id=None, version=0, name="", position="", agency_id=None,
                                           role=Role.PARTICIPANT, nip="")

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(classes="form-panel form-small") as panel:
            panel.border_title = _("people.participant.edit" if item.id else "people.participant.new")
            panel.border_subtitle = _("boards.form.hint")
            yield from self.row("name", Input(item.name, max_length=300), _("people.field.name"))
            yield from self.row("position", Input(item.position, max_length=300), _("people.field.position"))
            agencies = [(a.abbreviation, a.id) for a in self.agencies]
            yield from self.row("agency_id", Select(agencies, value=or_null(item.agency_id),
                                                    prompt=_("people.form.no_agency")), _("people.field.agency"))
            roles = [(_(f"people.enum.Role.{r.value}"), r.value) for r in Role]
            yield from self.row("role", Select(roles, value=or_null(item.role), allow_blank=False),
                                _("people.field.role"))
            yield from self.row("nip", Input(item.nip, max_length=300), _("people.field.nip"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#field-name", Input).focus()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {n: self.query_one(f"#field-{n}", Input).value for n in TEXT_FIELDS}
        values.update(agency_id=self.select_value("agency_id"), role=self.select_value("role"))
        return values
