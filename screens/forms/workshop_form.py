"""The workshop form: every header field the minutes use, each refused value said beside it.

The people fields (chair, speakers, facilitator, minute-taker) complete the names of registered
participants as they are typed (→ takes the suggestion); a name nobody registered is registered
with that role when the form is saved (:func:`data.setup.save_setup`), so a new person takes
one step. Dates are typed as ``2024-07-02`` or ``2/7/2024``, several separated by commas.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.suggester import Suggester, SuggestFromList
from textual.widgets import Input, Select

from core.i18n import _
from core.models import Participant, Stage, TimeZone
from core.setup import WorkshopSetup
from screens.forms.field_form import FieldForm

TEXT_FIELDS = ("organiser", "title", "event", "region", "dates", "start_time", "end_time", "venue",
               "chair", "speakers", "facilitator", "minute_taker", "next_stage_date",
               "horizon_start", "horizon_end")
CHOICES = ("stage", "time_zone", "language")
ORDER = ("organiser", "title", "event", "region", "stage", "dates", "start_time", "end_time",
         "time_zone", "venue", "chair", "speakers", "facilitator", "minute_taker", "next_stage_date",
         "language", "horizon_start", "horizon_end")
"""The fields in the order the minutes' header has them."""

NAMES = ("chair", "facilitator", "minute_taker")
"""The one-person fields: they complete registered participants' names."""

HINTED = ("dates", "start_time", "end_time", "next_stage_date")
"""Fields whose empty input shows an example of what to type."""


class LastNameSuggester(Suggester):
    """Completes the last of comma-separated names from the registered participants."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(case_sensitive=False)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        head, _comma, last = value.rpartition(",")
        typed = last.lstrip().casefold()
        if not typed:
            return None
        found = next((n for n in self.names if n.casefold().startswith(typed)), None)
        if found is None:
            return None
        prefix = f"{head}, " if _comma else ""
        return prefix + found


class WorkshopForm(FieldForm[WorkshopSetup]):
    """Edit the workshop's header; dismisses with it (not yet saved) or ``None``."""

    MODEL = WorkshopSetup
    MODEL_ERROR_FIELD = "horizon_end"

    def __init__(self, workshop: WorkshopSetup, participants: list[Participant]) -> None:
        super().__init__(workshop)
        self.names = sorted({p.name for p in participants}, key=str.casefold)

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-panel", id="workshop-form") as panel:
            panel.border_title = _("setup.form.title")
            panel.border_subtitle = _("boards.form.hint")
            with VerticalScroll(id="workshop-form-fields"):
                for name in ORDER:
                    yield from self.row(name, self._field(name), _(f"setup.field.{name}"))
            yield from self.buttons()

    def _field(self, name: str) -> Input | Select:
        if name == "stage":
            return Select([(_(f"enum.Stage.{s.value}"), s.value) for s in Stage], value=self.item.stage.value,
                          allow_blank=False)
        if name == "time_zone":
            return Select([(_(f"enum.TimeZone.{z.value}"), z.value) for z in TimeZone],
                          value=self.item.time_zone.value, allow_blank=False)
        if name == "language":
            return Select([(_("setup.language.id"), "id"), (_("setup.language.en"), "en")],
                          value=self.item.language, allow_blank=False)
        return Input(self._text(name), max_length=300, suggester=self._suggester(name),
                     placeholder=_(f"setup.hint.{name}") if name in HINTED else "")

    def _suggester(self, name: str) -> Suggester | None:
        if name == "speakers":
            return LastNameSuggester(self.names)
        return SuggestFromList(self.names, case_sensitive=False) if name in NAMES else None

    def _text(self, name: str) -> str:
        """A field's value as the form shows it."""
        value = getattr(self.item, name)
        if name == "dates":
            return ", ".join(day.isoformat() for day in value)
        if name == "speakers":
            return ", ".join(value)
        if name == "next_stage_date":
            return value.isoformat() if value else ""
        return str(value)

    def on_mount(self) -> None:
        self.query_one("#field-organiser", Input).focus()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {n: self.query_one(f"#field-{n}", Input).value for n in TEXT_FIELDS}
        values.update({n: self.select_value(n) for n in CHOICES})
        return values

