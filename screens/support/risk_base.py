"""What the risk heatmap and the risk register share: loading, filters, and saving risks.

Every read and write runs in a thread worker that posts a message back; the screen shows what
the message carries. Filters (dimension, agency, category) are cycled by keys, one press per
choice, back to "all" after the last one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive

from core.i18n import _
from core.models import Risk, TargetType
from core.register import RiskFilter, RiskSnapshot
from data.errors import StoreError
from data.risks import REGISTER_TABLES, delete_risk, set_risk_appetite, snapshot, still_current
from screens.dialogs.confirm import ask
from screens.support.base import WorkshopScreen, Workspace
from tui.messages import CaptureContext
from tui.workers import in_thread

FILTER_BINDINGS = [
    # The filter line names every filter's key ("Dimensi (d): semua · OPD (o): …"): none is in
    # the footer, which then fits at 80 columns.
    Binding("d", "cycle('dimension')", "keys.risk_dimension", show=False, id="risks.dimension"),
    Binding("o", "cycle('agency_id')", "keys.risk_agency", show=False, id="risks.agency"),
    Binding("c", "cycle('category')", "keys.risk_category", show=False, id="risks.category"),
    Binding("0", "clear_filters", "keys.risk_clear", show=False, id="risks.clear"),
    Binding("i", "innovation", "keys.risk_innovation", show=False, id="risks.innovation"),
]
"""Filter keys, the same on the heatmap and the register."""


def next_choice(choices: list[Any], current: Any) -> Any:
    """The choice after ``current`` (``None`` is "all", before the first and after the last)."""
    cycle = [None, *choices]
    position = cycle.index(current) if current in cycle else 0
    return cycle[(position + 1) % len(cycle)]


class RiskScreen(WorkshopScreen):
    """A screen over the risk register. Subclasses implement :meth:`show`."""
    reads = REGISTER_TABLES

    filters: reactive[RiskFilter] = reactive(RiskFilter, init=False)
    """Which risks are shown; changing it reloads."""

    @dataclass
    class Loaded(Message):
        """A fresh snapshot of the register, read in a worker."""

        snapshot: RiskSnapshot

    @dataclass
    class Refused(Message):
        """The file refused a write (the app's failure line says why): read it again."""

    def __init__(self, workspace: Workspace, filters: RiskFilter | None = None, *, id: str | None = None,
                 snapshot: RiskSnapshot | None = None) -> None:
        super().__init__(workspace, id=id)
        self.snapshot: RiskSnapshot | None = None
        self._fresh = snapshot
        """A snapshot just read with these filters by the screen that opened this one: shown first,
        instead of reading the 9,000 risks of a large workshop again."""
        self.set_reactive(RiskScreen.filters, filters or RiskFilter())

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        fresh, self._fresh = self._fresh, None
        if fresh is None:
            self.load(self.filters)
        elif self.snapshot is not fresh:
            self.loaded(self.Loaded(fresh))

    def show_fresh(self) -> None:
        """Show the snapshot the opening screen handed over now, before the screen is first
        drawn (one frame, not an empty one and then a full one); the read that comes with the
        screen's first appearance then reads nothing."""
        if self._fresh is not None:
            self.loaded(self.Loaded(self._fresh))

    def watch_filters(self) -> None:
        self.reload()

    @in_thread(exclusive=True, group="risk-load")
    def load(self, filters: RiskFilter) -> None:
        """Read the register off the UI thread, unless what is shown is still what it would read."""
        shown = self.snapshot
        if shown is None or not still_current(self.store, shown, filters):
            self.post_message(self.Loaded(snapshot(self.store, filters)))

    @dataclass
    class Written(Message):
        """A risk was saved or deleted: what to confirm to the user."""

        text: str

    @on(Loaded)
    def loaded(self, message: Loaded) -> None:
        """Keep and show a fresh snapshot."""
        self.snapshot = message.snapshot
        self.show(message.snapshot)

    @on(Refused)
    def refused(self) -> None:
        self.reload()

    def _written(self, write: Callable[[], object], text: str) -> None:
        """Run ``write`` (in a worker) and confirm it; a refusal reads the register again."""
        try:
            write()
        except StoreError:
            self.post_message(self.Refused())
            raise
        self.post_message(self.Written(text))

    @on(Written)
    def written(self, message: Written) -> None:
        """Confirm a write and re-read the register."""
        self.notify(message.text)
        self.reload()

    def show(self, snapshot: RiskSnapshot) -> None:
        """Show a fresh snapshot."""

    # -- filters -----------------------------------------------------------------------------

    def filter_choices(self, name: str) -> list[Any]:
        """What the filter ``name`` can be set to, from the last snapshot."""
        snap = self.snapshot
        if snap is None:
            return []
        if name == "dimension":
            return [d.code for d in sorted(snap.reference.dimensions, key=lambda d: d.order)]
        if name == "agency_id":
            return [a.id for a in snap.agencies_in_use]
        return list(snap.categories_in_use)

    def action_cycle(self, name: str) -> None:
        """Set a filter to its next choice."""
        current = getattr(self.filters, name)
        self.filters = replace(self.filters, **{name: next_choice(self.filter_choices(name), current)})

    def action_clear_filters(self) -> None:
        """Show every risk again (an innovation's register stays on its innovation)."""
        self.filters = RiskFilter(innovation_id=self.filters.innovation_id)

    def action_innovation(self) -> None:
        """Show only the selected risk's innovation (its register); again: every innovation."""
        risk = self.selected_risk()
        if self.filters.innovation_id is not None:
            self.filters = replace(self.filters, innovation_id=None)
        elif risk is not None:
            self.filters = replace(self.filters, innovation_id=risk.innovation_id)

    def filter_text(self) -> str:
        """``Dimension: GOV · Agency: all · Category: all``, and the innovation if one is chosen."""
        every = _("risk.filter.all")
        agencies = {a.id: a.abbreviation for a in (self.snapshot.agencies if self.snapshot else [])}
        text = _("risk.filters", dimension=self.filters.dimension or every,
                 agency=agencies.get(self.filters.agency_id, every), category=self.filters.category or every)
        titles = dict(self.snapshot.innovations) if self.snapshot else {}
        if self.filters.innovation_id in titles:
            text = _("risk.filter.innovation", title=titles[self.filters.innovation_id]) + " · " + text
        return text

    # -- notes ------------------------------------------------------------------------------

    def selected_risk(self) -> Risk | None:
        """The risk the user is on, if any (subclasses say which)."""
        return None

    def capture_context(self) -> CaptureContext:
        """A note typed here is attached to the selected risk, else to the workshop."""
        risk = self.selected_risk()
        row = next((r for r in self.snapshot.rows if r.risk == risk), None) if self.snapshot else None
        if row is None or risk is None:
            return super().capture_context()
        return CaptureContext(risk.event, row.dimension, TargetType.RISK, risk.id)

    # -- editing -----------------------------------------------------------------------------

    def open_form(self, risk: Risk | None = None, **preset: Any) -> None:
        """Open the risk form (a new risk starts from ``preset``); a confirmed risk is saved."""
        if self.snapshot is None:
            return
        if risk is None and not self.snapshot.innovations:
            self.notify(_("risk.notify.no_innovations"), severity="warning")
            return
        from screens.forms.risk_form import RiskFormScreen  # imported when used: a risk screen's opening

        form = RiskFormScreen(self.store, self.snapshot, risk, innovation_id=self.filters.innovation_id, **preset)
        self.app.push_screen(form, self._saved_from_form)

    def _saved_from_form(self, risk: Risk | None) -> None:
        """The form saved the risk: say so and read the register again."""
        if risk is not None:
            self.post_message(self.Written(_("notify.saved")))

    def action_delete_risk(self) -> None:
        """Delete the selected risk, after asking."""
        risk = self.selected_risk()
        if risk is not None and risk.id is not None:
            risk_id = risk.id
            ask(self, _("risk.delete.question", event=risk.event), lambda: self.delete(risk_id),
                yes=_("dialog.delete"))

    @in_thread(group="risk-write")
    def delete(self, risk_id: int) -> None:
        """Delete one risk."""
        self._written(lambda: delete_risk(self.store, risk_id), _("risk.notify.deleted"))

    @in_thread(group="risk-write")
    def save_appetite(self, appetite: int) -> None:
        """Store the workshop's risk appetite."""
        self._written(lambda: set_risk_appetite(self.store, appetite), _("notify.saved"))
