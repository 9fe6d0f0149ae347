"""The workshop form: every header field the minutes use, each refused value said beside it.

The people fields (chair, speakers, facilitator, minute-taker) complete the names of registered
participants as they are typed (→ takes the suggestion); a name nobody registered is registered
with that role when the form is saved (:func:`data.setup.save_setup`), so a new person takes
one step. Dates are typed as ``2024-07-02`` or ``2/7/2024``, several separated by commas.
A kit form: Ctrl+S saves the header in the form's worker, each refusal is said under its field.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import Suggester, SuggestFromList
from textual.widgets import Input

from core.i18n import _
from core.models import Participant, Stage, TimeZone
from core.setup import WorkshopSetup
from data.setup import save_setup
from data.store import WorkshopStore
from screens.forms.field_form import FieldForm
from screens.forms.field_row import FieldRow
from tui.widgets.choices import Choice

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
    """Edit the workshop's header; saves it (registering the people it names) and dismisses with
    it, or ``None``."""

    MODEL_ERROR_FIELD = "horizon_end"

    def __init__(self, store: WorkshopStore, workshop: WorkshopSetup, participants: list[Participant]) -> None:
        super().__init__(store, workshop, save=self._save)
        self.names = sorted({p.name for p in participants}, key=str.casefold)
        self.registered: list[Participant] = []
        """The people the saved header named that were registered with it."""

    def _save(self, store: WorkshopStore, setup: WorkshopSetup) -> WorkshopSetup:
        self.registered = save_setup(store, setup.workshop())
        return setup

    def heading(self) -> str:
        return _("setup.form.title")

    def rows(self) -> ComposeResult:
        for name in ORDER:
            yield FieldRow(name, _(f"setup.field.{name}"), self._field(name))

    def _field(self, name: str) -> Input | Choice:
        if name == "stage":
            return Choice([(_(f"enum.Stage.{s.value}"), s.value) for s in Stage], value=self.item.stage.value,
                          allow_blank=False)
        if name == "time_zone":
            return Choice([(_(f"enum.TimeZone.{z.value}"), z.value) for z in TimeZone],
                          value=self.item.time_zone.value, allow_blank=False)
        if name == "language":
            return Choice([(_("setup.language.id"), "id"), (_("setup.language.en"), "en")],
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
