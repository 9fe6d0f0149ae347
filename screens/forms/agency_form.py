"""The agency form (an OPD's abbreviation and full name), and F3 in other forms to add one.

:class:`OffersNewAgency` lets a form with an agency field register a new agency in one step:
F3 opens the agency form, the agency is saved at once, and the field selects it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select

from core.i18n import _
from core.models import Agency
from data.errors import StoreError
from screens.forms.field_form import FieldForm


class AgencyForm(FieldForm[Agency]):
    """Create or edit one agency; dismisses with it (not yet saved) or ``None``."""

    MODEL = Agency

    @staticmethod
    def blank() -> Agency:
        """An empty agency to fill in (not valid until its abbreviation is typed)."""
        return Agency.model_construct(id=None, version=0, abbreviation="", name="")

    def compose(self) -> ComposeResult:
        title = "people.agency.edit" if self.item.id else "people.agency.new"
        with Vertical(classes="form-panel form-small") as panel:
            panel.border_title = _(title)
            panel.border_subtitle = _("boards.form.hint")
            yield from self.row("abbreviation", Input(self.item.abbreviation, max_length=300), _("people.field.abbreviation"))
            yield from self.row("name", Input(self.item.name, max_length=300), _("people.field.agency_name"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#field-abbreviation", Input).focus()

    def values(self) -> dict[str, Any]:
        return {name: self.query_one(f"#field-{name}", Input).value for name in ("abbreviation", "name")}


class OffersNewAgency:
    """Mixin for a :class:`FieldForm` with an agency Select and an ``agencies`` list.

    The form binds F3 to ``new_agency`` itself (Textual reads ``BINDINGS`` from widget classes
    only).
    """

    AGENCY_FIELD: ClassVar[str] = "agency_id"
    """The model field of the Select that takes the new agency."""

    agencies: list[Agency]

    def action_new_agency(self) -> None:
        """Register a new agency and select it in the form."""
        self.app.push_screen(AgencyForm(AgencyForm.blank()), self._agency_typed)

    def _agency_typed(self, agency: Agency | None) -> None:
        if agency is not None:
            self.save_agency(agency)

    @work(thread=True, group="form-agency")
    def save_agency(self, agency: Agency) -> None:
        """Store the new agency off the UI thread, then offer it in the form."""
        try:
            saved = self.app.store.save(agency)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, _("notify.error", message=str(exc)), severity="error")
            return
        self.app.call_from_thread(self._add_agency, saved)

    def _add_agency(self, agency: Agency) -> None:
        self.agencies = sorted([*self.agencies, agency], key=lambda a: a.abbreviation.lower())
        field = self.query_one(f"#field-{self.AGENCY_FIELD}", Select)
        field.set_options([(a.abbreviation, a.id) for a in self.agencies])
        field.value = agency.id
        self.agency_added(agency)
        self.notify(_("boards.notify.agency_added", name=agency.abbreviation))

    def agency_added(self, agency: Agency) -> None:
        """Hook: offer the new agency in the form's other agency fields too."""
