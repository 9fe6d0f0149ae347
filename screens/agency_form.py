"""The agency form: an OPD's abbreviation and full name."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from core.i18n import _
from core.models import Agency
from screens.field_form import FieldForm


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
