"""The agency form (an OPD's abbreviation and full name), and F3 in other forms to add one.

:class:`NewAgency` lets a form with an agency field register a new agency in one step: F3
opens the agency form, which saves the agency, and the field selects it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input

from core.i18n import _
from core.models import Agency
from data.store import WorkshopStore
from screens.forms.field_form import FieldForm
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice


class AgencyForm(FieldForm[Agency]):
    """Create or edit one agency; dismisses with it, saved, or ``None``."""

    SMALL = True

    @staticmethod
    def blank() -> Agency:
        """An empty agency to fill in (not valid until its abbreviation is typed)."""
        return Agency.model_construct(id=None, version=0, abbreviation="", name="")

    def heading(self) -> str:
        return _("people.agency.edit" if self.item.id else "people.agency.new")

    def rows(self) -> ComposeResult:
        yield FieldRow("abbreviation", _("people.field.abbreviation"), Input(self.item.abbreviation, max_length=300))
        yield FieldRow("name", _("people.field.agency_name"), Input(self.item.name, max_length=300))


def sorted_agencies(agencies: list[Agency]) -> list[Agency]:
    """Agencies as the forms list them: by abbreviation, whatever the case."""
    return sorted(agencies, key=lambda a: a.abbreviation.lower())


class NewAgency:
    """F3 in a form: register an agency and choose it in the form's agency field.

    Owned by the form (``self.new_agency = NewAgency(self, store, agencies, "agency_id")``);
    the form binds F3 to an action that calls :meth:`open`.
    """

    def __init__(self, form: Screen[Any], store: WorkshopStore, agencies: list[Agency], field: str,
                 added: Callable[[Agency], None] | None = None) -> None:
        self.form = form
        self.store = store
        self.agencies = sorted_agencies(agencies)
        self.field = field
        self.added = added
        """Called with a new agency, to offer it in the form's other agency fields too."""

    @property
    def options(self) -> list[tuple[str, int | None]]:
        """The agencies as the field's options."""
        return [(a.abbreviation, a.id) for a in self.agencies]

    def open(self) -> None:
        """Open the agency form over the form."""
        self.form.app.push_screen(AgencyForm(self.store, AgencyForm.blank()), self._saved)

    def _saved(self, agency: Agency | None) -> None:
        if agency is None:
            return
        self.agencies = sorted_agencies([*self.agencies, agency])
        field = self.form.query_one(f"#field-{self.field}", Choice)
        field.set_options(self.options)
        field.value = agency.id
        if self.added is not None:
            self.added(agency)
        self.form.notify(_("boards.notify.agency_added", name=agency.abbreviation))
