"""The participant form: name, position, agency, role and NIP; F3 adds a new agency."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from core.i18n import _
from core.models import Agency, Participant, Role
from data.store import WorkshopStore
from screens.forms.agency_form import NewAgency
from screens.forms.field_form import FieldForm, or_null
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice


class ParticipantForm(FieldForm[Participant]):
    """Create or edit one participant; dismisses with them, saved, or ``None``."""

    SMALL = True

    BINDINGS = [Binding("f3", "new_agency", "keys.board.new_agency", id="participant_form.new_agency")]
    HINT_KEY: ClassVar[str] = "form.hint_agency"

    def __init__(self, store: WorkshopStore, participant: Participant, agencies: list[Agency]) -> None:
        super().__init__(store, participant)
        self.new_agency = NewAgency(self, store, agencies, "agency_id")

    @staticmethod
    def blank() -> Participant:
        """An empty participant to fill in."""
        return Participant.model_construct(id=None, version=0, name="", position="", agency_id=None,
                                           role=Role.PARTICIPANT, nip="")

    def heading(self) -> str:
        return _("people.participant.edit" if self.item.id else "people.participant.new")

    def rows(self) -> ComposeResult:
        item = self.item
        yield FieldRow("name", _("people.field.name"), Input(item.name, max_length=300))
        yield FieldRow("position", _("people.field.position"), Input(item.position, max_length=300))
        yield FieldRow("agency_id", _("people.field.agency"), Choice(
            self.new_agency.options, value=or_null(item.agency_id), prompt=_("people.form.no_agency")))
        roles = [(_(f"people.enum.Role.{r.value}"), r.value) for r in Role]
        yield FieldRow("role", _("people.field.role"), Choice(roles, value=or_null(item.role), allow_blank=False))
        yield FieldRow("nip", _("people.field.nip"), Input(item.nip, max_length=300))

    def action_new_agency(self) -> None:
        """Register a new agency and choose it."""
        self.new_agency.open()
